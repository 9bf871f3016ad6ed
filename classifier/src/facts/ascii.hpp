// ASCII lower-casing for fact names and values ("RMB", "Zhejiang", "YES");
// Chinese text passes through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace icp::facts {

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

}  // namespace icp::facts
