#include "operators/mentioned_bodies.hpp"

#include <algorithm>
#include <array>

namespace icp::operators {
namespace {

using signals::Hit;
using signals::Signal;

// How far a cue reaches to the body's name: four characters ("受美国证监会",
// "与本市图书馆"), a place or a qualifier between them.
constexpr std::size_t kReach = 12;
// After it, a cue may follow a qualifier of up to four characters ("政府相关部门合作").
constexpr std::size_t kAfterReach = 18;

// Words before a body that make it the object of the sentence: regulated by,
// approved by, in response to, according to, together with, for (a client).
constexpr std::array<std::string_view, 16> kBefore = {"受",   "经", "获", "响应", "根据", "按照", "依据", "依照",
                                                      "收录", "与", "和", "跟",   "联合", "配合", "为",   "向"};
// Words after it that say what it does to the service, not that it runs it.
constexpr std::array<std::string_view, 12> kAfter = {"监管", "批准", "认证", "颁发", "指导",   "审批",
                                                     "合作", "认可", "推荐", "指定", "发布的", "要求"};

bool is_body(const Hit& h) {
  return h.signal == Signal::operator_public || h.signal == Signal::operator_nonprofit;
}

// The text of at most `reach` bytes before `at`, cut at a clause mark.
std::string_view before(std::string_view text, std::size_t at) {
  std::size_t from = at > kReach ? at - kReach : 0;
  while (from < at && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;  // a whole character
  std::string_view window = text.substr(from, at - from);
  for (std::string_view mark : {"，", ",", "。", "；", ";", "\n", "：", ":"})
    if (const auto p = window.rfind(mark); p != std::string_view::npos) window.remove_prefix(p + mark.size());
  return window;
}

bool mentioned(const Hit& h, std::string_view text) {
  const std::string_view ahead = before(text, h.begin);
  // A cue word starts somewhere in the window before the body ("受美国证监会").
  for (std::string_view cue : kBefore) {
    const auto p = ahead.find(cue);
    if (p == std::string_view::npos) continue;
    // 和/与 join two bodies as easily as a body and a partner: only when
    // they open the window or follow the operator's own word.
    if ((cue == "和" || cue == "与" || cue == "跟") && p != 0) continue;
    return true;
  }
  // A cue word within a few characters after it, in the same clause
  // ("政府相关部门合作", "证监会监管").
  std::string_view after = text.substr(h.end, std::min<std::size_t>(kAfterReach, text.size() - h.end));
  for (std::string_view mark : {"，", ",", "。", "；", ";", "\n", "：", ":", "、"})
    if (const auto p = after.find(mark); p != std::string_view::npos) after = after.substr(0, p);
  return std::any_of(kAfter.begin(), kAfter.end(),
                     [&](std::string_view cue) { return after.find(cue) != std::string_view::npos; });
}

}  // namespace

std::vector<Hit> without_mentioned_bodies(std::vector<Hit> hits, std::string_view text) {
  if (std::none_of(hits.begin(), hits.end(), is_body)) return hits;
  std::erase_if(hits, [&](const Hit& h) { return is_body(h) && mentioned(h, text); });
  return hits;
}

}  // namespace icp::operators
