// Aho–Corasick automaton over UTF-8 characters, stored as a double-array
// trie. Characters are first mapped to dense classes (only the characters
// that occur in some phrase get one; any other character resets to the
// root), and node s's child on class c lives in slot base[s] + c iff
// check[slot] == s. Failure and output ("dictionary suffix") links make it a
// full Aho–Corasick automaton. Stepping per character rather than per byte
// takes a third of the steps on CJK text. Memory is ~16 bytes per trie node,
// the output lists and ~30 KB of class tables: a lexicon of 3,000 CJK
// phrases takes well under 1 MB.
//
// Matching is defined on bytes. Per character it gives the same matches as
// long as every phrase is well-formed UTF-8: a phrase then starts on a lead
// byte, which no character of the text (well formed or not, see decode())
// can straddle, and each of its characters decodes alike in the text. A
// phrase that is not well formed (a lone byte of a character) switches the
// automaton to bytes.
#include "match/phrase_matcher.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <map>
#include <stdexcept>

namespace icp::match {

namespace {

bool is_ascii_alnum(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

constexpr std::uint8_t kStartsAlnum = 1;
constexpr std::uint8_t kEndsAlnum = 2;

// One UTF-8 character: its length (0 = no well-formed character starts
// here: a stray continuation byte, a bad lead byte or a cut-off sequence)
// and the payload bits of its bytes. Length and payload together tell every
// byte sequence apart, overlong forms included, so no further checks.
struct Unit {
  std::uint32_t length = 0;
  std::uint32_t payload = 0;
};

Unit decode(const unsigned char* s, std::size_t i, std::size_t n) {
  const unsigned b = s[i];
  if (b < 0x80) return {1, b};
  const std::uint32_t length = b < 0xC0 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 0;
  if (length == 0 || length > n - i) return {};
  std::uint32_t payload = b & (0x7Fu >> length);
  for (std::uint32_t k = 1; k < length; ++k) {
    if (!is_continuation(s[i + k])) return {};
    payload = (payload << 6) | (s[i + k] & 0x3Fu);
  }
  return {length, payload};
}

}  // namespace

struct PhraseMatcher::Impl {
  struct Slot {
    std::int32_t base = 0;
    std::int32_t check = -1;  // parent slot; -1 = free
    std::int32_t fail = 0;
    std::int32_t emit = -1;  // index into outputs: nearest node on the fail chain with phrases, -1 none
  };
  struct Output {
    std::uint32_t first = 0;  // range in phrase_ids
    std::uint32_t count = 0;
    std::int32_t next = -1;  // next Output along the fail chain
  };
  struct Phrase {
    std::uint32_t length = 0;  // bytes
    std::uint32_t in_set = 0;  // index within its set
    std::uint8_t set = 0;      // 0 first, 1 second
    std::uint8_t flags = 0;
  };

  // Classes, 0 = occurs in no phrase. By bytes: byte_cls for every byte. By
  // characters: byte_cls for ASCII, then per UTF-8 length, by payload; three
  // bytes in two levels: three_block[payload >> 6] is the offset in
  // three_cls of a block of 64 classes, by payload & 63 (block 0: all zero).
  bool by_char = true;
  std::array<std::uint16_t, 256> byte_cls{};
  std::vector<std::uint16_t> two_cls;  // 2048 entries
  std::array<std::uint32_t, 1024> three_block{};
  std::vector<std::uint16_t> three_cls;
  std::vector<std::pair<std::uint32_t, std::uint16_t>> four_cls;  // sorted by payload

  std::vector<Slot> slots;
  std::vector<Output> outputs;
  std::vector<std::uint32_t> phrase_ids;
  std::vector<Phrase> phrases;

  Impl(const std::vector<std::string>& first, const std::vector<std::string>& second);

