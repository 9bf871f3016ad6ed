// The batch command as a process: nothing lost (one output record per input
// record, in order, whatever --jobs), outputs (regular file, /dev/null,
// interrupted), huge fields, JSONL.
#include <signal.h>

#include <boost/json.hpp>
#include <sstream>

#include "batch_test_support.hpp"

using namespace batch_test;

namespace {

const char* const kTexts[] = {
    "论坛靠广告盈利",
    "我们在淘宝开了店，没有自己的网站",
    "我们的网站完全免费、无广告、无收费，只是分享自己整理的摄影技巧。",
    "壁纸APP，普通壁纸免费，4K动态壁纸需要开通VIP才能下载。",
    "",
    "公益寻人网站，由志愿者团队运营，家属可以免费发布寻人启事，网站不接广告。",
};

// id,简介,备注 with quotes and line breaks here and there.
std::string generated_csv(std::size_t rows) {
  std::string csv = "id,简介,备注\n";
  for (std::size_t i = 0; i < rows; ++i) {
    csv += std::to_string(i) + ',';
    const std::string text = kTexts[i % std::size(kTexts)];
    csv += i % 7 == 0 ? "\"" + text + "\n第二行，\"\"引号\"\"\"" : text;
    csv += i % 5 == 0 ? ",\"a,b\"\n" : ",note\n";
  }
  return csv;
}

}  // namespace

TEST_CASE("100,000 rows: one output record per input record, in order; --jobs 1 and 2 byte-identical") {
  TempDir dir;
  const std::size_t rows = 100000;
  const std::string input = dir.file("rows.csv");
  spit(input, generated_csv(rows));
  const Result one = run_binary(dir, "batch '" + input + "' --jobs 1 -o '" + dir.file("one.csv") + "'");
  const Result two = run_binary(dir, "batch '" + input + "' --jobs 2 -o '" + dir.file("two.csv") + "'");
  CHECK(one.code == 1);  // the empty descriptions
  CHECK(two.code == 1);
  const std::string a = slurp(dir.file("one.csv")), b = slurp(dir.file("two.csv"));
  CHECK(a.size() > rows * 50);
  CHECK(a == b);
  const auto records = parse_csv(a);
  REQUIRE(records.size() == rows + 1);
  bool in_order = true;
  for (std::size_t i = 0; i < rows; ++i) in_order = in_order && records[i + 1][0] == std::to_string(i);
  CHECK(in_order);
  CHECK(one.err.find("100000 rows") != std::string::npos);
  CAPTURE(one.err);
  CHECK(one.err.find("14285 with errors") != std::string::npos);  // the empty descriptions
  // No temporary file left beside the outputs.
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find(".icp-tmp-") == std::string::npos);
}

TEST_CASE("-o: a regular file is replaced whole; /dev/null is written directly") {
  TempDir dir;
  const std::string input = dir.file("in.csv");
  spit(input, "id,简介\n1,论坛靠广告盈利\n");
  const std::string target = dir.file("out.csv");
  spit(target, "old contents\n");
  CHECK(run_binary(dir, "batch '" + input + "' -q -o '" + target + "'").code == 0);
  CHECK(slurp(target).rfind("id,简介,icp_decision", 0) == 0);
  CHECK(run_binary(dir, "batch '" + input + "' -q -o /dev/null").code == 0);
  CHECK(fs::exists("/dev/null"));
  CHECK(fs::is_character_file("/dev/null"));
  // Unterminated quote: the rows before it are written to out.csv.partial, out.csv is left as it was, exit 2.
  const std::string good = slurp(target);
  spit(input, "id,简介\n1,论坛靠广告盈利\n2,\"never closed\n");
  const Result r = run_binary(dir, "batch '" + input + "' -q -o '" + target + "'");
  CHECK(r.code == 2);
  CHECK(r.err.find("line 3: unterminated quoted field") != std::string::npos);
  CHECK(slurp(target) == good);
  CHECK(parse_csv(slurp(target + ".partial")).size() == 2);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
  CHECK(files == 5);  // in.csv, out.csv, out.csv.partial, stdout, stderr
}

