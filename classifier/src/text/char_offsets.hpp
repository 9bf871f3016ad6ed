// Byte offsets of the caller's text as offsets in Unicode code points, for
// Span::begin_char/end_char: Python and JavaScript callers slice strings by
// characters, not by UTF-8 bytes. A byte that does not continue a sequence
// counts as one character (an invalid byte becomes one U+FFFD when decoded).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace icp::text {

class CharOffsets {
 public:
  explicit CharOffsets(std::string_view text) : text_(text) {}

  // The number of characters before byte `at`. The first call counts the
  // whole text once (a table per byte, reused from text to text on this
  // thread); every call after it is a lookup, in whatever order the spans
  // come (the traces jump back and forth).
  std::size_t at(std::size_t at) {
    if (at > text_.size()) at = text_.size();
    if (!counted_) count();
    return table()[at];
  }

 private:
  static std::vector<std::uint32_t>& table() {
    thread_local std::vector<std::uint32_t> chars_before;
    return chars_before;
  }
  void count() {
    auto& t = table();
    t.resize(text_.size() + 1);
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      t[i] = n;
      n += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    }
    t[text_.size()] = n;
    counted_ = true;
  }

  std::string_view text_;
  bool counted_ = false;
};

}  // namespace icp::text
