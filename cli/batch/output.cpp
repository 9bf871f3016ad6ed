#include "batch/output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <ostream>
#include <vector>

#include "errors.hpp"
#include "text_util.hpp"

namespace icp::cli::batch {

namespace {
constexpr std::size_t kFlushAt = 1 << 18;
constexpr long kProcSuperMagic = 0x9fa0;  // PROC_SUPER_MAGIC, <linux/magic.h>
constexpr int kMaxLinks = 40;             // as the kernel's MAXSYMLINKS
// What follows NAME in a temporary: ".icp-tmp-" + pid (≤ 10) + "-" + time
// (≤ 20) + "-XXXXXX", and the leading dot.
constexpr std::size_t kTempOverhead = 1 + 9 + 10 + 1 + 20 + 1 + 6;
constexpr std::size_t kNameMax = NAME_MAX;

std::string reason(int error) {
  return std::strerror(error);
}

std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The first `bytes` bytes of `name`, not cutting a UTF-8 sequence.
std::string cut_name(std::string_view name, std::size_t bytes) {
  if (name.size() <= bytes) return std::string(name);
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  return std::string(name.substr(0, end));
}

struct Resolved {
  std::string target;      // symbolic links followed (the last one not, when it is a /proc link)
  bool proc_link = false;  // reached a file-descriptor link of /proc: a stream, whatever it points at
};

// Follows symbolic links one at a time (so that a dangling link names the
// file to create), stopping at a link that lives in /proc.
Resolved resolve(const std::string& path, const std::string& shown) {
  std::string p = path;
  for (int hops = 0; hops <= kMaxLinks; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return {p, false};
    const std::string dir = dir_of(p);
    struct statfs fs {};
    if (::statfs(dir.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) == kProcSuperMagic) return {p, true};
    std::vector<char> buffer(PATH_MAX + 1);
    const ssize_t n = ::readlink(p.c_str(), buffer.data(), buffer.size() - 1);
    if (n < 0) throw IoError("cannot open the output " + shown + ": " + reason(errno));
    const std::string link(buffer.data(), static_cast<std::size_t>(n));
    p = !link.empty() && link[0] == '/' ? link : dir + "/" + link;
  }
  throw IoError("cannot open the output " + shown + ": " + reason(ELOOP));
}

// /proc/self/fd/N (or /dev/fd/N, /proc/<own pid>/fd/N) → N; -1 otherwise.
int own_descriptor(const std::string& link) {
  char* dir = ::realpath(dir_of(link).c_str(), nullptr);
  char* own = ::realpath("/proc/self/fd", nullptr);
  const bool same = dir && own && std::strcmp(dir, own) == 0;
  std::free(dir);
  std::free(own);
  if (!same) return -1;
  const std::string name = base_of(link);
  if (name.empty() || name.size() > 9 || name.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::atoi(name.c_str());
}

bool same_file(const struct stat& st, const std::optional<FileId>& input) {
  return input && input->dev == st.st_dev && input->ino == st.st_ino;
}

[[noreturn]] void refuse_input(const std::string& shown, const OutputPolicy& policy) {
  throw UsageError("the output " + shown + " is the input " + for_message(policy.input_name) +
                   " (the same file); nothing was written — choose another output file");
}

// Removes `dir`'s temporaries of this target that are older than this run
// and whose process is gone; says so on `notes`.
void remove_stale_temporaries(const std::string& dir, const std::string& prefix, std::time_t started,
                              std::ostream* notes) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (const dirent* entry = ::readdir(d)) {
    const std::string_view name(entry->d_name);
    if (!name.starts_with(prefix)) continue;
    const std::string rest(name.substr(prefix.size()));  // PID-TIME-XXXXXX
    char* end = nullptr;
    const unsigned long long pid = std::strtoull(rest.c_str(), &end, 10);
    if (end == rest.c_str() || *end != '-') continue;
    const char* time_begin = end + 1;
    const unsigned long long made = std::strtoull(time_begin, &end, 10);
    if (end == time_begin || *end != '-' || std::strlen(end + 1) != 6) continue;
    if (pid == 0 || pid > static_cast<unsigned long long>(INT_MAX)) continue;
    if (made >= static_cast<unsigned long long>(started)) continue;           // not older than this run
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // its process still runs
    struct stat st {};
    if (::fstatat(::dirfd(d), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    const std::string path = dir + "/" + std::string(name);
    if (::unlinkat(::dirfd(d), entry->d_name, 0) != 0) continue;
    if (notes) {
      const auto when = static_cast<std::time_t>(made);
      std::tm tm{};
      char stamp[64] = "?";
      if (::localtime_r(&when, &tm)) std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
      *notes << "icp-classify batch: removed the stale temporary file " << for_message(path) << " (" << st.st_size
             << " bytes, left by process " << pid << " at " << stamp << ", which is gone)\n";
    }
  }
  ::closedir(d);
}

}  // namespace

std::string temporary_prefix(std::string_view name) {
  return "." + cut_name(name, kNameMax - kTempOverhead) + ".icp-tmp-";
}

std::string partial_name(std::string_view name) {
  static constexpr std::string_view kSuffix = ".partial";
  return cut_name(name, kNameMax - kSuffix.size()) + std::string(kSuffix);
}

Output::Output(const std::string& path, std::ostream& standard_output, const OutputPolicy& policy) : path_(path) {
  if (path == "-") {
    shown_ = "standard output";
    if (&standard_output == &std::cout) {  // the process's: written with write(2), so that errors say why
      std::cout.flush();
      fd_ = STDOUT_FILENO;
      own_fd_ = false;
    } else {
      stream_ = &standard_output;
    }
    return;
  }
  shown_ = for_message(path);
  const Resolved resolved = resolve(path, shown_);
  target_ = resolved.target;

  // /dev/stdout, /proc/self/fd/N, ...: whatever they point at is written in place.
  if (resolved.proc_link) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0 && errno == ENXIO) {  // a socket cannot be opened by name; it can be duplicated
      const int n = own_descriptor(resolved.target);
      if (n >= 0) fd_ = ::fcntl(n, F_DUPFD_CLOEXEC, 3);
      if (fd_ < 0) errno = ENXIO;
    }
    if (fd_ < 0) throw IoError("cannot open the output " + shown_ + ": " + reason(errno));
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
      if (same_file(st, policy.input)) {
        close_fd();
        refuse_input(shown_, policy);
      }
      if (::ftruncate(fd_, 0) != 0) fail("cannot truncate the output " + shown_, errno);
    }
    return;
  }

