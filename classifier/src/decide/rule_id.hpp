// A rule of the decision tree as the code names it: rule_id::presence_own
// and the others are generated from data/rules/rules.tsv at build time
// (tools/rules_gen.cpp), so an id the data lacks does not compile and a row
// no code uses fails the build.
#pragma once

#include <cstdint>

namespace icp::decide {

struct RuleId {
  std::uint16_t index;
  friend constexpr bool operator==(RuleId, RuleId) = default;
};

}  // namespace icp::decide
