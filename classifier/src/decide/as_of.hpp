// The date whose rules apply (Options::as_of, --as-of): a day as yyyymmdd.
#pragma once

#include <string>
#include <string_view>

namespace icp::decide {

// "2019-06-01" → 20190601. Throws icp::AsOfError naming the value for
// anything else (a day that does not exist included).
int parse_as_of(std::string_view text);
// Today in UTC.
int today_utc();
// 20190601 → "2019-06-01".
std::string day_text(int day);

}  // namespace icp::decide
