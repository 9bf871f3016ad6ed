#include "rules_table.hpp"

#include <boost/json.hpp>
#include <ostream>
#include <string>

#include "fact_words.hpp"
#include "icp/rules.hpp"
#include "text_util.hpp"

namespace icp::cli {
namespace {

std::string dates(const icp::RuleInfo& r, Lang lang) {
  // An open start is the Measures' first day: nothing here applies before it.
  const std::string from(r.valid_from);
  std::string out = from.empty() ? pick(lang, "2000-09-25（《办法》施行）起", "from 2000-09-25 (the Measures)")
                    : lang == Lang::zh ? from + " 起"
                                       : "from " + from;
  if (!r.valid_to.empty()) out += pick(lang, "，至 ", ", until ") + std::string(r.valid_to);
  return out;
}

}  // namespace

int print_rules(const CommandLine& cmd, std::ostream& out) {
  const icp::RuleTable result = icp::rule_table(cmd.classifier.as_of);
  const auto& table = result.rules;
  const std::string& day = result.as_of;
  if (cmd.format == Format::json) {
    boost::json::array rules;
    for (const auto& r : table) {
      boost::json::object o;
      o["id"] = r.id;
      o["step"] = r.step;
      o["basis"] = icp::to_string(r.basis);
      o["citation"] = r.citation;
      o["valid_from"] = r.valid_from;
      o["valid_to"] = r.valid_to;
      o["in_force"] = r.in_force;
      o["reason"] = cmd.lang == Lang::zh ? r.reason_zh : r.reason_en;
      rules.push_back(std::move(o));
    }
    boost::json::object root;
    root["as_of"] = day;
    root["lang"] = cmd.lang == Lang::zh ? "zh" : "en";
    root["version"] = icp::version();
    root["rules"] = std::move(rules);
    out << boost::json::serialize(root) << '\n';
    return 0;
  }
  std::size_t in_force = 0;
  for (const auto& r : table) in_force += r.in_force;
  out << pick(cmd.lang, "规则表（", "Rule table (") << table.size() << pick(cmd.lang, " 个版本，", " versions, ")
      << in_force << pick(cmd.lang, " 个适用于 ", " in force on ") << day
      << pick(cmd.lang, "；数据：data/rules/）\n", "; data: data/rules/)\n");
  for (const auto& r : table) {
    out << '\n'
        << r.id << "  " << pick(cmd.lang, "第", "step ") << r.step << pick(cmd.lang, "步", "") << "  "
        << basis_words(r.basis, cmd.lang) << "  " << dates(r, cmd.lang)
        << (r.in_force ? "" : pick(cmd.lang, "  （该日不适用）", "  (not in force that day)")) << '\n'
        << pick(cmd.lang, "  依据：", "  Citation: ") << printable(r.citation) << '\n'
        << pick(cmd.lang, "  理由：", "  Reason: ") << printable(cmd.lang == Lang::zh ? r.reason_zh : r.reason_en)
        << '\n';
  }
  return 0;
}

}  // namespace icp::cli
