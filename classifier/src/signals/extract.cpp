#include "signals/extract.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/find.hpp"

namespace icp::signals {
namespace {

bool is_ascii(char c) {
  return static_cast<unsigned char>(c) < 0x80;
}

int code_points_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  int n = 0;
  for (std::uint32_t i = from; i < to; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

std::atomic<bool> g_full_clause{false};

// A Han character (U+3400–U+4DBF, U+4E00–U+9FFF) starts at byte i: the
// characters ICU's word breaker hands to its dictionary, all NFKC-inert.
// By the lead byte and the middle byte's six bits (code point bits 6–11):
// the ranges' edges fall on multiples of 64.
bool is_han(std::string_view t, std::size_t i) {
  if (i + 3 > t.size()) return false;
  const unsigned mid = static_cast<unsigned char>(t[i + 1]) & 0x3Fu;
  switch (static_cast<unsigned char>(t[i])) {
    case 0xE3:
      return mid >= 0x10;  // U+3400 and up
    case 0xE4:
      return mid != 0x37;  // all but U+4DC0–U+4DFF
    case 0xE5:
    case 0xE6:
    case 0xE7:
    case 0xE8:
    case 0xE9:
      return true;
    default:
      return false;
  }
}

std::size_t prev_char(std::string_view t, std::size_t i) {
  if (i >= 3 && (static_cast<unsigned char>(t[i - 1]) & 0xC0) == 0x80 &&
      (static_cast<unsigned char>(t[i - 2]) & 0xC0) == 0x80 && (static_cast<unsigned char>(t[i - 3]) & 0xC0) != 0x80)
    return i - 3;  // a three-byte character (Han), the common case
  do --i;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80);
  return i;
}

std::size_t next_char(std::string_view t, std::size_t i) {
  do ++i;
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80);
  return i;
}

// Per-thread buffers that extract() reuses from one text to the next.
struct Scratch {
  std::vector<match::Match> open;
  std::vector<std::size_t> boundaries;
  std::vector<std::uint32_t> reach;
  std::vector<std::uint8_t> cut;
  std::vector<Hit> clause_hits;
};

// ICU splits many domain words (付费 → 付|费), so a phrase need not be one
// token; but a match that begins and ends inside words straddles them
// (广告 in 推广告知 = 推广|告知), and a one-character cue must begin a word
// (没 in 出没 is no negation).
class WordCheck {
 public:
  WordCheck(std::string_view text, const text::WordSegmenter& segmenter, Scratch& scratch)
      : text_(text),
        segmenter_(segmenter),
        windows_(!g_full_clause.load(std::memory_order_relaxed) && segmenter.dictionary().available()),
        boundaries_(scratch.boundaries),
        reach_(scratch.reach),
        cut_(scratch.cut) {}

  bool acceptable(const match::Match& m, const CompiledPhrase& phrase, const text::Clause& clause) {
    if (is_ascii(text_[m.begin])) return true;  // the matcher already checks ASCII word edges
    if (clause_begin_ != clause.begin || !ready_) start_clause(clause);
    if (windows_) {
      // A cut is always a word boundary: no segmentation needed.
      if (is_cut(m.begin)) return true;
      if (!phrase.single_char && is_cut(m.end)) return true;
      if (!(window_begin_ <= m.begin && m.end <= window_end_)) segment_window(m);
    }
    bool begins_word = std::binary_search(boundaries_.begin(), boundaries_.end(), m.begin);
    bool ends_word = std::binary_search(boundaries_.begin(), boundaries_.end(), m.end);
    if (phrase.single_char) return begins_word;
    return begins_word || ends_word;
  }

 private:
  void start_clause(const text::Clause& clause) {
    clause_begin_ = clause.begin;
    clause_end_ = clause.end;
    ready_ = true;
    boundaries_.clear();
    window_begin_ = window_end_ = 0;
    if (windows_) {
      reach_.assign(clause.end - clause.begin, 0);
      cut_.assign(clause.end - clause.begin, 0);
      return;
    }
    auto relative = segmenter_.boundaries(text_.substr(clause.begin, clause.end - clause.begin));
    for (auto b : relative) boundaries_.push_back(clause.begin + b);
    window_begin_ = clause.begin;
    window_end_ = clause.end;
  }

