// Provinces and cities, and sector lists, as people name them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icp::facts {

// The province-level division a name points to, as its short Chinese name
// ("浙江"): 浙江, 浙江省, Zhejiang, 杭州, 杭州市, 阿里云杭州 → 浙江.
std::optional<std::string_view> province_of(std::string_view name);

// The first province or city named inside a longer text, with its offset.
struct PlaceMention {
  std::string_view province;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::optional<PlaceMention> find_place(std::string_view text);

// "新闻,教育" / "news; medical" / "无" → sector ids; nullopt if a word is unknown.
std::optional<std::vector<std::string>> parse_sectors(std::string_view text);

}  // namespace icp::facts
