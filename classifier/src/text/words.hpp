// Small questions the readers (roles, presence) ask of normalised UTF-8 text
// around a hit: does it start with, or contain, one of a few words; which
// character ends just before a position.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "text/find.hpp"

namespace icp::text {

inline bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.starts_with(w); });
}

inline bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return find_word(text, w) != std::string_view::npos; });
}

// The UTF-8 character that ends just before `at` ("" at the start).
inline std::string_view char_before(std::string_view text, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && (static_cast<unsigned char>(text[b - 1]) & 0xC0) == 0x80) --b;
  if (b > 0) --b;
  return text.substr(b, at - b);
}

}  // namespace icp::text
