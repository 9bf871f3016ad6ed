// Application readiness: the brief's conditions checked against the facts,
// and the materials list tailored to the decision.
#pragma once

#include <optional>
#include <vector>

#include "icp/decision.hpp"
#include "icp/facts.hpp"

namespace icp::readiness {

// Fills decision.readiness from the decision and the facts in play.
// `headcount` is the total staff when the text gives it ("30来号人").
void assess(Decision& decision, const Facts& facts, std::optional<double> headcount);

// The parts, for tests: the conditions for a licence or a filing, and the
// materials for the decision.
std::vector<Condition> licence_conditions(const Decision& d, const Facts& f, std::optional<double> headcount);
std::vector<Condition> filing_conditions(const Decision& d, const Facts& f);
std::vector<Material> materials(const Decision& d, const Facts& f);

}  // namespace icp::readiness
