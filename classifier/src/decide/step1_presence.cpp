// Step 1: does the business provide an internet service of its own?
#include <algorithm>
#include <set>

#include "decide/steps.hpp"
#include "page/page_form.hpp"
#include "text/segment.hpp"

namespace icp::decide {
namespace {

constexpr std::initializer_list<Signal> kOwn = {Signal::presence_site, Signal::presence_app,
                                                Signal::presence_miniprogram, Signal::presence_platform};
constexpr std::initializer_list<Signal> kScopeLicence = {Signal::scope_b25, Signal::scope_telecom};
constexpr std::initializer_list<Signal> kPay = {Signal::pay_content, Signal::pay_listing, Signal::pay_tipping,
                                                Signal::pay_design,  Signal::pay_ads,     Signal::pay_commission,
                                                Signal::pay_fee};
constexpr std::initializer_list<Signal> kOwnServices = {Signal::service_own_goods, Signal::service_own_info,
                                                        Signal::service_own_customers,
                                                        Signal::service_third_party_merchants};

int strongest(const Context& c, std::initializer_list<Signal> list) {
  int best = 0;
  for (auto s : list) best = std::max(best, c.signals[s].strongest);
  return best;
}

// Held permits that show an own site or service: every kind but a B1 or A2
// telecom licence (hosting, access, basic telecom).
bool shows_own_service(const permits::Held& h) {
  return h.kind != permits::Kind::telecom_licence || h.b2;
}

void neither(Context& c, RuleId rule, HitList evidence, bool explicit_in_text) {
  c.found.presence = Presence::none;
  c.found.presence_explicit = explicit_in_text;
  c.decision.decision = Outcome::neither;
  c.trace(rule, evidence);
}

// Where each hit sits: the index of its clause (text::split_clauses). Split
// on first use: only abandoned sites and local tools ask, and most texts
// have neither (a split is a pass over the whole text).
class Clauses {
 public:
  explicit Clauses(std::string_view text) : text_(text) {}
  std::size_t of(const Hit& h) const {
    if (!split_) {
      clauses_ = text::split_clauses(text_);
      split_ = true;
    }
    auto it = std::upper_bound(clauses_.begin(), clauses_.end(), std::size_t{h.begin},
                               [](std::size_t pos, const text::Clause& cl) { return pos < cl.begin; });
    return it == clauses_.begin() ? 0 : static_cast<std::size_t>(it - clauses_.begin() - 1);
  }

 private:
  std::string_view text_;
  mutable bool split_ = false;
  mutable std::vector<text::Clause> clauses_;
};

bool is_own(Signal s) {
  return std::find(kOwn.begin(), kOwn.end(), s) != kOwn.end();
}
bool is_local(Signal s) {
  return s == Signal::presence_local_tool || s == Signal::presence_offline_app;
}

// A site or app the text says was given up: a word of abandonment that opens its
// own clause ("去年注销了", "后来放弃了") reaches back to the site or app of the
// clause or two before it ("以前有个官网，去年注销了"). Within one clause the
// extractor already denies what precedes the verb.
bool abandoned(const Context& c, const Clauses& clauses, const Hit& own) {
  const auto& hits = c.signals.hits();
  for (const auto& u : hits) {
    if (u.signal != Signal::presence_abandoned || u.begin < own.end) continue;
    const auto cu = clauses.of(u), co = clauses.of(own);
    if (cu == co || cu > co + 2) continue;
    // Nothing else of substance opens the verb's clause, and no other site
    // or app comes between.
    const bool opens = std::none_of(hits.begin(), hits.end(), [&](const Hit& h) {
      return !signals::is_cue(h.signal) && h.signal != Signal::presence_abandoned && h.begin >= own.end &&
             h.begin < u.begin && (clauses.of(h) == cu || is_own(h.signal));
    });
    if (opens) return true;
  }
  return false;
}

// The own site/app/platform evidence that was not given up: weights of
// distinct phrases, affirmed or planned.
struct OwnEvidence {
  int affirmed = 0, planned = 0, strongest = 0, abandoned = 0;
  int site_or_miniprogram = 0;  // the heaviest affirmed site or mini-program phrase
  HitList given_up;
};
// Phrase ids already counted: a handful a text, so a short list, not a set.
class SeenPhrases {
 public:
  // True the first time `phrase` is asked for.
  bool insert(std::uint32_t phrase) {
    if (std::find(ids_.begin(), ids_.end(), phrase) != ids_.end()) return false;
    ids_.push_back(phrase);
    return true;
  }

