// Clause splitting (byte scan) and ICU word boundaries over UTF-8 text.
#include "text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utext.h>

#include <algorithm>
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

}  // namespace

std::vector<Clause> split_clauses(std::string_view normalized) {
  std::vector<Clause> out;
  const auto* s = reinterpret_cast<const unsigned char*>(normalized.data());
  const std::size_t n = normalized.size();
  auto add = [&](std::size_t b, std::size_t e) {
    while (b < e && is_blank(s[b])) ++b;
    while (e > b && is_blank(s[e - 1])) --e;
    if (b < e) out.push_back(Clause{b, e});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < n;) {
    // Most of the text is Han: a lead byte E4–E9 with its two continuation
    // bytes can be no clause mark, nor can those bytes.
    if (s[i] >= 0xE4 && s[i] <= 0xE9 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
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
  icu::UCharsTrie trie(trie_);
  for (char32_t c = kFirstHan; c <= kLastHan; ++c) {
    const UStringTrieResult r = trie.firstForCodePoint(static_cast<UChar32>(c));
    first_result_[c - kFirstHan] = static_cast<std::uint8_t>(r);
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

}  // namespace

std::size_t CjkDictionary::longest_word_end(std::string_view utf8, std::size_t i, std::size_t limit) const {
  std::size_t best = i;
  if (!trie_) return best;
  thread_local PairCache cache;
  if (cache.trie != trie_) {
    std::fill(cache.entries.begin(), cache.entries.end(), PairCache::Entry{});
    cache.trie = trie_;
  }
  icu::UCharsTrie trie(trie_);
  UChar32 first = -1;  // a Han first character, whose second step the cache knows
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  std::size_t k = i;
  for (int chars = 0; chars < kMaxWordChars && k < limit; ++chars) {
    // Decode one code point (the text is valid UTF-8: normalised).
    UChar32 c;
    std::size_t len;
    const unsigned char b = s[k];
    if (b < 0x80) {
      c = b, len = 1;
    } else if (b < 0xE0) {
      c = ((b & 0x1F) << 6) | (s[k + 1] & 0x3F), len = 2;
    } else if (b < 0xF0) {
      c = ((b & 0x0F) << 12) | ((s[k + 1] & 0x3F) << 6) | (s[k + 2] & 0x3F), len = 3;
    } else {
      c = ((b & 0x07) << 18) | ((s[k + 1] & 0x3F) << 12) | ((s[k + 2] & 0x3F) << 6) | (s[k + 3] & 0x3F), len = 4;
    }
    if (k + len > limit) break;
    UStringTrieResult r;
    if (chars == 1 && first >= 0) {
      const std::uint64_t key = (static_cast<std::uint64_t>(first) << 32) | static_cast<std::uint32_t>(c);
      auto& e = cache.slot(key);
      if (e.key == key) {
        r = e.result;
        if (continues(r)) trie.resetToState64(e.state);
      } else {
        r = trie.nextForCodePoint(c);
        e.key = key;
        e.result = r;
        e.state = continues(r) ? trie.getState64() : 0;
      }
    } else if (chars > 0) {
      r = trie.nextForCodePoint(c);
    } else if (c >= static_cast<UChar32>(kFirstHan) && c <= static_cast<UChar32>(kLastHan)) {
      r = static_cast<UStringTrieResult>(first_result_[static_cast<std::size_t>(c) - kFirstHan]);
      if (continues(r)) trie.resetToState64(first_state_[static_cast<std::size_t>(c) - kFirstHan]);
      first = c;
    } else {
      r = trie.firstForCodePoint(c);
    }
    k += len;
    if (r == USTRINGTRIE_NO_MATCH) break;
    if (USTRINGTRIE_HAS_VALUE(r)) best = k;
    if (r == USTRINGTRIE_FINAL_VALUE) break;
  }
  return best;
}

// ---------------------------------------------------------------------------

struct WordSegmenter::Impl {
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

WordSegmenter::WordSegmenter() : impl_(new Impl) {
  UErrorCode ec = U_ZERO_ERROR;
  impl_->prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), ec));
  if (U_FAILURE(ec) || !impl_->prototype) {
    delete impl_;
    throw std::runtime_error(std::string("ICU word BreakIterator unavailable: ") + u_errorName(ec));
  }
}

WordSegmenter::~WordSegmenter() {
  delete impl_;
}

std::vector<std::size_t> WordSegmenter::boundaries(std::string_view utf8) const {
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
