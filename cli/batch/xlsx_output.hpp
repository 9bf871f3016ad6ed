// The batch's CSV records turned into the rows of an .xlsx workbook.
//
// The pipeline formats every row as CSV (row_format), whatever the output;
// for a workbook those records are split here again and handed to the
// XlsxWriter cell by cell, so that the workbook holds exactly the fields the
// CSV would (the same columns, order, errors and replaced icp_* columns).
// What is added here is the cell type: a field is written as a number when
// the input had it as one — a workbook's number cell, or, for CSV input, a
// field that reads back exactly as the same text and cannot be an
// identifier (see csv_number) — and as text otherwise.
#pragma once

#include <cstddef>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/xlsx_writer.hpp"

namespace icp::cli::batch {

// A CSV field that is safe to write as a number: -?(0|[1-9]\d*)(\.\d*[1-9])?
// with at most 15 significant digits (all a double keeps) and at most 10
// digits before the point, so that phone numbers (11 digits), ID card
// numbers, 统一社会信用代码 and anything with a leading zero stay text.
std::optional<double> csv_number(std::string_view field);

class XlsxOutput {
 public:
  // `width`: the input's fields per record; `replaced`: the input columns
  // left out (an earlier run's icp_*). `cell_types`: for workbook input, a
  // file with one line per record, 'n' at the index of each number cell
  // ("" for CSV input: csv_number decides).
  XlsxOutput(XlsxWriter& writer, std::size_t width, const std::vector<bool>& replaced, const std::string& cell_types);

  // Complete CSV records, as RowFormatter and csv_header write them.
  void write(std::string_view records);

 private:
  void write_record();
  std::optional<std::size_t> input_column(std::size_t output_column) const;

  XlsxWriter& writer_;
  std::vector<std::size_t> kept_;  // output column → input column, for the input's own columns
  std::size_t width_;
  std::size_t decision_;  // the icp_decision column
  std::ifstream types_;
  bool by_type_ = false;
  std::string type_line_;
  std::vector<std::string> fields_;
  std::size_t count_ = 0;  // fields_ in use
};

}  // namespace icp::cli::batch
