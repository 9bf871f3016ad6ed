// Many-phrase matcher (Aho–Corasick over UTF-8 characters), the shape of
// RE2::Set: add phrases, build once, then find every occurrence in a text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace icp::match {

struct Match {
  std::uint32_t begin = 0;  // byte offsets into the searched text
  std::uint32_t end = 0;
  std::uint32_t phrase = 0;  // index of the phrase in the order given
};

// Immutable after construction; find_all() is const and thread-safe.
class PhraseMatcher {
 public:
  // Phrases are UTF-8, non-empty; duplicates are allowed (each reports).
  explicit PhraseMatcher(const std::vector<std::string>& phrases);

  // Two phrase sets in one automaton, so that one pass over a text finds
  // both (the lexicon's phrases and the facts' keywords). The two-output
  // find_all() numbers each set's phrases from 0; the one-output find_all()
  // numbers them in the order first, then second.
  PhraseMatcher(const std::vector<std::string>& first, const std::vector<std::string>& second);

  // Every occurrence, overlapping ones included, sorted by begin, then by
  // longer first (then by phrase index). `out` is cleared first. A phrase
  // that starts (ends) with an ASCII letter or digit only matches where the
  // text has no ASCII letter or digit just before (after) it, so "app" does
  // not match inside "happy", nor in "apps" or "app2" (plurals need their own
  // phrase); "app" does match in "app会员" and "新app". CJK edges are free.
  // Matching is on bytes: phrases and text should both be normalised.
  void find_all(std::string_view text, std::vector<Match>& out) const;

  // The same, each set's occurrences into its own vector (both cleared).
  void find_all(std::string_view text, std::vector<Match>& first, std::vector<Match>& second) const;

  std::size_t size() const noexcept { return count_; }

 private:
  // Representation is the matcher's own business; keep it compact (the
  // batch command's memory budget is 64 MB for everything).
  struct Impl;
  std::shared_ptr<const Impl> impl_;
  std::size_t count_ = 0;
};

}  // namespace icp::match
