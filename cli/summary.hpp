// --summary: five to eight lines a clerk pastes into WeChat — the decision
// and why, what must be obtained first, whether the client can apply, what to
// prepare and what to ask — in the reader's language. Also the batch column
// icp_summary.
#pragma once

#include <string>
#include <vector>

#include "icp/decision.hpp"
#include "text_util.hpp"

namespace icp::cli {

// The summary's lines, each ending in '\n'. `questions`: open_questions(d, lang)
// when the caller has them already (a batch row writes them too).
std::string summary_text(const icp::Decision& d, Lang lang);
std::string summary_text(const icp::Decision& d, Lang lang, const std::vector<std::string>& questions);

// The trace step whose reason explains the decision in one sentence: the
// last of steps 1–3 (presence, service, commercial), else the first step.
const icp::TraceStep* decisive_step(const icp::Decision& d);

}  // namespace icp::cli
