// RFC 4180 CSV records from a stream of bytes, one record at a time.
//
// Fields are separated by commas (or another delimiter: tabs for TSV).
// Quoted fields may hold commas, doubled quotes ("") and line breaks; records
// end with CRLF, LF or a lone CR. Lenient where RFC 4180 is silent: a quote
// inside an unquoted field, or text after a closing quote, is kept as it is.
// Bytes are not decoded: every ASCII-compatible encoding whose multi-byte
// sequences never contain , " CR or LF (UTF-8, GB18030, GBK) parses alike.
// Standard library only (the fuzz target builds it on its own).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace icp::cli::batch {

// Records are appended to a batch: all field bytes in one string.
struct RecordBatch {
  struct Row {
    std::size_t first_field = 0;  // index into field_end
    std::size_t field_count = 0;
    std::uint64_t line = 0;    // 1-based line where the record starts
    std::uint64_t number = 0;  // 1-based record number in the input
  };
  std::string bytes;
  std::vector<std::size_t> field_end;  // field i is bytes[field_end[i-1] or 0, field_end[i])
  std::vector<Row> rows;

  void clear() {
    bytes.clear();
    field_end.clear();
    rows.clear();
  }
  std::string_view field(const Row& row, std::size_t i) const {
    const std::size_t k = row.first_field + i;
    const std::size_t begin = k == 0 ? 0 : field_end[k - 1];
    return std::string_view(bytes).substr(begin, field_end[k] - begin);
  }
  std::vector<std::string_view> fields(const Row& row) const {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < row.field_count; ++i) out.push_back(field(row, i));
    return out;
  }
};

// A malformed input: an unterminated quoted field, a record over the limit.
class CsvError : public std::runtime_error {
 public:
  CsvError(std::uint64_t line, const std::string& message)
      : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}
  std::uint64_t line() const { return line_; }

 private:
  std::uint64_t line_;
};

class CsvReader {
 public:
  // `read` fills the buffer it is given and returns the number of bytes put
  // there, 0 at the end of the input; it may throw.
  using ReadFn = std::function<std::size_t(char* buffer, std::size_t size)>;

  // Records longer than this many bytes stop the reader (CsvError): memory
  // stays bounded whatever the input.
  static constexpr std::size_t kDefaultMaxRecordBytes = 64u << 20;

  // `delimiter` separates fields: ',' (CSV), '\t' (TSV), ';' or '|'.
  explicit CsvReader(ReadFn read, std::size_t max_record_bytes = kDefaultMaxRecordBytes, char delimiter = ',');

  // Appends the next record to `batch`; false at the end of the input.
  // Throws CsvError on malformed input (the batch is left without it).
  bool next(RecordBatch& batch);

  std::uint64_t bytes_read() const { return consumed_; }  // input bytes consumed so far
  std::uint64_t line() const { return line_; }            // current line (1-based)

  // Skips a UTF-8 byte order mark at the very start; true if there was one.
  bool skip_utf8_bom();
  // The first bytes of the input (up to `size`) without consuming them.
  std::string_view peek(std::size_t size);

 private:
  bool fill();  // reads more; false at the end

  ReadFn read_;
  std::size_t max_record_bytes_;
  char delimiter_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  std::uint64_t consumed_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t records_ = 0;
  char pending_end_ = 0;  // a CR (or LF) ended the last record: skip an LF (or CR) right after it
};

// Reads a whole in-memory text (tests, fuzzing).
CsvReader::ReadFn read_from(std::string_view bytes);

}  // namespace icp::cli::batch
