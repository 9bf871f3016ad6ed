// "Did you mean …?": the nearest option or column name (cli/did_you_mean.hpp)
// and what the batch command says of a mistyped --column (issue 13).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_test_support.hpp"
#include "did_you_mean.hpp"

using icp::cli::closest;
using icp::cli::edit_distance;
using namespace cli_test;

TEST_CASE("did you mean: edits are counted in code points") {
  CHECK(edit_distance("lang", "lnag") == 1);  // a swap
  CHECK(edit_distance("format", "formt") == 1);
  CHECK(edit_distance("描述", "描叙") == 1);  // one character, three bytes
  CHECK(edit_distance("业务描述", "描述") == 2);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("\xff", "a") == 1);  // an invalid byte is one unit
}

TEST_CASE("did you mean: the one near candidate, or none") {
  const std::vector<std::string> header = {"id", "description", "city", "公司简介", "经营范围"};
  CHECK(closest("descriptoin", header) == "description");
  CHECK(closest("Description", header) == "description");  // case only
  CHECK(closest("DESCRIPTION", header) == "description");
  CHECK(closest("公司简历", header) == "公司简介");
  CHECK(closest("公司介绍", header) == "");  // two edits in four characters
  CHECK(closest("经营范畴", header) == "经营范围");
  CHECK(closest("zip", header) == "");   // nothing near
  CHECK(closest("ic", header) == "id");  // one edit for a short word
  CHECK(closest("cx", header) == "");    // two edits are too many for a short word
  CHECK(closest("", header) == "");
  CHECK(closest(std::string(300, 'a'), header) == "");
  // Two candidates equally near: no guess.
  const std::vector<std::string> twins = {"name1", "name2"};
  CHECK(closest("name", twins) == "");
  // The same column twice is one candidate.
  const std::vector<std::string> twice = {"text", "text"};
  CHECK(closest("txet", twice) == "text");
}

TEST_CASE("binary: a mistyped --column names the nearest header column (issue 13)") {
  TempDir dir;
  const std::string in = dir.write("clients.csv", "id,description,city\n1,论坛靠广告盈利,北京\n");
  auto typo = run_binary(dir, "batch " + quote(in) + " -q --column descriptoin -o " + quote(dir.file("out.csv")));
  CHECK(typo.code == 2);
  CHECK(typo.err.find("did you mean 'description'?") != std::string::npos);
  CHECK(typo.err.find("the header has: id, description, city") != std::string::npos);
  auto far = run_binary(dir, "batch " + quote(in) + " -q --column zzzzzz -o " + quote(dir.file("out.csv")));
  CHECK(far.code == 2);
  CHECK(far.err.find("did you mean") == std::string::npos);
}
