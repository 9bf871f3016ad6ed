// Someone else's platform named as the way to reach the company is not where
// its service runs (domain.md step 1 reaches those who provide the service).
// "如有问题请在公众号留言", "客服QQ群：123456", "关注微信公众号获取最新活动" beside
// a game or a chat app name a support channel; "我们只在淘宝开店", "客户都在微信群
// 里下单" name where the business is. Counting a support channel as the only
// presence turns an app into "neither": an under-call.
#pragma once

#include <string_view>
#include <vector>

#include "signals/extract.hpp"

namespace icp::presence {

// The hits without the presence_third_party hits whose clause is about
// contacting the company: feedback, customer service, questions, following
// an account, joining a group.
std::vector<signals::Hit> without_contact_channels(std::vector<signals::Hit> hits, std::string_view text);

}  // namespace icp::presence