TEST_CASE("SIGINT: the output file is not written, the temporary is removed, exit 130") {
  TempDir dir;
  const std::string target = dir.file("out.csv");
  spit(target, "old\n");
  const std::string script = "(printf 'id,简介\\n1,论坛靠广告盈利\\n'; sleep 5) | '" + std::string(ICP_CLI_BINARY) +
                             "' batch - -o '" + target + "' -q & p=$!; sleep 1; kill -INT $p; wait $p; echo $?";
  const std::string status_file = dir.file("status");
  spit(dir.file("interrupt.sh"), script + "\n");
  CHECK(std::system(("sh '" + dir.file("interrupt.sh") + "' > '" + status_file + "' 2>/dev/null").c_str()) == 0);
  CHECK(slurp(status_file) == "130\n");
  CHECK(slurp(target) == "old\n");
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find(".icp-tmp-") == std::string::npos);
}

TEST_CASE("a 5 MB description comes out with icp_error; the field itself unchanged") {
  TempDir dir;
  std::string big;
  while (big.size() < (5u << 20)) big += "论坛靠广告盈利，";
  const std::string input = dir.file("big.csv");
  spit(input, "id,简介\n1," + big + "\n2,论坛靠广告盈利\n");
  const Result r = run_binary(dir, "batch '" + input + "' -q");
  CHECK(r.code == 1);
  const auto records = parse_csv(r.out);
  REQUIRE(records.size() == 3);
  CHECK(records[1][1] == big);
  CHECK(records[1][2].empty());
  CHECK(records[1][13].find("description too long") == 0);
  CHECK(records[2][2] == "需要许可证");
}

TEST_CASE("--format jsonl: one object per row with its number and the full decision") {
  TempDir dir;
  const std::string input = dir.file("in.csv");
  spit(input, "id,简介\n1,论坛靠广告盈利\n2,\n3,公司简介 沪ICP备12345678号-1\n");
  const Result r = run_binary(dir, "batch '" + input + "' -q --format jsonl");
  CHECK(r.code == 1);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<boost::json::object> objects;
  while (std::getline(lines, line)) objects.push_back(boost::json::parse(line).as_object());
  REQUIRE(objects.size() == 3);
  CHECK(objects[0].at("row").as_int64() == 1);
  CHECK(objects[0].at("decision").as_object().at("decision").as_string() == "license");
  CHECK(objects[0].at("decision").as_object().contains("trace"));
  CHECK(objects[0].at("error").is_null());
  CHECK(objects[1].at("row").as_int64() == 2);
  CHECK(objects[1].at("decision").is_null());
  CHECK(objects[1].at("error").as_string() == "empty description");
  CHECK(objects[0].at("decision").as_object().at("held_permits").as_array().empty());
  const auto& held = objects[2].at("decision").as_object().at("held_permits").as_array();
  REQUIRE(held.size() == 1);
  CHECK(held[0].at("kind") == "icp_filing");
  CHECK(held[0].at("number") == "沪ICP备12345678号-1");
  CHECK(held[0].at("evidence").at("text") == "沪ICP备12345678号-1");
}

TEST_CASE("--excel starts with a UTF-8 BOM; usage errors are exit 2") {
  TempDir dir;
  const std::string input = dir.file("in.csv");
  spit(input, "id,简介\n1,论坛靠广告盈利\n");
  CHECK(run_binary(dir, "batch '" + input + "' -q --excel").out.rfind("\xEF\xBB\xBFid,简介,icp_decision", 0) == 0);
  // JSON lines never start with a BOM (issue 13).
  CHECK(run_binary(dir, "batch '" + input + "' -q --excel --format jsonl").out.rfind("{\"row\":1", 0) == 0);
  CHECK(run_binary(dir, "batch '" + input + "' --column nope").code == 2);
  CHECK(run_binary(dir, "batch '" + input + "' --column 0").code == 2);
  CHECK(run_binary(dir, "batch '" + input + "' --encoding latin1").code == 2);
  CHECK(run_binary(dir, "batch '" + input + "' --format xml").code == 2);
  CHECK(run_binary(dir, "batch").code == 2);
  // Standard input, and a column by index.
  const Result r = run_binary(dir, "batch - -q -c 2", input);
  CHECK(r.code == 0);
  CHECK(parse_csv(r.out).at(1).at(2) == "需要许可证");
}

