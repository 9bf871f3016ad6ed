// Platforms by their roles (domain.md, "The texts agencies receive"): a
// service is a platform when others act on it — merchants join, landlords
// list rooms, doctors answer, authors submit — or when it gathers others'
// information for its users, whatever the product is called. A small
// grammar over the lexicon's role signals, clause by clause:
//   party + action     商家入驻, 房东发布房源, 医生在线解答 (not 本院医生解答)
//   quantity + party   汇聚2万名行家, 数千家苗木商
//   gather + others    汇集全国的招标信息, 收录上千家商家
// Each match becomes a decisive cat1_publish hit spanning its words.
#pragma once

#include <string_view>

#include "signals/extract.hpp"

namespace icp::roles {

// The hits with the role matches added; `text` is the normalised text the
// hits point into. `found` is sorted by begin, and so is the result.
// Unchanged (and cheap) when no role words fired.
std::vector<signals::Hit> with_roles(std::vector<signals::Hit> found, std::string_view text);

}  // namespace icp::roles
