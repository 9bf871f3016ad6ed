// Excel out (issue 12): the batch writes .xlsx workbooks. The written files
// are read back with the command's own workbook reader (the same rows as the
// CSV output) and their XML inspected with libzip and pugixml (numbers,
// the frozen bold header, the autofilter, the About sheet).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "batch/row_format.hpp"
#include "batch/xlsx_output.hpp"
#include "batch/xlsx_reader.hpp"
#include "batch/xlsx_writer.hpp"
#include "batch_test_support.hpp"
#include "errors.hpp"

using namespace batch_test;

#if defined(__SANITIZE_ADDRESS__)
#define ICP_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ICP_TEST_SANITIZED 1
#endif
#endif
#ifndef ICP_TEST_SANITIZED
#define ICP_TEST_SANITIZED 0
#endif

namespace {

const fs::path kXlsx = fs::path(ICP_SOURCE_DIR) / "tests" / "batch" / "xlsx";
using Rows = std::vector<std::vector<std::string>>;

// A part of a zip file, whole.
std::string zip_part(const std::string& path, const std::string& name) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(z != nullptr);
  zip_stat_t st;
  zip_stat_init(&st);
  std::string out;
  if (zip_stat(z, name.c_str(), 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    REQUIRE(f != nullptr);
    out.resize(st.size);
    CHECK(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

pugi::xml_document xml_of(const std::string& path, const std::string& part) {
  pugi::xml_document doc;
  const std::string text = zip_part(path, part);
  REQUIRE(doc.load_buffer(text.data(), text.size()));
  return doc;
}

// A sheet of a workbook as the batch reads it, each row padded to `width`.
Rows sheet_rows(const std::string& path, const std::string& sheet = "", std::size_t width = 0) {
  std::string csv;
  icp::cli::batch::xlsx_to_csv(path, sheet, [&](std::string_view piece) { csv.append(piece); });
  Rows rows = parse_csv(csv);
  for (auto& r : rows)
    if (r.size() < width) r.resize(width);
  return rows;
}

// icp_confidence is a number in the workbook: 0.70 reads back as 0.7.
void same_confidence(Rows& rows, std::size_t column) {
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto& c = rows[i][column];
    double v = 0;
    if (!c.empty() && std::from_chars(c.data(), c.data() + c.size(), v).ec == std::errc()) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%.2f", v);
      c = buffer;
    }
  }
}

// The <c> element of cell `ref` ("C2") in a sheet's XML.
pugi::xml_node cell(const pugi::xml_document& sheet, const std::string& ref) {
  for (auto row : sheet.child("worksheet").child("sheetData").children("row"))
    for (auto c : row.children("c"))
      if (ref == c.attribute("r").value()) return c;
  return {};
}

bool is_number_cell(const pugi::xml_document& sheet, const std::string& ref) {
  const auto c = cell(sheet, ref);
  return c && std::string_view(c.attribute("t").value()).empty() && c.child("v");
}

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

}  // namespace

TEST_CASE("xlsx out: xlsx → xlsx and xlsx → CSV hold the rows CSV → CSV gives on the same rows") {
  TempDir dir;
  const std::string book = (kXlsx / "openpyxl.xlsx").string();
  // The workbook's rows as CSV: the same rows, given as a CSV file.
  std::string csv_rows;
  icp::cli::batch::xlsx_to_csv(book, "", [&](std::string_view piece) { csv_rows.append(piece); });
  const std::string in_csv = dir.write("in.csv", csv_rows);
  const Result c = run_binary(dir, "batch " + quoted(in_csv) + " -q --lang en -o " + quoted(dir.file("c.csv")));
  const Result x = run_binary(dir, "batch " + quoted(book) + " -q --lang en -o " + quoted(dir.file("x.csv")));
  const Result xx = run_binary(dir, "batch " + quoted(book) + " -q --lang en -o " + quoted(dir.file("x.xlsx")));
  const Result cx = run_binary(dir, "batch " + quoted(in_csv) + " -q --lang en -o " + quoted(dir.file("c.xlsx")));
  CAPTURE(xx.err);
  CHECK(c.code == 1);  // one empty description
  CHECK(x.code == 1);
  CHECK(xx.code == 1);
  CHECK(cx.code == 1);
  const std::string expected_csv = slurp(dir.file("c.csv"));
  CHECK(slurp(dir.file("x.csv")) == expected_csv);
  Rows expected = parse_csv(expected_csv);
  REQUIRE(expected.size() == 5);
  const std::size_t width = expected[0].size();
  const std::size_t confidence = 6 + 5;
  REQUIRE(expected[0][confidence] == "icp_confidence");
  same_confidence(expected, confidence);
  for (const char* written : {"x.xlsx", "c.xlsx"}) {
    CAPTURE(written);
    Rows back = sheet_rows(dir.file(written), "", width);
    same_confidence(back, confidence);
    CHECK(back == expected);
  }
  // A rerun on its own output replaces the earlier icp_* columns.
  const Result again =
      run_binary(dir, "batch " + quoted(dir.file("x.xlsx")) + " -q --lang en -o " + quoted(dir.file("again.xlsx")));
  CHECK(again.code == 1);
  Rows rerun = sheet_rows(dir.file("again.xlsx"), "", width);
  same_confidence(rerun, confidence);
  CHECK(rerun == expected);
}

TEST_CASE("xlsx out: numbers stay numbers — a workbook's number cells, CSV fields that are safe as numbers") {
  TempDir dir;
  const Result xx =
      run_binary(dir, "batch " + quoted((kXlsx / "openpyxl.xlsx").string()) + " -q -o " + quoted(dir.file("x.xlsx")));
  CAPTURE(xx.err);
  const auto sheet = xml_of(dir.file("x.xlsx"), "xl/worksheets/sheet1.xml");
  CHECK(is_number_cell(sheet, "A2"));   // 客户编号 1
  CHECK(is_number_cell(sheet, "C2"));   // 注册资本 5000000
  CHECK(is_number_cell(sheet, "C3"));   // 1000000.5
  CHECK(!is_number_cell(sheet, "D2"));  // a date: the ISO text the CSV has
  CHECK(!is_number_cell(sheet, "B2"));  // the description
  CHECK(is_number_cell(sheet, "L2"));   // icp_confidence

  // CSV input: only fields that come back as the same text and cannot be identifiers.
  const std::string csv = dir.write("in.csv",
                                    "简介,a,b,c,d,e,f,g,h,i\n"
                                    "论坛靠广告盈利,5000000,0.25,-2.5,0123,13800138000,91110000600037341L,"
                                    "110101199003077777,1.50,1e5\n");
  const Result cx = run_binary(dir, "batch " + quoted(csv) + " -q -o " + quoted(dir.file("c.xlsx")));
  CAPTURE(cx.err);
  CHECK(cx.code == 0);
  const auto typed = xml_of(dir.file("c.xlsx"), "xl/worksheets/sheet1.xml");
  CHECK(is_number_cell(typed, "B2"));
  CHECK(is_number_cell(typed, "C2"));
  CHECK(is_number_cell(typed, "D2"));
  for (const char* text : {"A2", "E2", "F2", "G2", "H2", "I2", "J2"}) {
    CAPTURE(text);
    CHECK(!is_number_cell(typed, text));
  }
  // Read back, every field is the CSV's text.
  const Rows back = sheet_rows(dir.file("c.xlsx"));
  REQUIRE(back.size() == 2);
  CHECK(std::vector<std::string>(back[1].begin(), back[1].begin() + 10) ==
        std::vector<std::string>{"论坛靠广告盈利", "5000000", "0.25", "-2.5", "0123", "13800138000",
                                 "91110000600037341L", "110101199003077777", "1.50", "1e5"});
  // And a workbook's text cell that holds digits stays text through xlsx → xlsx.
  const Result again = run_binary(dir, "batch " + quoted(dir.file("c.xlsx")) + " -q -o " + quoted(dir.file("d.xlsx")));
  const auto retyped = xml_of(dir.file("d.xlsx"), "xl/worksheets/sheet1.xml");
  CHECK(!is_number_cell(retyped, "E2"));
  CHECK(is_number_cell(retyped, "B2"));

  using icp::cli::batch::csv_number;
  CHECK(csv_number("0") == 0.0);
  CHECK(csv_number("0.000123") == 0.000123);
  CHECK(csv_number("123456789.123456") == 123456789.123456);
  CHECK(!csv_number("123456789.1234567"));  // 16 significant digits
  CHECK(!csv_number("-0"));
  CHECK(!csv_number("+5"));
  CHECK(!csv_number(" 5"));
  CHECK(!csv_number("5."));
  CHECK(!csv_number(""));
}

TEST_CASE("xlsx out: a frozen bold header with an autofilter, widths, fills, wrapping; the About sheet") {
  TempDir dir;
  const std::string out = dir.file("result.xlsx");
  const Result r = run_binary(dir, "batch " + quoted((kXlsx / "openpyxl.xlsx").string()) + " -q -o " + quoted(out));
  CAPTURE(r.err);
  CHECK(r.code == 1);
  const auto sheet = xml_of(out, "xl/worksheets/sheet1.xml");
  const auto ws = sheet.child("worksheet");
  const auto pane = ws.child("sheetViews").child("sheetView").child("pane");
  CHECK(std::string(pane.attribute("state").value()) == "frozen");
  CHECK(std::string(pane.attribute("ySplit").value()) == "1");
  CHECK(std::string(ws.child("autoFilter").attribute("ref").value()) == "A1:R5");
  // Widths: every column has one, none over the cap; the description is wider than the id.
  std::vector<double> widths;
  for (auto col : ws.child("cols").children("col")) widths.push_back(col.attribute("width").as_double());
  REQUIRE(widths.size() == 18);
  for (double w : widths) CHECK(w <= icp::cli::batch::kMaxColumnWidth + 1);
  CHECK(widths[1] > widths[0]);
  // The header's style is bold; icp_decision cells have fills; icp_reason wraps.
  const auto styles = xml_of(out, "xl/styles.xml");
  const auto root = styles.child("styleSheet");
  std::vector<pugi::xml_node> xfs, fonts, fills;
  for (auto xf : root.child("cellXfs").children("xf")) xfs.push_back(xf);
  for (auto f : root.child("fonts").children("font")) fonts.push_back(f);
  for (auto f : root.child("fills").children("fill")) fills.push_back(f);
  auto xf_of = [&](const std::string& ref) {
    const std::size_t s = cell(sheet, ref).attribute("s").as_uint(0);
    REQUIRE(s < xfs.size());
    return xfs[s];
  };
  for (const char* header : {"A1", "B1", "G1", "R1"}) {
    const std::size_t font = xf_of(header).attribute("fontId").as_uint();
    REQUIRE(font < fonts.size());
    CHECK(fonts[font].child("b"));
  }
  std::vector<std::string> decision_fills;
  for (const char* ref : {"G2", "G3", "G5"}) {  // license, filing, neither
    const std::size_t fill = xf_of(ref).attribute("fillId").as_uint();
    REQUIRE(fill < fills.size());
    decision_fills.push_back(fills[fill].child("patternFill").child("fgColor").attribute("rgb").value());
  }
  CHECK(!decision_fills[0].empty());
  CHECK(decision_fills[0] != decision_fills[1]);
  CHECK(decision_fills[1] != decision_fills[2]);
  CHECK(decision_fills[0] != decision_fills[2]);
  CHECK(std::string(xf_of("M2").child("alignment").attribute("wrapText").value()) == "1");  // icp_reason
  CHECK(std::string(xf_of("P2").child("alignment").attribute("wrapText").value()) == "1");  // icp_summary

  // The About sheet: Excel forbids "/" in sheet names, so "说明 (About)".
  const auto book = xml_of(out, "xl/workbook.xml");
  std::vector<std::string> names;
  for (auto s : book.child("workbook").child("sheets").children("sheet")) names.push_back(s.attribute("name").value());
  CHECK(names == std::vector<std::string>{"结果", "说明 (About)"});
  const Rows about = sheet_rows(out, "说明 (About)", 2);
  auto value_of = [&](const std::string& key) {
    for (const auto& row : about)
      if (row[0] == key) return row[1];
    return std::string("(missing)");
  };
  CHECK(value_of("行数") == "4");
  CHECK(value_of("需要许可证") == "1");
  CHECK(value_of("仅需备案") == "1");
  CHECK(value_of("均不需要") == "1");
  CHECK(value_of("有错误的行") == "1");
  CHECK(value_of("程序版本") != "(missing)");
  CHECK(value_of("词库哈希").size() >= 8);
  CHECK(value_of("icp_decision").find("需要许可证") != std::string::npos);
  CHECK(value_of("icp_error") != "(missing)");
  // In English with --lang en.
  const Result en = run_binary(
      dir, "batch " + quoted((kXlsx / "openpyxl.xlsx").string()) + " -q --lang en -o " + quoted(dir.file("en.xlsx")));
  const Rows about_en = sheet_rows(dir.file("en.xlsx"), "说明 (About)", 2);
  bool rows_line = false;
  for (const auto& row : about_en) rows_line |= row[0] == "rows" && row[1] == "4";
  CHECK(rows_line);
}

TEST_CASE("xlsx out: the output name's extension picks the format; --format and --input-format override") {
  TempDir dir;
  const std::string in = dir.write("in.csv", "简介\n论坛靠广告盈利\n");
  auto head = [&](const std::string& file) { return slurp(dir.file(file)).substr(0, 4); };
  CHECK(run_binary(dir, "batch " + quoted(in) + " -q -o " + quoted(dir.file("a.xlsx"))).code == 0);
  CHECK(head("a.xlsx") == "PK\x03\x04");
  CHECK(run_binary(dir, "batch " + quoted(in) + " -q -o " + quoted(dir.file("a.XLSX"))).code == 0);
  CHECK(head("a.XLSX") == "PK\x03\x04");
  CHECK(run_binary(dir, "batch " + quoted(in) + " -q -o " + quoted(dir.file("a.jsonl"))).code == 0);
  CHECK(head("a.jsonl") == "{\"ro");
  CHECK(run_binary(dir, "batch " + quoted(in) + " -q -o " + quoted(dir.file("a.csv"))).code == 0);
  CHECK(slurp(dir.file("a.csv")).starts_with("简介,icp_decision"));
  CHECK(run_binary(dir, "batch " + quoted(in) + " -q --format xlsx -o " + quoted(dir.file("b.out"))).code == 0);
  CHECK(head("b.out") == "PK\x03\x04");
  CHECK(run_binary(dir, "batch " + quoted(in) + " -q --format csv -o " + quoted(dir.file("b.xlsx"))).code == 0);
  CHECK(slurp(dir.file("b.xlsx")).starts_with("简介,icp_decision"));
  // A workbook cannot go to standard output or a device: exit 2, saying what to do.
  const Result to_stdout = run_binary(dir, "batch " + quoted(in) + " -q --format xlsx");
  CHECK(to_stdout.code == 2);
  CHECK(to_stdout.err.find("give -o NAME.xlsx") != std::string::npos);
  CHECK(to_stdout.out.empty());
  const Result to_null = run_binary(dir, "batch " + quoted(in) + " -q -o /dev/null --format xlsx");
  CHECK(to_null.code == 2);
  CHECK(to_null.err.find("not a regular file") != std::string::npos);
  // --input-format: a workbook by any name; a CSV named .xlsx; a bad value.
  fs::copy_file(dir.file("a.xlsx"), dir.file("book.bin"));
  const Result as_book = run_binary(dir, "batch " + quoted(dir.file("book.bin")) + " -q --input-format xlsx");
  CHECK(as_book.code == 0);
  CHECK(as_book.out.find("icp_decision") != std::string::npos);
  const std::string csv_named_xlsx = dir.write("text.xlsx", "简介\n论坛靠广告盈利\n");
  CHECK(run_binary(dir, "batch " + quoted(csv_named_xlsx) + " -q --input-format csv").code == 0);
  const Result bad = run_binary(dir, "batch " + quoted(in) + " -q --input-format xls");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--input-format (expected csv or xlsx)") != std::string::npos);
  const Result bad_format = run_binary(dir, "batch " + quoted(in) + " -q --format xls -o x.out");
  CHECK(bad_format.code == 2);
  CHECK(bad_format.err.find("expected csv, jsonl or xlsx") != std::string::npos);
}

TEST_CASE("xlsx out: temporary then rename — a failing run leaves the target as it was; the rows go to .partial") {
  TempDir dir;
  const std::string target = dir.write("result.xlsx", "the old result");
  // An unterminated quote on line 3: the rows before it, then exit 2.
  const std::string in = dir.write("in.csv", "简介\n论坛靠广告盈利\n\"没有结束的引号\n");
  const Result r = run_binary(dir, "batch " + quoted(in) + " -q -o " + quoted(target));
  CAPTURE(r.err);
  CHECK(r.code == 2);
  CHECK(slurp(target) == "the old result");
  CHECK(r.err.find("result.xlsx.partial") != std::string::npos);
  const Rows partial = sheet_rows(dir.file("result.xlsx.partial"));
  REQUIRE(partial.size() == 2);
  CHECK(partial[1][0] == "论坛靠广告盈利");
  // The output may not be the input, and a workbook that cannot be read writes nothing.
  const std::string book = dir.write("book.xlsx", slurp((kXlsx / "openpyxl.xlsx").string()));
  CHECK(run_binary(dir, "batch " + quoted(book) + " -q -o " + quoted(book)).code == 2);
  const Result damaged =
      run_binary(dir, "batch " + quoted((kXlsx / "bomb.xlsx").string()) + " -q -o " + quoted(target));
  CHECK(damaged.code == 2);
  CHECK(slurp(target) == "the old result");
  // Nor in the temporary folder (the workbook's rows as CSV), when the workbook cannot be read.
  fs::create_directory(dir.file("tmp"));
  ::setenv("TMPDIR", dir.file("tmp").c_str(), 1);
  CHECK(run_binary(dir, "batch " + quoted((kXlsx / "bomb.xlsx").string()) + " -q -o " + quoted(target)).code == 2);
  CHECK(run_binary(dir, "batch " + quoted(book) + " -q -o " + quoted(dir.file("ok.xlsx"))).code == 1);
  ::unsetenv("TMPDIR");
  CHECK(fs::is_empty(dir.file("tmp")));
  fs::remove(dir.file("ok.xlsx"));
  // Nothing else is left behind: no temporary beside the target.
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find(".icp-tmp-") == std::string::npos);
  // A successful run replaces it, keeping its mode.
  fs::permissions(target, fs::perms(0640));
  CHECK(run_binary(dir, "batch " + quoted(book) + " -q -o " + quoted(target)).code == 1);
  CHECK(slurp(target).substr(0, 4) == "PK\x03\x04");
  CHECK((fs::status(target).permissions() & fs::perms::all) == fs::perms(0640));
}

