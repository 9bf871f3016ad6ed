// Clause splitting (byte scan) and ICU word boundaries over UTF-8 text.
#include "text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

namespace icp::text {

namespace {

bool is_ascii_alnum(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

bool is_blank(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\r';
}

// Length of the clause punctuation at s[i], 0 if none.
std::size_t clause_mark(const unsigned char* s, std::size_t n, std::size_t i) {
  const unsigned char b = s[i];
  switch (b) {
    case ',':
    case ';':
    case '!':
    case '?':
    case ':':
    case '\n':
    case '\r':
      return 1;
    case '.':
      // A full stop, not a decimal point or a dot inside a name/URL.
      return (i + 1 >= n || !is_ascii_alnum(s[i + 1])) ? 1 : 0;
    case 0xE3:  // 。 U+3002
      return (i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x82) ? 3 : 0;
    case 0xE2:  // … U+2026
      return (i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xA6) ? 3 : 0;
    case 0xEF:  // ！ U+FF01, ， U+FF0C, ： U+FF1A, ； U+FF1B, ？ U+FF1F, ｡ U+FF61
      if (i + 2 < n && s[i + 1] == 0xBC) {
        const unsigned char c = s[i + 2];
        if (c == 0x81 || c == 0x8C || c == 0x9A || c == 0x9B || c == 0x9F) return 3;
      }
      if (i + 2 < n && s[i + 1] == 0xBD && s[i + 2] == 0xA1) return 3;
      return 0;
    default:
      return 0;
  }
}

// The bytes among the eight at p that may start a clause mark, as their top
// bits (in memory order from the lowest): ASCII below 0x40 (the ASCII marks
// are), and E2, E3, EF (leads of …, 。 and the full-width marks). A byte
// below n (n <= 0x80) is found by the borrow into its top bit; a borrow can
// also flag bytes after a true one, never before, so the lowest flag is
// exact. 0 if there is none (or on a big-endian machine: no word scan).
std::uint64_t mark_candidates(const unsigned char* p) {
  if constexpr (std::endian::native != std::endian::little) return 1;
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto below = [](std::uint64_t x, unsigned n) { return (x - kOnes * n) & ~x & kHigh; };
  const std::uint64_t e2_e3 = v ^ (kOnes * 0xE2);  // 0 or 1 where E2 or E3
  const std::uint64_t ef = v ^ (kOnes * 0xEF);     // 0 where EF
  return below(v, 0x40) | below(e2_e3, 2) | below(ef, 1);
}

}  // namespace

std::vector<Clause> split_clauses(std::string_view normalized) {
  std::vector<Clause> out;
  const auto* s = reinterpret_cast<const unsigned char*>(normalized.data());
  const std::size_t n = normalized.size();
  out.reserve(n / 24 + 1);  // clauses run about ten characters: one allocation, not a doubling series
  auto add = [&](std::size_t b, std::size_t e) {
    while (b < e && is_blank(s[b])) ++b;
    while (e > b && is_blank(s[e - 1])) --e;
    if (b < e) out.push_back(Clause{b, e});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < n;) {
    // Eight bytes at a time to the next byte a clause mark can start with;
    // most of the text (Han) holds none.
    if (i + 8 <= n) {
      const std::uint64_t candidates = mark_candidates(s + i);
      if (candidates == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(candidates)) / 8;
    }
    const std::size_t m = clause_mark(s, n, i);
    if (m == 0) {
      ++i;
      continue;
    }
    add(start, i);
    i += m;
    start = i;
  }
  add(start, n);
  return out;
}

Clause clause_around(std::string_view normalized, std::size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(normalized.data());
  const std::size_t n = normalized.size();
  Clause c{0, n};
  // Both ways eight bytes at a time past bytes that start no clause mark, as
  // split_clauses does: most of a clause is Han.
  for (std::size_t i = std::min(at, n); i > 0 && c.begin == 0;) {
    // Back over eight bytes, or one by one through eight that hold a candidate.
    const std::size_t floor = i >= 8 ? i - 8 : 0;
    if (i >= 8 && mark_candidates(s + floor) == 0) {
      i = floor;
      continue;
    }
    for (; i > floor; --i)
      if (const std::size_t m = clause_mark(s, n, i - 1)) {
        c.begin = i - 1 + m;
        break;
      }
  }
  for (std::size_t i = at; i < n;) {
    if (i + 8 <= n) {
      const std::uint64_t candidates = mark_candidates(s + i);
      if (candidates == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(candidates)) / 8;  // the first candidate (exact)
    }
    if (clause_mark(s, n, i)) {
      c.end = i;
      break;
    }
    ++i;
  }
  while (c.begin < c.end && is_blank(s[c.begin])) ++c.begin;
  while (c.end > c.begin && is_blank(s[c.end - 1])) --c.end;
  return c;
}

// ---------------------------------------------------------------------------

CjkDictionary::CjkDictionary() {
  // The layout of ICU's .dict files (dictionarydata.h): int32 indexes, then
  // the trie; index 0 is the trie's offset, index 4 its type (1: UCharsTrie).
  UErrorCode ec = U_ZERO_ERROR;
  UDataMemory* data = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &ec);
  if (U_FAILURE(ec) || data == nullptr) return;
  const auto* indexes = static_cast<const int32_t*>(udata_getMemory(data));
  if (indexes == nullptr || (indexes[4] & 7) != 1 || indexes[5] != 0) {  // UCharsTrie, no transform
    udata_close(data);
    return;
  }
  data_ = data;
  trie_ = reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(indexes) + indexes[0]);
  first_state_.resize(kLastHan - kFirstHan + 1);
  first_result_.resize(kLastHan - kFirstHan + 1);
  first_value_.resize(kLastHan - kFirstHan + 1);
  icu::UCharsTrie trie(trie_);
  for (char32_t c = kFirstHan; c <= kLastHan; ++c) {
    const UStringTrieResult r = trie.firstForCodePoint(static_cast<UChar32>(c));
    first_result_[c - kFirstHan] = static_cast<std::uint8_t>(r);
    if (USTRINGTRIE_HAS_VALUE(r)) first_value_[c - kFirstHan] = trie.getValue();
    // After NO_MATCH or FINAL_VALUE the trie has no position to save.
    if (r == USTRINGTRIE_NO_VALUE || r == USTRINGTRIE_INTERMEDIATE_VALUE)
      first_state_[c - kFirstHan] = trie.getState64();
  }
}

