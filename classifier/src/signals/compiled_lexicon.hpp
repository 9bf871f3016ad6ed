// The lexicon made ready for matching: phrases normalised like the input,
// deduplicated, and compiled into one automaton.
#pragma once

#include <string>
#include <vector>

#include "lexicon.hpp"
#include "match/phrase_matcher.hpp"
#include "signals/signal.hpp"
#include "text/normalize.hpp"

namespace icp::signals {

struct CompiledPhrase {
  std::string text;  // normalised
  Signal signal;
  int weight;
  bool single_char;  // one code point: must start at a word boundary
};

class CompiledLexicon {
 public:
  // Checks that signals.tsv and the code agree (LexiconError otherwise).
  CompiledLexicon(const lexicon::Lexicon& lexicon, const text::Normalizer& normalizer);

  const match::PhraseMatcher& matcher() const { return matcher_; }
  const CompiledPhrase& phrase(std::size_t index) const { return phrases_[index]; }
  const lexicon::SignalInfo& info(Signal s) const { return infos_[static_cast<std::size_t>(s)]; }

 private:
  std::vector<lexicon::SignalInfo> infos_;  // first: compiling phrases relies on the check
  std::vector<CompiledPhrase> phrases_;
  match::PhraseMatcher matcher_;
};

}  // namespace icp::signals