  // The end of the longest dictionary word starting at i (memoised per clause).
  std::size_t reach(std::size_t i) {
    auto& r = reach_[i - clause_begin_];
    if (r == 0) r = static_cast<std::uint32_t>(segmenter_.dictionary().longest_word_end(text_, i, clause_end_) + 1);
    return r - 1;
  }

  // True where the whole-clause segmentation certainly breaks and text on
  // either side segments independently: the clause's edges, and places
  // between two Han characters that no dictionary word crosses. False when
  // unsure (other scripts nearby).
  bool is_cut(std::size_t p) {
    if (p <= clause_begin_ || p >= clause_end_) return true;
    auto& known = cut_[p - clause_begin_];  // memoised per clause: 0 unknown, 1 cut, 2 not
    if (known == 0) known = find_cut(p) ? 1 : 2;
    return known == 1;
  }

  bool find_cut(std::size_t p) {
    if (!is_han(text_, p)) return false;
    // Back from p one character at a time. The text is valid UTF-8 and i a
    // character boundary, so the character before i is Han iff i - 3 starts
    // a Han character; an ASCII one ends the breaker's dictionary run.
    std::size_t i = p;
    for (int n = 1; n < text::CjkDictionary::kMaxWordChars && i > clause_begin_; ++n) {
      if (is_ascii(text_[i - 1])) return n > 1;  // no word starts before it; but p needs Han on both sides
      if (i - clause_begin_ < 3 || !is_han(text_, i - 3)) return false;
      i -= 3;
      if (reach(i) > p) return false;
      // A cut known at i: no word from before i passes i, let alone p, and
      // the text before i is Han back to where this walk would stop anyway.
      if (cut_[i - clause_begin_] == 1) return true;
    }
    return true;
  }

  // Segments [cut before m, cut after m): the clause's boundaries there.
  void segment_window(const match::Match& m) {
    constexpr int kMaxScan = 48;  // characters; past that, the clause's edge
    std::size_t begin = m.begin, end = m.end;
    for (int n = 0; !is_cut(begin); ++n) begin = n < kMaxScan ? prev_char(text_, begin) : clause_begin_;
    for (int n = 0; !is_cut(end); ++n) end = n < kMaxScan ? next_char(text_, end) : clause_end_;
    boundaries_.clear();
    const std::string_view window = text_.substr(begin, end - begin);
    for (auto b : segmenter_.boundaries(window)) boundaries_.push_back(begin + b);
    window_begin_ = begin;
    window_end_ = end;
  }

  std::string_view text_;
  const text::WordSegmenter& segmenter_;
  const bool windows_;
  std::vector<std::size_t>& boundaries_;  // of [window_begin_, window_end_)
  std::size_t window_begin_ = 0, window_end_ = 0;
  std::vector<std::uint32_t>& reach_;  // per clause byte: 1 + longest word end, 0 unknown
  std::vector<std::uint8_t>& cut_;     // per clause byte: is_cut(), see there
  std::size_t clause_begin_ = 0, clause_end_ = 0;
  bool ready_ = false;
};

// A longer phrase masks a shorter one inside it when the longer one is a
// mask (社区医院 ⊃ 社区, 不仅 ⊃ 不), when the shorter one is a cue (免费 ⊃ 免)
// or when both are of the same kind in signals.tsv (广告收入 ⊃ 收入, 零付费 ⊃
// 付费). Otherwise both stand: 公司官网 is a brochure and a site.
bool masks(const CompiledLexicon& lexicon, Signal longer, Signal shorter) {
  return longer == Signal::neutral || shorter == Signal::neutral || is_cue(shorter) ||
         lexicon.info(longer).kind == lexicon.info(shorter).kind;
}

// Tells the matches that a longer one masks, fed the matches that passed
// the word check in order (sorted by begin, longer first).
class Masking {
 public:
  Masking(const CompiledLexicon& lexicon, std::vector<match::Match>& open) : lexicon_(lexicon), open_(open) {
    open_.clear();
  }

