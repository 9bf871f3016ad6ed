// icp::Classifier: from a business description to an explained decision.
//
//   #include <icp/classifier.hpp>
//
//   const icp::Classifier classifier;  // built-in lexicon; build once, share
//   const icp::Decision d = classifier.classify("我们的论坛靠广告盈利");
//   // d.decision == icp::Outcome::license, d.categories == {3}
//
// Cost. Constructing a Classifier loads and compiles the lexicon (about a
// tenth of a second); classify() then takes well under a millisecond for a
// paragraph. Build one Classifier per lexicon and keep it for the life of the
// process rather than one per call.
//
// Thread-safety. A Classifier is immutable after construction. classify(),
// lexicon_hash() and phrase_count() are const and may be called concurrently
// from any number of threads on one shared instance without locking; the
// internal ICU state they need is either read-only or pooled per call.
// Constructing, moving from, assigning to or destroying a Classifier must not
// overlap with other calls on the same object (the usual rule for a value).
// Distinct Classifier objects are independent.
//
// Errors. Construction fails on bad input: a missing or malformed lexicon
// file throws icp::LexiconError (icp/errors.hpp), which names the file and
// line. classify() throws icp::TextTooLongError (a std::length_error) for a
// text longer than Options::max_text_bytes (1 MiB unless raised), before
// doing any work on it; otherwise it never throws because of the text:
// empty input, invalid UTF-8, control characters, markup and the like are
// handled and reported in Decision::notes. It can throw only what any
// allocation can (std::bad_alloc).
//
// Lifetimes. A Decision owns all its data (std::string copies of the
// evidence); it stays valid after the Classifier and the input text are gone.
// Options are copied during construction. The headers of this library use
// only the standard library; no ICU or Boost type appears in them.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "icp/decision.hpp"
#include "icp/errors.hpp"
#include "icp/export.h"
#include "icp/facts.hpp"

namespace icp {

// How to build a Classifier. The default (all fields empty) uses the lexicon
// compiled into the library and needs no files at run time.
// The largest description classify() takes by default, in bytes (1 MiB,
// the same limit as the command line and its batch mode). Descriptions are a
// few hundred characters; a megabyte is a pasted document, and time and
// memory grow with the text.
inline constexpr std::size_t kMaxTextBytes = std::size_t{1} << 20;

struct Options {
  // A folder laid out like data/lexicon (signals.tsv and phrases/*.tsv) that
  // replaces the built-in lexicon; empty means the built-in one. The
  // installed package ships a copy in share/icp_classifier/lexicon to start
  // from.
  std::string lexicon_dir;
  // Extra phrase files ("# icp-lexicon phrases v1"; need not be sorted) added
  // on top of the lexicon, in order: a client's own words. They change
  // lexicon_hash().
  std::vector<std::string> user_lexicons;
  // The longest text classify() accepts, in bytes; a longer one throws
  // icp::TextTooLongError at once. Raise it (at most 4 GiB - 1) to accept
  // more at the cost of time and memory in proportion.
  std::size_t max_text_bytes = kMaxTextBytes;
  // The date whose rules apply, "YYYY-MM-DD": the answer says what the law
  // said then (data/rules/: rules and citations with the dates they are in
  // force), e.g. "2019-06-01" for a client who launched then. Empty: today
  // (UTC). A malformed date throws icp::AsOfError from the
  // constructor; a date before 2000-09-25 (the Measures) or after the
  // newest change the data knows is answered with a note.
  std::string as_of;
};

class ICP_API Classifier {
 public:
  // Loads the lexicon named by `options` (or the built-in one) and compiles
  // it. Throws icp::LexiconError if a file cannot be read or is malformed
  // (what() reads "FILE:LINE: MESSAGE"), std::runtime_error if the ICU data
  // the pipeline needs is missing from the ICU installation.
  explicit Classifier(const Options& options = {});
  ~Classifier();
  // Moving transfers the loaded lexicon; the moved-from Classifier may only
  // be destroyed or assigned to.
  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;

  // Classifies one description: Chinese (Simplified or Traditional) or
  // English, UTF-8, plain text or markup, at most Options::max_text_bytes
  // (else icp::TextTooLongError). Invalid UTF-8 is replaced for
  // matching and noted ("invalid_utf8"); an empty text gives
  // Outcome::neither with the note "empty_text". Span offsets in the result
  // point into `text`. Thread-safe (see above); does not keep `text`.
  Decision classify(std::string_view text) const;

  // The same, with company facts (icp/facts.hpp): answers to the missing
  // facts change the decision where they should ("charges_users: no" turns a
  // presumed licence into a filing), and all facts feed Decision::readiness.
  // Facts given here override facts read from the text.
  Decision classify(std::string_view text, const Facts& facts) const;

  // The same, applying the rules in force on `as_of` ("YYYY-MM-DD") instead
  // of Options::as_of: one classifier answers for many dates (an eval table
  // of cases from different years, an audit). Throws icp::AsOfError for a
  // malformed date.
  Decision classify(std::string_view text, const Facts& facts, std::string_view as_of) const;

  // Options::as_of as given ("YYYY-MM-DD"), or "" when the rules of the day
  // of each classify() apply.
  const std::string& as_of() const;

  // The lexicon fingerprint: 16 hex digits over every lexicon file's bytes,
  // user phrase files included, in load order. Report it beside decisions so
  // an answer can be reproduced. Valid as long as the Classifier.
  const std::string& lexicon_hash() const noexcept;
  // How many phrases the lexicon holds (user phrases included).
  std::size_t phrase_count() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
  Decision classify_on(std::string_view text, const Facts& facts, int day) const;  // day: yyyymmdd, 0 today
};

// The library's version, e.g. "0.1.0" (the CMake package version). A static
// string.
ICP_API const char* version() noexcept;

}  // namespace icp
