// PhraseMatcher: every overlapping occurrence, sorted, with the ASCII edge
// rule; cross-checked against a naive scan.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "match/phrase_matcher.hpp"

using icp::match::Match;
using icp::match::PhraseMatcher;

namespace {

using Triple = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;  // begin, end, phrase

std::vector<Triple> find(const PhraseMatcher& m, std::string_view text) {
  std::vector<Match> out{Match{9, 9, 9}};  // find_all clears
  m.find_all(text, out);
  std::vector<Triple> r;
  for (const auto& x : out) r.emplace_back(x.begin, x.end, x.phrase);
  return r;
}

bool alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The contract, implemented the slow obvious way.
std::vector<Triple> naive(const std::vector<std::string>& phrases, const std::string& text) {
  std::vector<Triple> r;
  for (std::size_t id = 0; id < phrases.size(); ++id) {
    const std::string& p = phrases[id];
    if (p.empty()) continue;
    for (std::size_t at = text.find(p); at != std::string::npos; at = text.find(p, at + 1)) {
      const std::size_t end = at + p.size();
      if (alnum(p.front()) && at > 0 && alnum(text[at - 1])) continue;
      if (alnum(p.back()) && end < text.size() && alnum(text[end])) continue;
      r.emplace_back(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end), static_cast<std::uint32_t>(id));
    }
  }
  std::sort(r.begin(), r.end(), [](const Triple& a, const Triple& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) > std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  return r;
}

}  // namespace

TEST_CASE("matcher: overlapping phrases, longer first at the same begin") {
  PhraseMatcher m({"付费", "付费会员", "会员"});
  CHECK(m.size() == 3);
  // "开通付费会员": 开通 = 0..6, 付费 = 6..12, 会员 = 12..18.
  CHECK(find(m, "开通付费会员") == std::vector<Triple>{{6, 18, 1}, {6, 12, 0}, {12, 18, 2}});
  CHECK(find(m, "会员付费") == std::vector<Triple>{{0, 6, 2}, {6, 12, 0}});
  CHECK(find(m, "付费付费会员会员") ==
        std::vector<Triple>{{0, 6, 0}, {6, 18, 1}, {6, 12, 0}, {12, 18, 2}, {18, 24, 2}});
}

TEST_CASE("matcher: empty text, no phrases, duplicates") {
  PhraseMatcher m({"付费", "会员"});
  CHECK(find(m, "").empty());
  CHECK(find(m, "没有匹配的文字").empty());
  PhraseMatcher none({});
  CHECK(none.size() == 0);
  CHECK(find(none, "付费会员").empty());
  PhraseMatcher dup({"会员", "付费", "会员"});
  CHECK(find(dup, "付费会员") == std::vector<Triple>{{0, 6, 1}, {6, 12, 0}, {6, 12, 2}});
  PhraseMatcher with_empty({"", "会员"});
  CHECK(with_empty.size() == 2);
  CHECK(find(with_empty, "会员") == std::vector<Triple>{{0, 6, 1}});
}

TEST_CASE("matcher: phrases sharing prefixes and suffixes") {
  PhraseMatcher m({"直播", "直播打赏", "打赏", "赏", "播打", "直播带货", "带货"});
  CHECK(find(m, "直播打赏") == std::vector<Triple>{{0, 12, 1}, {0, 6, 0}, {3, 9, 4}, {6, 12, 2}, {9, 12, 3}});
  CHECK(find(m, "直播带货") == std::vector<Triple>{{0, 12, 5}, {0, 6, 0}, {6, 12, 6}});
  // A failed long match falls back to the suffix it contains.
  CHECK(find(m, "直播打") == std::vector<Triple>{{0, 6, 0}, {3, 9, 4}});
  PhraseMatcher nested({"a", "aa", "aaa"});
  CHECK(find(nested, "aaaa").empty());  // ASCII rule: every occurrence touches another letter
  CHECK(find(nested, "-aa-") == std::vector<Triple>{{1, 3, 1}});
}