  // Whether an earlier match masks m; m may mask later ones either way.
  bool masked(const match::Match& m, Signal signal) {
    std::size_t still = 0;  // drop the open ones that end before m
    for (const auto& o : open_)
      if (o.end > m.begin) open_[still++] = o;
    open_.resize(still);
    bool hidden = false;
    for (const auto& o : open_) {
      const bool contains = o.begin <= m.begin && m.end <= o.end && (o.end - o.begin) > (m.end - m.begin);
      if (contains && masks(lexicon_, lexicon_.phrase(o.phrase).signal, signal)) {
        hidden = true;
        break;
      }
    }
    open_.push_back(m);
    return hidden;
  }

 private:
  const CompiledLexicon& lexicon_;
  std::vector<match::Match>& open_;  // earlier matches that may still contain later ones
};

// A negation denies the first phrase after it, within kNegationReach
// characters, and the phrases that continue it: coordinated ones ("没有网站
// 和APP", "不提供注册、评论或发帖") and, for all but a site or app, ones that
// follow directly or after a quantifier ("不收取任何费用", "线上收费"). A
// site or app right after is the thing described, not denied ("无广告App").
bool continues_denial(std::string_view gap, Signal next) {
  if (gap.size() > 9) return false;  // three CJK characters at most
  for (std::string_view word : {"和", "或", "及", "与", "、", "/", "跟", " and ", " or "})
    if (gap.find(word) != std::string_view::npos) return true;
  if (is_presence(next)) return false;
  for (std::string_view filler : {"", "任何", "一切", "所有", "全部", "的", "各种", "其他", "任何的"})
    if (gap == filler) return true;
  return false;
}

bool is_own_presence(Signal s) {
  return s == Signal::presence_site || s == Signal::presence_app || s == Signal::presence_miniprogram ||
         s == Signal::presence_platform;
}

// What may stand between a negation and the site or app it denies: a verb of
// having or making one, an aspect particle, a quantifier, a possessive, the
// first half of a compound, in any order ("没有做过自己的", "不提供任何",
// "没有开通官方的", "没有自己的店铺网站").
bool denies_presence(std::string_view gap) {
  static constexpr std::string_view kWords[] = {
      "属于自己的", "我们自己的", "我们的", "公司的", "自己的", "自有的", "专门的", "独立的", "正式的", "单独的",
      "官方的", "官方", "一个", "任何", "什么", "开发", "搭建", "建设", "开通", "上线", "提供", "注册", "运营", "申请",
      "打算", "准备", "有", "做", "建", "设", "开", "办", "弄", "用", "过", "了", "个", "的", "款", "家",
      // the first half of a compound: 自己的店铺网站, 公司官网, 手机App
      "店铺", "公司", "品牌", "企业", "手机", "移动", "电商", "商城", "门户", "个人", "独立", "网上", "在线", "线上"};
  while (!gap.empty()) {
    const auto* w =
        std::find_if(std::begin(kWords), std::end(kWords), [&](std::string_view k) { return gap.starts_with(k); });
    if (w == std::end(kWords)) return false;
    gap.remove_prefix(w->size());
  }
  return true;
}

bool is_payment(Signal s) {
  return is_income(s) || s == Signal::online_payment;
}

// Quantified negation puts the denied thing first: "一个广告都没有",
// "一分钱都没收过", "什么费用也不收". A negation cue that starts with 都 or 也
// (or follows one) denies the phrase right before it when a quantifier (一…,
// 半…, 任何, 什么, 啥, 连) leads up to that phrase within a few characters.
bool quantified_before(std::string_view text, std::uint32_t clause_begin, const Hit& h, const Hit& negation) {
  if (negation.begin < h.end) return false;
  std::string_view gap = text.substr(h.end, negation.begin - h.end);
  std::string_view cue = text.substr(negation.begin, negation.end - negation.begin);
  const bool dou = cue.starts_with("都") || cue.starts_with("也");
  if (!(dou ? gap.empty() : (gap == "都" || gap == "也"))) return false;
  std::string_view phrase = text.substr(h.begin, h.end - h.begin);
  for (std::string_view q : {"一", "半"})
    if (phrase.starts_with(q)) return true;
  // Up to five characters before the phrase.
  std::uint32_t from = h.begin;
  for (int n = 0; n < 5 && from > clause_begin; ++n) from = static_cast<std::uint32_t>(prev_char(text, from));
  std::string_view lead = text.substr(from, h.begin - from);
  for (std::string_view q : {"一", "半", "任何", "什么", "啥", "连"})
    if (lead.find(q) != std::string_view::npos) return true;
  return false;
}

// An English negation carries over a comma into a list: "we do not have a
// mini program, a website or an app". The next clause continues it when it
// opens with an article or a conjunction and then the next phrase.
bool continues_list(std::string_view opening) {
  for (std::string_view w : {"a ", "an ", "any ", "or ", "or a ", "or an ", "or any ", "nor ", "nor a ", "nor an ",
                             "and ", "and a ", "and an ", "and no ", "no "})
    if (opening == w) return true;
  return false;
}

// Applies the cues of one clause. A plan, a maybe or the past covers the
// phrases after it ("以前有付费会员", not the "论坛" before it); an offline
// cue covers the clause's payments ("咨询在线下进行并收费"); an undoing verb
// denies what comes before it ("广告位都撤下了"); a negation stops at a break
// ("不用注册就能付费下载").
// `carried`: an English negation list from the clause before goes on here
// (see continues_list). Returns whether this clause ends in such a list.
bool apply_scope(std::string_view text, const text::Clause& clause, std::vector<Hit>& clause_hits, bool carried) {
  const bool offline =
      std::any_of(clause_hits.begin(), clause_hits.end(), [](const Hit& h) { return h.signal == Signal::cue_offline; });
  bool plan = false, maybe = false, past = false;
  const Hit* negation = nullptr;
  std::uint32_t denied_begin = 0, denied_end = 0;  // the last denied phrase
  bool denying = false;
  const auto begin = static_cast<std::uint32_t>(clause.begin);
  const Hit carried_cue{Signal::cue_negation, 0, begin, begin, 0};
  if (carried) {
    auto first = std::find_if(clause_hits.begin(), clause_hits.end(), [](const Hit& h) { return !is_cue(h.signal); });
    // A list, not a new sentence: the clause goes on with "or"/"and"/"nor",
    // or ends at another comma.
    const std::string_view rest = text.substr(begin, clause.end - begin);
    const bool list = rest.find(" or ") != std::string_view::npos || rest.find(" nor ") != std::string_view::npos ||
                      rest.find(" and ") != std::string_view::npos ||
                      (clause.end < text.size() && text[clause.end] == ',');
    if (list && first != clause_hits.end() && continues_list(text.substr(begin, first->begin - begin))) {
      negation = &carried_cue;
      denying = true;
      denied_begin = denied_end = begin;
    }
  }
  std::size_t since_break = 0;  // first hit after the last break
  for (std::size_t i = 0; i < clause_hits.size(); ++i) {
    Hit& h = clause_hits[i];
    switch (h.signal) {
      case Signal::cue_plan:
        plan = true;
        continue;
      case Signal::cue_maybe:
        maybe = true;
        continue;
      case Signal::cue_past:
        past = true;
        continue;
      case Signal::cue_offline:
        continue;
      case Signal::cue_undone:
        for (std::size_t j = since_break; j < i; ++j)
          if (!is_cue(clause_hits[j].signal)) clause_hits[j].negated = true;
        [[fallthrough]];
      case Signal::cue_negation:
        // "一个广告都没有": the quantified phrase just before is denied too.
        for (std::size_t j = i; j-- > since_break;) {
          Hit& before = clause_hits[j];
          if (is_cue(before.signal)) continue;
          if (quantified_before(text, begin, before, h)) before.negated = true;
          break;
        }
        negation = &h;
        denying = false;
        continue;
      case Signal::cue_break:
        since_break = i + 1;
        if (negation && h.begin >= negation->end) negation = nullptr;
        continue;
      default:
        break;
    }
    h.planned = plan && !maybe;
    h.maybe = maybe;
    h.past = past;
    h.offline = offline && is_payment(h.signal);
    if (!negation || negation->begin >= h.begin) continue;
    if (!denying) {
      // A site or app is denied only as the object of the negation: "没有网站",
      // "没有做过自己的App", "不提供小程序" — not "不能等待日程芳草APP", "不会错过新平台".
      if (is_own_presence(h.signal) && h.begin >= negation->end && !is_ascii(text[negation->begin]) &&
          !denies_presence(text.substr(negation->end, h.begin - negation->end)))
        continue;
      if (h.begin < negation->end || code_points_between(text, negation->end, h.begin) <= kNegationReach) {
        h.negated = true;
        denying = true;
        denied_begin = h.begin;
        denied_end = h.end;
      } else {
        negation = nullptr;
      }
    } else if (h.begin == denied_begin || h.begin < denied_end ||
               continues_denial(text.substr(denied_end, h.begin - denied_end), h.signal) ||
               (negation == &carried_cue && denied_end == begin)) {
      h.negated = true;
      denied_begin = h.begin;
      denied_end = std::max(denied_end, h.end);
    } else {
      negation = nullptr;
      denying = false;
    }
  }
  // A list that goes on past the comma: the clause ends in an English phrase
  // it denies ("do not have a mini program, ...").
  if (!denying || clause_hits.empty()) return false;
  const Hit& last = clause_hits.back();
  if (!last.negated || last.end + 1 < clause.end || !is_ascii(text[last.begin])) return false;
  return clause.end < text.size() && text[clause.end] == ',';
}

}  // namespace

