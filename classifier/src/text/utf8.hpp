// UTF-8 well-formedness, shared by everything that repairs or escapes text.
// Inline: the callers run these over every byte of every input and output.
// (The batch command's reader has its own copy, cli/batch/encoding.cpp: the
// CLI sees only the library's public headers.)
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace icp::text {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at the start of `s` (1–4), 0 if
// none: stray continuation bytes, truncated, overlong, surrogate or
// out-of-range sequences. `s` must not be empty.
inline std::size_t valid_utf8_sequence(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  std::size_t n;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07u;
  } else {
    return 0;  // continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3Fu);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;  // overlong
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;                        // surrogate
  if (cp > 0x10FFFF) return 0;
  return n;
}

// Length of the longest well-formed prefix of `s`: s.size() when all of it
// is valid, else the offset where valid_utf8_sequence() finds no sequence.
// Fast paths for what the input mostly is: ASCII runs eight bytes at a
// time, three-byte sequences (CJK) four at a time.
inline std::size_t valid_utf8_prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      for (std::uint64_t w; i + 8 <= n; i += 8) {
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
      }
      continue;
    }
    if ((c & 0xF0) == 0xE0 && i + 2 < n) {
      // Four three-byte sequences at once while leads are E1..EC or EE..EF
      // (E0 and ED, which limit their second byte, take the check below).
      const std::size_t start = i;
      if constexpr (std::endian::native == std::endian::little) {  // the masks are little-endian
        for (std::uint64_t w0, w1; i + 12 <= n; i += 12) {
          std::memcpy(&w0, p + i, 8);      // bytes 0..7: leads at 0, 3, 6
          std::memcpy(&w1, p + i + 4, 8);  // bytes 4..11: lead at 9
          if ((w0 & 0xC0F0C0C0F0C0C0F0ull) != 0x80E08080E08080E0ull ||
              (w1 & 0xC0C0F0C0C0F0C0C0ull) != 0x8080E08080E08080ull)
            break;
          // The leads' low nibbles in bytes 0, 1, 3, 6; none may be 0 or D.
          const std::uint64_t x = (w0 & 0x000F00000F00000Full) | ((w1 >> 32) & 0x0F00u);
          constexpr std::uint64_t kAdd = 0x000F00000F000F0Full, kCarry = 0x0010000010001010ull;
          if (((x + kAdd) & kCarry) != kCarry || (((x ^ 0x000D00000D000D0Dull) + kAdd) & kCarry) != kCarry) break;
        }
      }
      if (i != start) continue;  // look at what stopped the run afresh
      const unsigned b1 = p[i + 1], b2 = p[i + 2];
      // The code point's top ten bits: below 0x20 is overlong (E0 80..9F),
      // 0x360..0x37F a surrogate (ED A0..BF).
      const unsigned top = ((c & 0x0Fu) << 6) | (b1 & 0x3Fu);
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || top < 0x20 || (top - 0x360) < 0x20) return i;
      i += 3;
      continue;
    }
    const std::size_t k = valid_utf8_sequence(s.substr(i));
    if (k == 0) return i;
    i += k;
  }
  return n;
}

}  // namespace icp::text
