// Prices read as fees (domain.md step 3: someone pays for the information):
// a money amount in the same clause as what it buys — 会员98元/年,
// 下载高清版每份收5元, 看全文需要支付5元, ¥30 unlocks the archive. An amount
// that is a gift or a loan (新人送20元红包, 3分钟下款20000元), or zero
// (0元抢), pays for nothing. Each priced clause becomes a clear pay_content
// hit spanning the amount, with the cues (negated, planned, past) of the
// word it pays for.
#pragma once

#include <string_view>

#include "signals/extract.hpp"

namespace icp::prices {

// The hits with the priced clauses added; `text` is the normalised text the
// hits point into. `found` is sorted by begin, and so is the result.
// Unchanged (and cheap) when the text names no amount.
std::vector<signals::Hit> with_prices(std::vector<signals::Hit> found, std::string_view text);

}  // namespace icp::prices
