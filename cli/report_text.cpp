#include "report_text.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <vector>

#include "fact_words.hpp"

namespace icp::cli {
namespace {

int percent(double confidence) {
  if (!std::isfinite(confidence)) return 0;
  return static_cast<int>(std::lround(std::clamp(confidence, 0.0, 1.0) * 100));
}

void print_evidence(std::ostream& out, const std::vector<icp::Span>& evidence, Lang lang, const char* indent) {
  if (evidence.empty()) return;
  out << indent << pick(lang, "证据：", "evidence: ");
  bool first = true;
  for (const auto& span : evidence) {
    if (!first) out << pick(lang, "、", ", ");
    first = false;
    out << pick(lang, "「", "\"") << printable(span.text) << pick(lang, "」", "\"");
    if (span.negated) out << pick(lang, "（否定）", " (negated)");
    if (span.planned) out << pick(lang, "（计划）", " (planned)");
  }
  out << '\n';
}

void heading(std::ostream& out, Lang lang, const char* zh, const char* en) {
  out << '\n' << pick(lang, zh, en) << '\n';
}

// A condition's source; agency practice is named in the reader's language.
std::string source_words(std::string_view source, Lang lang) {
  if (lang == Lang::en && source.starts_with("代办实务")) return "agency practice: conditions for an ICP licence";
  return printable(source);
}

// Application readiness: the facts in play, each condition with its
// status, and the materials to hand in.
void print_readiness(std::ostream& out, const icp::Decision& d, Lang lang) {
  if (!d.facts.empty()) {
    heading(out, lang, "企业情况：", "Company facts:");
    for (const auto& f : d.facts) {
      out << "  - " << fact_label(f.name, lang) << pick(lang, "：", ": ") << fact_value_words(f.name, f.value, lang);
      if (f.from_text)
        out << pick(lang, "（据文本：“", " (from the text: \"") << printable(f.evidence.text)
            << pick(lang, "”）", "\")");
      out << '\n';
    }
  }
  if (!d.readiness.applicable) return;
  heading(out, lang, "申请条件：", "Conditions for applying:");
  const std::string& ready = d.readiness.ready;
  out << "  " << pick(lang, "现在能否申请：", "Ready to apply now: ")
      << (ready == "yes" ? pick(lang, "可以", "yes")
          : ready == "no"
              ? pick(lang, "还不能（见标 ✗ 的条件）", "no (see the conditions marked ✗)")
              : pick(lang, "尚不确定（标 ? 的条件缺少信息）", "not yet known (facts missing where marked ?)"))
      << '\n';
  std::string_view last_source;
  for (const auto& c : d.readiness.conditions) {
    const char* mark = c.status == icp::ConditionStatus::met       ? "[✓]"
                       : c.status == icp::ConditionStatus::not_met ? "[✗]"
                                                                   : "[?]";
    out << "  " << mark << ' ' << printable(lang == Lang::zh ? c.text_zh : c.text_en) << pick(lang, "：", ": ")
        << printable(lang == Lang::zh ? c.detail_zh : c.detail_en);
    // The source once for a run of conditions that share it.
    if (c.source != last_source)
      out << pick(lang, "（来源：", " (source: ") << source_words(c.source, lang) << pick(lang, "）", ")");
    last_source = c.source;
    out << '\n';
  }
  heading(out, lang, "申请材料：", "Materials to hand in:");
  int n = 0;
  for (const auto& m : d.readiness.materials)
    out << "  " << ++n << ". " << printable(lang == Lang::zh ? m.text_zh : m.text_en) << '\n';
}

std::string held_permit_name(std::string_view kind, Lang lang) {
  struct Name {
    const char* id;
    const char* zh;
    const char* en;
  };
  static const Name names[] = {
      {"icp_licence", "ICP经营许可证", "ICP licence"},
      {"telecom_licence", "电信业务经营许可证", "telecom licence"},
      {"icp_filing", "ICP备案", "ICP filing"},
      {"drug_info_certificate", "互联网药品信息服务资格证书", "internet drug information certificate"},
      {"culture_licence", "网络文化经营许可证", "internet culture permit"},
      {"audiovisual_licence", "信息网络传播视听节目许可证", "audio-visual programme permit"},
      {"news_licence", "互联网新闻信息服务许可证", "internet news information permit"}};
  for (const auto& name : names)
    if (kind == name.id) return pick(lang, name.zh, name.en);
  return printable(kind);
}

// The licences and filings the text shows are held, with their numbers.
void print_held_permits(std::ostream& out, const icp::Decision& d, Lang lang) {
  if (d.held_permits.empty()) return;
  heading(out, lang, "文本显示已持有：", "Held, as the text shows:");
  for (const auto& p : d.held_permits) {
    out << "  - " << held_permit_name(p.kind, lang) << pick(lang, "：", ": ") << printable(p.number);
    if (p.commercial)
      out << (*p.commercial ? pick(lang, "（经营性）", " (commercial)")
                            : pick(lang, "（非经营性）", " (non-commercial)"));
    out << '\n';
  }
}

}  // namespace

bool news_permit_by_rules(const icp::Decision& d) {
  for (const auto& step : d.trace)
    if (step.rule.starts_with("news_permit.") && step.basis != icp::Basis::brief) return true;
  return false;
}

std::string outcome_words(icp::Outcome outcome, Lang lang) {
  switch (outcome) {
    case icp::Outcome::license:
      return pick(lang, "需要ICP经营许可证", "needs an ICP operating licence (ICP经营许可证)");
    case icp::Outcome::filing:
      return pick(lang, "仅需ICP备案", "needs an ICP filing only (ICP备案)");
    case icp::Outcome::neither:
      return pick(lang, "无需ICP许可或备案", "needs neither an ICP licence nor a filing");
  }
  return "";
}

std::string category_name(int category, Lang lang) {
  static const char* const zh[] = {"信息发布平台和递送服务", "信息搜索查询服务", "信息社区平台服务", "信息即时交互服务",
                                   "信息保护和处理服务"};
  static const char* const en[] = {"information publishing platforms and delivery", "information search and query",
                                   "information community platforms", "instant information interaction",
                                   "information protection and processing"};
  if (category < 1 || category > 5) return "";
  return lang == Lang::zh ? zh[category - 1] : en[category - 1];
}

std::string sector_name(std::string_view sector, Lang lang) {
  struct Name {
    const char* id;
    const char* zh;
    const char* en;
  };
  static const Name names[] = {{"news", "新闻", "news"},           {"publishing", "出版", "publishing"},
                               {"education", "教育", "education"}, {"medical", "医疗保健", "medical and health care"},
                               {"drugs", "药品", "drugs"},         {"medical_devices", "医疗器械", "medical devices"}};
  for (const auto& name : names)
    if (sector == name.id) return pick(lang, name.zh, name.en);
  return printable(sector);
}

namespace {

// Foreign shareholding as far as it is known: "no" only when the text or a
// fact says so; a text silent about its shareholders leaves it unknown.
std::string foreign_words(const icp::Decision& d, Lang lang) {
  if (d.foreign_investment)
    return pick(lang, "有（不能走内资申请途径）", "yes (the domestic application route is closed)");
  for (const auto& fact : d.facts)
    if (fact.name == "foreign_shareholding" && fact.value == "no") return pick(lang, "无", "no");
  return pick(lang, "未知（文本未说明股东构成，请确认是否有外资或港澳台股东）",
              "unknown (the text does not say who the shareholders are: check for foreign, HK, Macau or Taiwan "
              "shareholders)");
}

// The news permit as the headline's caveat: required by the CAC's rules
// (news content) or only by agency practice (categories 2, 3 and 4).
std::string news_permit_caveat(const icp::Decision& d, Lang lang) {
  return news_permit_by_rules(d)
             ? pick(lang, "另须先取得《互联网新闻信息服务许可证》（《互联网新闻信息服务管理规定》）",
                    "The 互联网新闻信息服务许可证 (news permit) must be obtained first (the CAC's news rules)")
             : pick(lang, "另须先取得《互联网新闻信息服务许可证》（代办实务对第2、3、4类的要求，法规未作规定）",
                    "The 互联网新闻信息服务许可证 (news permit) must be obtained first (agency practice for "
                    "categories 2, 3 and 4, not a regulation)");
}

// A step's basis and citation in one bracket; agency practice is its own
// citation, so it is not repeated.
void print_basis(std::ostream& out, const icp::TraceStep& step, Lang lang) {
  out << pick(lang, "（依据：", " (basis: ");
  if (step.basis == icp::Basis::brief) {
    out << basis_words(step.basis, lang);
    if (!step.citation.empty() && !step.citation.starts_with("代办实务"))
      out << pick(lang, "，", ", ") << printable(step.citation);
  } else if (!step.citation.empty()) {
    out << printable(step.citation);
  } else {
    out << basis_words(step.basis, lang);
  }
  out << pick(lang, "）", ")");
}

// Today in UTC, YYYY-MM-DD, as the library's default as_of.
std::string today_utc_date() {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buffer;
}

}  // namespace

void render_text(std::ostream& out, const icp::Decision& d, Lang lang, bool verbose) {
  out << pick(lang, "结论：", "Decision: ") << outcome_words(d.decision, lang);
  if (verbose) out << " (" << icp::to_string(d.decision) << ")";
  out << '\n';
  if (d.decision == icp::Outcome::license && d.news_permit) out << "  " << news_permit_caveat(d, lang) << '\n';
  if (d.planned) out << pick(lang, "（依据已公布的计划，尚未上线）\n", "(rests on an announced plan, not yet live)\n");
  out << pick(lang, "置信度：", "Confidence: ") << percent(d.confidence) << "%\n";
  // Rules of another day than today (--as-of) are said at once: the answer is about then.
  if (!d.as_of.empty() && d.as_of != today_utc_date())
    out << pick(lang, "适用规则的日期：", "Rules in force on: ") << d.as_of << '\n';

  // The B25 categories are what a licence covers: a filing or no ICP at all has none to apply for.
  if (d.decision == icp::Outcome::license) {
    heading(out, lang, "业务类别（B25 信息服务业务）：", "Categories (B25 information services):");
    if (d.categories.empty()) out << pick(lang, "  未能确定\n", "  not determined\n");
    for (int c : d.categories) {
      std::string name = category_name(c, lang);
      out << "  " << pick(lang, "第", "") << c << pick(lang, "类 ", " ")
          << (name.empty() ? pick(lang, "（未知类别）", "(unknown category)") : name) << '\n';
    }
    out << '\n'
        << pick(lang, "互联网新闻信息服务许可证：", "Internet news information service permit: ")
        << (d.news_permit ? pick(lang, "需要", "needed") : pick(lang, "不需要", "not needed")) << '\n';
  }

  heading(out, lang, "前置审批：", "Sector pre-approvals:");
  if (d.preapprovals.empty()) out << pick(lang, "  无\n", "  none\n");
  for (const auto& p : d.preapprovals) {
    out << "  - " << sector_name(p.sector, lang) << pick(lang, "：", ": ")
        << (p.still_required
                ? pick(lang, "仍需前置审批", "approval still required")
                : pick(lang, "全国性审批已取消，请核实本省要求", "national approval cancelled, check the province"));
    const std::string_view standing = lang == Lang::zh ? p.standing_zh : p.standing_en;
    if (!standing.empty()) out << pick(lang, "（", " (") << printable(standing) << pick(lang, "）", ")");
    out << '\n';
    print_evidence(out, p.evidence, lang, "    ");
  }

  print_held_permits(out, d, lang);

  out << '\n' << pick(lang, "外资：", "Foreign investment: ") << foreign_words(d, lang) << '\n';

  heading(out, lang, "判断过程：", "How the decision was reached:");
  if (d.trace.empty()) out << pick(lang, "  （无）\n", "  (none)\n");
  // Numbered as the reader counts them; the pipeline's own step and the
  // rule id are for --verbose (and the JSON).
  int n = 0;
  for (const auto& step : d.trace) {
    out << "  " << ++n << ". ";
    if (verbose) out << pick(lang, "[步骤", "[step ") << step.step << ' ' << printable(step.rule) << "] ";
    out << printable(lang == Lang::zh ? step.reason_zh : step.reason_en);
    print_basis(out, step, lang);
    if (verbose) out << " [" << icp::to_string(step.basis) << ']';
    out << '\n';
    print_evidence(out, step.evidence, lang, "     ");
  }

  if (!d.notes.empty()) {
    heading(out, lang, "备注：", "Notes:");
    for (const auto& note : d.notes) out << "  - " << printable(lang == Lang::zh ? note.text_zh : note.text_en) << '\n';
  }

  if (!d.missing_facts.empty()) {
    heading(out, lang, "待确认的问题：", "Questions to settle:");
    int q = 0;
    for (const auto& fact : d.missing_facts)
      out << "  " << ++q << ". " << printable(lang == Lang::zh ? fact.question_zh : fact.question_en) << '\n';
  }
  print_readiness(out, d, lang);
}

}  // namespace icp::cli
