// A site of its own named by its name or its address (domain.md, "Presence
// by evidence": an own online service when the text shows one). Real texts
// rarely say "我们的网站": they name it — "鱼泡网是…招工平台", "国内最专业的美食网，
// 为您提供…", "龟友天下网gui999.cn官方开发的客户端", "详情见www.example.com".
//   - a site name: two Han characters or more, then 网, then what a name is
//     followed by (是, 为, 致力, 提供, 旗下, 官方, a letter, a punctuation
//     mark, the end); not a word that ends in 网 (互联网, 局域网, 上网, 电网)
//     and not 网络, 网站 (the lexicon's), 网吧, 网店; not another's site named
//     as a partner or a source (合作伙伴艺龙旅行网, 新华网报道).
//   - a domain name: labels of letters, digits and hyphens ending in a
//     common top-level domain (com, cn, net, org, com.cn …); not an e-mail
//     address, not a framework (asp.net) and not another's platform
//     (taobao.com, weibo.com, github.com, apple.com …), where the business
//     would only have a page.
// Each becomes a clear presence_site hit (weight 2) spanning the name.
#pragma once

#include <string_view>
#include <vector>

#include "signals/extract.hpp"

namespace icp::presence {

// The hits with the site names and domain names of `text` (normalised: NFKC
// and case-folded) added as presence_site. Sorted by begin, as given.
std::vector<signals::Hit> with_site_names(std::vector<signals::Hit> hits, std::string_view text);

}  // namespace icp::presence
