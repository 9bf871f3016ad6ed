// Aho–Corasick automaton over UTF-8 bytes, stored as a double-array trie:
// bytes are first mapped to dense classes (only the bytes that occur in some
// phrase get one; any other byte resets to the root), and node s's child on
// class c lives in slot base[s] + c iff check[slot] == s. Failure and output
// ("dictionary suffix") links make it a full Aho–Corasick automaton. Memory
// is ~16 bytes per trie node plus the output lists: a lexicon of 3,000 CJK
// phrases takes well under 1 MB.
#include "match/phrase_matcher.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <stdexcept>

namespace icp::match {

namespace {

bool is_ascii_alnum(unsigned char b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

constexpr std::uint8_t kStartsAlnum = 1;
constexpr std::uint8_t kEndsAlnum = 2;

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
    std::uint32_t length = 0;
    std::uint8_t flags = 0;
  };

  std::array<std::uint16_t, 256> cls{};  // 0 = byte occurs in no phrase
  std::vector<Slot> slots;
  std::vector<Output> outputs;
  std::vector<std::uint32_t> phrase_ids;
  std::vector<Phrase> phrases;

  explicit Impl(const std::vector<std::string>& list);
};

PhraseMatcher::Impl::Impl(const std::vector<std::string>& list) {
  // Byte classes.
  std::array<bool, 256> used{};
  for (const auto& p : list)
    for (unsigned char b : p) used[b] = true;
  std::uint16_t classes = 0;
  for (int b = 0; b < 256; ++b)
    if (used[b]) cls[b] = ++classes;

  // Plain trie first.
  struct Node {
    std::vector<std::pair<std::uint16_t, std::int32_t>> kids;  // (class, node), sorted
    std::vector<std::uint32_t> own;
  };
  std::vector<Node> trie(1);
  phrases.resize(list.size());
  for (std::size_t id = 0; id < list.size(); ++id) {
    const std::string& p = list[id];
    if (p.empty()) continue;  // never matches
    if (p.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("PhraseMatcher: phrase too long");
    phrases[id].length = static_cast<std::uint32_t>(p.size());
    phrases[id].flags =
        static_cast<std::uint8_t>((is_ascii_alnum(static_cast<unsigned char>(p.front())) ? kStartsAlnum : 0) |
                                  (is_ascii_alnum(static_cast<unsigned char>(p.back())) ? kEndsAlnum : 0));
    std::int32_t n = 0;
    for (unsigned char b : p) {
      const std::uint16_t c = cls[b];
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

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases)
    : impl_(std::make_shared<const Impl>(phrases)), count_(phrases.size()) {}

void PhraseMatcher::find_all(std::string_view text, std::vector<Match>& out) const {
  out.clear();
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("PhraseMatcher::find_all: text of 4 GiB or more");
  }
  const Impl& m = *impl_;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const Impl::Slot* slots = m.slots.data();
  std::int32_t state = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint16_t c = m.cls[s[i]];
    if (c == 0) {
      state = 0;
      continue;
    }
    for (;;) {
      const std::int32_t t = slots[state].base + c;
      if (slots[t].check == state) {
        state = t;
        break;
      }
      if (state == 0) break;
      state = slots[state].fail;
    }
    for (std::int32_t e = slots[state].emit; e >= 0;) {
      const Impl::Output& o = m.outputs[static_cast<std::size_t>(e)];
      const auto end = static_cast<std::uint32_t>(i + 1);
      for (std::uint32_t k = 0; k < o.count; ++k) {
        const std::uint32_t id = m.phrase_ids[o.first + k];
        const Impl::Phrase& p = m.phrases[id];
        const std::uint32_t begin = end - p.length;
        if ((p.flags & kStartsAlnum) && begin > 0 && is_ascii_alnum(s[begin - 1])) continue;
        if ((p.flags & kEndsAlnum) && end < n && is_ascii_alnum(s[end])) continue;
        out.push_back(Match{begin, end, id});
      }
      e = o.next;
    }
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.phrase < b.phrase;
  });
}

}  // namespace icp::match
