// Byte-level helpers for what the CLI prints: valid UTF-8, terminal-safe text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "icp/decision.hpp"

namespace icp::cli {

enum class Lang { zh, en };

inline const char* pick(Lang lang, const char* zh, const char* en) {
  return lang == Lang::zh ? zh : en;
}

// Invalid UTF-8 → U+FFFD: the library's function (icp/decision.hpp).
using icp::to_valid_utf8;

// True when `text` holds nothing but whitespace: ASCII spaces and controls
// \t\n\v\f\r, U+00A0, U+3000 (ideographic space) and U+FEFF (BOM).
bool is_blank(std::string_view text);

// For a terminal: valid UTF-8, with control characters shown as escapes
// (\n, \t, \r, \xNN) so that no byte of the input can move the cursor.
std::string printable(std::string_view bytes);

// The first `count` code points of valid UTF-8 `text`, "…" appended when cut.
std::string first_chars(std::string_view text, std::size_t count);

}  // namespace icp::cli
