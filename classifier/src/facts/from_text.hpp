// Company facts stated in the description itself: "注册资本500万",
// "外方持股40%", "30来号人", "服务器在阿里云杭州", each with its evidence.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "icp/facts.hpp"
#include "match/phrase_matcher.hpp"
#include "text/normalize.hpp"

namespace icp::facts {

struct Found {
  std::string name;       // a fact name of the catalogue, or "headcount"
  std::size_t begin = 0;  // normalised byte range of the words that said it
  std::size_t end = 0;
};

struct FromText {
  Facts facts;
  std::optional<double> headcount;  // all staff ("30来号人"), not only the insured
  std::vector<Found> found;
};

// The keywords facts_from_text() looks for. The lexicon's automaton holds
// them as its second phrase set (signals::CompiledLexicon::find), so that
// one pass over a text finds them with the lexicon's phrases.
const std::vector<std::string>& keywords();

// `keywords`: every occurrence of keywords() in the text (phrase = index in
// keywords()), sorted as PhraseMatcher::find_all() reports them.
FromText facts_from_text(const text::NormalizedText& text, const std::vector<match::Match>& keywords);

}  // namespace icp::facts
