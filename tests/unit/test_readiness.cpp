// Application readiness: each condition of the brief met, not met and
// unknown, from facts given and facts read from the text; the materials
// list tailored to the decision.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "icp/classifier.hpp"
#include "icp/facts.hpp"

namespace {

const icp::Classifier& classifier() {
  static const icp::Classifier c;
  return c;
}

// A paid platform: always a licence, so every licence condition applies.
constexpr const char* kLicence = "我们公司运营一个付费会员制的行业资讯网站，用户开通VIP后下载报告。";

struct Case {
  const char* id;
  const char* text;
  std::vector<const char*> facts;  // NAME=VALUE
  const char* condition;
  icp::ConditionStatus status;
};

using S = icp::ConditionStatus;

// clang-format off
const Case kCases[] = {
    {"capital.met",        kLicence, {"registered_capital=500万"},           "registered_capital", S::met},
    {"capital.not_met",    kLicence, {"注册资本=50万"},                      "registered_capital", S::not_met},
    {"capital.unknown",    kLicence, {},                                     "registered_capital", S::unknown},
    {"capital.from_text",  "本公司注册资本1000万元，运营付费下载的素材网站。", {}, "registered_capital", S::met},
    {"staff.met",          kLicence, {"insured_staff=3"},                    "insured_staff",      S::met},
    {"staff.not_met",      kLicence, {"insured_staff=两人"},                 "insured_staff",      S::not_met},
    {"staff.unknown",      kLicence, {},                                     "insured_staff",      S::unknown},
    {"staff.headcount",    "我们30来号人，运营一个付费会员制的资讯网站。", {},  "insured_staff",      S::unknown},
    {"scope.met",          kLicence, {"scope_has_telecom=是"},               "business_scope",     S::met},
    {"scope.not_met",      kLicence, {"scope_has_telecom=否"},               "business_scope",     S::not_met},
    {"scope.unknown",      kLicence, {},                                     "business_scope",     S::unknown},
    {"foreign.met",        kLicence, {"foreign_shareholding=no"},            "no_foreign_shares",  S::met},
    {"foreign.not_met",    kLicence, {"foreign_share=40%"},                  "no_foreign_shares",  S::not_met},
    {"foreign.text",       "本公司系中外合资企业，外方持股40%，运营付费会员网站。", {}, "no_foreign_shares", S::not_met},
    {"foreign.unknown",    kLicence, {},                                     "no_foreign_shares",  S::unknown},
    {"domain.met",         kLicence, {"domain_filed=是", "domain_valid_months=2年"}, "filed_domain", S::met},
    {"domain.not_filed",   kLicence, {"domain_filed=否"},                    "filed_domain",       S::not_met},
    {"domain.short",       kLicence, {"domain_filed=是", "domain_valid_months=3个月"}, "filed_domain", S::not_met},
    {"domain.unknown",     kLicence, {"domain_filed=是"},                    "filed_domain",       S::unknown},
    {"server.met",         kLicence, {"province=浙江", "server_province=杭州"}, "server_location", S::met},
    {"server.other",       kLicence, {"province=江苏", "server_province=浙江"}, "server_location", S::unknown},
    {"server.abroad",      kLicence, {"server_in_mainland=否"},              "server_location",    S::not_met},
    {"server.text",        "公司注册在浙江，服务器在阿里云杭州，网站提供付费下载。", {}, "server_location", S::met},
    {"server.unknown",     kLicence, {},                                     "server_location",    S::unknown},
    {"pre.none",           kLicence, {},                                     "sector_preapprovals", S::met},
    {"pre.obtained",       "在线问诊平台，医生入驻，患者付费咨询。", {"preapprovals_obtained=是"}, "sector_preapprovals", S::met},
    {"pre.missing",        "网络文学平台，读者按章节付费阅读小说。", {"preapprovals_obtained=否"}, "sector_preapprovals", S::not_met},
    {"pre.unknown",        "网络文学平台，读者按章节付费阅读小说。", {},       "sector_preapprovals", S::unknown},
    {"company.met",        kLicence, {},                                     "company_applicant",  S::met},
    {"company.individual", "我个人做了个网站，用户付费下载我整理的素材。", {}, "company_applicant",  S::not_met},
    {"company.unknown",    "付费下载素材的网站。", {},                         "company_applicant",  S::unknown},
};
// clang-format on

icp::Facts facts_of(const std::vector<const char*>& list) {
  icp::Facts f;
  for (const char* assignment : list) icp::set_fact(f, assignment);
  return f;
}

const icp::Condition* find(const icp::Decision& d, const std::string& id) {
  for (const auto& c : d.readiness.conditions)
    if (c.id == id) return &c;
  return nullptr;
}

bool has_material(const icp::Decision& d, const std::string& id) {
  for (const auto& m : d.readiness.materials)
    if (m.id == id) return true;
  return false;
}

}  // namespace

