// Facts and short values in the reader's language: 注册资本：500万元 and
// 是/否/未知 in Chinese, "registered capital: ¥5,000,000" and yes/no/unknown
// in English. Internal names (registered_capital, company, yes) stay in JSON.
#pragma once

#include <string>
#include <string_view>

#include "icp/decision.hpp"
#include "text_util.hpp"

namespace icp::cli {

// The fact's name for people: "注册资本" / "registered capital".
std::string fact_label(std::string_view name, Lang lang);

// A FactValue::value ("5000000", "yes", "company", "news,medical") as the
// reader says it: "500万元", "是", "公司", "新闻、医疗保健".
std::string fact_value_words(std::string_view name, std::string_view value, Lang lang);

// "需要许可证" / "仅需备案" / "均不需要" (zh); license / filing / neither (en):
// the short cell of a batch row.
std::string outcome_cell(icp::Outcome outcome, Lang lang);

// 是 / 否 (zh), yes / no (en).
std::string yes_no(bool value, Lang lang);

// Readiness::ready ("yes", "no", "unknown") as a short word.
std::string ready_words(std::string_view ready, Lang lang);

// Readiness::ready as a batch cell: 是/否/未知 (zh), yes/no/unknown (en).
std::string ready_cell(std::string_view ready, Lang lang);

// A readiness condition's id (registered_capital, news_permit …) as a short
// name: 注册资本 / registered capital.
std::string condition_label(std::string_view id, Lang lang);

// What a rule rests on, in words: "行政法规" / "regulation", "代办实务（非法规）" …
std::string basis_words(icp::Basis basis, Lang lang);

}  // namespace icp::cli
