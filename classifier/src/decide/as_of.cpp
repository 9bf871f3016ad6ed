#include "decide/as_of.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "icp/errors.hpp"

namespace icp::decide {

int parse_as_of(std::string_view text) {
  auto bad = [&] { return AsOfError(std::string(text.substr(0, 40))); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') throw bad();
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  const std::chrono::year_month_day ymd{std::chrono::year{parts[0]}, std::chrono::month{unsigned(parts[1])},
                                        std::chrono::day{unsigned(parts[2])}};
  if (!ymd.ok() || parts[0] < 1900) throw bad();
  return parts[0] * 10000 + parts[1] * 100 + parts[2];
}

int today_utc() {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return int(ymd.year()) * 10000 + int(unsigned(ymd.month())) * 100 + int(unsigned(ymd.day()));
}

std::string day_text(int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
  return buffer;
}

}  // namespace icp::decide
