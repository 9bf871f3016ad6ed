#include "roles/platform_roles.hpp"

#include <algorithm>
#include <array>

#include "text/find.hpp"
#include "text/segment.hpp"
#include "text/words.hpp"

namespace icp::roles {
namespace {

using signals::Hit;
using signals::Signal;
using text::char_before;
using text::starts_with_any;

// Phrase ids of the matches, beyond any lexicon: one per pattern.
constexpr std::uint32_t kRolePhrase = (1u << 24) + 64;
// A party and its action reach each other within this many bytes (ten
// Chinese characters): "房东可以直接发布房源".
constexpr std::uint32_t kReach = 30;
// A party and its action must weigh this much together: a clear party with
// a clear action (商家入驻), or a clear one with a weak one (商家提供, 用户发布).
constexpr int kPartyAction = 4;
// The operator's own word owns a party this close after it: "本院医生",
// "我们的专家医生", "官方认证的讲师" (three characters between at most).
constexpr std::uint32_t kOwnReach = 9;
// The operator's word owns a count of places this close before the place
// ("旗下拥有20家酒店": six characters between).
constexpr std::uint32_t kOwnVenueReach = 18;
// Two parties brought together must weigh this much: 用户与专家 (1 + 3) and
// 农户与消费者 (2 + 1) do, 用户和企业 (1 + 1) does not.
constexpr int kTwoParties = 3;
// A conjunction and a count at most between two joined parties ("和两万名").
constexpr std::uint32_t kJoinReach = 18;

// A count of third parties ends at `at`: "2万名", "10000+家", "数千家", "上百位".
bool quantity_ends_at(std::string_view text, std::size_t at) {
  const std::string_view measure = char_before(text, at);
  if (measure != "家" && measure != "位" && measure != "名") return false;
  std::size_t i = at - measure.size();
  const std::string_view before = char_before(text, i);
  if (before.size() == 1) return (before[0] >= '0' && before[0] <= '9') || before[0] == '+';
  static constexpr std::array<std::string_view, 10> kNumberish = {"万", "千", "百", "十", "多",
                                                                  "余", "数", "几", "两", "亿"};
  return std::find(kNumberish.begin(), kNumberish.end(), before) != kNumberish.end();
}

// A quantity within a few characters before `at` ("10000家优质苗木商").
bool counted(std::string_view text, std::size_t at, std::size_t floor) {
  for (std::size_t back = 0; back <= 12 && at >= floor + back; ++back) {
    const std::size_t end = at - back;
    if (end > 0 && quantity_ends_at(text, end)) return true;
  }
  return false;
}

// "各大汽车品牌4S店", "众多本地餐厅", "各家医院": a plural of many unnamed
// parties within twelve characters before a party's word (its qualifiers
// between: "各大城市人气特色美食商家") names others, as a count does.
bool many_before(std::string_view text, std::size_t at, std::size_t floor) {
  const std::size_t from = at >= floor + 36 ? at - 36 : floor;
  const std::string_view window = text.substr(from, at - from);
  for (std::string_view many : {"各大", "众多", "各家", "诸多"})
    if (window.find(many) != std::string_view::npos) return true;
  return false;
}

// A count of third parties right after a gathering word: "汇集上百家贷款平台",
// "收录2000多位名医" (a measure word of parties within six characters).
bool counted_after(std::string_view text, std::size_t from, std::size_t clause_end) {
  const std::size_t to = std::min(clause_end, from + 18);
  for (std::size_t i = from; i < to;) {
    const std::string_view ch = text.substr(i, 3);
    if ((ch == "家" || ch == "位" || ch == "名") && quantity_ends_at(text, i + 3)) return true;
    const auto b = static_cast<unsigned char>(text[i]);
    i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  }
  return false;
}

// Trades named by the 商 suffix after a count: "数千家苗木商", "3000家供应商".
bool counted_traders(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t& at, std::uint32_t& to) {
  const std::string_view clause = text.substr(0, end);  // a search never runs past its clause
  for (std::size_t i = text::find_word(clause, "商", begin); i != std::string_view::npos;
       i = text::find_word(clause, "商", i + 3)) {
    // The word after 商 must not make it something else (商品, 商城, 商业).
    const std::string_view next = text.substr(i + 3);
    if (starts_with_any(next, {"品", "城", "业", "场", "务", "标", "机", "量", "铺"})) continue;
    // A count within six characters before: "家" + up to five Han characters + 商.
    for (std::size_t back = 3; back <= 18 && i >= begin + back; back += 3)
      if (quantity_ends_at(text, i - back + 3) || quantity_ends_at(text, i - back)) {
        at = static_cast<std::uint32_t>(i - back);
        to = static_cast<std::uint32_t>(i + 3);
        return true;
      }
  }
  return false;
}

// Counted places are on the service only when the text describes an online
// service ("在线预订各大4S店", "平台覆盖2000家酒店") and their clause does not
// make them the outlets of the operator's goods ("全国上百家药店都能买到我们的
// 产品": shops that sell the goods, not a platform).
bool sells_our_goods(std::string_view clause) {
  return text::contains_any(clause, {"买到", "有售", "经销", "代理商", "销售网点", "专柜", "铺货"});
}

bool says_online(std::string_view text) {
  return text::contains_any(text, {"平台", "app", "小程序", "网站", "本站", "在线", "线上", "网上", "预订", "预约",
                                   "订座", "订房", "比价", "下单", "入驻", "覆盖", "点评"});
}

// The text says, before `at`, that the operator runs a chain of its own
// (直营, 分店, 连锁…; not 旗下: "某集团旗下的App" says who owns the app, not
// the places). "各大连锁酒店" is others' chains: a chain word
// right after a plural of many does not count.
bool own_chain_before(std::string_view text, std::size_t at) {
  const std::string_view before = text.substr(0, at);
  for (std::string_view word : {"直营", "分店", "分院", "连锁"}) {
    for (std::size_t i = before.find(word); i != std::string_view::npos; i = before.find(word, i + word.size())) {
      const std::size_t from = i >= 12 ? i - 12 : 0;
      const std::string_view lead = text.substr(from, i - from);
      if (!text::contains_any(lead, {"各大", "众多", "各家", "诸多"}) && !quantity_ends_at(text, i)) return true;
    }
  }
  return false;
}

// Between a party and its action, an enumeration means they belong to
// different items ("作者访谈和投稿须知", "案例和设计师介绍").
bool enumerated_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  const std::string_view between = text.substr(from, to - from);
  for (std::string_view word : {"、", "和", "及", "与", "/"})
    if (between.find(word) != std::string_view::npos) return true;
  return false;
}

// Two parties are joined when a conjunction opens what lies between them and
// at most a count follows it ("农户与消费者", "用户和两万名专家").
bool joined(std::string_view text, std::uint32_t from, std::uint32_t to) {
  const std::string_view between = text.substr(from, to - from);
  if (between.size() > kJoinReach) return false;
  return starts_with_any(between, {"与", "和", "及", "跟", "同", "、", "and ", " and "});
}

struct ClauseHits {
  std::vector<const Hit*> party, action, gather, published, own, venue;
  bool connect = false;
  // Cleared for the next clause, keeping the capacity (no allocation per clause).
  void clear() {
    party.clear(), action.clear(), gather.clear(), published.clear(), own.clear(), venue.clear();
    connect = false;
  }
};

// Per-thread buffers that with_roles() reuses from one text to the next
// (most texts have role words: no allocations each time).
struct Scratch {
  std::vector<std::uint32_t> role_at;  // begins of the parties and gatherings, in order
  std::vector<text::Clause> clauses;   // the clauses worth reading
  std::vector<Hit> added;
  ClauseHits c;
};

}  // namespace

