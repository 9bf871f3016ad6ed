// The CSV reader on its own: RFC 4180 details and line numbers.
#include <algorithm>

#include "batch/byte_scan.hpp"
#include "batch/csv_writer.hpp"
#include "batch_test_support.hpp"

using namespace batch_test;
using icp::cli::batch::CsvError;
using icp::cli::batch::CsvReader;
using icp::cli::batch::read_from;
using icp::cli::batch::RecordBatch;

using Records = std::vector<std::vector<std::string>>;

TEST_CASE("csv reader: quotes, doubled quotes, line breaks, CRLF, lone CR, empty fields") {
  CHECK(parse_csv("a,b\n") == Records{{"a", "b"}});
  CHECK(parse_csv("a,b") == Records{{"a", "b"}});
  CHECK(parse_csv("\"a,1\",\"b\"\"c\"\r\n,\r\n") == Records{{"a,1", "b\"c"}, {"", ""}});
  CHECK(parse_csv("\"x\ny\",z\rq\n") == Records{{"x\ny", "z"}, {"q"}});
  // "\n\r" is one line end, as "\r\n" is: no phantom empty records.
  CHECK(parse_csv("a,b\n\rc,d\n\r") == Records{{"a", "b"}, {"c", "d"}});
  // A blank line is still a record of its own.
  CHECK(parse_csv("a\n\nb\n") == Records{{"a"}, {""}, {"b"}});
  CHECK(parse_csv("a\"b,\"c\"d\n") == Records{{"a\"b", "cd"}});  // lenient
  CHECK(parse_csv("") == Records{});
  CHECK(parse_csv("\n") == Records{{""}});
}

TEST_CASE("csv reader: another delimiter (tab, semicolon, bar); commas are then text") {
  auto read = [](std::string_view text, char delimiter) {
    icp::cli::batch::CsvReader reader(icp::cli::batch::read_from(text), 1 << 20, delimiter);
    icp::cli::batch::RecordBatch batch;
    Records out;
    while (reader.next(batch)) {
      std::vector<std::string> fields;
      for (auto f : batch.fields(batch.rows.back())) fields.emplace_back(f);
      out.push_back(fields);
    }
    return out;
  };
  CHECK(read("a\tb,c\n\"x\ty\"\t\n", '\t') == Records{{"a", "b,c"}, {"x\ty", ""}});
  CHECK(read("a;b\n", ';') == Records{{"a", "b"}});
  // Long fields go through the sixteen-byte scan.
  const std::string long_field(100, 'x');
  CHECK(read(long_field + "|" + long_field + "|z\n", '|') == Records{{long_field, long_field, "z"}});
}

TEST_CASE("csv reader: line numbers, and an unterminated quote names its line") {
  CsvReader reader(read_from("a\n\"b\nc\",d\r\ne\n\"open\nnever"));
  RecordBatch batch;
  REQUIRE(reader.next(batch));
  REQUIRE(reader.next(batch));
  REQUIRE(reader.next(batch));
  CHECK(batch.rows[0].line == 1);
  CHECK(batch.rows[1].line == 2);
  CHECK(batch.rows[2].line == 4);
  try {
    reader.next(batch);
    FAIL("no error");
  } catch (const CsvError& e) {
    CHECK(e.line() == 5);
  }
  CHECK(batch.rows.size() == 3);
}

TEST_CASE("csv reader: a record over the limit stops the reader; small buffers") {
  const std::string input = "short\n" + std::string(100, 'x') + "\n";
  CsvReader reader(read_from(input), 50);
  RecordBatch batch;
  CHECK(reader.next(batch));
  CHECK_THROWS_AS(reader.next(batch), CsvError);
}

TEST_CASE("csv writer: quotes only when needed; round trip") {
  std::string out;
  icp::cli::batch::append_csv_record(out, std::vector<std::string>{"a", "b,c", "d\"e", "f\ng", ""});
  CHECK(out == "a,\"b,c\",\"d\"\"e\",\"f\ng\",\n");
  CHECK(parse_csv(out) == Records{{"a", "b,c", "d\"e", "f\ng", ""}});
}

TEST_CASE("find_any_of: every length and position, sixteen at a time and the tail") {
  for (std::size_t n = 0; n <= 70; ++n)
    for (std::size_t at = 0; at <= n; ++at) {
      std::string s(n, 'x');
      if (at < n) s[at] = '\r';
      if (at + 5 < n) s[at + 5] = ',';  // a later hit does not matter
      CHECK(icp::cli::batch::find_any_of<',', '"', '\n', '\r'>(s.data(), n) == at);
      CHECK(icp::cli::batch::find_any_of<'"'>(s.data(), n) == n);
    }
}

TEST_CASE("csv reader and writer: long fields with quotes, commas and line breaks anywhere") {
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "中文字段，";
  std::vector<std::string> fields;
  for (std::size_t at = 0; at < long_text.size(); at += 7) {
    std::string f = long_text;
    f.insert(at, at % 2 ? "\"" : "\n");
    if (at % 3 == 0) f.insert(f.size() / 2, ",\"\"\r\n");
    fields.push_back(f);
  }
  std::string out;
  icp::cli::batch::append_csv_record(out, fields);
  icp::cli::batch::append_csv_record(out, std::vector<std::string>{long_text, long_text + "\""});
  const Records back = parse_csv(out);
  REQUIRE(back.size() == 2);
  CHECK(back[0] == fields);
  CHECK(back[1] == std::vector<std::string>{long_text, long_text + "\""});
  // Line numbers count the LFs inside quoted fields.
  out += "last\n";
  CsvReader reader(read_from(out));
  RecordBatch batch;
  while (reader.next(batch)) {
  }
  std::size_t breaks = 0;
  for (const auto& f : fields) breaks += static_cast<std::size_t>(std::count(f.begin(), f.end(), '\n'));
  CHECK(batch.rows.back().line == breaks + 3);
}
