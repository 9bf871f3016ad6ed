// Errors the library reports by exception: loading a lexicon, a malformed
// Options::as_of, and a text over Options::max_text_bytes given to classify().
//
//   try {
//     icp::Classifier classifier({.lexicon_dir = "my-lexicon"});
//   } catch (const icp::LexiconError& e) {
//     std::cerr << e.what() << '\n';  // "my-lexicon/phrases/x.tsv:12: ..."
//   }
//
// LexiconError is exported from the shared library with its type
// information, so it can be caught by type across the library boundary.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "icp/export.h"

namespace icp {

// A lexicon file could not be read or is malformed (bad header, wrong column
// count, unknown signal, weight out of range, unsorted or duplicate entry...).
// what() reads "FILE:LINE: MESSAGE" (or "FILE: MESSAGE" when line() is 0).
class ICP_API LexiconError : public std::runtime_error {
 public:
  LexiconError(std::string file, std::size_t line, const std::string& message);
  ~LexiconError() override;
  LexiconError(const LexiconError&) = default;
  LexiconError& operator=(const LexiconError&) = default;

  // The file as it was named when loading (a path, or "builtin:NAME").
  const std::string& file() const noexcept { return file_; }
  // 1-based line of the defect; 0 when it concerns the whole file (cannot be
  // read, empty, missing header).
  std::size_t line() const noexcept { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

// Options::as_of is not a date written YYYY-MM-DD (or names a day that does
// not exist). Thrown by the Classifier's constructor; what() quotes the value.
class ICP_API AsOfError : public std::invalid_argument {
 public:
  explicit AsOfError(const std::string& value);
  ~AsOfError() override;
  AsOfError(const AsOfError&) = default;
  AsOfError& operator=(const AsOfError&) = default;
};

// classify() was given a text longer than Options::max_text_bytes (by
// default kMaxTextBytes, 1 MiB). Thrown before any work on the text, so a
// huge text costs neither time nor memory. what() reads "the text is N
// bytes, over the limit of M bytes".
class ICP_API TextTooLongError : public std::length_error {
 public:
  TextTooLongError(std::size_t size, std::size_t limit);
  ~TextTooLongError() override;
  TextTooLongError(const TextTooLongError&) = default;
  TextTooLongError& operator=(const TextTooLongError&) = default;

  std::size_t size() const noexcept { return size_; }    // bytes of the text given
  std::size_t limit() const noexcept { return limit_; }  // Options::max_text_bytes

 private:
  std::size_t size_;
  std::size_t limit_;
};

}  // namespace icp
