#include "facts/from_text.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "facts/number.hpp"
#include "facts/provinces.hpp"

namespace icp::facts {
namespace {

constexpr std::string_view kClauseEnds[] = {"，", "。", "；", "！", "？", ",", ";", "\n", "、"};

// The bytes that start some clause end.
constexpr std::array<bool, 256> kClauseEndStarts = [] {
  std::array<bool, 256> starts{};
  for (auto p : kClauseEnds) starts[static_cast<unsigned char>(p.front())] = true;
  return starts;
}();

// The text from `from` to the end of its clause (one scan, up to there).
std::string_view clause_rest(std::string_view text, std::size_t from) {
  for (std::size_t end = from; end < text.size(); ++end) {
    if (!kClauseEndStarts[static_cast<unsigned char>(text[end])]) continue;
    for (auto p : kClauseEnds)
      if (text.substr(end, p.size()) == p) return text.substr(from, end - from);
  }
  return text.substr(from);
}

// Skips the little words between a keyword and its value: 为、是、约、达、：.
std::size_t skip_fillers(std::string_view s) {
  std::size_t i = 0;
  bool moved = true;
  while (moved && i < s.size()) {
    moved = false;
    for (std::string_view f : {":", "：", " ", "为", "是", "约", "达", "有", "共", "合计", "总计", "比例", "了"})
      if (s.substr(i, f.size()) == f) {
        i += f.size();
        moved = true;
      }
  }
  return i;
}

struct Hit {
  std::size_t keyword;  // offset of the keyword
  std::size_t value;    // offset of the value after fillers
  std::string_view rest;
};

// Every keyword of every extractor, found in one pass of one automaton, so
// the text is scanned once however many keywords there are.
class KeywordIndex {
 public:
  KeywordIndex(std::string_view text, const std::vector<match::Match>& matches) : text_(text), matches_(matches) {}

  // Occurrences of these keywords, in text order, with the clause after each.
  std::vector<Hit> after(std::span<const std::string_view> keywords) const {
    const auto [from, to] = ids(keywords);
    std::vector<Hit> hits;
    for (const auto& m : matches_) {
      if (m.phrase < from || m.phrase >= to) continue;
      auto rest = clause_rest(text_, m.end);
      auto skip = skip_fillers(rest);
      hits.push_back({m.begin, m.end + skip, rest.substr(skip)});
    }
    return hits;
  }

  // The first occurrence of any of these keywords.
  std::optional<std::pair<std::size_t, std::size_t>> first(std::span<const std::string_view> keywords) const {
    const auto [from, to] = ids(keywords);
    for (const auto& m : matches_)
      if (m.phrase >= from && m.phrase < to) return std::make_pair<std::size_t, std::size_t>(m.begin, m.end);
    return std::nullopt;
  }