CjkDictionary::~CjkDictionary() {
  if (data_) udata_close(static_cast<UDataMemory*>(data_));
}

namespace {

bool continues(UStringTrieResult r) {
  return r == USTRINGTRIE_NO_VALUE || r == USTRINGTRIE_INTERMEDIATE_VALUE;
}

// The trie's second step after a Han character, per thread: a direct-mapped
// cache keyed by the two code points (most lookups end at the second step).
struct PairCache {
  struct Entry {
    std::uint64_t key = 0;  // first << 32 | second; 0 = empty (0 is never a first character here)
    std::uint64_t state = 0;
    UStringTrieResult result = USTRINGTRIE_NO_MATCH;
    std::int32_t value = 0;  // when the result has one
  };
  static constexpr unsigned kBits = 12;
  std::vector<Entry> entries = std::vector<Entry>(std::size_t{1} << kBits);
  // Valid only while the dictionary data stays mapped: one per dictionary.
  const char16_t* trie = nullptr;

  Entry& slot(std::uint64_t key) {
    const auto h = static_cast<std::uint32_t>((key >> 32) * 0x9E3779B1u) ^ static_cast<std::uint32_t>(key);
    return entries[(h * 0x85EBCA6Bu) >> (32 - kBits)];
  }
};

PairCache* fresh_pair_cache(const char16_t* trie);

// The thread's cache for `trie`. A plain pointer reaches it without the
// guard a thread_local object with a constructor costs on every access.
thread_local PairCache* t_pair_cache = nullptr;

PairCache& pair_cache(const char16_t* trie) {
  PairCache* cache = t_pair_cache;
  if (cache == nullptr || cache->trie != trie) [[unlikely]]
    cache = fresh_pair_cache(trie);
  return *cache;
}

PairCache* fresh_pair_cache(const char16_t* trie) {
  thread_local PairCache cache;
  std::fill(cache.entries.begin(), cache.entries.end(), PairCache::Entry{});
  cache.trie = trie;
  t_pair_cache = &cache;
  return &cache;
}

}  // namespace

