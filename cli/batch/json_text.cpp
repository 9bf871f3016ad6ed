#include "batch/json_text.hpp"

#include <charconv>
#include <cmath>

#include "batch/byte_scan.hpp"
#include "utf8_scan.hpp"

namespace icp::cli::batch {

void JsonText::put(const char* bytes, std::size_t n) {
  if (n > kSize / 2) {  // long runs go to `out` directly
    flush();
    out_.append(bytes, n);
    return;
  }
  std::memcpy(room(n), bytes, n);
  used_ += n;
}

void JsonText::escape(unsigned char c) {
  // Two-character escapes where JSON has them, else \u00xx.
  static constexpr std::string_view kEscaped = "\"\\\b\t\n\f\r", kLetter = "\"\\btnfr";
  static constexpr char kHex[] = "0123456789abcdef";
  if (const std::size_t k = kEscaped.find(static_cast<char>(c)); k != std::string_view::npos) {
    const char two[2] = {'\\', kLetter[k]};
    put(two, 2);
  } else {
    const char six[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
    put(six, 6);
  }
}

void JsonText::string(std::string_view bytes) {
  separate();
  put('"');
  while (!bytes.empty()) {
    // A run that is valid UTF-8 and needs no escape, then the byte that stopped it.
    const std::size_t run = utf8::valid_prefix<true>(bytes);
    put(bytes.data(), run);
    if (run == bytes.size()) break;
    const auto c = static_cast<unsigned char>(bytes[run]);
    if (c < 0x80)
      escape(c);
    else
      put("\xEF\xBF\xBD", 3);  // U+FFFD for the first byte of what is not a sequence
    bytes.remove_prefix(run + 1);
  }
  put('"');
}

void JsonText::string_as_is(std::string_view bytes) {
  separate();
  put('"');
  while (!bytes.empty()) {
    const std::size_t i = find_json_escape(bytes.data(), bytes.size());
    put(bytes.data(), i);
    if (i == bytes.size()) break;
    escape(static_cast<unsigned char>(bytes[i]));
    bytes.remove_prefix(i + 1);
  }
  put('"');
}

void JsonText::int64(std::int64_t n) {
  separate();
  char* p = room(24);
  used_ = static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - buffer_);
}

void JsonText::uint64(std::uint64_t n) {
  separate();
  char* p = room(24);
  used_ = static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - buffer_);
}

void JsonText::number(double d) {
  // The shortest form that reads back as the same double ("0.82", "1",
  // "1e-300"), as people write numbers; Boost.JSON would write "8.2E-1".
  if (!std::isfinite(d)) return null();
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, d).ptr;
  literal(text, static_cast<std::size_t>(end - text));
}

}  // namespace icp::cli::batch
