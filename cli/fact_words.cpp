#include "fact_words.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "report_text.hpp"

namespace icp::cli {
namespace {

enum class Unit { none, yes_no, yuan, people, months, percent, sectors, operator_kind };

struct FactWords {
  const char* name;
  const char* zh;
  const char* en;
  Unit unit;
};

constexpr FactWords kFacts[] = {
    {"own_site_or_app", "自有网站、App或小程序", "own website, app or mini-program", Unit::yes_no},
    {"charges_users", "向用户收费", "charges users", Unit::yes_no},
    {"ad_income", "广告收入", "advertising income", Unit::yes_no},
    {"third_party_merchants", "第三方商家入驻", "third-party merchants", Unit::yes_no},
    {"sectors", "涉及行业", "sectors", Unit::sectors},
    {"server_in_mainland", "服务器在境内", "servers in mainland China", Unit::yes_no},
    {"foreign_shareholding", "外资（含港澳台）股东", "foreign (incl. HK, Macau, Taiwan) shareholders", Unit::yes_no},
    {"foreign_share", "外资持股比例", "foreign share", Unit::percent},
    {"operator", "经营主体", "operator", Unit::operator_kind},
    {"registered_capital", "注册资本", "registered capital", Unit::yuan},
    {"insured_staff", "缴纳社保人数", "staff with social insurance", Unit::people},
    {"insured_months", "社保连续缴纳月数", "months of social insurance", Unit::months},
    {"scope_has_telecom", "经营范围含增值电信业务", "business scope includes value-added telecom", Unit::yes_no},
    {"domain_filed", "域名已备案", "domain filed", Unit::yes_no},
    {"domain_valid_months", "域名剩余有效期", "domain registration left", Unit::months},
    {"province", "注册地", "province of registration", Unit::none},
    {"server_province", "服务器所在省份", "server province", Unit::none},
    {"natural_person_shareholders", "自然人股东", "natural-person shareholders", Unit::yes_no},
    {"corporate_shareholders", "法人股东", "corporate shareholders", Unit::yes_no},
    {"preapprovals_obtained", "前置审批已取得", "sector pre-approvals obtained", Unit::yes_no},
    {"news_permit_obtained", "新闻许可证已取得", "news permit obtained", Unit::yes_no},
    {"headcount", "员工人数", "staff", Unit::people},
};

const FactWords* find(std::string_view name) {
  for (const auto& f : kFacts)
    if (name == f.name) return &f;
  return nullptr;
}

std::optional<double> as_number(std::string_view value) {
  double v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string plain(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return ec == std::errc{} ? std::string(buf, end) : std::string();
}

// 5000000 → 500万元, 12345 → 12345元; ¥5,000,000 in English.
std::string yuan(double v, Lang lang) {
  if (lang == Lang::zh) {
    if (v >= 1e8 && std::fmod(v, 1e8) == 0) return plain(v / 1e8) + "亿元";
    if (v >= 1e4 && std::fmod(v, 1e4) == 0) return plain(v / 1e4) + "万元";
    return plain(v) + "元";
  }
  std::string digits = plain(std::floor(v));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const double cents = v - std::floor(v);
  return "¥" + grouped + (cents > 0 ? plain(cents).substr(1) : "");
}

std::string sectors(std::string_view list, Lang lang) {
  if (list == "none") return pick(lang, "无", "none");
  std::string out;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view one = list.substr(0, comma);
    if (!out.empty()) out += pick(lang, "、", ", ");
    out += sector_name(one, lang);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return out;
}

}  // namespace

std::string fact_label(std::string_view name, Lang lang) {
  if (const FactWords* f = find(name)) return pick(lang, f->zh, f->en);
  return printable(name);
}

std::string fact_value_words(std::string_view name, std::string_view value, Lang lang) {
  const FactWords* f = find(name);
  const Unit unit = f ? f->unit : Unit::none;
  if (value == "yes" || value == "no") return yes_no(value == "yes", lang);
  const auto number = as_number(value);
  switch (unit) {
    case Unit::yuan:
      if (number) return yuan(*number, lang);
      break;
    case Unit::people:
      if (number) return plain(*number) + pick(lang, "人", *number == 1 ? " person" : " people");
      break;
    case Unit::months:
      if (number) return plain(*number) + pick(lang, "个月", *number == 1 ? " month" : " months");
      break;
    case Unit::percent:
      if (number) return plain(*number) + "%";
      break;
    case Unit::sectors:
      return sectors(value, lang);
    case Unit::operator_kind:
      if (value == "company") return pick(lang, "公司", "a company");
      if (value == "individual") return pick(lang, "个人", "an individual");
      break;
    case Unit::yes_no:
    case Unit::none:
      break;
  }
  return printable(value);
}

std::string outcome_cell(icp::Outcome outcome, Lang lang) {
  if (lang == Lang::en) return icp::to_string(outcome);
  switch (outcome) {
    case icp::Outcome::license:
      return "需要许可证";
    case icp::Outcome::filing:
      return "仅需备案";
    case icp::Outcome::neither:
      return "均不需要";
  }
  return "";
}

std::string yes_no(bool value, Lang lang) {
  return value ? pick(lang, "是", "yes") : pick(lang, "否", "no");
}

std::string ready_words(std::string_view ready, Lang lang) {
  if (ready == "yes") return pick(lang, "可以申请", "ready");
  if (ready == "no") return pick(lang, "还不能申请", "not ready");
  return pick(lang, "尚不确定", "not yet known");
}

std::string ready_cell(std::string_view ready, Lang lang) {
  if (lang == Lang::en) return std::string(ready);
  if (ready == "yes") return "是";
  if (ready == "no") return "否";
  if (ready == "unknown") return "未知";
  return "不适用";  // n/a: neither a licence nor a filing to apply for
}

std::string condition_label(std::string_view id, Lang lang) {
  struct Name {
    const char* id;
    const char* zh;
    const char* en;
  };
  static const Name names[] = {{"company_applicant", "申请主体为企业", "company applicant"},
                               {"registered_capital", "注册资本", "registered capital"},
                               {"insured_staff", "社保人数", "insured staff"},
                               {"business_scope", "经营范围", "business scope"},
                               {"no_foreign_shares", "外资股东", "foreign shareholders"},
                               {"filed_domain", "备案域名", "filed domain"},
                               {"server_location", "服务器所在地", "server location"},
                               {"sector_preapprovals", "前置审批", "sector pre-approvals"},
                               {"news_permit", "新闻许可证", "news permit"}};
  for (const auto& n : names)
    if (id == n.id) return pick(lang, n.zh, n.en);
  return printable(id);
}

std::string basis_words(icp::Basis basis, Lang lang) {
  switch (basis) {
    case icp::Basis::measures:
      return pick(lang, "行政法规", "regulation");
    case icp::Basis::catalogue:
      return pick(lang, "业务分类目录", "telecom catalogue");
    case icp::Basis::notice:
      return pick(lang, "官方通知", "official notice");
    case icp::Basis::brief:
      return pick(lang, "代办实务（非法规）", "agency practice, not a regulation");
    case icp::Basis::beyond_brief:
      return pick(lang, "相关法规与一般认识", "related regulations and general practice");
  }
  return "";
}

}  // namespace icp::cli
