// Golden files: golden/NAME.in.csv → golden/NAME.out.csv. The output is
// compared on its CSV structure, the input columns, icp_decision and
// icp_error; the other icp_* columns (categories, permits, confidence, reason)
// follow lexicon tuning, so the golden file shows them as "~" when set and
// empty when not. ICP_UPDATE_GOLDEN=1 rewrites the golden outputs.
#include <unicode/ucnv.h>
#include <algorithm>

#include <cstdlib>
#include <regex>

#include "batch_test_support.hpp"

using namespace batch_test;

namespace {

const fs::path kGolden = ICP_GOLDEN_DIR;

struct Case {
  const char* name;
  const char* args;  // after "batch INPUT"
  int width;         // input columns before the icp_* block (-1: no records)
  bool header;       // the first output record is the header
  int status;        // expected exit status
  const char* stderr_has = "";
};

// icp_categories .. icp_reason → "~" when set; icp_confidence checked for format.
std::string reduce(const std::string& output, const Case& c) {
  std::string out;
  auto records = parse_csv(output);
  static const std::regex confidence(R"([01]\.\d\d)");
  for (std::size_t r = 0; r < records.size(); ++r) {
    auto& f = records[r];
    if (!(c.header && r == 0)) {
      REQUIRE(f.size() >= static_cast<std::size_t>(c.width) + 12);
      const std::size_t k = static_cast<std::size_t>(c.width);
      if (!f[k + 5].empty()) CHECK(std::regex_match(f[k + 5], confidence));
      for (std::size_t i = k + 1; i <= k + 6; ++i)
        if (!f[i].empty()) f[i] = "~";
      for (std::size_t i = k + 9; i <= k + 10; ++i)  // icp_summary, icp_questions
        if (!f[i].empty()) f[i] = "~";
    }
    std::string line;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (i) line += ',';
      const bool quote = f[i].find_first_of(",\"\r\n") != std::string::npos;
      if (!quote) {
        line += f[i];
        continue;
      }
      line += '"';
      for (char ch : f[i]) line += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      line += '"';
    }
    out += line + "\n";
  }
  return out;
}

void check_golden(const Case& c, const std::string& input_path) {
  CAPTURE(c.name);
  TempDir dir;
  const Result r = run_binary(dir, std::string("batch '") + input_path + "' --jobs 2 -q " + c.args);
  CAPTURE(r.err);
  CHECK(r.code == c.status);
  if (*c.stderr_has) CHECK(r.err.find(c.stderr_has) != std::string::npos);
  const std::string reduced = reduce(r.out, c);
  const fs::path expected = kGolden / (std::string(c.name) + ".out.csv");
  if (std::getenv("ICP_UPDATE_GOLDEN")) {
    spit(expected, reduced);
    MESSAGE("updated " << expected.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(expected), "missing golden file; run with ICP_UPDATE_GOLDEN=1");
  CHECK(reduced == slurp(expected));
}

const Case kCases[] = {
    {"quoted", "", 3, true, 0},
    {"bom", "", 2, true, 0},
    {"crlf", "", 2, true, 0},
    {"empty", "", -1, false, 0},
    {"header_only", "", 3, true, 0},
    {"ragged", "", 3, true, 1},
    {"unterminated", "", 2, true, 2, "line 4: unterminated quoted field"},
    {"empty_description", "", 3, true, 1},
    {"invalid_bytes", "", 3, true, 1},
    {"join_columns", "--column 简介 --column 经营范围", 3, true, 0},
    {"no_header", "--no-header --column 1", 2, false, 0},
    // Fact columns per row over --fact for all rows; a bad value keeps the row, with icp_error.
    {"facts", "--column 简介 --fact insured_staff=3 --fact scope_has_telecom=是", 4, true, 1},
};

// The GB18030 bytes of a UTF-8 text, made with ICU.
std::string to_gb18030(const std::string& utf8) {
  UErrorCode ec = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("gb18030", "utf-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &ec);
  REQUIRE(U_SUCCESS(ec));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST_CASE("golden: CSV in, CSV out") {
  for (const auto& c : kCases) check_golden(c, (kGolden / (std::string(c.name) + ".in.csv")).string());
}

TEST_CASE("golden: GB18030 input (made with ICU from gb18030.source.csv), auto-detected and forced") {
  const std::string source = slurp(kGolden / "gb18030.source.csv");
  const std::string gb = to_gb18030(source);
  REQUIRE(gb != source);
  TempDir dir;
  const std::string input = dir.file("gb.csv");
  spit(input, gb);
  check_golden({"gb18030", "", 3, true, 0}, input);
  check_golden({"gb18030", "--encoding gb18030", 3, true, 0}, input);
  // The same rows as UTF-8: identical output.
  const std::string utf8_input = (kGolden / "gb18030.source.csv").string();
  CHECK(run_binary(dir, "batch '" + input + "' -q").out == run_binary(dir, "batch '" + utf8_input + "' -q").out);
}

TEST_CASE("golden: a GB18030 record after a clean UTF-8 first 64 KiB is read as GB18030") {
  // The guess reads 64 KiB; a later record that is not UTF-8 but is GB18030
  // must not become an error row (issue 14 item 2).
  TempDir dir;
  const std::string input = dir.file("late-gb.csv");
  std::string text = "id,简介\n";
  for (int i = 0; text.size() < (80u << 10); ++i) text += std::to_string(i) + ",我们的官网介绍公司产品\n";
  const std::size_t clean_rows = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) - 1;
  text += "late," + to_gb18030("论坛靠广告盈利") + "\n";
  text += "after,论坛靠会员费盈利\n";  // UTF-8 again
  spit(input, text);
  const Result r = run_binary(dir, "batch '" + input + "' -q");
  CHECK(r.code == 0);
  auto records = parse_csv(r.out);
  REQUIRE(records.size() == clean_rows + 3);
  const auto& late = records[clean_rows + 1];
  CHECK(late[0] == "late");
  CHECK(late[1] == "论坛靠广告盈利");  // echoed as UTF-8
  CHECK(late[2] == "需要许可证");
  CHECK(late.back().empty());  // no icp_error
  CHECK(records.back()[2] == "需要许可证");
  // Forced UTF-8 keeps the record's bytes and reports it.
  const Result forced = run_binary(dir, "batch '" + input + "' --encoding utf-8 -q");
  CHECK(forced.code == 1);
}

TEST_CASE("golden: invalid GB18030 bytes in a description") {
  TempDir dir;
  const std::string input = dir.file("gb-bad.csv");
  spit(input, to_gb18030("id,简介\n1,论坛靠广告盈利\n") + "2,\x81 bad\n");
  const Result r = run_binary(dir, "batch '" + input + "' --encoding gb18030 -q");
  CHECK(r.code == 1);
  auto records = parse_csv(r.out);
  REQUIRE(records.size() == 3);
  CHECK(records[1][2] == "需要许可证");
  CHECK(records[2][13].find("undecodable description: invalid gb18030 bytes at byte 0") == 0);
  // The undecodable field is echoed byte for byte (issue 14 item 2), not with U+FFFD.
  CHECK(records[2][1] == "\x81 bad");
  CHECK(r.out.find("\xEF\xBF\xBD") == std::string::npos);
}
