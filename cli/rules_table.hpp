// `icp-classify rules`: the rule table (data/rules/) for reviewers — each
// version of each rule with its step, basis, citation, dates and reason, in
// the chosen language, marked for --as-of (default today); --format json
// gives the same as one object.
#pragma once

#include <iosfwd>

#include "options.hpp"

namespace icp::cli {

int print_rules(const CommandLine& cmd, std::ostream& out);

}  // namespace icp::cli
