// Byte-level helpers for what the CLI prints: valid UTF-8, terminal-safe text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "icp/decision.hpp"

namespace icp::cli {

enum class Lang { zh, en };

inline const char* pick(Lang lang, const char* zh, const char* en) {
  return lang == Lang::zh ? zh : en;
}

// ASCII letters lower-cased, everything else as it is (option values, column names).
inline std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A language as people write it: any case, a locale tag (zh-CN, zh_Hans,
// en-US). nullopt for anything else. The command line and the server share it.
inline std::optional<Lang> lang_from(std::string_view value) {
  const std::string primary = lower_ascii(std::string(value.substr(0, value.find_first_of("-_"))));
  if (primary == "zh") return Lang::zh;
  if (primary == "en") return Lang::en;
  return std::nullopt;
}

// Invalid UTF-8 → U+FFFD: the library's function (icp/decision.hpp).
using icp::to_valid_utf8;

// True when `text` is empty once normalised: nothing but white space
// (ASCII, U+00A0, U+3000, U+2000..U+200A...), controls (C0, DEL, C1) and
// invisible default-ignorable characters (U+200B..U+200F zero-width spaces,
// joiners and marks, U+2060 word joiner, U+00AD soft hyphen, U+FEFF BOM,
// variation selectors, bidi embeddings, tags). Invalid UTF-8 is not blank.
bool is_blank(std::string_view text);

// For a terminal: valid UTF-8, with control characters shown as escapes
// (\n, \t, \r, \xNN) so that no byte of the input can move the cursor.
std::string printable(std::string_view bytes);

// The first `count` code points of valid UTF-8 `text`, "…" appended when cut.
std::string first_chars(std::string_view text, std::size_t count);

// User input (a path, a value, a column name) inside an error message:
// at most `max_chars` code points of it ("…" when cut), invalid UTF-8 as
// U+FFFD and control characters escaped, so that a huge or hostile value
// can neither flood standard error nor drive the terminal.
inline constexpr std::size_t kQuoteChars = 200;
std::string for_message(std::string_view user_input, std::size_t max_chars = kQuoteChars);

// A whole message (an exception's text) bounded the same way, for the last
// line of defence in run(): at most `max_chars` code points, controls escaped.
std::string bounded_message(std::string_view message, std::size_t max_chars = 4 * kQuoteChars);

}  // namespace icp::cli
