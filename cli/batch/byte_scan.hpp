// Finding the bytes that matter to CSV (, " CR LF) or to JSON (controls, ", \)
// in long runs of text.
// Fields are mostly hundreds of bytes without any: sixteen bytes are looked
// at per step (SSE2, on every x86-64), or one at a time elsewhere.
// Header-only, standard library only (the fuzz target builds the reader and
// writer on their own).
#pragma once

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace icp::cli::batch {

#if defined(__SSE2__)
namespace detail {
// Bit k set: byte k of the sixteen at `p` is one of `Cs`.
template <char... Cs>
inline unsigned hits16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hit = _mm_setzero_si128();
  ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
}  // namespace detail
#endif

// Offset of the first byte of p[0, n) that is one of `Cs`, or n.
template <char... Cs>
inline std::size_t find_any_of(const char* p, std::size_t n) {
#if defined(__SSE2__)
  if (n >= 16) {
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16)
      if (const unsigned mask = detail::hits16<Cs...>(p + i)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    if (i == n) return n;
    // The last sixteen bytes, overlapping ones already seen (which hold none).
    if (const unsigned mask = detail::hits16<Cs...>(p + n - 16))
      return n - 16 + static_cast<std::size_t>(__builtin_ctz(mask));
    return n;
  }
#endif
  for (std::size_t i = 0; i < n; ++i)
    if (((p[i] == Cs) || ...)) return i;
  return n;
}

// Offset of the first byte of p[0, n) that is `a`, `b` or `c` (chosen at run
// time: the CSV reader's delimiter), or n.
inline std::size_t find_any_of3(const char* p, std::size_t n, char a, char b, char c) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_or_si128(_mm_cmpeq_epi8(v, vb), _mm_cmpeq_epi8(v, vc)));
    if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)))
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < n; ++i)
    if (p[i] == a || p[i] == b || p[i] == c) return i;
  return n;
}

// Offset of the first byte of p[0, n) that a JSON string must escape (a
// control character below 0x20, a quote or a backslash), or n.
inline std::size_t find_json_escape(const char* p, std::size_t n) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // v <= 0x1F, unsigned: min(v, 0x1F) == v.
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, below), v),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)))
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return n;
}

}  // namespace icp::cli::batch
