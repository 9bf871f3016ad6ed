// Normalizer: NFKC + case fold, Traditional → Simplified, markup, controls
// and whitespace, invalid UTF-8, and the map back to the caller's offsets.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "text/normalize.hpp"

using icp::text::NormalizedText;
using icp::text::Normalizer;

namespace {

const Normalizer& normalizer() {
  static const Normalizer n;
  return n;
}

using Range = std::pair<std::size_t, std::size_t>;

// Checks the invariants every result must hold.
void check_invariants(const NormalizedText& t, std::size_t input_size) {
  REQUIRE(t.source.size() == t.text.size() + 1);
  CHECK(t.source.back() == input_size);
  for (std::size_t i = 0; i + 1 < t.source.size(); ++i) {
    if (t.source[i] > t.source[i + 1]) FAIL("source not monotonic at " << i);
    if (t.source[i] >= input_size) FAIL("source out of range at " << i);
  }
  // Whole text maps inside the input.
  if (!t.text.empty()) {
    auto [b, e] = t.to_source(0, t.text.size());
    CHECK(b <= e);
    CHECK(e <= input_size);
  }
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

}  // namespace

TEST_CASE("normalize: full-width letters fold to lower-case ASCII with offsets") {
  auto t = normalizer().normalize("ＡＰＰ");
  CHECK(t.text == "app");
  CHECK(t.source == std::vector<std::uint32_t>{0, 3, 6, 9});
  CHECK(t.to_source(0, 3) == Range{0, 9});
  CHECK(t.to_source(1, 2) == Range{3, 6});
  check_invariants(t, 9);

  auto v = normalizer().normalize("开通ＶＩＰ会员");
  CHECK(v.text == "开通vip会员");
  CHECK(v.to_source(6, 9) == Range{6, 15});
  CHECK(v.to_source(9, 15) == Range{15, 21});
  CHECK(normalizer().normalize("Hello WORLD").text == "hello world");
  CHECK(normalizer().normalize("①②").text == "12");
  CHECK(!v.had_traditional);
  CHECK(!v.invalid_utf8);
}

TEST_CASE("normalize: characters that expand or contract map to whole source characters") {
  auto fi = normalizer().normalize("ﬁx");  // U+FB01 → "fi"
  CHECK(fi.text == "fix");
  CHECK(fi.to_source(0, 1) == Range{0, 3});  // part of an expansion → the whole ligature
  CHECK(fi.to_source(1, 2) == Range{0, 3});
  CHECK(fi.to_source(2, 3) == Range{3, 4});
  check_invariants(fi, 4);

  auto e = normalizer().normalize("Cafe\xCC\x81!");  // e + U+0301 → é
  CHECK(e.text == "caf\xC3\xA9!");
  CHECK(e.to_source(3, 5) == Range{3, 6});
  CHECK(e.to_source(5, 6) == Range{6, 7});
  check_invariants(e, 7);

  auto k = normalizer().normalize("㈱公司");  // U+3231 → "(株)"
  CHECK(k.text == "(株)公司");
  CHECK(k.to_source(1, 4) == Range{0, 3});
}

TEST_CASE("normalize: Traditional to Simplified, with offsets") {
  struct Case {
    const char* in;
    const char* out;
  };
  for (auto c : {Case{"資訊發布平台", "资讯发布平台"}, Case{"軟體", "软体"}, Case{"會員", "会员"},
                 Case{"直播打賞", "直播打赏"}}) {
    CAPTURE(c.in);
    auto t = normalizer().normalize(c.in);
    CHECK(t.text == c.out);
    CHECK(t.had_traditional);
    check_invariants(t, std::string(c.in).size());
    // Every character is 3 bytes on both sides: the map is the identity.
    for (std::size_t i = 0; i < t.text.size(); i += 3) CHECK(t.to_source(i, i + 3) == Range{i, i + 3});
  }
  auto mixed = normalizer().normalize("提供ＶＩＰ會員服務");
  CHECK(mixed.text == "提供vip会员服务");
  CHECK(mixed.to_source(9, 15) == Range{15, 21});
  CHECK(mixed.to_source(15, 21) == Range{21, 27});

  auto simple = normalizer().normalize("资讯发布平台「直播」");
  CHECK(simple.text == "资讯发布平台「直播」");  // corner brackets are left alone
  CHECK(!simple.had_traditional);

  CHECK(normalizer().normalize_phrase("會員") == "会员");
  CHECK(normalizer().normalize_phrase("ＡＰＰ") == "app");
  CHECK(normalizer().normalize_phrase("直播打賞") == "直播打赏");
}

TEST_CASE("normalize: markup tags and entities") {
  CHECK(normalizer().normalize("<p>付费会员</p>").text == "付费会员");
  CHECK(normalizer().normalize("<a href=\"http://x.cn/?a=1&b=2\">链接</a>文字").text == "链接文字");
  CHECK(normalizer().normalize("abc<br/>def").text == "abc\ndef");
  CHECK(normalizer().normalize("abc<BR>def").text == "abc\ndef");
  CHECK(normalizer().normalize("<div>第一段</div><div>第二段</div>").text == "第一段\n第二段");
  CHECK(normalizer().normalize("abc<span>def</span>ghi").text == "abc def ghi");
  CHECK(normalizer().normalize("a<!-- 注释 <b> -->b").text == "a b");
  CHECK(normalizer().normalize("<?xml version=\"1.0\"?><!DOCTYPE html>正文").text == "正文");
  CHECK(normalizer().normalize("a&nbsp;b&nbsp;&nbsp;c").text == "a b c");
  CHECK(normalizer().normalize("a&nbspb").text == "a&nbspb");  // not an entity without a boundary
  CHECK(normalizer().normalize("a&nbsp b").text == "a b");
  CHECK(normalizer().normalize("&lt;b&gt; &amp; &quot;x&quot;").text == "<b> & \"x\"");
  CHECK(normalizer().normalize("&ldquo;好&rdquo;").text == "\xE2\x80\x9C好\xE2\x80\x9D");
  CHECK(normalizer().normalize("&#20013;&#x4e2d;&#X56FD;").text == "中中国");
  CHECK(normalizer().normalize("付费&foo;会员").text == "付费会员");  // unknown entity removed
  // Literal '<' and '&' that are not markup stay.
  CHECK(normalizer().normalize("x < 5 and y > 3").text == "x < 5 and y > 3");
  CHECK(normalizer().normalize("AT&T, R&D").text == "at&t, r&d");
  CHECK(normalizer().normalize("a<b").text == "a<b");
  CHECK(normalizer().normalize("<<<<").text == "<<<<");
  CHECK(normalizer().normalize("&").text == "&");
  CHECK(normalizer().normalize("&#;&#x;").text == "&#;&#x;");
  // An entity's decoded character maps to the whole entity.
  auto t = normalizer().normalize("a&amp;b");
  CHECK(t.text == "a&b");
  CHECK(t.to_source(1, 2) == Range{1, 6});
  CHECK(t.to_source(2, 3) == Range{6, 7});
  // Text around a removed tag maps to its own bytes, not to the tag's.
  auto u = normalizer().normalize("<b>付费</b>会员");
  CHECK(u.text == "付费会员");
  CHECK(u.to_source(0, 6) == Range{3, 9});
  CHECK(u.to_source(6, 12) == Range{13, 19});
  check_invariants(u, 19);
  // Decoded '<' is text, not markup.
  CHECK(normalizer().normalize("&lt;p&gt;").text == "<p>");
}

TEST_CASE("normalize: whitespace, controls and zero-width characters") {
  CHECK(normalizer().normalize("a\tb   c").text == "a b c");
  CHECK(normalizer().normalize("  abc  ").text == "abc");
  CHECK(normalizer().normalize(std::string("a\0b", 3)).text == "a b");
  CHECK(normalizer()
            .normalize("a\x01\x7F"
                       "b")
            .text == "a b");
  CHECK(normalizer()
            .normalize("a\xC2\x85"
                       "b")
            .text == "a\nb");  // NEL
  CHECK(normalizer()
            .normalize("a\xC2\x80"
                       "b")
            .text == "a b");  // C1 control
  CHECK(normalizer().normalize("付 费").text == "付费");
  CHECK(normalizer().normalize("付\xE3\x80\x80费").text == "付费");  // U+3000
  CHECK(normalizer().normalize("付\xE2\x80\x8B费").text == "付费");  // U+200B
  CHECK(normalizer()
            .normalize("\xEF\xBB\xBF"
                       "abc")
            .text == "abc");  // BOM
  CHECK(normalizer()
            .normalize("a\xE2\x80\x8C\xE2\x80\x8D"
                       "b")
            .text == "ab");
  CHECK(normalizer().normalize("app 会员").text == "app 会员");
  CHECK(normalizer().normalize("会员 app").text == "会员 app");
  CHECK(normalizer().normalize("付\xC2\xA0\xC2\xA0费 会员").text == "付费会员");
  CHECK(normalizer().normalize("一、 二。 三").text == "一、二。三");
  CHECK(normalizer().normalize("\xF0\x9F\x98\x80会员\xF0\x9F\x8E\x89").text ==
        "\xF0\x9F\x98\x80会员\xF0\x9F\x8E\x89");  // emoji stay
  CHECK(normalizer().normalize("").text.empty());
  CHECK(normalizer().normalize(" \t\n ").text.empty());

  auto t = normalizer().normalize("付 费");
  CHECK(t.to_source(0, 3) == Range{0, 3});  // the dropped space is not included
  CHECK(t.to_source(3, 6) == Range{4, 7});
  CHECK(t.to_source(0, 6) == Range{0, 7});
  check_invariants(t, 7);

  auto w = normalizer().normalize("  a \t b  ");
  CHECK(w.text == "a b");
  CHECK(w.source[0] == 2);
  CHECK(w.to_source(0, 1) == Range{2, 3});
  CHECK(w.to_source(1, 2) == Range{3, 6});  // the folded run
  CHECK(w.to_source(2, 3) == Range{6, 7});  // trailing spaces trimmed, not included
  CHECK(w.to_source(3, 3) == Range{9, 9});
  check_invariants(w, 9);
}

TEST_CASE("normalize: line breaks are kept, one per run") {
  CHECK(normalizer().normalize("a\r\nb\n\n  c").text == "a\nb\nc");
  CHECK(normalizer().normalize("a\rb").text == "a\nb");
  CHECK(normalizer().normalize("a \n b").text == "a\nb");
  CHECK(normalizer().normalize("付\n费").text == "付\n费");
  CHECK(normalizer().normalize("\n\nabc\n\n").text == "abc");
  CHECK(normalizer()
            .normalize("a\xE2\x80\xA8"
                       "b")
            .text == "a\nb");  // U+2028
}

TEST_CASE("normalize: invalid UTF-8 becomes U+FFFD") {
  auto t = normalizer().normalize(
      "ab\xFF"
      "cd");
  CHECK(t.text ==
        "ab\xEF\xBF\xBD"
        "cd");
  CHECK(t.invalid_utf8);
  CHECK(t.first_invalid_byte == 2);
  CHECK(t.to_source(2, 5) == Range{2, 3});
  CHECK(t.to_source(5, 6) == Range{3, 4});
  check_invariants(t, 5);

  auto trunc = normalizer().normalize("会员\xE4\xBD");  // truncated 3-byte sequence
  CHECK(trunc.text == "会员\xEF\xBF\xBD");
  CHECK(trunc.first_invalid_byte == 6);
  CHECK(trunc.to_source(6, 9) == Range{6, 8});

  auto sur = normalizer().normalize("x\xED\xA0\x80y");  // encoded surrogate
  CHECK(sur.invalid_utf8);
  CHECK(sur.first_invalid_byte == 1);
  CHECK(valid_utf8(sur.text));
  CHECK(sur.text.front() == 'x');
  CHECK(sur.text.back() == 'y');

  auto overlong = normalizer().normalize(
      "\xC0\xAF"
      "a");
  CHECK(overlong.invalid_utf8);
  CHECK(overlong.first_invalid_byte == 0);
  CHECK(valid_utf8(overlong.text));

  auto ok = normalizer().normalize("会员");
  CHECK(!ok.invalid_utf8);
}

TEST_CASE("normalize: idempotent on already normalised text") {
  const char* samples[] = {"提供ＶＩＰ會員服務，付 费 直播打賞！", "Ｈｅｌｌｏ　Ｗｏｒｌｄ\n\n第二行", "ﬁ ① ㈱ Café",
                           "没有网站、ＡＰＰ；不收费。"};
  for (const char* s : samples) {
    CAPTURE(s);
    auto once = normalizer().normalize(s).text;
    CHECK(normalizer().normalize(once).text == once);
    CHECK(normalizer().normalize_phrase(s) == once);
  }
}

TEST_CASE("normalize: safe to call from many threads") {
  const std::string input = "<p>提供ＶＩＰ會員服務</p>&nbsp;付 费 直播打賞！ Ｈｅｌｌｏ ﬁ\xFF 末尾";
  const NormalizedText expected = normalizer().normalize(input);
  std::vector<std::thread> threads;
  std::vector<int> bad(8, 0);
  for (int k = 0; k < 8; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 300; ++i) {
        auto t = normalizer().normalize(input);
        if (t.text != expected.text || t.source != expected.source) ++bad[static_cast<std::size_t>(k)];
        if (normalizer().normalize_phrase("會員") != "会员") ++bad[static_cast<std::size_t>(k)];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int b : bad) CHECK(b == 0);
}

TEST_CASE("normalize: ~2 MB of mixed text keeps the offset invariants") {
  const char* pieces[] = {"提供",
                          "ＶＩＰ",
                          "會員",
                          "服務",
                          "，",
                          "付 费",
                          " ",
                          "\n",
                          "<p>",
                          "</p>",
                          "&nbsp;",
                          "&amp;",
                          "&#x4e2d;",
                          "app",
                          "Ｈｅｌｌｏ",
                          "ﬁ",
                          "e\xCC\x81",
                          "\xFF",
                          "\xE4\xBD",
                          "\t",
                          "\xE2\x80\x8B",
                          "\xF0\x9F\x98\x80",
                          "直播打賞",
                          "<",
                          "&",
                          "3.5元",
                          "\r\n",
                          "　",
                          "①",
                          "x"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::string input;
  while (input.size() < 2'000'000) input += pieces[pick(rng)];
  auto t = normalizer().normalize(input);
  check_invariants(t, input.size());
  CHECK(valid_utf8(t.text));
  CHECK(t.text.size() > input.size() / 3);
  CHECK(t.text.size() < input.size() * 2);
  CHECK(t.had_traditional);
  CHECK(t.invalid_utf8);
  // Random character-aligned ranges map to ordered, in-range source ranges.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < t.text.size(); ++i)
    if ((static_cast<unsigned char>(t.text[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(t.text.size());
  std::uniform_int_distribution<std::size_t> at(0, starts.size() - 1);
  for (int k = 0; k < 2000; ++k) {
    std::size_t a = starts[at(rng)], b = starts[at(rng)];
    if (a > b) std::swap(a, b);
    auto [sb, se] = t.to_source(a, b);
    if (sb > se || se > input.size()) FAIL("bad range for " << a << ".." << b);
    if (a < b && sb != t.source[a]) FAIL("begin mismatch at " << a);
  }

  // Adversarial markup-like input stays linear.
  std::string lt(1'000'000, '<');
  auto l = normalizer().normalize(lt);
  CHECK(l.text == lt);
  std::string tags;
  while (tags.size() < 1'000'000) tags += "<a ";
  auto g = normalizer().normalize(tags);
  CHECK(g.text.size() == tags.size() - 1);  // trailing space trimmed
  std::string amps;
  while (amps.size() < 1'000'000) amps += "&amp";
  CHECK(normalizer().normalize(amps).text == std::string(amps.size() / 4, '&'));  // "&amp" without ';'
  std::string comments;
  while (comments.size() < 1'000'000) comments += "<!--";
  CHECK(normalizer().normalize(comments).text == comments);
  std::string marks = "a";
  while (marks.size() < 200'000) marks += "\xCC\x81";  // one huge normalisation segment
  auto m = normalizer().normalize(marks);
  check_invariants(m, marks.size());
}

namespace {

struct PlainPathOn {
  ~PlainPathOn() { icp::text::set_plain_path(true); }
};

// Everything normalize() returns, with the source range of every character-
// aligned range of the output (which covers the recorded gaps).
std::string observe(const NormalizedText& t) {
  std::string s = t.text + "|" + std::to_string(t.invalid_utf8) + std::to_string(t.first_invalid_byte) +
                  std::to_string(t.had_traditional) + std::to_string(t.had_markup) + "|";
  for (auto x : t.source) s += std::to_string(x) + ",";
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i <= t.text.size(); ++i)
    if (i == t.text.size() || (static_cast<unsigned char>(t.text[i]) & 0xC0) != 0x80) starts.push_back(i);
  for (std::size_t a = 0; a < starts.size(); ++a)
    for (std::size_t b = a; b < starts.size(); ++b) {
      auto [sb, se] = t.to_source(starts[a], starts[b]);
      s += std::to_string(sb) + "-" + std::to_string(se) + ";";
    }
  return s;
}

}  // namespace

TEST_CASE("normalize: the plain path gives exactly the character-by-character result") {
  // Pieces around every condition of the plain path: ASCII before combining
  // marks and entities, Han (Traditional, compatibility and extension A),
  // punctuation with and without a boundary before it, whitespace, markup,
  // invalid and truncated sequences.
  const char* pieces[] = {"a",
                          "Z",
                          "1",
                          ".",
                          ">",
                          "<",
                          "&",
                          ";",
                          "#",
                          "<br>",
                          "</p>",
                          "<b>",
                          "<!-- x -->",
                          "&amp;",
                          "&#769;",
                          "&#x301;",
                          "&#x4e2d;",
                          "&nbsp",
                          "&lt;",
                          "&zwj;",
                          " ",
                          "\t",
                          "\n",
                          "\r\n",
                          "\xCC\x81",
                          "\xCC\x88",
                          "\xE3\x82\x99",
                          "\xE2\x80\x8D",
                          "\xC2\xA0",
                          "\xC2\xAD",
                          "\xE2\x80\xA8",
                          "会",
                          "员",
                          "广告",
                          "會",
                          "員",
                          "廣",
                          "\xEF\xA4\x80",
                          "\xE3\x90\x80",
                          "\xE4\xB6\xBF",
                          "\xF0\xA0\x80\x80",
                          "。",
                          "，",
                          "、",
                          "！",
                          "：",
                          "（",
                          "）",
                          "《",
                          "》",
                          "「",
                          "」",
                          "“",
                          "”",
                          "\xE3\x80\x80",
                          "\xE3\x80\x85",
                          "\xE3\x80\x87",
                          "Ａ",
                          "ｂ",
                          "１",
                          "\xEF\xBD\xB6",
                          "\xEF\xBE\x9E",
                          "\xEF\xBF\xA3",
                          "\xEF\xBF\xAE",
                          "㎏",
                          "①",
                          "ﬁ",
                          "Ⅳ",
                          "か",
                          "ア",
                          "가",
                          "😀",
                          "\xFF",
                          "\xE4\xB8",
                          "\xE4",
                          "\xC0\x80",
                          "\xED\xA0\x80",
                          "é",
                          "\xE9\xBE\xA5",
                          "\xE9\xBF\xBF"};
  std::mt19937 rng(2024);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(1, 10);
  PlainPathOn restore;
  std::size_t differences = 0;
  for (int k = 0; k < 30000; ++k) {
    std::string input;
    for (int n = count(rng); n > 0; --n) input += pieces[pick(rng)];
    icp::text::set_plain_path(false);
    const std::string reference = observe(normalizer().normalize(input));
    const std::string phrase_reference = normalizer().normalize_phrase(input);
    icp::text::set_plain_path(true);
    const std::string plain = observe(normalizer().normalize(input));
    if ((plain != reference || normalizer().normalize_phrase(input) != phrase_reference) && ++differences <= 5) {
      CAPTURE(input);
      CHECK(plain == reference);
    }
  }
  CHECK(differences == 0);
}
