// The decision tree over one text's signals.
#pragma once

#include <string_view>

#include "icp/decision.hpp"
#include "signals/extract.hpp"
#include "text/normalize.hpp"

namespace icp::decide {

Decision decide(const signals::SignalSet& signals, const text::NormalizedText& text, std::string_view original);

}  // namespace icp::decide
