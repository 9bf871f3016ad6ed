#include "facts/from_text.hpp"

#include <algorithm>
#include <string_view>

#include "facts/number.hpp"
#include "facts/provinces.hpp"

namespace icp::facts {
namespace {

constexpr std::string_view kClauseEnds[] = {"，", "。", "；", "！", "？", ",", ";", "\n", "、"};

// The text from `from` to the end of its clause.
std::string_view clause_rest(std::string_view text, std::size_t from) {
  std::size_t end = text.size();
  for (auto p : kClauseEnds) {
    auto at = text.find(p, from);
    if (at != std::string_view::npos) end = std::min(end, at);
  }
  return text.substr(from, end - from);
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

// Every keyword occurrence with the clause text after it.
std::vector<Hit> after(std::string_view text, std::initializer_list<std::string_view> keywords) {
  std::vector<Hit> hits;
  for (auto k : keywords)
    for (auto at = text.find(k); at != std::string_view::npos; at = text.find(k, at + k.size())) {
      auto rest = clause_rest(text, at + k.size());
      auto skip = skip_fillers(rest);
      hits.push_back({at, at + k.size() + skip, rest.substr(skip)});
    }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.keyword < b.keyword; });
  return hits;
}

bool mentions_foreign_currency(std::string_view s) {
  for (std::string_view c : {"美元", "美金", "usd", "港币", "港元", "欧元", "日元"})
    if (s.find(c) != std::string_view::npos) return true;
  return false;
}

void capital(std::string_view t, FromText& out) {
  for (const auto& h : after(t, {"注册资本", "注册资金"})) {
    auto n = parse_number(h.rest);
    if (!n || mentions_foreign_currency(h.rest)) continue;
    out.facts.registered_capital = n->value;
    out.found.push_back({"registered_capital", h.keyword, h.value + n->consumed});
    return;
  }
}

void foreign_share(std::string_view t, FromText& out) {
  for (const auto& h : after(t, {"外方持股", "外资持股", "外资占比", "外资股比", "外方股东持股", "外资股东持股",
                                 "外方占", "外资占", "外方股比", "外资比例", "外方出资"})) {
    auto n = parse_number(h.rest);
    if (!n) continue;
    auto unit = h.rest.substr(n->consumed);
    double value = unit.substr(0, 3) == "成" ? n->value * 10 : n->value;
    std::size_t end = h.value + n->consumed + (unit.substr(0, 1) == "%" ? 1 : unit.substr(0, 3) == "成" ? 3 : 0);
    out.facts.foreign_share = value;
    out.facts.foreign_shareholding = value > 0;
    out.found.push_back({"foreign_share", h.keyword, end});
    return;
  }
  for (const auto& h : after(t, {"百分之"})) {
    // "外方持有百分之四十的股份"
    auto before = t.substr(h.keyword >= 24 ? h.keyword - 24 : 0, std::min<std::size_t>(h.keyword, 24));
    if (before.find("外") == std::string_view::npos) continue;
    auto n = parse_number(h.rest);
    if (!n) continue;
    out.facts.foreign_share = n->value;
    out.facts.foreign_shareholding = n->value > 0;
    out.found.push_back({"foreign_share", h.keyword, h.value + n->consumed});
    return;
  }
}

// Staff counts: "员工30人", "30名员工", "30来号人", "团队三十多人". With 社保 in
// the clause they are insured staff; otherwise the headcount.
void staff(std::string_view t, FromText& out) {
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
  for (const auto& h : after(t, {"员工", "职工", "团队", "社保"})) {
    auto n = parse_number(h.rest);
    if (!n) continue;
    auto unit = h.rest.substr(n->consumed);
    for (std::string_view u : {"人", "名", "位", "个"})
      if (unit.substr(0, u.size()) == u) {
        record(n->value, h.keyword, h.value + n->consumed + u.size());
        break;
      }
  }
  // A number directly followed by 号人 / 名员工 / 个员工 / 人的团队.
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) continue;
    if (i > 0 && parse_number(t.substr(i - 1, 1))) continue;  // inside a number already tried
    auto n = parse_number(t.substr(i));
    if (!n || n->consumed == 0) continue;
    auto unit = t.substr(i + n->consumed);
    for (std::string_view u : {"号人", "名员工", "个员工", "位员工", "人的团队", "名社保", "人缴纳社保", "人交社保"})
      if (unit.substr(0, u.size()) == u) {
        record(n->value, i, i + n->consumed + u.size());
        break;
      }
    i += n->consumed - 1;
  }
}

void servers(std::string_view t, FromText& out) {
  for (const auto& h : after(t, {"服务器", "机房", "云主机", "托管在", "部署在"})) {
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
      return;
    }
    if (window.find("境内") != std::string_view::npos || window.find("国内") != std::string_view::npos) {
      out.facts.server_in_mainland = true;
      out.found.push_back({"server_in_mainland", h.keyword, h.value + window.size()});
      return;
    }
  }
}

void registration(std::string_view t, FromText& out) {
  for (const auto& h :
       after(t, {"注册地", "注册于", "注册在", "总部位于", "总部设在", "总部在", "公司位于", "坐落于"})) {
    auto window = h.rest.substr(0, std::min<std::size_t>(h.rest.size(), 24));
    if (auto place = find_place(window); place && place->begin == 0) {
      out.facts.province = std::string(place->province);
      out.found.push_back({"province", h.keyword, h.value + place->end});
      return;
    }
  }
}

void domain(std::string_view t, FromText& out) {
  for (std::string_view yes : {"域名已备案", "已完成备案", "网站已备案", "已通过备案", "已办理备案", "备案已通过"}) {
    auto at = t.find(yes);
    if (at == std::string_view::npos) continue;
    out.facts.domain_filed = true;
    out.found.push_back({"domain_filed", at, at + yes.size()});
    return;
  }
  for (std::string_view no : {"域名未备案", "尚未备案", "还没备案", "没有备案", "未办理备案", "还没有备案"}) {
    auto at = t.find(no);
    if (at == std::string_view::npos) continue;
    out.facts.domain_filed = false;
    out.found.push_back({"domain_filed", at, at + no.size()});
    return;
  }
}

void telecom_scope(std::string_view t, FromText& out) {
  if (t.find("经营范围") == std::string_view::npos) return;
  for (std::string_view w : {"第二类增值电信业务", "增值电信业务", "经营电信业务"}) {
    auto at = t.find(w);
    if (at == std::string_view::npos) continue;
    out.facts.scope_has_telecom = true;
    out.found.push_back({"scope_has_telecom", at, at + w.size()});
    return;
  }
}

void operator_kind(std::string_view t, FromText& out) {
  for (std::string_view w : {"有限公司", "有限责任公司", "股份公司", "本公司", "我公司", "我司", "集团", "公司"}) {
    auto at = t.find(w);
    if (at == std::string_view::npos) continue;
    out.facts.is_company = true;
    out.found.push_back({"operator", at, at + w.size()});
    return;
  }
  for (std::string_view w : {"我个人", "个人开发者", "个人站长", "自由职业", "本人"}) {
    auto at = t.find(w);
    if (at == std::string_view::npos) continue;
    out.facts.is_company = false;
    out.found.push_back({"operator", at, at + w.size()});
    return;
  }
}

}  // namespace

FromText facts_from_text(const text::NormalizedText& normalized) {
  FromText out;
  std::string_view t = normalized.text;
  capital(t, out);
  foreign_share(t, out);
  staff(t, out);
  servers(t, out);
  registration(t, out);
  domain(t, out);
  telecom_scope(t, out);
  operator_kind(t, out);
  return out;
}

}  // namespace icp::facts
