// run() called directly: options, exit statuses, messages.
#include <doctest/doctest.h>

#include <sstream>

#include "cli_test_support.hpp"
#include "icp/classifier.hpp"

using cli_test::run_cli;
using cli_test::TempDir;

TEST_CASE("--help documents usage, every option and every exit status") {
  auto r = run_cli({"--help", "--lang", "en"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  for (const char* word :
       {"Usage", "eval CASES.tsv", "batch", "--lang", "--format", "--lexicon", "--user-lexicon", "--version", "--help"})
    CHECK_MESSAGE(r.out.find(word) != std::string::npos, word);
  for (const char* status :
       {"  0  answered", "  1  batch", "  2  usage error", "  3  internal error", "  4  I/O error", "--force"})
    CHECK_MESSAGE(r.out.find(status) != std::string::npos, status);
  CHECK(r.out.find("empty") != std::string::npos);
  CHECK(run_cli({"-h"}).code == 0);
}

TEST_CASE("--version prints the version and the lexicon's hash and size") {
  auto r = run_cli({"--version"});
  CHECK(r.code == 0);
  icp::Classifier classifier;
  CHECK(r.out == "icp-classify " + std::string(icp::version()) + "\nlexicon " + classifier.lexicon_hash() + " (" +
                     std::to_string(classifier.phrase_count()) + " phrases)\n");
}

TEST_CASE("a description on the command line or on standard input is answered") {
  auto arg = run_cli({"我们的论坛靠广告盈利"});
  CHECK(arg.code == 0);
  CHECK(arg.out.find("结论：") != std::string::npos);
  CHECK(arg.out.find("置信度：") != std::string::npos);
  CHECK(arg.err.empty());

  auto in = run_cli({}, "我们的论坛靠广告盈利\n");
  CHECK(in.code == 0);
  CHECK(in.out == arg.out);

  auto en = run_cli({"--lang", "en", "a forum funded by ads"});
  CHECK(en.code == 0);
  CHECK(en.out.find("Decision: ") != std::string::npos);
  CHECK(en.out.find("Confidence: ") != std::string::npos);

  auto json = run_cli({"--format", "json", "--lang=en", "a forum"});
  CHECK(json.code == 0);
  auto o = cli_test::check_report_json(json.out);
  CHECK(o.at("lang") == "en");

  CHECK(run_cli({"--", "-starts with a dash"}).code == 0);
}

TEST_CASE("empty or whitespace-only text is a usage error (2)") {
  for (const std::string text : {"", " ", " \t\r\n", "\xE3\x80\x80\xC2\xA0", "\xEF\xBB\xBF  "}) {
    CAPTURE(text);
    auto arg = run_cli({text});
    CHECK(arg.code == 2);
    CHECK(arg.out.empty());
    CHECK(arg.err.find("empty") != std::string::npos);
    CHECK(run_cli({}, text).code == 2);
  }
  CHECK(run_cli({"--format", "json"}, "").code == 2);
}

TEST_CASE("text empty once normalised (zero-width, controls, bidi marks only) is empty input (2)") {
  for (const std::string text : {"\u200B", "\u200B\u200C\u200D\uFEFF", "\u2060\u00AD \u200E\u200F\u202E",
                                 "\x01\x02\x7F", "\xC2\x85\xC2\x9F", "\u3164\uFE0F\u180E", "\U000E0041\u2028\u2029"}) {
    CAPTURE(text);
    auto arg = run_cli({text});
    CHECK(arg.code == 2);
    CHECK(arg.out.empty());
    CHECK(arg.err.find("no text to classify") != std::string::npos);
    CHECK(arg.err.find("zero-width") != std::string::npos);
    CHECK(run_cli({}, text).code == 2);
  }
  // A visible character among them is text; so is an invalid byte (it shows as U+FFFD).
  CHECK(run_cli({"\u200B论坛\u200B"}).code == 0);
  CHECK(run_cli({"\u200B\xFF"}).code == 0);
}

TEST_CASE("a description over 1 MiB is refused at once (2), on the command line or standard input") {
  const std::string at_limit(icp::kMaxTextBytes, 'a');
  auto over = run_cli({at_limit + "a"});
  CHECK(over.code == 2);
  CHECK(over.out.empty());
  CHECK(over.err.find("the description is 1048577 bytes, over the limit of 1048576 bytes") != std::string::npos);
  CHECK(over.err.size() < 400);
  auto piped = run_cli({"--format", "json"}, std::string(3 * icp::kMaxTextBytes, 'x'));
  CHECK(piped.code == 2);
  CHECK(piped.err.find("more than 1048576 bytes, over the limit") != std::string::npos);
  const std::string text = "论坛靠广告盈利";
  auto exact = run_cli({"--format", "json"}, std::string(icp::kMaxTextBytes - text.size(), ' ') + text);
  CHECK(exact.code == 0);
}

TEST_CASE("bad options are usage errors (2) with a hint") {
  const std::vector<std::vector<std::string>> bad = {
      {"--bogus", "text"},
      {"--lang", "fr", "text"},
      {"--format", "xml", "text"},
      {"--lang"},
      {"one", "two"},
      {"eval"},
      {"eval", "a.tsv", "b.tsv"},
  };
  for (const auto& args : bad) {
    CAPTURE(args.front());
    auto r = run_cli(args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("icp-classify: ") == 0);
    CHECK(r.err.find("see --help") != std::string::npos);
  }
  CHECK(run_cli({"--lang", "fr", "text"}).err.find("--lang") != std::string::npos);
}

TEST_CASE("batch: a missing input file is exit 2, naming it") {
  auto r = run_cli({"batch", "no-such-rows.csv"});
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot open no-such-rows.csv") != std::string::npos);
}

TEST_CASE("a bad lexicon folder is exit 2, naming the file") {
  TempDir dir;
  auto missing = run_cli({"--lexicon", dir.file("nowhere"), "text"});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("lexicon error: ") != std::string::npos);
  CHECK(missing.err.find(dir.file("nowhere")) != std::string::npos);

  std::filesystem::create_directories(dir.file("lex/phrases"));
  dir.write("lex/signals.tsv", "# not the header\n");
  dir.write("lex/phrases/a.tsv", "# icp-lexicon phrases v1\n");
  auto bad = run_cli({"--lexicon", dir.file("lex"), "text"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find(dir.file("lex/signals.tsv") + ":1:") != std::string::npos);
  CHECK(run_cli({"--lexicon", dir.file("lex"), "--version"}).code == 2);
}

TEST_CASE("the built-in lexicon given as a folder works like the built-in one") {
  auto folder = run_cli({"--lexicon", ICP_SOURCE_DIR "/data/lexicon", "--version"});
  CHECK(folder.code == 0);
  CHECK(folder.out == run_cli({"--version"}).out);
}

TEST_CASE("user lexicons: a bad line is exit 2 naming file:line; good ones change the hash") {
  TempDir dir;
  const std::string signal = cli_test::some_signal();
  REQUIRE(!signal.empty());
  const std::string bad =
      dir.write("user.tsv", "# icp-lexicon phrases v1\n甲乙丙\t" + signal + "\t2\n丁戊\tno_such_signal_x\t1\n");
  auto r = run_cli({"--user-lexicon", bad, "text"});
  CHECK(r.code == 2);
  CHECK(r.err.find("icp-classify: lexicon error: " + bad + ":3:") != std::string::npos);

  CHECK(run_cli({"--user-lexicon", dir.file("absent.tsv"), "text"}).err.find(dir.file("absent.tsv")) !=
        std::string::npos);

  const std::string good1 = dir.write("one.tsv", "# icp-lexicon phrases v1\n甲乙丙\t" + signal + "\t2\n");
  const std::string good2 = dir.write("two.tsv", "# icp-lexicon phrases v1\n丁戊己\t" + signal + "\t1\n");
  auto plain = run_cli({"--version"});
  auto more = run_cli({"--user-lexicon", good1, "--user-lexicon", good2, "--version"});
  CHECK(more.code == 0);
  CHECK(more.out != plain.out);
  icp::Classifier classifier;
  std::string count = "(";
  count += std::to_string(classifier.phrase_count() + 2);
  count += " phrases)";
  CHECK(more.out.find(count) != std::string::npos);
  CHECK(run_cli({"--user-lexicon", good1, "甲乙丙"}).code == 0);
}

TEST_CASE("an output that cannot be written is an I/O error (exit 4), not an internal error") {
  std::vector<std::string> args = {"icp-classify", "--help"};
  std::vector<char*> argv = {args[0].data(), args[1].data(), nullptr};
  std::istringstream in;
  std::ostringstream out, err;
  out.setstate(std::ios::badbit);  // the output cannot be written
  CHECK(icp::cli::run(2, argv.data(), in, out, err) == 4);
  CHECK(err.str() == "icp-classify: cannot write standard output\n");
  // The stream's own exception mask is given back.
  CHECK(out.exceptions() == std::ios::goodbit);
}

TEST_CASE("eval: a missing or malformed cases file is exit 2 naming file and line") {
  TempDir dir;
  auto missing = run_cli({"eval", dir.file("none.tsv")});
  CHECK(missing.code == 2);
  CHECK(missing.err.find(dir.file("none.tsv")) != std::string::npos);

  const std::string header = "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote\n";
  const std::string cases = dir.write(
      "bad.tsv", header + "a\t论坛\tlicense\t3\tyes\t\tno\tyes\tok\n" + "b\t网站\tmaybe\t\tno\t\tno\tyes\t\n");
  auto bad = run_cli({"eval", cases});
  CHECK(bad.code == 2);
  CHECK(bad.err.find(cases + ":3:") != std::string::npos);
}