// Walks the trie along the characters that next() yields (a code point, or
// -1 at the end), calling found(length, value) at each dictionary word, as
// ICU's UCharsDictionaryMatcher::matches does; `value` is 0 unless kValues.
// The first two steps from a Han character come from tables (first_*_ and
// the per-thread pair cache), so most walks touch no trie object at all.
template <bool kValues, class Next, class Found>
void CjkDictionary::walk(Next&& next, Found&& found) const {
  const UChar32 first = next();
  if (first < 0) return;
  std::uint64_t state;
  int chars;
  if (first >= static_cast<UChar32>(kFirstHan) && first <= static_cast<UChar32>(kLastHan)) {
    const auto f = static_cast<std::size_t>(first) - kFirstHan;
    const auto r = static_cast<UStringTrieResult>(first_result_[f]);
    if (USTRINGTRIE_HAS_VALUE(r)) found(1, first_value_[f]);
    if (!continues(r)) return;
    const UChar32 second = next();
    if (second < 0) return;
    const std::uint64_t key = (static_cast<std::uint64_t>(first) << 32) | static_cast<std::uint32_t>(second);
    auto& e = pair_cache(trie_).slot(key);
    if (e.key != key) {
      icu::UCharsTrie trie(trie_);
      trie.resetToState64(first_state_[f]);
      e.key = key;
      e.result = trie.nextForCodePoint(second);
      e.state = continues(e.result) ? trie.getState64() : 0;
      e.value = USTRINGTRIE_HAS_VALUE(e.result) ? trie.getValue() : 0;
    }
    if (USTRINGTRIE_HAS_VALUE(e.result)) found(2, e.value);
    if (!continues(e.result)) return;
    state = e.state;
    chars = 2;
  } else {
    icu::UCharsTrie trie(trie_);
    const UStringTrieResult r = trie.firstForCodePoint(first);
    if (USTRINGTRIE_HAS_VALUE(r)) found(1, kValues ? trie.getValue() : 0);
    if (!continues(r)) return;
    state = trie.getState64();
    chars = 1;
  }
  icu::UCharsTrie trie(trie_);
  trie.resetToState64(state);
  while (chars < kMaxWordChars) {
    const UChar32 c = next();
    if (c < 0) return;
    ++chars;
    const UStringTrieResult r = trie.nextForCodePoint(c);
    if (USTRINGTRIE_HAS_VALUE(r)) found(chars, kValues ? trie.getValue() : 0);
    if (!continues(r)) return;
  }
}

int CjkDictionary::words(const char16_t* s, int n, int* lengths, std::int32_t* values) const {
  if (!trie_) return 0;
  int count = 0, k = 0;
  walk<true>([&] { return k < n ? static_cast<UChar32>(s[k++]) : -1; },
             [&](int length, std::int32_t value) {
               lengths[count] = length;
               values[count++] = value;
             });
  return count;
}

std::size_t CjkDictionary::longest_word_end(std::string_view utf8, std::size_t i, std::size_t limit) const {
  std::size_t best = i;
  if (!trie_) return best;
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  std::size_t k = i;
  // Decodes the next code point before `limit` (the text is valid UTF-8: normalised).
  auto next = [&]() -> UChar32 {
    if (k >= limit) return -1;
    const unsigned char b = s[k];
    UChar32 c;
    std::size_t len;
    if ((b & 0xF0) == 0xE0) {  // three bytes, as Han is: first
      c = ((b & 0x0F) << 12) | ((s[k + 1] & 0x3F) << 6) | (s[k + 2] & 0x3F), len = 3;
    } else if (b < 0x80) {
      c = b, len = 1;
    } else if (b < 0xE0) {
      c = ((b & 0x1F) << 6) | (s[k + 1] & 0x3F), len = 2;
    } else {
      c = ((b & 0x07) << 18) | ((s[k + 1] & 0x3F) << 12) | ((s[k + 2] & 0x3F) << 6) | (s[k + 3] & 0x3F), len = 4;
    }
    if (k + len > limit) return -1;
    k += len;
    return c;
  };
  walk<false>(next, [&](int, std::int32_t) { best = k; });
  return best;
}

// ---------------------------------------------------------------------------

