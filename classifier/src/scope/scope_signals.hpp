// What a business scope means for the signals: inside a scope the lexicon's
// words are registered activities, not features of a service (信息系统集成
// is work for clients, 网上销售 is no site of its own), so they give way to
// the scope reader's items.
#pragma once

#include "scope/business_scope.hpp"
#include "signals/extract.hpp"

namespace icp::scope {

// The signals with the scope read: hits of presence, service, payment,
// category and sector words inside the scope dropped (web-design work and
// the notes and cues stay), the scope's items added as scope_b25,
// scope_telecom and scope_other_telecom, its sectors (药品互联网信息服务) and
// its bulletin board (含电子公告服务) as their signals, and the sectors a
// parenthesis excludes dropped everywhere. `lexical` (sorted by begin, as
// signals::extract_hits gives them) is returned unchanged when no scope was
// found; the result is sorted by begin too.
std::vector<signals::Hit> with_scope(std::vector<signals::Hit> lexical, const Reading& scope);

}  // namespace icp::scope
