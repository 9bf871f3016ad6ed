// Company facts: the number parser on the ways people write amounts, shares,
// counts and durations; setting facts by name; facts read from the text.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>

#include "facts/from_text.hpp"
#include "facts/number.hpp"
#include "icp/classifier.hpp"
#include "icp/facts.hpp"

namespace {

struct NumberCase {
  const char* text;
  std::optional<double> (*parse)(std::string_view);
  double expected;  // NAN: must be rejected
};

using icp::facts::parse_amount;
using icp::facts::parse_count;
using icp::facts::parse_months;
using icp::facts::parse_percent;

// clang-format off
const NumberCase kNumbers[] = {
    // Amounts of money (yuan).
    {"500万", parse_amount, 5e6},            {"500万元", parse_amount, 5e6},
    {"伍佰万元", parse_amount, 5e6},          {"五百万", parse_amount, 5e6},
    {"5,000,000", parse_amount, 5e6},        {"5000000元", parse_amount, 5e6},
    {"1000万人民币", parse_amount, 1e7},      {"1000万元人民币", parse_amount, 1e7},
    {"一千万", parse_amount, 1e7},            {"壹仟万元整", parse_amount, 1e7},
    {"1.5亿", parse_amount, 1.5e8},          {"1.5亿元", parse_amount, 1.5e8},
    {"一亿二千万", parse_amount, 1.2e8},      {"100万", parse_amount, 1e6},
    {"一百万", parse_amount, 1e6},            {"壹佰万", parse_amount, 1e6},
    {"两百万", parse_amount, 2e6},            {"３００万", parse_amount, 3e6},
    {"RMB 2 million", parse_amount, 2e6},    {"2 million", parse_amount, 2e6},
    {"2000000 CNY", parse_amount, 2e6},      {"50万块", parse_amount, 5e5},
    {"人民币500万元", parse_amount, 5e6},      {"￥5,000,000", parse_amount, 5e6},
    {"一百零五万", parse_amount, 1.05e6},     {"100万美元", parse_amount, NAN},
    {"很多", parse_amount, NAN},              {"", parse_amount, NAN},
    // Shares (percent).
    {"40%", parse_percent, 40},              {"40％", parse_percent, 40},
    {"40", parse_percent, 40},               {"百分之四十", parse_percent, 40},
    {"百分之五十", parse_percent, 50},        {"四成", parse_percent, 40},
    {"0.4", parse_percent, 40},              {"一半", parse_percent, 50},
    {"50 percent", parse_percent, 50},       {"12.5%", parse_percent, 12.5},
    {"百分之十二点五", parse_percent, NAN},    {"大部分", parse_percent, NAN},
    // Counts.
    {"3", parse_count, 3},                   {"三", parse_count, 3},
    {"三人", parse_count, 3},                 {"5名", parse_count, 5},
    {"30来号人", parse_count, 30},            {"三十多人", parse_count, 30},
    {"六百余人", parse_count, 600},           {"十二个", parse_count, 12},
    {"两个人", parse_count, 2},               {"3.5", parse_count, NAN},
    // Durations (months).
    {"8", parse_months, 8},                  {"8个月", parse_months, 8},
    {"一年", parse_months, 12},               {"2年", parse_months, 24},
    {"半年", parse_months, 6},                {"18 months", parse_months, 18},
    {"一年半", parse_months, 18},             {"十个月", parse_months, 10},
    {"很久", parse_months, NAN},
};
// clang-format on

}  // namespace

TEST_CASE("facts: numbers as people write them") {
  for (const auto& c : kNumbers) {
    INFO(c.text);
    auto v = c.parse(c.text);
    if (std::isnan(c.expected)) {
      CHECK_FALSE(v.has_value());
    } else {
      REQUIRE(v.has_value());
      CHECK(*v == doctest::Approx(c.expected));
    }
  }
  CHECK(sizeof(kNumbers) / sizeof(kNumbers[0]) >= 40);
}

