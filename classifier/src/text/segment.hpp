// Clause and word boundaries over normalised UTF-8 text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace icp::text {

// A clause: the text between clause punctuation (。！？；，,;!?:：… and line
// breaks; an ASCII '.' too unless an ASCII letter or digit follows it, so
// "3.5" and "www.a.com" stay whole). The enumeration comma 、 does not split
// ("没有网站、APP" is one clause). Clauses exclude the punctuation and
// surrounding spaces; empty ones are skipped. ICU has no clause iterator;
// negation and plans are scoped to one.
struct Clause {
  std::size_t begin = 0;  // byte offsets into the normalised text
  std::size_t end = 0;
};
std::vector<Clause> split_clauses(std::string_view normalized);
// The clause of split_clauses that holds byte `at`, found by scanning out
// from `at` only (for callers that read a few clauses of a long text).
Clause clause_around(std::string_view normalized, std::size_t at);

// ICU's CJK word dictionary (brkitr/cjdict, the one its word breaker uses).
// Its word breaker finds the cheapest path of dictionary words through each
// run of Han characters; where no dictionary word crosses a position between
// two Han characters (a "cut"), every path passes through it, so the breaker
// always breaks there and the text on either side segments as it would on
// its own. Segmenting between two cuts therefore gives exactly the boundaries
// that segmenting the whole clause gives there.
class CjkDictionary {
 public:
  CjkDictionary();  // available() is false when ICU's data lacks the dictionary
  ~CjkDictionary();
  CjkDictionary(const CjkDictionary&) = delete;
  CjkDictionary& operator=(const CjkDictionary&) = delete;

  bool available() const { return trie_ != nullptr; }
  // The end (byte offset) of the longest dictionary word that starts at byte
  // `i` of `utf8` and ends at or before `limit`; `i` if there is none. Walks
  // at most kMaxWordChars code points, like ICU.
  std::size_t longest_word_end(std::string_view utf8, std::size_t i, std::size_t limit) const;

  // The dictionary words that start at s[0], like ICU's
  // UCharsDictionaryMatcher::matches on Han text (BMP, one code unit per
  // character): their lengths in characters, ascending, and their values
  // (costs). Looks at most min(n, kMaxWordChars) characters. Returns the count.
  int words(const char16_t* s, int n, int* lengths, std::int32_t* values) const;

  static constexpr int kMaxWordChars = 20;

 private:
  // The trie's first step on each Han character (U+3400–U+9FFF), taken once
  // here: the root branch is the trie's widest, so this is most of a lookup.
  static constexpr char32_t kFirstHan = 0x3400, kLastHan = 0x9FFF;
  std::vector<std::uint64_t> first_state_;  // UCharsTrie::getState64() after the step
  std::vector<std::uint8_t> first_result_;  // its UStringTrieResult
  std::vector<std::int32_t> first_value_;   // the one-character word's value, if the result has one

  const char16_t* trie_ = nullptr;
  void* data_ = nullptr;  // UDataMemory*

  template <bool kValues, class Next, class Found>
  void walk(Next&& next, Found&& found) const;
};

// ICU dictionary word boundaries (locale zh). Thread-safe: each thread uses
// its own clone of the break iterator.
class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Byte offsets (relative to `utf8`) of every word boundary, ascending,
  // including 0 and utf8.size(). Text made only of characters whose word
  // break rules are simple (Han of U+3400–U+4DBF and U+4E00–U+9FFF, letters,
  // digits, most punctuation and symbols) is segmented here, by ICU's rules
  // and its CJK dictionary algorithm; anything else by ICU's break iterator.
  std::vector<std::size_t> boundaries(std::string_view utf8) const;
  // Always ICU's break iterator: the reference that boundaries() equals.
  std::vector<std::size_t> icu_boundaries(std::string_view utf8) const;
  // Whether boundaries() segments simple text itself: only with the ICU
  // version and word rules it was verified against (see segment.cpp).
  bool own_segmentation() const { return own_; }
  std::uint64_t icu_rules_hash() const;  // what segment.cpp compares

  const CjkDictionary& dictionary() const { return dictionary_; }

 private:
  CjkDictionary dictionary_;
  struct Impl;
  Impl* impl_;
  bool own_ = false;
};

// The benchmark's reference path: every WordSegmenter uses ICU's break
// iterator, as if its own segmentation were not verified. Answers do not
// change (the tests prove the two equal); only the speed does.
void set_icu_segmentation_only(bool on);

}  // namespace icp::text
