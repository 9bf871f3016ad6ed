#include "decide/context.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "decide/rules.hpp"

namespace icp::decide {
namespace {

template <typename Keep>
std::vector<const Hit*> collect(const signals::SignalSet& signals, std::initializer_list<Signal> list, Keep keep) {
  std::array<bool, signals::kSignalCount> wanted{};
  for (Signal s : list) wanted[static_cast<std::size_t>(s)] = true;
  std::vector<const Hit*> out;
  for (const auto& h : signals.hits())
    if (wanted[static_cast<std::size_t>(h.signal)] && keep(h)) out.push_back(&h);
  return out;
}

}  // namespace

int Context::affirmed_sum(std::initializer_list<Signal> list) const {
  int sum = 0;
  for (auto s : list) sum += signals.affirmed(s);
  return sum;
}
int Context::negated_sum(std::initializer_list<Signal> list) const {
  int sum = 0;
  for (auto s : list) sum += signals.negated(s);
  return sum;
}
int Context::planned_sum(std::initializer_list<Signal> list) const {
  int sum = 0;
  for (auto s : list) sum += signals.planned(s);
  return sum;
}

std::vector<const Hit*> Context::affirmed_hits(std::initializer_list<Signal> list) const {
  return collect(signals, list, [](const Hit& h) { return h.affirmed(); });
}
std::vector<const Hit*> Context::negated_hits(std::initializer_list<Signal> list) const {
  return collect(signals, list, [](const Hit& h) { return h.negated && !h.past; });
}
std::vector<const Hit*> Context::planned_hits(std::initializer_list<Signal> list) const {
  return collect(signals, list, [](const Hit& h) { return h.planned && !h.negated; });
}

Span Context::span(const Hit& hit) const {
  auto [begin, end] = text.to_source(hit.begin, hit.end);
  Span s;
  s.begin = begin;
  s.end = end;
  s.text = std::string(original.substr(begin, end - begin));
  s.signal = std::string(signals::name(hit.signal));
  s.negated = hit.negated;
  s.planned = hit.planned;
  return s;
}

void Context::trace(std::string_view rule_id, const std::vector<const Hit*>& evidence) {
  const Rule& r = rule(rule_id);
  TraceStep step;
  step.step = r.step;
  step.rule = std::string(r.id);
  step.basis = r.basis;
  step.citation = std::string(r.citation);
  step.reason_zh = std::string(r.reason_zh);
  step.reason_en = std::string(r.reason_en);
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
    s.text = std::string(phrase);
    s.signal = std::string(signal);
    s.negated = h->negated;
    s.planned = h->planned;
  }
  decision.trace.push_back(std::move(step));
}

void Context::note(std::string_view id, std::string_view zh, std::string_view en) {
  for (const auto& n : decision.notes)
    if (n.id == id) return;
  decision.notes.push_back({std::string(id), std::string(zh), std::string(en)});
}

void Context::ask(std::string_view id, std::string_view zh, std::string_view en) {
  for (const auto& q : decision.missing_facts)
    if (q.id == id) return;
  decision.missing_facts.push_back({std::string(id), std::string(zh), std::string(en)});
}

}  // namespace icp::decide
