// UTF-8 validation and repair (classifier/src/text/utf8.*): the fast paths
// of valid_utf8_prefix() and to_valid_utf8() agree with the plain
// one-sequence-at-a-time rule (valid_utf8_sequence) on every byte pattern.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "icp/decision.hpp"
#include "text/utf8.hpp"

namespace {

std::size_t reference_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = icp::text::valid_utf8_sequence(s.substr(i));
    if (n == 0) return i;
    i += n;
  }
  return s.size();
}

std::string reference_repair(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const std::size_t n = icp::text::valid_utf8_sequence(s);
    out += n == 0 ? std::string(icp::text::kReplacementCharacter) : std::string(s.substr(0, n));
    s.remove_prefix(n == 0 ? 1 : n);
  }
  return out;
}

// Bytes at the edges of every UTF-8 range.
const std::vector<unsigned char> kEdges = {0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                           0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

}  // namespace

TEST_CASE("valid_utf8_prefix agrees with valid_utf8_sequence on every lead byte and edge continuation") {
  // Each pattern alone, after ASCII (the eight-byte path), at each place of
  // a run of four CJK characters (the four-at-a-time path), at the end of
  // the text or before more.
  const std::string before[] = {"", "abcdefghij", "中", "中文", "中文字"};
  const std::string after[] = {"", "文字中文字abcdefgh"};
  std::string s;
  int checked = 0;
  const auto check = [&](const char* seq, std::size_t len) {
    for (const auto& b : before)
      for (const auto& a : after) {
        s.assign(b).append(seq, len).append(a);
        if (icp::text::valid_utf8_prefix(s) != reference_prefix(s)) return s;  // shown when the check fails
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
  // Random mixes of ASCII, CJK, other valid sequences and bad bytes.
  const std::vector<std::string> pieces = {"a",
                                           "hello, world",
                                           "中",
                                           "，",
                                           "\xC2\xA0",
                                           "\xF0\x9F\x98\x80",
                                           "\xE0\xA0\x80",
                                           "\xED\x9F\xBF",
                                           "\x80",
                                           "\xFF",
                                           "\xE4\xB8",
                                           "\xED\xA0\x80",
                                           "\xE0\x9F\xBF",
                                           "\xC0\xAF",
                                           "\xF4\x90\x80\x80"};
  std::mt19937 rng(42);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    REQUIRE(icp::to_valid_utf8(s) == reference_repair(s));
    REQUIRE(icp::text::valid_utf8_prefix(s) == reference_prefix(s));
  }
}
