// Excel in (issue 12): .xlsx workbooks read as the batch's rows, from fixtures
// written by openpyxl and by hand (tests/batch/xlsx/make_fixtures.py).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "batch/xlsx_reader.hpp"
#include "batch_test_support.hpp"

using namespace batch_test;

namespace {

const fs::path kXlsx = fs::path(ICP_SOURCE_DIR) / "tests" / "batch" / "xlsx";

std::vector<std::vector<std::string>> rows_of(const std::string& file, const std::string& extra = "") {
  TempDir dir;
  const Result r = run_binary(dir, "batch '" + (kXlsx / file).string() + "' -q --lang en " + extra);
  CAPTURE(r.err);
  REQUIRE(r.code <= 1);
  return parse_csv(r.out);
}

// The first `n` fields of each record: the workbook's own cells.
std::vector<std::vector<std::string>> leading(const std::vector<std::vector<std::string>>& rows, std::size_t n) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows)
    out.emplace_back(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(std::min(n, r.size())));
  return out;
}

}  // namespace

TEST_CASE("xlsx: openpyxl's workbook — shared strings, numbers as Excel shows them, dates, booleans, an empty row") {
  const auto rows = rows_of("openpyxl.xlsx");
  REQUIRE(rows.size() == 5);
  CHECK(leading(rows, 6) == std::vector<std::vector<std::string>>{
                                {"客户编号", "简介", "注册资本", "成立日期", "已上市", "比例"},
                                {"1", "论坛靠广告盈利", "5000000", "2019-03-01", "FALSE", "0.25"},
                                {"2", "本公司官网只展示产品", "1000000.5", "2020-01-02 13:30:00", "TRUE", "1"},
                                {"3", "", "", "", "", ""},
                                {"4", "我们只在淘宝开店，没有自己的网站", "300", "1900-03-01", "", "-2.5"}});
  CHECK(rows[0][6] == "icp_decision");
  CHECK(rows[1][6] == "license");
  CHECK(rows[2][6] == "filing");
  CHECK(rows[3].back() == "empty description");
  CHECK(rows[4][6] == "neither");
}

TEST_CASE("xlsx: a sheet by name or number; a missing one names the sheets") {
  const auto named = rows_of("openpyxl.xlsx", "--sheet 第二页");
  REQUIRE(named.size() == 2);
  CHECK(named[1][0] == "一个摄影论坛网站，会员可以发帖讨论");
  CHECK(rows_of("openpyxl.xlsx", "--sheet 2") == named);
  TempDir dir;
  const Result missing = run_binary(dir, "batch '" + (kXlsx / "openpyxl.xlsx").string() + "' -q --sheet 9");
  CHECK(missing.code == 2);
  CHECK(missing.err.find("no sheet '9' (the sheets: 客户, 第二页)") != std::string::npos);
  CHECK(run_binary(dir, "batch - -q --sheet 1", (kXlsx / "../golden/quoted.in.csv").string()).code == 2);
}

TEST_CASE("xlsx: the 1904 date system; inline strings, rich-text runs and sparse rows written by hand") {
  CHECK(leading(rows_of("date1904.xlsx"), 2)[1] == std::vector<std::string>{"论坛靠广告盈利", "2024-12-06"});
  const auto rows = rows_of("handmade.xlsx");
  REQUIRE(rows.size() == 5);  // row 3 is skipped in the sheet and comes out empty; row 5 is empty
  CHECK(leading(rows, 2)[0] == std::vector<std::string>{"id", "简介"});
  CHECK(leading(rows, 2)[1] == std::vector<std::string>{"1", "论坛靠广告盈利"});  // two rich-text runs joined
  CHECK(rows[3][0] == "3");
  CHECK(rows[2].size() == rows[1].size());  // the skipped row, padded to the header's width
}

TEST_CASE("xlsx: a zip bomb, a truncated workbook and a file that is not a zip are refused, exit 2") {
  TempDir dir;
  const Result bomb = run_binary(dir, "batch '" + (kXlsx / "bomb.xlsx").string() + "' -q");
  CHECK(bomb.code == 2);
  CHECK(bomb.err.find("refused as a zip bomb") != std::string::npos);
  const std::string whole = slurp((kXlsx / "openpyxl.xlsx").string());
  const std::string truncated = dir.write("truncated.xlsx", whole.substr(0, whole.size() / 2));
  const Result cut = run_binary(dir, "batch '" + truncated + "' -q");
  CHECK(cut.code == 2);
  CHECK(cut.err.find("truncated.xlsx") != std::string::npos);
  const std::string text = dir.write("notes.xlsx", "id,text\n1,论坛\n");
  const Result not_zip = run_binary(dir, "batch '" + text + "' -q");
  CHECK(not_zip.code == 2);
  CHECK(not_zip.err.find("not a readable .xlsx workbook") != std::string::npos);
  // The output may not be the workbook itself.
  const std::string copy = dir.write("copy.xlsx", whole);
  CHECK(run_binary(dir, "batch '" + copy + "' -q -o '" + copy + "'").code == 2);
  CHECK(slurp(copy) == whole);
}

TEST_CASE("xlsx: Excel's serial dates") {
  using icp::cli::batch::excel_date;
  CHECK(excel_date(1, false) == "1900-01-01");
  CHECK(excel_date(59, false) == "1900-02-28");
  CHECK(excel_date(61, false) == "1900-03-01");
  CHECK(excel_date(45292, false) == "2024-01-01");
  CHECK(excel_date(45292.5, false) == "2024-01-01 12:00:00");
  CHECK(excel_date(0, true) == "1904-01-01");
}

TEST_CASE("xlsx: a header cell merged over several columns names each of them; merges in data rows are left") {
  const auto rows = rows_of("merged.xlsx");
  REQUIRE(rows.size() == 4);
  CHECK(leading(rows, 8)[0] == std::vector<std::string>{"客户编号", "简介", "联系方式", "联系方式 (2)", "联系方式 (3)",
                                                        "备注", "地区", "地区 (2)"});
  CHECK(rows[0][8] == "icp_decision");
  CHECK(leading(rows, 8)[1] ==
        std::vector<std::string>{"1", "论坛靠广告盈利", "张三", "13800138000", "a@example.com", "", "北京", ""});
  CHECK(rows[1][8] == "license");
  CHECK(rows[3][6].empty());  // G3:G4: a data row's merged cell stays empty, as Excel stores it
  // --column finds a merged column by its name.
  CHECK(rows_of("merged.xlsx", "--column '联系方式 (2)'").size() == 4);
}
