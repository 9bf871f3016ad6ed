// What to ask the client: the decision's missing facts first (they can change
// the answer), then the facts behind the application conditions still
// unknown. Shared by --ask, --summary and the batch column icp_questions.
#pragma once

#include <string>
#include <vector>

#include "icp/decision.hpp"
#include "icp/facts.hpp"
#include "text_util.hpp"

namespace icp::cli {

// The catalogue entry of a fact, or nullptr.
const icp::FactInfo* fact_info(std::string_view name);

// The readiness condition that a fact settles ("registered_capital" →
// "registered_capital", "province" → "server_location"), or nullptr. On a
// filing, server_in_mainland settles server_location and the provinces do not.
const char* condition_settled_by(std::string_view fact, icp::Outcome outcome);

// The fact names still worth asking, in the order --ask asks them.
std::vector<std::string> open_question_facts(const icp::Decision& d);

// The same as questions in the reader's language.
std::vector<std::string> open_questions(const icp::Decision& d, Lang lang);

}  // namespace icp::cli
