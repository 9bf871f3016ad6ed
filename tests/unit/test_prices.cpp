// The price reader (classifier/src/prices/): which amounts are fees for the
// information, and which are gifts, loans, goods or nothing.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "prices/prices.hpp"

using icp::signals::Hit;
using icp::signals::Signal;
using icp::signals::SignalSet;

namespace {

// A hit of `signal` on the first occurrence of `word` in `text`.
Hit hit_on(const std::string& text, const std::string& word, Signal signal, int weight = 1) {
  const auto at = static_cast<std::uint32_t>(text.find(word));
  REQUIRE(at != static_cast<std::uint32_t>(std::string::npos));
  return Hit{signal, weight, at, at + static_cast<std::uint32_t>(word.size()), 7};
}

// The text of the price hits that with_prices adds.
std::vector<std::string> prices(const std::string& text, std::vector<Hit> hits) {
  const SignalSet found(icp::prices::with_prices(std::move(hits), text));
  std::vector<std::string> out;
  for (const auto& h : found.hits())
    if (h.signal == Signal::pay_content && h.phrase != 7) out.push_back(text.substr(h.begin, h.end - h.begin));
  return out;
}

}  // namespace

TEST_SUITE("prices") {
  TEST_CASE("an amount in the clause of what it buys is a fee") {
    const std::string t = "论坛会员每月20元";
    CHECK(prices(t, {hit_on(t, "会员", Signal::role_party)}) == std::vector<std::string>{"20元"});
    const std::string d = "下载高清版每份收5元";
    CHECK(prices(d, {hit_on(d, "下载", Signal::cat1_delivery)}) == std::vector<std::string>{"5元"});
    const std::string sep = "下载高清版，88元";
    CHECK(prices(sep, {hit_on(sep, "下载", Signal::cat1_delivery)}).empty());  // another clause
    const std::string thousands = "下载全部素材每年1,200元";
    CHECK(prices(thousands, {hit_on(thousands, "下载", Signal::cat1_delivery)}) == std::vector<std::string>{"1,200元"});
    const std::string han = "在线阅读一篇九块九";
    CHECK(prices(han, {hit_on(han, "在线阅读", Signal::cat1_delivery)}) == std::vector<std::string>{"九块"});
    const std::string sign = "unlock downloads for ¥30";
    CHECK(prices(sign, {hit_on(sign, "downloads", Signal::cat1_delivery)}) == std::vector<std::string>{"¥30"});
  }

  TEST_CASE("gifts, loans, zero and amounts in another clause are not fees") {
    const std::string gift = "下载即送20元红包";
    CHECK(prices(gift, {hit_on(gift, "下载", Signal::cat1_delivery)}).empty());
    const std::string loan = "下载App，3分钟下款20000元";
    CHECK(prices(loan, {hit_on(loan, "下载", Signal::cat1_delivery)}).empty());
    const std::string zero = "视频0元看";
    CHECK(prices(zero, {hit_on(zero, "视频", Signal::cat1_delivery)}).empty());
    const std::string apart = "茶叶每斤200元。官网有视频介绍";
    CHECK(prices(apart, {hit_on(apart, "视频", Signal::cat1_delivery)}).empty());
    const std::string from = "会员视频9.9元起";
    CHECK(prices(from, {hit_on(from, "视频", Signal::cat1_delivery)}).empty());
    const std::string none = "会员可以看全部视频";
    CHECK(prices(none, {hit_on(none, "视频", Signal::cat1_delivery)}).empty());
  }

  TEST_CASE("a price carries the cues of what it pays for") {
    const std::string t = "明年起会员每月20元";
    Hit member = hit_on(t, "会员", Signal::role_party);
    member.planned = true;
    const SignalSet found(icp::prices::with_prices({member}, t));
    CHECK(found.affirmed(Signal::pay_content) == 0);
    CHECK(found.planned(Signal::pay_content) == 2);
  }
}
