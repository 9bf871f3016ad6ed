// The rules of the decision tree, compiled from data/rules/ (rules.tsv and
// citations.tsv) at build time: each rule with its step, basis, dated
// versions and the one-line reason the report gives, each citation with its
// dated versions. The tree (step*.cpp) is where the rules are applied.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "decide/rule_id.hpp"
#include "icp/decision.hpp"
#include "rules_generated.hpp"

namespace icp::decide {

// A day as yyyymmdd (20210422); 0 means open (no start, no end).
struct RuleDate {
  int value = 0;
  bool month_only = false;  // the data knows only the month (written YYYY-MM)
  std::string_view text;    // as written in the data, "" when open
};

struct CitationVersion {
  std::string_view id;
  RuleDate valid_from, valid_to;
  std::string_view text;
};

struct RuleVersion {
  RuleId rule;
  std::string_view id;
  int step;
  Basis basis;
  std::size_t citation;        // the first version of its citation in all_citations()
  std::size_t citation_count;  // how many versions that citation has
  RuleDate valid_from, valid_to;
  std::string_view reason_zh;
  std::string_view reason_en;
};

namespace generated {
// The tables of rules_generated.cpp, written by tools/rules_gen from data/rules/.
extern const CitationVersion kCitations[];
extern const std::size_t kCitationCount;
extern const RuleVersion kRuleVersions[];  // by rule, then date
extern const std::size_t kRuleVersionCount;
extern const std::size_t kFirstVersion[];  // kRuleCount + 1 entries: where each rule's versions start
}  // namespace generated

// The first day of the Measures (2000-09-25): the rules apply from it on.
inline constexpr int kFirstRuleDay = 20000925;

// Whether `day` (yyyymmdd) lies within [from, to] (open ends included).
bool within(int day, const RuleDate& from, const RuleDate& to);

// The version of `id` in force on `day`, or nullptr when none is.
const RuleVersion* rule_at(RuleId id, int day);
// The citation text of `version` in force on `day` (its latest one before
// the first, its first one after the last).
std::string_view citation_at(const RuleVersion& version, int day);

// Every version of every rule, by rule then date; every citation version.
std::span<const RuleVersion> all_rule_versions();
std::span<const CitationVersion> all_citations();
// The versions of one rule.
std::span<const RuleVersion> versions_of(RuleId id);

// The newest date at which a rule or a citation changes: dates after it are
// answered with a note (the data may not know what changed since).
int newest_known_change();

}  // namespace icp::decide
