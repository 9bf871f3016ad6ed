// Classifier: wires the lexicon, the text pipeline and the decision tree.
#include "icp/classifier.hpp"

#include "lexicon.hpp"

namespace icp {

struct Classifier::Impl {
  lexicon::Lexicon lexicon;
};

Classifier::Classifier(const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->lexicon = options.lexicon_dir.empty() ? lexicon::load_builtin() : lexicon::load_directory(options.lexicon_dir);
  for (const auto& path : options.user_lexicons) lexicon::add_user_phrases(impl->lexicon, lexicon::read_file(path));
  impl_ = std::move(impl);
}

Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

Decision Classifier::classify(std::string_view) const {
  return {};
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
