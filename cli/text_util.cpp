#include "text_util.hpp"

#include <cstdint>

namespace icp::cli {
namespace {

// Decodes the strict UTF-8 code point at the front of `text`; false when the
// bytes are not one.
bool front_code_point(std::string_view text, char32_t& c, std::size_t& length) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = b(0);
  if (lead < 0x80) {
    c = lead;
    length = 1;
    return true;
  }
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2, c = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3, c = lead & 0x0Fu;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4, c = lead & 0x07u;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return false;
  }
  if (text.size() < n) return false;
  for (std::size_t k = 1; k < n; ++k) {
    const unsigned char t = b(k);
    if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) return false;
    c = (c << 6) | (t & 0x3Fu);
  }
  length = n;
  return true;
}

// Nothing a reader sees: white space, controls (C0, DEL, C1) and the
// default-ignorable characters (zero-width spaces and joiners, direction
// marks and embeddings, soft hyphen, word joiner, variation selectors, BOM,
// Hangul fillers, tags).
bool invisible(char32_t c) {
  if (c <= 0x20 || (c >= 0x7F && c <= 0xA0)) return true;
  switch (c) {
    case 0xAD:
    case 0x34F:
    case 0x61C:
    case 0x115F:
    case 0x1160:
    case 0x1680:
    case 0x17B4:
    case 0x17B5:
    case 0x3000:
    case 0x3164:
    case 0xFEFF:
    case 0xFFA0:
      return true;
    default:
      break;
  }
  return (c >= 0x180B && c <= 0x180F) || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         (c >= 0x205F && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace

bool is_blank(std::string_view text) {
  while (!text.empty()) {
    char32_t c = 0;
    std::size_t length = 0;
    if (!front_code_point(text, c, length) || !invisible(c)) return false;  // invalid bytes show as U+FFFD
    text.remove_prefix(length);
  }
  return true;
}

std::string printable(std::string_view bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string valid = to_valid_utf8(bytes);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    const auto next = i + 1 < valid.size() ? static_cast<unsigned char>(valid[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // C1 controls, e.g. U+009B (CSI)
      out += "\\u00";
      out += digits[next >> 4];
      out += digits[next & 0xF];
      ++i;
    } else if (c >= 0x20 && c != 0x7F) {
      out += valid[i];
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += "\\x";
      out += digits[c >> 4];
      out += digits[c & 0xF];
    }
  }
  return out;
}

std::string first_chars(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t chars = 0; i < text.size(); ++chars) {
    if (chars == count) return std::string(text.substr(0, i)) + "…";
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return std::string(text);
}

std::string for_message(std::string_view user_input, std::size_t max_chars) {
  // Cut first (on a code point of the repaired text), then escape: the limit
  // counts the user's characters, not the escapes.
  return printable(first_chars(to_valid_utf8(user_input.substr(0, 4 * max_chars + 4)), max_chars));
}

std::string bounded_message(std::string_view message, std::size_t max_chars) {
  return for_message(message, max_chars);
}

}  // namespace icp::cli
