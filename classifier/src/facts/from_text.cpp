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

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The first occurrence of `word` in `s`; an ASCII word must stand as a
// word ("us" is not in "users", "hk" not in "hkust").
std::size_t find_word(std::string_view s, std::string_view word) {
  for (auto at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
    const bool starts = !is_ascii_alnum(word.front()) || at == 0 || !is_ascii_alnum(s[at - 1]);
    const std::size_t end = at + word.size();
    const bool ends = !is_ascii_alnum(word.back()) || end == s.size() || !is_ascii_alnum(s[end]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

// The start of the clause `at` is in (after the last clause end before it).
std::size_t clause_start(std::string_view text, std::size_t at) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (!kClauseEndStarts[static_cast<unsigned char>(text[i])]) continue;
    for (auto p : kClauseEnds)
      if (text.substr(i, p.size()) == p && i + p.size() <= at) start = i + p.size();
  }
  return start;
}

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
constexpr std::string_view kServers[] = {"服务器",    "机房",       "云主机",      "托管在",      "部署在",
                                         "server",    "servers",    "hosted on",   "hosted in",   "hosted at",
                                         "hosted by", "hosting in", "hosted with", "data center", "data centre"};
// Where a shareholder comes from: foreign, Hong Kong, Macau, Taiwan.
constexpr std::string_view kOrigins[] = {
    "香港",     "澳门",     "台湾",      "港澳台",      "台港澳",       "美国",      "日本",      "韩国",
    "新加坡",   "英国",     "德国",      "法国",        "加拿大",       "澳大利亚",  "荷兰",      "瑞士",
    "瑞典",     "意大利",   "马来西亚",  "泰国",        "欧洲",         "境外",      "海外",      "外国",
    "外籍",     "维尔京",   "开曼",      "bvi",         "德方",         "日方",      "美方",      "港方",
    "台方",     "韩方",     "英方",      "法方",        "hong kong",    "taiwan",    "taiwanese", "macau",
    "macao",    "u.s.",     "us-based",  "us company",  "us companies", "us firm",   "us parent", "us-owned",
    "american", "japanese", "singapore", "singaporean", "korean",       "british",   "german",    "french",
    "european", "overseas", "offshore",  "foreign",     "canadian",     "australian"};
// Statements that the company has no foreign shareholder.
constexpr std::string_view kDomestic[] = {"纯内资",
                                          "全内资",
                                          "内资企业",
                                          "内资公司",
                                          "无外资",
                                          "没有外资",
                                          "没有任何外资",
                                          "无任何外资",
                                          "不含外资",
                                          "非外资",
                                          "不是外资",
                                          "中国籍自然人",
                                          "not foreign-owned",
                                          "not foreign owned",
                                          "no foreign shareholder",
                                          "no foreign shareholders",
                                          "no foreign investment",
                                          "no foreign capital",
                                          "domestically owned",
                                          "domestically-owned",
                                          "chinese-owned",
                                          "wholly chinese-owned"};
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
    kCapital,        kForeignShare, kPercentOf, kStaffBefore, kStaffAfter, kServers, kRegistration, kDomainFiled,
    kDomainNotFiled, kScope,        kTelecom,   kCompany,     kIndividual, kOrigins, kDomestic};

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
    for (std::string_view abroad : {"境外",
                                    "海外",
                                    "国外",
                                    "美国",
                                    "日本",
                                    "新加坡",
                                    "欧洲",
                                    "韩国",
                                    "aws",
                                    "香港",
                                    "澳门",
                                    "台湾",
                                    "abroad",
                                    "overseas",
                                    "outside china",
                                    "outside mainland",
                                    "outside the mainland",
                                    "hong kong",
                                    "hk",
                                    "macau",
                                    "taiwan",
                                    "singapore",
                                    "japan",
                                    "tokyo",
                                    "korea",
                                    "seoul",
                                    "the us",
                                    "the u.s.",
                                    "usa",
                                    "united states",
                                    "us-east",
                                    "us-west",
                                    "virginia",
                                    "california",
                                    "europe",
                                    "eu",
                                    "frankfurt",
                                    "london",
                                    "germany",
                                    "sydney"}) {
      const auto at = find_word(window, abroad);
      if (at == std::string_view::npos) continue;
      out.facts.server_in_mainland = false;
      out.found.push_back({"server_in_mainland", h.keyword, h.value + at + abroad.size()});
      return;
    }
    if (auto place = find_place(window)) {
      out.facts.server_province = std::string(place->province);
      out.facts.server_in_mainland = true;
      out.found.push_back({"server_province", h.keyword, h.value + place->end});
      out.found.push_back({"server_in_mainland", h.keyword, h.value + place->end});
      return;
    }
    bool mainland = false;
    for (std::string_view home : {"境内", "国内", "mainland", "in china", "domestic"})
      mainland |= find_word(window, home) != std::string_view::npos;
    if (mainland) {
      out.facts.server_in_mainland = true;
      out.found.push_back({"server_in_mainland", h.keyword, h.value + window.size()});
      return;
    }
  }
}

