#include "text_util.hpp"

#include <cstdint>

namespace icp::cli {
bool is_blank(std::string_view text) {
  static constexpr std::string_view kWide[] = {"\xC2\xA0", "\xE3\x80\x80", "\xEF\xBB\xBF"};
  while (!text.empty()) {
    const char c = text.front();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') {
      text.remove_prefix(1);
      continue;
    }
    bool wide = false;
    for (auto space : kWide)
      if (text.starts_with(space)) {
        text.remove_prefix(space.size());
        wide = true;
        break;
      }
    if (!wide) return false;
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
