#include "decide/rules.hpp"

#include <algorithm>

namespace icp::decide {
bool within(int day, const RuleDate& from, const RuleDate& to) {
  return (from.value == 0 || day >= from.value) && (to.value == 0 || day <= to.value);
}

std::span<const RuleVersion> all_rule_versions() {
  return {generated::kRuleVersions, generated::kRuleVersionCount};
}

std::span<const CitationVersion> all_citations() {
  return {generated::kCitations, generated::kCitationCount};
}

std::span<const RuleVersion> versions_of(RuleId id) {
  const std::size_t first = generated::kFirstVersion[id.index], last = generated::kFirstVersion[id.index + 1];
  return {generated::kRuleVersions + first, last - first};
}

const RuleVersion* rule_at(RuleId id, int day) {
  for (const RuleVersion& v : versions_of(id))
    if (within(day, v.valid_from, v.valid_to)) return &v;
  return nullptr;
}

std::string_view citation_at(const RuleVersion& version, int day) {
  const std::span<const CitationVersion> versions(generated::kCitations + version.citation, version.citation_count);
  for (const CitationVersion& c : versions)
    if (within(day, c.valid_from, c.valid_to)) return c.text;
  // A day outside them all: the nearest one.
  return day < versions.front().valid_from.value ? versions.front().text : versions.back().text;
}

int newest_known_change() {
  static const int newest = [] {
    int n = kFirstRuleDay;
    for (const auto& v : all_rule_versions()) n = std::max(n, v.valid_from.value);
    for (const auto& c : all_citations()) n = std::max(n, c.valid_from.value);
    return n;
  }();
  return newest;
}

}  // namespace icp::decide
