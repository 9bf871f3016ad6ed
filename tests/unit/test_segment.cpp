// Clause splitting and ICU word boundaries.
#include <doctest/doctest.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/segment.hpp"

using icp::text::split_clauses;
using icp::text::WordSegmenter;

namespace {

std::vector<std::string> clause_texts(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& c : split_clauses(s)) {
    REQUIRE(c.begin < c.end);
    REQUIRE(c.end <= s.size());
    out.emplace_back(s.substr(c.begin, c.end - c.begin));
  }
  return out;
}

using Strings = std::vector<std::string>;
using Sizes = std::vector<std::size_t>;

const WordSegmenter& segmenter() {
  static const WordSegmenter s;
  return s;
}

}  // namespace

TEST_CASE("split_clauses: Chinese and ASCII clause punctuation") {
  CHECK(clause_texts("我们提供付费会员，没有网站、APP。联系我们") ==
        Strings{"我们提供付费会员", "没有网站、APP", "联系我们"});
  // The same after normalisation (full-width → ASCII).
  CHECK(clause_texts("我们提供付费会员,没有网站、app。联系我们") ==
        Strings{"我们提供付费会员", "没有网站、app", "联系我们"});
  CHECK(clause_texts("甲！乙？丙；丁：戊") == Strings{"甲", "乙", "丙", "丁", "戊"});
  CHECK(clause_texts("a!b?c;d:e,f") == Strings{"a", "b", "c", "d", "e", "f"});
  CHECK(clause_texts("第一行\n第二行\r\n第三行") == Strings{"第一行", "第二行", "第三行"});
  CHECK(clause_texts("一、二、三") == Strings{"一、二、三"});  // 、 never splits
}

TEST_CASE("split_clauses: ASCII full stop, but not in numbers or names") {
  CHECK(clause_texts("价格3.5元. 下一句") == Strings{"价格3.5元", "下一句"});
  CHECK(clause_texts("访问www.example.com即可") == Strings{"访问www.example.com即可"});
  CHECK(clause_texts("结束.") == Strings{"结束"});
  CHECK(clause_texts("服务.我们") == Strings{"服务", "我们"});
  CHECK(clause_texts("服务...我们") == Strings{"服务", "我们"});
  CHECK(clause_texts("服务…我们") == Strings{"服务", "我们"});
  CHECK(clause_texts("v1.2.3版本") == Strings{"v1.2.3版本"});
}

TEST_CASE("split_clauses: empty clauses and spaces") {
  CHECK(split_clauses("").empty());
  CHECK(split_clauses(",,,。\n ").empty());
  CHECK(clause_texts(",,a,, b ,") == Strings{"a", "b"});
  auto c = split_clauses("ab, cd");
  REQUIRE(c.size() == 2);
  CHECK(c[0].begin == 0);
  CHECK(c[0].end == 2);
  CHECK(c[1].begin == 4);
  CHECK(c[1].end == 6);
}

TEST_CASE("word segmenter: boundaries include 0 and size") {
  CHECK(segmenter().boundaries("") == Sizes{0});
  CHECK(segmenter().boundaries("付费会员") == Sizes{0, 3, 6, 12});  // ICU 72: 付|费|会员
  auto b = segmenter().boundaries("app");
  CHECK(b.front() == 0);
  CHECK(b.back() == 3);
}

TEST_CASE("word segmenter: ICU dictionary words (real ICU 72 behaviour)") {
  // ICU gives 推广|告知, not 推|广告|知: the only inner boundary is at byte 6
  // (after 推广), none at 3 or 9, so the phrase 广告 is not a word here.
  auto b = segmenter().boundaries("推广告知");
  CHECK(b == Sizes{0, 6, 12});
  CHECK(std::find(b.begin(), b.end(), 3) == b.end());
  CHECK(std::find(b.begin(), b.end(), 9) == b.end());

  CHECK(segmenter().boundaries("提供付费会员服务") == Sizes{0, 6, 9, 12, 18, 24});  // 提供|付|费|会员|服务
  CHECK(segmenter().boundaries("直播打赏功能") == Sizes{0, 6, 9, 12, 18});          // 直播|打|赏|功能
  // Mixed scripts: the ASCII word is one token with UTF-8 byte offsets.
  auto m = segmenter().boundaries("我们的app支持vip会员");
  CHECK(m == Sizes{0, 6, 9, 12, 18, 21, 27});
}

TEST_CASE("word segmenter: boundaries are UTF-8 offsets at character starts") {
  const std::string s = "我们提供SaaS软件，😀 以及 3.5 版本的app下载服务";
  auto b = segmenter().boundaries(s);
  REQUIRE(b.size() >= 2);
  CHECK(b.front() == 0);
  CHECK(b.back() == s.size());
  for (std::size_t i = 1; i < b.size(); ++i) CHECK(b[i - 1] < b[i]);
  for (std::size_t x : b)
    if (x < s.size()) CHECK((static_cast<unsigned char>(s[x]) & 0xC0) != 0x80);
}