// The words that make a foreign origin a shareholder: after it ("美国母公司",
// "香港公司全资持有", "a Hong Kong parent") or before it in the clause
// ("股东里有一家新加坡公司", "a subsidiary of a US company").
constexpr std::string_view kOwnerAfter[] = {
    "母公司",   "控股",   "持股",   "全资",   "独资",        "占股",     "股东",
    "投资方",   "出资",   "入股",   "参股",   "注资",        "投资设立", "上市公司",
    "投资成立", "parent", "-owned", " owned", "shareholder", "investor", "holding company",
    "backed"};
constexpr std::string_view kOwnerBefore[] = {"股东",
                                             "投资方",
                                             "母公司",
                                             "出资方",
                                             "实际控制人",
                                             "投资人",
                                             "subsidiary of",
                                             "owned by",
                                             "backed by",
                                             "invested by",
                                             "controlled by",
                                             "parent company is",
                                             "shareholders include",
                                             "shareholder is"};
// Words in the clause before an origin that take it off the shareholders:
// a place the company works in or serves ("在香港设有子公司", "为境外客户").
constexpr std::string_view kNotOwner[] = {"没有", "无",   "不是", "非",      "并非",  "不含",    "未",    "没",
                                          "在",   "于",   "到",   "赴",      "向",    "对",      "为",    "给",
                                          "面向", "服务", "not ", "no ",     "non-",  "without", "isn't", "never",
                                          " in ", "for ", "to ",  "serving", "serve "};

bool denied_or_place(std::string_view before) {
  for (auto w : kNotOwner) {
    // Only the last few characters before an origin say where it stands
    // ("在美国"), but a negation covers the clause ("没有任何境外股东").
    const bool place_word = w == "在" || w == "于" || w == "到" || w == "赴" || w == "向" || w == "对" || w == "为" ||
                            w == "给" || w == " in " || w == "for " || w == "to ";
    std::string_view scope = place_word ? before.substr(before.size() > 7 ? before.size() - 7 : 0) : before;
    if (find_word(scope, w) != std::string_view::npos) return true;
  }
  return false;
}

void foreign_owner(std::string_view t, const KeywordIndex& index, FromText& out) {
  if (out.facts.foreign_shareholding) return;  // a stated share decides
  for (const auto& h : index.after(kOrigins)) {
    const std::size_t start = clause_start(t, h.keyword);
    const std::string_view before = t.substr(start, h.keyword - start);
    if (denied_or_place(before)) continue;
    // The clause after the origin's keyword, up to ten characters or so.
    const std::string_view after = clause_rest(t, h.keyword).substr(0, 36);
    std::size_t end = 0;
    for (auto w : kOwnerAfter)
      if (auto at = find_word(after, w); at != std::string_view::npos) end = std::max(end, at + w.size());
    bool owner_before = false;
    const std::string_view near_before = before.substr(before.size() > 36 ? before.size() - 36 : 0);
    for (auto w : kOwnerBefore) owner_before |= find_word(near_before, w) != std::string_view::npos;
    if (end == 0 && !owner_before) continue;
    out.facts.foreign_shareholding = true;
    out.found.push_back(
        {"foreign_shareholding", owner_before ? start : h.keyword, end ? h.keyword + end : h.keyword + after.size()});
    return;
  }
}

// "纯内资企业", "没有外资股东", "not foreign-owned": no foreign shareholder.
void domestic_only(std::string_view t, const KeywordIndex& index, FromText& out) {
  if (out.facts.foreign_shareholding) return;
  for (const auto& h : index.after(kDomestic)) {
    const std::size_t start = clause_start(t, h.keyword);
    const std::string_view before = t.substr(start, h.keyword - start);
    // "为内资企业提供…" speaks of clients.
    if (before.size() >= 3 && (before.substr(before.size() - 3) == "为" || before.substr(before.size() - 3) == "给"))
      continue;
    out.facts.foreign_shareholding = false;
    std::size_t end = h.keyword;
    for (auto w : kDomestic)
      if (t.substr(h.keyword, w.size()) == w) end = std::max(end, h.keyword + w.size());
    out.found.push_back({"foreign_shareholding", h.keyword, end});
    return;
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
  foreign_owner(t, index, out);
  domestic_only(t, index, out);
  staff(t, index, out);
  servers(index, out);
  registration(index, out);
  domain(index, out);
  telecom_scope(index, out);
  operator_kind(index, out);
  return out;
}

}  // namespace icp::facts
