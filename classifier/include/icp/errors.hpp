// Errors the library reports by exception: only loading a lexicon can fail.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace icp {

// A lexicon file could not be read or is malformed. what() reads
// "FILE:LINE: MESSAGE" (or "FILE: MESSAGE" when line() is 0).
class LexiconError : public std::runtime_error {
 public:
  LexiconError(std::string file, std::size_t line, const std::string& message);
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }  // 0: the whole file

 private:
  std::string file_;
  std::size_t line_;
};

}  // namespace icp
