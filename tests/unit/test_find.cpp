// text::find_word gives the answers of std::string_view::find.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/find.hpp"

TEST_SUITE("find_word") {
  TEST_CASE("the same answers as string_view::find") {
    const std::vector<std::string> texts = {
        "",      "商", "数千家苗木商和供应商", "商品商城3000家供应商", "a-b-c", "京icp证030173号", "元元块钱九块九",
        "商\xE5"};
    const std::vector<std::string> words = {"", "商", "家", "供应商", "-", "icp", "块钱", "块", "元", "x", "\xE5"};
    for (const auto& t : texts)
      for (const auto& w : words)
        for (std::size_t from = 0; from <= t.size() + 2; ++from) {
          CAPTURE(t);
          CAPTURE(w);
          CAPTURE(from);
          CHECK(icp::text::find_word(t, w, from) == std::string_view(t).find(w, from));
        }
  }
}
