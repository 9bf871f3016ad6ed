// --as-of DATE and `icp-classify rules`: the rules in force on a date, on the
// real command line (issue 11).
#include <boost/json.hpp>
#include <string>

#include "cli_test_support.hpp"

using cli_test::run_cli;

namespace {

boost::json::object json_of(const std::string& out) {
  return boost::json::parse(out).as_object();
}

bool has_rule(const boost::json::object& d, const std::string& id) {
  for (const auto& t : d.at("trace").as_array())
    if (t.as_object().at("rule") == id.c_str()) return true;
  return false;
}

const boost::json::object* trace_entry(const boost::json::object& d, const std::string& id) {
  for (const auto& t : d.at("trace").as_array())
    if (t.as_object().at("rule") == id.c_str()) return &t.as_object();
  return nullptr;
}

bool has_note(const boost::json::object& d, const std::string& id) {
  for (const auto& n : d.at("notes").as_array())
    if (n.as_object().at("id") == id.c_str()) return true;
  return false;
}

const std::string kOwnShop = "我们公司官网展示自家产品，可以在线下单购买。";
const std::string kOwnApp = "我们开发了一个App，展示自己公司的产品。";

}  // namespace

TEST_CASE("as-of: a malformed date is a usage error naming the value") {
  for (const char* bad : {"2019-13-01", "2019-02-29", "2019/06/01", "yesterday", "2019-6-1"}) {
    CAPTURE(bad);
    const auto r = run_cli({"--as-of", bad, kOwnShop});
    CHECK(r.code == 2);
    CHECK(r.err.find("invalid value for --as-of: '" + std::string(bad) + "'") != std::string::npos);
  }
  CHECK(run_cli({"rules", "--as-of", "2019-13-01"}).code == 2);
}

TEST_CASE("as-of: the JSON says which date and which version of each rule applied") {
  const auto today = json_of(run_cli({"--format", "json", kOwnShop}).out);
  CHECK(today.at("as_of").as_string().size() == 10);
  const auto* trade = trace_entry(today, "service.trade");
  REQUIRE(trade != nullptr);
  CHECK(trade->at("valid_from") == "2021-04-22");
  CHECK(trade->at("valid_to") == "");
  CHECK_FALSE(has_note(today, "after_known_changes"));  // today is not a date the user asked about

  // Before the self-operated-site notice: no such rule, a note that provinces differed, still a filing.
  const auto r2019 = run_cli({"--format", "json", "--as-of", "2019-06-01", kOwnShop});
  CHECK(r2019.code == 0);
  const auto before = json_of(r2019.out);
  CHECK(before.at("as_of") == "2019-06-01");
  CHECK(before.at("decision") == "filing");
  CHECK_FALSE(has_rule(before, "service.trade"));
  CHECK(has_note(before, "before_own_site_notice"));
}

TEST_CASE("as-of: apps were not filed before August 2023") {
  const auto before = json_of(run_cli({"--format", "json", "--as-of", "2023-07-31", kOwnApp}).out);
  CHECK(before.at("decision") == "neither");
  CHECK(has_rule(before, "noncommercial.app_not_filed"));
  const auto after = json_of(run_cli({"--format", "json", "--as-of", "2023-08-01", kOwnApp}).out);
  CHECK(after.at("decision") == "filing");
  CHECK_FALSE(has_rule(after, "noncommercial.app_not_filed"));
  // A commercial app needed the licence whatever the date.
  const auto paid =
      json_of(run_cli({"--format", "json", "--as-of", "2020-01-01", "一款App，用户付费订阅会员看文章"}).out);
  CHECK(paid.at("decision") == "license");
}

