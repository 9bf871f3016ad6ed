// Steps 5–7: the news permit, sector pre-approvals (art. 5) and foreign
// investment.
#include <algorithm>

#include "decide/steps.hpp"

namespace icp::decide {
namespace {

struct Sector {
  Signal signal;
  const char* name;
  RuleId rule;
  bool still_required;
  const char* standing_zh;
  const char* standing_en;
};

constexpr Sector kSectors[] = {
    {Signal::sector_news, "news", rule_id::preapproval_news, true, "仍须取得网信部门的互联网新闻信息服务许可",
     "still required: the CAC's internet news information service permit"},
    {Signal::sector_publishing, "publishing", rule_id::preapproval_publishing, true,
     "仍须出版主管部门前置审批（网络出版服务许可）",
     "still required: the publishing authority's online publishing permit"},
    {Signal::sector_education, "education", rule_id::preapproval_education, false,
     "全国性前置审批已取消（校外培训除外），请向所在省份核实",
     "national approval cancelled (except off-campus tutoring): check the province"},
    {Signal::sector_medical, "medical", rule_id::preapproval_medical, false,
     "2015年全国性前置审批已取消，请向所在省份卫生健康部门核实",
     "national approval cancelled in 2015: check the provincial health commission"},
    {Signal::sector_drugs, "drugs", rule_id::preapproval_drugs, true, "仍须药品监管部门的互联网药品信息服务资格证书",
     "still required: the drug regulator's internet drug information certificate"},
    {Signal::sector_medical_devices, "medical_devices", rule_id::preapproval_medical_devices, true,
     "仍须药品监管部门审批（互联网药品信息服务资格证书涵盖医疗器械）",
     "still required: the drug regulator's approval (the internet drug information certificate covers devices)"},
};

// The approval of a sector that the text shows is held: its certificate and number.
struct HeldApproval {
  const char* sector;
  permits::Kind kind;
  RuleId rule;
  const char* standing_zh;
  const char* standing_en;
};

constexpr HeldApproval kHeldApprovals[] = {
    {"news", permits::Kind::news_licence, rule_id::held_news_licence, "文本显示已持有互联网新闻信息服务许可证",
     "held: the text gives the internet news information service permit"},
    {"drugs", permits::Kind::drug_info_certificate, rule_id::held_drug_info_certificate,
     "文本显示已持有互联网药品信息服务资格证书", "held: the text gives the internet drug information certificate"},
};

}  // namespace

void step6_sectors(Context& c) {
  if (c.decision.decision == Outcome::neither) return;
  const auto& given = c.facts.sectors;
  if (given) c.trace(rule_id::fact_sectors, {});
  for (const auto& sector : kSectors) {
    const HeldApproval* approval = nullptr;
    const permits::Held* held = nullptr;
    for (const auto& a : kHeldApprovals)
      if (sector.name == std::string_view(a.sector) && (held = c.held_permit(a.kind))) approval = &a;
    const bool named = given && std::find(given->begin(), given->end(), sector.name) != given->end();
    if (!held && (given ? !named : c.affirmed(sector.signal) < 3)) continue;
    Preapproval p;
    p.sector = sector.name;
    p.still_required = sector.still_required;
    p.standing_zh = held ? approval->standing_zh : sector.standing_zh;
    p.standing_en = held ? approval->standing_en : sector.standing_en;
    RuleId rule = sector.rule;
    // Medical and health information needed national approval until the
    // State Council cancelled it in October 2015.
    if (rule == rule_id::preapproval_medical && !c.in_force(rule_id::preapproval_medical) &&
        c.in_force(rule_id::preapproval_medical_national)) {
      rule = rule_id::preapproval_medical_national;
      p.still_required = true;
      if (!held) {
        p.standing_zh = "2015年10月国务院取消该项审批之前，仍须取得卫生主管部门的审核同意";
        p.standing_en =
            "Until the State Council cancelled it in October 2015, the health authority's approval was required";
      }
    }
    c.trace(rule, given ? HitList{} : c.affirmed_hits({sector.signal}));
    p.evidence = c.decision.trace.back().evidence;
    if (held) {
      c.trace_held(approval->rule, *held);
      p.evidence.push_back(c.decision.trace.back().evidence.back());
    }
    c.decision.preapprovals.push_back(std::move(p));
  }
}

void step5_news_permit(Context& c) {
  auto& d = c.decision;
  const bool news = !d.preapprovals.empty() && d.preapprovals.front().sector == "news";
  bool interactive = false;
  for (int n : d.categories) interactive |= n == 2 || n == 3 || n == 4;
  if (d.decision == Outcome::license && interactive) {
    d.news_permit = true;
    c.trace(rule_id::news_permit_categories, {});
  }
  if (news) {
    d.news_permit = true;
    c.trace(rule_id::news_permit_news, c.affirmed_hits({Signal::sector_news}));
  }
}

void step7_foreign(Context& c) {
  const auto& given = c.facts.foreign_shareholding;
  if (given ? !*given : c.affirmed(Signal::foreign_investment) < 2) {
    // A company registered abroad cannot file or apply itself: it needs a
    // mainland company, which is foreign-invested.
    if (given || c.affirmed(Signal::operator_overseas) < 2) return;
    c.decision.foreign_investment = true;
    c.trace(rule_id::foreign_overseas_operator, c.affirmed_hits({Signal::operator_overseas}));
    return;
  }
  c.decision.foreign_investment = true;
  c.trace(rule_id::foreign_flag, c.affirmed_hits({Signal::foreign_investment}));
}

}  // namespace icp::decide
