// Clause splitting and ICU word boundaries.
#include <doctest/doctest.h>

#include <algorithm>
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