TEST_CASE("as-of: medical approval national until October 2015; the news rules' citation by date") {
  const std::string medical = "我们医院官网发布健康科普文章。";
  auto standing = [&](const char* day) {
    const auto d = json_of(run_cli({"--format", "json", "--as-of", day, medical}).out);
    for (const auto& p : d.at("preapproval_details").as_array())
      if (p.as_object().at("sector") == "medical") return p.as_object().at("still_required").as_bool();
    FAIL("no medical pre-approval on " << day);
    return false;
  };
  CHECK(standing("2014-05-01"));
  CHECK(standing("2015-09-30"));
  CHECK_FALSE(standing("2015-10-01"));

  const std::string news = "新闻资讯网站，转载各大媒体新闻，靠广告盈利";
  auto news_citation = [&](const char* day) {
    const auto d = json_of(run_cli({"--format", "json", "--as-of", day, news}).out);
    const auto* t = trace_entry(d, "news_permit.news");
    REQUIRE(t != nullptr);
    return std::string(t->at("citation").as_string());
  };
  CHECK(news_citation("2010-01-01").find("2005年9月25日施行") != std::string::npos);
  CHECK(news_citation("2017-06-01").find("国家网信办") != std::string::npos);
}

TEST_CASE("as-of: dates outside what the data knows are answered with a note") {
  const auto early = json_of(run_cli({"--format", "json", "--as-of", "1999-01-01", "论坛发帖收费"}).out);
  CHECK(has_note(early, "before_measures"));
  const auto late = json_of(run_cli({"--format", "json", "--as-of", "2099-01-01", "论坛发帖收费"}).out);
  CHECK(has_note(late, "after_known_changes"));
  CHECK(late.at("decision") == "license");
}

TEST_CASE("rules: the table in both languages and as JSON, marked for the date") {
  const auto zh = run_cli({"rules"});
  CHECK(zh.code == 0);
  CHECK(zh.out.find("规则表（") == 0);
  CHECK(zh.out.find("service.trade  第2步") != std::string::npos);
  CHECK(zh.out.find("依据：安徽省通信管理局") != std::string::npos);
  const auto en = run_cli({"rules", "--lang", "en", "--as-of", "2019-06-01"});
  CHECK(en.code == 0);
  CHECK(en.out.find("in force on 2019-06-01") != std::string::npos);
  CHECK(en.out.find("service.trade  step 2  official notice  from 2021-04-22  (not in force that day)") !=
        std::string::npos);

  auto count_in_force = [](const std::string& out, std::size_t& total) {
    const auto d = json_of(out);
    std::size_t n = 0;
    total = d.at("rules").as_array().size();
    for (const auto& r : d.at("rules").as_array()) {
      const auto& o = r.as_object();
      for (const char* key : {"id", "step", "basis", "citation", "valid_from", "valid_to", "in_force", "reason"})
        CHECK(o.contains(key));
      n += o.at("in_force").as_bool();
    }
    return n;
  };
  std::size_t total_now = 0, total_2019 = 0;
  const auto now = count_in_force(run_cli({"rules", "--format", "json"}).out, total_now);
  const auto then = count_in_force(run_cli({"rules", "--format", "json", "--as-of", "2019-06-01"}).out, total_2019);
  CHECK(total_now == total_2019);
  CHECK(total_now > 70);
  CHECK(then < now);  // the 2021 notice, the 2023 app filing are not in force in 2019
  CHECK(run_cli({"rules", "extra"}).code == 2);
}

TEST_CASE("as-of: an eval table may give each case its date and facts; a bad one names its line") {
  cli_test::TempDir dir;
  const std::string header =
      "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote\tas_of\tfacts\n";
  const std::string good = dir.write("good.tsv", header +
                                                     "a\t我们开发了一个App，展示自己公司的产品。\tneither\t\tno\t\tno\t"
                                                     "yes\tbefore app filing\t2022-01-01\t\n"
                                                     "b\t一个论坛App\tfiling\t3\tno\t\tno\tyes\tfree by the facts\t\t"
                                                     "charges_users=否;ad_income=否\n");
  const auto ok = run_cli({"eval", good});
  CHECK(ok.code == 0);
  CHECK(ok.out.find("decision accuracy      100.0% (2/2)") != std::string::npos);
  const std::string bad = dir.write("bad.tsv", header + "a\t论坛\tlicense\t3\tyes\t\tno\tno\tx\t2019-02-30\t\n");
  const auto r = run_cli({"eval", bad});
  CHECK(r.code == 2);
  CHECK(r.err.find("bad.tsv:2: as_of: '2019-02-30' is not a date") != std::string::npos);
}