 private:
  std::vector<std::uint32_t> ids_;
};

OwnEvidence own_evidence(const Context& c, const Clauses& clauses) {
  OwnEvidence e{.given_up = c.affirmed_hits({})};
  SeenPhrases seen_affirmed, seen_planned, seen_abandoned;
  // Most texts give nothing up: then no site or app needs the search of abandoned().
  const auto& hits = c.signals.hits();
  const bool any_abandoned =
      std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return h.signal == Signal::presence_abandoned; });
  for (const auto& h : hits) {
    if (!is_own(h.signal) || h.negated || (!h.affirmed() && !h.planned)) continue;
    if (any_abandoned && abandoned(c, clauses, h)) {
      if (seen_abandoned.insert(h.phrase)) e.abandoned += h.weight;
      e.given_up.push_back(&h);
      continue;
    }
    if (h.affirmed() && seen_affirmed.insert(h.phrase)) {
      e.affirmed += h.weight;
      e.strongest = std::max(e.strongest, h.weight);
      if (h.signal == Signal::presence_site || h.signal == Signal::presence_miniprogram)
        e.site_or_miniprogram = std::max(e.site_or_miniprogram, h.weight);
    }
    if (h.planned && seen_planned.insert(h.phrase)) e.planned += h.weight;
  }
  return e;
}

// Category words that describe a local feature ("多款通话风格", "群聊用的表情包",
// "语音转文字存进记事本") sit in a clause with a local tool's words; the others
// describe an exchange between users. The weight of the latter's distinct
// clear phrases (a weak one — 节目, 模板, 视频 — names content, not an exchange).
int exchange_categories(const Context& c, const Clauses& clauses) {
  const auto& hits = c.signals.hits();
  // 游戏 and 玩家 name what the app is, not a feature on the device: their
  // clause may still describe an exchange ("安卓游戏下载交流平台", "与玩家交流").
  auto names_a_game = [&](const Hit& h) {
    const std::string_view word = std::string_view(c.text.text).substr(h.begin, h.end - h.begin);
    return word == "游戏" || word == "玩家";
  };
  std::set<std::size_t> local_clauses;
  for (const auto& h : hits)
    if (is_local(h.signal) && h.affirmed() && !names_a_game(h)) local_clauses.insert(clauses.of(h));
  SeenPhrases seen;
  int sum = 0;
  for (const auto& h : hits)
    if (is_category(h.signal) && h.weight >= 2 && h.affirmed() && !local_clauses.contains(clauses.of(h)) &&
        seen.insert(h.phrase))
      sum += h.weight;
  return sum;
}

// The weight of the distinct local phrases: a product noun said again and
// again (游戏 … 游戏 … 游戏) is one piece of evidence, not ten.
int local_weight(const Context& c) {
  SeenPhrases seen;
  int sum = 0;
  for (const auto& h : c.signals.hits())
    if (is_local(h.signal) && h.affirmed() && seen.insert(h.phrase)) sum += h.weight;
  return sum;
}

// An app whose described functions all run on the device: local tools'
// words, and nothing that goes online — no internet words beyond one weak
// one, no payments, no third-party merchants, no exchange between users.
bool local_only(const Context& c, const Clauses& clauses) {
  const int local = local_weight(c);
  if (local < 2 || c.affirmed(Signal::presence_online_play) >= 2) return false;
  const int online = c.affirmed(Signal::presence_online);
  if (online > (local >= 4 ? 1 : 0) || c.affirmed_sum(kPay) > 0 ||
      c.affirmed(Signal::service_third_party_merchants) > 0)
    return false;
  const int exchange = exchange_categories(c, clauses);
  return exchange < 3 && exchange + online < local;
}

}  // namespace

