// Batch conveniences (issue 13): the encoding to rerun with when the one given
// does not decode the rows, and a rerun on its own output.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "batch/sniff.hpp"
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
  CHECK(slurp(out).find("需要许可证") != std::string::npos);
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

TEST_CASE("binary: a rerun on its own output replaces the icp_* columns (issue 13)") {
  TempDir dir;
  const std::string in = dir.write("in.csv", "id,description,city\n1,论坛靠广告盈利,北京\n2,公司官网展示产品,上海\n");
  const std::string first = dir.file("first.csv"), second = dir.file("second.csv");
  REQUIRE(run_binary(dir, "batch " + quote(in) + " -q -o " + quote(first)).code == 0);
  REQUIRE(run_binary(dir, "batch " + quote(first) + " -q -o " + quote(second)).code == 0);
  const std::string a = slurp(first), b = slurp(second);
  CHECK(a == b);  // the same columns once, the same answers
  const std::string header = b.substr(0, b.find('\n'));
  CHECK(header.find("icp_decision") == header.rfind("icp_decision"));
  CHECK(header.rfind("id,description,city,icp_decision", 0) == 0);
  // Only this command's own names are replaced: icp_note is the user's column.
  const std::string noted = dir.write("noted.csv", "id,description,icp_note\n1,论坛靠广告盈利,keep me\n");
  REQUIRE(run_binary(dir, "batch " + quote(noted) + " -q -o " + quote(second)).code == 0);
  CHECK(slurp(second).find("keep me") != std::string::npos);
  CHECK(slurp(second).rfind("id,description,icp_note,icp_decision", 0) == 0);
}

TEST_CASE("sniff: what is not CSV text is told by its first bytes") {
  using icp::cli::batch::not_csv;
  CHECK(not_csv("id,description\n1,论坛\n") == std::nullopt);
  CHECK(not_csv("") == std::nullopt);
  CHECK(not_csv("\xEF\xBB\xBFid,text\n") == std::nullopt);  // a UTF-8 BOM is fine
  CHECK(not_csv(std::string("PK\x03\x04", 4) + "rest")->find(".xlsx workbook") != std::string::npos);
  CHECK(not_csv(std::string("PK\x05\x06", 4))->find("zip file") != std::string::npos);
  CHECK(not_csv("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....")->find(".xls workbook") != std::string::npos);
  CHECK(not_csv("\xFF\xFEi")->find("UTF-16") != std::string::npos);
  CHECK(not_csv(std::string("i\0d\0,\0x\0\n\0", 10))->find("UTF-16") != std::string::npos);  // no BOM, LE
  CHECK(not_csv(std::string("\0i\0d\0,\0x", 9))->find("UTF-16") != std::string::npos);       // no BOM, BE
  CHECK(not_csv("%PDF-1.7\n")->find("PDF") != std::string::npos);
  CHECK(not_csv(std::string("a,b\n1,\0\n", 8))->find("NUL byte at byte 6") != std::string::npos);
}

TEST_CASE("binary: a damaged .xlsx is refused, and no output is written; a workbook piped in is told what to do") {
  TempDir dir;
  const std::string in = dir.write("clients.xlsx", std::string("PK\x03\x04", 4) + std::string(100, 'x'));
  const std::string out = dir.file("out.csv");
  auto r = run_binary(dir, "batch " + quote(in) + " -o " + quote(out));
  CHECK(r.code == 2);
  CHECK(r.err.find("clients.xlsx: not a readable .xlsx workbook") != std::string::npos);
  CHECK(!std::filesystem::exists(out));
  auto piped = run_binary(dir, "batch - -q", in);
  CHECK(piped.code == 2);
  CHECK(piped.err.find("standard input: this is a zip file") != std::string::npos);
  CHECK(piped.err.find("icp-classify batch FILE.xlsx reads it") != std::string::npos);
  CHECK(piped.out.empty());
}
