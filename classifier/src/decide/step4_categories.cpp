// Step 4: which of the five B25 sub-categories the service falls in —
// decided from what it does, not from whether it charges.
#include <array>
#include <utility>

#include "decide/steps.hpp"

namespace icp::decide {
namespace {

// A category holds when one phrase is clear enough on its own, or several
// weaker ones add up.
bool holds(const Context& c, std::initializer_list<Signal> list, int single, int total) {
  int sum = 0, best = 0;
  for (auto s : list) {
    sum += c.affirmed(s);
    best = std::max(best, c.signals[s].strongest);
  }
  return best >= single || sum >= total;
}

bool decisive(const Context& c, std::initializer_list<Signal> list) {
  return holds(c, list, 3, 5);
}

// A library of one kind of content, named again and again (小说 … 小说 …
// 小说, 漫画大全): the content is the product, and novels, comics, films
// and the like are others' works, not the operator's own information.
bool content_library(const Context& c) {
  constexpr int kTimes = 3;
  // The delivery hits of a text are few: a short list, no allocation per text.
  std::array<std::pair<std::uint32_t, int>, 16> times{};
  std::size_t used = 0;
  for (const auto& h : c.signals.hits()) {
    if (h.signal != Signal::cat1_delivery || h.weight < 2 || !h.affirmed()) continue;
    std::size_t i = 0;
    while (i < used && times[i].first != h.phrase) ++i;
    if (i == used) {
      if (used == times.size()) continue;
      times[used++] = {h.phrase, 0};
    }
    if (++times[i].second >= kTimes) return true;
  }
  return false;
}

}  // namespace

void step4_detect_categories(Context& c) {
  auto& f = c.found;
  const auto cat1 = {Signal::cat1_publish, Signal::cat1_delivery};
  const bool library = content_library(c);
  f.category[1] = holds(c, cat1, 3, 3) || f.marketplace || library;
  // Internal, vertical or local search is not category 2 (the brief); only
  // an unmistakably general engine survives such context.
  const bool vertical = c.affirmed(Signal::search_vertical) >= 2;
  f.category[2] = vertical ? c.signals[Signal::cat2_search].strongest >= 3 && c.affirmed(Signal::cat2_search) >= 5
                           : holds(c, {Signal::cat2_search}, 3, 3);
  f.category[3] = holds(c, {Signal::cat3_community}, 2, 3);
  f.category[4] = holds(c, {Signal::cat4_messaging}, 2, 3);
  f.category[5] = holds(c, {Signal::cat5_protection}, 2, 3);
  // Video or chat between the company and its own customers (a hospital's
  // video consultations with its doctors, an insurer's claims call) is the
  // company serving them, not messaging between users (domain.md: a
  // company's own customer-service chat is not category 3 or 4). The operator
  // must show itself as the provider (官方, 本院, 我们的): "在线向执业医师问诊"
  // alone is a platform's. Users who post, third parties who act, or a chat
  // sold to businesses (a SaaS chat window, a cloud IVR line: the talk is the
  // product) keep category 4.
  const bool sold = c.affirmed(Signal::note_saas) >= 2 ||
                    c.affirmed_sum({Signal::pay_content, Signal::pay_fee, Signal::pay_design}) >= 2;
  const bool own_provider = c.affirmed(Signal::role_own) > 0 && !sold;
  f.own_customer_talk = f.category[4] && f.own_customers && own_provider && !f.marketplace && !f.category[3] &&
                        c.signals[Signal::cat1_publish].strongest < 3;
  if (f.own_customer_talk) f.category[4] = false;

  f.online_game = c.affirmed(Signal::note_game) >= 2 || c.affirmed(Signal::presence_online_play) >= 2;
  // Category 1 by delivery words alone (视频, 地图, 资讯) may be the operator's
  // own content, presumed non-commercial (domain.md step 3). It is a platform
  // when others publish on it (cat1_publish, the roles grammar's matches),
  // when a delivery word is unmistakable (直播, 应用商店), or when it delivers
  // news, which is others' reporting and a regulated service, or when it is a
  // library of others' works.
  const bool cat1_platform =
      f.category[1] && (library || f.marketplace || c.affirmed(Signal::cat1_publish) >= 2 ||
                        c.signals[Signal::cat1_delivery].strongest >= 3 || c.affirmed(Signal::sector_news) >= 2);
  f.any_platform = cat1_platform || f.category[2] || f.category[3] || f.category[4] || f.category[5];
  f.strong_platform = f.marketplace || (f.category[1] && decisive(c, cat1)) ||
                      (f.category[2] && decisive(c, {Signal::cat2_search})) ||
                      (f.category[3] && decisive(c, {Signal::cat3_community})) ||
                      (f.category[4] && decisive(c, {Signal::cat4_messaging})) ||
                      (f.category[5] && decisive(c, {Signal::cat5_protection}));
}

void step4_report_categories(Context& c) {
  auto& f = c.found;
  auto& d = c.decision;
  if (d.decision == Outcome::neither) return;
  static constexpr Signal kEvidence[6][2] = {{},
                                             {Signal::cat1_publish, Signal::cat1_delivery},
                                             {Signal::cat2_search, Signal::cat2_search},
                                             {Signal::cat3_community, Signal::cat3_community},
                                             {Signal::cat4_messaging, Signal::cat4_messaging},
                                             {Signal::cat5_protection, Signal::cat5_protection}};
  static constexpr RuleId kRule[6] = {
      RuleId{},           rule_id::category_1, rule_id::category_2, rule_id::category_3, rule_id::category_4,
      rule_id::category_5};
  for (int n = 1; n <= 5; ++n) {
    if (!f.category[n]) continue;
    d.categories.push_back(n);
    auto evidence = c.affirmed_hits({kEvidence[n][0], kEvidence[n][1]});
    if (n == 1 && f.marketplace) {
      auto merchants = c.affirmed_hits({Signal::service_third_party_merchants});
      evidence.insert(evidence.end(), merchants.begin(), merchants.end());
    }
    c.trace(kRule[n], evidence);
  }
  if (f.own_customer_talk) c.trace(rule_id::category_4_own_customers, c.affirmed_hits({Signal::cat4_messaging}));
  if (c.affirmed(Signal::search_vertical) >= 2 && !f.category[2])
    c.trace(rule_id::category_2_excluded, c.affirmed_hits({Signal::search_vertical}));
  // A licence read from a business scope or held (a footer's number) says
  // nothing of what the service does: its categories are on the
  // certificate, not in the text. Nor is web-design work for clients a
  // category (domain.md's conventions).
  const bool from_scope = f.ground == Ground::scope_b25 || f.ground == Ground::scope_telecom;
  // A fee for the design work itself (按项目收费) is still design-only.
  const bool design_only = c.affirmed(Signal::pay_design) > 0 &&
                           c.affirmed_sum({Signal::pay_content, Signal::pay_listing, Signal::pay_tipping,
                                           Signal::pay_commission, Signal::pay_ads}) == 0;
  // Nor is SaaS or online software sold to businesses, or hosting and cloud
  // servers (domain.md's conventions): their subscriptions and fees buy the
  // software or the server. Listing fees or tips still make a platform.
  const bool software_or_hosting =
      (c.affirmed(Signal::note_saas) >= 2 || c.affirmed(Signal::note_hosting) >= 2) &&
      c.affirmed_sum({Signal::pay_listing, Signal::pay_tipping, Signal::pay_commission}) == 0;
  if (software_or_hosting && d.decision == Outcome::license && d.categories.empty() && !from_scope &&
      f.ground != Ground::held_licence) {
    c.trace(rule_id::category_none_software, c.affirmed_hits({Signal::note_saas, Signal::note_hosting}));
    return;
  }
  if (d.decision == Outcome::license && d.categories.empty() && !from_scope && !design_only &&
      f.ground != Ground::held_licence) {
    // An online game is commercial with no B25 category of its own unless
    // players chat or post (domain.md's convention); its approvals are notes.
    if (f.online_game) {
      c.trace(rule_id::category_none_game, c.affirmed_hits({Signal::note_game}));
      return;
    }
    d.categories.push_back(1);
    c.trace(rule_id::category_1_by_default, {});
  }
}

}  // namespace icp::decide
