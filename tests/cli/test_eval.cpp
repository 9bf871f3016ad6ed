// eval: reading case tables and the metrics, on hand-made expected/predicted
// pairs (independent of the classifier).
#include <doctest/doctest.h>

#include <sstream>

#include "cli_test_support.hpp"
#include "errors.hpp"
#include "eval.hpp"

using icp::Outcome;
using icp::cli::Case;
using icp::cli::Labels;

namespace {

const std::string kHeader = "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote\n";

std::vector<Case> read(const std::string& tsv) {
  std::istringstream in(tsv);
  return icp::cli::read_cases(in, "cases.tsv");
}

std::string error_of(const std::string& tsv) {
  try {
    read(tsv);
  } catch (const icp::cli::InputError& e) {
    return e.what();
  }
  return "";
}

Case make(const std::string& id, Labels expected, bool certain = true) {
  Case c;
  c.id = id;
  c.text = "text of " + id;
  c.expected = std::move(expected);
  c.certain = certain;
  return c;
}

Labels labels(Outcome d, std::vector<int> categories = {}, bool news = false, std::vector<std::string> pre = {},
              bool foreign = false) {
  return Labels{d, std::move(categories), news, std::move(pre), foreign};
}

}  // namespace

TEST_CASE("read_cases finds columns by name, ignores extra ones and parses each field") {
  auto cases = read(
      "\xEF\xBB\xBF"
      "note\tforeign\textra\tid\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tcertain\r\n"
      "a note\tyes\tzzz\tc-1\t外资论坛 收费\tlicense\t3, 1\tyes\tnews,medical\tno\r\n"
      "\n"
      "\tno\t\tc-2\t企业官网\tfiling\t\tno\t\tyes\n");
  REQUIRE(cases.size() == 2);
  CHECK(cases[0].id == "c-1");
  CHECK(cases[0].text == "外资论坛 收费");
  CHECK(cases[0].expected == labels(Outcome::license, {1, 3}, true, {"medical", "news"}, true));
  CHECK(!cases[0].certain);
  CHECK(cases[0].note == "a note");
  CHECK(cases[0].line == 2);
  CHECK(cases[1].expected == labels(Outcome::filing));
  CHECK(cases[1].certain);
  CHECK(cases[1].line == 4);
}

TEST_CASE("malformed case tables name the file and line") {
  const std::string ok = "a\t论坛\tlicense\t3\tyes\t\tno\tyes\tnote\n";
  CHECK(error_of("") == "cases.tsv: empty file (expected a header line)");
  CHECK(error_of("id\ttext\n").find("cases.tsv:1: header lacks column(s): decision") == 0);
  CHECK(error_of(kHeader + ok + "b\t网站\tmaybe\t\tno\t\tno\tyes\t\n").find("cases.tsv:3: decision") == 0);
  CHECK(error_of(kHeader + "b\t网站\tfiling\t6\tno\t\tno\tyes\t\n").find("cases.tsv:2: categories") == 0);
  CHECK(error_of(kHeader + "b\t网站\tfiling\tx\tno\t\tno\tyes\t\n").find("cases.tsv:2: categories") == 0);
  CHECK(error_of(kHeader + "b\t网站\tfiling\t\tmaybe\t\tno\tyes\t\n").find("cases.tsv:2: news_permit") == 0);
  CHECK(error_of(kHeader + "b\t网站\tfiling\t\tno\tlaw\tno\tyes\t\n").find("cases.tsv:2: unknown pre-approval") == 0);
  CHECK(error_of(kHeader + "b\t网站\tfiling\t\tno\t\tno\n").find("cases.tsv:2: expected at least 8") == 0);
  CHECK(error_of(kHeader + "\t网站\tfiling\t\tno\t\tno\tyes\t\n").find("cases.tsv:2: empty id") == 0);
  CHECK(error_of(kHeader + "b\t \tfiling\t\tno\t\tno\tyes\t\n").find("cases.tsv:2: empty text") == 0);
  CHECK(error_of(kHeader + ok + ok).find("cases.tsv:3: duplicate id \"a\" (first on line 2)") == 0);
  CHECK(read(kHeader + ok).size() == 1);  // the note column may be empty or absent
}