TEST_CASE("facts: set by name or alias, NAME=VALUE, unknown clears") {
  icp::Facts f;
  icp::set_fact(f, "registered_capital", "500万");
  CHECK(*f.registered_capital == doctest::Approx(5e6));
  icp::set_fact(f, "注册资本=伍佰万元");
  CHECK(*f.registered_capital == doctest::Approx(5e6));
  icp::set_fact(f, "charges_users", "否");
  CHECK(f.charges_users == false);
  icp::set_fact(f, "charges_users", "不确定");
  CHECK_FALSE(f.charges_users.has_value());
  icp::set_fact(f, "foreign_share=百分之四十");
  CHECK(*f.foreign_share == doctest::Approx(40));
  CHECK(f.foreign_shareholding == true);
  icp::set_fact(f, "server_province", "阿里云杭州");
  CHECK(*f.server_province == "浙江");
  icp::set_fact(f, "province", "Zhejiang");
  CHECK(*f.province == "浙江");
  icp::set_fact(f, "operator", "个人");
  CHECK(f.is_company == false);
  icp::set_fact(f, "sectors", "新闻、医疗");
  CHECK(*f.sectors == std::vector<std::string>{"news", "medical"});
  icp::set_fact(f, "sectors", "无");
  CHECK(f.sectors->empty());
}

TEST_CASE("facts: bad names and values name the fact and the accepted forms") {
  icp::Facts f;
  try {
    icp::set_fact(f, "注册资本", "很多");
    FAIL("no error");
  } catch (const icp::FactError& e) {
    CHECK(e.fact() == "registered_capital");
    CHECK(std::string(e.what()).find("500万") != std::string::npos);
  }
  CHECK_THROWS_AS(icp::set_fact(f, "colour", "blue"), icp::FactError);
  CHECK_THROWS_AS(icp::set_fact(f, "charges_users", "maybe"), icp::FactError);
  CHECK_THROWS_AS(icp::set_fact(f, "no equals sign"), icp::FactError);
  CHECK_THROWS_AS(icp::set_fact(f, "province", "Atlantis"), icp::FactError);
}