std::vector<Hit> with_roles(std::vector<Hit> hits, std::string_view text) {
  // Only texts that can match: a party with an action, a clear party (to
  // be counted), gathering, or a count of traders (…家…商). One pass over
  // the hits tells, and notes where the parties and gatherings are.
  thread_local Scratch scratch;
  bool gather = false, connect = false, venue = false;
  int party = 0, action = 0, parties = 0;  // the heaviest party and action; how many parties
  auto& role_at = scratch.role_at;
  role_at.clear();
  for (const Hit& h : hits) {
    const bool p = h.signal == Signal::role_party || h.signal == Signal::role_venue,
               g = h.signal == Signal::role_gather;
    if (h.signal == Signal::role_party) party = std::max(party, h.weight), ++parties;
    venue |= h.signal == Signal::role_venue;
    if (h.signal == Signal::role_action) action = std::max(action, h.weight);
    gather |= g;
    connect |= h.signal == Signal::role_connect;
    if (p | g) role_at.push_back(h.begin);
  }
  const bool traders =
      text::find_word(text, "家") != std::string_view::npos && text::find_word(text, "商") != std::string_view::npos;
  const bool pair = party > 0 && action > 0 && party + action >= kPartyAction;
  const bool clear_party = party >= 3, two_parties = connect && parties >= 2;
  if (!pair && !two_parties && !clear_party && !gather && !traders && !venue) return hits;

  auto& added = scratch.added;
  added.clear();
  auto add = [&](std::uint32_t begin, std::uint32_t end, std::uint32_t pattern) {
    added.push_back(Hit{Signal::cat1_publish, 3, begin, end, kRolePhrase + pattern});
  };
  // The clauses worth reading: those of the parties, gatherings and 商, in
  // text order (a 商 before a party's word first).
  auto& clauses = scratch.clauses;
  clauses.clear();
  auto seed = [&](std::size_t at) {
    if (!clauses.empty() && at < clauses.back().end) return;  // seeds come in order
    clauses.push_back(text::clause_around(text, at));
  };
  {
    std::size_t trader = traders ? text::find_word(text, "商") : std::string_view::npos;
    for (const std::uint32_t at : role_at) {
      for (; trader != std::string_view::npos && trader < at; trader = text::find_word(text, "商", trader + 3))
        seed(trader);
      seed(at);
    }
    for (; trader != std::string_view::npos; trader = text::find_word(text, "商", trader + 3)) seed(trader);
  }
  ClauseHits& c = scratch.c;
  std::size_t next = 0;  // the first hit at or after the clause's begin
  for (const auto& clause : clauses) {
    c.clear();
    // The clauses come in text order: walk on from the last one's first hit.
    while (next < hits.size() && hits[next].begin < clause.begin) ++next;
    for (std::size_t i = next; i < hits.size() && hits[i].begin < clause.end; ++i) {
      const Hit& h = hits[i];
      if (!h.affirmed()) continue;
      switch (h.signal) {
        case Signal::role_party:
          c.party.push_back(&h);
          break;
        case Signal::role_action:
          c.action.push_back(&h);
          break;
        case Signal::role_gather:
          c.gather.push_back(&h);
          break;
        case Signal::role_own:
          c.own.push_back(&h);
          break;
        case Signal::role_venue:
          c.venue.push_back(&h);
          break;
        case Signal::role_connect:
          c.connect = true;
          break;
        case Signal::cat1_publish:
        case Signal::cat1_delivery:
          c.published.push_back(&h);
          break;
        default:
          break;
      }
    }
    // The operator's own staff are not third parties: "本院医生在线解答", "我们的
    //老师答疑". 我们的 before a service ("我们的小程序打通茶农与…") owns the service, not them.
    const auto owned = [&](const Hit* p) {
      return std::any_of(c.own.begin(), c.own.end(),
                         [p](const Hit* o) { return o->end <= p->begin && p->begin - o->end <= kOwnReach; });
    };
    std::erase_if(c.party, owned);
    // A count of places is the operator's own when its word stands just
    // before the count ("旗下拥有20家酒店"), or when the text has said it runs
    // a chain ("我们是一家连锁餐饮企业…全国有120家餐厅").
    std::erase_if(c.venue, [&](const Hit* v) {
      return own_chain_before(text, v->begin) || std::any_of(c.own.begin(), c.own.end(), [&](const Hit* o) {
               return o->end <= v->begin && o->end + kOwnVenueReach >= v->begin;
             });
    });
    bool third_parties = false;
    for (const Hit* p : c.party) {
      for (const Hit* a : c.action) {
        if (p->weight + a->weight < kPartyAction) continue;
        const bool after = a->begin >= p->end;
        if (!after && p->begin < a->end) continue;  // overlapping words
        const std::uint32_t from = after ? p->end : a->end, to = after ? a->begin : p->begin;
        if (to - from > kReach || enumerated_between(text, from, to)) continue;
        add(std::min(p->begin, a->begin), std::max(p->end, a->end), 0);
        third_parties = true;
      }
      if ((p->weight >= 3 && counted(text, p->begin, clause.begin)) ||
          (p->weight >= 3 && many_before(text, p->begin, clause.begin))) {
        add(p->begin, p->end, 1);
        third_parties = true;
      }
    }
    // Places and institutions are others only when counted: "上百家餐厅",
    // "各大医院"; "我们酒店" and "公司旗下20家酒店" are the operator's own.
    const bool online_clause = !c.venue.empty() &&
                               !sells_our_goods(text.substr(clause.begin, clause.end - clause.begin)) &&
                               (!c.gather.empty() || !c.action.empty() || says_online(text));
    for (const Hit* v : c.venue)
      if (online_clause && (counted(text, v->begin, clause.begin) || many_before(text, v->begin, clause.begin))) {
        add(v->begin, v->end, 1);
        third_parties = true;
      }
    // Two kinds of third parties joined by 与/和 and brought together:
    // "打通农户与消费者的交易通道", "连接用户和专家".
    if (c.connect) {
      for (std::size_t i = 0; i + 1 < c.party.size(); ++i) {
        const Hit* a = c.party[i];
        const Hit* b = c.party[i + 1];
        if (a->phrase == b->phrase || b->begin < a->end || a->weight + b->weight < kTwoParties) continue;
        if (!joined(text, a->end, b->begin)) continue;
        add(a->begin, b->end, 3);
        third_parties = true;
      }
    }
    std::uint32_t at = 0, to = 0;
    if (counted_traders(text, clause.begin, clause.end, at, to)) {
      add(at, to, 1);
      third_parties = true;
    }
    // Gathering others' information: what is gathered is others' (a count of
    // third parties, or what others publish), not its own recipes.
    if (!c.gather.empty()) {
      const Hit* g = c.gather.front();
      // A word can be both (采集): what is gathered must be another word.
      const bool published = std::any_of(c.published.begin(), c.published.end(),
                                         [g](const Hit* p) { return p->end <= g->begin || p->begin >= g->end; });
      const bool others = third_parties || published || counted_after(text, g->end, clause.end) ||
                          std::any_of(c.party.begin(), c.party.end(), [](const Hit* p) { return p->weight >= 3; });
      if (others) add(g->begin, g->end, 2);
    }
  }
  signals::merge_hits(hits, added);
  return hits;
}

}  // namespace icp::roles
