// libFuzzer target: the batch command's CSV reader on arbitrary bytes.
//
// The reader must not crash; it either reads records or stops with CsvError.
// Every record it reads (with the delimiter the first byte picks), written
// back with the CSV writer and read again as CSV, gives the same fields (the
// writer quotes whatever needs it); line numbers never go backwards. A
// violation traps.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "batch/csv_reader.hpp"
#include "batch/csv_writer.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

using icp::cli::batch::CsvError;
using icp::cli::batch::CsvReader;
using icp::cli::batch::RecordBatch;

std::vector<std::vector<std::string>> read_all(std::string_view bytes, bool& failed, char delimiter = ',') {
  CsvReader reader(icp::cli::batch::read_from(bytes), 1 << 16, delimiter);
  RecordBatch batch;
  std::vector<std::vector<std::string>> records;
  std::uint64_t last_line = 0;
  failed = false;
  try {
    while (reader.next(batch)) {
      const auto& row = batch.rows.back();
      check(row.line >= last_line && row.field_count >= 1);
      last_line = row.line;
      std::vector<std::string> fields;
      for (auto f : batch.fields(row)) fields.emplace_back(f);
      records.push_back(std::move(fields));
    }
  } catch (const CsvError& e) {
    check(e.line() >= last_line);
    failed = true;
  }
  check(batch.rows.size() == records.size());
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the delimiter (-d): comma, tab, semicolon or bar.
  char delimiter = ',';
  if (!bytes.empty()) {
    delimiter = ",\t;|"[static_cast<unsigned char>(bytes[0]) % 4];
    bytes.remove_prefix(1);
  }
  bool failed = false;
  const auto records = read_all(bytes, failed, delimiter);
  std::string written;
  for (const auto& r : records) icp::cli::batch::append_csv_record(written, r);
  bool failed_again = false;
  const auto again = read_all(written, failed_again);
  check(!failed_again);
  check(again == records);
  return 0;
}
