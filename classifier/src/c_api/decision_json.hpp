// The JSON object of one decision, as `icp-classify --format json` writes it
// (cli/report_json.cpp): same keys, same order, same values.
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
