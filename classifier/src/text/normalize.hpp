// Normalisation: the caller's bytes → one canonical UTF-8 text to match on,
// with a map back to the caller's byte offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icp::text {

struct NormalizedText {
  // NFKC + case fold, Traditional → Simplified (only when the input has
  // Traditional characters), markup tags and entities removed, control
  // characters and whitespace runs folded to one ASCII space (dropped
  // between two CJK characters), invalid UTF-8 replaced by U+FFFD.
  // Line breaks (\n, \r\n, \r, U+2028/2029) and block-level tags such as
  // <br>, <p>, </p>, <div>, <li> become one '\n' (a clause boundary); other
  // tags and &nbsp; become a space. Leading/trailing whitespace is trimmed.
  std::string text;
  // source[i] is the offset in the caller's bytes of the character that
  // produced byte i of `text`; source[text.size()] is the input's size.
  std::vector<std::uint32_t> source;
  bool invalid_utf8 = false;           // replacement characters were inserted
  std::size_t first_invalid_byte = 0;  // caller offset of the first bad byte
  bool had_traditional = false;        // Traditional→Simplified was applied
  bool had_markup = false;             // HTML/XML tags were removed

  // Maps a normalised byte range [begin, end) to the caller's byte range:
  // from the start of the source text that produced byte `begin` to the end
  // of the source text that produced byte end-1 (a whole source character,
  // entity or normalisation segment; dropped material after it, e.g. a
  // space removed between two CJK characters, is not included). An empty
  // range maps to the empty range at source[begin].
  std::pair<std::size_t, std::size_t> to_source(std::size_t begin, std::size_t end) const;

 private:
  friend class Normalizer;
  // (text index k, source end) wherever source material was dropped just
  // before text byte k (or at the end, k == text.size()): the unit ending
  // before k ends at the recorded offset rather than at source[k]. Sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> gaps_;
};

// Thread-safe: normalize() is const and may run concurrently.
class Normalizer {
 public:
  Normalizer();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  NormalizedText normalize(std::string_view utf8) const;
  // The normalised text alone (for lexicon phrases).
  std::string normalize_phrase(std::string_view utf8) const;

 private:
  struct Impl;
  Impl* impl_;
};

// For tests: false makes normalize() take the character-by-character path
// everywhere, the reference that the plain path (runs of ASCII, Han and CJK
// punctuation copied in one loop) must equal byte for byte.
void set_plain_path(bool on);

}  // namespace icp::text
