// Normalisation pipeline, one streaming pass over the caller's bytes:
//   A. UTF-8 decoding (invalid bytes → U+FFFD), markup tags and entities;
//   B. NFKC + case fold per normalisation segment (cut where the next code
//      point has a boundary before it), with fast paths for ASCII and Han;
//   C. Traditional → Simplified (a per-character table built once from the
//      ICU "Hant-Hans" transliterator), control/whitespace folding, trim.
// Every output character carries the source range [start, end) of the unit
// that produced it (a character, entity, tag, whitespace run or segment).
#include "text/normalize.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>
#include <unicode/ures.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace icp::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// ---------------------------------------------------------------------------
// Traditional → Simplified table, built once per process.

struct TradTable {
  static constexpr char32_t kMulti = 0x110000;  // no code point
  char32_t lo = 0;
  char32_t hi = 0;                                         // [lo, hi)
  std::vector<char32_t> single;                            // index c - lo; 0 = not mapped, kMulti = in `multi`
  std::vector<std::pair<char32_t, std::u32string>> multi;  // sorted; mappings to 0 or 2+ chars

  bool maybe(char32_t c) const { return c >= lo && c < hi; }

  // One bit per code point of U+3400..U+9FFF: an NFKC-casefold inert Han
  // character that the table leaves alone (what the plain path copies).
  static constexpr char32_t kPlainLo = 0x3400, kPlainHi = 0xA000;
  std::array<std::uint64_t, (kPlainHi - kPlainLo) / 64> plain_han{};
  bool is_plain_han(char32_t c) const {
    const char32_t k = c - kPlainLo;  // wraps below kPlainLo
    return k < kPlainHi - kPlainLo && (plain_han[k >> 6] >> (k & 63) & 1) != 0;
  }
};

bool is_inert_han(char32_t c);

// ICU's Hant-Hans transliterator built straight from its rules in ICU's
// data (translit root: RuleBasedTransliteratorIDs/Hant-Hans/file, the rules
// and their direction, where ICU's own registry finds them):
// createInstance() would first register every one of ICU's transliterators,
// three quarters of the program's start-up time. Null when the data differs.
std::unique_ptr<icu::Transliterator> hant_hans_from_rules() {
  UErrorCode ec = U_ZERO_ERROR;
  UResourceBundle* root = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit", "root", &ec);
  UResourceBundle* ids = ures_getByKey(root, "RuleBasedTransliteratorIDs", nullptr, &ec);
  UResourceBundle* entry = ures_getByKey(ids, "Hant-Hans", nullptr, &ec);
  UResourceBundle* file = ures_getByKey(entry, "file", nullptr, &ec);
  int32_t rules_length = 0, direction_length = 0;
  const UChar* rules = ures_getStringByKey(file, "resource", &rules_length, &ec);
  const UChar* direction = ures_getStringByKey(file, "direction", &direction_length, &ec);
  std::unique_ptr<icu::Transliterator> out;
  if (U_SUCCESS(ec)) {
    const icu::UnicodeString dir(true, direction, direction_length);
    UParseError parse{};
    out.reset(icu::Transliterator::createFromRules("Hant-Hans", icu::UnicodeString(true, rules, rules_length),
                                                   dir == u"REVERSE" ? UTRANS_REVERSE : UTRANS_FORWARD, parse, ec));
    if (U_FAILURE(ec)) out.reset();
  }
  for (UResourceBundle* r : {file, entry, ids, root}) ures_close(r);
  return out;
}

std::unique_ptr<TradTable> build_trad_table() {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> proto = hant_hans_from_rules();
  if (!proto) proto.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, ec));
  if (U_FAILURE(ec) || !proto) {
    ec = U_ZERO_ERROR;
    proto.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, ec));
  }
  if (U_FAILURE(ec) || !proto) {
    throw std::runtime_error(std::string("ICU Hant-Hans transliterator unavailable: ") + u_errorName(ec));
  }
  icu::UnicodeSet set;
  proto->getSourceSet(set);
  auto table = std::make_unique<TradTable>();
  // Only ideographs: the transliterator also rewrites 「」 to “”, which is
  // not a Traditional-only spelling and is left alone.
  constexpr char32_t kMin = 0x3400;
  std::vector<std::pair<char32_t, std::u32string>> mapped;
  for (int32_t r = 0; r < set.getRangeCount(); ++r) {
    for (UChar32 c = std::max<UChar32>(set.getRangeStart(r), kMin); c <= set.getRangeEnd(r); ++c) {
      icu::UnicodeString s(c);
      proto->transliterate(s);
      if (s.length() == U16_LENGTH(c) && s.char32At(0) == c) continue;
      std::u32string out;
      for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(s.char32At(i)));
      mapped.emplace_back(static_cast<char32_t>(c), std::move(out));
    }
  }
  if (!mapped.empty()) {
    table->lo = mapped.front().first;
    table->hi = mapped.back().first + 1;
    table->single.assign(table->hi - table->lo, 0);
    for (auto& [c, out] : mapped) {
      if (out.size() == 1 && out[0] != 0) {
        table->single[c - table->lo] = out[0];
      } else {
        table->single[c - table->lo] = TradTable::kMulti;
        table->multi.emplace_back(c, std::move(out));
      }
    }
  }
  for (char32_t c = TradTable::kPlainLo; c < TradTable::kPlainHi; ++c) {
    if (is_inert_han(c) && !(table->maybe(c) && table->single[c - table->lo] != 0)) {
      const char32_t k = c - TradTable::kPlainLo;
      table->plain_han[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
  }
  return table;
}

const TradTable& trad_table() {
  static const std::unique_ptr<TradTable> table = build_trad_table();
  return *table;
}

// ---------------------------------------------------------------------------
// Character classes.

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005 || c == 0x3007;
}

