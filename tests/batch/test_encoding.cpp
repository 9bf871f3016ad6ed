// The batch command's UTF-8 check (first_invalid_utf8, with fast paths for
// ASCII and CJK runs) against a plain strict decoder, and Decoder::decode_view.
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "batch/encoding.hpp"

using icp::cli::batch::Decoder;
using icp::cli::batch::Encoding;
using icp::cli::batch::first_invalid_utf8;

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

std::optional<std::size_t> reference(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence(s.substr(i));
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

const std::vector<unsigned char> kEdges = {0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                           0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

}  // namespace

TEST_CASE("first_invalid_utf8 agrees with a strict decoder on every lead byte and edge continuation") {
  // Each pattern after ASCII (the eight-byte path) or at each place of a run
  // of four CJK characters (the four-at-a-time path), at the end or not.
  const std::string before[] = {"", "abcdefghij", "中", "中文", "中文字"};
  const std::string after[] = {"", "文字中文字abcdefgh"};
  std::string s;
  const auto agrees = [&](const char* seq, std::size_t len) {
    for (const auto& b : before)
      for (const auto& a : after) {
        s.assign(b).append(seq, len).append(a);
        if (first_invalid_utf8(s) != reference(s)) return s;  // shown when the check fails
      }
    return std::string();
  };
  for (unsigned b0 = 0; b0 < 256; ++b0) {
    char seq[4] = {static_cast<char>(b0)};
    REQUIRE(agrees(seq, 1) == "");
    for (unsigned char b1 : kEdges) {
      seq[1] = static_cast<char>(b1);
      REQUIRE(agrees(seq, 2) == "");
      for (unsigned char b2 : kEdges) {
        seq[2] = static_cast<char>(b2);
        REQUIRE(agrees(seq, 3) == "");
        for (unsigned char b3 : {0x41, 0x80, 0xBF, 0xC0}) {
          seq[3] = static_cast<char>(b3);
          REQUIRE(agrees(seq, 4) == "");
        }
      }
    }
  }
  // Random mixes: long runs of CJK broken by ASCII, E0/ED sequences and bad bytes.
  const std::vector<std::string> pieces = {
      "a",    "，",       "中文字符",     "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80",
      "\x80", "\xE4\xB8", "\xED\xA0\x80", "\xE0\x9F\xBF", "abcdefghijk",  "\xC2\xA0"};
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    s.clear();
    const int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    REQUIRE(first_invalid_utf8(s) == reference(s));
  }
}

TEST_CASE("decode_view: UTF-8 input is viewed, not copied; GB18030 is decoded into the scratch string") {
  std::string scratch;
  Decoder utf8(Encoding::utf8);
  const std::string text = "简介,中文";
  auto d = utf8.decode_view(text, scratch);
  CHECK(d.ok);
  CHECK(d.text.data() == text.data());
  const std::string bad = "ab\xFF";
  d = utf8.decode_view(bad, scratch);
  CHECK(!d.ok);
  CHECK(d.bad_offset == 2);
  CHECK(d.text == bad);  // as decode() leaves it

  Decoder gb(Encoding::gb18030);
  d = gb.decode_view("abc", scratch);
  CHECK(d.ok);
  CHECK(d.text == "abc");
  d = gb.decode_view("\xD6\xD0\xCE\xC4", scratch);  // 中文
  CHECK(d.ok);
  CHECK(d.text == "中文");
  CHECK(d.text.data() == scratch.data());
  std::string out;
  std::size_t offset = 0;
  CHECK(gb.decode("\xD6\xD0\xFF", out, offset) == gb.decode_view("\xD6\xD0\xFF", scratch).ok);
  CHECK(gb.decode_view("\xD6\xD0\xFF", scratch).bad_offset == offset);
  CHECK(scratch == out);
}
