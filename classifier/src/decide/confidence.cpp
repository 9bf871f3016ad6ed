// How sure the decision is, and what an agency would ask when the text is
// not enough.
#include <algorithm>

#include "decide/steps.hpp"

namespace icp::decide {
namespace {

double base_confidence(const Context& c) {
  const auto& f = c.found;
  switch (f.ground) {
    case Ground::none:
      return f.presence_explicit ? 0.9 : 0.75;
    case Ground::explicit_pay: {
      int best = 0;
      for (auto s : {Signal::pay_content, Signal::pay_listing, Signal::pay_tipping, Signal::pay_commission,
                     Signal::pay_fee, Signal::pay_design})
        best = std::max(best, c.signals[s].strongest);
      return best >= 3 ? 0.92 : 0.82;
    }
    case Ground::ads_only:
      return 0.78;
    case Ground::planned:
      return 0.75;
    case Ground::presumed:
      return c.affirmed(Signal::free) > 0 ? 0.55 : 0.62;
    case Ground::free_no_ads:
      return 0.88;
    case Ground::nonprofit:
      return 0.82;
    case Ground::individual:
      return 0.7;
    case Ground::scope_b25:
      return 0.9;
    case Ground::scope_telecom:
      return c.signals[Signal::scope_telecom].strongest >= 3 ? 0.8 : 0.72;
    case Ground::own_content:
      return f.own_info || f.trade || f.own_customers ? 0.8 : 0.68;
    case Ground::held_licence:
      return 0.95;
  }
  return 0.5;
}

}  // namespace

void confidence_and_questions(Context& c) {
  auto& d = c.decision;
  const auto& f = c.found;
  double confidence = f.decided_by_fact ? 0.95 : base_confidence(c);
  if (f.miniprogram_only) confidence -= 0.1;
  if (c.text.invalid_utf8) confidence -= 0.05;
  if (c.text.text.size() < 24) confidence -= 0.05;  // about eight Chinese characters
  // A filing number confirms the site a filing decision is about.
  if (d.decision == Outcome::filing && c.held_permit(permits::Kind::icp_filing)) confidence += 0.05;
  d.confidence = std::clamp(confidence, 0.05, 0.99);

  if (d.decision == Outcome::neither) {
    if (!f.presence_explicit && !c.facts.own_site_or_app)
      c.ask("own_site_or_app", "是否有自己的网站、App或小程序？",
            "Does the business run its own website, app or mini-program?");
    return;
  }
  const bool unsure_who_pays = f.ground == Ground::presumed || (f.ground == Ground::own_content && d.confidence < 0.75);
  // Weak words that users pay (充值、道具) still say who pays: no need to ask.
  const bool users_pay_written = c.affirmed_sum({Signal::pay_content, Signal::pay_listing, Signal::pay_tipping,
                                                 Signal::pay_commission, Signal::pay_fee}) >= 2;
  if (unsure_who_pays && !users_pay_written && !c.facts.charges_users)
    c.ask("charges_users", "是否向用户收费？", "Does it charge users?");
  // "Not charging users" settles fees, not advertising.
  const bool ads_open = unsure_who_pays || (c.facts.charges_users == false && f.ground == Ground::free_no_ads);
  if (ads_open && !c.facts.ad_income) c.ask("ad_income", "是否有广告收入？", "Does it earn from advertising?");
  if (f.category[1] && !f.marketplace && f.ground == Ground::presumed && !c.facts.third_party_merchants)
    c.ask("third_party_merchants", "是否有第三方商家入驻？", "Do third-party merchants sell or publish on it?");
  if (d.preapprovals.empty() && d.confidence < 0.8 && !c.facts.sectors)
    c.ask("sectors", "是否涉及新闻、出版、教育、医疗、药品或医疗器械信息？",
          "Does it touch news, publishing, education, medical, drug or medical-device information?");
  if (d.decision == Outcome::license && f.ground != Ground::held_licence) {  // a held licence was granted already
    if (c.affirmed(Signal::server_abroad) < 2 && !c.facts.server_in_mainland)
      c.ask("server_in_mainland", "服务器是否在中国境内？", "Are the servers in mainland China?");
    if (!d.foreign_investment && !c.facts.foreign_shareholding)
      c.ask("foreign_shareholding", "是否有外资（含港澳台）股东？",
            "Are there foreign (incl. HK, Macau, Taiwan) shareholders?");
  }
}

}  // namespace icp::decide
