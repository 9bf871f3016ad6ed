// Clause and word boundaries over normalised UTF-8 text.
#pragma once

#include <cstddef>
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

// ICU dictionary word boundaries (locale zh). Thread-safe: each thread uses
// its own clone of the break iterator.
class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Byte offsets (relative to `utf8`) of every word boundary, ascending,
  // including 0 and utf8.size().
  std::vector<std::size_t> boundaries(std::string_view utf8) const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace icp::text
