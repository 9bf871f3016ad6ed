// The progress line on standard error (only when it is a terminal):
// rows, rows/s, percent of the input read and the time left.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace icp::cli::batch {

class Progress {
 public:
  // total_bytes: the input's size, 0 when unknown (a pipe).
  Progress(std::ostream& err, bool enabled, std::uint64_t total_bytes);

  void update(std::uint64_t rows, std::uint64_t bytes_read);  // at most a few times a second
  void finish();                                              // clears the line

 private:
  std::ostream& err_;
  bool enabled_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

}  // namespace icp::cli::batch
