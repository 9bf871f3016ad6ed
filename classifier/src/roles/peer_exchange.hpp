// Users exchanging with one another (domain.md, "The texts agencies
// receive"): a community shows itself by people meeting other people on the
// service, whatever the product is called — "和十万钓友一起交流经验",
// "与志同道合的伙伴探讨", "看看别人的故事，给别人留言", "用户之间相互交流".
// A small grammar over the lexicon's role_peer words (others met on the
// service), the productive "X友" nouns (钓友, 跑友, 书友) and exchange words
// (role_exchange, and the community and messaging words of categories.tsv):
//   peer … exchange   within one clause, close together: 大家一起讨论
//   view + peer + 的   看看别人的穿搭, 查看大家的梦: others' posts are shown
// Sharing out to one's own contacts on another platform ("分享给微信好友",
// "与好友分享到朋友圈") is a share button, not a community, and does not match.
// Each match becomes a decisive cat3_community hit spanning its words.
#pragma once

#include <string_view>
#include <vector>

#include "signals/extract.hpp"

namespace icp::roles {

// The hits with the peer-exchange matches added; `text` is the normalised
// text the hits point into. `hits` is sorted by begin, and so is the result.
std::vector<signals::Hit> with_peer_exchange(std::vector<signals::Hit> hits, std::string_view text);

}  // namespace icp::roles
