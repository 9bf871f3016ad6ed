#include "batch/progress.hpp"

#include <cstdio>

namespace icp::cli::batch {

Progress::Progress(std::ostream& err, bool enabled, std::uint64_t total_bytes)
    : err_(err), enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(std::uint64_t rows, std::uint64_t bytes_read) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  char line[160];
  int n = std::snprintf(line, sizeof line, "\r%llu rows, %.0f rows/s", static_cast<unsigned long long>(rows),
                        elapsed > 0 ? static_cast<double>(rows) / elapsed : 0.0);
  if (total_ > 0 && bytes_read > 0 && n > 0) {
    const double done = static_cast<double>(bytes_read) / static_cast<double>(total_);
    const double left = done > 0 ? elapsed * (1 - done) / done : 0;
    std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f%%, %.0f s left   ", done * 100, left);
  }
  err_ << line << std::flush;
  shown_ = true;
}

void Progress::finish() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace icp::cli::batch
