// Reading an .xlsx workbook as the batch's rows (issue 12): one sheet, its
// cells as Excel shows them — shared and inline strings (rich-text runs
// joined), numbers without a trailing ".0", booleans, dates in the 1900 and
// 1904 systems as ISO dates — written out as CSV records, so that the batch
// reads a workbook exactly as it reads a CSV file. The sheet's XML is parsed
// row by row as it is inflated, so memory stays bounded on a million rows;
// an entry that would inflate past the limits (a zip bomb) is refused.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace icp::cli::batch {

struct XlsxLimits {
  std::uint64_t max_entry_bytes = 4ull << 30;  // uncompressed, any one part of the workbook
  std::uint64_t max_ratio = 1000;              // uncompressed / compressed, for parts over 1 MiB
};

// Converts sheet `sheet` ("" : the first; a name; or "3": the third) of the
// workbook at `path`, handing CSV text to `write` in pieces. Returns the
// number of rows written. Throws InputError naming the sheet and the cell
// (or the part of the file) for a workbook it cannot read.
// `write_types`, when given, gets one line per record: 'n' at the index of
// each cell that is a number in the sheet (not a date), '-' elsewhere, so
// that a workbook written from these rows keeps its numbers numbers.
//
// Merged header cells: a sheet lists its merged ranges (<mergeCells>) after
// its rows, and a merged cell's value sits only in the range's top-left
// cell, so a header "联系方式" merged over three columns reads as one named
// column and two unnamed ones. When `merged_header` is given and row 1 has
// such ranges, it gets row 1 as it should read — the other cells of a range
// named after it, "联系方式 (2)", "联系方式 (3)" (cells that have their own
// value keep it) — and the byte length of the row 1 record already written,
// which the caller replaces (the rows are streamed, so it cannot be known
// when row 1 is written).
struct MergedHeader {
  std::string record;        // the header record, CSV with its "\n"
  std::size_t replaces = 0;  // bytes of the record written first
};
std::uint64_t xlsx_to_csv(const std::string& path, const std::string& sheet,
                          const std::function<void(std::string_view)>& write, const XlsxLimits& limits = {},
                          const std::function<void(std::string_view)>& write_types = {},
                          std::optional<MergedHeader>* merged_header = nullptr);

// Excel's serial date as ISO 8601 ("2024-03-01", "2024-03-01 13:30:00").
std::string excel_date(double serial, bool date1904);

}  // namespace icp::cli::batch