namespace {

// Word break classes of the characters boundaries() segments itself: those
// whose rules in ICU's word.txt reduce to the pairs in joins() below. Any
// other character (Extend, Format, ZWJ, line breaks, Katakana, Hiragana,
// Hebrew, Hangul, other ideographs, complex-context scripts, regional
// indicators) sends the text to ICU.
enum WordClass : std::uint8_t {
  kUnknown,  // not looked up yet (WordClasses)
  kUnsupported,
  kOther,  // no rule joins it to anything (Double_Quote too: its rules need Hebrew letters)
  kHan,    // U+3400–U+4DBF, U+4E00–U+9FFF: chained, then divided by the CJK dictionary
  kLetter,
  kNumeric,
  kMidLetter,
  kMidNumLet,
  kMidNum,
  kSingleQuote,
  kExtendNumLet,
  kSpace,  // WSegSpace
};

bool is_dictionary_han(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

WordClass classify(UChar32 c) {
  if (is_dictionary_han(c)) return kHan;
  // ICU's word rules (RuleBasedBreakIterator::getRules()) tailor two classes:
  // $ALetter = [\p{Word_Break=ALetter}@], $MidLetter = [\p{Word_Break=MidLetter}-[\:\uFE55\uFF1A]].
  if (c == '@') return kLetter;
  if (c == ':' || c == 0xFE55 || c == 0xFF1A) return kOther;
  UErrorCode ec = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &ec);
  if (U_FAILURE(ec) || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
      u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || (c >= 0xAC00 && c <= 0xD7A3) ||
      u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT)
    return kUnsupported;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:
      return kOther;
    case U_WB_ALETTER:
      return kLetter;
    case U_WB_NUMERIC:
      return kNumeric;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUMLET:
      return kMidNumLet;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_SINGLE_QUOTE:
      return kSingleQuote;
    case U_WB_EXTENDNUMLET:
      return kExtendNumLet;
    case U_WB_WSEGSPACE:
      return kSpace;
    default:
      return kUnsupported;
  }
}

// The class of each BMP character, asked of ICU the first time it is seen
// (by any thread: they all store the same value) rather than all up front.
class WordClasses {
 public:
  WordClass operator()(UChar32 c) const {
    if (c > 0xFFFF) return classify(c);
    auto& slot = known_[static_cast<std::size_t>(c)];
    auto k = static_cast<WordClass>(slot.load(std::memory_order_relaxed));
    if (k == kUnknown) {
      k = classify(c);
      slot.store(k, std::memory_order_relaxed);
    }
    return k;
  }

 private:
  std::unique_ptr<std::atomic<std::uint8_t>[]> known_ { new std::atomic<std::uint8_t>[ 0x10000 ]() };
};

bool mid_letter(WordClass k) {
  return k == kMidLetter || k == kMidNumLet || k == kSingleQuote;
}
bool mid_num(WordClass k) {
  return k == kMidNum || k == kMidNumLet || k == kSingleQuote;
}

// ICU's word.txt (UAX #29) for the classes above, as pairs with one
// character of context either side: whether no boundary falls between
// cls[k - 1] and cls[k] (of m).
bool joins(const WordClass* cls, std::size_t m, std::size_t k) {
  const WordClass x = cls[k - 1], y = cls[k];
  const WordClass before = k >= 2 ? cls[k - 2] : kOther;
  const WordClass after = k + 1 < m ? cls[k + 1] : kOther;
  switch (x) {
    case kSpace:
      return y == kSpace;  // WB3d
    case kLetter:
      return y == kLetter || y == kNumeric || y == kExtendNumLet ||  // WB5, WB9, WB13a
             (mid_letter(y) && after == kLetter);                    // WB6
    case kNumeric:
      return y == kNumeric || y == kLetter || y == kExtendNumLet ||  // WB8, WB10, WB13a
             (mid_num(y) && after == kNumeric);                      // WB12
    case kExtendNumLet:
      return y == kExtendNumLet || y == kLetter || y == kNumeric;  // WB13a, WB13b
    default:
      break;
  }
  if (mid_letter(x) && before == kLetter && y == kLetter) return true;  // WB7
  if (mid_num(x) && before == kNumeric && y == kNumeric) return true;   // WB11
  return false;
}

// Decodes one well-formed UTF-8 character at s[i]; -1 if ill-formed.
UChar32 decode(const unsigned char* s, std::size_t n, std::size_t i, std::size_t& len) {
  UChar32 c;
  std::size_t k = i;
  U8_NEXT(s, k, n, c);
  len = k - i;
  return c;
}

