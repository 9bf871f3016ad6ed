// Numbers as people write them in Chinese business text: 500万, 伍佰万元,
// 5,000,000, 1000万人民币, 1.5亿, 50%, 百分之四十, 四成, 30来号人, 六百余人.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace icp::facts {

struct Number {
  double value = 0;
  std::size_t consumed = 0;  // bytes of the input that made the number
  bool approximate = false;  // 来, 多, 余, 几, 左右, 上下 followed it
};

// A number at the start of `text`: Arabic digits (with , separators and a
// decimal point, full-width too) or Chinese numerals (incl. 壹贰叁 and 两),
// followed by optional 十/百/千/万/亿 multipliers. Leading spaces are skipped.
std::optional<Number> parse_number(std::string_view text);

// An amount of money in yuan: "500万", "伍佰万元", "5,000,000", "1000万人民币",
// "RMB 2 million", "1.5亿元". Other currencies are rejected.
std::optional<double> parse_amount(std::string_view text);

// A share in percent: "40%", "40", "百分之四十", "四成", "0.4" (a fraction
// ≤ 1 is read as a fraction), "一半", "half".
std::optional<double> parse_percent(std::string_view text);

// A count of people or things: "3", "三", "30来号人", "三十多人", "六百余人".
std::optional<double> parse_count(std::string_view text);

// A duration in months: "8", "8个月", "一年", "2年", "半年", "18 months".
std::optional<double> parse_months(std::string_view text);

}  // namespace icp::facts