TEST_CASE("xlsx in: an old .xls workbook is refused with a message saying to save it as .xlsx") {
  TempDir dir;
  const std::string xls =
      dir.write("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
  const Result r = run_binary(dir, "batch " + quoted(xls) + " -q -o " + quoted(dir.file("out.xlsx")));
  CHECK(r.code == 2);
  CHECK(r.err.find("old.xls") != std::string::npos);
  CHECK(r.err.find(".xls workbook") != std::string::npos);
  CHECK(r.err.find("save it") != std::string::npos);
  CHECK(r.err.find(".xlsx") != std::string::npos);
  CHECK(!fs::exists(dir.file("out.xlsx")));
}

TEST_CASE("xlsx out: past Excel's 1,048,576 rows the run stops with a message saying to write CSV") {
  TempDir dir;
  using namespace icp::cli::batch;
  XlsxWriter writer(dir.file("full.xlsx"), "full.xlsx", icp::cli::Lang::en, XlsxLayout{0, true});
  for (std::uint32_t i = 0; i < kXlsxMaxRows; ++i) writer.start_row();  // rows with no cells cost nothing
  try {
    writer.start_row();
    FAIL("no error past the last row");
  } catch (const icp::cli::InputError& e) {
    CHECK(std::string(e.what()).find("at most 1048576 rows") != std::string::npos);
    CHECK(std::string(e.what()).find("write CSV instead") != std::string::npos);
  }
}

namespace {

// Runs the binary with `args` (no shell); returns its exit status and peak
// RSS in KiB. Not getrusage: a forked child's peak counts the test process's
// own pages until exec, so the binary's VmHWM is read from /proc while it runs.
long vm_hwm_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::atol(line.c_str() + 6);
  return 0;
}

std::pair<int, long> run_measured(const std::vector<std::string>& args, const std::string& err_file) {
  const std::string binary = fs::canonical(ICP_CLI_BINARY).string();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(err, 2);
    std::vector<std::string> copy = args;
    copy.insert(copy.begin(), binary);
    std::vector<char*> argv;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  long peak = 0;
  int status = 0;
  const std::string exe = "/proc/" + std::to_string(pid) + "/exe";
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    std::error_code ec;
    if (fs::read_symlink(exe, ec) == binary) peak = std::max(peak, vm_hwm_kib(pid));  // after exec only
    ::usleep(2000);
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, peak};
}

}  // namespace

