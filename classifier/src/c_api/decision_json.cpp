#include "c_api/decision_json.hpp"

#include <algorithm>
#include <cmath>

#include "c_api/json_writer.hpp"

namespace icp::c_api {
namespace {

std::string_view choose(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::zh ? zh : en;
}

void write_span(JsonWriter& w, const Span& s) {
  w.begin_object();
  w.key("begin").value(static_cast<std::uint64_t>(s.begin));
  w.key("end").value(static_cast<std::uint64_t>(s.end));
  w.key("text").value(s.text);
  w.key("signal").value(s.signal);
  w.key("negated").value(s.negated);
  w.key("planned").value(s.planned);
  w.end_object();
}

void write_spans(JsonWriter& w, const std::vector<Span>& spans) {
  w.begin_array();
  for (const auto& s : spans) write_span(w, s);
  w.end_array();
}

double clamp_confidence(double c) {
  return std::isfinite(c) ? std::clamp(c, 0.0, 1.0) : 0.0;
}

}  // namespace

std::string decision_json(const Decision& d, Lang lang, const JsonMeta& meta) {
  JsonWriter w;
  w.begin_object();
  w.key("decision").value(to_string(d.decision));

  w.key("categories").begin_array();
  for (int c : d.categories) w.value(c);
  w.end_array();

  w.key("news_permit").value(d.news_permit);

  w.key("preapprovals").begin_array();
  for (const auto& p : d.preapprovals) w.value(p.sector);
  w.end_array();

  w.key("preapproval_details").begin_array();
  for (const auto& p : d.preapprovals) {
    w.begin_object();
    w.key("sector").value(p.sector);
    w.key("still_required").value(p.still_required);
    w.key("standing").value(choose(lang, p.standing_zh, p.standing_en));
    w.key("evidence");
    write_spans(w, p.evidence);
    w.end_object();
  }
  w.end_array();

  w.key("foreign_investment").value(d.foreign_investment);
  w.key("planned").value(d.planned);
  w.key("confidence").value(clamp_confidence(d.confidence));
  w.key("evidence");
  write_spans(w, d.evidence);

  w.key("trace").begin_array();
  for (const auto& t : d.trace) {
    w.begin_object();
    w.key("step").value(t.step);
    w.key("rule").value(t.rule);
    w.key("basis").value(to_string(t.basis));
    w.key("citation").value(t.citation);
    w.key("reason").value(choose(lang, t.reason_zh, t.reason_en));
    w.key("evidence");
    write_spans(w, t.evidence);
    w.end_object();
  }
  w.end_array();

  w.key("missing_facts").begin_array();
  for (const auto& m : d.missing_facts) {
    w.begin_object();
    w.key("id").value(m.id);
    w.key("question").value(choose(lang, m.question_zh, m.question_en));
    w.end_object();
  }
  w.end_array();

  w.key("notes").begin_array();
  for (const auto& n : d.notes) {
    w.begin_object();
    w.key("id").value(n.id);
    w.key("text").value(choose(lang, n.text_zh, n.text_en));
    w.end_object();
  }
  w.end_array();

  w.key("facts").begin_array();
  for (const auto& f : d.facts) {
    w.begin_object();
    w.key("name").value(f.name);
    w.key("value").value(f.value);
    w.key("source").value(f.from_text ? "text" : "given");
    if (f.from_text && f.evidence.end > f.evidence.begin) {  // as the CLI: only a fact read from the text
      w.key("evidence");
      write_span(w, f.evidence);
    }
    w.end_object();
  }
  w.end_array();

  w.key("readiness").begin_object();
  w.key("applicable").value(d.readiness.applicable);
  w.key("ready").value(d.readiness.ready);
  w.key("unmet").begin_array();
  for (const auto& id : d.readiness.unmet) w.value(id);
  w.end_array();
  w.key("conditions").begin_array();
  for (const auto& c : d.readiness.conditions) {
    w.begin_object();
    w.key("id").value(c.id);
    w.key("status").value(to_string(c.status));
    w.key("condition").value(choose(lang, c.text_zh, c.text_en));
    w.key("detail").value(choose(lang, c.detail_zh, c.detail_en));
    w.key("source").value(c.source);
    w.key("fact").value(c.fact);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("materials").begin_array();
  for (const auto& m : d.readiness.materials) {
    w.begin_object();
    w.key("id").value(m.id);
    w.key("text").value(choose(lang, m.text_zh, m.text_en));
    w.end_object();
  }
  w.end_array();

  w.key("lang").value(lang == Lang::zh ? "zh" : "en");
  w.key("version").value(meta.version);
  w.key("lexicon_hash").value(meta.lexicon_hash);
  w.end_object();
  return std::move(w).str();
}

}  // namespace icp::c_api