void step1_presence(Context& c) {
  // An answer to "是否有自己的网站或App？" settles the step.
  if (c.facts.own_site_or_app) {
    c.found.decided_by_fact = true;
    if (!*c.facts.own_site_or_app) return neither(c, rule_id::fact_no_own_site, {}, true);
    c.found.presence = Presence::own;
    c.trace(rule_id::fact_own_site, c.affirmed_hits(kOwn));
    return;
  }
  // A licence or filing number (a site's footer) is the operator's own site,
  // whatever else the text says.
  bool held = false;
  for (const auto& h : c.held)
    if (shows_own_service(h)) {
      if (!held)
        c.trace_held(rule_id::presence_held_permit, h, c.affirmed_hits(kOwn));
      else
        c.decision.trace.back().evidence.push_back(c.span(h));
      held = true;
    }
  if (held) {
    c.found.presence = Presence::own;
    return;
  }

  // A company registered abroad whose service runs on servers abroad and that
  // names no users in mainland China operates no internet service in China
  // (art. 2 of the Measures): nothing there can be filed or licensed.
  const bool server_abroad =
      c.facts.server_in_mainland ? !*c.facts.server_in_mainland : c.affirmed(Signal::server_abroad) >= 2;
  if (c.affirmed(Signal::operator_overseas) >= 2 && server_abroad && c.affirmed(Signal::serves_mainland) == 0)
    return neither(c, rule_id::presence_overseas_only,
                   c.affirmed_hits({Signal::operator_overseas, Signal::server_abroad}), true);

  const Clauses clauses(c.text.text);
  const auto own_ev = own_evidence(c, clauses);
  const int own = own_ev.affirmed;
  const int denied = c.negated_sum(kOwn);
  const int third_party = c.affirmed(Signal::presence_third_party);
  // Evidence that something runs online: internet words, platform
  // features, income from users or advertisers.
  const int online = c.affirmed_sum({Signal::presence_online, Signal::presence_online_play}) +
                     c.affirmed_sum(kCategorySignals) + c.affirmed_sum(kPay);
  const bool service_described = strongest(c, kCategorySignals) >= 3 || c.affirmed(Signal::presence_online) >= 2;
  // Players who play each other over the network (联网对战, 全服, 排位赛, 房卡)
  // are the game's online service, whatever single-player mode it also has
  // ("单机、联网场都可以玩").
  const bool online_play = c.affirmed(Signal::presence_online_play) >= 2;

  // Real descriptions often praise features without naming the site or app
  // ("海量小说免费读", "在线缴纳罚款"): features of an online service imply one.
  // Markup around the company's own pages ("<p>公司简介</p>") is a web page.
  const bool serves_customers = c.affirmed_sum(kOwnServices) >= 2;
  const bool web_page = c.text.had_markup && serves_customers;
  const int digital = online + c.affirmed(Signal::online_payment) + (web_page ? 2 : 0) +
                      (serves_customers && online + c.affirmed(Signal::online_payment) > 0 ? 2 : 0);
  // A shop or account on someone else's platform, or a denied site, needs
  // clear words for an own service to outweigh it ("没有网站和APP" still
  // leaves "只有一个小程序").
  const bool contested = third_party >= 2 || denied > 0;
  const bool has_own = own > 0 && (!contested || own_ev.strongest >= 2);

  // A licence item in a business scope: the company runs (or is setting up)
  // the service the licence covers.
  if (!has_own && c.affirmed_sum(kScopeLicence) > 0) {
    c.found.presence = Presence::own;
    c.trace(rule_id::presence_scope_licence, c.affirmed_hits(kScopeLicence));
    return;
  }
  if (!has_own) {
    if (own_ev.planned > 0) {
      c.found.presence = Presence::planned;
      c.decision.planned = true;
      c.trace(rule_id::presence_planned, c.planned_hits(kOwn));
      return;
    }
    if (own_ev.abandoned > 0) return neither(c, rule_id::presence_abandoned, own_ev.given_up, true);
    // A platform named in passing (抖音铃声, 玩家QQ群, 关注公众号) beside a
    // service the text describes is a channel, not where the service runs:
    // only activity on it (在抖音开店, 淘宝店, 发在某) outweighs the service.
    const bool on_others = c.signals[Signal::presence_third_party].strongest >= 3;
    if (third_party >= 2 && (on_others || (!service_described && digital < 2)))
      return neither(c, rule_id::presence_third_party_only,
                     c.affirmed_hits({Signal::presence_third_party, Signal::presence_offline}), true);
    if (denied > 0) {
      auto evidence = c.negated_hits(kOwn);
      auto offline = c.affirmed_hits({Signal::presence_offline});
      evidence.insert(evidence.end(), offline.begin(), offline.end());
      return neither(c, rule_id::presence_denied, evidence, true);
    }
  }
  if (!has_own && digital < 2 && !service_described) {
    // Registered activities are not services: 软件开发 is work for clients.
    if (c.scope.found)
      return neither(c, rule_id::presence_scope_offline, c.affirmed_hits({Signal::presence_business_scope}), false);
    // A page title of keywords or an about-us heading: the text is the
    // company's own web page.
    if (const auto page = page::read_page_form(c.text.text); page.form != page::Form::none) {
      c.found.presence = Presence::own;
      c.trace(page.form == page::Form::keyword_title ? rule_id::presence_page_title : rule_id::presence_about_page, {});
      const Hit title{Signal::presence_site, 1, page.begin, page.end, 0};
      c.decision.trace.back().evidence.push_back(c.span(title));
      return;
    }
    if (c.affirmed(Signal::presence_offline_app) > 0)
      return neither(c, rule_id::presence_offline_app, c.affirmed_hits({Signal::presence_offline_app}), true);
    if (c.affirmed(Signal::presence_local_tool) > 0)
      return neither(c, rule_id::presence_local_tool, c.affirmed_hits({Signal::presence_local_tool}), false);
    return neither(c, rule_id::presence_none,
                   c.affirmed_hits({Signal::presence_offline, Signal::presence_business_scope}),
                   c.affirmed(Signal::presence_offline) > 0);
  }

  // An app that works without a network, or a local tool with nothing
  // online about it, provides no internet information service.
  const int offline = c.affirmed(Signal::presence_offline_app);
  // One offline word is enough when nothing at all goes online ("离线词汇表").
  if (!online_play &&
      ((offline >= 2 && online <= offline) || (offline >= 1 && online == 0 && c.affirmed(Signal::online_payment) == 0)))
    return neither(c, rule_id::presence_offline_app, c.affirmed_hits({Signal::presence_offline_app}), true);
  // A website or mini-program is online by nature: never a local tool.
  const bool web = own_ev.site_or_miniprogram >= 2;
  const bool bare_tool = c.affirmed(Signal::presence_local_tool) > 0 && online <= 1 && !serves_customers &&
                         c.affirmed(Signal::presence_online) == 0;
  if (!web && (bare_tool || local_only(c, clauses)))
    return neither(c, rule_id::presence_local_tool,
                   c.affirmed_hits({Signal::presence_local_tool, Signal::presence_offline_app}), false);

  c.found.presence = Presence::own;
  if (!has_own) {
    c.trace(rule_id::presence_implied,
            c.affirmed_hits({Signal::presence_online, Signal::presence_online_play, Signal::online_payment,
                             Signal::cat1_publish, Signal::cat1_delivery, Signal::cat2_search, Signal::cat3_community,
                             Signal::cat4_messaging, Signal::cat5_protection}));
    return;
  }
  c.found.miniprogram_only = c.affirmed(Signal::presence_miniprogram) > 0 &&
                             c.affirmed_sum({Signal::presence_site, Signal::presence_app}) == 0 &&
                             c.signals[Signal::presence_platform].strongest < 3;
  c.trace(rule_id::presence_own, c.affirmed_hits(kOwn));
  // Mini-programs have been filed since the MIIT notice of August 2023.
  if (c.found.miniprogram_only && c.in_force(rule_id::presence_miniprogram_only))
    c.trace(rule_id::presence_miniprogram_only, c.affirmed_hits({Signal::presence_miniprogram}));
}

}  // namespace icp::decide