void set_full_clause_segmentation(bool on) {
  g_full_clause.store(on, std::memory_order_relaxed);
}

SignalSet::SignalSet(std::vector<Hit> hits) : hits_(std::move(hits)) {
  // Per phrase id, which of affirmed (1), negated (2), planned (4) it already counted for.
  // Lexicon phrase ids are small; a short list, searched in turn, only for
  // ids beyond any lexicon (the readers' own hits: a few distinct ids a
  // text), which must not size the dense table.
  constexpr std::uint32_t kDense = 1u << 20;
  std::uint32_t max_phrase = 0;
  for (const auto& h : hits_)
    if (h.phrase < kDense) max_phrase = std::max(max_phrase, h.phrase);
  // All zero between texts: each text clears the entries it set, not the table.
  thread_local std::vector<std::uint8_t> seen;
  thread_local std::vector<std::pair<std::uint32_t, std::uint8_t>> sparse;
  if (seen.size() <= max_phrase) seen.resize(std::size_t{max_phrase} + 1, 0);
  sparse.clear();
  auto sparse_flags = [](std::uint32_t phrase) -> std::uint8_t& {
    for (auto& [id, flags] : sparse)
      if (id == phrase) return flags;
    return sparse.emplace_back(phrase, std::uint8_t{0}).second;
  };
  auto first_time = [](std::uint8_t& flags, std::uint8_t bit) {
    if (flags & bit) return false;
    flags |= bit;
    return true;
  };
  for (const auto& h : hits_) {
    auto& s = strengths_[static_cast<std::size_t>(h.signal)];
    auto& flags = h.phrase < kDense ? seen[h.phrase] : sparse_flags(h.phrase);
    if (h.affirmed() && first_time(flags, 1)) {
      s.affirmed += h.weight;
      s.strongest = std::max(s.strongest, h.weight);
    }
    if (h.negated && !h.past && first_time(flags, 2)) s.negated += h.weight;
    if (h.planned && !h.negated && first_time(flags, 4)) s.planned += h.weight;
  }
  for (const auto& h : hits_)
    if (h.phrase < kDense) seen[h.phrase] = 0;
  // The per-signal index: count, then place each hit after its signal's earlier ones.
  for (const auto& h : hits_) ++first_[static_cast<std::size_t>(h.signal) + 1];
  for (std::size_t i = 1; i <= kSignalCount; ++i) first_[i] += first_[i - 1];
  by_signal_.resize(hits_.size());
  std::array<std::uint32_t, kSignalCount> next{};
  for (std::size_t i = 0; i < kSignalCount; ++i) next[i] = first_[i];
  for (std::uint32_t i = 0; i < hits_.size(); ++i) by_signal_[next[static_cast<std::size_t>(hits_[i].signal)]++] = i;
}

