// The JSON object of one decision, compact, as `icp-classify --format json`
// writes it: same keys, same order, same values (common/decision_json_layout.hpp).
#pragma once

#include <string>
#include <string_view>

#include "icp/decision.hpp"

namespace icp::c_api {

enum class Lang { zh, en };

struct JsonMeta {
  std::string_view version;
  std::string_view lexicon_hash;
};

std::string decision_json(const Decision& decision, Lang lang, const JsonMeta& meta);

}  // namespace icp::c_api