TEST_CASE("matcher: ASCII letters and digits need a word edge") {
  PhraseMatcher m({"app", "vip会员", "付费app", "5g"});
  CHECK(find(m, "happy").empty());
  CHECK(find(m, "apps").empty());  // documented: plurals need their own phrase
  CHECK(find(m, "app2").empty());
  CHECK(find(m, "下载app") == std::vector<Triple>{{6, 9, 0}});
  CHECK(find(m, "app会员") == std::vector<Triple>{{0, 3, 0}});
  CHECK(find(m, "app, apps; app") == std::vector<Triple>{{0, 3, 0}, {11, 14, 0}});
  CHECK(find(m, "svip会员").empty());  // starts with a letter, text has one before
  CHECK(find(m, "开通vip会员") == std::vector<Triple>{{6, 15, 1}});
  CHECK(find(m, "付费appx").empty());  // ends with a letter, text has one after
  CHECK(find(m, "付费app!") == std::vector<Triple>{{0, 9, 2}, {6, 9, 0}});
  CHECK(find(m, "支持5g网络") == std::vector<Triple>{{6, 8, 3}});
  CHECK(find(m, "支持15g").empty());
}

TEST_CASE("matcher: random cross-check against a naive scan") {
  std::mt19937 rng(2024);
  // A small alphabet with ASCII letters, a digit, CJK and a 4-byte emoji, so
  // that byte-level prefixes of multi-byte characters get exercised.
  const std::vector<std::string> alphabet = {"a",       "b", "1", " ", "付", "费", "会", "员", "\xF0\x9F\x98\x80",
                                             "\xE4\xBB"};
  auto random_string = [&](std::size_t max_len) {
    std::uniform_int_distribution<std::size_t> len(0, max_len), pick(0, alphabet.size() - 1);
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += alphabet[pick(rng)];
    return s;
  };
  for (int iter = 0; iter < 3000; ++iter) {
    std::vector<std::string> phrases;
    std::uniform_int_distribution<int> count(1, 12);
    for (int k = count(rng); k > 0; --k) {
      std::string p = random_string(4);
      if (p.empty()) p.push_back('a');
      phrases.push_back(p);
    }
    if (iter % 7 == 0) phrases.push_back(phrases.front());  // duplicates
    PhraseMatcher m(phrases);
    for (int t = 0; t < 5; ++t) {
      const std::string text = random_string(40);
      const auto got = find(m, text);
      const auto want = naive(phrases, text);
      if (got != want) {
        CAPTURE(iter);
        CAPTURE(text);
        CHECK(got.size() == want.size());
        FAIL("mismatch");
      }
    }
  }
}

TEST_CASE("matcher: well-formed phrases in texts with broken UTF-8") {
  // Well-formed phrases are matched per character; the text may hold lone
  // lead and continuation bytes, cut-off and overlong sequences (C1 A1 is
  // an overlong "a", E0 81 A1 one in three bytes), which must neither match
  // nor hide a match that starts right after them.
  std::mt19937 rng(99);
  const std::vector<std::string> words = {"a", "1", "\xC3\xA9", "\xE4\xBB\x98", "\xE8\xB4\xB9", "\xF0\x9F\x98\x80"};
  std::vector<std::string> noise = words;
  for (const char* junk :
       {"\xE4\xBB", "\xBB", "\x98", "\xC3", "\xF0\x9F\x98", "\xFF", "\xC1\xA1", "\xE0\x81\xA1", "\xF8"})
    noise.emplace_back(junk);
  auto random_string = [&](const std::vector<std::string>& alphabet, std::size_t max_len) {
    std::uniform_int_distribution<std::size_t> len(0, max_len), pick(0, alphabet.size() - 1);
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += alphabet[pick(rng)];
    return s;
  };
  for (int iter = 0; iter < 2000; ++iter) {
    std::vector<std::string> phrases;
    std::uniform_int_distribution<int> count(1, 10);
    for (int k = count(rng); k > 0; --k) {
      std::string p = random_string(words, 3);
      if (p.empty()) p = words[static_cast<std::size_t>(k) % words.size()];
      phrases.push_back(p);
    }
    PhraseMatcher m(phrases);
    for (int t = 0; t < 5; ++t) {
      const std::string text = random_string(noise, 40);
      if (find(m, text) != naive(phrases, text)) {
        CAPTURE(iter);
        CAPTURE(text);
        FAIL("mismatch");
      }
    }
  }
  PhraseMatcher a({"a", "\xE4\xBB\x98"});
  CHECK(find(a, "\xC1\xA1").empty());
  CHECK(find(a, "\xE0\x81\xA1").empty());
  CHECK(find(a, "\xE4\xE4\xBB\x98") == std::vector<Triple>{{1, 4, 1}});
  CHECK(find(a, "\xE4\xBB").empty());
}

