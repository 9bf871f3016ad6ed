// One input record → one output record: the input columns as they were, then
// the icp_* columns (CSV), or one JSON object (JSONL). Each worker thread
// has its own RowFormatter; the Classifier is shared.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "batch/csv_reader.hpp"
#include "batch/encoding.hpp"
#include "icp/classifier.hpp"
#include "icp/facts.hpp"
#include "report_json.hpp"
#include "text_util.hpp"

namespace icp::cli::batch {

enum class OutputFormat { csv, jsonl };

// Descriptions longer than this (bytes, after joining the columns) are not
// classified: the row comes out with icp_error. ICP descriptions are a few
// hundred characters; a megabyte is a pasted document.
inline constexpr std::size_t kMaxDescriptionBytes = icp::kMaxTextBytes;  // 1 MiB, as the library's default

// icp_error stays last: a ragged row's extra fields follow it.
inline constexpr std::array<const char*, 12> kIcpColumns = {
    "icp_decision", "icp_categories", "icp_news_permit", "icp_preapprovals", "icp_foreign_investment", "icp_confidence",
    "icp_reason",   "icp_ready",      "icp_unmet",       "icp_summary",      "icp_questions",          "icp_error"};

struct RowSettings {
  OutputFormat format = OutputFormat::csv;
  Encoding encoding = Encoding::utf8;  // detected already
  // Guessed as UTF-8 from the first 64 KiB: a later record that is not UTF-8
  // but is valid GB18030 is read as GB18030 (a file the guess misjudged).
  bool gb18030_fallback = false;
  Lang lang = Lang::zh;
  ReportMeta meta;
  std::vector<std::size_t> columns;       // 0-based indexes of the description columns
  std::vector<std::string> column_names;  // for messages ("简介" or "column 3")
  std::size_t width = 0;                  // fields per record: the header's (or the first record's)
  std::uint64_t header_records = 0;       // 1 with a header: JSONL row numbers count data rows
  icp::Facts facts;                       // for every row (--fact, --facts)
  std::vector<std::pair<std::size_t, std::string>> fact_columns;  // column index → fact name, per row
  // Input columns left out of CSV output: the icp_* columns of an earlier
  // run, which this run's answers replace (a rerun on its own output).
  std::vector<bool> replaced;
};

// Marks the header's columns named like this command's own (icp_decision …
// icp_error): they are an earlier run's answers.
std::vector<bool> earlier_answers(const std::vector<std::string>& input_header);

struct Stats {
  std::uint64_t rows = 0;
  std::array<std::uint64_t, 3> decisions{};  // by icp::Outcome
  std::uint64_t errors = 0;
  std::uint64_t empty = 0;                 // wholly empty records (a blank line, ",,"): passed through, not errors
  std::uint64_t undecodable = 0;           // rows whose description is not valid in the encoding read
  std::uint64_t other_encoding = 0;        // … of which the other encoding decodes the description
  Encoding undecoded_as = Encoding::utf8;  // the encoding those rows failed in
  void add(const Stats& o) {
    rows += o.rows;
    for (std::size_t i = 0; i < decisions.size(); ++i) decisions[i] += o.decisions[i];
    errors += o.errors;
    empty += o.empty;
    undecodable += o.undecodable;
    other_encoding += o.other_encoding;
    if (o.undecodable > 0) undecoded_as = o.undecoded_as;
  }
};

class RowFormatter {
 public:
  RowFormatter(const RowSettings& settings, const icp::Classifier& classifier);

  // Appends the output record for `row` to `out`.
  void format(const RecordBatch& batch, const RecordBatch::Row& row, std::string& out, Stats& stats);

 private:
  const RowSettings& settings_;
  const icp::Classifier& classifier_;
  bool record_needs_gb18030(const RecordBatch& batch, const RecordBatch::Row& row);

  Decoder decoder_;
  Decoder gb18030_;  // the fallback's decoder
  std::string description_, decoded_;
  icp::Facts facts_;                 // with fact columns: the row's facts
  std::vector<std::string> fields_;  // decoded (GB18030 input)
  std::vector<std::string_view> views_;
  std::vector<std::string> icp_;  // the icp_* values
};

// The output header (CSV): the input header's fields but the replaced
// ones, then the icp_* names.
std::string csv_header(const std::vector<std::string>& input_header, const std::vector<bool>& replaced);

}  // namespace icp::cli::batch
