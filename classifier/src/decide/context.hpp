// What the steps of the decision share: the signals of one text, the
// decision being built, and what earlier steps found.
#pragma once

#include <array>
#include <initializer_list>
#include <memory_resource>
#include <span>
#include <string_view>
#include <vector>

#include "decide/rules.hpp"
#include "icp/decision.hpp"
#include "icp/facts.hpp"
#include "permits/held_permits.hpp"
#include "scope/business_scope.hpp"
#include "signals/extract.hpp"
#include "text/char_offsets.hpp"
#include "text/normalize.hpp"

namespace icp::decide {

using signals::Hit;
using signals::Signal;

// Evidence for one rule: a handful of hits. The Context's lists come from
// its own arena, not the heap (a text asks for dozens of them).
using HitList = std::pmr::vector<const Hit*>;

// The decision's date when none is given: a Context made by a test.
inline constexpr int kToday = 99991231;

// A text with no business scope in it.
inline const scope::Reading kNoScope{};

enum class Presence { own, planned, none };

// How step 3 decided, which sets the confidence.
enum class Ground {
  none,           // no online presence
  explicit_pay,   // the text says who pays
  ads_only,       // advertising is the only income named
  planned,        // charging or ads are planned
  presumed,       // platform, payer unstated
  free_no_ads,    // explicitly free and without ads
  nonprofit,      // public or non-profit operator
  individual,     // a person's own site or mini-program, payer unstated
  own_content,    // brochure, own goods, own services
  scope_b25,      // the business scope registers B25
  scope_telecom,  // the business scope registers a telecom licence, kind unnamed
  held_licence,   // the text gives the number of a licence it holds (京ICP证…号, B2-…)
};

struct Findings {
  Presence presence = Presence::none;
  bool presence_explicit = false;  // neither: the text says so (third-party only, offline app)
  bool miniprogram_only = false;
  bool marketplace = false;
  bool trade = false;
  bool own_info = false;
  bool own_customers = false;
  bool own_customer_talk = false;  // category 4 words are the company talking with its own customers
  std::array<bool, 6> category{};  // [1]..[5]
  bool strong_platform = false;    // a category with decisive evidence
  bool any_platform = false;
  bool online_game = false;  // the company runs an online game (domain.md's convention: commercial)
  Ground ground = Ground::none;
  bool decided_by_fact = false;  // step 1 or 3 rests on a fact the caller gave
};

class Context {
 public:
  Context(const signals::SignalSet& signals, const text::NormalizedText& text, std::string_view original,
          const Facts& facts, std::span<const permits::Held> held, Decision& decision,
          const scope::Reading& scope = kNoScope, int day = kToday)
      : signals(signals),
        text(text),
        original(original),
        facts(facts),
        held(held),
        decision(decision),
        scope(scope),
        day(day),
        chars_(original) {}

  const signals::SignalSet& signals;
  const text::NormalizedText& text;
  std::string_view original;
  const Facts& facts;                   // given by the caller or read from the text; given ones win
  std::span<const permits::Held> held;  // licences and filings the text shows are held
  Decision& decision;
  const scope::Reading& scope;  // the business scope in the text, if any
  int day;                      // the date whose rules apply (yyyymmdd): --as-of, or today
  Findings found;

  int affirmed(Signal s) const { return signals.affirmed(s); }
  int negated(Signal s) const { return signals.negated(s); }
  int planned(Signal s) const { return signals.planned(s); }
  int affirmed_sum(std::initializer_list<Signal> list) const { return sum(&signals::SignalSet::affirmed, list); }
  int negated_sum(std::initializer_list<Signal> list) const { return sum(&signals::SignalSet::negated, list); }
  int planned_sum(std::initializer_list<Signal> list) const { return sum(&signals::SignalSet::planned, list); }

  // Hits of these signals, as evidence: affirmed, negated or planned ones.
  HitList affirmed_hits(std::initializer_list<Signal> list) const;
  HitList negated_hits(std::initializer_list<Signal> list) const;
  HitList planned_hits(std::initializer_list<Signal> list) const;

  // The first permit held of this kind that passes `keep`, or nullptr.
  template <typename Keep>
  const permits::Held* held_permit(permits::Kind kind, Keep keep) const {
    for (const auto& h : held)
      if (h.kind == kind && keep(h)) return &h;
    return nullptr;
  }
  const permits::Held* held_permit(permits::Kind kind) const {
    return held_permit(kind, [](const permits::Held&) { return true; });
  }

  // Whether the rule was in force on the decision's date (rules.tsv's
  // valid_from and valid_to, and its citation's): the code asks before
  // applying a rule that has not always been in force.
  bool in_force(RuleId rule) const;
  // Appends the rule's trace entry with this evidence: the version of the
  // rule and of its citation in force on the decision's date.
  void trace(RuleId rule, std::span<const Hit* const> evidence);
  // Appends the rule's trace entry with a held permit (and these hits) as evidence.
  void trace_held(RuleId rule, const permits::Held& permit, std::span<const Hit* const> evidence = {});
  // Ids (and the questions asked) are viewed, not copied (see
  // icp/decision.hpp): pass static text. Note texts are copied.
  void note(std::string_view id, std::string_view zh, std::string_view en);
  void ask(std::string_view id, std::string_view zh, std::string_view en);

  Span span(const Hit& hit) const;
  Span span(const permits::Held& permit) const;

 private:
  // The caller's bytes of a normalised range, as a span of this signal.
  Span source_span(std::size_t begin, std::size_t end, std::string_view signal) const;
  int sum(int (signals::SignalSet::*count)(Signal) const, std::initializer_list<Signal> list) const;
  template <typename Keep>
  HitList collect(std::initializer_list<Signal> list, Keep keep) const;

  // Character offsets of the spans (Span::begin_char), in one pass for the evidence.
  mutable text::CharOffsets chars_;
  // Backs the HitLists of one decision; overflow goes to the heap.
  alignas(std::max_align_t) mutable std::array<std::byte, 4096> arena_;
  mutable std::pmr::monotonic_buffer_resource pool_{arena_.data(), arena_.size()};
};

}  // namespace icp::decide
