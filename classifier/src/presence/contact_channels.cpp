#include "presence/contact_channels.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "text/find.hpp"
#include "text/segment.hpp"

namespace icp::presence {
namespace {

using signals::Hit;
using signals::Signal;

// Words that make a clause a way to reach the company, not a place where it
// trades: feedback and questions, customer service, following or joining.
// 咨询 and 加入 are not: "顾客在淘宝上咨询下单", "加入了美团外卖" say where the
// shop sells.
constexpr std::array<std::string_view, 13> kContact = {"客服", "反馈",   "留言", "联系", "建议", "意见",    "投诉",
                                                       "售后", "交流群", "加群", "关注", "问题", "技术支持"};

bool is_third_party(const Hit& h) {
  return h.signal == Signal::presence_third_party;
}

bool names_contact(std::string_view text, text::Clause clause) {
  const std::string_view words = text.substr(clause.begin, clause.end - clause.begin);
  return std::any_of(kContact.begin(), kContact.end(),
                     [&](std::string_view w) { return text::find_word(words, w) != std::string_view::npos; });
}

// The clause that a comma (not a sentence mark) separates from `clause`
// before it, if any: the rest of the same sentence.
std::optional<text::Clause> clause_before_comma(std::string_view text, text::Clause clause) {
  std::size_t mark = clause.begin;
  while (mark > 0 && text[mark - 1] == ' ') --mark;
  const std::string_view before = text.substr(0, mark);
  const std::size_t comma = before.ends_with(",") ? 1 : before.ends_with("，") ? 3 : 0;
  if (comma == 0 || mark == comma) return std::nullopt;
  return text::clause_around(text, mark - comma - 1);
}

// The hit's clause, or the clause before it in the same sentence: "如有问题或建议，
// 欢迎加入QQ群" asks in one clause and names the channel in the next.
bool in_contact_clause(const Hit& h, std::string_view text) {
  const auto clause = text::clause_around(text, h.begin);
  if (names_contact(text, clause)) return true;
  const auto previous = clause_before_comma(text, clause);
  return previous && names_contact(text, *previous);
}

}  // namespace

std::vector<Hit> without_contact_channels(std::vector<Hit> hits, std::string_view text) {
  if (std::none_of(hits.begin(), hits.end(), is_third_party)) return hits;
  std::erase_if(hits, [&](const Hit& h) { return is_third_party(h) && in_contact_clause(h, text); });
  return hits;
}

}  // namespace icp::presence
