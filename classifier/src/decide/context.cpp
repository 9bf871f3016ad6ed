#include "decide/context.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "decide/rules.hpp"

namespace icp::decide {
template <typename Keep>
HitList Context::collect(std::initializer_list<Signal> list, Keep keep) const {
  HitList out(&pool_);
  const Hit* const hits = signals.hits().data();
  std::size_t lists = 0;
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (std::find(list.begin(), it, *it) != it) continue;  // a signal asked for twice
    const auto before = out.size();
    for (const std::uint32_t i : signals.of(*it))
      if (keep(hits[i])) out.push_back(&hits[i]);
    lists += out.size() > before;
  }
  // In text order, as the hits are: the index of each signal's hits is.
  if (lists > 1) std::sort(out.begin(), out.end());
  return out;
}

int Context::sum(int (signals::SignalSet::*count)(Signal) const, std::initializer_list<Signal> list) const {
  int total = 0;
  for (auto s : list) total += (signals.*count)(s);
  return total;
}

HitList Context::affirmed_hits(std::initializer_list<Signal> list) const {
  return collect(list, [](const Hit& h) { return h.affirmed(); });
}
HitList Context::negated_hits(std::initializer_list<Signal> list) const {
  return collect(list, [](const Hit& h) { return h.negated && !h.past; });
}
HitList Context::planned_hits(std::initializer_list<Signal> list) const {
  return collect(list, [](const Hit& h) { return h.planned && !h.negated; });
}

Span Context::source_span(std::size_t begin, std::size_t end, std::string_view signal) const {
  auto [from, to] = text.to_source(begin, end);
  Span s;
  s.begin = from;
  s.end = to;
  s.text = std::string(original.substr(from, to - from));
  s.signal = signal;
  s.begin_char = chars_.at(from);
  s.end_char = chars_.at(to);
  return s;
}

Span Context::span(const Hit& hit) const {
  Span s = source_span(hit.begin, hit.end, signals::name(hit.signal));
  s.negated = hit.negated;
  s.planned = hit.planned;
  return s;
}

Span Context::span(const permits::Held& permit) const {
  return source_span(permit.begin, permit.end, permits::evidence_signal(permit.kind));
}

bool Context::in_force(RuleId rule) const {
  const RuleVersion* v = rule_at(rule, day);
  if (v == nullptr) return false;
  // Its citation must be in force too (a text not yet issued is no ground).
  for (const auto& c : all_citations().subspan(v->citation, v->citation_count))
    if (within(day, c.valid_from, c.valid_to)) return true;
  return false;
}

void Context::trace_held(RuleId rule, const permits::Held& permit, std::span<const Hit* const> evidence) {
  trace(rule, evidence);
  decision.trace.back().evidence.push_back(span(permit));
}

void Context::trace(RuleId rule, std::span<const Hit* const> evidence) {
  // rules_gen makes the code ask in_force() for every rule that has not
  // always been in force; one traced without asking shows its nearest version.
  const RuleVersion* found = rule_at(rule, day);
  const auto versions = versions_of(rule);
  const RuleVersion& r = found ? *found : day < versions.front().valid_from.value ? versions.front() : versions.back();
  TraceStep step;
  step.step = r.step;
  step.rule = r.id;
  step.basis = r.basis;
  step.citation = citation_at(r, day);
  step.reason_zh = r.reason_zh;
  step.reason_en = r.reason_en;
  step.valid_from = r.valid_from.text;
  step.valid_to = r.valid_to.text;
  step.evidence.reserve(evidence.size());
  for (const Hit* h : evidence) {
    // One span per phrase text is enough for the report (compared before
    // anything is copied).
    auto [begin, end] = text.to_source(h->begin, h->end);
    const std::string_view phrase = original.substr(begin, end - begin);
    const std::string_view signal = signals::name(h->signal);
    bool seen = std::any_of(step.evidence.begin(), step.evidence.end(),
                            [&](const Span& e) { return e.text == phrase && e.signal == signal; });
    if (seen) continue;
    Span& s = step.evidence.emplace_back();
    s.begin = begin;
    s.end = end;
    s.begin_char = chars_.at(begin);
    s.end_char = chars_.at(end);
    s.text = std::string(phrase);
    s.signal = signal;
    s.negated = h->negated;
    s.planned = h->planned;
  }
  decision.trace.push_back(std::move(step));
}

void Context::note(std::string_view id, std::string_view zh, std::string_view en) {
  for (const auto& n : decision.notes)
    if (n.id == id) return;
  decision.notes.push_back({id, std::string(zh), std::string(en)});
}

void Context::ask(std::string_view id, std::string_view zh, std::string_view en) {
  for (const auto& q : decision.missing_facts)
    if (q.id == id) return;
  decision.missing_facts.push_back({id, zh, en});
}

}  // namespace icp::decide
