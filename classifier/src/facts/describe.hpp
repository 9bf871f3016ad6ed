// Facts as (name, display value) pairs, and merging the caller's facts over
// the text's.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "icp/facts.hpp"

namespace icp::facts {

// Every fact that is set, in catalogue order: ("registered_capital", "5000000").
std::vector<std::pair<std::string, std::string>> describe(const Facts& facts);

// A number for display: "5000000", "1.5".
std::string describe_number(double value);

// `over`'s facts where set, `under`'s elsewhere.
Facts merge(const Facts& under, const Facts& over);

}  // namespace icp::facts
