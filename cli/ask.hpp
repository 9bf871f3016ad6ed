// --ask: the consultant's questions, one at a time. Re-decides after each
// answer and says what changed. Reads answers from a terminal or a pipe.
#pragma once

#include <iosfwd>
#include <string_view>

#include "icp/classifier.hpp"
#include "icp/facts.hpp"
#include "text_util.hpp"

namespace icp::cli {

// Asks the decision's missing facts, then the facts behind any unknown
// application condition, reading one answer per line from `in` (是/否/不确定,
// numbers, names; an empty line or EOF skips). Returns the decision with every
// answer applied. `facts` holds the answers so far and is updated.
icp::Decision ask(const icp::Classifier& classifier, std::string_view text, icp::Facts& facts, Lang lang,
                  std::istream& in, std::ostream& out);

}  // namespace icp::cli
