// Golden reports (issue 13): the full report and the summary of a licence, a
// filing and a neither case with facts, in both languages, compared as
// files. After a deliberate change, rerun with ICP_UPDATE_GOLDEN=1 and review
// the difference with `git diff tests/cli/golden`.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

using namespace cli_test;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenReports = fs::path(ICP_SOURCE_DIR) / "tests" / "cli" / "golden";

struct GoldenCase {
  const char* name;
  std::vector<std::string> facts;
  const char* text;  // written for these tests
};

const GoldenCase kGoldenCases[] = {
    {"licence",
     {"--fact", "insured_staff=3", "--fact", "scope_has_telecom=是", "--fact", "foreign_shareholding=否"},
     "我们公司注册资本200万，开发了一个二手乐器交易App，琴友发布转让信息，平台按成交额抽取佣金。"},
    {"filing",
     {"--fact", "server_in_mainland=是", "--fact", "operator=公司"},
     "本公司网站用于展示公司简介、联系方式和产品图片，不在线销售，也不投放广告。"},
    {"neither", {"--fact", "own_site_or_app=否"}, "我们是一家社区面包店，顾客到店购买，只在美团上接外卖订单。"},
};

void check_against(const fs::path& file, const std::string& actual) {
  CAPTURE(file.string());
  if (std::getenv("ICP_UPDATE_GOLDEN")) {
    std::ofstream(file, std::ios::binary) << actual;
    MESSAGE("updated " << file.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(file), "missing golden file; run with ICP_UPDATE_GOLDEN=1");
  CHECK(actual == slurp(file.string()));
}

}  // namespace

TEST_CASE("golden reports and summaries, Chinese and English") {
  for (const auto& c : kGoldenCases)
    for (const char* lang : {"zh", "en"})
      for (const bool summary : {false, true}) {
        std::vector<std::string> args = c.facts;
        args.insert(args.end(), {"--lang", lang});
        if (summary) args.push_back("--summary");
        args.push_back(c.text);
        const auto r = run_cli(args);
        REQUIRE(r.code == 0);
        check_against(kGoldenReports / (std::string(c.name) + (summary ? ".summary." : ".report.") + lang + ".txt"),
                      r.out);
      }
}