  struct stat st {};
  const bool exists = ::lstat(target_.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) throw IoError("cannot open the output " + shown_ + ": " + reason(errno));
  if (exists && S_ISDIR(st.st_mode)) throw IoError("cannot write the output " + shown_ + ": " + reason(EISDIR));
  if (exists && !S_ISREG(st.st_mode)) {  // a pipe, a device: written in place, never replaced
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) throw IoError("cannot open the output " + shown_ + ": " + reason(errno));
    return;
  }
  if (exists) {
    if (same_file(st, policy.input)) refuse_input(shown_, policy);
    const bool writable =
        ::geteuid() == 0 ? (st.st_mode & 0222) != 0 : ::access(target_.c_str(), W_OK) == 0 || errno != EACCES;
    if (!writable && !policy.force) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
      throw UsageError("refusing to replace " + shown_ + ": it is read-only (mode " + mode +
                       "); nothing was written — use --force to replace it anyway");
    }
  }

  // A temporary file beside the target, so that rename() stays on one file system.
  const std::string dir = dir_of(target_);
  const std::string prefix = temporary_prefix(base_of(target_));
  const std::time_t started = std::time(nullptr);
  remove_stale_temporaries(dir, prefix, started, policy.notes);
  std::string templ = dir + "/" + prefix + std::to_string(::getpid()) + "-" + std::to_string(started) + "-XXXXXX";
  fd_ = ::mkostemp(templ.data(), O_CLOEXEC);
  if (fd_ < 0)
    throw IoError("cannot create a temporary file in " + for_message(dir) + " for the output " + shown_ + ": " +
                  reason(errno));
  temp_path_ = templ;
  // Keep the owner and permissions of a file being replaced; a new one gets 0666 & ~umask.
  mode_t mode = 0;
  if (exists) {
    if (::fchown(fd_, st.st_uid, st.st_gid) != 0) {
    }  // only root may give a file away: a best effort
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd_, mode);
}

Output::~Output() {
  if (!done_) abandon();
}

void Output::close_fd() {
  if (fd_ >= 0 && own_fd_) ::close(fd_);
  fd_ = -1;
}

void Output::fail(const std::string& what, int error) {
  const bool atomic = !temp_path_.empty();
  buffer_.clear();
  abandon();
  throw IoError(what + ": " + reason(error) +
                (atomic ? "; the temporary file was removed and " + shown_ + " was left as it was" : std::string()));
}

void Output::put(std::string_view bytes) {
  if (stream_) {
    stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!*stream_) throw IoError("cannot write " + shown_);
    return;
  }
  if (fd_ < 0) throw IoError("cannot write " + shown_ + ": the output is closed");
  std::size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + off, bytes.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write " + shown_, errno);
    }
    off += static_cast<std::size_t>(n);
  }
}

void Output::flush_buffer() {
  if (buffer_.empty()) return;
  put(buffer_);
  buffer_.clear();
}

void Output::write(std::string_view bytes) {
  if (buffer_.size() + bytes.size() < kFlushAt) {
    buffer_.append(bytes);
    return;
  }
  // A batch's worth: written as it is, not copied into the buffer first.
  flush_buffer();
  put(bytes);
}

void Output::commit() {
  flush_buffer();
  if (stream_) {
    done_ = true;
    stream_->flush();
    if (!*stream_) throw IoError("cannot write " + shown_);
    return;
  }
  if (temp_path_.empty()) {
    done_ = true;
    if (fd_ >= 0 && own_fd_) {
      const int fd = fd_;
      fd_ = -1;
      if (::close(fd) != 0) throw IoError("cannot write " + shown_ + ": " + reason(errno));
    }
    return;
  }
  if (::fsync(fd_) != 0) fail("cannot write " + shown_, errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot write " + shown_, errno);
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0)
    fail("cannot rename " + for_message(temp_path_) + " to " + for_message(target_), errno);
  temp_path_.clear();
  done_ = true;
}

std::string Output::keep_partial() {
  if (temp_path_.empty()) {
    commit();
    return "";
  }
  flush_buffer();
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot write " + shown_, errno);
  const std::string partial = dir_of(target_) + "/" + partial_name(base_of(target_));
  if (::rename(temp_path_.c_str(), partial.c_str()) != 0)
    fail("cannot rename " + for_message(temp_path_) + " to " + for_message(partial), errno);
  temp_path_.clear();
  done_ = true;
  return partial;
}

void Output::abandon() noexcept {
  done_ = true;
  if (temp_path_.empty() && fd_ >= 0) {  // a stream keeps the rows written so far
    std::size_t off = 0;
    while (off < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + off, buffer_.size() - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      off += static_cast<std::size_t>(n);
    }
  }
  close_fd();
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
  if (stream_) {
    try {
      if (!buffer_.empty()) stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
      stream_->flush();
    } catch (...) {
    }
  }
  buffer_.clear();
}

}  // namespace icp::cli::batch
