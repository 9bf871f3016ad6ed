// UTF-8 checks (common/utf8_scan.hpp) and repair (icp::to_valid_utf8): the
// fast paths agree with a plain strict decoder written here, independently,
// on every lead byte with every edge continuation and on random mixes.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "icp/decision.hpp"
#include "utf8_scan.hpp"

namespace {

// Length of the RFC 3629 sequence at the start of `s`, 0 if there is none.
std::size_t sequence(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned c = b(0);
  std::size_t n;
  char32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xC0 && c < 0xE0)
    n = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c < 0xF0)
    n = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c < 0xF8)
    n = 4, cp = c & 0x07;
  else
    return 0;
  if (s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i) & 0x3F);
  }
  const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return n;
}

std::size_t reference_prefix(std::string_view s, bool stop_at_json_escapes) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = sequence(s.substr(i));
    if (n == 0) return i;
    if (stop_at_json_escapes && n == 1 && (s[i] == '"' || s[i] == '\\' || static_cast<unsigned char>(s[i]) < 0x20))
      return i;
    i += n;
  }
  return s.size();
}

std::string reference_repair(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const std::size_t n = sequence(s);
    out += n == 0 ? std::string(icp::utf8::kReplacementCharacter) : std::string(s.substr(0, n));
    s.remove_prefix(n == 0 ? 1 : n);
  }
  return out;
}

// What sequence_length() must say at the start of `s`: a length, 0 for
// invalid bytes, -1 for a sequence that is valid so far but cut off.
int reference_length(std::string_view s) {
  if (const std::size_t n = sequence(s)) return static_cast<int>(n);
  for (std::string more :
       {"\x80", "\x80\x80", "\x80\x80\x80", "\x90", "\x90\x80", "\x90\x80\x80", "\xA0", "\xA0\x80", "\xA0\x80\x80"})
    if (sequence(std::string(s) + more) > s.size()) return -1;
  return 0;
}

bool agrees(std::string_view s) {
  return icp::utf8::valid_prefix(s) == reference_prefix(s, false) &&
         icp::utf8::valid_prefix<true>(s) == reference_prefix(s, true);
}

// Bytes at the edges of every UTF-8 range.
const std::vector<unsigned char> kEdges = {0x00, 0x0A, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90,
                                           0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                           0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

}  // namespace

TEST_CASE("valid_prefix and sequence_length agree with a strict decoder on every lead byte and edge continuation") {
  // Each pattern alone, after ASCII (the eight-byte path), at each place of
  // a run of four CJK characters (the four-at-a-time path), at the end of
  // the text or before more.
  const std::string before[] = {"", "abcdefghij", "中", "中文", "中文字"};
  const std::string after[] = {"", "文字中文字abcdefgh"};
  std::string s;
  int checked = 0;
  const auto check = [&](const char* seq, std::size_t len) {
    const std::string_view alone(seq, len);
    if (icp::utf8::sequence_length(alone, 0) != reference_length(alone)) return std::string(alone);
    for (const auto& b : before)
      for (const auto& a : after) {
        s.assign(b).append(seq, len).append(a);
        if (!agrees(s)) return s;  // shown when the check fails
        ++checked;
      }
    return std::string();
  };
  for (unsigned b0 = 0; b0 < 256; ++b0) {
    char seq[4] = {static_cast<char>(b0)};
    REQUIRE(check(seq, 1) == "");
    for (unsigned char b1 : kEdges) {
      seq[1] = static_cast<char>(b1);
      REQUIRE(check(seq, 2) == "");
      for (unsigned char b2 : kEdges) {
        seq[2] = static_cast<char>(b2);
        REQUIRE(check(seq, 3) == "");
        for (unsigned char b3 : {0x41, 0x80, 0xBF, 0xC0}) {
          seq[3] = static_cast<char>(b3);
          REQUIRE(check(seq, 4) == "");
        }
      }
    }
  }
  CHECK(checked > 1000000);
}

TEST_CASE("to_valid_utf8 repairs like the one-sequence-at-a-time rule") {
  CHECK(icp::to_valid_utf8("") == "");
  CHECK(icp::to_valid_utf8("资訊 ＡＰＰ 😀 abc") == "资訊 ＡＰＰ 😀 abc");
  CHECK(icp::to_valid_utf8("\xE4\xB8中\xFF") == "\xEF\xBF\xBD\xEF\xBF\xBD中\xEF\xBF\xBD");
  // Random mixes of ASCII, JSON escapes, CJK, other valid sequences and bad bytes.
  const std::vector<std::string> pieces = {"a",
                                           "hello, world",
                                           "中",
                                           "，",
                                           "中文字符",
                                           "\xC2\xA0",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "abcdefghijk",
                                           "\xE0\xA0\x80",
                                           "\xED\x9F\xBF",
                                           "\xF0\x9F\x98\x80",
                                           "\x80",
                                           "\xFF",
                                           "\xE4\xB8",
                                           "\xED\xA0\x80",
                                           "\xE0\x9F\xBF",
                                           "\xC0\xAF",
                                           "\x7F",
                                           "\xF4\x90\x80\x80"};
  std::mt19937 rng(42);
  for (int round = 0; round < 40000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    REQUIRE(icp::to_valid_utf8(s) == reference_repair(s));
    REQUIRE(agrees(s));
  }
}
