#include "did_you_mean.hpp"

#include <algorithm>
#include <vector>

#include "text_util.hpp"

namespace icp::cli {
namespace {

// Code points of UTF-8 text; a byte that starts no valid sequence stands for itself.
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    bool valid = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      out.push_back(0xDC00 + b);  // a lone surrogate: never equal to a real character
      ++i;
      continue;
    }
    char32_t cp = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  const std::u32string a = code_points(a_text), b = code_points(b_text);
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string closest(std::string_view typed, std::span<const std::string> candidates) {
  // Long input is no typo of a short name, and the table would be large.
  constexpr std::size_t kLongest = 64;
  if (typed.empty() || typed.size() > 4 * kLongest) return "";
  const std::string lowered = lower_ascii(std::string(typed));
  for (const auto& c : candidates)
    if (!c.empty() && lower_ascii(c) == lowered) return c;
  const std::size_t length = code_points(typed).size();
  if (length > kLongest) return "";
  const std::size_t limit = length <= 4 ? 1 : 2;
  // The nearest candidate, if it is near enough and no other is as near.
  std::string best;
  std::size_t best_distance = limit + 1, at_best = 0;
  for (const auto& c : candidates) {
    if (c.empty() || c.size() > 4 * kLongest || c == best) continue;
    const std::size_t d = edit_distance(lowered, lower_ascii(c));
    if (d < best_distance) {
      best = c, best_distance = d, at_best = 1;
    } else if (d == best_distance) {
      ++at_best;
    }
  }
  return at_best == 1 ? best : "";
}

}  // namespace icp::cli
