// The human report of one decision, in Chinese or English, for a terminal.
// Reads only icp::Decision; every string from the decision is made valid
// UTF-8 and free of control characters before it is printed.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "icp/decision.hpp"
#include "text_util.hpp"

namespace icp::cli {

// verbose: also the outcome's id, each step's pipeline number, rule id and basis.
void render_text(std::ostream& out, const icp::Decision& decision, Lang lang, bool verbose = false);

// True when the news permit is required by the CAC's rules (news content),
// false when only agency practice asks for it (categories 2, 3 and 4).
bool news_permit_by_rules(const icp::Decision& d);

// Words for the report (also used by eval's listing).
std::string outcome_words(icp::Outcome outcome, Lang lang);
std::string category_name(int category, Lang lang);  // "" for numbers outside 1–5
std::string sector_name(std::string_view sector, Lang lang);

}  // namespace icp::cli
