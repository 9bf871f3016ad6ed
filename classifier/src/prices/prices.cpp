#include "prices/prices.hpp"

#include <algorithm>
#include <array>

#include "text/find.hpp"
#include "text/segment.hpp"

namespace icp::prices {
namespace {

using signals::Hit;
using signals::Signal;

// The phrase id of a price match, beyond any lexicon (see roles and scope).
constexpr std::uint32_t kPricePhrase = (1u << 24) + 128;

constexpr std::array<std::string_view, 10> kHanDigits = {"一", "二", "两", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 4> kHanUnits = {"十", "百", "千", "万"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The length of the Chinese numeral (五, 二十, 一百九十九) that ends at `at`, 0 if none.
std::size_t han_number_before(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i >= 3) {
    const std::string_view c = text.substr(i - 3, 3);
    const bool digit = std::find(kHanDigits.begin(), kHanDigits.end(), c) != kHanDigits.end();
    const bool unit = std::find(kHanUnits.begin(), kHanUnits.end(), c) != kHanUnits.end();
    if (!digit && !unit) break;
    i -= 3;
  }
  return at - i;
}

struct Amount {
  std::uint32_t begin, end;
  bool zero;
};

// The amount whose currency word starts at `unit` (元, 块): the number before it.
bool amount_before(std::string_view text, std::size_t unit, std::size_t unit_len, Amount& out) {
  std::size_t i = unit;
  bool nonzero = false;
  while (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ',')) {
    nonzero |= is_digit(text[i - 1]) && text[i - 1] != '0';
    --i;
  }
  while (i < unit && !is_digit(text[i])) ++i;  // "，88元": the separator is not part of the amount
  if (i == unit) {
    const std::size_t han = han_number_before(text, unit);
    if (han == 0) return false;
    i = unit - han;
    nonzero = true;
  }
  out = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(unit + unit_len), !nonzero};
  return true;
}

// The amount after a currency sign (¥5, $9.99, rmb 30).
bool amount_after(std::string_view text, std::size_t sign, std::size_t sign_len, Amount& out) {
  std::size_t i = sign + sign_len;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::size_t digits = i;
  bool nonzero = false;
  while (i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == ',')) {
    nonzero |= is_digit(text[i]) && text[i] != '0';
    ++i;
  }
  if (i == digits || !is_digit(text[digits])) return false;
  out = {static_cast<std::uint32_t>(sign), static_cast<std::uint32_t>(i), !nonzero};
  return true;
}

std::vector<Amount> amounts(std::string_view text) {
  std::vector<Amount> out;
  Amount a{};
  for (std::string_view unit : {"元", "块钱", "块"})
    for (auto at = text::find_word(text, unit); at != std::string_view::npos;
         at = text::find_word(text, unit, at + unit.size()))
      if (amount_before(text, at, unit.size(), a)) out.push_back(a);
  for (std::string_view sign : {"¥", "$", "rmb", "usd"})
    for (auto at = text.find(sign); at != std::string_view::npos; at = text.find(sign, at + sign.size()))
      if (amount_after(text, at, sign.size(), a)) out.push_back(a);
  std::sort(out.begin(), out.end(), [](const Amount& x, const Amount& y) { return x.begin < y.begin; });
  // 块钱 and 块 find the same amount twice.
  out.erase(std::unique(out.begin(), out.end(), [](const Amount& x, const Amount& y) { return x.begin == y.begin; }),
            out.end());
  return out;
}

// Words that make an amount something other than a fee for the information:
// a gift or bonus to the user, a loan, a payout, a price of goods.
constexpr std::string_view kNotAFee[] = {"送",   "领",   "返",   "赚",   "奖",   "补贴", "红包", "抵",   "减",
                                         "省",   "赔",   "下款", "额度", "借",   "贷",   "工资", "月薪", "收入",
                                         "佣金", "提现", "现金", "价值", "原价", "商品", "包邮", "起投", "收益",
                                         "首付", "门槛", "秒杀", "特价", "购物", "券"};

// What a fee can pay for: the information delivered, a membership, the fee words themselves.
bool pays_for_information(const Hit& h, std::string_view text) {
  switch (h.signal) {
    case Signal::cat1_delivery:
    case Signal::pay_content:
    case Signal::pay_fee:
    case Signal::pay_listing:
      return true;
    case Signal::role_party:  // 会员98元/年: a membership, the only party that is paid for
      return text.substr(h.begin, h.end - h.begin) == "会员";
    default:
      return false;
  }
}

}  // namespace

std::vector<Hit> with_prices(std::vector<Hit> hits, std::string_view text) {
  const auto all = amounts(text);
  if (all.empty()) return hits;
  std::vector<Hit> added;
  for (const Amount& a : all) {
    // 9.9元起, 1元起提, 100元起投: a starting price of goods or an investment.
    if (a.zero || text.substr(a.end).starts_with("起")) continue;
    const text::Clause clause = text::clause_around(text, a.begin);
    const std::string_view words = text.substr(clause.begin, clause.end - clause.begin);
    if (std::any_of(std::begin(kNotAFee), std::end(kNotAFee),
                    [&](std::string_view w) { return text::find_word(words, w) != std::string_view::npos; }))
      continue;
    const auto paid = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) {
      return h.begin >= clause.begin && h.end <= clause.end && pays_for_information(h, text);
    });
    if (paid == hits.end()) continue;
    Hit price{Signal::pay_content, 2, a.begin, a.end, kPricePhrase};
    price.negated = paid->negated;
    price.planned = paid->planned;
    price.maybe = paid->maybe;
    price.past = paid->past;
    added.push_back(price);
  }
  signals::merge_hits(hits, added);
  return hits;
}

}  // namespace icp::prices
