// Step 1: does the business provide an internet service of its own?
#include "decide/steps.hpp"

namespace icp::decide {
namespace {

constexpr std::initializer_list<Signal> kOwn = {Signal::presence_site, Signal::presence_app,
                                                Signal::presence_miniprogram, Signal::presence_platform};
constexpr std::initializer_list<Signal> kScopeLicence = {Signal::scope_b25, Signal::scope_telecom};
constexpr std::initializer_list<Signal> kCategories = {Signal::cat1_publish,   Signal::cat1_delivery,
                                                       Signal::cat2_search,    Signal::cat3_community,
                                                       Signal::cat4_messaging, Signal::cat5_protection};
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

void neither(Context& c, const char* rule, HitList evidence, bool explicit_in_text) {
  c.found.presence = Presence::none;
  c.found.presence_explicit = explicit_in_text;
  c.decision.decision = Outcome::neither;
  c.trace(rule, evidence);
}

}  // namespace

void step1_presence(Context& c) {
  // An answer to "是否有自己的网站或App？" settles the step.
  if (c.facts.own_site_or_app) {
    c.found.decided_by_fact = true;
    if (!*c.facts.own_site_or_app) return neither(c, "fact.no_own_site", {}, true);
    c.found.presence = Presence::own;
    c.trace("fact.own_site", c.affirmed_hits(kOwn));
    return;
  }
  // A licence or filing number (a site's footer) is the operator's own site,
  // whatever else the text says.
  bool held = false;
  for (const auto& h : c.held)
    if (shows_own_service(h)) {
      if (!held)
        c.trace_held("presence.held_permit", h, c.affirmed_hits(kOwn));
      else
        c.decision.trace.back().evidence.push_back(c.span(h));
      held = true;
    }
  if (held) {
    c.found.presence = Presence::own;
    return;
  }

  const int own = c.affirmed_sum(kOwn);
  const int denied = c.negated_sum(kOwn);
  const int third_party = c.affirmed(Signal::presence_third_party);
  // Evidence that something runs online: internet words, platform
  // features, income from users or advertisers.
  const int online = c.affirmed(Signal::presence_online) + c.affirmed_sum(kCategories) + c.affirmed_sum(kPay);
  const bool service_described = strongest(c, kCategories) >= 3 || c.affirmed(Signal::presence_online) >= 2;

  // A shop or account on someone else's platform, or a denied site, needs
  // clear words for an own service to outweigh it ("没有网站和APP" still
  // leaves "只有一个小程序").
  const bool contested = third_party >= 2 || denied > 0;
  const bool has_own = own > 0 && (!contested || strongest(c, kOwn) >= 2);

  // A licence item in a business scope: the company runs (or is setting up)
  // the service the licence covers.
  if (!has_own && c.affirmed_sum(kScopeLicence) > 0) {
    c.found.presence = Presence::own;
    c.trace("presence.scope_licence", c.affirmed_hits(kScopeLicence));
    return;
  }
  if (!has_own) {
    if (c.planned_sum(kOwn) > 0) {
      c.found.presence = Presence::planned;
      c.decision.planned = true;
      c.trace("presence.planned", c.planned_hits(kOwn));
      return;
    }
    if (third_party >= 2)
      return neither(c, "presence.third_party_only",
                     c.affirmed_hits({Signal::presence_third_party, Signal::presence_offline}), true);
    if (denied > 0) {
      auto evidence = c.negated_hits(kOwn);
      auto offline = c.affirmed_hits({Signal::presence_offline});
      evidence.insert(evidence.end(), offline.begin(), offline.end());
      return neither(c, "presence.denied", evidence, true);
    }
  }
  // Real descriptions often praise features without naming the site or app
  // ("海量小说免费读", "在线缴纳罚款"): features of an online service imply one.
  // Markup around the company's own pages ("<p>公司简介</p>") is a web page.
  const bool web_page = c.text.had_markup && c.affirmed_sum(kOwnServices) >= 2;
  const int digital = online + c.affirmed(Signal::online_payment) + (web_page ? 2 : 0) +
                      (c.affirmed_sum(kOwnServices) >= 2 && online + c.affirmed(Signal::online_payment) > 0 ? 2 : 0);
  if (!has_own && digital < 2 && !service_described) {
    // Registered activities are not services: 软件开发 is work for clients.
    if (c.scope.found)
      return neither(c, "presence.scope_offline", c.affirmed_hits({Signal::presence_business_scope}), false);
    if (c.affirmed(Signal::presence_offline_app) > 0)
      return neither(c, "presence.offline_app", c.affirmed_hits({Signal::presence_offline_app}), true);
    if (c.affirmed(Signal::presence_local_tool) > 0)
      return neither(c, "presence.local_tool", c.affirmed_hits({Signal::presence_local_tool}), false);
    return neither(c, "presence.none", c.affirmed_hits({Signal::presence_offline, Signal::presence_business_scope}),
                   c.affirmed(Signal::presence_offline) > 0);
  }

  // An app that works without a network, or a local tool with nothing
  // online about it, provides no internet information service.
  const int offline = c.affirmed(Signal::presence_offline_app);
  if (offline >= 2 && online <= offline)
    return neither(c, "presence.offline_app", c.affirmed_hits({Signal::presence_offline_app}), true);
  const bool serves_customers = c.affirmed_sum(kOwnServices) >= 2;
  if (c.affirmed(Signal::presence_local_tool) > 0 && online <= 1 && !serves_customers &&
      c.affirmed(Signal::presence_online) == 0)
    return neither(c, "presence.local_tool", c.affirmed_hits({Signal::presence_local_tool}), false);

  c.found.presence = Presence::own;
  if (!has_own) {
    c.trace("presence.implied", c.affirmed_hits({Signal::presence_online, Signal::online_payment, Signal::cat1_publish,
                                                 Signal::cat1_delivery, Signal::cat2_search, Signal::cat3_community,
                                                 Signal::cat4_messaging, Signal::cat5_protection}));
    return;
  }
  c.found.miniprogram_only = c.affirmed(Signal::presence_miniprogram) > 0 &&
                             c.affirmed_sum({Signal::presence_site, Signal::presence_app}) == 0 &&
                             c.signals[Signal::presence_platform].strongest < 3;
  c.trace("presence.own", c.affirmed_hits(kOwn));
  if (c.found.miniprogram_only) c.trace("presence.miniprogram_only", c.affirmed_hits({Signal::presence_miniprogram}));
}

}  // namespace icp::decide