TEST_CASE("matcher: two phrase sets in one pass") {
  const std::vector<std::string> first = {"付费", "会员", "app"}, second = {"会员", "员工", "付"};
  PhraseMatcher both(first, second);
  CHECK(both.size() == 6);
  std::vector<Match> one{Match{9, 9, 9}}, two{Match{9, 9, 9}};
  both.find_all("付费会员工app", one, two);
  auto triples = [](const std::vector<Match>& v) {
    std::vector<Triple> r;
    for (const auto& x : v) r.emplace_back(x.begin, x.end, x.phrase);
    return r;
  };
  // Each set numbered from 0, as its own matcher would report it.
  CHECK(triples(one) == find(PhraseMatcher(first), "付费会员工app"));
  CHECK(triples(two) == find(PhraseMatcher(second), "付费会员工app"));
  CHECK(triples(one) == std::vector<Triple>{{0, 6, 0}, {6, 12, 1}, {15, 18, 2}});
  CHECK(triples(two) == std::vector<Triple>{{0, 3, 2}, {6, 12, 0}, {9, 15, 1}});
  // One output: both sets, numbered first then second.
  CHECK(find(both, "付费会员工app") ==
        std::vector<Triple>{{0, 6, 0}, {0, 3, 5}, {6, 12, 1}, {6, 12, 3}, {9, 15, 4}, {15, 18, 2}});
  // Random sets against two separate matchers.
  std::mt19937 rng(5);
  const std::vector<std::string> alphabet = {"a", " ", "付", "费", "会", "员", "\xE4\xBB"};
  auto random_string = [&](std::size_t max_len) {
    std::uniform_int_distribution<std::size_t> len(1, max_len), pick(0, alphabet.size() - 1);
    std::string s;
    for (std::size_t n = len(rng); n > 0; --n) s += alphabet[pick(rng)];
    return s;
  };
  for (int iter = 0; iter < 500; ++iter) {
    std::vector<std::string> x, y;
    for (int k = 0; k < 5; ++k) x.push_back(random_string(3));
    for (int k = 0; k < 4; ++k) y.push_back(random_string(3));
    PhraseMatcher xy(x, y);
    const std::string text = random_string(30);
    xy.find_all(text, one, two);
    CHECK(triples(one) == naive(x, text));
    CHECK(triples(two) == naive(y, text));
  }
}

TEST_CASE("matcher: a realistic lexicon is found in a long text, from many threads") {
  // ~3,000 phrases of 2–6 CJK characters drawn from a few hundred characters.
  std::mt19937 rng(7);
  std::uniform_int_distribution<char32_t> cp(0x4E00, 0x4E00 + 400);
  std::uniform_int_distribution<int> len(2, 6);
  auto utf8 = [](char32_t c) {
    const char b[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))};
    return std::string(b, 3);
  };
  std::vector<std::string> phrases;
  for (int i = 0; i < 3000; ++i) {
    std::string p;
    for (int k = len(rng); k > 0; --k) p += utf8(cp(rng));
    phrases.push_back(p);
  }
  std::string text;
  std::uniform_int_distribution<std::size_t> pick(0, phrases.size() - 1);
  while (text.size() < 200'000) {
    text += phrases[pick(rng)];
    text += utf8(cp(rng));
  }
  PhraseMatcher m(phrases);
  const auto want = naive(phrases, text);
  CHECK(want.size() >= 10'000);
  CHECK(find(m, text) == want);
  std::vector<int> bad(4, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      std::vector<Match> out;
      for (int i = 0; i < 5; ++i) {
        m.find_all(text, out);
        if (out.size() != want.size()) ++bad[static_cast<std::size_t>(k)];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int x : bad) CHECK(x == 0);
}
