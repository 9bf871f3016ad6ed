// The lexicon made ready for matching: phrases normalised like the input,
// deduplicated, and compiled into one automaton with the facts' keywords
// (facts::keywords()), so that one pass over a text finds both.
#pragma once

#include <string>
#include <string_view>
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

// What one pass of the automaton finds in a normalised text, each sorted as
// PhraseMatcher::find_all() sorts.
struct Found {
  std::vector<match::Match> phrases;   // the lexicon's: phrase ids index CompiledLexicon::phrase()
  std::vector<match::Match> keywords;  // the facts': phrase ids index facts::keywords()
};

class CompiledLexicon {
 public:
  // Checks that signals.tsv and the code agree (LexiconError otherwise).
  CompiledLexicon(const lexicon::Lexicon& lexicon, const text::Normalizer& normalizer);

  // Every occurrence of the phrases and of the keywords in `text` (both
  // vectors cleared first).
  void find(std::string_view text, Found& out) const { matcher_.find_all(text, out.phrases, out.keywords); }
  const CompiledPhrase& phrase(std::size_t index) const { return phrases_[index]; }
  const lexicon::SignalInfo& info(Signal s) const { return infos_[static_cast<std::size_t>(s)]; }

 private:
  std::vector<lexicon::SignalInfo> infos_;  // first: compiling phrases relies on the check
  std::vector<CompiledPhrase> phrases_;
  match::PhraseMatcher matcher_;
};

}  // namespace icp::signals