TEST_CASE("readiness: every licence condition met, not met and unknown") {
  for (const auto& k : kCases) {
    INFO(k.id, ": ", k.text);
    const auto d = classifier().classify(k.text, facts_of(k.facts));
    REQUIRE(d.decision == icp::Outcome::license);
    const icp::Condition* c = find(d, k.condition);
    REQUIRE(c != nullptr);
    INFO(c->detail_en);
    CHECK(icp::to_string(c->status) == std::string(icp::to_string(k.status)));
    CHECK(!c->source.empty());
    CHECK(!c->detail_zh.empty());
  }
}

TEST_CASE("readiness: ready is yes only when every condition is met") {
  const auto all = facts_of({"registered_capital=500万", "insured_staff=3", "scope_has_telecom=是",
                             "foreign_shareholding=否", "domain_filed=是", "domain_valid_months=1年", "province=浙江",
                             "server_province=浙江", "operator=公司"});
  auto d = classifier().classify(kLicence, all);
  CHECK(d.readiness.applicable);
  CHECK(d.readiness.ready == "yes");
  CHECK(d.readiness.unmet.empty());

  auto fewer = all;
  icp::set_fact(fewer, "registered_capital", "50万");
  d = classifier().classify(kLicence, fewer);
  CHECK(d.readiness.ready == "no");
  CHECK(d.readiness.unmet == std::vector<std::string_view>{"registered_capital"});

  d = classifier().classify(kLicence);
  CHECK(d.readiness.ready == "unknown");
}

TEST_CASE("readiness: facts change the decision, and the trace says which") {
  const char* platform = "同城二手交易平台，用户发布闲置物品，买家在线联系卖家。";
  auto presumed = classifier().classify(platform);
  REQUIRE(presumed.decision == icp::Outcome::license);
  auto answered = classifier().classify(platform, facts_of({"charges_users=否", "ad_income=否"}));
  CHECK(answered.decision == icp::Outcome::filing);
  CHECK(answered.confidence > presumed.confidence);
  bool traced = false;
  for (const auto& t : answered.trace) traced |= t.rule == "fact.no_charges";
  CHECK(traced);

  auto charging = classifier().classify("公司官网，只展示产品", facts_of({"charges_users=是"}));
  CHECK(charging.decision == icp::Outcome::license);
  auto none = classifier().classify(platform, facts_of({"own_site_or_app=否"}));
  CHECK(none.decision == icp::Outcome::neither);
  CHECK(none.readiness.ready == "n/a");
  auto sectors = classifier().classify(platform, facts_of({"sectors=医疗"}));
  REQUIRE(sectors.preapprovals.size() == 1);
  CHECK(sectors.preapprovals[0].sector == "medical");
  auto foreign = classifier().classify(platform, facts_of({"foreign_shareholding=是"}));
  CHECK(foreign.foreign_investment);
  // An answered question is not asked again.
  for (const auto& q : answered.missing_facts) CHECK(q.id != "charges_users");
}

TEST_CASE("readiness: materials follow the decision and the facts") {
  auto d = classifier().classify("网络文学平台，读者按章节付费阅读小说，书评区可以讨论。");
  CHECK(has_material(d, "business_licence"));
  CHECK(has_material(d, "sector_approval_publishing"));
  CHECK(has_material(d, "news_permit"));
  CHECK(has_material(d, "natural_person_shareholder_ids"));
  auto only_people = classifier().classify(kLicence, facts_of({"corporate_shareholders=否"}));
  CHECK_FALSE(has_material(only_people, "corporate_shareholder_licences"));
  auto filing = classifier().classify("公司官网，只展示产品");
  CHECK(filing.readiness.applicable);
  CHECK(has_material(filing, "filing_subject_documents"));
  CHECK_FALSE(has_material(filing, "business_licence"));
  auto foreign = classifier().classify(kLicence, facts_of({"foreign_share=30%"}));
  CHECK(has_material(foreign, "foreign_investment_documents"));
}
