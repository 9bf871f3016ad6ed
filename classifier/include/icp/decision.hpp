// The answer the classifier gives for one description: a plain value type.
//
// Every field is filled by icp::Classifier::classify(); renderers (the CLI's
// report, JSON, CSV columns) only read it. Byte offsets in Span point into the
// text the caller passed in, so evidence can be highlighted in the original.
//
// Decision and the structs in it are aggregates of standard types: copyable,
// movable, with no hidden reference to the Classifier or the input. Fields of
// type std::string_view hold the library's fixed texts (rule ids, citations,
// reasons, questions, notes, conditions, materials): they view static tables
// that live as long as the program (or until a dlopen()ed library is
// unloaded), so they never dangle while the library is loaded; copy them into
// std::string to keep them beyond that. They are views because a classifier
// answers hundreds of them per text, and copying each would cost more than
// the rest of the decision (batch throughput). Texts meant for people come in two languages (*_zh, *_en);
// pick one when rendering. Span::text holds the caller's bytes as given, so
// it is valid UTF-8 only if the input was; the C API's JSON (icp/icp.h)
// replaces invalid sequences with U+FFFD.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "icp/export.h"

namespace icp {

// What the business needs under the Measures (State Council Order 292).
enum class Outcome {
  license,  // 经营性: ICP operating licence (B25), art. 4 and 7
  filing,   // 非经营性: ICP filing (备案), art. 4
  neither,  // no internet information service of its own
};

// The kind of text a rule rests on; the report names it beside each step.
enum class Basis {
  measures,     // 《互联网信息服务管理办法》, a State Council regulation
  catalogue,    // 《电信业务分类目录（2015年版）》
  notice,       // an official notice (MIIT, a provincial administration, CAC)
  brief,        // the agency brief: practice, not found in any regulation
  beyond_brief  // general knowledge beyond the brief, reported as a note
};

// A phrase of the input that decided something.
struct Span {
  std::size_t begin = 0;    // byte offset into the caller's text
  std::size_t end = 0;      // one past the last byte
  std::string text;         // the caller's bytes [begin, end), as UTF-8
  std::string_view signal;  // lexicon signal id, e.g. "pay_ads" (static, see above)
  bool negated = false;     // "不提供即时通讯" — the phrase is denied
  bool planned = false;     // "计划上线付费会员" — announced, not yet live
  // The same range in Unicode code points of the caller's text, for callers
  // that slice strings by character (Python, JavaScript); a byte that does
  // not continue a UTF-8 sequence counts as one.
  std::size_t begin_char = 0;
  std::size_t end_char = 0;
};

// One step of the decision, as the report explains it.
struct TraceStep {
  int step = 0;           // 1–7, the step of the decision in domain.md
  std::string_view rule;  // stable rule id, e.g. "commercial.presumed_platform"
  Basis basis = Basis::brief;
  std::string_view citation;   // e.g. "《互联网信息服务管理办法》第三条"
  std::string_view reason_zh;  // one line, Chinese
  std::string_view reason_en;  // one line, English
  std::vector<Span> evidence;
  // The version of the rule that applied (data/rules/rules.tsv): the dates
  // it is in force between, YYYY-MM-DD or YYYY-MM; "" for an open end.
  std::string_view valid_from;
  std::string_view valid_to;
};

// Sector approval needed before the licence or filing (Measures art. 5).
struct Preapproval {
  std::string_view sector;     // news | publishing | education | medical | drugs | medical_devices
  bool still_required = true;  // false: national approval cancelled, check the province
  std::string_view standing_zh;
  std::string_view standing_en;
  std::vector<Span> evidence;
};

// A fact the text does not give, asked the way an agency would ask it.
struct MissingFact {
  std::string_view id;  // e.g. "charges_users"
  std::string_view question_zh;
  std::string_view question_en;
};

// Something the report should say beside the decision (other permits,
// disputes between sources, input problems).
struct Note {
  std::string_view id;  // e.g. "edi_licence", "invalid_utf8"
  std::string text_zh;  // may name details of the input (e.g. a byte offset)
  std::string text_en;
};

// Application readiness: can the business apply now, and what must it
// hand in? (The brief's conditions and materials; see icp/facts.hpp for the
// facts that decide them.)
enum class ConditionStatus { met, not_met, unknown };

// One condition for the licence (or the filing), with what the facts say.
struct Condition {
  std::string_view id;  // e.g. "registered_capital", "insured_staff", "server_province"
  ConditionStatus status = ConditionStatus::unknown;
  std::string_view text_zh;  // the condition as the brief states it
  std::string_view text_en;
  std::string detail_zh;  // what the facts say about it, and what to do
  std::string detail_en;
  std::string_view source;  // the text the condition comes from
  std::string_view fact;    // the fact that decided the status, if any
};

// A document to hand in.
struct Material {
  std::string_view id;  // e.g. "business_licence", "sector_approval_medical"
  std::string_view text_zh;
  std::string_view text_en;
};

struct Readiness {
  bool applicable = false;    // false: nothing to apply for (the answer is neither)
  std::string ready = "n/a";  // "yes" | "no" | "unknown" | "n/a"
  std::vector<Condition> conditions;
  std::vector<Material> materials;
  std::vector<std::string_view> unmet;  // ids of the conditions not met
};

// A fact the decision used: given by the caller, or read from the text.
struct FactValue {
  std::string name;   // a name of icp::fact_catalogue(), or "headcount"
  std::string value;  // for display: "5000000", "yes", "浙江", "news,medical"
  bool from_text = false;
  Span evidence;  // where the text says it (from_text only)
};

// A licence or filing the text says the business holds, read from its
// number as a site's footer writes it (京ICP证030173号, 粤B2-20090059,
// 京ICP备12345678号-1) or from a named certificate followed by its number.
struct HeldPermit {
  // icp_licence | telecom_licence | icp_filing | drug_info_certificate |
  // culture_licence | audiovisual_licence | news_licence (static, see above)
  std::string_view kind;
  std::string number;              // the number as written (the caller's bytes)
  std::optional<bool> commercial;  // drug certificate: 经营性 true, 非经营性 false; unset when not written
  Span evidence;                   // the name (when written) and the number; signal "held_<kind>"
};

// The whole answer for one description.
struct Decision {
  Outcome decision = Outcome::neither;
  std::vector<int> categories;  // B25 sub-categories 1–5, ascending
  bool news_permit = false;     // 互联网新闻信息服务许可证 needed
  std::vector<Preapproval> preapprovals;
  bool foreign_investment = false;
  bool planned = false;     // the decision rests on an announced plan
  double confidence = 0.0;  // 0–1
  // The phrases that fired, in text order: the first kMaxEvidence of them
  // (a long text repeats its phrases thousands of times; the report needs a
  // few). evidence_omitted counts the ones left out.
  static constexpr std::size_t kMaxEvidence = 1000;
  std::vector<Span> evidence;
  std::size_t evidence_omitted = 0;
  std::vector<TraceStep> trace;
  std::vector<MissingFact> missing_facts;
  std::vector<Note> notes;
  std::vector<FactValue> facts;          // the company facts in play, given or read from the text
  std::vector<HeldPermit> held_permits;  // licences and filings the text shows are held, in text order
  Readiness readiness;
  std::string as_of;  // the date whose rules were applied, YYYY-MM-DD (Options::as_of, or today)
};

// "license" | "filing" | "neither": the names used in JSON, CSV and eval files.
ICP_API const char* to_string(Outcome outcome) noexcept;
// "measures" | "catalogue" | "notice" | "brief" | "beyond_brief"
ICP_API const char* to_string(Basis basis) noexcept;
// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD; valid text
// comes back unchanged. For rendering Span::text of an input that was not
// valid UTF-8.
ICP_API std::string to_valid_utf8(std::string_view bytes);

// "met" | "not_met" | "unknown"
ICP_API const char* to_string(ConditionStatus status) noexcept;

}  // namespace icp