// Per-thread buffers of boundaries().
struct SegmentScratch {
  std::vector<WordClass> cls;
  std::vector<std::uint32_t> at;  // byte offset of each character, then the text's size
  std::vector<char16_t> units;
  std::vector<std::uint32_t> cost;
  std::vector<int> prev;
  std::vector<int> breaks;
};

// ICU's CjkBreakEngine::divideUpDictionaryRange on a run of Han: the
// cheapest path of dictionary words (a character with no one-character word
// costs 255), earliest start winning ties; the inner boundaries, ascending,
// as character indexes into `breaks`.
void divide_han(const CjkDictionary& dictionary, const char16_t* u, int n, SegmentScratch& scratch) {
  constexpr std::uint32_t kNone = 0xFFFFFFFF, kUnknownCost = 255;
  auto& cost = scratch.cost;
  auto& prev = scratch.prev;
  cost.assign(static_cast<std::size_t>(n) + 1, kNone);
  prev.assign(static_cast<std::size_t>(n) + 1, -1);
  cost[0] = 0;
  int lengths[CjkDictionary::kMaxWordChars + 1];
  std::int32_t values[CjkDictionary::kMaxWordChars + 1];
  for (int i = 0; i < n; ++i) {
    const std::uint32_t here = cost[static_cast<std::size_t>(i)];
    if (here == kNone) continue;
    int count = dictionary.words(u + i, n - i, lengths, values);
    if (count == 0 || lengths[0] != 1) {
      values[count] = static_cast<std::int32_t>(kUnknownCost);
      lengths[count++] = 1;
    }
    for (int j = 0; j < count; ++j) {
      const std::uint32_t c = here + static_cast<std::uint32_t>(values[j]);
      const auto to = static_cast<std::size_t>(i + lengths[j]);
      if (c < cost[to]) {
        cost[to] = c;
        prev[to] = i;
      }
    }
  }
  auto& breaks = scratch.breaks;
  breaks.clear();
  if (cost[static_cast<std::size_t>(n)] == kNone) return;
  for (int i = prev[static_cast<std::size_t>(n)]; i > 0; i = prev[static_cast<std::size_t>(i)]) breaks.push_back(i);
  std::reverse(breaks.begin(), breaks.end());
}

}  // namespace

struct WordSegmenter::Impl {
  WordClasses classes;
  std::unique_ptr<icu::BreakIterator> prototype;
  std::mutex mu;
  std::vector<std::unique_ptr<icu::BreakIterator>> pool;  // idle clones

  std::unique_ptr<icu::BreakIterator> acquire() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!pool.empty()) {
        auto it = std::move(pool.back());
        pool.pop_back();
        return it;
      }
      // clone() only reads the prototype, but keep it under the lock.
      std::unique_ptr<icu::BreakIterator> it(prototype->clone());
      if (!it) throw std::runtime_error("ICU BreakIterator clone failed");
      return it;
    }
  }

  void release(std::unique_ptr<icu::BreakIterator> it) {
    std::lock_guard<std::mutex> lock(mu);
    if (pool.size() < 64) pool.push_back(std::move(it));
  }
};

namespace {

// The ICU that boundaries()'s own segmentation was proven equal to (the
// equivalence tests of test_segment.cpp and test_segment_window.cpp): its
// major version and an FNV-1a hash of its zh word rules (getRules()). Any
// other ICU gets ICU's break iterator for everything until those tests have
// been run against it and these constants updated.
constexpr std::uint8_t kVerifiedIcuMajor = 72;
constexpr std::uint64_t kVerifiedRulesHash = 0x89BBC8B2B543729Aull;

std::uint64_t rules_hash(const icu::BreakIterator& it) {
  const auto* rbbi = dynamic_cast<const icu::RuleBasedBreakIterator*>(&it);
  if (rbbi == nullptr) return 0;
  const icu::UnicodeString& rules = rbbi->getRules();
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (int32_t i = 0; i < rules.length(); ++i) h = (h ^ rules.charAt(i)) * 0x100000001B3ull;
  return h;
}

}  // namespace

WordSegmenter::WordSegmenter() : impl_(new Impl) {
  UErrorCode ec = U_ZERO_ERROR;
  impl_->prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), ec));
  if (U_FAILURE(ec) || !impl_->prototype) {
    delete impl_;
    throw std::runtime_error(std::string("ICU word BreakIterator unavailable: ") + u_errorName(ec));
  }
  UVersionInfo version;
  u_getVersion(version);
  own_ =
      dictionary_.available() && version[0] == kVerifiedIcuMajor && rules_hash(*impl_->prototype) == kVerifiedRulesHash;
}

