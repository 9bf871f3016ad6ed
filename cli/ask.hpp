// --ask: the consultant's questions, one at a time, like an intake interview.
// Prompts, progress (第 3/8 题), the echo of each answer as understood and the
// review go to `prompts` (standard error); the final answer goes to standard
// output in the chosen format. Answers come from a terminal or a pipe.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "icp/classifier.hpp"
#include "icp/facts.hpp"
#include "text_util.hpp"

namespace icp::cli {

struct Interview {
  icp::Decision decision;                                     // with every answer applied
  std::vector<std::pair<std::string, std::string>> answered;  // fact name → value as understood, in order
  bool interrupted = false;                                   // a signal (Ctrl-C) ended it
};

// Asks the decision's missing facts, then the facts behind any unknown
// application condition, one answer per line from `in`: a value (是/否,
// 200万, 浙江 …; hedges such as 大概…吧 are dropped), 跳过/skip or an empty
// line to skip, 上一题/back to undo the last answer, ?/帮助 for the accepted
// forms, 结束/done to stop asking. Before the final answer it lists every
// answer for review (上一题 there goes back). End of input ends the interview.
// `facts` holds the facts so far and is updated.
Interview ask(const icp::Classifier& classifier, std::string_view text, icp::Facts& facts, Lang lang, std::istream& in,
              std::ostream& prompts);

// The facts given (not read from the text) as a JSON object that --facts
// reads back: {"registered_capital": "2000000", "charges_users": "no"}.
std::string facts_json(const icp::Decision& decision);

}  // namespace icp::cli
