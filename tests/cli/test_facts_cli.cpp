// Company facts at the command line: --fact, --facts FILE, --ask with piped
// answers, the readiness block in the report and in JSON, and fact errors.
#include "cli_test_support.hpp"

using cli_test::run_cli;

namespace {

const std::string kPlatform = "同城二手交易平台，用户发布闲置物品，买家在线联系卖家。";

boost::json::object json_of(const std::string& out) {
  return boost::json::parse(out).as_object();
}

}  // namespace

TEST_CASE("facts: --fact changes the decision and feeds readiness") {
  auto presumed = run_cli({"--format", "json", kPlatform});
  REQUIRE(presumed.code == 0);
  CHECK(json_of(presumed.out)["decision"] == "license");

  auto answered = run_cli({"--format", "json", "--fact", "charges_users=否", "--fact", "ad_income=no", kPlatform});
  REQUIRE(answered.code == 0);
  auto d = json_of(answered.out);
  CHECK(d["decision"] == "filing");
  bool traced = false;
  for (const auto& t : d["trace"].as_array()) traced |= t.as_object().at("rule") == "fact.no_charges";
  CHECK(traced);
  REQUIRE(d.contains("readiness"));
  REQUIRE(d.contains("materials"));
  CHECK(d["readiness"].as_object().at("applicable") == true);
}

TEST_CASE("facts: a JSON facts file, with the options over it") {
  cli_test::TempDir dir;
  const auto file = dir.write("facts.json",
                              R"({"registered_capital": "500万", "insured_staff": 3, "scope_has_telecom": true,
                                  "foreign_shareholding": false, "domain_filed": "是", "domain_valid_months": "2年",
                                  "province": "浙江", "server_province": "杭州", "operator": "公司"})");
  auto r = run_cli({"--format", "json", "--facts", file, "付费会员制的行业资讯网站，开通VIP下载报告。"});
  REQUIRE(r.code == 0);
  auto d = json_of(r.out);
  CHECK(d["decision"] == "license");
  CHECK(d["readiness"].as_object().at("ready") == "yes");
  for (const auto& c : d["readiness"].as_object().at("conditions").as_array()) {
    CHECK(c.as_object().at("status") == "met");
    CHECK(!c.as_object().at("source").as_string().empty());
  }
  auto poorer = run_cli(
      {"--format", "json", "--facts", file, "--fact", "注册资本=50万", "付费会员制的行业资讯网站，开通VIP下载报告。"});
  auto p = json_of(poorer.out);
  CHECK(p["readiness"].as_object().at("ready") == "no");
  CHECK(p["readiness"].as_object().at("unmet").as_array().at(0) == "registered_capital");
}

TEST_CASE("facts: the text report shows the conditions and the materials") {
  auto r = run_cli({"--lang", "en", "我们公司注册资本500万，运营一个靠广告盈利的论坛。"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Conditions for applying") != std::string::npos);
  CHECK(r.out.find("Materials to hand in") != std::string::npos);
  CHECK(r.out.find("registered capital: ¥5,000,000") != std::string::npos);
}

TEST_CASE("facts: bad facts name the fact and the accepted forms, exit 2") {
  auto unknown = run_cli({"--fact", "colour=blue", kPlatform});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("colour") != std::string::npos);
  auto value = run_cli({"--fact", "注册资本=很多", kPlatform});
  CHECK(value.code == 2);
  CHECK(value.err.find("registered_capital") != std::string::npos);
  CHECK(value.err.find("500万") != std::string::npos);
  cli_test::TempDir dir;
  auto bad_json = run_cli({"--facts", dir.write("f.json", "[1,2]"), kPlatform});
  CHECK(bad_json.code == 2);
  auto missing = run_cli({"--facts", dir.file("none.json"), kPlatform});
  CHECK(missing.code == 2);
}

TEST_CASE("facts: out-of-range shares and counts are refused, exit 2; a facts file may start with a BOM") {
  auto share = run_cli({"--fact", "foreign_share=200%", kPlatform});
  CHECK(share.code == 2);
  CHECK(share.err.find("foreign_share") != std::string::npos);
  CHECK(share.err.find("0–100% or 0–1") != std::string::npos);
  auto count = run_cli({"--fact", "insured_staff=18446744073709551617", kPlatform});
  CHECK(count.code == 2);
  CHECK(count.err.find("insured_staff") != std::string::npos);
  CHECK(count.err.find("out of range") != std::string::npos);

  cli_test::TempDir dir;
  auto file_share = run_cli({"--facts", dir.write("share.json", R"({"foreign_share": "200%"})"), kPlatform});
  CHECK(file_share.code == 2);
  CHECK(file_share.err.find("0–100% or 0–1") != std::string::npos);
  auto file_number = run_cli({"--facts", dir.write("share2.json", R"({"foreign_share": 150})"), kPlatform});
  CHECK(file_number.code == 2);
  auto file_count =
      run_cli({"--facts", dir.write("count.json", R"({"insured_staff": 18446744073709551617})"), kPlatform});
  CHECK(file_count.code == 2);
  CHECK(file_count.err.find("insured_staff") != std::string::npos);
  CHECK(file_count.err.find("out of range") != std::string::npos);

  auto bom = run_cli({"--format", "json", "--facts",
                      dir.write("bom.json", "\xEF\xBB\xBF{\"registered_capital\": \"500万\"}"), kPlatform});
  CHECK(bom.code == 0);
  CHECK(bom.err.empty());
  CHECK(bom.out.find("5000000") != std::string::npos);
}

TEST_CASE("facts: --ask with piped answers re-decides and shows what changed") {
  auto r = run_cli({"--ask", "--lang", "en", kPlatform}, "no\nno\nyes\n");
  REQUIRE(r.code == 0);
  CHECK(r.err.find("Does it charge users?") != std::string::npos);
  CHECK(r.err.find("decision: needs an ICP operating licence (ICP经营许可证) → needs an ICP filing only") !=
        std::string::npos);
  CHECK(r.err.find("Does it earn from advertising?") != std::string::npos);
  CHECK(r.out.find("Decision: needs an ICP filing only") != std::string::npos);

  // A wrong answer is explained and asked again; EOF ends the questions.
  auto retry = run_cli({"--ask", kPlatform}, "也许吧\n是\n");
  CHECK(retry.code == 0);
  CHECK(retry.err.find("无法识别") != std::string::npos);
  CHECK(retry.out.find("结论：需要ICP经营许可证") != std::string::npos);

  auto no_text = run_cli({"--ask"}, kPlatform);
  CHECK(no_text.code == 2);

  // Answers that are never understood end the question after three tries,
  // so piped input always ends (issue 14: `yes 是 | icp-classify --ask`).
  std::string nonsense;
  for (int i = 0; i < 200; ++i) nonsense += "乱七八糟\n";
  auto endless = run_cli({"--ask", kPlatform}, nonsense);
  CHECK(endless.code == 0);
  CHECK(endless.err.find("已跳过此问题（连续三次无法识别）") != std::string::npos);
  CHECK(endless.out.find("结论：") != std::string::npos);
}
