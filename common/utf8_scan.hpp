// Strict UTF-8 (RFC 3629: no overlongs, surrogates or code points above
// U+10FFFF), header-only, shared by the library (repairing text for evidence
// and the C API's JSON) and the batch command (checking its input and its
// JSON output), which run it over every byte they read or write. Fast paths
// for what the input mostly is: ASCII eight bytes at a time, three-byte
// sequences (CJK) four at a time, anything else one sequence at a time.
// (The fuzz targets keep their own plain decoder on purpose: an oracle.)
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace icp::utf8 {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at s[i], 0 if invalid, -1 if cut off by the end.
inline int sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  int n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < n; ++k) {
    if (i + k >= s.size()) return -1;
    const unsigned char t = b(i + k);
    if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) return 0;
  }
  return n;
}

// Bytes a JSON string escapes: controls below 0x20, '"' and '\'.
inline bool json_escaped(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// Length of the longest prefix of `s` that is valid UTF-8 and, with
// kStopAtJsonEscapes, holds no byte that JSON escapes.
template <bool kStopAtJsonEscapes = false>
inline std::size_t valid_prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      if (kStopAtJsonEscapes && json_escaped(static_cast<unsigned char>(c))) return i;
      ++i;
      for (std::uint64_t w; i + 8 <= n; i += 8) {
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
        if constexpr (kStopAtJsonEscapes) {
          // Any byte below 0x20, or equal to '"' or '\\': the bytes are ASCII,
          // so a top bit comes only from a byte that went below zero.
          constexpr std::uint64_t kOnes = 0x0101010101010101ull;
          const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
          if (((w - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes)) & 0x8080808080808080ull) break;
        }
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
    const int k = sequence_length(s, i);
    if (k <= 0) return i;
    i += static_cast<std::size_t>(k);
  }
  return n;
}

}  // namespace icp::utf8
