// --summary (issue 13 item 3): a few lines a clerk can forward, in the
// reader's language, with no internal names.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

using namespace cli_test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Written for these tests: a paid Q&A community, a company's own brochure
// site, and a shop on someone else's platform.
const char* kCommunity = "我们公司做一个健身问答社区App，会员发帖提问，教练解答，平台靠品牌广告赚钱。注册资本300万。";
const char* kBrochure = "本公司官网只介绍公司和产品，不卖东西也没有广告。";
const char* kShop = "我们只在抖音开了小店，没有自己的网站或App。";

}  // namespace

TEST_CASE("summary: a licence in five to eight Chinese lines, with what to obtain, prepare and ask") {
  const auto r = run_cli({"--summary", kCommunity});
  REQUIRE(r.code == 0);
  const auto lines = lines_of(r.out);
  CHECK(lines.size() >= 5);
  CHECK(lines.size() <= 8);
  CHECK(lines.at(0).starts_with("结论：需要ICP经营许可证（第"));
  CHECK(lines.at(1).starts_with("理由："));
  CHECK(has(r.out, "须先取得：《互联网新闻信息服务许可证》（代办实务的要求）"));
  CHECK(has(r.out, "能否申请：尚不确定"));
  CHECK(has(r.out, "需准备：营业执照"));
  CHECK(has(r.out, "请向客户确认：1）"));
  for (const char* internal : {"license", "brief", "registered_capital", "yes", "unknown", "[", "步骤"})
    CHECK_MESSAGE(!has(r.out, internal), internal);
}

TEST_CASE("summary: a filing has no categories and no news permit; neither is short") {
  const auto filing = run_cli({"-s", kBrochure});
  REQUIRE(filing.code == 0);
  CHECK(filing.out.starts_with("结论：仅需ICP备案\n"));
  CHECK(!has(filing.out, "第1类"));
  CHECK(!has(filing.out, "新闻信息服务许可证"));
  CHECK(has(filing.out, "需准备："));
  CHECK(lines_of(filing.out).size() <= 8);

  const auto neither = run_cli({"-s", kShop});
  REQUIRE(neither.code == 0);
  CHECK(neither.out.starts_with("结论：无需ICP许可或备案\n"));
  CHECK(!has(neither.out, "需准备"));
  CHECK(!has(neither.out, "能否申请"));
}

TEST_CASE("summary: English, and the JSON keys summary and questions") {
  const auto en = run_cli({"--summary", "--lang", "en", kCommunity});
  REQUIRE(en.code == 0);
  CHECK(en.out.starts_with("Decision: needs an ICP operating licence"));
  CHECK(has(en.out, "Obtain first: the 互联网新闻信息服务许可证 (news permit; agency practice)"));
  CHECK(has(en.out, "Ask the client: 1) "));

  const auto json = run_cli({"--summary", "--format", "json", kCommunity});
  REQUIRE(json.code == 0);
  const auto o = boost::json::parse(json.out).as_object();
  CHECK(o.at("summary").as_string() == run_cli({"--summary", kCommunity}).out);
  REQUIRE(!o.at("questions").as_array().empty());
  CHECK(has(std::string(o.at("summary").as_string()), std::string(o.at("questions").as_array()[0].as_string())));
  // Without --summary the JSON keeps its layout.
  CHECK(!boost::json::parse(run_cli({"--format", "json", kCommunity}).out).as_object().contains("summary"));
}

TEST_CASE("summary: a licence whose news permit is obtained can be ready; a required one keeps it waiting") {
  const std::vector<std::string> all_met = {"--fact", "insured_staff=3",         "--fact", "scope_has_telecom=是",
                                            "--fact", "domain_filed=是",         "--fact", "domain_valid_months=2年",
                                            "--fact", "province=浙江",           "--fact", "server_province=浙江",
                                            "--fact", "foreign_shareholding=否", "--fact", "sectors=无"};
  auto args = all_met;
  args.push_back("--summary");
  args.push_back(kCommunity);
  const auto waiting = run_cli(args);
  CHECK(has(waiting.out, "能否申请：尚不确定；待确认：新闻许可证"));
  args.insert(args.begin(), {"--fact", "news_permit_obtained=是"});
  const auto ready = run_cli(args);
  CHECK(has(ready.out, "能否申请：可以申请\n"));
  CHECK(!has(ready.out, "请向客户确认"));
}
