#include "questions.hpp"

#include <algorithm>
#include <utility>

namespace icp::cli {

const icp::FactInfo* fact_info(std::string_view name) {
  for (const auto& f : icp::fact_catalogue())
    if (f.name == name) return &f;
  return nullptr;
}

const char* condition_settled_by(std::string_view fact, icp::Outcome outcome) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"operator", "company_applicant"},
      {"registered_capital", "registered_capital"},
      {"insured_staff", "insured_staff"},
      {"scope_has_telecom", "business_scope"},
      {"foreign_shareholding", "no_foreign_shares"},
      {"domain_filed", "filed_domain"},
      {"domain_valid_months", "filed_domain"},
      {"province", "server_location"},
      {"server_province", "server_location"},
      {"preapprovals_obtained", "sector_preapprovals"},
      {"news_permit_obtained", "news_permit"},
  };
  // A filing only needs the servers in mainland China, not in the province.
  if (outcome == icp::Outcome::filing) {
    if (fact == "server_in_mainland") return "server_location";
    if (fact == "province" || fact == "server_province") return nullptr;
  }
  for (const auto& [f, c] : kMap)
    if (fact == f) return c;
  return nullptr;
}

std::vector<std::string> open_question_facts(const icp::Decision& d) {
  std::vector<std::string> out;
  auto add = [&](std::string_view name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
  };
  for (const auto& m : d.missing_facts)
    if (fact_info(m.id)) add(m.id);
  for (const auto& f : icp::fact_catalogue()) {
    const char* condition = condition_settled_by(f.name, d.decision);
    if (!condition) continue;
    for (const auto& c : d.readiness.conditions)
      if (c.id == condition && c.status == icp::ConditionStatus::unknown) add(f.name);
  }
  return out;
}

std::vector<std::string> open_questions(const icp::Decision& d, Lang lang) {
  std::vector<std::string> out;
  // The decision's own wording for its missing facts, then the catalogue's.
  for (const auto& m : d.missing_facts) out.emplace_back(lang == Lang::zh ? m.question_zh : m.question_en);
  for (const auto& name : open_question_facts(d)) {
    const bool missing = std::any_of(d.missing_facts.begin(), d.missing_facts.end(),
                                     [&](const icp::MissingFact& m) { return m.id == name; });
    if (missing) continue;
    const icp::FactInfo& f = *fact_info(name);
    out.push_back(lang == Lang::zh ? f.question_zh : f.question_en);
  }
  return out;
}

}  // namespace icp::cli