 private:
  static std::pair<std::uint32_t, std::uint32_t> ids(std::span<const std::string_view> keywords);
  std::string_view text_;
  const std::vector<match::Match>& matches_;
};

bool mentions_foreign_currency(std::string_view s) {
  for (std::string_view c : {"美元", "美金", "usd", "港币", "港元", "欧元", "日元"})
    if (s.find(c) != std::string_view::npos) return true;
  return false;
}

// The keywords of each extractor; keywords() lists them all, list after list
// (every keyword once: a match's id tells its list).
constexpr std::string_view kCapital[] = {"注册资本", "注册资金"};
constexpr std::string_view kForeignShare[] = {"外方持股",     "外资持股",     "外资占比", "外资股比",
                                              "外方股东持股", "外资股东持股", "外方占",   "外资占",
                                              "外方股比",     "外资比例",     "外方出资"};
constexpr std::string_view kPercentOf[] = {"百分之"};
constexpr std::string_view kStaffBefore[] = {"员工", "职工", "团队", "社保"};
constexpr std::string_view kStaffAfter[] = {"号人",     "名员工", "个员工",     "位员工",
                                            "人的团队", "名社保", "人缴纳社保", "人交社保"};
constexpr std::string_view kServers[] = {"服务器", "机房", "云主机", "托管在", "部署在"};
constexpr std::string_view kRegistration[] = {"注册地",   "注册于", "注册在",   "总部位于",
                                              "总部设在", "总部在", "公司位于", "坐落于"};
constexpr std::string_view kDomainFiled[] = {"域名已备案", "已完成备案", "网站已备案",
                                             "已通过备案", "已办理备案", "备案已通过"};
constexpr std::string_view kDomainNotFiled[] = {"域名未备案", "尚未备案",   "还没备案",
                                                "没有备案",   "未办理备案", "还没有备案"};
constexpr std::string_view kScope[] = {"经营范围"};
constexpr std::string_view kTelecom[] = {"第二类增值电信业务", "增值电信业务", "经营电信业务"};
constexpr std::string_view kCompany[] = {"有限公司", "有限责任公司", "股份公司", "本公司",
                                         "我公司",   "我司",         "集团",     "公司"};
constexpr std::string_view kIndividual[] = {"我个人", "个人开发者", "个人站长", "自由职业", "本人"};

constexpr std::span<const std::string_view> kLists[] = {
    kCapital,     kForeignShare,   kPercentOf, kStaffBefore, kStaffAfter, kServers,   kRegistration,
    kDomainFiled, kDomainNotFiled, kScope,     kTelecom,     kCompany,    kIndividual};

// The ids of one list's keywords in keywords(): [first, second).
std::pair<std::uint32_t, std::uint32_t> KeywordIndex::ids(std::span<const std::string_view> keywords) {
  std::uint32_t from = 0;
  for (auto list : kLists) {
    const auto to = static_cast<std::uint32_t>(from + list.size());
    if (list.data() == keywords.data()) return {from, to};
    from = to;
  }
  return {0, 0};  // not a list of kLists: nothing matches
}

void capital(std::string_view, const KeywordIndex& index, FromText& out) {
  for (const auto& h : index.after(kCapital)) {
    auto n = parse_number(h.rest);
    if (!n || mentions_foreign_currency(h.rest)) continue;
    out.facts.registered_capital = n->value;
    out.found.push_back({"registered_capital", h.keyword, h.value + n->consumed});
    return;
  }
}

void foreign_share(std::string_view t, const KeywordIndex& index, FromText& out) {
  for (const auto& h : index.after(kForeignShare)) {
    auto n = parse_number(h.rest);
    if (!n) continue;
    auto unit = h.rest.substr(n->consumed);
    double value = unit.substr(0, 3) == "成" ? n->value * 10 : n->value;
    std::size_t end = h.value + n->consumed + (unit.substr(0, 1) == "%" ? 1 : unit.substr(0, 3) == "成" ? 3 : 0);
    out.facts.foreign_share = value;
    out.facts.foreign_shareholding = value > 0;
    out.found.push_back({"foreign_share", h.keyword, end});
    out.found.push_back({"foreign_shareholding", h.keyword, end});
    return;
  }
  for (const auto& h : index.after(kPercentOf)) {
    // "外方持有百分之四十的股份"
    auto before = t.substr(h.keyword >= 24 ? h.keyword - 24 : 0, std::min<std::size_t>(h.keyword, 24));
    if (before.find("外") == std::string_view::npos) continue;
    auto n = parse_number(h.rest);
    if (!n) continue;
    out.facts.foreign_share = n->value;
    out.facts.foreign_shareholding = n->value > 0;
    out.found.push_back({"foreign_share", h.keyword, h.value + n->consumed});
    out.found.push_back({"foreign_shareholding", h.keyword, h.value + n->consumed});
    return;
  }
}

// The number that ends exactly at `end` ("30来" before 号人), if any.
std::optional<std::pair<std::size_t, double>> number_before(std::string_view t, std::size_t end) {
  std::optional<std::pair<std::size_t, double>> best;
  for (std::size_t back = 1; back <= 18 && back <= end; ++back) {
    const std::size_t start = end - back;
    if ((static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) continue;  // not a character's start
    auto n = parse_number(t.substr(start, back));
    if (n && n->consumed == back) best = std::make_pair(start, n->value);
  }
  return best;
}

// Staff counts: "员工30人", "30名员工", "30来号人", "团队三十多人". With 社保
// nearby they are insured staff; otherwise the headcount.
void staff(std::string_view t, const KeywordIndex& index, FromText& out) {
  auto record = [&](double value, std::size_t begin, std::size_t end) {
    // 社保 within ten characters either side makes them insured staff.
    const std::size_t from = begin >= 30 ? begin - 30 : 0;
    const bool insured = t.substr(from, end - from + 30).find("社保") != std::string_view::npos;
    if (insured && !out.facts.insured_staff) {
      out.facts.insured_staff = value;
      out.found.push_back({"insured_staff", begin, end});
    } else if (!insured && !out.headcount) {
      out.headcount = value;
      out.found.push_back({"headcount", begin, end});
    }
  };
  for (const auto& h : index.after(kStaffBefore)) {
    auto n = parse_number(h.rest);
    if (!n) continue;
    auto unit = h.rest.substr(n->consumed);
    for (std::string_view u : {"人", "名", "位", "个"})
      if (unit.substr(0, u.size()) == u) {
        record(n->value, h.keyword, h.value + n->consumed + u.size());
        break;
      }
  }
  for (const auto& h : index.after(kStaffAfter))
    if (auto n = number_before(t, h.keyword)) {
      std::size_t end = h.keyword;
      for (auto u : kStaffAfter)
        if (t.substr(h.keyword, u.size()) == u) end = std::max(end, h.keyword + u.size());
      record(n->second, n->first, end);
    }
}

void servers(const KeywordIndex& index, FromText& out) {
  for (const auto& h : index.after(kServers)) {
    auto window = h.rest.substr(0, std::min<std::size_t>(h.rest.size(), 45));
    for (std::string_view abroad :
         {"境外", "海外", "国外", "美国", "日本", "新加坡", "欧洲", "韩国", "aws", "香港", "澳门", "台湾"})
      if (window.find(abroad) != std::string_view::npos) {
        out.facts.server_in_mainland = false;
        out.found.push_back({"server_in_mainland", h.keyword, h.value + window.find(abroad) + abroad.size()});
        return;
      }
    if (auto place = find_place(window)) {
      out.facts.server_province = std::string(place->province);
      out.facts.server_in_mainland = true;
      out.found.push_back({"server_province", h.keyword, h.value + place->end});
      out.found.push_back({"server_in_mainland", h.keyword, h.value + place->end});
      return;
    }
    if (window.find("境内") != std::string_view::npos || window.find("国内") != std::string_view::npos) {
      out.facts.server_in_mainland = true;
      out.found.push_back({"server_in_mainland", h.keyword, h.value + window.size()});
      return;
    }
  }
}

void registration(const KeywordIndex& index, FromText& out) {
  for (const auto& h : index.after(kRegistration)) {
    auto window = h.rest.substr(0, std::min<std::size_t>(h.rest.size(), 24));
    if (auto place = find_place(window); place && place->begin == 0) {
      out.facts.province = std::string(place->province);
      out.found.push_back({"province", h.keyword, h.value + place->end});
      return;
    }
  }
}

void domain(const KeywordIndex& index, FromText& out) {
  if (auto at = index.first(kDomainFiled)) {
    out.facts.domain_filed = true;
    out.found.push_back({"domain_filed", at->first, at->second});
  } else if (auto no = index.first(kDomainNotFiled)) {
    out.facts.domain_filed = false;
    out.found.push_back({"domain_filed", no->first, no->second});
  }
}

void telecom_scope(const KeywordIndex& index, FromText& out) {
  if (!index.first(kScope)) return;
  if (auto at = index.first(kTelecom)) {
    out.facts.scope_has_telecom = true;
    out.found.push_back({"scope_has_telecom", at->first, at->second});
  }
}

void operator_kind(const KeywordIndex& index, FromText& out) {
  if (auto at = index.first(kCompany)) {
    out.facts.is_company = true;
    out.found.push_back({"operator", at->first, at->second});
  } else if (auto me = index.first(kIndividual)) {
    out.facts.is_company = false;
    out.found.push_back({"operator", me->first, me->second});
  }
}

}  // namespace

const std::vector<std::string>& keywords() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> words;
    for (auto list : kLists)
      for (auto k : list) words.emplace_back(k);
    return words;
  }();
  return all;
}

FromText facts_from_text(const text::NormalizedText& normalized, const std::vector<match::Match>& keywords) {
  FromText out;
  const KeywordIndex index(normalized.text, keywords);
  std::string_view t = normalized.text;
  capital(t, index, out);
  foreign_share(t, index, out);
  staff(t, index, out);
  servers(index, out);
  registration(index, out);
  domain(index, out);
  telecom_scope(index, out);
  operator_kind(index, out);
  return out;
}

}  // namespace icp::facts
