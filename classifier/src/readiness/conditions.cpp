// The conditions for a domestic ICP licence (the brief, "办理ICP许可证的条件"),
// and the few that a filing shares.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "facts/describe.hpp"
#include "readiness/readiness.hpp"

namespace icp::readiness {
namespace {

constexpr const char* kBrief = "代办实务：办理ICP许可证的条件";
constexpr double kMinCapital = 1'000'000;  // one province; a cross-province licence needs more
constexpr double kMinInsuredStaff = 3;
constexpr double kMinDomainMonths = 6;

std::string number(double v) {
  return facts::describe_number(v);
}

std::string yuan_zh(double v) {
  if (v >= 1e4 && std::fmod(v, 1e4) == 0) return number(v / 1e4) + "万元";
  return number(v) + "元";
}

// ¥5,000,000: digits grouped by thousands, as English readers write yuan.
std::string yuan_en(double v) {
  const std::string digits = number(v);
  const std::size_t dot = std::min(digits.find('.'), digits.size());
  std::string out = "¥";
  for (std::size_t i = 0; i < dot; ++i) {
    if (i > 0 && (dot - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out + digits.substr(dot);
}

struct Builder {
  Condition c;
  Builder(const char* id, const char* zh, const char* en, const char* source = kBrief) {
    c.id = id;
    c.text_zh = zh;
    c.text_en = en;
    c.source = source;
  }
  Condition status(ConditionStatus s, std::string zh, std::string en, const char* fact = "") {
    c.status = s;
    c.detail_zh = std::move(zh);
    c.detail_en = std::move(en);
    c.fact = fact;
    return std::move(c);
  }
};

Condition capital(const Facts& f) {
  Builder b("registered_capital", "注册资本不少于100万元（单个省份）",
            "Registered capital of at least ¥1,000,000 (one province)");
  if (!f.registered_capital)
    return b.status(ConditionStatus::unknown, "未提供注册资本", "Registered capital not given");
  const double v = *f.registered_capital;
  if (v >= kMinCapital)
    return b.status(ConditionStatus::met, "注册资本" + yuan_zh(v), "Registered capital " + yuan_en(v),
                    "registered_capital");
  return b.status(ConditionStatus::not_met, "注册资本" + yuan_zh(v) + "，须先增资至100万元以上",
                  "Registered capital " + yuan_en(v) + ": increase it to at least ¥1,000,000 first",
                  "registered_capital");
}

Condition insured_staff(const Facts& f, std::optional<double> headcount) {
  Builder b("insured_staff", "为3名员工缴纳最近1个月社保（部分省份要求连续3个月）",
            "Social insurance paid for 3 staff for the latest month (some provinces: 3 consecutive months)");
  if (!f.insured_staff) {
    std::string zh = "未提供缴纳社保的人数", en = "Number of insured staff not given";
    if (headcount) {
      zh += "（文本称约" + number(*headcount) + "人，请确认其中至少3人缴纳社保）";
      en += " (the text says about " + number(*headcount) + " staff: make sure at least 3 are insured)";
    }
    return b.status(ConditionStatus::unknown, zh, en);
  }
  const double n = *f.insured_staff;
  if (n < kMinInsuredStaff)
    return b.status(ConditionStatus::not_met, number(n) + "人缴纳社保，须至少3人",
                    number(n) + " insured staff: at least 3 are needed", "insured_staff");
  if (f.insured_months && *f.insured_months < 3)
    return b.status(ConditionStatus::met,
                    number(n) + "人缴纳社保，已缴" + number(*f.insured_months) + "个月；要求连续3个月的省份尚不满足",
                    number(n) + " insured staff for " + number(*f.insured_months) +
                        " months: not yet enough where 3 consecutive months are required",
                    "insured_staff");
  return b.status(ConditionStatus::met, number(n) + "人缴纳社保", number(n) + " insured staff", "insured_staff");
}

Condition telecom_scope(const Facts& f) {
  Builder b("business_scope", "经营范围包含“增值电信业务”或“第二类增值电信业务”",
            "Business scope includes value-added telecom business (增值电信业务)");
  if (!f.scope_has_telecom) return b.status(ConditionStatus::unknown, "未提供经营范围", "Business scope not given");
  if (*f.scope_has_telecom)
    return b.status(ConditionStatus::met, "经营范围已包含增值电信业务", "The scope includes it", "scope_has_telecom");
  return b.status(ConditionStatus::not_met, "须先到市场监管部门变更经营范围，增加“第二类增值电信业务”",
                  "Amend the business scope at the market regulator to add 第二类增值电信业务 first",
                  "scope_has_telecom");
}

Condition no_foreign(const Decision& d, const Facts& f) {
  Builder b("no_foreign_shares", "股权结构中不含外资（否则按外资流程申请）",
            "No foreign shareholding (otherwise the foreign-investment route)");
  const bool foreign = f.foreign_shareholding.value_or(d.foreign_investment);
  if (!f.foreign_shareholding && !d.foreign_investment)
    return b.status(ConditionStatus::unknown, "未提供股东构成", "Shareholding not given");
  if (!foreign) return b.status(ConditionStatus::met, "无外资股东", "No foreign shareholders", "foreign_shareholding");
  std::string zh = "有外资股东：不能走内资流程，须按外商投资电信企业申请";
  std::string en = "Foreign shareholders: apply by the foreign-investment route, not the domestic one";
  if (f.foreign_share && *f.foreign_share > 50) {
    zh += "；外资比例" + number(*f.foreign_share) + "%超过50%上限（试点地区除外）";
    en += "; the foreign share of " + number(*f.foreign_share) + "% exceeds the 50% cap (outside pilot zones)";
  }
  return b.status(ConditionStatus::not_met, zh, en, "foreign_shareholding");
}

Condition domain(const Facts& f) {
  Builder b("filed_domain", "拥有已通过备案的域名，注册证书剩余有效期不少于6个月",
            "A domain that has passed filing, with at least 6 months of registration left");
  if (f.domain_filed && !*f.domain_filed)
    return b.status(ConditionStatus::not_met, "域名尚未备案：须先完成ICP备案", "The domain is not filed: file it first",
                    "domain_filed");
  if (f.domain_valid_months && *f.domain_valid_months < kMinDomainMonths)
    return b.status(ConditionStatus::not_met,
                    "域名剩余有效期" + number(*f.domain_valid_months) + "个月，须先续费至6个月以上",
                    "The domain runs " + number(*f.domain_valid_months) + " more months: renew it to 6 or more first",
                    "domain_valid_months");
  if (f.domain_filed && f.domain_valid_months)
    return b.status(ConditionStatus::met, "域名已备案，剩余有效期" + number(*f.domain_valid_months) + "个月",
                    "Filed, " + number(*f.domain_valid_months) + " months left", "domain_filed");
  return b.status(ConditionStatus::unknown, "未提供域名备案情况或剩余有效期",
                  "Domain filing or remaining validity not given");
}

Condition server(const Facts& f) {
  Builder b("server_location", "网站服务器在本省（个别省份本地或全网接入商均可）",
            "The site's server in the same province (some provinces accept any access provider nationwide)");
  if (f.server_in_mainland && !*f.server_in_mainland)
    return b.status(ConditionStatus::not_met, "服务器在境外：须迁入境内才能备案或申请许可",
                    "Servers outside mainland China: move them in before filing or applying", "server_in_mainland");
  if (f.server_province && f.province) {
    if (*f.server_province == *f.province)
      return b.status(ConditionStatus::met, "服务器在" + *f.server_province + "，与注册地同省",
                      "Servers in " + *f.server_province + ", the province of registration", "server_province");
    return b.status(
        ConditionStatus::unknown,
        "服务器在" + *f.server_province + "，注册地在" + *f.province + "：请确认" + *f.province + "是否接受外省接入",
        "Servers in " + *f.server_province + ", registered in " + *f.province + ": check whether " + *f.province +
            " accepts access providers elsewhere",
        "server_province");
  }
  return b.status(ConditionStatus::unknown, "未提供服务器所在省份或注册地",
                  "Server or registration province not given");
}

// A sector as the reader says it, for the condition's detail.
std::string sector_words(std::string_view sector, bool zh) {
  struct Name {
    const char* id;
    const char* zh;
    const char* en;
  };
  static const Name names[] = {{"news", "新闻", "news"},           {"publishing", "出版", "publishing"},
                               {"education", "教育", "education"}, {"medical", "医疗保健", "medical care"},
                               {"drugs", "药品", "drugs"},         {"medical_devices", "医疗器械", "medical devices"}};
  for (const auto& n : names)
    if (sector == n.id) return zh ? n.zh : n.en;
  return std::string(sector);
}

Condition preapprovals(const Decision& d, const Facts& f) {
  Builder b("sector_preapprovals", "特殊行业须先取得前置审批",
            "Sector pre-approvals first, where the sector needs them", "《互联网信息服务管理办法》第五条");
  bool required = false;
  std::string sectors_zh, sectors;
  for (const auto& p : d.preapprovals) {
    required |= p.still_required;
    if (!sectors.empty()) sectors += ", ", sectors_zh += "、";
    sectors += sector_words(p.sector, false);
    sectors_zh += sector_words(p.sector, true);
  }
  if (d.preapprovals.empty())
    return b.status(ConditionStatus::met, "不涉及前置审批领域", "No pre-approval sector involved");
  if (f.preapprovals_obtained && *f.preapprovals_obtained)
    return b.status(ConditionStatus::met, "前置审批已取得（" + sectors_zh + "）",
                    "Pre-approvals obtained (" + sectors + ")", "preapprovals_obtained");
  if (f.preapprovals_obtained)
    return b.status(
        required ? ConditionStatus::not_met : ConditionStatus::unknown,
        "须先取得前置审批（" + sectors_zh + "）" + (required ? "" : "；该领域全国性审批已取消，请向省里核实"),
        "Obtain the pre-approvals first (" + sectors + ")" +
            (required ? "" : "; national approval was cancelled, check the province"),
        "preapprovals_obtained");
  return b.status(ConditionStatus::unknown, "涉及" + sectors_zh + "：未提供前置审批是否已取得",
                  "Touches " + sectors + ": whether the pre-approvals are in hand is not given");
}

// Agency practice asks for the news permit before a licence covering
// category 2, 3 or 4: "ready to apply" waits for it like a pre-approval.
Condition news_permit(const Decision& d, const Facts& f) {
  Builder b("news_permit", "申请第2、3、4类须先取得《互联网新闻信息服务许可证》（代办实务）",
            "Categories 2, 3 and 4 need the 互联网新闻信息服务许可证 (news permit) first (agency practice)");
  for (const auto& p : d.held_permits)
    if (p.kind == "news_licence")
      return b.status(ConditionStatus::met, "文本显示已持有：" + p.number, "Held, as the text shows: " + p.number);
  if (f.news_permit_obtained && *f.news_permit_obtained)
    return b.status(ConditionStatus::met, "已取得", "Obtained", "news_permit_obtained");
  if (f.news_permit_obtained)
    return b.status(ConditionStatus::not_met, "尚未取得：须先申请，或不申请第2、3、4类",
                    "Not obtained: apply for it first, or leave categories 2, 3 and 4 out", "news_permit_obtained");
  return b.status(ConditionStatus::unknown, "未提供是否已取得", "Whether it is in hand is not given");
}

Condition company(const Facts& f) {
  Builder b("company_applicant", "申请主体须为企业（个人不能申请经营许可证）",
            "The applicant must be a company (an individual cannot hold the licence)");
  if (!f.is_company)
    return b.status(ConditionStatus::unknown, "未说明经营者是公司还是个人", "Company or individual not stated");
  if (*f.is_company) return b.status(ConditionStatus::met, "经营者是公司", "A company runs it", "operator");
  return b.status(ConditionStatus::not_met,
                  "个人不能申请ICP经营许可证：须先注册公司（经营范围含第二类增值电信业务），再由公司申请",
                  "An individual cannot apply: register a company (with 第二类增值电信业务 in its scope) and apply "
                  "as the company",
                  "operator");
}

}  // namespace

// Built by moves: a braced list would copy every string of every condition.
std::vector<Condition> licence_conditions(const Decision& d, const Facts& f, std::optional<double> headcount) {
  std::vector<Condition> out;
  out.reserve(9);
  out.push_back(company(f));
  out.push_back(capital(f));
  out.push_back(insured_staff(f, headcount));
  out.push_back(telecom_scope(f));
  out.push_back(no_foreign(d, f));
  out.push_back(domain(f));
  out.push_back(server(f));
  out.push_back(preapprovals(d, f));
  if (d.news_permit) out.push_back(news_permit(d, f));
  return out;
}

// A filing needs far less: servers in mainland China and the sector approvals.
std::vector<Condition> filing_conditions(const Decision& d, const Facts& f) {
  Condition s = server(f);
  if (s.status == ConditionStatus::unknown && f.server_in_mainland && *f.server_in_mainland) {
    s.status = ConditionStatus::met;
    s.detail_zh = "服务器在境内";
    s.detail_en = "Servers in mainland China";
    s.fact = "server_in_mainland";
  }
  s.text_zh = "服务器在中国境内（境外服务器不能备案）";
  s.text_en = "Servers in mainland China (servers abroad cannot be filed)";
  std::vector<Condition> out;
  out.reserve(2);
  out.push_back(std::move(s));
  out.push_back(preapprovals(d, f));
  return out;
}

}  // namespace icp::readiness