TEST_CASE("wholly empty records (blank lines, only separators) pass through, counted apart, not as errors") {
  // What an Excel export ends with (issue 13): not "empty description" errors.
  TempDir dir;
  const std::string input = dir.file("in.csv");
  spit(input, "id,简介\n1,论坛靠广告盈利\n,\n\n2,\n,,\n");
  const Result r = run_binary(dir, "batch '" + input + "'");
  CHECK(r.code == 1);  // row 2 has an id but no description: that one is an error
  const auto records = parse_csv(r.out);
  REQUIRE(records.size() == 6);
  CHECK(records[2].back().empty());                 // ","
  CHECK(records[3].back().empty());                 // the blank line
  CHECK(records[4].back() == "empty description");  // "2," has an id
  CHECK(records[5].size() == 15);                   // ",,": passed through as it is, its extra field after icp_error
  CHECK(r.err.find("1 with errors, 3 empty") != std::string::npos);
  spit(input, "id,简介\n1,论坛靠广告盈利\n,\n\n");
  const Result clean = run_binary(dir, "batch '" + input + "' --format jsonl");
  CHECK(clean.code == 0);
  CHECK(clean.out.find("\"empty\":true") != std::string::npos);
}

TEST_CASE("a .tsv input is split on tabs; -d picks another delimiter; the output is CSV") {
  TempDir dir;
  const std::string tsv = dir.file("clients.tsv");
  spit(tsv, "id\t简介\n1\t论坛靠广告盈利，用户发帖\n");
  const Result r = run_binary(dir, "batch '" + tsv + "' -q");
  CHECK(r.code == 0);
  const auto records = parse_csv(r.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0][1] == "简介");
  CHECK(records[1][2] == "需要许可证");
  spit(dir.file("semi.csv"), "id;简介\n1;论坛靠广告盈利\n");
  CHECK(parse_csv(run_binary(dir, "batch - -q -d ';'", dir.file("semi.csv")).out).at(1).at(2) == "需要许可证");
  CHECK(run_binary(dir, "batch '" + tsv + "' -q -d xx").code == 2);
  CHECK(run_binary(dir, "batch '" + tsv + "' -q -d '|' --encoding gb18030").code == 2);
  CHECK(run_binary(dir, "-d tab 论坛").code == 2);
}

TEST_CASE("icp_summary is the --summary text and icp_questions its open questions, one per line") {
  TempDir dir;
  const std::string input = dir.file("in.csv");
  // Written for this test: a paid community, a brochure site, no site at all.
  spit(
      input,
      "id,简介\n1,钓鱼爱好者社区App，钓友发帖晒鱼获，平台收会员费\n2,本公司网站只展示企业简介\n3,我们是一家线下餐馆\n");
  const Result r = run_binary(dir, "batch '" + input + "' -q");
  CHECK(r.code == 0);
  const auto records = parse_csv(r.out);
  REQUIRE(records.size() == 4);
  CHECK(records[0][11] == "icp_summary");
  CHECK(records[0][12] == "icp_questions");
  CHECK(records[0][13] == "icp_error");
  for (std::size_t i = 1; i < records.size(); ++i) {
    CAPTURE(i);
    std::string alone = run_binary(dir, "--summary '" + records[i][1] + "'").out;
    REQUIRE(!alone.empty());
    alone.pop_back();  // the cell has no final line break
    CHECK(records[i][11] == alone);
  }
  CHECK(records[1][2] == "需要许可证");
  CHECK(records[1][12].find("？\n") != std::string::npos);  // several questions, one per line
  const Result en = run_binary(dir, "batch '" + input + "' -q --lang en");
  CHECK(parse_csv(en.out).at(1).at(11).rfind("Decision: needs an ICP operating licence", 0) == 0);
}