  // A character's class and its length in bytes (1 when no well-formed
  // character starts there: it is then in no phrase).
  struct Step {
    std::uint32_t cls;
    std::uint32_t length;
  };
  // The class of the character at p, n > 0 bytes before the text's end. The
  // cases of CJK text (three bytes, ASCII) are inline; the rest is rare.
  Step char_class(const unsigned char* p, std::size_t n) const {
    const unsigned b = p[0];
    if (b < 0x80) return {byte_cls[b], 1};
    if (b - 0xE0u < 0x10u && n >= 3) {
      const unsigned x1 = p[1] ^ 0x80u, x2 = p[2] ^ 0x80u;  // the payloads, if both are below 64
      if ((x1 | x2) < 64) return {three_cls[three_block[((b & 0x0Fu) << 6) | x1] + x2], 3};
    }
    return other_class(p, n);
  }
  Step other_class(const unsigned char* p, std::size_t n) const;

  template <bool kByChar>
  void scan(std::string_view text, std::vector<Match>* const outs[2], bool split) const;
  // Reports the phrases of output e and those along its chain, which end at `end`.
  [[gnu::noinline]] void emit(std::int32_t e, std::string_view text, std::uint32_t end,
                              std::vector<Match>* const outs[2], bool split) const;

 private:
  std::vector<std::vector<std::uint16_t>> classify(const std::vector<std::string>& list);
  void build(const std::vector<std::vector<std::uint16_t>>& sequences, std::uint32_t classes);
};

PhraseMatcher::Impl::Step PhraseMatcher::Impl::other_class(const unsigned char* p, std::size_t n) const {
  const Unit u = decode(p, 0, n);
  switch (u.length) {
    case 0:
      return {0, 1};
    case 1:
      return {byte_cls[u.payload], 1};
    case 2:
      return {two_cls[u.payload], 2};
    case 3:
      return {three_cls[three_block[u.payload >> 6] + (u.payload & 63)], 3};
    default: {
      auto it = std::lower_bound(four_cls.begin(), four_cls.end(), std::make_pair(u.payload, std::uint16_t{0}));
      return {it != four_cls.end() && it->first == u.payload ? it->second : 0u, 4};
    }
  }
}

// Each phrase as a sequence of classes; fills the class tables. By
// characters when every phrase is well formed and the classes fit in 16
// bits, else by bytes.
std::vector<std::vector<std::uint16_t>> PhraseMatcher::Impl::classify(const std::vector<std::string>& list) {
  std::map<std::uint64_t, std::uint16_t> units;  // (length << 32 | payload) → class
  for (const auto& p : list) {
    const auto* s = reinterpret_cast<const unsigned char*>(p.data());
    for (std::size_t i = 0; by_char && i < p.size();) {
      const Unit u = decode(s, i, p.size());
      if (u.length == 0) by_char = false;
      units.emplace(std::uint64_t{u.length} << 32 | u.payload, 0);
      i += u.length;
    }
  }
  if (units.size() >= std::numeric_limits<std::uint16_t>::max()) by_char = false;

  std::vector<std::vector<std::uint16_t>> sequences(list.size());
  if (!by_char) {
    std::array<bool, 256> used{};
    for (const auto& p : list)
      for (unsigned char b : p) used[b] = true;
    std::uint16_t classes = 0;
    for (int b = 0; b < 256; ++b)
      if (used[b]) byte_cls[static_cast<std::size_t>(b)] = ++classes;
    for (std::size_t id = 0; id < list.size(); ++id)
      for (unsigned char b : list[id]) sequences[id].push_back(byte_cls[b]);
    return sequences;
  }

  two_cls.assign(2048, 0);
  three_cls.assign(64, 0);
  std::uint16_t classes = 0;
  for (auto& [key, c] : units) {
    c = ++classes;
    const auto length = static_cast<std::uint32_t>(key >> 32);
    const auto payload = static_cast<std::uint32_t>(key);
    switch (length) {
      case 1:
        byte_cls[payload] = c;
        break;
      case 2:
        two_cls[payload] = c;
        break;
      case 3: {
        auto& block = three_block[payload >> 6];
        if (block == 0) {
          block = static_cast<std::uint32_t>(three_cls.size());
          three_cls.resize(three_cls.size() + 64, 0);
        }
        three_cls[block + (payload & 63)] = c;
        break;
      }
      default:
        four_cls.emplace_back(payload, c);  // in payload order: the map is sorted
    }
  }
  for (std::size_t id = 0; id < list.size(); ++id) {
    const auto* s = reinterpret_cast<const unsigned char*>(list[id].data());
    for (std::size_t i = 0; i < list[id].size();) {
      const Step step = char_class(s + i, list[id].size() - i);
      sequences[id].push_back(static_cast<std::uint16_t>(step.cls));
      i += step.length;
    }
  }
  three_cls.shrink_to_fit();
  return sequences;
}

PhraseMatcher::Impl::Impl(const std::vector<std::string>& first, const std::vector<std::string>& second) {
  std::vector<std::string> list;
  list.reserve(first.size() + second.size());
  list.insert(list.end(), first.begin(), first.end());
  list.insert(list.end(), second.begin(), second.end());
  phrases.resize(list.size());
  for (std::size_t id = 0; id < list.size(); ++id) {
    const std::string& p = list[id];
    Phrase& phrase = phrases[id];
    phrase.set = id < first.size() ? 0 : 1;
    phrase.in_set = static_cast<std::uint32_t>(id < first.size() ? id : id - first.size());
    if (p.empty()) continue;  // never matches
    if (p.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("PhraseMatcher: phrase too long");
    phrase.length = static_cast<std::uint32_t>(p.size());
    phrase.flags =
        static_cast<std::uint8_t>((is_ascii_alnum(static_cast<unsigned char>(p.front())) ? kStartsAlnum : 0) |
                                  (is_ascii_alnum(static_cast<unsigned char>(p.back())) ? kEndsAlnum : 0));
  }
  const auto sequences = classify(list);
  std::uint32_t classes = 0;
  for (const auto& seq : sequences)
    for (auto c : seq) classes = std::max<std::uint32_t>(classes, c);
  build(sequences, classes);
}

void PhraseMatcher::Impl::build(const std::vector<std::vector<std::uint16_t>>& sequences, std::uint32_t classes) {
  // Plain trie first.
  struct Node {
    std::vector<std::pair<std::uint16_t, std::int32_t>> kids;  // (class, node), sorted
    std::vector<std::uint32_t> own;
  };
  std::vector<Node> trie(1);
  for (std::size_t id = 0; id < sequences.size(); ++id) {
    if (sequences[id].empty()) continue;  // an empty phrase never matches
    std::int32_t n = 0;
    for (const std::uint16_t c : sequences[id]) {
      auto& kids = trie[static_cast<std::size_t>(n)].kids;
      auto it = std::lower_bound(kids.begin(), kids.end(), std::make_pair(c, std::int32_t{-1}));
      if (it != kids.end() && it->first == c) {
        n = it->second;
      } else {
        const auto child = static_cast<std::int32_t>(trie.size());
        kids.insert(it, {c, child});
        trie.emplace_back();
        n = child;
      }
    }
    trie[static_cast<std::size_t>(n)].own.push_back(static_cast<std::uint32_t>(id));
  }

  // Place the nodes in the double array, breadth first. slot_of[node].
  std::vector<std::int32_t> slot_of(trie.size(), -1);
  std::vector<bool> taken;
  // next_free[p]: a position at or after p that was free when last looked
  // at (p itself when p is free), so a search skips runs of taken slots.
  std::vector<std::size_t> next_free;
  auto ensure = [&](std::size_t size) {
    if (slots.size() < size) {
      const std::size_t old = slots.size();
      slots.resize(std::max(size, slots.size() + slots.size() / 2));
      taken.resize(slots.size(), false);
      next_free.resize(slots.size());
      for (std::size_t p = old; p < next_free.size(); ++p) next_free[p] = p;
    }
  };
  // The first free position at or after p.
  auto find_free = [&](std::size_t p) {
    std::size_t q = p;
    for (;;) {
      ensure(q + classes + 2);
      if (!taken[q]) break;
      q = next_free[q] == q ? q + 1 : next_free[q];
    }
    for (std::size_t r = p; r != q && taken[r];) {  // path compression
      const std::size_t nx = next_free[r] == r ? r + 1 : next_free[r];
      next_free[r] = q;
      r = nx;
    }
    return q;
  };
  auto take = [&](std::size_t p) {
    taken[p] = true;
    next_free[p] = p + 1;
  };
  ensure(static_cast<std::size_t>(classes) + 2);
  slot_of[0] = 0;
  take(0);
  std::size_t first_free = 1;
  std::int32_t max_base = 0;
  std::deque<std::int32_t> queue{0};
  std::vector<std::int32_t> order;  // BFS order of trie nodes
  order.reserve(trie.size());
  while (!queue.empty()) {
    const std::int32_t n = queue.front();
    queue.pop_front();
    order.push_back(n);
    const auto& kids = trie[static_cast<std::size_t>(n)].kids;
    const std::int32_t s = slot_of[static_cast<std::size_t>(n)];
    if (kids.empty()) continue;
    first_free = find_free(first_free);
    std::size_t pos = std::max<std::size_t>(first_free, kids.front().first);
    for (;; ++pos) {
      pos = find_free(pos);
      const std::size_t base = pos - kids.front().first;
      bool fits = true;
      for (const auto& [c, child] : kids) {
        if (taken[base + c]) {
          fits = false;
          break;
        }
      }
      if (fits) break;
    }
    const auto base = static_cast<std::int32_t>(pos - kids.front().first);
    slots[static_cast<std::size_t>(s)].base = base;
    max_base = std::max(max_base, base);
    for (const auto& [c, child] : kids) {
      const std::size_t t = static_cast<std::size_t>(base) + c;
      take(t);
      slots[t].check = s;
      slot_of[static_cast<std::size_t>(child)] = static_cast<std::int32_t>(t);
      queue.push_back(child);
    }
  }
  // No bounds checks when searching: every base + class stays in range.
  slots.resize(static_cast<std::size_t>(max_base) + classes + 1);
  slots.shrink_to_fit();

  // Failure links (on trie nodes), BFS order guarantees parents first.
  std::vector<std::int32_t> fail(trie.size(), 0);
  auto child_of = [&](std::int32_t n, std::uint16_t c) -> std::int32_t {
    const auto& kids = trie[static_cast<std::size_t>(n)].kids;
    auto it = std::lower_bound(kids.begin(), kids.end(), std::make_pair(c, std::int32_t{-1}));
    return (it != kids.end() && it->first == c) ? it->second : -1;
  };
  std::vector<std::int32_t> emit(trie.size(), -1);  // Output index per trie node
  for (const std::int32_t n : order) {
    for (const auto& [c, child] : trie[static_cast<std::size_t>(n)].kids) {
      std::int32_t f = -1;
      if (n != 0) {
        std::int32_t g = fail[static_cast<std::size_t>(n)];
        for (;;) {
          f = child_of(g, c);
          if (f >= 0 || g == 0) break;
          g = fail[static_cast<std::size_t>(g)];
        }
      }
      fail[static_cast<std::size_t>(child)] = f >= 0 ? f : 0;
    }
  }
  // Outputs, BFS order so that the fail target's emit is known.
  for (const std::int32_t n : order) {
    const auto& node = trie[static_cast<std::size_t>(n)];
    const std::int32_t inherited = n == 0 ? -1 : emit[static_cast<std::size_t>(fail[static_cast<std::size_t>(n)])];
    if (node.own.empty()) {
      emit[static_cast<std::size_t>(n)] = inherited;
      continue;
    }
    Output o;
    o.first = static_cast<std::uint32_t>(phrase_ids.size());
    o.count = static_cast<std::uint32_t>(node.own.size());
    o.next = inherited;
    phrase_ids.insert(phrase_ids.end(), node.own.begin(), node.own.end());
    emit[static_cast<std::size_t>(n)] = static_cast<std::int32_t>(outputs.size());
    outputs.push_back(o);
  }
  for (std::size_t n = 0; n < trie.size(); ++n) {
    Slot& slot = slots[static_cast<std::size_t>(slot_of[n])];
    slot.fail = slot_of[static_cast<std::size_t>(fail[n])];
    slot.emit = emit[n];
  }
  outputs.shrink_to_fit();
  phrase_ids.shrink_to_fit();
}

namespace {

bool before(const Match& a, const Match& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end > b.end;
  return a.phrase < b.phrase;
}

// Matches come out by end, and at one end longest first; moving each back
// past the few overlapping ones it must precede keeps `out` sorted.
void insert_sorted(std::vector<Match>& out, const Match& m) {
  if (out.empty() || !before(m, out.back())) {
    out.push_back(m);
    return;
  }
  out.push_back(out.back());
  std::size_t j = out.size() - 2;
  for (; j > 0 && before(m, out[j - 1]); --j) out[j] = out[j - 1];
  out[j] = m;
}

}  // namespace

template <bool kByChar>
void PhraseMatcher::Impl::scan(std::string_view text, std::vector<Match>* const outs[2], bool split) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const Slot* const sl = slots.data();
  std::int32_t state = 0;
  for (std::size_t i = 0; i < n;) {
    std::uint32_t c;
    if constexpr (kByChar) {
      const Step step = char_class(s + i, n - i);
      c = step.cls;
      i += step.length;
    } else {
      c = byte_cls[s[i++]];
    }
    if (c == 0) {
      state = 0;
      continue;
    }
    for (;;) {
      const std::int32_t t = sl[state].base + static_cast<std::int32_t>(c);
      if (sl[t].check == state) {
        state = t;
        break;
      }
      if (state == 0) break;
      state = sl[state].fail;
    }
    if (sl[state].emit >= 0) emit(sl[state].emit, text, static_cast<std::uint32_t>(i), outs, split);
  }
}

// Out of the scan loop, which keeps its registers for the common case.
void PhraseMatcher::Impl::emit(std::int32_t e, std::string_view text, std::uint32_t end,
                               std::vector<Match>* const outs[2], bool split) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (e >= 0) {
    const Output& o = outputs[static_cast<std::size_t>(e)];
    for (std::uint32_t k = 0; k < o.count; ++k) {
      const std::uint32_t id = phrase_ids[o.first + k];
      const Phrase& p = phrases[id];
      const std::uint32_t begin = end - p.length;
      if ((p.flags & kStartsAlnum) && begin > 0 && is_ascii_alnum(s[begin - 1])) continue;
      if ((p.flags & kEndsAlnum) && end < text.size() && is_ascii_alnum(s[end])) continue;
      insert_sorted(*outs[p.set], Match{begin, end, split ? p.in_set : id});
    }
    e = o.next;
  }
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases)
    : PhraseMatcher(phrases, std::vector<std::string>{}) {}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& first, const std::vector<std::string>& second)
    : impl_(std::make_shared<const Impl>(first, second)), count_(first.size() + second.size()) {}

namespace {

void check_size(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("PhraseMatcher::find_all: text of 4 GiB or more");
  }
}

}  // namespace

void PhraseMatcher::find_all(std::string_view text, std::vector<Match>& out) const {
  out.clear();
  check_size(text);
  std::vector<Match>* const outs[2] = {&out, &out};
  if (impl_->by_char) {
    impl_->scan<true>(text, outs, false);
  } else {
    impl_->scan<false>(text, outs, false);
  }
}

void PhraseMatcher::find_all(std::string_view text, std::vector<Match>& first, std::vector<Match>& second) const {
  first.clear();
  second.clear();
  check_size(text);
  std::vector<Match>* const outs[2] = {&first, &second};
  if (impl_->by_char) {
    impl_->scan<true>(text, outs, true);
  } else {
    impl_->scan<false>(text, outs, true);
  }
}

}  // namespace icp::match
