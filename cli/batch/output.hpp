// Where the batch output goes. A regular file (or a new path) is written to a
// temporary file beside it and renamed over it by commit(), so the final name
// never holds a half-written file; abandon() (or the destructor without
// commit()) removes the temporary. Anything else — a pipe, a terminal,
// /dev/null, /dev/stdout — is written directly. "-" is the stream given.
#pragma once

#include <cstdio>
#include <iosfwd>
#include <string>
#include <string_view>

namespace icp::cli::batch {

class Output {
 public:
  // Throws InputError when the file cannot be created.
  Output(const std::string& path, std::ostream& standard_output);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view bytes);  // throws std::runtime_error on a write error
  void commit();                       // flush, close, rename into place
  void abandon() noexcept;             // remove the temporary file, if any

  bool atomic() const { return !temp_path_.empty(); }
  const std::string& temp_path() const { return temp_path_; }

 private:
  std::ostream* stream_ = nullptr;  // "-"
  int fd_ = -1;
  std::string path_, temp_path_;
  std::string buffer_;
  bool done_ = false;
  void put(std::string_view bytes);  // to the stream or file, unbuffered
  void flush_buffer();
};

}  // namespace icp::cli::batch
