// The batch command's UTF-8 check (first_invalid_utf8) and Decoder::decode_view.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "batch/encoding.hpp"

using icp::cli::batch::Decoder;
using icp::cli::batch::Encoding;
using icp::cli::batch::first_invalid_utf8;

TEST_CASE("first_invalid_utf8: the offset of the first byte that is not strict UTF-8") {
  // The check itself (common/utf8_scan.hpp) is tested byte pattern by byte
  // pattern in tests/unit/test_utf8.cpp.
  CHECK(first_invalid_utf8("") == std::nullopt);
  CHECK(first_invalid_utf8("简介,中文 abc") == std::nullopt);
  CHECK(first_invalid_utf8("abc\xFF中") == 3);
  CHECK(first_invalid_utf8("中文\xED\xA0\x80") == 6);  // a surrogate
  CHECK(first_invalid_utf8("中文\xE4\xB8") == 6);      // cut off
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
