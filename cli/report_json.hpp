// One decision as one JSON object. Every string in it is valid UTF-8,
// whatever bytes the decision carries.
//
// The keys and their order are written once, in common/decision_json_layout.hpp,
// for any writer: decision_json() builds a Boost.JSON object with it, the
// batch command's JSON lines (batch/json_text.hpp) write text directly, and
// the C API its own compact text.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "decision_json_layout.hpp"
#include "icp/decision.hpp"
#include "text_util.hpp"

namespace icp::cli {

struct ReportMeta {
  std::string version;       // icp::version()
  std::string lexicon_hash;  // Classifier::lexicon_hash()
};

// The object as Boost.JSON values (keys: common/decision_json_layout.hpp).
boost::json::object decision_json(const icp::Decision& decision, Lang lang, const ReportMeta& meta);

// The same, written to `w` (see common/decision_json_layout.hpp for what a writer has).
template <class Writer>
void write_decision_json(Writer& w, const icp::Decision& d, Lang lang, const ReportMeta& meta) {
  common::write_decision_json(w, d, lang == Lang::zh ? "zh" : "en", meta.version, meta.lexicon_hash);
}

// The one JSON text of a decision that the command (--format json), the
// server (POST /v1/classify) and the batch's lines share: compact, confidence
// with two decimals; with_summary adds the keys summary and questions.
std::string decision_json_text(const icp::Decision& decision, Lang lang, const ReportMeta& meta, bool with_summary);

}  // namespace icp::cli
