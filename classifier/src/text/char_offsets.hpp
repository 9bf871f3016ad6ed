// Byte offsets of the caller's text as offsets in Unicode code points, for
// Span::begin_char/end_char: Python and JavaScript callers slice strings by
// characters, not by UTF-8 bytes. A byte that does not continue a sequence
// counts as one character (an invalid byte becomes one U+FFFD when decoded).
#pragma once

#include <cstddef>
#include <string_view>

namespace icp::text {

class CharOffsets {
 public:
  explicit CharOffsets(std::string_view text) : text_(text) {}

  // The number of characters before byte `at`. Calls in increasing order of
  // `at` (the evidence, in text order) cost one pass over the text in all.
  std::size_t at(std::size_t at) {
    if (at > text_.size()) at = text_.size();
    if (at < byte_) byte_ = chars_ = 0;
    for (; byte_ < at; ++byte_) chars_ += (static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80;
    return chars_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0, chars_ = 0;
};

}  // namespace icp::text