TEST_CASE("evaluate: accuracy, confusion, categories, under-calls") {
  std::vector<Case> cases = {
      make("1", labels(Outcome::license, {1, 3}, true)),                     // right
      make("2", labels(Outcome::license, {3}, true), true),                  // under-call, certain
      make("3", labels(Outcome::license, {4}, true), false),                 // under-call, not certain
      make("4", labels(Outcome::filing, {}, false, {"medical"})),            // over-call
      make("5", labels(Outcome::neither)),                                   // right
      make("6", labels(Outcome::filing, {}, false, {"education", "news"})),  // right decision, wrong other fields
  };
  std::vector<Labels> predicted = {
      labels(Outcome::license, {1, 3}, true),
      labels(Outcome::filing, {3}, false),
      labels(Outcome::neither, {}, true),
      labels(Outcome::license, {1}, false, {"medical"}),
      labels(Outcome::neither),
      labels(Outcome::filing, {2}, false, {"news"}, true),
  };
  auto m = icp::cli::evaluate(cases, predicted);
  CHECK(m.cases == 6);
  CHECK(m.decision.hits == 3);
  CHECK(m.decision.total == 6);
  CHECK(*m.decision.value() == doctest::Approx(0.5));
  // rows expected, columns predicted: license, filing, neither
  CHECK(m.confusion[0] == std::array<std::size_t, 3>{1, 1, 1});
  CHECK(m.confusion[1] == std::array<std::size_t, 3>{1, 1, 0});
  CHECK(m.confusion[2] == std::array<std::size_t, 3>{0, 0, 1});
  CHECK(m.under_calls == 2);
  CHECK(m.under_calls_certain == 1);
  // category 1: tp (case 1), fp (case 4); category 2: fp (case 6); category 3: tp 2;
  // category 4: fn (case 3); category 5: nothing.
  CHECK(m.categories[0].tp == 1);
  CHECK(m.categories[0].fp == 1);
  CHECK(m.categories[0].fn == 0);
  CHECK(*m.categories[0].precision() == doctest::Approx(0.5));
  CHECK(*m.categories[0].recall() == doctest::Approx(1.0));
  CHECK(m.categories[1].fp == 1);
  CHECK(*m.categories[1].precision() == doctest::Approx(0.0));
  CHECK(!m.categories[1].recall());
  CHECK(m.categories[2].tp == 2);
  CHECK(m.categories[3].fn == 1);
  CHECK(!m.categories[3].precision());
  CHECK(*m.categories[3].recall() == doctest::Approx(0.0));
  CHECK(!m.categories[4].precision());
  CHECK(!m.categories[4].recall());
  CHECK(m.news_permit.hits == 5);  // only case 2 is wrong (yes → no)
  CHECK(m.preapprovals.hits == 5);
  CHECK(m.foreign.hits == 5);
  REQUIRE(m.mismatches.size() == 4);
  CHECK(m.mismatches[0].id == "2");
  CHECK(m.mismatches[0].decision_wrong);
  CHECK(m.mismatches[0].fields == std::vector<std::string>{"news_permit"});
  CHECK(m.mismatches[3].id == "6");
  CHECK(!m.mismatches[3].decision_wrong);
  CHECK(m.mismatches[3].fields == std::vector<std::string>{"categories", "preapprovals", "foreign"});
}

TEST_CASE("evaluate: nothing to score is not a division by zero") {
  auto m = icp::cli::evaluate({}, {});
  CHECK(m.cases == 0);
  CHECK(!m.decision.value());
  std::ostringstream out;
  icp::cli::print_metrics(out, m, "empty.tsv");
  CHECK(out.str().find("decision accuracy      - (0/0)") != std::string::npos);
}

TEST_CASE("the printed report ends with a 12-line summary; JSON carries the same figures") {
  std::vector<Case> cases = {make("x1", labels(Outcome::license, {3}, true)), make("x2", labels(Outcome::filing))};
  std::vector<Labels> predicted = {labels(Outcome::filing, {3}, true), labels(Outcome::filing)};
  auto m = icp::cli::evaluate(cases, predicted);
  std::ostringstream out;
  icp::cli::print_metrics(out, m, "t.tsv");
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() > 12);
  std::vector<std::string> tail(lines.end() - 12, lines.end());
  CHECK(tail[0] == "== summary: t.tsv ==");
  CHECK(tail[1].find("cases                  2") == 0);
  CHECK(tail[2].find("decision accuracy      50.0% (1/2)") == 0);
  CHECK(tail[3].find("under-calls            1 (certain=yes: 1)") == 0);
  CHECK(tail[5].find("license") != std::string::npos);
  CHECK(tail[11].find("foreign accuracy       100.0% (2/2)") == 0);
  CHECK(out.str().find("x1  license → filing") != std::string::npos);
  CHECK(out.str().find("text of x1") != std::string::npos);

  auto j = icp::cli::metrics_json(m);
  CHECK(j.at("cases") == 2);
  CHECK(j.at("under_calls") == 1);
  CHECK(j.at("decision").at("accuracy") == 0.5);
  CHECK(j.at("confusion").at("license").at("filing") == 1);
  CHECK(j.at("categories").as_array()[2].at("tp") == 1);
  CHECK(j.at("categories").as_array()[0].at("precision").is_null());
  CHECK(j.at("mismatches").as_array().size() == 1);
}

TEST_CASE("labels_of reads a decision") {
  icp::Decision d;
  d.decision = Outcome::license;
  d.categories = {3, 1, 3};
  d.news_permit = true;
  d.preapprovals = {{"news", true, "", "", {}}, {"medical", false, "", "", {}}};
  d.foreign_investment = true;
  CHECK(icp::cli::labels_of(d) == labels(Outcome::license, {1, 3}, true, {"medical", "news"}, true));
}
