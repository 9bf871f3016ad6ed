#include "signals/compiled_lexicon.hpp"

#include <map>
#include <utility>

#include "facts/from_text.hpp"
#include "icp/errors.hpp"

namespace icp::signals {
namespace {

std::vector<lexicon::SignalInfo> check_signals(const lexicon::Lexicon& lexicon) {
  std::vector<lexicon::SignalInfo> infos(kSignalCount);
  std::vector<bool> defined(kSignalCount, false);
  for (const auto& info : lexicon.signals) {
    auto signal = from_name(info.id);
    if (!signal) throw LexiconError("signals.tsv", 0, "signal \"" + info.id + "\" is not known to the decision tree");
    infos[static_cast<std::size_t>(*signal)] = info;
    defined[static_cast<std::size_t>(*signal)] = true;
  }
  for (std::size_t i = 0; i < kSignalCount; ++i)
    if (!defined[i]) throw LexiconError("signals.tsv", 0, "signal \"" + std::string(kSignalNames[i]) + "\" is missing");
  return infos;
}

std::size_t code_points(const std::string& utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

// Normalises every phrase and keeps one entry per (text, signal), the
// heaviest, so a phrase listed in both scripts is counted once.
std::vector<CompiledPhrase> compile(const lexicon::Lexicon& lexicon, const text::Normalizer& normalizer) {
  std::map<std::pair<std::string, Signal>, int> weights;
  for (const auto& entry : lexicon.phrases) {
    std::string text = normalizer.normalize_phrase(entry.phrase);
    if (text.empty()) throw LexiconError(entry.file, entry.line, "phrase is empty after normalisation");
    auto key = std::make_pair(std::move(text), *from_name(entry.signal));
    auto& weight = weights[key];
    weight = std::max(weight, entry.weight);
  }
  std::vector<CompiledPhrase> phrases;
  phrases.reserve(weights.size());
  for (auto& [key, weight] : weights) phrases.push_back({key.first, key.second, weight, code_points(key.first) == 1});
  return phrases;
}

std::vector<std::string> texts(const std::vector<CompiledPhrase>& phrases) {
  std::vector<std::string> out;
  out.reserve(phrases.size());
  for (const auto& p : phrases) out.push_back(p.text);
  return out;
}

}  // namespace

CompiledLexicon::CompiledLexicon(const lexicon::Lexicon& lexicon, const text::Normalizer& normalizer)
    : infos_(check_signals(lexicon)),
      phrases_(compile(lexicon, normalizer)),
      matcher_(texts(phrases_), facts::keywords()) {}

}  // namespace icp::signals
