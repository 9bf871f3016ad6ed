// libFuzzer target: icp::Classifier::classify() on arbitrary bytes.
//
// The input is passed as text as it is: invalid UTF-8, NULs, lone surrogates
// and the like included. classify() must not crash or throw, and the Decision
// must keep the invariants documented in icp/decision.hpp; a violation traps.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "icp/classifier.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
// U+10FFFF. Only for such input must evidence text equal the input bytes.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (std::size_t k = 2; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

void check_spans(const std::vector<icp::Span>& spans, std::string_view input, bool utf8) {
  for (const auto& span : spans) {
    check(span.begin <= span.end);
    check(span.end <= input.size());
    if (utf8) check(span.text == input.substr(span.begin, span.end - span.begin));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const icp::Classifier classifier;  // built-in lexicon, built once
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const icp::Decision d = classifier.classify(input);

  check(d.confidence >= 0.0 && d.confidence <= 1.0);  // false for NaN too
  check(d.decision == icp::Outcome::license || d.decision == icp::Outcome::filing ||
        d.decision == icp::Outcome::neither);
  for (std::size_t i = 0; i < d.categories.size(); ++i) {
    check(d.categories[i] >= 1 && d.categories[i] <= 5);
    if (i > 0) check(d.categories[i - 1] < d.categories[i]);  // ascending, no repeats
  }

  const bool utf8 = valid_utf8(input);
  check_spans(d.evidence, input, utf8);
  for (const auto& step : d.trace) check_spans(step.evidence, input, utf8);
  for (const auto& pre : d.preapprovals) check_spans(pre.evidence, input, utf8);
  return 0;
}
