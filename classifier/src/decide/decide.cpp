#include "decide/decide.hpp"

#include <algorithm>

#include "decide/steps.hpp"

namespace icp::decide {

Decision decide(const signals::SignalSet& signals, const text::NormalizedText& text, std::string_view original,
                const Facts& facts, std::span<const permits::Held> held, const scope::Reading& scope, int day) {
  Decision decision;
  Context c(signals, text, original, facts, held, decision, scope, day);
  step1_presence(c);
  if (c.found.presence != Presence::none) {
    step2_service(c);
    step4_detect_categories(c);
    step3_commercial(c);
    step3_apps_before_filing(c);
    step4_report_categories(c);
    step6_sectors(c);
    step5_news_permit(c);
  }
  step7_foreign(c);
  notes_beyond_brief(c);
  confidence_and_questions(c);

  // The report reads in the order of the steps.
  std::stable_sort(decision.trace.begin(), decision.trace.end(),
                   [](const TraceStep& a, const TraceStep& b) { return a.step < b.step; });
  const auto& hits = signals.hits();
  const std::size_t shown = std::min(hits.size(), Decision::kMaxEvidence);
  decision.evidence.reserve(shown);
  for (std::size_t i = 0; i < shown; ++i) decision.evidence.push_back(c.span(hits[i]));
  decision.evidence_omitted = hits.size() - shown;
  decision.held_permits.reserve(held.size());
  for (const auto& h : held) {
    auto [begin, end] = text.to_source(h.number_begin, h.number_end);
    decision.held_permits.push_back(
        {permits::name(h.kind), std::string(original.substr(begin, end - begin)), h.commercial, c.span(h)});
  }
  return decision;
}

}  // namespace icp::decide
