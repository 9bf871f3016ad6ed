#include "roles/peer_exchange.hpp"

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
using text::contains_any;
using text::starts_with_any;

// Phrase ids of the matches, beyond any lexicon and the party grammar's.
constexpr std::uint32_t kPeerPhrase = (1u << 24) + 96;
// A peer and its exchange reach each other within this many bytes (ten
// Chinese characters): "和十万钓友一起在这里交流".
constexpr std::uint32_t kReach = 30;
// An exchange word may also come first, right before its peer: "回复别人",
// "分享给大家" (three characters between at most).
constexpr std::uint32_t kReachBack = 9;
// A peer and an exchange must weigh this much together: others with any
// exchange (大家 + 分享), one's friends only with a real one (好友 + 交流).
constexpr int kPeerExchange = 3;
// Viewers' tips reach the live stream they are for within this many bytes
// (thirty Chinese characters): "直播间送礼物", "主播直播，观众可以打赏".
constexpr std::uint32_t kTipReach = 90;
// The weight of a "X友" noun found by its form (钓友, 跑友, 书友).
constexpr int kFellowWeight = 2;
// A weak exchange word (分享, 留言, 关注, 互动) names the others as partners
// only when a partner word comes this close before them ("与全国百万驴友分享",
// "给别人留言"), or 一起/共同 between; "欢迎大家关注", "大家关注的车型" and
// "分享美丽与大家" are not users exchanging.
constexpr std::uint32_t kPartnerReach = 12;

bool is_han(std::string_view ch) {
  if (ch.size() != 3) return false;
  const auto lead = static_cast<unsigned char>(ch[0]);
  return lead >= 0xE4 && lead <= 0xE9;
}

struct Peer {
  std::uint32_t begin, end;
  int weight;
};

// "X友" nouns of fellow users, by their form: a Han character and 友 not
// continued into another word (友好, 友情, 友商, 友店) and not 交友 (an
// exchange itself). 用户友好 is 友好.
void fellows(std::string_view text, std::vector<Peer>& out) {
  for (std::size_t i = text::find_word(text, "友"); i != std::string_view::npos;
       i = text::find_word(text, "友", i + 3)) {
    const std::string_view before = char_before(text, i);
    if (!is_han(before) || before == "交") continue;
    if (starts_with_any(text.substr(i + 3), {"好", "情", "谊", "善", "邦", "盟", "商", "军", "爱", "店", "链", "圈"}))
      continue;
    out.push_back({static_cast<std::uint32_t>(i - 3), static_cast<std::uint32_t>(i + 3), kFellowWeight});
  }
}

// Words that make the clause the operator speaking to its users ("客服会及时
// 回复大家", "小编与大家分享", "欢迎大家…"), a privacy promise ("不会与他人分享
// 您的个人信息", "不得与任何其他人士分享"), or a share out to another platform ("分享给微信好友",
// "和朋友在QQ上聊"): not users exchanging on this service.
bool not_among_users(std::string_view clause) {
  return contains_any(clause, {"客服",   "小编",     "工作人员", "管理员",   "我",      "官方",     "老师", "本公司",
                               "我司",   "主持人",   "欢迎",     "密码",     "隐私",    "个人信息", "不得", "请勿",
                               "切勿",   "微信",     "朋友圈",   "qq",       "微博",    "抖音",     "快手", "钉钉",
                               "小红书", "facebook", "twitter",  "whatsapp", "we chat", "wechat"});
}

// A partner word within kPartnerReach before the peer: it is whom one
// exchanges with. 与/和/跟/同 ("with") for any weak exchange; 给/向 ("to")
// only for a word of exchange itself (给别人留言), not for an act such as
// 分享 or 推荐 ("给大家推荐好书" is the operator presenting).
bool partner_marked(std::string_view text, const Peer& p, std::size_t floor, bool act) {
  const std::size_t from = p.begin >= floor + kPartnerReach ? p.begin - kPartnerReach : floor;
  const std::string_view before = text.substr(from, p.begin - from);
  if (contains_any(before, {"与", "和", "跟", "同", "with "})) return true;
  return !act && contains_any(before, {"给", "向"});
}
bool together_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  return contains_any(text.substr(from, to - from), {"一起", "共同", "together"});
}

// Sharing is the one act that users do together with others ("与百万驴友分享");
// the lexicon files it as role_action (the party grammar reads "达人分享" as
// publishing), so it is known here by its words. Other acts (提供, 推荐,
// 展示) are done for users, not with them.
bool is_shared_act(std::string_view text, const Hit& h) {
  const std::string_view word = text.substr(h.begin, h.end - h.begin);
  return h.signal == Signal::role_action && (word == "分享" || word == "share");
}

// An exchange word of the lexicon, or sharing.
bool is_exchange(std::string_view text, const Hit& h) {
  return h.signal == Signal::role_exchange || h.signal == Signal::cat3_community ||
         h.signal == Signal::cat4_messaging || is_shared_act(text, h);
}