TEST_CASE("facts: shares past 100% and counts too large to hold are refused, not clamped or rounded") {
  icp::Facts f;
  auto message = [&](const char* name, const char* value) {
    try {
      icp::set_fact(f, name, value);
    } catch (const icp::FactError& e) {
      CHECK(e.fact() == name);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  for (const char* share : {"200%", "100.5", "百分之一百五十", "20成"}) {
    const std::string m = message("foreign_share", share);
    CAPTURE(share);
    CHECK(m.find("foreign_share") != std::string::npos);
    CHECK(m.find("out of range") != std::string::npos);
    CHECK(m.find("0–100% or 0–1") != std::string::npos);
  }
  CHECK(!f.foreign_share);
  icp::set_fact(f, "foreign_share", "100%");
  CHECK(*f.foreign_share == doctest::Approx(100));
  icp::set_fact(f, "foreign_share", "0.5");
  CHECK(*f.foreign_share == doctest::Approx(50));
  icp::set_fact(f, "foreign_share", "0%");
  CHECK(*f.foreign_share == doctest::Approx(0));

  for (const char* count : {"18446744073709551617", "18446744073709551615", "9007199254740992", "1亿亿亿"}) {
    const std::string m = message("insured_staff", count);
    CAPTURE(count);
    CHECK(m.find("insured_staff") != std::string::npos);
    CHECK(m.find("out of range") != std::string::npos);
  }
  CHECK(!f.insured_staff);
  icp::set_fact(f, "insured_staff", "9007199254740991");
  CHECK(*f.insured_staff == 9007199254740991.0);
  CHECK(message("insured_months", "18446744073709551617个月").find("out of range") != std::string::npos);
  CHECK(message("domain_valid_months", std::string(400, '9').c_str()).find("out of range") != std::string::npos);
  CHECK(message("registered_capital", std::string(400, '9').c_str()).find("out of range") != std::string::npos);
}

TEST_CASE("facts: read from the text, with evidence") {
  const icp::Classifier c;
  const std::string text =
      "我们公司注册资本500万，外方持股40%，30来号人，服务器在阿里云杭州，公司注册在浙江。我们的论坛靠广告盈利。";
  const auto d = c.classify(text);
  auto value = [&](const char* name) -> std::string {
    for (const auto& f : d.facts)
      if (f.name == name) {
        CHECK(f.from_text);
        CHECK(f.evidence.end <= text.size());
        CHECK(text.substr(f.evidence.begin, f.evidence.end - f.evidence.begin) == f.evidence.text);
        return f.value;
      }
    return "";
  };
  CHECK(value("registered_capital") == "5000000");
  CHECK(value("foreign_share") == "40");
  CHECK(value("foreign_shareholding") == "yes");
  CHECK(value("headcount") == "30");
  CHECK(value("server_province") == "浙江");
  CHECK(value("province") == "浙江");
  CHECK(d.foreign_investment);
}

namespace {

// The facts one text states, by name ("" when it states none).
std::string stated(const icp::Classifier& c, const std::string& text, const char* name) {
  for (const auto& f : c.classify(text).facts)
    if (f.name == name) return f.value;
  return "";
}

}  // namespace

TEST_CASE("facts: where the servers are, in English too") {
  const icp::Classifier c;
  CHECK(stated(c, "Our forum is hosted on Alibaba Cloud Shanghai.", "server_province") == "上海");
  CHECK(stated(c, "Our forum is hosted on Alibaba Cloud Shanghai.", "server_in_mainland") == "yes");
  CHECK(stated(c, "All servers are in Hong Kong; the app lets users chat.", "server_in_mainland") == "no");
  CHECK(stated(c, "The servers sit in the US, in a Virginia data center.", "server_in_mainland") == "no");
  CHECK(stated(c, "我们的服务器部署在新加坡。", "server_in_mainland") == "no");
  // "us" as a pronoun is no place; a server word with no place says nothing.
  CHECK(stated(c, "Our servers let us serve users faster.", "server_in_mainland").empty());
}

TEST_CASE("facts: foreign, HK, Macau and Taiwan owners as texts name them") {
  const icp::Classifier c;
  for (const char* text :
       {"公司股东里有一家新加坡公司，占股30%。", "美国母公司100%控股的游戏公司。", "香港公司全资持有的内地公司。",
        "We are a subsidiary of a US company.", "Our Hong Kong parent company funds the app."})
    CHECK_MESSAGE(stated(c, text, "foreign_shareholding") == "yes", text);
  for (const char* text : {"纯内资企业，运营论坛。", "公司没有外资股东。", "We are not foreign-owned."})
    CHECK_MESSAGE(stated(c, text, "foreign_shareholding") == "no", text);
  // Places the company works in or serves are not its shareholders.
  for (const char* text :
       {"我们在香港设有子公司。", "产品出口海外，为境外客户提供服务。", "We serve overseas customers.",
        "我们为外资企业提供记账服务。", "We run a forum for Japanese investors."})
    CHECK_MESSAGE(stated(c, text, "foreign_shareholding").empty(), text);
}

TEST_CASE("facts: every keyword once, so that a match's id tells its extractor") {
  const auto& words = icp::facts::keywords();
  CHECK(std::set<std::string>(words.begin(), words.end()).size() == words.size());
  // Found by the lexicon's automaton or by one of their own, alike.
  const icp::match::PhraseMatcher own(words);
  std::vector<icp::match::Match> found;
  icp::text::NormalizedText text;
  text.text = "公司注册资本500万，员工30人，服务器在杭州";
  own.find_all(text.text, found);
  const auto facts = icp::facts::facts_from_text(text, found);
  CHECK(facts.facts.registered_capital == 5e6);
  CHECK(facts.headcount == 30);
  CHECK(facts.facts.server_province == "浙江");
  CHECK(facts.facts.is_company == true);
}