TEST_CASE("xlsx out: 100,000 rows in order, memory bounded (constant-memory mode), as for CSV") {
  TempDir dir;
  const std::size_t rows = 100000;
  std::string csv = "id,简介,金额\n";
  const char* const texts[] = {"论坛靠广告盈利", "我们在淘宝开了店，没有自己的网站",
                               "壁纸APP，普通壁纸免费，4K动态壁纸需要开通VIP才能下载。", "",
                               "公益寻人网站，由志愿者团队运营，家属可以免费发布寻人启事"};
  for (std::size_t i = 0; i < rows; ++i)
    csv += std::to_string(i) + "," + texts[i % std::size(texts)] + "," + std::to_string(i) + ".5\n";
  const std::string in = dir.write("rows.csv", csv);
  const auto [csv_code, csv_kb] = run_measured({"batch", in, "-q", "-o", dir.file("out.csv")}, dir.file("err1"));
  const auto [code, kb] = run_measured({"batch", in, "-q", "-o", dir.file("out.xlsx")}, dir.file("err2"));
  CAPTURE(slurp(dir.file("err2")));
  CHECK(csv_code == 1);  // the empty descriptions
  CHECK(code == 1);
  MESSAGE("peak RSS: csv " << csv_kb << " KiB, xlsx " << kb << " KiB");
  CHECK(kb > 1024);      // measured at all
#if !ICP_TEST_SANITIZED  // AddressSanitizer's shadow memory and quarantine say nothing about ours
  // The cells of 100,000 rows held in memory would take well over 100 MB.
  CHECK(kb < 80 * 1024);
  CHECK(kb < csv_kb + 40 * 1024);
#endif
  const Rows back = sheet_rows(dir.file("out.xlsx"));
  REQUIRE(back.size() == rows + 1);
  bool in_order = true;
  for (std::size_t i = 0; i < rows; ++i) in_order = in_order && back[i + 1][0] == std::to_string(i);
  CHECK(in_order);
  CHECK(back[rows][2] == std::to_string(rows - 1) + ".5");
}

TEST_CASE("xlsx out: SIGINT leaves the target as it was, removes the temporary, exit 130") {
  TempDir dir;
  const std::string target = dir.write("out.xlsx", "old\n");
  const std::string script = "(printf 'id,简介\\n1,论坛靠广告盈利\\n'; sleep 3) | '" + std::string(ICP_CLI_BINARY) +
                             "' batch - -o '" + target + "' -q & p=$!; sleep 1; kill -INT $p; wait $p; echo $?";
  const std::string status_file = dir.file("status");
  dir.write("interrupt.sh", script + "\n");
  CHECK(std::system(("sh '" + dir.file("interrupt.sh") + "' > '" + status_file + "' 2>/dev/null").c_str()) == 0);
  CHECK(slurp(status_file) == "130\n");
  CHECK(slurp(target) == "old\n");
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find(".icp-tmp-") == std::string::npos);
}
