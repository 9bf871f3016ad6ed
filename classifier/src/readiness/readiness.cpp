#include "readiness/readiness.hpp"

namespace icp::readiness {

void assess(Decision& decision, const Facts& facts, std::optional<double> headcount) {
  Readiness& r = decision.readiness;
  r = {};
  if (decision.decision == Outcome::neither) return;  // nothing to apply for
  r.applicable = true;
  r.conditions = decision.decision == Outcome::license ? licence_conditions(decision, facts, headcount)
                                                       : filing_conditions(decision, facts);
  r.materials = materials(decision, facts);
  bool unknown = false;
  for (const auto& c : r.conditions) {
    if (c.status == ConditionStatus::not_met) r.unmet.push_back(c.id);
    unknown |= c.status == ConditionStatus::unknown;
  }
  r.ready = !r.unmet.empty() ? "no" : unknown ? "unknown" : "yes";
}

}  // namespace icp::readiness
