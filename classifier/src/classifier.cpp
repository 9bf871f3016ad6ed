// Classifier: wires the lexicon, the text pipeline and the decision tree.
#include "icp/classifier.hpp"

#include "decide/decide.hpp"
#include "lexicon.hpp"
#include "signals/compiled_lexicon.hpp"
#include "signals/extract.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace icp {
namespace {

lexicon::Lexicon load(const Options& options) {
  auto lexicon = options.lexicon_dir.empty() ? lexicon::load_builtin() : lexicon::load_directory(options.lexicon_dir);
  for (const auto& path : options.user_lexicons) lexicon::add_user_phrases(lexicon, lexicon::read_file(path));
  return lexicon;
}

}  // namespace

struct Classifier::Impl {
  explicit Impl(const Options& options) : lexicon(load(options)), compiled(lexicon, normalizer) {}

  text::Normalizer normalizer;
  text::WordSegmenter segmenter;
  lexicon::Lexicon lexicon;
  signals::CompiledLexicon compiled;
};

Classifier::Classifier(const Options& options) : impl_(std::make_unique<const Impl>(options)) {}
Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

Decision Classifier::classify(std::string_view text) const {
  const auto normalized = impl_->normalizer.normalize(text);
  const auto signals = signals::extract(normalized, impl_->compiled, impl_->segmenter);
  auto decision = decide::decide(signals, normalized, text);
  if (normalized.text.empty())
    decision.notes.push_back(
        {"empty_text", "输入为空或只有空白、标记", "The input is empty or only whitespace and markup"});
  return decision;
}

const std::string& Classifier::lexicon_hash() const noexcept {
  return impl_->lexicon.hash;
}
std::size_t Classifier::phrase_count() const noexcept {
  return impl_->lexicon.phrases.size();
}

const char* version() noexcept {
  return ICP_VERSION;
}

}  // namespace icp