// 看看别人的…, 查看大家的…: a viewing word right before the peer, 的 right after.
bool viewing_others(std::string_view text, const Peer& p) {
  if (!text.substr(p.end).starts_with("的")) return false;
  const std::size_t from = p.begin >= 6 ? p.begin - 6 : 0;
  const std::string_view before = text.substr(from, p.begin - from);
  for (std::string_view view : {"看", "浏览", "发现", "围观", "欣赏"})
    if (before.ends_with(view) || (before.size() >= 3 && before.substr(0, before.size() - 3).ends_with(view)))
      return true;
  return false;
}

// The audience of a live stream exchanging with its hosts: a live stream
// (live_stream) and, anywhere in the text, viewers tipping them (打赏, 送礼物)
// — a room where viewers and hosts interact, not a broadcast (电视直播) or a
// live lesson (直播课: the teacher's own stream, category 1 unless users post).
// Not a stream on another's platform ("在抖音直播带货"): that platform is named
// close to it.
void live_room(const std::vector<Hit>& hits, std::vector<Hit>& out) {
  auto near = [](const Hit& a, const Hit& b, std::uint32_t reach) {
    return a.end + reach >= b.begin && b.end + reach >= a.begin;
  };
  for (const Hit& live : hits) {
    if (live.signal != Signal::live_stream || !live.affirmed()) continue;
    bool tipped = false, on_others = false;
    for (const Hit& h : hits) {
      if (!h.affirmed()) continue;
      // A clear tip (打赏, 礼物), not a game's coins or a top-up (守护, 充值).
      tipped |= h.signal == Signal::pay_tipping && h.weight >= 2 && near(h, live, kTipReach);
      on_others |= h.signal == Signal::presence_third_party && near(h, live, kReach);
    }
    if (tipped && !on_others) {
      out.push_back(Hit{Signal::cat3_community, 3, live.begin, live.end, kPeerPhrase + 1});
      return;
    }
  }
}

}  // namespace

std::vector<Hit> with_peer_exchange(std::vector<Hit> hits, std::string_view text) {
  thread_local std::vector<Peer> peers;
  thread_local std::vector<Hit> added;
  peers.clear();
  added.clear();
  bool exchange = false;
  for (const Hit& h : hits) {
    if (!h.affirmed()) continue;
    if (h.signal == Signal::role_peer) peers.push_back({h.begin, h.end, h.weight});
    exchange |= is_exchange(text, h);
  }
  live_room(hits, added);
  if (!exchange && peers.empty() && added.empty()) return hits;
  fellows(text, peers);
  // A fellow noun inside a lexicon peer (好友 found again as X友) is the lexicon's.
  std::sort(peers.begin(), peers.end(),
            [](const Peer& a, const Peer& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  std::erase_if(peers, [&](const Peer& p) {
    return p.weight == kFellowWeight && std::any_of(peers.begin(), peers.end(), [&](const Peer& q) {
             return &q != &p && q.begin <= p.begin && q.end >= p.end && q.weight != kFellowWeight;
           });
  });
  for (const Peer& p : peers) {
    const auto clause = text::clause_around(text, p.begin);
    // The speaker is often named a clause earlier: "我到过的地方都会增加到App中，与大家分享".
    const std::size_t from = clause.begin > 0 ? text::clause_around(text, clause.begin - 1).begin : 0;
    if (not_among_users(text.substr(from, clause.end - from))) continue;
    if (p.weight >= 2 && viewing_others(text, p)) {
      added.push_back(Hit{Signal::cat3_community, 3, p.begin, p.end + 3, kPeerPhrase});
      continue;
    }
    for (const Hit& h : hits) {
      if (h.begin >= clause.end) break;
      if (h.begin < clause.begin || !h.affirmed() || !is_exchange(text, h)) continue;
      if (p.weight + std::max(h.weight, 1) < kPeerExchange) continue;
      const bool after = h.begin >= p.end && h.begin - p.end <= kReach;
      // An exchange before its peer is a clear one: "回复别人", not "分享美丽与大家".
      const bool before = h.weight >= 2 && h.end <= p.begin && p.begin - h.end <= kReachBack;
      if (!after && !before) continue;
      const bool act = h.signal == Signal::role_action;  // sharing
      if (h.weight < 2 && !partner_marked(text, p, clause.begin, act) && !together_between(text, p.end, h.begin))
        continue;
      added.push_back(Hit{Signal::cat3_community, 3, std::min(p.begin, h.begin), std::max(p.end, h.end), kPeerPhrase});
      break;
    }
  }
  if (added.empty()) return hits;
  std::sort(added.begin(), added.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  signals::merge_hits(hits, added);
  return hits;
}

}  // namespace icp::roles