// A space between two of these is dropped: Han and CJK punctuation.
bool is_cjk(char32_t c) {
  return is_han(c) || (c >= 0x3001 && c <= 0x303F);
}

// Han blocks that are NFKC-casefold inert (checked against ICU 72: every
// code point of 3400..4DBF and 4E00..9FFF is inert).
bool is_inert_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

bool is_newline(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool is_ascii_alpha(unsigned char b) {
  return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}
bool is_ascii_alnum(unsigned char b) {
  return is_ascii_alpha(b) || (b >= '0' && b <= '9');
}

// True when Pipeline::stage_c(c) is just put(c): no whitespace, control or
// Traditional character (keep in step with stage_c).
bool stage_c_is_put(char32_t c, const TradTable& trad) {
  if (c <= ' ') return false;
  if (c < 0x7F) return true;
  if (c < 0xA0 || is_newline(c)) return false;
  if (!is_han(c) && u_isUWhiteSpace(static_cast<UChar32>(c))) return false;
  return !trad.maybe(c) || trad.single[c - trad.lo] == 0;
}

// Writes c at p (room for 4 bytes); returns the byte count.
std::size_t write_utf8(char* p, char32_t c) {
  if (c < 0x80) {
    p[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    p[0] = static_cast<char>(0xC0 | (c >> 6));
    p[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    p[0] = static_cast<char>(0xE0 | (c >> 12));
    p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    p[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  p[0] = static_cast<char>(0xF0 | (c >> 18));
  p[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  p[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  p[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// ---------------------------------------------------------------------------
// NFKC + case fold of a lone code point (a segment of one) for the CJK and
// full-width punctuation blocks, built once per process: 。，、 and friends
// would otherwise each take a call to unorm2_normalize.

struct PunctTable {
  struct Entry {
    std::array<char32_t, 4> out{};
    std::uint8_t length = 0xFF;  // 0xFF: not tabled, ask ICU
    // Set when the character can take the pipeline's plain path (see
    // Pipeline::plain_at): it starts a normalisation segment, maps to one
    // character that stage C writes unchanged, whose UTF-8 is `utf8`.
    bool plain = false;
    bool boundary_before = false;  // unorm2_hasBoundaryBefore
    std::uint8_t utf8_length = 0;
    std::array<char, 4> utf8{};
  };
  static constexpr char32_t kCjkLo = 0x3000, kCjkHi = 0x3040;    // CJK Symbols and Punctuation
  static constexpr char32_t kWideLo = 0xFF00, kWideHi = 0xFFF0;  // Halfwidth and Fullwidth Forms
  std::array<Entry, (kCjkHi - kCjkLo) + (kWideHi - kWideLo)> entries{};

  const Entry* find(char32_t c) const { return const_cast<PunctTable*>(this)->find(c); }
  Entry* find(char32_t c) {
    if (c >= kCjkLo && c < kCjkHi) return &entries[c - kCjkLo];
    if (c >= kWideLo && c < kWideHi) return &entries[(kCjkHi - kCjkLo) + (c - kWideLo)];
    return nullptr;
  }
};

std::unique_ptr<PunctTable> build_punct_table(const UNormalizer2* nfkc, const TradTable& trad) {
  auto table = std::make_unique<PunctTable>();
  auto fill = [&](char32_t lo, char32_t hi) {
    for (char32_t c = lo; c < hi; ++c) {
      auto& e = *table->find(c);
      const UChar in[1] = {static_cast<UChar>(c)};
      UChar out[16];
      UErrorCode ec = U_ZERO_ERROR;
      const int32_t len = unorm2_normalize(nfkc, in, 1, out, 16, &ec);
      if (U_FAILURE(ec)) continue;
      std::array<char32_t, 4> cps{};
      std::size_t n = 0;
      bool fits = true;
      for (int32_t k = 0; k < len;) {
        UChar32 cp;
        U16_NEXT(out, k, len, cp);
        if (n == cps.size()) {
          fits = false;
          break;
        }
        cps[n++] = static_cast<char32_t>(cp);
      }
      if (!fits) continue;
      e.out = cps;
      e.length = static_cast<std::uint8_t>(n);
      e.boundary_before = unorm2_hasBoundaryBefore(nfkc, static_cast<UChar32>(c));
      if (n == 1 && e.boundary_before && stage_c_is_put(cps[0], trad)) {
        e.plain = true;
        e.utf8_length = static_cast<std::uint8_t>(write_utf8(e.utf8.data(), cps[0]));
      }
    }
  };
  fill(PunctTable::kCjkLo, PunctTable::kCjkHi);
  fill(PunctTable::kWideLo, PunctTable::kWideHi);
  return table;
}

const PunctTable& punct_table(const UNormalizer2* nfkc, const TradTable& trad) {
  static const std::unique_ptr<PunctTable> table = build_punct_table(nfkc, trad);
  return *table;
}

// Decodes one UTF-8 character at in[i] (non-ASCII lead). Returns the code
// point, or -1 for an ill-formed sequence; `len` is the number of bytes
// consumed (the maximal subpart of an ill-formed sequence, as ICU does).
int32_t decode_utf8(const unsigned char* in, std::size_t n, std::size_t i, std::size_t& len) {
  const unsigned char b0 = in[i];
  len = 1;
  int need;
  char32_t c;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 0; k < need; ++k) {
    if (i + len >= n) return -1;
    const unsigned char b = in[i + len];
    if (b < lo || b > hi) return -1;
    lo = 0x80;
    hi = 0xBF;
    c = (c << 6) | (b & 0x3F);
    ++len;
  }
  return static_cast<int32_t>(c);
}

// ---------------------------------------------------------------------------
// Markup.

struct Entity {
  const char* name;
  char32_t cp;
};
// Sorted by name (binary search).
constexpr Entity kEntities[] = {
    {"amp", '&'},       {"apos", '\''},    {"bull", 0x2022},  {"cent", 0xA2},     {"copy", 0xA9},    {"deg", 0xB0},
    {"divide", 0xF7},   {"emsp", ' '},     {"ensp", ' '},     {"euro", 0x20AC},   {"gt", '>'},       {"hellip", 0x2026},
    {"laquo", 0xAB},    {"ldquo", 0x201C}, {"lrm", 0x200E},   {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", '<'},
    {"mdash", 0x2014},  {"middot", 0xB7},  {"nbsp", ' '},     {"ndash", 0x2013},  {"para", 0xB6},    {"plusmn", 0xB1},
    {"pound", 0xA3},    {"quot", '"'},     {"raquo", 0xBB},   {"rdquo", 0x201D},  {"reg", 0xAE},     {"rlm", 0x200F},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"sect", 0xA7},     {"shy", 0xAD},     {"thinsp", ' '},
    {"times", 0xD7},    {"trade", 0x2122}, {"yen", 0xA5},     {"zwj", 0x200D},    {"zwnj", 0x200C},
};

// Returns the code point of a named entity, 0 if unknown.
char32_t lookup_entity(std::string_view name) {
  char buf[16];
  if (name.size() >= sizeof buf) return 0;
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = static_cast<char>(name[i] | 0x20);
  std::string_view lower(buf, name.size());
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), lower,
                             [](const Entity& e, std::string_view k) { return std::string_view(e.name) < k; });
  if (it != std::end(kEntities) && std::string_view(it->name) == lower) return it->cp;
  return 0;
}

constexpr std::string_view kBlockTags[] = {
    "address", "article", "blockquote", "br", "dd",  "div", "dl", "dt",  "footer",  "h1",    "h2",    "h3", "h4", "h5",
    "h6",      "header",  "hr",         "li", "nav", "ol",  "p",  "pre", "section", "table", "title", "tr", "ul"};

bool is_block_tag(std::string_view name) {
  char buf[16];
  if (name.empty() || name.size() >= sizeof buf) return false;
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = static_cast<char>(name[i] | 0x20);
  std::string_view lower(buf, name.size());
  return std::binary_search(std::begin(kBlockTags), std::end(kBlockTags), lower);
}

constexpr std::size_t kMaxTagBytes = 4096;

// ---------------------------------------------------------------------------
// The pipeline.

using SourceGaps = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

std::atomic<bool> g_plain_path{true};

class Pipeline {
 public:
  Pipeline(const UNormalizer2* nfkc, const TradTable& trad, const PunctTable& punct, std::string_view in,
           std::string& text, std::vector<std::uint32_t>* source, SourceGaps* gaps)
      : nfkc_(nfkc),
        trad_(trad),
        punct_(punct),
        in_(reinterpret_cast<const unsigned char*>(in.data())),
        n_(in.size()),
        text_(text),
        source_(source),
        gaps_(gaps) {}

  void run() {
    // The output is written through len_ into pre-sized buffers (grow()),
    // then cut to length.
    len_ = text_.size();
    text_.resize(len_ + n_ + 8);
    if (source_) source_->resize(text_.size() + 1);
    const bool plain = g_plain_path.load(std::memory_order_relaxed);
    std::size_t i = 0;
    while (i < n_) {
      if (plain) {
        const std::size_t j = plain_run(i);
        if (j != i) {
          i = j;
          continue;
        }
      }
      const unsigned char b = in_[i];
      if (b < 0x80) {
        if (b == '<' && try_tag(i)) continue;
        if (b == '&' && try_entity(i)) continue;
        feed(b, i, i + 1);
        ++i;
        continue;
      }
      // Fast path: a Han character that NFKC, case folding and the
      // Traditional table all leave alone (what feed() would do with it).
      if (b >= 0xE4 && b <= 0xE9 && i + 2 < n_ && (in_[i + 1] & 0xC0) == 0x80 && (in_[i + 2] & 0xC0) == 0x80) {
        const char32_t h = ((b & 0x0Fu) << 12) | ((in_[i + 1] & 0x3Fu) << 6) | (in_[i + 2] & 0x3Fu);
        if (is_inert_han(h) && (!trad_.maybe(h) || trad_.single[h - trad_.lo] == 0)) {
          flush_segment();
          put(h, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 3));
          i += 3;
          continue;
        }
      }
      std::size_t len;
      int32_t c = decode_utf8(in_, n_, i, len);
      if (c < 0) {
        if (!invalid_) {
          invalid_ = true;
          first_invalid_ = i;
        }
        c = static_cast<int32_t>(kReplacement);
      }
      feed(static_cast<char32_t>(c), i, i + len);
      i += len;
    }
    flush_segment();
    text_.resize(len_);
    // Pending whitespace at the end is trimmed.
    if (source_) {
      source_->resize(len_);
      if (len_ != 0 && prev_end_ != n_) gaps_->emplace_back(static_cast<std::uint32_t>(len_), prev_end_);
      source_->push_back(static_cast<std::uint32_t>(n_));
    }
  }

  bool invalid() const { return invalid_; }
  std::size_t first_invalid() const { return first_invalid_; }
  bool had_markup() const { return markup_; }
  bool had_traditional() const { return had_traditional_; }

 private:
  // ---- The plain path: runs of characters that the stages below would
  // copy one to one (ASCII, Han, most CJK punctuation), written in one loop.

  // A plain character at in_[i]: what put() receives, and its UTF-8.
  struct Plain {
    std::size_t in_length = 0;
    char32_t c = 0;
    const char* utf8 = nullptr;
    std::size_t utf8_length = 0;
    char ascii = 0;  // utf8 for an ASCII character
  };

  char32_t decode3(std::size_t i) const {
    return ((in_[i] & 0x0Fu) << 12) | ((in_[i + 1] & 0x3Fu) << 6) | (in_[i + 2] & 0x3Fu);
  }
  bool three_bytes(std::size_t i) const {
    return i + 2 < n_ && (in_[i + 1] & 0xC0) == 0x80 && (in_[i + 2] & 0xC0) == 0x80;
  }

  // True when the slow path would flush the segment before the character at
  // in_[j] (or at the end): ASCII other than '&' (an entity may decode to a
  // combining mark), Han, and tabled punctuation with a boundary before it.
  bool boundary_at(std::size_t j) const {
    if (j >= n_) return true;
    const unsigned char b = in_[j];
    if (b < 0x80) return b != '&';
    if (b < 0xE3 || b > 0xEF || !three_bytes(j)) return false;
    const char32_t c = decode3(j);
    if (is_inert_han(c)) return true;
    const auto* e = punct_.find(c);
    return e && e->boundary_before;
  }

  // A character whose slow path is: flush the segment, then put() one
  // character with its own source range. ASCII and punctuation start a
  // segment of their own on the slow path, so they qualify only when the
  // next character closes it again.
  bool plain_at(std::size_t i, Plain& p) const {
    const unsigned char b = in_[i];
    if (b < 0x80) {
      if (b <= ' ' || b >= 0x7F || b == '<' || b == '&' || !boundary_at(i + 1)) return false;
      p.ascii = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      p.c = static_cast<unsigned char>(p.ascii);
      p.utf8 = &p.ascii;
      p.utf8_length = 1;
      p.in_length = 1;
      return true;
    }
    if (b < 0xE3 || b > 0xEF || !three_bytes(i)) return false;
    const char32_t c = decode3(i);
    if (is_inert_han(c)) {
      if (!trad_.is_plain_han(c)) return false;
      p.c = c;
      p.utf8 = reinterpret_cast<const char*>(in_ + i);
      p.utf8_length = 3;
      p.in_length = 3;
      return true;
    }
    const auto* e = punct_.find(c);
    if (!e || !e->plain || !boundary_at(i + 3)) return false;
    p.c = e->out[0];
    p.utf8 = e->utf8.data();
    p.utf8_length = e->utf8_length;
    p.in_length = 3;
    return true;
  }

  // Copies the plain Han characters at in_[i] to text_[k] (room assured);
  // advances both, returns whether there were any. The bitmap row of a
  // three-byte sequence is its first two bytes' payload, the bit its last
  // byte's, so the code point need not be assembled; a lead byte outside
  // E3..E9 or a bad continuation byte falls outside the bitmap.
  bool copy_han(std::size_t& i, std::size_t& k) {
    const std::size_t i0 = i;
    char* out = text_.data();
    std::uint32_t* src = source_ ? source_->data() : nullptr;
    constexpr unsigned kRows = (TradTable::kPlainHi - TradTable::kPlainLo) / 64;
    constexpr unsigned kFirstRow = TradTable::kPlainLo / 64;
    auto plain = [&](std::size_t at) {
      const unsigned b0 = in_[at], t1 = in_[at + 1] ^ 0x80u, t2 = in_[at + 2] ^ 0x80u;
      const unsigned row = (((b0 - 0xE0u) << 6) | t1) - kFirstRow;
      return (t1 | t2) < 64 && row < kRows && (trad_.plain_han[row] >> t2 & 1) != 0;
    };
    // Four bytes and four source entries at a time while the input has a
    // fourth byte: the spare ones land where the next character goes (the
    // caller made room for the whole input).
    while (i + 3 < n_ && plain(i)) {
      std::memcpy(out + k, in_ + i, 4);
      if (src) {
        const auto at = static_cast<std::uint32_t>(i);
        const std::uint32_t four[4] = {at, at, at, at};
        std::memcpy(src + k, four, sizeof four);
      }
      k += 3;
      i += 3;
    }
    if (i + 3 == n_ && plain(i)) {
      std::memcpy(out + k, in_ + i, 3);
      if (src) src[k] = src[k + 1] = src[k + 2] = static_cast<std::uint32_t>(i);
      k += 3;
      i += 3;
    }
    return i != i0;
  }

  // Writes the run of plain characters at in_[i] exactly as the slow path
  // would; returns its end (i if in_[i] is not plain).
  std::size_t plain_run(std::size_t i) {
    Plain p;
    if (!plain_at(i, p)) return i;
    flush_segment();
    if (pending_ != Pending::kNone || len_ == 0 || (source_ && prev_end_ != i)) {
      // Pending whitespace or a gap before it: the general put().
      put(p.c, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + p.in_length));
      i += p.in_length;
      if (i >= n_ || !plain_at(i, p)) return i;
    }
    // From here on each character is a unit of its own that starts where the
    // previous one ended: put() would only append it. A plain character's
    // UTF-8 is no longer than its source.
    while (len_ + (n_ - i) + 4 > text_.size()) grow();
    char* out = text_.data();
    std::uint32_t* src = source_ ? source_->data() : nullptr;
    std::size_t k = len_;
    std::size_t start;
    char32_t last;
    for (;;) {
      start = i;
      for (std::size_t m = 0; m < p.utf8_length; ++m) out[k + m] = p.utf8[m];
      if (src)
        for (std::size_t m = 0; m < p.utf8_length; ++m) src[k + m] = static_cast<std::uint32_t>(i);
      k += p.utf8_length;
      last = p.c;
      i += p.in_length;
      // Runs of Han, the bulk of the text, without the general checks.
      if (copy_han(i, k)) {
        start = i - 3;
        last = decode3(start);
      }
      if (i >= n_ || !plain_at(i, p)) break;
    }
    len_ = k;
    last_ = last;
    if (source_) {
      unit_start_ = static_cast<std::uint32_t>(start);
      prev_end_ = static_cast<std::uint32_t>(i);
    }
    return i;
  }

  // ---- Stage A: markup.

  // Position of the next '<' or '>' at or after `from` (n_ if none). Cached
  // so that a run of '<' without '>' stays linear.
  std::size_t next_delim(std::size_t from) {
    if (delim_valid_ && from >= delim_from_ && from <= delim_pos_) return delim_pos_;
    std::size_t p = from;
    while (p < n_ && in_[p] != '<' && in_[p] != '>') ++p;
    delim_valid_ = true;
    delim_from_ = from;
    delim_pos_ = p;
    return p;
  }

  std::size_t next_comment_end(std::size_t from) {
    if (comment_valid_ && from >= comment_from_ && from <= comment_pos_) return comment_pos_;
    std::string_view all(reinterpret_cast<const char*>(in_), n_);
    std::size_t p = all.find("-->", from);
    comment_valid_ = true;
    comment_from_ = from;
    comment_pos_ = p == std::string_view::npos ? n_ : p;
    return comment_pos_;
  }

  // At in_[i] == '<': removes a tag or comment, feeding one space or line
  // break in its place. Returns false if this '<' is literal text.
  bool try_tag(std::size_t& i) {
    std::size_t j = i + 1;
    if (j >= n_) return false;
    if (in_[j] == '!' && j + 2 < n_ && in_[j + 1] == '-' && in_[j + 2] == '-') {
      std::size_t e = next_comment_end(j + 3);
      if (e >= n_) return false;
      feed(' ', i, e + 3);
      i = e + 3;
      return true;
    }
    bool closing = false;
    if (in_[j] == '/') {
      closing = true;
      ++j;
    }
    if (j >= n_) return false;
    std::size_t name_begin = j;
    if (is_ascii_alpha(in_[j])) {
      while (j < n_ && (is_ascii_alnum(in_[j]) || in_[j] == '-' || in_[j] == ':' || in_[j] == '_')) ++j;
      if (j < n_ &&
          !(in_[j] == '>' || in_[j] == '/' || in_[j] == ' ' || in_[j] == '\t' || in_[j] == '\n' || in_[j] == '\r')) {
        return false;
      }
    } else if (!closing && (in_[j] == '!' || in_[j] == '?')) {
      // <!DOCTYPE ...>, <?xml ...?>
    } else {
      return false;
    }
    std::string_view name(reinterpret_cast<const char*>(in_) + name_begin, j - name_begin);
    std::size_t gt = next_delim(j);
    if (gt >= n_ || in_[gt] != '>' || gt - i > kMaxTagBytes) return false;
    feed(is_block_tag(name) ? '\n' : ' ', i, gt + 1);
    i = gt + 1;
    markup_ = true;
    return true;
  }

  // At in_[i] == '&': decodes or removes an entity. Returns false if this
  // '&' is literal text.
  bool try_entity(std::size_t& i) {
    std::size_t j = i + 1;
    if (j >= n_) return false;
    if (in_[j] == '#') {
      ++j;
      bool hex = j < n_ && (in_[j] == 'x' || in_[j] == 'X');
      if (hex) ++j;
      std::size_t d0 = j;
      std::uint32_t v = 0;
      while (j < n_ && j - d0 < 8) {
        unsigned char b = in_[j];
        int d;
        if (b >= '0' && b <= '9') {
          d = b - '0';
        } else if (hex && (b | 0x20) >= 'a' && (b | 0x20) <= 'f') {
          d = (b | 0x20) - 'a' + 10;
        } else {
          break;
        }
        v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        ++j;
      }
      if (j == d0 || j >= n_ || in_[j] != ';') return false;
      char32_t c = v;
      if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
      feed(c, i, j + 1);
      i = j + 1;
      return true;
    }
    std::size_t name_begin = j;
    while (j < n_ && j - name_begin < 12 && is_ascii_alnum(in_[j])) ++j;
    if (j == name_begin || !is_ascii_alpha(in_[name_begin])) return false;
    std::string_view name(reinterpret_cast<const char*>(in_) + name_begin, j - name_begin);
    if (j < n_ && in_[j] == ';') {
      char32_t c = lookup_entity(name);
      if (c != 0) feed(c, i, j + 1);  // unknown named entities are removed
      i = j + 1;
      return true;
    }
    // The commonest entities are often written without ';'.
    if (j < n_ && is_ascii_alnum(in_[j])) return false;
    if (name == "nbsp" || name == "amp" || name == "lt" || name == "gt" || name == "quot") {
      feed(lookup_entity(name), i, j);
      i = j;
      return true;
    }
    return false;
  }

  // ---- Stage B: NFKC + case fold per normalisation segment.

  void feed(char32_t c, std::size_t start, std::size_t end) {
    const auto s = static_cast<std::uint32_t>(start);
    const auto e = static_cast<std::uint32_t>(end);
    if (c < 0x80) {
      flush_segment();
      seg_append(c, s, e);
      return;
    }
    if (is_inert_han(c)) {
      flush_segment();
      stage_c(c, s, e);
      return;
    }
    if (unorm2_hasBoundaryBefore(nfkc_, static_cast<UChar32>(c))) flush_segment();
    seg_append(c, s, e);
  }

  void seg_append(char32_t c, std::uint32_t start, std::uint32_t end) {
    if (seg_count_ == 0) {
      seg_.clear();
      seg_start_ = start;
      seg_first_ = c;
    }
    seg_end_ = end;
    ++seg_count_;
    if (c < 0x10000) {
      seg_.push_back(static_cast<UChar>(c));
    } else {
      seg_.push_back(U16_LEAD(c));
      seg_.push_back(U16_TRAIL(c));
    }
  }

  void flush_segment() {
    if (seg_count_ == 0) return;
    const std::size_t count = seg_count_;
    seg_count_ = 0;
    if (count == 1) {
      char32_t c = seg_first_;
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        stage_c(c, seg_start_, seg_end_);
        return;
      }
      if (const auto* e = punct_.find(c); e && e->length != 0xFF) {
        for (std::size_t k = 0; k < e->length; ++k) stage_c(e->out[k], seg_start_, seg_end_);
        return;
      }
      if (unorm2_isInert(nfkc_, static_cast<UChar32>(c))) {
        stage_c(c, seg_start_, seg_end_);
        return;
      }
    }
    if (buf_.size() < seg_.size() * 4 + 16) buf_.resize(seg_.size() * 4 + 16);
    UErrorCode ec = U_ZERO_ERROR;
    int32_t len = unorm2_normalize(nfkc_, seg_.data(), static_cast<int32_t>(seg_.size()), buf_.data(),
                                   static_cast<int32_t>(buf_.size()), &ec);
    if (ec == U_BUFFER_OVERFLOW_ERROR) {
      buf_.resize(static_cast<std::size_t>(len) + 16);
      ec = U_ZERO_ERROR;
      len = unorm2_normalize(nfkc_, seg_.data(), static_cast<int32_t>(seg_.size()), buf_.data(),
                             static_cast<int32_t>(buf_.size()), &ec);
    }
    const UChar* out = U_SUCCESS(ec) ? buf_.data() : seg_.data();
    if (U_FAILURE(ec)) len = static_cast<int32_t>(seg_.size());
    for (int32_t k = 0; k < len;) {
      UChar32 c;
      U16_NEXT(out, k, len, c);
      stage_c(static_cast<char32_t>(c), seg_start_, seg_end_);
    }
  }

  // ---- Stage C: Traditional → Simplified, whitespace and controls.

  void stage_c(char32_t c, std::uint32_t start, std::uint32_t end) {
    if (c <= ' ') {
      if (is_newline(c)) {
        whitespace(true, start, end);
      } else {
        whitespace(false, start, end);  // space, tab, other C0 controls, NUL
      }
      return;
    }
    if (c < 0x7F) {
      put(c, start, end);
      return;
    }
    if (c < 0xA0) {  // DEL, C1 controls (NEL is a line break)
      whitespace(c == 0x85, start, end);
      return;
    }
    if (is_newline(c)) {
      whitespace(true, start, end);
      return;
    }
    if (!is_han(c) && u_isUWhiteSpace(static_cast<UChar32>(c))) {
      whitespace(false, start, end);
      return;
    }
    if (trad_.maybe(c)) {
      char32_t s = trad_.single[c - trad_.lo];
      if (s != 0 && s != TradTable::kMulti) {
        had_traditional_ = true;
        put(s, start, end);
        return;
      }
      if (s == TradTable::kMulti) {
        auto it = std::lower_bound(trad_.multi.begin(), trad_.multi.end(), c,
                                   [](const auto& e, char32_t k) { return e.first < k; });
        if (it != trad_.multi.end() && it->first == c) {
          had_traditional_ = true;
          for (char32_t m : it->second) put(m, start, end);
          return;
        }
      }
    }
    put(c, start, end);
  }

  enum class Pending { kNone, kSpace, kNewline };

  void whitespace(bool newline, std::uint32_t start, std::uint32_t end) {
    if (pending_ == Pending::kNone) {
      pending_ = newline ? Pending::kNewline : Pending::kSpace;
      pend_start_ = start;
      pend_end_ = end;
    } else {
      if (newline) pending_ = Pending::kNewline;
      pend_end_ = std::max(pend_end_, end);
    }
  }

  void put(char32_t c, std::uint32_t start, std::uint32_t end) {
    if (pending_ != Pending::kNone) {
      if (len_ != 0) {
        if (pending_ == Pending::kNewline) {
          emit('\n', pend_start_, pend_end_);
        } else if (!(is_cjk(last_) && is_cjk(c))) {
          emit(' ', pend_start_, pend_end_);
        }
      }
      pending_ = Pending::kNone;
    }
    emit(c, start, end);
    last_ = c;
  }

  void emit(char32_t c, std::uint32_t start, std::uint32_t end) {
    if (source_) {
      if (len_ == 0 || start != unit_start_) {
        if (len_ != 0 && start != prev_end_) {
          gaps_->emplace_back(static_cast<std::uint32_t>(len_), prev_end_);
        }
        unit_start_ = start;
        prev_end_ = end;
      } else {
        prev_end_ = std::max(prev_end_, end);
      }
    }
    if (len_ + 4 > text_.size()) grow();
    const std::size_t n = write_utf8(text_.data() + len_, c);
    if (source_) std::fill_n(source_->data() + len_, n, start);
    len_ += n;
  }

  void grow() {
    text_.resize(std::max(text_.size() * 2, len_ + 16));
    if (source_) source_->resize(text_.size() + 1);
  }

  const UNormalizer2* nfkc_;
  const TradTable& trad_;
  const PunctTable& punct_;
  const unsigned char* in_;
  std::size_t n_;
  std::string& text_;  // [0, len_) written; sized past it while running
  std::size_t len_ = 0;
  std::vector<std::uint32_t>* source_;
  SourceGaps* gaps_;

  bool invalid_ = false;
  bool markup_ = false;
  std::size_t first_invalid_ = 0;
  bool had_traditional_ = false;

  bool delim_valid_ = false;
  std::size_t delim_from_ = 0, delim_pos_ = 0;
  bool comment_valid_ = false;
  std::size_t comment_from_ = 0, comment_pos_ = 0;

  std::vector<UChar> seg_;
  std::vector<UChar> buf_;
  std::size_t seg_count_ = 0;
  char32_t seg_first_ = 0;
  std::uint32_t seg_start_ = 0, seg_end_ = 0;

  Pending pending_ = Pending::kNone;
  std::uint32_t pend_start_ = 0, pend_end_ = 0;
  char32_t last_ = 0;

  std::uint32_t unit_start_ = 0, prev_end_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------

std::pair<std::size_t, std::size_t> NormalizedText::to_source(std::size_t begin, std::size_t end) const {
  if (source.empty()) return {0, 0};
  const std::size_t n = text.size() < source.size() ? text.size() : source.size() - 1;
  begin = std::min(begin, n);
  end = std::min(std::max(end, begin), n);
  if (begin == end) return {source[begin], source[begin]};
  const std::uint32_t last = source[end - 1];
  std::size_t k = end;
  while (k < n && source[k] == last) ++k;
  std::size_t src_end = source[k];
  auto it =
      std::lower_bound(gaps_.begin(), gaps_.end(), k, [](const auto& g, std::size_t key) { return g.first < key; });
  if (it != gaps_.end() && it->first == k) src_end = it->second;
  return {source[begin], std::max<std::size_t>(src_end, source[begin])};
}

struct Normalizer::Impl {
  const UNormalizer2* nfkc = nullptr;
  const TradTable* trad = nullptr;
  const PunctTable* punct = nullptr;
};

Normalizer::Normalizer() : impl_(new Impl) {
  try {
    UErrorCode ec = U_ZERO_ERROR;
    impl_->nfkc = unorm2_getNFKCCasefoldInstance(&ec);
    if (U_FAILURE(ec) || impl_->nfkc == nullptr) {
      throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(ec));
    }
    impl_->trad = &trad_table();
    impl_->punct = &punct_table(impl_->nfkc, *impl_->trad);
  } catch (...) {
    delete impl_;
    throw;
  }
}

Normalizer::~Normalizer() {
  delete impl_;
}

NormalizedText Normalizer::normalize(std::string_view utf8) const {
  if (utf8.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("icp::text::Normalizer: input of 4 GiB or more");
  }
  NormalizedText out;
  Pipeline p(impl_->nfkc, *impl_->trad, *impl_->punct, utf8, out.text, &out.source, &out.gaps_);
  p.run();
  out.invalid_utf8 = p.invalid();
  out.first_invalid_byte = p.first_invalid();
  out.had_traditional = p.had_traditional();
  out.had_markup = p.had_markup();
  return out;
}

void set_plain_path(bool on) {
  g_plain_path.store(on, std::memory_order_relaxed);
}

std::string Normalizer::normalize_phrase(std::string_view utf8) const {
  std::string text;
  Pipeline p(impl_->nfkc, *impl_->trad, *impl_->punct, utf8, text, nullptr, nullptr);
  p.run();
  return text;
}

}  // namespace icp::text
