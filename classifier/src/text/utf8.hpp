// UTF-8 well-formedness, shared by everything that repairs or escapes text.
#pragma once

#include <cstddef>
#include <string_view>

namespace icp::text {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at the start of `s` (1–4), 0 if
// none: stray continuation bytes, truncated, overlong, surrogate or
// out-of-range sequences.
std::size_t valid_utf8_sequence(std::string_view s);

}  // namespace icp::text
