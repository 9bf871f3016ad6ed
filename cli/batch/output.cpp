#include "batch/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <vector>

#include "errors.hpp"

namespace icp::cli::batch {

namespace {
constexpr std::size_t kFlushAt = 1 << 18;

std::string errno_text() {
  return std::strerror(errno);
}
}  // namespace

Output::Output(const std::string& path, std::ostream& standard_output) : path_(path) {
  if (path == "-") {
    stream_ = &standard_output;
    return;
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {  // a pipe, a device: written in place, never replaced
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError("cannot open the output " + path + ": " + errno_text());
    return;
  }
  // A temporary file beside the target, so that rename() stays on one file system.
  std::vector<char> templ(path.begin(), path.end());
  const std::string suffix = ".icp-tmp-XXXXXX";
  templ.insert(templ.end(), suffix.begin(), suffix.end());
  templ.push_back('\0');
  fd_ = ::mkostemp(templ.data(), O_CLOEXEC);
  if (fd_ < 0) throw InputError("cannot create a temporary file beside " + path + ": " + errno_text());
  temp_path_ = templ.data();
  // Keep the permissions of a file being replaced; a new one gets 0666 & ~umask.
  mode_t mode = 0;
  if (exists) {
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

void Output::put(std::string_view bytes) {
  if (stream_) {
    stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!*stream_) throw std::runtime_error("cannot write the output");
    return;
  }
  std::size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + off, bytes.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot write " + (temp_path_.empty() ? path_ : temp_path_) + ": " + errno_text());
    }
    off += static_cast<std::size_t>(n);
  }
}

void Output::flush_buffer() {
  put(buffer_);
  buffer_.clear();
}

void Output::write(std::string_view bytes) {
  if (buffer_.size() + bytes.size() < kFlushAt) {
    buffer_.append(bytes);
    return;
  }
  // A batch's worth: written as it is, not copied into the buffer first.
  if (!buffer_.empty()) flush_buffer();
  put(bytes);
}

void Output::commit() {
  flush_buffer();
  done_ = true;
  if (stream_) {
    stream_->flush();
    if (!*stream_) throw std::runtime_error("cannot write the output");
    return;
  }
  if (temp_path_.empty()) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  const int fd = fd_;
  fd_ = -1;
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string why = errno_text();
    ::unlink(temp_path_.c_str());
    throw std::runtime_error("cannot write " + temp_path_ + ": " + why);
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const std::string why = errno_text();
    ::unlink(temp_path_.c_str());
    throw std::runtime_error("cannot rename " + temp_path_ + " to " + path_ + ": " + why);
  }
  temp_path_.clear();
}

void Output::abandon() noexcept {
  done_ = true;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
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
