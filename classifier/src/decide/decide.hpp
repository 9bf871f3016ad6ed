// The decision tree over one text's signals.
#pragma once

#include <span>
#include <string_view>

#include "icp/decision.hpp"
#include "icp/facts.hpp"
#include "permits/held_permits.hpp"
#include "scope/business_scope.hpp"
#include "signals/extract.hpp"
#include "text/normalize.hpp"

namespace icp::decide {

// `facts` are the company facts in play (the caller's over the text's);
// `held` the licences and filings the text shows are held; `scope` the
// text's business scope, as the scope reader read it; `day` the date whose
// rules apply (yyyymmdd; the default: the rules in force now).
Decision decide(const signals::SignalSet& signals, const text::NormalizedText& text, std::string_view original,
                const Facts& facts, std::span<const permits::Held> held = {}, const scope::Reading& scope = {},
                int day = 99991231);

}  // namespace icp::decide