TEST_CASE("word segmenter: safe to call from many threads") {
  const std::string s = "提供付费会员服务，直播打赏功能，推广告知";
  const auto expected = segmenter().boundaries(s);
  std::vector<int> bad(6, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 6; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 300; ++i)
        if (segmenter().boundaries(s) != expected) ++bad[static_cast<std::size_t>(k)];
    });
  }
  for (auto& t : threads) t.join();
  for (int x : bad) CHECK(x == 0);
}

namespace {

// Compares boundaries() with ICU's break iterator; returns the number of
// texts that differ (reporting the first few).
std::size_t count_differences(const std::vector<std::string>& texts) {
  std::size_t differences = 0;
  for (const auto& text : texts) {
    const auto own = segmenter().boundaries(text);
    const auto icu = segmenter().icu_boundaries(text);
    if (own != icu && ++differences <= 5) {
      CAPTURE(text);
      CHECK(own == icu);
    }
  }
  return differences;
}

}  // namespace

TEST_CASE("word segmenter: its own segmentation equals ICU's on every short string of representatives") {
  // One character of each word break class it handles (Han twice: a
  // dictionary word), and ones it hands to ICU (Katakana, a combining mark).
  const char* alphabet[] = {"会", "员", "a", "1", ":", ".", ",", "'", "_", " ", "、", "\"", "@", "ア", "\xCC\x81"};
  std::vector<std::string> texts{""};
  std::vector<std::string> all;
  for (int length = 1; length <= 4; ++length) {
    std::vector<std::string> longer;
    for (const auto& t : texts)
      for (const char* c : alphabet) longer.push_back(t + c);
    texts = std::move(longer);
    all.insert(all.end(), texts.begin(), texts.end());
  }
  CHECK(count_differences(all) == 0);
}

TEST_CASE("word segmenter: its own segmentation equals ICU's on random mixed text") {
  const char* han =
      "会员服务推广告知提供付费直播打赏功能没有网站中国人民银行广告收入社区医院免费下载手机游戏"
      "平台用户在线支付宝微信公众号小程序商城电子商务信息技术有限公司开发运营数据";
  std::vector<std::string> han_chars;
  for (std::size_t i = 0; han[i] != 0; i += 3) han_chars.emplace_back(han + i, 3);
  const char* others[] = {
      // Han at the edges of the blocks it handles, and just outside them.
      "\xE3\x90\x80", "\xE4\xB6\xBF", "\xE9\xBF\xBF", "\xE4\xB8\x82", "\xE3\x80\x85", "\xEF\xA4\x80",
      "\xF0\xA0\x80\x80",
      // Letters, digits, the Mid classes, ExtendNumLet, spaces.
      "a", "b", "Z", "app", "vip", "é", "ß", "Ω", "я", "0", "7", "42", "3.5", "\xD9\xA3", ":", "\xC2\xB7", ".", "’",
      ",", ";", "'", "\"", "_", "\xE2\x80\xBF", " ", "\xE3\x80\x80", "\xE2\x80\x83",
      // Other.
      "、", "。", "《", "》", "/", "@", "-", "(", "★", "😀", "#", "%", "+", "→", "\t", "www.a.com", "http//x.cn",
      // Characters that send the text to ICU.
      "\xCC\x81", "\xE2\x80\x8D", "\xEF\xB8\x8F", "ア", "か", "가", "א", "\n", "\xC2\xAD", "🇨🇳", "ｶ", "\xFF"};
  std::mt19937 rng(99);
  std::uniform_int_distribution<std::size_t> pick_han(0, han_chars.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_other(0, std::size(others) - 1);
  std::uniform_int_distribution<int> length(1, 24), coin(0, 9);
  std::vector<std::string> texts;
  for (int k = 0; k < 60000; ++k) {
    std::string t;
    const int han_share = coin(rng);  // 0..9 tenths of the pieces
    for (int n = length(rng); n > 0; --n)
      t += coin(rng) < han_share ? han_chars[pick_han(rng)] : others[pick_other(rng)];
    texts.push_back(std::move(t));
  }
  CHECK(count_differences(texts) == 0);
}

TEST_CASE("word segmenter: the Han blocks it segments itself are dictionary characters to ICU") {
  // boundaries() classifies U+3400–U+4DBF and U+4E00–U+9FFF as Han by range.
  int bad = 0;
  for (UChar32 c = 0x3400; c <= 0x9FFF; ++c) {
    if (c > 0x4DBF && c < 0x4E00) continue;
    UErrorCode ec = U_ZERO_ERROR;
    if (uscript_getScript(c, &ec) != USCRIPT_HAN || u_getIntPropertyValue(c, UCHAR_WORD_BREAK) != U_WB_OTHER ||
        !u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))
      ++bad;
  }
  CHECK(bad == 0);
}

