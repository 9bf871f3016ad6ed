// The real binary, as a user or a script runs it: JSON output stays valid
// whatever the bytes of the input. No test depends on the classification.
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli_test_support.hpp"

using cli_test::check_report_json;
using cli_test::quote;
using cli_test::run_binary;
using cli_test::slurp;
using cli_test::TempDir;

TEST_CASE("binary: JSON for a plain description, on the command line and on standard input") {
  TempDir dir;
  auto arg = run_binary(dir, "--format json " + quote("我们的论坛靠广告盈利，用户可以发帖"));
  CHECK(arg.code == 0);
  CHECK(arg.err.empty());
  auto o = check_report_json(arg.out);
  CHECK(o.at("lang") == "zh");
  CHECK(o.at("version").as_string().size() > 0);

  const std::string input = dir.write("in.txt", "我们的论坛靠广告盈利，用户可以发帖");
  auto in = run_binary(dir, "--format json --lang en", input);
  CHECK(in.code == 0);
  CHECK(check_report_json(in.out).at("lang") == "en");
}

TEST_CASE("binary: invalid UTF-8, NUL bytes and HTML markup still give valid JSON") {
  TempDir dir;
  const std::string invalid = dir.write("invalid.txt", "论坛\xFF\xFE广告\xC0\x80收入\xED\xA0\x80 \xE4\xB8");
  const std::string nul = dir.write("nul.txt", std::string("论坛\0广告\0\0收入 VIP会员\0", 27));
  const std::string html = dir.write("html.txt",
                                     "<html><body><script>alert('x')</script><p>用户可以在<b>论坛</b>发帖&amp;评论，"
                                     "&#x6211;们靠广告盈利</p><!-- 不提供即时通讯 --></body></html>");
  for (const auto& file : {invalid, nul, html}) {
    CAPTURE(file);
    auto r = run_binary(dir, "--format json", file);
    CHECK(r.code == 0);
    check_report_json(r.out);
    auto text = run_binary(dir, "", file);  // the human report, too
    CHECK(text.code == 0);
    CHECK(text.out.find("\xFF") == std::string::npos);
  }
  auto arg = run_binary(dir, "--format json \"$(cat " + quote(invalid) + ")\"");
  CHECK(arg.code == 0);
  check_report_json(arg.out);
}

TEST_CASE("binary: a 1 MiB description on standard input is answered; a 10 MB one is refused at once") {
  TempDir dir;
  std::string big;
  const std::string piece = "我们运营一个论坛，用户可以发帖评论，平台靠广告位和会员收费盈利。<br/>Free app, VIP. ";
  while (big.size() + piece.size() <= (1u << 20)) big += piece;
  auto r = run_binary(dir, "--format json", dir.write("big.txt", big));
  CHECK(r.code == 0);
  check_report_json(r.out);
  while (big.size() < 10 * 1024 * 1024) big += piece;
  const auto t0 = std::chrono::steady_clock::now();
  auto huge = run_binary(dir, "--format json", dir.write("huge.txt", big));
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 5);
  CHECK(huge.code == 2);
  CHECK(huge.out.empty());
  CHECK(huge.err.find("over the limit of 1048576 bytes") != std::string::npos);
}

TEST_CASE("binary: exit statuses") {
  TempDir dir;
  const std::string blank = dir.write("blank.txt", " \n\t ");
  CHECK(run_binary(dir, "", blank).code == 2);
  CHECK(run_binary(dir, "").code == 2);  // empty standard input
  CHECK(run_binary(dir, "--nope x").code == 2);
  CHECK(run_binary(dir, "batch").code == 2);
  CHECK(run_binary(dir, "--help").code == 0);
  auto version = run_binary(dir, "--version");
  CHECK(version.code == 0);
  CHECK(version.out.find("icp-classify ") == 0);
  CHECK(version.out.find("\nlexicon ") != std::string::npos);
}

TEST_CASE("binary: eval on a small table, as text and as JSON") {
  TempDir dir;
  const std::string cases =
      dir.write("cases.tsv",
                "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote\n"
                "t1\t我们的论坛靠广告盈利\tlicense\t3\tyes\t\tno\tyes\tad-funded forum\n"
                "t2\t公司官网，只介绍自己的产品\tfiling\t\tno\t\tno\tyes\tbrochure site\n"
                "t3\t我们只在淘宝开店\tneither\t\tno\t\tno\tno\tshop on a platform\n");
  auto text = run_binary(dir, "eval " + quote(cases));
  CHECK(text.code == 0);
  std::vector<std::string> lines;
  std::istringstream in(text.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() >= 12);
  CHECK(lines[lines.size() - 12] == "== summary: " + cases + " ==");
  CHECK(lines[lines.size() - 11] == "cases                  3");

  auto json = run_binary(dir, "eval " + quote(cases) + " --format json");
  CHECK(json.code == 0);
  boost::json::error_code ec;
  auto v = boost::json::parse(json.out, ec);
  REQUIRE(!ec);
  const auto& o = v.as_object();
  CHECK(o.at("cases") == 3);
  CHECK(o.at("decision").at("total") == 3);
  CHECK(o.at("confusion").as_object().size() == 3);
  CHECK(o.at("categories").as_array().size() == 5);
  CHECK(o.at("under_calls").is_number());
  CHECK(o.at("lexicon_hash").is_string());

  const std::string bad = dir.write("bad.tsv", "id\ttext\n");
  auto r = run_binary(dir, "eval " + quote(bad));
  CHECK(r.code == 2);
  CHECK(r.err.find(bad + ":1:") != std::string::npos);
}

