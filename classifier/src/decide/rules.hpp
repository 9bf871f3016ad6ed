// The rules of the decision tree: each with its step, the text it rests on
// and the one-line reason the report gives. The tree is where the law lives.
#pragma once

#include <string_view>

#include "icp/decision.hpp"

namespace icp::decide {

struct Rule {
  std::string_view id;
  int step;
  Basis basis;
  std::string_view citation;
  std::string_view reason_zh;
  std::string_view reason_en;
};

// The rule with this id; an unknown id is a programming error (throws std::logic_error).
const Rule& rule(std::string_view id);

// Every rule, for tests and documentation.
const Rule* all_rules(std::size_t& count);

}  // namespace icp::decide