namespace {

// split_clauses as a plain byte loop: the reference for its word-at-a-time scan.
std::vector<icp::text::Clause> reference_clauses(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  auto alnum = [](unsigned char b) { return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); };
  auto mark = [&](std::size_t i) -> std::size_t {
    switch (s[i]) {
      case ',':
      case ';':
      case '!':
      case '?':
      case ':':
      case '\n':
      case '\r':
        return 1;
      case '.':
        return i + 1 >= n || !alnum(s[i + 1]) ? 1 : 0;
      default:
        break;
    }
    if (i + 2 >= n) return 0;
    const unsigned b = (unsigned{s[i]} << 16) | (unsigned{s[i + 1]} << 8) | s[i + 2];
    for (unsigned m : {0xE38082u, 0xE280A6u, 0xEFBC81u, 0xEFBC8Cu, 0xEFBC9Au, 0xEFBC9Bu, 0xEFBC9Fu, 0xEFBDA1u})
      if (b == m) return 3;
    return 0;
  };
  auto blank = [](unsigned char b) { return b == ' ' || b == '\t' || b == '\r'; };
  std::vector<icp::text::Clause> out;
  auto add = [&](std::size_t b, std::size_t e) {
    while (b < e && blank(s[b])) ++b;
    while (e > b && blank(s[e - 1])) --e;
    if (b < e) out.push_back({b, e});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < n;) {
    const std::size_t m = mark(i);
    if (m == 0) {
      ++i;
      continue;
    }
    add(start, i);
    i += m;
    start = i;
  }
  add(start, n);
  return out;
}

}  // namespace

TEST_CASE("split_clauses: the word-at-a-time scan finds exactly the marks of a byte loop") {
  const char* pieces[] = {
      "会员", "服务",     "。",       "，",   "、",       "！", "？",  "：",       "；",          "…",        "｡",
      ",",    ";",        "!",        "?",    ":",        ".",  "3.5", "a.b",      ". ",          "\n",       "\r\n",
      " ",    "\t",       "app",      "《",   "》",       "“",  "—",   "\xE3\x80", "\xE2\x80",    "\xEF\xBC", "\xE3",
      "\xEF", "\x80\x82", "\xBC\x8C", "\xFF", "\xE4\xB8", "@",  "0",   "A",        "\xE3\x80\x81"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(0, 40);
  auto same = [](const std::vector<icp::text::Clause>& a, const std::vector<icp::text::Clause>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].begin != b[i].begin || a[i].end != b[i].end) return false;
    return true;
  };
  int differences = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string text;
    for (int n = count(rng); n > 0; --n) text += pieces[pick(rng)];
    if (!same(split_clauses(text), reference_clauses(text)) && ++differences <= 5) {
      CAPTURE(text);
      CHECK(false);
    }
  }
  CHECK(differences == 0);
}

TEST_CASE("word segmenter: its own segmentation equals ICU's around every character") {
  // Every class decision, in the contexts where the rules look at it:
  // between letters, between digits, doubled, and between Han.
  std::vector<std::string> texts;
  for (UChar32 c = 1; c <= 0x10FFFF; c += c <= 0xFFFF ? 1 : 31) {  // beyond the BMP, a sample
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char buf[4];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    const std::string ch(buf, static_cast<std::size_t>(len));
    for (const char* context : {"a", "1", "会"}) texts.push_back(context + ch + context);
    texts.push_back(ch + ch);
  }
  texts.push_back(std::string("a\0a", 3));
  CHECK(count_differences(texts) == 0);
}

TEST_CASE("word segmenter: its own segmentation is on with the ICU it was verified against") {
  // Elsewhere boundaries() is ICU's alone, and the tests above compare ICU
  // with itself: rerun them against the new ICU, then update the constants
  // in segment.cpp (the hash is segmenter().icu_rules_hash()).
  UVersionInfo version;
  u_getVersion(version);
  if (version[0] == 72) CHECK(segmenter().own_segmentation());
  MESSAGE("ICU " << int{version[0]} << ", word rules hash " << segmenter().icu_rules_hash() << ", own segmentation "
                 << segmenter().own_segmentation());
}

TEST_CASE("clause_around gives the clause of split_clauses that holds the byte") {
  // Short clauses, and long Han ones that the scan skips eight bytes at a time.
  for (const std::string text :
       {"平台上商家入驻, 用户下单;价格3.5元…我们不收费。 最后一句",
        "这是一款专为年轻人打造的社交软件支持扫码点餐和外卖配送。向入驻商家收取年费和佣金可以查看附近的加油站和停车场a,"
        "公司总部位于上海在北京和深圳设有分公司以后计划推出付费会员服务…通过微信支付和支付宝完成付款"}) {
    const auto clauses = icp::text::split_clauses(text);
    for (const auto& clause : clauses)
      for (std::size_t at = clause.begin; at < clause.end; ++at) {
        const auto around = icp::text::clause_around(text, at);
        INFO("at " << at);
        CHECK(around.begin == clause.begin);
        CHECK(around.end == clause.end);
      }
  }
}
