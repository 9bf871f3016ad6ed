// Step 3: commercial (licence) or not (filing) — Measures art. 3, 4, 11,
// with the brief's presumption for platforms that do not say who pays.
#include "decide/steps.hpp"

namespace icp::decide {
namespace {

constexpr std::initializer_list<Signal> kUserPays = {Signal::pay_content, Signal::pay_listing, Signal::pay_tipping,
                                                     Signal::pay_commission, Signal::pay_fee};
constexpr std::initializer_list<Signal> kAllPay = {Signal::pay_content,    Signal::pay_listing, Signal::pay_tipping,
                                                   Signal::pay_commission, Signal::pay_fee,     Signal::pay_ads,
                                                   Signal::pay_design};

int strongest(const Context& c, std::initializer_list<Signal> list) {
  int best = 0;
  for (auto s : list) best = std::max(best, c.signals[s].strongest);
  return best;
}

// Advertising income: commercial in the brief, disputed under art. 3.
void note_ads_disputed(Context& c) {
  c.note("ads_disputed", "广告收入按代办实务视为经营性；《互联网信息服务管理办法》第三条只提向用户有偿提供，有争议",
         "Advertising income counts as commercial in agency practice; art. 3 speaks only of paid "
         "services to users, so this is disputed");
}

void decide(Context& c, Outcome outcome, Ground ground) {
  c.decision.decision = outcome;
  c.found.ground = ground;
}

// A licence the text shows is held (a footer's 京ICP证…号 or B2-…, a 经营性
// drug information certificate) settles the step, whatever else it says.
bool held_licence(Context& c) {
  using permits::Held;
  using permits::Kind;
  const Held* h = nullptr;
  RuleId rule{};
  if ((h = c.held_permit(Kind::icp_licence))) {
    rule = rule_id::held_icp_licence;
  } else if ((h = c.held_permit(Kind::telecom_licence, [](const Held& p) { return p.b2; }))) {
    rule = rule_id::held_telecom_licence;
  } else if ((h = c.held_permit(Kind::drug_info_certificate,
                                [](const Held& p) { return p.commercial.value_or(false); }))) {
    rule = rule_id::held_drug_info_commercial;
  } else {
    return false;
  }
  decide(c, Outcome::license, Ground::held_licence);
  c.trace_held(rule, *h);
  return true;
}

void commercial_from_text(Context& c) {
  const auto& f = c.found;
  const int pay = c.affirmed_sum(kAllPay);
  const int pay_strongest = strongest(c, kAllPay);
  // Fees that were charged once and stopped count as a statement of not charging now.
  bool stopped_charging = false;
  for (const auto& h : c.signals.hits()) stopped_charging |= h.past && !h.negated && signals::is_income(h.signal);
  const bool states_free = c.affirmed(Signal::free) >= 2 || c.negated_sum(kUserPays) > 0 || stopped_charging;
  const bool says_free = states_free || c.affirmed(Signal::free) > 0;
  const bool no_ads = c.negated(Signal::pay_ads) > 0;
  // A public body named beside third-party merchants selling is a client or a
  // partner, not the operator: a marketplace is run to earn.
  // A public body is named (人民政府, 事业单位, 卫健委: weight 2 or more); what
  // its content is about (政务, 政务服务) says nothing of who runs it, however
  // often a city app offers it.
  const bool public_body =
      c.affirmed(Signal::operator_public) >= 2 && c.signals[Signal::operator_public].strongest >= 2;
  const bool public_operator = (c.affirmed(Signal::operator_nonprofit) >= 2 || public_body) && !f.marketplace;
  // The presumption is about companies: platforms are run to earn. A person's
  // own forum, blog or mini-program that names no income is a hobby, and an
  // individual cannot hold the licence anyway (domain.md step 3). It takes a
  // clear statement (我个人, 个人主体), not a passing 本人.
  const bool individual = c.signals[Signal::operator_individual].strongest >= 3;

  if (c.affirmed(Signal::online_payment) > 0)
    c.trace(rule_id::commercial_payment_not_test, c.affirmed_hits({Signal::online_payment}));

  // The caller's answers outrank what the text suggests.
  const auto& given = c.facts;
  if (given.charges_users.value_or(false) || given.ad_income.value_or(false)) {
    decide(c, Outcome::license, Ground::explicit_pay);
    c.found.decided_by_fact = true;
    c.trace(given.charges_users.value_or(false) ? rule_id::fact_charges_users : rule_id::fact_ad_income,
            c.affirmed_hits(kAllPay));
    return;
  }
  if (given.charges_users && !*given.charges_users) {
    // Not charging users; ads still count if the text says so and no answer denies them.
    const bool ads = !given.ad_income && c.affirmed(Signal::pay_ads) >= 2;
    c.found.decided_by_fact = true;
    if (ads) {
      decide(c, Outcome::license, Ground::ads_only);
      c.trace(rule_id::commercial_ads, c.affirmed_hits({Signal::pay_ads}));
      note_ads_disputed(c);
    } else {
      decide(c, Outcome::filing, Ground::free_no_ads);
      c.trace(rule_id::fact_no_charges, {});
    }
    return;
  }

  // A business scope that registers the B25 licence (or a telecom licence
  // that usually is it) says the service is run commercially.
  if (c.affirmed(Signal::scope_b25) > 0 || c.affirmed(Signal::scope_telecom) > 0) {
    const bool b25 = c.affirmed(Signal::scope_b25) > 0;
    decide(c, Outcome::license, b25 ? Ground::scope_b25 : Ground::scope_telecom);
    c.trace(b25 ? rule_id::commercial_scope_b25 : rule_id::commercial_scope_telecom,
            c.affirmed_hits({b25 ? Signal::scope_b25 : Signal::scope_telecom}));
    if (c.affirmed(Signal::pay_design) > 0) c.trace(rule_id::commercial_design, c.affirmed_hits({Signal::pay_design}));
    return;
  }

  // Someone pays for the information service: the text says so. Generic fee
  // words lose to an explicit "free and no ads" about the site itself.
  // Fees alone (咨询费, 服务费: what the company charges for its own work)
  // are such generic words; paid content, listings or tips are not.
  const int paid_beyond_fees = c.affirmed_sum(
      {Signal::pay_listing, Signal::pay_tipping, Signal::pay_commission, Signal::pay_ads, Signal::pay_design});
  const bool only_fees = paid_beyond_fees == 0 && c.affirmed(Signal::pay_content) == 0;
  const bool explicit_free_site = states_free && no_ads && (pay_strongest <= 1 || only_fees);
  const bool someone_pays = (pay_strongest >= 2 || pay >= 3) && !explicit_free_site;
  // What is paid for decides, not that something is paid (domain.md step 3):
  // a membership of a shop or a rental of its own goods, with no information
  // service named beside it (no category word at all), buys the goods.
  const bool pays_for_goods =
      f.trade && !f.marketplace && c.affirmed_sum(kCategorySignals) == 0 && paid_beyond_fees == 0;
  if (someone_pays && pays_for_goods) {
    decide(c, Outcome::filing, Ground::own_content);
    c.trace(rule_id::noncommercial_pays_for_goods,
            c.affirmed_hits({Signal::service_own_goods, Signal::pay_content, Signal::pay_fee}));
    return;
  }
  if (someone_pays) {
    const bool users_pay = c.affirmed_sum(kUserPays) > 0;
    const bool design = c.affirmed(Signal::pay_design) > 0;
    const bool only_ads = !users_pay && !design;
    decide(c, Outcome::license, only_ads ? Ground::ads_only : Ground::explicit_pay);
    if (design) c.trace(rule_id::commercial_design, c.affirmed_hits({Signal::pay_design}));
    if (users_pay) c.trace(rule_id::commercial_explicit, c.affirmed_hits(kUserPays));
    if (c.affirmed(Signal::pay_ads) > 0) c.trace(rule_id::commercial_ads, c.affirmed_hits({Signal::pay_ads}));
    if (only_ads) note_ads_disputed(c);
    return;
  }
  if (c.planned_sum(kAllPay) >= 2) {
    decide(c, Outcome::license, Ground::planned);
    c.decision.planned = true;
    c.trace(rule_id::commercial_planned, c.planned_hits(kAllPay));
    return;
  }

  auto free_evidence = [&] {
    auto hits = c.affirmed_hits({Signal::free});
    auto denied = c.negated_hits(kAllPay);
    hits.insert(hits.end(), denied.begin(), denied.end());
    return hits;
  };
  const bool self_presentation = f.own_info || f.trade || f.own_customers;
  if (f.online_game && !public_operator && !(no_ads && says_free)) {
    // An online game the company runs is commercial (domain.md's convention):
    // games earn from players or advertisers even when a blurb says "免费".
    decide(c, Outcome::license, Ground::presumed);
    c.trace(rule_id::commercial_presumed_game, c.affirmed_hits({Signal::note_game}));
    if (says_free) c.trace(rule_id::commercial_free_is_weak, c.affirmed_hits({Signal::free}));
  } else if (c.affirmed(Signal::note_saas) >= 2 && !public_operator && !(no_ads && says_free)) {
    // SaaS and online software sold to businesses are commercial (domain.md's
    // convention): the subscription or the licence fee is the business.
    decide(c, Outcome::license, Ground::presumed);
    c.trace(rule_id::commercial_presumed_software, c.affirmed_hits({Signal::note_saas}));
  } else if (f.any_platform || f.marketplace) {
    if (public_operator) {
      decide(c, Outcome::filing, Ground::nonprofit);
      c.trace(rule_id::noncommercial_nonprofit, c.affirmed_hits({Signal::operator_nonprofit, Signal::operator_public}));
    } else if (no_ads && says_free) {
      decide(c, Outcome::filing, Ground::free_no_ads);
      c.trace(rule_id::noncommercial_free_no_ads, free_evidence());
    } else if (individual) {
      decide(c, Outcome::filing, Ground::individual);
      c.trace(rule_id::noncommercial_individual, c.affirmed_hits({Signal::operator_individual}));
    } else if (self_presentation && !f.strong_platform && !f.category[3] && !f.category[4]) {
      // Users who talk to or post for each other are a B25 service beside
      // the shop or brochure: only a publishing-only side yields to them.
      decide(c, Outcome::filing, Ground::own_content);
      c.trace(rule_id::noncommercial_own_content, {});
    } else {
      decide(c, Outcome::license, Ground::presumed);
      c.trace(rule_id::commercial_presumed_platform, {});
      if (says_free) c.trace(rule_id::commercial_free_is_weak, c.affirmed_hits({Signal::free}));
    }
  } else if (public_operator) {
    decide(c, Outcome::filing, Ground::nonprofit);
    c.trace(rule_id::noncommercial_nonprofit, c.affirmed_hits({Signal::operator_nonprofit, Signal::operator_public}));
  } else if (states_free && no_ads) {
    // Both, as the rule says: "免费" alone, or "无广告" alone, leaves a named
    // platform presumed commercial and the rest to the own-content rule.
    decide(c, Outcome::filing, Ground::free_no_ads);
    c.trace(rule_id::noncommercial_free_no_ads, free_evidence());
  } else if (c.signals[Signal::presence_platform].strongest >= 3 && !self_presentation && !individual) {
    // A service that calls itself a platform (本平台, 我们的平台, 在线平台) and
    // presents nothing of its own — no goods, no company, no own customers —
    // is the brief's platform: run to earn, whatever it carries.
    decide(c, Outcome::license, Ground::presumed);
    c.trace(rule_id::commercial_presumed_named_platform, c.affirmed_hits({Signal::presence_platform}));
    if (says_free) c.trace(rule_id::commercial_free_is_weak, c.affirmed_hits({Signal::free}));
  } else {
    decide(c, Outcome::filing, Ground::own_content);
    c.trace(rule_id::noncommercial_own_content,
            c.affirmed_hits({Signal::service_own_info, Signal::service_brochure_only, Signal::service_own_goods,
                             Signal::service_own_customers}));
  }

  auto stopped = c.signals.select(Signal::pay_content, [](const Hit& h) { return h.past; });
  for (auto s : {Signal::pay_fee, Signal::pay_ads, Signal::pay_listing, Signal::pay_tipping}) {
    auto more = c.signals.select(s, [](const Hit& h) { return h.past; });
    stopped.insert(stopped.end(), more.begin(), more.end());
  }
  if (!stopped.empty()) c.trace(rule_id::noncommercial_stopped, stopped);
  auto maybe = c.signals.select(Signal::pay_fee, [](const Hit& h) { return h.maybe; });
  auto maybe_content = c.signals.select(Signal::pay_content, [](const Hit& h) { return h.maybe; });
  if (!maybe.empty() || !maybe_content.empty())
    c.note(
        "may_charge_later", "文本提到将来可能收费：备案的网站不得收费，开始收费前须改办许可证（第十一条）",
        "The text mentions charging some day: a filed site may not charge, so the licence must come first (art. 11)");
}

}  // namespace

void step3_commercial(Context& c) {
  if (held_licence(c)) return;
  commercial_from_text(c);
  // A filing number says the site is filed; what it does still decides.
  if (const auto* filing = c.held_permit(permits::Kind::icp_filing)) {
    c.trace_held(rule_id::held_icp_filing, *filing);
    if (c.decision.decision == Outcome::license)
      c.note("filed_but_commercial",
             "网站已备案，但所述服务属经营性：备案的网站不得收费，须另行取得ICP经营许可证（第十一条）",
             "The site is filed, but the service described is commercial: a filed site may not charge, so it needs "
             "the ICP licence too (art. 11)");
  }
}

void step3_apps_before_filing(Context& c) {
  // Before August 2023 an app or mini-program could be neither filed nor
  // needed to be: one without a website that only needed a filing needed
  // nothing. A licence was needed whatever the service ran on.
  if (c.decision.decision != Outcome::filing || !c.in_force(rule_id::noncommercial_app_not_filed)) return;
  const bool app = c.affirmed_sum({Signal::presence_app, Signal::presence_miniprogram}) > 0;
  const bool site = c.affirmed(Signal::presence_site) > 0 || c.signals[Signal::presence_platform].strongest >= 3;
  if (!app || site) return;
  c.decision.decision = Outcome::neither;
  c.trace(rule_id::noncommercial_app_not_filed, c.affirmed_hits({Signal::presence_app, Signal::presence_miniprogram}));
}

}  // namespace icp::decide
