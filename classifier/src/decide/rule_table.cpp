// icp::rule_table(): the compiled rules (decide/rules.hpp) as the public API shows them.
#include <algorithm>

#include "decide/as_of.hpp"
#include "decide/rules.hpp"
#include "icp/rules.hpp"

namespace icp {

RuleTable rule_table(std::string_view as_of) {
  const int day = as_of.empty() ? decide::today_utc() : decide::parse_as_of(as_of);
  RuleTable result{decide::day_text(day), {}};
  auto& table = result.rules;
  const auto versions = decide::all_rule_versions();
  table.reserve(versions.size());
  for (const auto& v : versions) {
    RuleInfo r;
    r.id = v.id;
    r.step = v.step;
    r.basis = v.basis;
    r.in_force = decide::within(day, v.valid_from, v.valid_to) && day >= decide::kFirstRuleDay;
    r.citation = decide::citation_at(v, r.in_force ? day : std::max(v.valid_from.value, decide::kFirstRuleDay));
    r.valid_from = v.valid_from.text;
    r.valid_to = v.valid_to.text;
    r.reason_zh = v.reason_zh;
    r.reason_en = v.reason_en;
    table.push_back(r);
  }
  return result;  // rules.tsv's order, which rules_gen checks: by id, then date
}

}  // namespace icp