SignalSet extract(const text::NormalizedText& text, const CompiledLexicon& lexicon,
                  const text::WordSegmenter& segmenter) {
  thread_local Found found;
  lexicon.find(text.text, found);
  return extract(text, lexicon, segmenter, found.phrases);
}

void merge_hits(std::vector<Hit>& hits, std::vector<Hit>& added) {
  const auto by_begin = [](const Hit& a, const Hit& b) { return a.begin < b.begin; };
  std::stable_sort(added.begin(), added.end(), by_begin);
  const auto middle = static_cast<std::ptrdiff_t>(hits.size());
  hits.insert(hits.end(), added.begin(), added.end());
  std::inplace_merge(hits.begin(), hits.begin() + middle, hits.end(), by_begin);
}

SignalSet extract(const text::NormalizedText& text, const CompiledLexicon& lexicon,
                  const text::WordSegmenter& segmenter, const std::vector<match::Match>& matches) {
  return SignalSet(extract_hits(text, lexicon, segmenter, matches));
}

// Where a negation cue is not a statement about the service: inside a title
// (《别做那只迷途的候鸟》 names a book), or in a bug-fix note of an app's
// release notes ("修复了支付后无法跳回客户端的问题" says the app had a bug,
// not that there is no app).
class InertCues {
 public:
  explicit InertCues(std::string_view text) : text_(text) {
    for (std::size_t open = text::find_word(text, "《"); open != std::string_view::npos;
         open = text::find_word(text, "《", open + 3)) {
      const std::size_t close = text::find_word(text, "》", open + 3);
      if (close == std::string_view::npos) break;
      titles_.emplace_back(open, close);
    }
  }
  bool inert(const match::Match& m, const text::Clause& clause) const {
    for (const auto& [open, close] : titles_)
      if (open < m.begin && m.end <= close) return true;
    const std::string_view c = text_.substr(clause.begin, clause.end - clause.begin);
    for (std::string_view w : {"修复", "修正", "闪退", "bug"})
      if (c.find(w) != std::string_view::npos) return true;
    return false;
  }

