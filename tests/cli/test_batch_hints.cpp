// What the batch command suggests when the encoding given does not decode
// the rows and the other one does (issue 13).
#include <doctest/doctest.h>

#include <string>

#include "cli_test_support.hpp"

using namespace cli_test;

namespace {
// 论坛靠广告盈利 in GBK (the bytes Excel on Chinese Windows writes).
const std::string kGbk = "\xc2\xdb\xcc\xb3\xbf\xbf\xb9\xe3\xb8\xe6\xd3\xaf\xc0\xfb";
}  // namespace

TEST_CASE("binary: a GBK file read with --encoding utf-8 is told to use gb18030") {
  TempDir dir;
  const std::string in = dir.write("gbk.csv", "id,description\n1," + kGbk + "\n2," + kGbk + "\n");
  const std::string out = dir.file("out.csv");
  auto r = run_binary(dir, "batch " + quote(in) + " --encoding utf-8 -o " + quote(out));
  CHECK(r.code == 1);  // rows with errors
  CHECK(r.err.find("2 rows did not decode as utf-8; 2 read as gb18030: try --encoding gb18030") != std::string::npos);
  const std::string written = slurp(out);
  CHECK(written.find("(it reads as gb18030: try --encoding gb18030)") != std::string::npos);
  // With the option it suggests, every row is answered.
  auto fixed = run_binary(dir, "batch " + quote(in) + " --encoding gb18030 -q -o " + quote(out));
  CHECK(fixed.code == 0);
  CHECK(slurp(out).find("license") != std::string::npos);
}

TEST_CASE("binary: bytes that neither encoding reads get no suggestion") {
  TempDir dir;
  // 0xFF is invalid in UTF-8 and in GB18030.
  const std::string in = dir.write("bad.csv", "id,description\n1,\xff\xff\xff\n");
  auto r = run_binary(dir, "batch " + quote(in) + " --encoding utf-8 -o " + quote(dir.file("out.csv")));
  CHECK(r.code == 1);
  CHECK(r.err.find("try --encoding") == std::string::npos);
  CHECK(slurp(dir.file("out.csv")).find("undecodable description") != std::string::npos);
}
