#include "summary.hpp"

#include <string_view>
#include <vector>

#include "fact_words.hpp"
#include "questions.hpp"
#include "report_text.hpp"

namespace icp::cli {
namespace {

// How many questions the summary lists before "等N项"; the rest are in the
// full report and in icp_questions.
constexpr std::size_t kQuestionsShown = 4;

std::string material_name(std::string_view id, Lang lang) {
  struct Name {
    const char* id;
    const char* zh;
    const char* en;
  };
  static const Name names[] = {
      {"business_licence", "营业执照", "business licence"},
      {"legal_representative_id", "法定代表人身份证", "legal representative's ID"},
      {"natural_person_shareholder_ids", "自然人股东身份证", "shareholders' IDs"},
      {"corporate_shareholder_licences", "法人股东营业执照", "corporate shareholders' licences"},
      {"domain_certificate", "域名证书", "domain certificate"},
      {"social_insurance", "3名员工社保证明", "social insurance proof for 3 staff"},
      {"staff_contacts", "社保人员身份证和联系方式", "those staff's IDs and contacts"},
      {"filing_subject_documents", "营业执照或身份证", "business licence or ID card"},
      {"filing_responsible_person", "负责人身份证和手机号", "responsible person's ID and mobile"},
      {"news_permit", "新闻信息服务许可证", "news permit"},
      {"foreign_investment_documents", "外方股东资格和资信证明", "foreign shareholders' papers"},
      {"provincial_other", "省管局要求的其他材料", "whatever the province asks for"},
      {"sector_approval_news", "新闻前置审批文件", "news approval"},
      {"sector_approval_publishing", "出版前置审批文件", "publishing approval"},
      {"sector_approval_education", "教育主管部门意见", "education approval"},
      {"sector_approval_medical", "卫生健康部门意见", "health authority approval"},
      {"sector_approval_drugs", "互联网药品信息服务资格证书", "drug information certificate"},
      {"sector_approval_medical_devices", "医疗器械信息服务审批文件", "medical device approval"},
  };
  for (const auto& n : names)
    if (id == n.id) return pick(lang, n.zh, n.en);
  return printable(id);
}

std::string list(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : pick(lang, "、", ", ")) + item;
  return out;
}

std::string categories(const icp::Decision& d, Lang lang) {
  std::vector<std::string> names;
  for (int c : d.categories)
    names.push_back(pick(lang, "第", "") + std::to_string(c) + pick(lang, "类", "") + " " + category_name(c, lang));
  return list(names, lang);
}

// What must be in hand before the licence: the news permit and the sector
// approvals, each with its standing.
std::vector<std::string> prerequisites(const icp::Decision& d, Lang lang) {
  std::vector<std::string> out;
  if (d.decision == icp::Outcome::license && d.news_permit)
    out.push_back(news_permit_by_rules(d)
                      ? pick(lang, "《互联网新闻信息服务许可证》", "the 互联网新闻信息服务许可证 (news permit)")
                      : pick(lang, "《互联网新闻信息服务许可证》（代办实务的要求）",
                             "the 互联网新闻信息服务许可证 (news permit; agency practice)"));
  for (const auto& p : d.preapprovals)
    out.push_back(sector_name(p.sector, lang) + pick(lang, "前置审批", " pre-approval") +
                  (p.still_required ? ""
                                    : pick(lang, "（全国性审批已取消，请核实本省要求）",
                                           " (cancelled nationally: check the province)")));
  return out;
}

std::string readiness_line(const icp::Decision& d, Lang lang) {
  const auto& r = d.readiness;
  std::vector<std::string> unmet, unknown;
  for (const auto& c : r.conditions) {
    if (c.status == icp::ConditionStatus::not_met) unmet.push_back(condition_label(c.id, lang));
    if (c.status == icp::ConditionStatus::unknown) unknown.push_back(condition_label(c.id, lang));
  }
  std::string out = pick(lang, "能否申请：", "Can apply: ") + ready_words(r.ready, lang);
  if (!unmet.empty()) out += pick(lang, "；未满足：", "; not met: ") + list(unmet, lang);
  if (!unknown.empty()) out += pick(lang, "；待确认：", "; to check: ") + list(unknown, lang);
  return out;
}

}  // namespace

const icp::TraceStep* decisive_step(const icp::Decision& d) {
  const icp::TraceStep* found = nullptr;
  for (const auto& t : d.trace)
    if (t.step <= 3) found = &t;
  if (!found && !d.trace.empty()) found = &d.trace.front();
  return found;
}

std::string summary_text(const icp::Decision& d, Lang lang) {
  return summary_text(d, lang, open_questions(d, lang));
}

std::string summary_text(const icp::Decision& d, Lang lang, const std::vector<std::string>& questions) {
  std::string out = pick(lang, "结论：", "Decision: ") + outcome_words(d.decision, lang);
  if (d.decision == icp::Outcome::license && !d.categories.empty())
    out += pick(lang, "（", " (") + categories(d, lang) + pick(lang, "）", ")");
  if (d.planned) out += pick(lang, "（依据已公布的计划，尚未上线）", " (an announced plan, not yet live)");
  out += '\n';
  if (const auto* step = decisive_step(d))
    out += pick(lang, "理由：", "Why: ") + printable(lang == Lang::zh ? step->reason_zh : step->reason_en) + '\n';

  const auto first = prerequisites(d, lang);
  if (!first.empty()) out += pick(lang, "须先取得：", "Obtain first: ") + list(first, lang) + '\n';
  if (d.foreign_investment)
    out +=
        pick(lang, "外资：有外资（含港澳台）股东，须按外商投资电信企业的途径申请\n",
             "Foreign investment: foreign (incl. HK, Macau, Taiwan) shareholders, so the foreign-investment route\n");

  if (d.readiness.applicable) {
    out += readiness_line(d, lang) + '\n';
    std::vector<std::string> materials;
    for (const auto& m : d.readiness.materials) materials.push_back(material_name(m.id, lang));
    if (!materials.empty()) out += pick(lang, "需准备：", "Prepare: ") + list(materials, lang) + '\n';
  }

  if (!questions.empty()) {
    out += pick(lang, "请向客户确认：", "Ask the client: ");
    for (std::size_t i = 0; i < questions.size() && i < kQuestionsShown; ++i)
      out += (i ? " " : "") + std::to_string(i + 1) + pick(lang, "）", ") ") + printable(questions[i]);
    if (questions.size() > kQuestionsShown)
      out += pick(lang, " 等", " (") + std::to_string(questions.size()) + pick(lang, "项", " questions in all)");
    out += '\n';
  }
  out += pick(lang, "（自动判断，仅供参考，以所在省通信管理局的意见为准）\n",
              "(An automatic assessment for guidance; the provincial communications administration decides.)\n");
  return out;
}

}  // namespace icp::cli
