#include "report_json.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>

namespace icp::cli {
namespace json = boost::json;
namespace {

json::string str(std::string_view bytes) {
  std::string valid = to_valid_utf8(bytes);
  return json::string(valid);
}

std::string_view choose(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::zh ? zh : en;
}

json::array spans_json(const std::vector<icp::Span>& spans) {
  json::array out;
  for (const auto& s : spans)
    out.push_back(json::object{{"begin", s.begin},
                               {"end", s.end},
                               {"text", str(s.text)},
                               {"signal", str(s.signal)},
                               {"negated", s.negated},
                               {"planned", s.planned}});
  return out;
}

double clamp_confidence(double c) {
  return std::isfinite(c) ? std::clamp(c, 0.0, 1.0) : 0.0;
}

}  // namespace

json::object decision_json(const icp::Decision& d, Lang lang, const ReportMeta& meta) {
  json::array categories;
  for (int c : d.categories) categories.push_back(c);

  json::array preapprovals;
  json::array details;
  for (const auto& p : d.preapprovals) {
    preapprovals.push_back(str(p.sector));
    details.push_back(json::object{{"sector", str(p.sector)},
                                   {"still_required", p.still_required},
                                   {"standing", str(choose(lang, p.standing_zh, p.standing_en))},
                                   {"evidence", spans_json(p.evidence)}});
  }

  json::array trace;
  for (const auto& t : d.trace)
    trace.push_back(json::object{{"step", t.step},
                                 {"rule", str(t.rule)},
                                 {"basis", icp::to_string(t.basis)},
                                 {"citation", str(t.citation)},
                                 {"reason", str(choose(lang, t.reason_zh, t.reason_en))},
                                 {"evidence", spans_json(t.evidence)}});

  json::array missing;
  for (const auto& m : d.missing_facts)
    missing.push_back(json::object{{"id", str(m.id)}, {"question", str(choose(lang, m.question_zh, m.question_en))}});

  json::array notes;
  for (const auto& n : d.notes)
    notes.push_back(json::object{{"id", str(n.id)}, {"text", str(choose(lang, n.text_zh, n.text_en))}});

  json::array facts;
  for (const auto& f : d.facts) {
    json::object fact{{"name", str(f.name)}, {"value", str(f.value)}, {"source", f.from_text ? "text" : "given"}};
    if (f.from_text && f.evidence.end > f.evidence.begin) fact["evidence"] = spans_json({f.evidence}).at(0);
    facts.push_back(std::move(fact));
  }
  json::array conditions;
  for (const auto& c : d.readiness.conditions)
    conditions.push_back(json::object{{"id", str(c.id)},
                                      {"status", icp::to_string(c.status)},
                                      {"condition", str(choose(lang, c.text_zh, c.text_en))},
                                      {"detail", str(choose(lang, c.detail_zh, c.detail_en))},
                                      {"source", str(c.source)},
                                      {"fact", str(c.fact)}});
  json::array unmet;
  for (const auto& id : d.readiness.unmet) unmet.push_back(str(id));
  json::array materials;
  for (const auto& m : d.readiness.materials)
    materials.push_back(json::object{{"id", str(m.id)}, {"text", str(choose(lang, m.text_zh, m.text_en))}});

  return json::object{{"decision", icp::to_string(d.decision)},
                      {"categories", std::move(categories)},
                      {"news_permit", d.news_permit},
                      {"preapprovals", std::move(preapprovals)},
                      {"preapproval_details", std::move(details)},
                      {"foreign_investment", d.foreign_investment},
                      {"planned", d.planned},
                      {"confidence", clamp_confidence(d.confidence)},
                      {"evidence", spans_json(d.evidence)},
                      {"trace", std::move(trace)},
                      {"missing_facts", std::move(missing)},
                      {"notes", std::move(notes)},
                      {"facts", std::move(facts)},
                      {"readiness", json::object{{"applicable", d.readiness.applicable},
                                                 {"ready", str(d.readiness.ready)},
                                                 {"unmet", std::move(unmet)},
                                                 {"conditions", std::move(conditions)}}},
                      {"materials", std::move(materials)},
                      {"lang", lang == Lang::zh ? "zh" : "en"},
                      {"version", str(meta.version)},
                      {"lexicon_hash", str(meta.lexicon_hash)}};
}

}  // namespace icp::cli