 private:
  std::string_view text_;
  std::vector<std::pair<std::size_t, std::size_t>> titles_;
};

std::vector<Hit> extract_hits(const text::NormalizedText& text, const CompiledLexicon& lexicon,
                              const text::WordSegmenter& segmenter, const std::vector<match::Match>& matches) {
  std::string_view view = text.text;
  thread_local Scratch scratch;
  const auto clauses = text::split_clauses(view);
  WordCheck words(view, segmenter, scratch);
  Masking masking(lexicon, scratch.open);
  const InertCues inert_cues(view);

  std::vector<Hit> hits;
  hits.reserve(matches.size());
  auto& clause_hits = scratch.clause_hits;  // of clause `current`
  clause_hits.clear();
  std::size_t current = 0;
  bool carried = false;  // an English negation list goes on into the next clause
  std::size_t carried_to = 0;
  auto flush = [&] {
    if (clause_hits.empty()) {
      carried = false;
      return;
    }
    const bool into = carried && carried_to == current;
    carried = apply_scope(view, clauses[current], clause_hits, into);
    carried_to = current + 1;
    for (auto& h : clause_hits)
      if (!is_cue(h.signal) && h.signal != Signal::neutral) hits.push_back(h);
    clause_hits.clear();
  };
  std::size_t c = 0;
  std::uint32_t negation_end = 0;  // of the last negation cue that stood
  for (const auto& m : matches) {
    // Matches outside every clause sit on punctuation; they are dropped.
    while (c < clauses.size() && clauses[c].end <= m.begin) ++c;
    if (c == clauses.size()) break;
    if (m.begin < clauses[c].begin || m.end > clauses[c].end) continue;
    const auto& phrase = lexicon.phrase(m.phrase);
    if (!words.acceptable(m, phrase, clauses[c])) continue;
    // A mask right after a negation is not read as the trade word it masks
    // for: "无广告创意家居" is an app with no ads, not 广告创意 work.
    if (phrase.signal == Signal::neutral && negation_end == m.begin && m.begin != 0) continue;
    if (masking.masked(m, phrase.signal)) continue;
    if (phrase.signal == Signal::cue_negation) {
      if (inert_cues.inert(m, clauses[c])) continue;
      negation_end = m.end;
    }
    if (c != current) {
      flush();
      current = c;
    }
    clause_hits.push_back({phrase.signal, phrase.weight, m.begin, m.end, m.phrase});
  }
  flush();
  return hits;
}

}  // namespace icp::signals
