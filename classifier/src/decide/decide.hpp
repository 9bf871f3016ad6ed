// The decision tree over one text's signals.
#pragma once

#include <string_view>

#include "icp/decision.hpp"
#include "icp/facts.hpp"
#include "signals/extract.hpp"
#include "text/normalize.hpp"

namespace icp::decide {

// `facts` are the company facts in play (the caller's over the text's).
Decision decide(const signals::SignalSet& signals, const text::NormalizedText& text, std::string_view original,
                const Facts& facts);

}  // namespace icp::decide
