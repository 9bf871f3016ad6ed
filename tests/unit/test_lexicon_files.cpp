// The built-in lexicon loads, and the loader rejects malformed files with
// the file and line.
#include <doctest/doctest.h>

#include "icp/errors.hpp"
#include "lexicon.hpp"

using icp::lexicon::SourceFile;

namespace {
const SourceFile kSignals{"signals.tsv", "# icp-lexicon signals v1\nfree\tcommercial\tbrief\tart. 3\t免费\tfree\n"};

std::size_t error_line(const SourceFile& phrases) {
  try {
    icp::lexicon::parse(kSignals, {phrases});
  } catch (const icp::LexiconError& e) {
    return e.line();
  }
  return 9999;
}
}  // namespace

TEST_CASE("the built-in lexicon loads and has a stable hash") {
  auto a = icp::lexicon::load_builtin();
  auto b = icp::lexicon::load_builtin();
  CHECK(!a.phrases.empty());
  CHECK(a.hash.size() == 16);
  CHECK(a.hash == b.hash);
}

TEST_CASE("the built-in lexicon loaded from data/lexicon as a folder is the same") {
  auto builtin = icp::lexicon::load_builtin();
  auto folder = icp::lexicon::load_directory(ICP_SOURCE_DIR "/data/lexicon");
  CHECK(folder.hash == builtin.hash);
  CHECK(folder.phrases.size() == builtin.phrases.size());
}

TEST_CASE(
    "lexicon files are strict UTF-8: overlongs, surrogates and code points past U+10FFFF name the file and line") {
  const std::string header = "# icp-lexicon phrases v1\n免费\tfree\t1\n";
  for (const char* bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF",      // overlongs
                          "\xED\xA0\x80", "\xED\xBF\xBF",                                  // surrogates
                          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80",  // past U+10FFFF
                          "\xE5\x85", "\x80", "\xFF"}) {
    CAPTURE(std::string(bad));
    try {
      icp::lexicon::parse(kSignals, {{"p.tsv", header + "收费" + bad + "\tfree\t1\n"}});
      FAIL("accepted");
    } catch (const icp::LexiconError& e) {
      CHECK(e.file() == "p.tsv");
      CHECK(e.line() == 3);
      CHECK(std::string(e.what()).starts_with("p.tsv:3: not valid UTF-8 at byte 7"));
    }
  }
  // The largest code point and the last before the surrogates still load.
  CHECK(error_line({"p.tsv", header + "收费\xF4\x8F\xBF\xBF\tfree\t1\n"}) == 9999);
  CHECK(error_line({"p.tsv", header + "收费\xED\x9F\xBF\tfree\t1\n"}) == 9999);
}

TEST_CASE("malformed phrase files name the line") {
  const char* header = "# icp-lexicon phrases v1\n";
  CHECK(error_line({"p.tsv", std::string(header) + "免费\tfree\t1\n收费\tnope\t1\n"}) == 3);
  CHECK(error_line({"p.tsv", std::string(header) + "免费\tfree\t7\n"}) == 2);
  CHECK(error_line({"p.tsv", std::string(header) + "免费\tfree\n"}) == 2);
  CHECK(error_line({"p.tsv", std::string(header) + "收费\tfree\t1\n免费\tfree\t1\n"}) == 3);  // 免 < 收 in UTF-8
  CHECK(error_line({"p.tsv", std::string(header) + "免费\tfree\t1\n免费\tfree\t2\n"}) == 3);
  CHECK(error_line({"p.tsv", "免费\tfree\t1\n"}) == 1);
  CHECK(error_line({"p.tsv", std::string(header) + "\xff\xfe\tfree\t1\n"}) == 2);
  CHECK(error_line({"p.tsv", std::string(header) + "# comment\n\n免费\tfree\t1\tnote\n"}) == 9999);
}

TEST_CASE("user phrases need not be sorted but are validated") {
  auto lexicon = icp::lexicon::parse(kSignals, {{"p.tsv", "# icp-lexicon phrases v1\n免费\tfree\t1\n"}});
  auto before = lexicon.hash;
  icp::lexicon::add_user_phrases(lexicon, {"user.tsv", "# icp-lexicon phrases v1\n零收费\tfree\t2\n不要钱\tfree\t2\n"});
  CHECK(lexicon.phrases.size() == 3);
  CHECK(lexicon.hash != before);
  CHECK_THROWS_AS(icp::lexicon::add_user_phrases(lexicon, {"bad.tsv", "# icp-lexicon phrases v1\nx\tunknown\t1\n"}),
                  icp::LexiconError);
}
