// icp::Classifier — from a business description to an explained decision.
//
//   icp::Classifier classifier;                 // built-in lexicon
//   icp::Decision d = classifier.classify("我们的论坛靠广告盈利");
//   // d.decision == icp::Outcome::license, d.categories == {3}
//
// Thread-safety: a Classifier is immutable after construction; classify() is
// const and may be called from many threads at once on one shared instance.
// Errors: construction throws icp::LexiconError (naming file and line) when a
// lexicon file is malformed; classify() never throws for bad text — empty
// input, invalid UTF-8 and the like are reported in Decision::notes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "icp/decision.hpp"
#include "icp/errors.hpp"

namespace icp {

struct Options {
  // Folder of lexicon TSV files that replaces the built-in lexicon; empty
  // means the lexicon compiled into the library.
  std::string lexicon_dir;
  // Extra phrase files added on top of the lexicon (a client's own words).
  std::vector<std::string> user_lexicons;
};

class Classifier {
 public:
  explicit Classifier(const Options& options = {});
  ~Classifier();
  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;

  // Classifies one description (UTF-8; invalid bytes are replaced and noted).
  Decision classify(std::string_view text) const;

  // A hex fingerprint of the lexicon in use (files and user phrases).
  const std::string& lexicon_hash() const noexcept;
  std::size_t phrase_count() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

// The library's version, e.g. "0.1.0".
const char* version() noexcept;

}  // namespace icp
