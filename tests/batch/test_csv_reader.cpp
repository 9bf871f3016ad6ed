// The CSV reader on its own: RFC 4180 details and line numbers.
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
  CHECK(parse_csv("a\"b,\"c\"d\n") == Records{{"a\"b", "cd"}});  // lenient
  CHECK(parse_csv("") == Records{});
  CHECK(parse_csv("\n") == Records{{""}});
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
