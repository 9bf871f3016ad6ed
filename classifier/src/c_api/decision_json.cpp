#include "c_api/decision_json.hpp"

#include "c_api/json_writer.hpp"
#include "decision_json_layout.hpp"

namespace icp::c_api {

std::string decision_json(const Decision& d, Lang lang, const JsonMeta& meta) {
  JsonWriter w;
  common::write_decision_json(w, d, lang == Lang::zh ? "zh" : "en", meta.version, meta.lexicon_hash);
  return std::move(w).str();
}

}  // namespace icp::c_api
