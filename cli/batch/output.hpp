// Where the batch output goes, decided by what the path is once opened:
//
// - "-": standard output, written in place.
// - A stream — a pipe, a socket, a character device (/dev/null, /dev/full, a
//   terminal), or anything reached through a file-descriptor link of /proc
//   (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), even when that
//   is a regular file — is written in place (a regular file so reached is
//   truncated first) and never renamed over.
// - A regular file (or a new name) is written to a temporary file beside it
//   and renamed over it by commit(), so the name never holds a half-written
//   file. A symbolic link is followed to its target (the temporary goes
//   beside the target, the link stays a link). The target's permissions are
//   kept. The output must not be the input (same device and inode), and a
//   file the user cannot write is replaced only with `force`.
//
// Temporaries are named `.NAME.icp-tmp-<pid>-<unix time>-XXXXXX` (NAME
// shortened so that the whole name fits NAME_MAX); opening an output removes
// stale ones of the same target: older than this run, left by a process
// that is gone. abandon() (or the destructor without commit()) removes the
// temporary; keep_partial() keeps it as `NAME.partial` instead.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <ctime>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace icp::cli::batch {

struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
};

struct OutputPolicy {
  bool force = false;             // --force: replace a file the user cannot write
  std::optional<FileId> input;    // the input's identity, when it is a regular file
  std::string input_name;         // for the message when the output is the input
  std::ostream* notes = nullptr;  // where to mention removed stale temporaries
};

class Output {
 public:
  // Throws UsageError (the output is the input, a read-only file without
  // force) or IoError (cannot open or create) before anything is written.
  Output(const std::string& path, std::ostream& standard_output, const OutputPolicy& policy = {});
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view bytes);  // throws IoError on a write error (the temporary is removed first)
  void commit();                       // flush, close, rename into place; throws IoError
  // After a fatal input error: the rows so far go to NAME.partial (beside the
  // target) and NAME is left as it was. Returns that path; "" for a stream.
  std::string keep_partial();
  void abandon() noexcept;  // remove the temporary file, if any

  bool atomic() const { return !temp_path_.empty(); }
  const std::string& temp_path() const { return temp_path_; }
  const std::string& target() const { return target_; }  // the file finally written (links followed)

 private:
  std::ostream* stream_ = nullptr;  // "-" when it is not the process's std::cout
  int fd_ = -1;
  bool own_fd_ = true;
  std::string path_;    // as the user gave it
  std::string shown_;   // path_ for messages (bounded, escaped), or "standard output"
  std::string target_;  // links followed
  std::string temp_path_;
  std::string buffer_;
  bool done_ = false;
  void put(std::string_view bytes);  // to the stream or file, unbuffered
  void flush_buffer();
  void close_fd();
  [[noreturn]] void fail(const std::string& what, int error);  // removes the temporary, throws IoError
};

// The parts of a temporary's name, exposed for the tests.
// ".NAME.icp-tmp-": NAME cut (on a UTF-8 boundary) to leave room for the rest.
std::string temporary_prefix(std::string_view name);
// "NAME.partial", NAME cut the same way when it would not fit NAME_MAX.
std::string partial_name(std::string_view name);

}  // namespace icp::cli::batch
