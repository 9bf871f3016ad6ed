// The JSON object of one decision: its keys, their order and their values,
// written once for every writer — the command's `--format json` (Boost.JSON
// values), its batch JSON lines (text written directly) and the C API
// (icp_classify), so that all three give the same object.
//
// Keys: decision, categories, news_permit, preapprovals, preapproval_details,
// foreign_investment, planned, confidence, evidence (at most Decision::kMaxEvidence
// spans; evidence_omitted, only when more fired, counts the rest), trace, missing_facts,
// notes, facts, held_permits, readiness, materials, as_of (the date whose
// rules applied, YYYY-MM-DD), lang, version, lexicon_hash; each trace entry
// has step, rule, basis, citation, reason, valid_from, valid_to (its rule
// version's dates) and evidence. held_permits: [{kind, number, commercial?, evidence}], the
// licences and filings the text shows are held (commercial only for a drug
// information certificate that says 经营性 or 非经营性). Texts
// meant for people (reasons, standings, questions, notes, conditions,
// materials) are in `lang` ("zh" or "en").
//
// A Writer has begin_object(), end_object(), begin_array(), end_array(),
// key(name) (returns the writer, for the value), string(bytes) (which it
// makes valid UTF-8), boolean(b), int64(n), uint64(n) and number(double).
#pragma once

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "icp/decision.hpp"

namespace icp::common {

template <class Writer>
void write_decision_json(Writer& w, const icp::Decision& d, std::string_view lang, std::string_view version,
                         std::string_view lexicon_hash) {
  const auto choose = [zh = lang == "zh"](std::string_view in_zh, std::string_view in_en) {
    return zh ? in_zh : in_en;
  };
  const auto span = [&w](const icp::Span& s) {
    w.begin_object();
    w.key("begin").uint64(s.begin);
    w.key("end").uint64(s.end);
    w.key("begin_char").uint64(s.begin_char);
    w.key("end_char").uint64(s.end_char);
    w.key("text").string(s.text);
    w.key("signal").string(s.signal);
    w.key("negated").boolean(s.negated);
    w.key("planned").boolean(s.planned);
    w.end_object();
  };
  const auto spans = [&w, &span](const std::vector<icp::Span>& list) {
    w.begin_array();
    for (const auto& s : list) span(s);
    w.end_array();
  };

  w.begin_object();
  w.key("decision").string(icp::to_string(d.decision));
  w.key("categories").begin_array();
  for (int c : d.categories) w.int64(c);
  w.end_array();
  w.key("news_permit").boolean(d.news_permit);
  w.key("preapprovals").begin_array();
  for (const auto& p : d.preapprovals) w.string(p.sector);
  w.end_array();
  w.key("preapproval_details").begin_array();
  for (const auto& p : d.preapprovals) {
    w.begin_object();
    w.key("sector").string(p.sector);
    w.key("still_required").boolean(p.still_required);
    w.key("standing").string(choose(p.standing_zh, p.standing_en));
    w.key("evidence");
    spans(p.evidence);
    w.end_object();
  }
  w.end_array();
  w.key("foreign_investment").boolean(d.foreign_investment);
  w.key("planned").boolean(d.planned);
  // Two decimals, as the batch's icp_confidence and the report's percent show it.
  w.key("confidence")
      .number(std::isfinite(d.confidence) ? std::round(std::clamp(d.confidence, 0.0, 1.0) * 100) / 100 : 0.0);
  w.key("evidence");
  spans(d.evidence);
  // Only when the list was cut, so that ordinary outputs keep their layout.
  if (d.evidence_omitted > 0) w.key("evidence_omitted").uint64(d.evidence_omitted);
  w.key("trace").begin_array();
  for (const auto& t : d.trace) {
    w.begin_object();
    w.key("step").int64(t.step);
    w.key("rule").string(t.rule);
    w.key("basis").string(icp::to_string(t.basis));
    w.key("citation").string(t.citation);
    w.key("reason").string(choose(t.reason_zh, t.reason_en));
    // The version of the rule that applied on as_of: the dates it is in
    // force between (YYYY-MM-DD, or YYYY-MM when the data knows the month
    // only; "" for an open end).
    w.key("valid_from").string(t.valid_from);
    w.key("valid_to").string(t.valid_to);
    w.key("evidence");
    spans(t.evidence);
    w.end_object();
  }
  w.end_array();
  w.key("missing_facts").begin_array();
  for (const auto& m : d.missing_facts) {
    w.begin_object();
    w.key("id").string(m.id);
    w.key("question").string(choose(m.question_zh, m.question_en));
    w.end_object();
  }
  w.end_array();
  w.key("notes").begin_array();
  for (const auto& n : d.notes) {
    w.begin_object();
    w.key("id").string(n.id);
    w.key("text").string(choose(n.text_zh, n.text_en));
    w.end_object();
  }
  w.end_array();
  w.key("facts").begin_array();
  for (const auto& f : d.facts) {
    w.begin_object();
    w.key("name").string(f.name);
    w.key("value").string(f.value);
    w.key("source").string(f.from_text ? "text" : "given");
    if (f.from_text && f.evidence.end > f.evidence.begin) {
      w.key("evidence");
      span(f.evidence);
    }
    w.end_object();
  }
  w.end_array();
  w.key("held_permits").begin_array();
  for (const auto& p : d.held_permits) {
    w.begin_object();
    w.key("kind").string(p.kind);
    w.key("number").string(p.number);
    if (p.commercial) w.key("commercial").boolean(*p.commercial);
    w.key("evidence");
    span(p.evidence);
    w.end_object();
  }
  w.end_array();
  w.key("readiness").begin_object();
  w.key("applicable").boolean(d.readiness.applicable);
  w.key("ready").string(d.readiness.ready);
  w.key("unmet").begin_array();
  for (const auto& id : d.readiness.unmet) w.string(id);
  w.end_array();
  w.key("conditions").begin_array();
  for (const auto& c : d.readiness.conditions) {
    w.begin_object();
    w.key("id").string(c.id);
    w.key("status").string(icp::to_string(c.status));
    w.key("condition").string(choose(c.text_zh, c.text_en));
    w.key("detail").string(choose(c.detail_zh, c.detail_en));
    w.key("source").string(c.source);
    w.key("fact").string(c.fact);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.key("materials").begin_array();
  for (const auto& m : d.readiness.materials) {
    w.begin_object();
    w.key("id").string(m.id);
    w.key("text").string(choose(m.text_zh, m.text_en));
    w.end_object();
  }
  w.end_array();
  w.key("as_of").string(d.as_of);
  w.key("lang").string(lang);
  w.key("version").string(version);
  w.key("lexicon_hash").string(lexicon_hash);
  w.end_object();
}

}  // namespace icp::common