std::uint64_t WordSegmenter::icu_rules_hash() const {
  return rules_hash(*impl_->prototype);
}

WordSegmenter::~WordSegmenter() {
  delete impl_;
}

namespace {
std::atomic<bool> g_icu_only{false};
}  // namespace

void set_icu_segmentation_only(bool on) {
  g_icu_only.store(on, std::memory_order_relaxed);
}

std::vector<std::size_t> WordSegmenter::boundaries(std::string_view utf8) const {
  if (utf8.empty()) return {0};
  if (!own_ || g_icu_only.load(std::memory_order_relaxed) || utf8.size() > static_cast<std::size_t>(INT32_MAX))
    return icu_boundaries(utf8);
  thread_local SegmentScratch scratch;
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  // Per character: its class, byte offset and (BMP) code unit.
  scratch.cls.resize(n);
  scratch.at.resize(n + 1);
  scratch.units.resize(n);
  WordClass* cls = scratch.cls.data();
  std::uint32_t* at = scratch.at.data();
  char16_t* units = scratch.units.data();
  std::size_t m = 0;
  for (std::size_t i = 0; i < n; ++m) {
    const unsigned char b = s[i];
    UChar32 c;
    std::size_t len;
    if (b < 0x80) {
      c = b, len = 1;
    } else if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
               (s[i + 2] & 0xC0) == 0x80) {
      c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), len = 3;  // well-formed
    } else {
      c = decode(s, n, i, len);
    }
    const WordClass k = is_dictionary_han(c) ? kHan : c < 0 ? kUnsupported : impl_->classes(c);
    if (k == kUnsupported) return icu_boundaries(utf8);
    cls[m] = k;
    at[m] = static_cast<std::uint32_t>(i);
    units[m] = static_cast<char16_t>(c);  // used for Han only
    i += len;
  }
  at[m] = static_cast<std::uint32_t>(n);
  std::vector<std::size_t> out;
  out.reserve(m + 1);
  out.push_back(0);
  for (std::size_t k = 0; k < m;) {
    if (cls[k] != kHan) {
      if (k > 0 && !joins(cls, m, k)) out.push_back(at[k]);
      ++k;
      continue;
    }
    // A run of Han: no rule joins it to its neighbours; ICU hands it to the
    // CJK dictionary engine.
    std::size_t end = k;
    while (end < m && cls[end] == kHan) ++end;
    if (k > 0) out.push_back(at[k]);
    if (end - k >= 2) {
      divide_han(dictionary_, units + k, static_cast<int>(end - k), scratch);
      for (int b : scratch.breaks) out.push_back(at[k + static_cast<std::size_t>(b)]);
    }
    k = end;
  }
  out.push_back(n);
  return out;
}

std::vector<std::size_t> WordSegmenter::icu_boundaries(std::string_view utf8) const {
  std::vector<std::size_t> out;
  out.push_back(0);
  if (utf8.empty()) return out;
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) throw std::length_error("WordSegmenter: input too large");

  auto it = impl_->acquire();
  UErrorCode ec = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, utf8.data(), static_cast<int64_t>(utf8.size()), &ec);
  if (U_SUCCESS(ec)) it->setText(&ut, ec);
  if (U_SUCCESS(ec)) {
    // UTF-8 UText: native indexes are byte offsets into `utf8`.
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
      const auto b = static_cast<std::size_t>(p);
      if (b > out.back() && b <= utf8.size()) out.push_back(b);
    }
  }
  // Detach the pooled iterator from the caller's bytes before it goes back.
  UErrorCode ec2 = U_ZERO_ERROR;
  UText empty = UTEXT_INITIALIZER;
  utext_openUTF8(&empty, "", 0, &ec2);
  if (U_SUCCESS(ec2)) it->setText(&empty, ec2);
  utext_close(&ut);
  utext_close(&empty);
  impl_->release(std::move(it));
  if (U_FAILURE(ec)) throw std::runtime_error(std::string("ICU word break failed: ") + u_errorName(ec));
  if (out.back() != utf8.size()) out.push_back(utf8.size());
  return out;
}

}  // namespace icp::text
