// The rule table: every version of every rule the decision tree applies,
// with its step, basis, citation and the dates it is in force between
// (data/rules/), so that a reviewer sees the law without reading code:
//
//   for (const icp::RuleInfo& r : icp::rule_table("2019-06-01").rules)
//     if (r.in_force) std::cout << r.id << '\t' << r.citation << '\n';
//
// `icp-classify rules` prints it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "icp/decision.hpp"
#include "icp/export.h"

namespace icp {

struct RuleInfo {
  std::string_view id;  // the trace's rule id, e.g. "service.trade"
  int step = 0;         // 1–7
  Basis basis = Basis::brief;
  // The citation's version in force on the date asked about, or, for a rule
  // version not in force then, on the version's own first day.
  std::string_view citation;
  std::string_view valid_from;  // YYYY-MM-DD, or YYYY-MM when only the month is known; "" open
  std::string_view valid_to;
  bool in_force = false;  // this version applies on the date asked about
  std::string_view reason_zh;
  std::string_view reason_en;
};

struct RuleTable {
  std::string as_of;            // the date the versions are marked for, YYYY-MM-DD
  std::vector<RuleInfo> rules;  // every rule version, by rule id then date
};

// The table marked for `as_of` ("YYYY-MM-DD"; empty: today, UTC). Throws
// icp::AsOfError for a malformed date.
ICP_API RuleTable rule_table(std::string_view as_of = {});

}  // namespace icp