TEST_CASE("binary: '-' reads standard input, 'help' is help, a file name is not a description (issue 13)") {
  TempDir dir;
  const std::string input = dir.write("in.txt", "论坛靠广告盈利");
  auto dash = run_binary(dir, "--format json -", input);
  CHECK(dash.code == 0);
  CHECK(check_report_json(dash.out).at("decision") == "license");

  auto help = run_binary(dir, "help");
  CHECK(help.code == 0);
  CHECK(help.out.find("Usage:") != std::string::npos);

  // An existing file, and a name that only looks like one (a typo), are refused with the way to do it.
  const std::string csv = dir.write("clients.csv", "id,text\n1,论坛靠广告盈利\n");
  for (const std::string& name : {csv, std::string("missing-clients.csv"), std::string("list.xlsx")}) {
    CAPTURE(name);
    auto r = run_binary(dir, quote(name));
    CHECK(r.code == 2);
    CHECK(r.err.find("is a file name, not a description") != std::string::npos);
    CHECK(r.err.find("icp-classify batch") != std::string::npos);
    CHECK(r.out.empty());
  }
  // Descriptions that mention a site or a file are still descriptions.
  auto site = run_binary(dir, quote("example.com 是我们的官网，只介绍公司"));
  CHECK(site.code == 0);
  auto english = run_binary(dir, quote("We sell report.pdf downloads to members"));
  CHECK(english.code == 0);
}

TEST_CASE("binary: --lang takes a locale tag and --format any case (issue 13)") {
  TempDir dir;
  for (const std::string lang : {"zh-CN", "zh_Hans", "ZH"}) {
    CAPTURE(lang);
    auto r = run_binary(dir, "--format json --lang " + lang + " " + quote("论坛靠广告盈利"));
    CHECK(r.code == 0);
    CHECK(check_report_json(r.out).at("lang") == "zh");
  }
  auto en = run_binary(dir, "--format JSON --lang en-US " + quote("论坛靠广告盈利"));
  CHECK(en.code == 0);
  CHECK(check_report_json(en.out).at("lang") == "en");
  auto fr = run_binary(dir, "--lang fr " + quote("论坛靠广告盈利"));
  CHECK(fr.code == 2);
  CHECK(fr.err.find("for --lang (expected zh or en)") != std::string::npos);
}

TEST_CASE("binary: a mistyped option gets the nearest one suggested (issue 13)") {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> typos = {
      {"--lnag en", "did you mean --lang?"},
      {"--formt json", "did you mean --format?"},
      {"--verison", "did you mean --version?"},
      {"--user-lexicn x.tsv", "did you mean --user-lexicon?"}};
  for (const auto& typo : typos) {
    CAPTURE(typo.first);
    auto r = run_binary(dir, typo.first + " " + quote("论坛"));
    CHECK(r.code == 2);
    CHECK(r.err.find(typo.second) != std::string::npos);
  }
  auto far = run_binary(dir, "--zzzzzz " + quote("论坛"));
  CHECK(far.code == 2);
  CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("binary: with no text at a terminal it says what it waits for (issue 13)") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    MESSAGE("skipped: no `script` to give the binary a terminal");
    return;
  }
  TempDir dir;
  const std::string out = dir.file("tty");
  // script(1) gives the binary a terminal; its input at once ends (Ctrl-D), so the text is empty (exit 2).
  const std::string command =
      "script -qec " + quote(quote(ICP_CLI_BINARY)) + " /dev/null < /dev/null > " + quote(out) + " 2>&1";
  const int status = std::system(command.c_str());
  CHECK(WIFEXITED(status));
  CHECK(slurp(out).find("reading the description from the terminal") != std::string::npos);
  // Not at a terminal: no hint, standard input is read silently.
  const std::string input = dir.write("in.txt", "论坛靠广告盈利");
  auto piped = run_binary(dir, "", input);
  CHECK(piped.code == 0);
  CHECK(piped.err.empty());
}

TEST_CASE("binary: --text takes the description as it is, even a file's name or a command (issue 13)") {
  TempDir dir;
  const std::string file = dir.write("clients.csv", "id,description\n1,论坛靠广告盈利\n");
  auto named = run_binary(dir, quote(file));
  CHECK(named.code == 2);
  CHECK(named.err.find("icp-classify --text") != std::string::npos);  // the hint names the way out
  for (const std::string& word : {file, std::string("batch"), std::string("help"), std::string("-")}) {
    CAPTURE(word);
    auto r = run_binary(dir, "--format json --text " + quote(word));
    CHECK(r.code == 0);
    CHECK(check_report_json(r.out).at("decision") == "neither");
  }
  auto text = run_binary(dir, "--format json --text " + quote("论坛靠广告盈利"));
  CHECK(text.code == 0);
  CHECK(check_report_json(text.out).at("decision") == "license");
  auto twice = run_binary(dir, "--text " + quote("论坛") + " " + quote("网站"));
  CHECK(twice.code == 2);
  CHECK(twice.err.find("give the description once") != std::string::npos);
  auto batch_option = run_binary(dir, "--text " + quote("论坛") + " --column x");
  CHECK(batch_option.code == 2);
  CHECK(batch_option.err.find("--column is for the batch command") != std::string::npos);
}
