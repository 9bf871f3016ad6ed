// Names of the decision's enums, as JSON, CSV and eval files spell them.
#include "icp/decision.hpp"

namespace icp {

const char* to_string(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::license:
      return "license";
    case Outcome::filing:
      return "filing";
    case Outcome::neither:
      return "neither";
  }
  return "neither";
}

const char* to_string(Basis basis) noexcept {
  switch (basis) {
    case Basis::measures:
      return "measures";
    case Basis::catalogue:
      return "catalogue";
    case Basis::notice:
      return "notice";
    case Basis::brief:
      return "brief";
    case Basis::beyond_brief:
      return "beyond_brief";
  }
  return "brief";
}

const char* to_string(ConditionStatus status) noexcept {
  switch (status) {
    case ConditionStatus::met:
      return "met";
    case ConditionStatus::not_met:
      return "not_met";
    case ConditionStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace icp
