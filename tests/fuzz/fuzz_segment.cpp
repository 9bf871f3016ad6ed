// libFuzzer target: WordSegmenter::boundaries() — our own segmentation of
// simple text — against ICU's break iterator (icu_boundaries()), on what the
// signals layer gives it: the normalised text of arbitrary input, each
// clause and a piece of it. Any difference traps. (The unit tests check
// real and generated texts; this looks for the characters and orders they
// never show.)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace {

void same(const icp::text::WordSegmenter& segmenter, std::string_view text) {
  if (segmenter.boundaries(text) != segmenter.icu_boundaries(text)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const icp::text::Normalizer normalizer;
  static const icp::text::WordSegmenter segmenter;
  if (!segmenter.own_segmentation()) return 0;  // another ICU: nothing of ours to check
  const auto normalized = normalizer.normalize(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string_view text = normalized.text;
  same(segmenter, text);
  for (const auto& clause : icp::text::split_clauses(text)) {
    const std::string_view piece = text.substr(clause.begin, clause.end - clause.begin);
    same(segmenter, piece);
    // A window, as the signals layer cuts them: from the second character on.
    std::size_t second = 1;
    while (second < piece.size() && (static_cast<unsigned char>(piece[second]) & 0xC0) == 0x80) ++second;
    if (second < piece.size()) same(segmenter, piece.substr(second));
  }
  return 0;
}
