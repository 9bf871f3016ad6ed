// One decision as one JSON object (Boost.JSON). Every string in it is valid
// UTF-8, whatever bytes the decision carries.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "icp/decision.hpp"
#include "text_util.hpp"

namespace icp::cli {

struct ReportMeta {
  std::string version;       // icp::version()
  std::string lexicon_hash;  // Classifier::lexicon_hash()
};

// Keys: decision, categories, news_permit, preapprovals, preapproval_details,
// foreign_investment, planned, confidence, evidence, trace, missing_facts,
// notes, lang, version, lexicon_hash. Texts meant for people (reasons,
// standings, questions, notes) are in `lang`.
boost::json::object decision_json(const icp::Decision& decision, Lang lang, const ReportMeta& meta);

}  // namespace icp::cli
