// From matched phrases to signals: drop matches that straddle words or sit
// inside a longer phrase, then apply the scope cues of each clause
// (negation, plans, maybes, the past).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "signals/compiled_lexicon.hpp"
#include "signals/signal.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace icp::signals {

struct Hit {
  Signal signal;
  int weight;
  std::uint32_t begin;  // normalised byte offsets
  std::uint32_t end;
  std::uint32_t phrase;  // index into the compiled lexicon
  bool negated = false;
  bool planned = false;
  bool maybe = false;
  bool past = false;
  bool offline = false;  // a fee paid offline ("咨询在线下进行并收费"): not for the online service
  // Stated as true now: not denied, not a plan, not a maybe, not the past, not offline.
  bool affirmed() const { return !negated && !planned && !maybe && !past && !offline; }
};

// A signal's strength: the weights of its distinct phrases, summed.
struct Strength {
  int affirmed = 0;
  int negated = 0;
  int planned = 0;
  int strongest = 0;  // the heaviest affirmed phrase's weight
};

class SignalSet {
 public:
  explicit SignalSet(std::vector<Hit> hits);

  const std::vector<Hit>& hits() const { return hits_; }
  const Strength& operator[](Signal s) const { return strengths_[static_cast<std::size_t>(s)]; }
  int affirmed(Signal s) const { return (*this)[s].affirmed; }
  int negated(Signal s) const { return (*this)[s].negated; }
  int planned(Signal s) const { return (*this)[s].planned; }

  // The indexes into hits() of one signal's hits, in text order: the steps
  // ask for a few signals' hits dozens of times a text, and a walk over every
  // hit each time was a tenth of the decision's time.
  std::span<const std::uint32_t> of(Signal s) const {
    const auto i = static_cast<std::size_t>(s);
    return std::span<const std::uint32_t>(by_signal_).subspan(first_[i], first_[i + 1] - first_[i]);
  }

  // The hits of one signal that pass `keep` (affirmed, negated, ...).
  template <typename Keep>
  std::vector<const Hit*> select(Signal s, Keep keep) const {
    std::vector<const Hit*> out;
    for (const std::uint32_t i : of(s))
      if (keep(hits_[i])) out.push_back(&hits_[i]);
    return out;
  }

 private:
  std::vector<Hit> hits_;
  std::array<Strength, kSignalCount> strengths_{};
  // Hit indexes grouped by signal (a counting sort): signal s's are
  // by_signal_[first_[s], first_[s + 1]).
  std::array<std::uint32_t, kSignalCount + 1> first_{};
  std::vector<std::uint32_t> by_signal_;
};

// Scope limits: a negation reaches this many characters past its cue.
inline constexpr int kNegationReach = 12;

// Adds `added` to `hits`, both sorted by begin; among equal begins the
// earlier hits come first, then the added ones in their order: what a stable
// sort of the two lists one after the other gives, without sorting `hits`
// again. The readers that add hits (scope, roles, prices) merge with it.
void merge_hits(std::vector<Hit>& hits, std::vector<Hit>& added);

// The hits of the lexicon's phrases, sorted by begin, before their strengths
// are summed: the readers that add hits (scope, roles, prices) take them
// from here, and the SignalSet is built once, at the end.
// `phrases`: the lexicon's phrases found in the text (CompiledLexicon::find).
std::vector<Hit> extract_hits(const text::NormalizedText& text, const CompiledLexicon& lexicon,
                              const text::WordSegmenter& segmenter, const std::vector<match::Match>& phrases);
// The same, as a SignalSet.
SignalSet extract(const text::NormalizedText& text, const CompiledLexicon& lexicon,
                  const text::WordSegmenter& segmenter, const std::vector<match::Match>& phrases);
// The same, finding the phrases itself.
SignalSet extract(const text::NormalizedText& text, const CompiledLexicon& lexicon,
                  const text::WordSegmenter& segmenter);

// Word checks segment only a window around each candidate phrase, between two
// dictionary cuts (see text::CjkDictionary), which gives the same boundaries
// as segmenting its whole clause, faster (1.3x on the benchmark's corpus).
// Tests and the benchmark switch to the whole-clause reference path with this
// (process-wide).
void set_full_clause_segmentation(bool on);

}  // namespace icp::signals
