#include "operators/mentioned_bodies.hpp"

#include <algorithm>
#include <array>
#include <span>

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

// Words after a body that say it runs the service: it hosts, operates,
// launches, builds or maintains it ("由市图书馆主办", "总工会推出的", "公安部官方").
constexpr std::array<std::string_view, 22> kRuns = {"主办", "运营", "运行", "推出", "打造", "开发", "出品", "建设",
                                                    "维护", "发起", "承办", "负责", "创办", "研发", "设立", "开设",
                                                    "官方", "官网", "门户", "旗下", "主管", "举办"};
// The service itself right after the body's name: "南京市总工会APP", "教育局网站".
constexpr std::array<std::string_view, 9> kService = {"app",  "网站",   "网",     "客户端", "应用",
                                                      "平台", "公众号", "小程序", "微信"};
// How far a word that runs it may follow the body (eight characters: "由市委宣传部牵头指导").
constexpr std::size_t kRunsReach = 24;
// The service's name follows the body's within two characters ("省委组织部门户网站" is kRuns).
constexpr std::size_t kServiceReach = 6;
// How far before a body its subject word may stand (a place between: "是中国药师协会").
constexpr std::size_t kSubjectReach = 24;
// Words before a body that make it the subject: run by, this body, we are.
constexpr std::array<std::string_view, 4> kSubject = {"由", "本", "我们", "是"};

bool is_body(const Hit& h) {
  return h.signal == Signal::operator_public || h.signal == Signal::operator_nonprofit;
}

bool is_volunteering(const Hit& h, std::string_view text) {
  const std::string_view word = text.substr(h.begin, h.end - h.begin);
  return h.signal == Signal::operator_nonprofit && (word.ends_with("志愿") || word.ends_with("志愿者"));
}

// A body's name, not a statement about the service: every public body, and
// the charities' names; volunteers too, unless the whole service is about
// volunteering (named three times or more: "志愿者注册、志愿活动招募、志愿服务时长").
// "公益性", "非营利", "个人出资" say how the service itself is run, wherever
// they stand.
bool names_a_body(const Hit& h, std::string_view text, bool about_volunteering) {
  if (h.signal == Signal::operator_public) return true;
  if (is_volunteering(h, text)) return !about_volunteering;
  const std::string_view word = text.substr(h.begin, h.end - h.begin);
  for (std::string_view end : {"会", "组织", "机构", "中心", "站"})
    if (word.ends_with(end)) return true;
  return false;
}

// The text of at most `reach` bytes before `at`, cut at a clause mark.
std::string_view before(std::string_view text, std::size_t at, std::size_t reach = kReach) {
  std::size_t from = at > reach ? at - reach : 0;
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

// The text after the hit, up to `reach` bytes and the next clause mark.
std::string_view after(std::string_view text, const Hit& h, std::size_t reach) {
  std::string_view rest = text.substr(h.end, std::min<std::size_t>(reach, text.size() - h.end));
  for (std::string_view mark : {"，", ",", "。", "；", ";", "\n", "：", ":", "、"})
    if (const auto p = rest.find(mark); p != std::string_view::npos) rest = rest.substr(0, p);
  return rest;
}

bool contains_any(std::string_view text, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// The body is named as who runs the service: a word that runs it follows
// ("市总工会推出的", "公安部官方"), the service's own name follows ("教育局App"),
// or it is the sentence's subject ("由团市委…", "本协会", "我们是一家公益组织"). A body
// named anywhere else is what the content is about: "事业单位考试题库", "聚焦公立
// 医院体检", "抱着书去图书馆", "政府财政入股".
bool runs_it(const Hit& h, std::string_view text) {
  if (contains_any(after(text, h, kRunsReach), kRuns)) return true;
  const std::string_view next = after(text, h, kServiceReach);
  if (std::any_of(kService.begin(), kService.end(), [&](std::string_view w) { return next.starts_with(w); }))
    return true;
  if (contains_any(before(text, h.begin, kSubjectReach), kSubject)) return true;
  // The text opens with the body's name as its title: "大兴区移动图书馆，提供…" (not
  // a list, "事业单位、公务员…", nor a phrase about it, "事业单位考试").
  const bool title_ends = h.end == text.size() || text.substr(h.end).starts_with("，") ||
                          text.substr(h.end).starts_with(",") || text.substr(h.end).starts_with("。");
  return title_ends && before(text, h.begin, h.begin) == text.substr(0, h.begin);
}

}  // namespace

std::vector<Hit> without_mentioned_bodies(std::vector<Hit> hits, std::string_view text) {
  if (std::none_of(hits.begin(), hits.end(), is_body)) return hits;
  const bool about_volunteering =
      std::count_if(hits.begin(), hits.end(), [&](const Hit& h) { return is_volunteering(h, text); }) >= 3;
  std::erase_if(hits, [&](const Hit& h) {
    return is_body(h) && (mentioned(h, text) || (names_a_body(h, text, about_volunteering) && !runs_it(h, text)));
  });
  return hits;
}

}  // namespace icp::operators
