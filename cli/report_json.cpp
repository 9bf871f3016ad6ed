#include "report_json.hpp"

#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include "batch/json_text.hpp"
#include "questions.hpp"
#include "summary.hpp"

namespace icp::cli {
namespace json = boost::json;
namespace {

// A writer for write_decision_json() that builds Boost.JSON values: numbers
// keep their kind (int64, uint64, double), objects their key order.
class ValueBuilder {
 public:
  json::value& result() { return root_; }

  ValueBuilder& key(std::string_view name) {
    key_ = name;
    return *this;
  }
  void begin_object() { open_.push_back(&put(json::object())); }
  void begin_array() { open_.push_back(&put(json::array())); }
  void end_object() { open_.pop_back(); }
  void end_array() { open_.pop_back(); }
  void string(std::string_view bytes) { put(json::string(to_valid_utf8(bytes))); }
  void boolean(bool b) { put(b); }
  void int64(std::int64_t n) { put(n); }
  void uint64(std::uint64_t n) { put(n); }
  void number(double d) { put(d); }

 private:
  // Only the innermost open container grows, so the pointers to the open
  // ones stay valid.
  json::value& put(json::value v) {
    if (open_.empty()) return root_ = std::move(v);
    json::value& into = *open_.back();
    if (into.is_array()) {
      into.get_array().push_back(std::move(v));
      return into.get_array().back();
    }
    return into.get_object().insert_or_assign(key_, std::move(v)).first->value();
  }

  json::value root_;
  std::vector<json::value*> open_;
  std::string key_;
};

}  // namespace

json::object decision_json(const icp::Decision& d, Lang lang, const ReportMeta& meta) {
  ValueBuilder builder;
  write_decision_json(builder, d, lang, meta);
  return std::move(builder.result().get_object());
}

std::string decision_json_text(const icp::Decision& decision, Lang lang, const ReportMeta& meta, bool with_summary) {
  std::string json;
  {
    batch::JsonText w(json);
    write_decision_json(w, decision, lang, meta);
    w.finish();
  }
  if (with_summary) {
    json.pop_back();  // the closing brace: two keys follow
    json += ',';
    batch::JsonText w(json);
    w.key("summary").string(summary_text(decision, lang));
    w.key("questions").begin_array();
    for (const auto& q : open_questions(decision, lang)) w.string(q);
    w.end_array();
    w.finish();
    json += '}';
  }
  return json;
}

}  // namespace icp::cli
