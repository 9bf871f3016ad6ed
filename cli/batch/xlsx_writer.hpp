// Writing the batch's result as an .xlsx workbook (issue 12, "Excel out"),
// with libxlsxwriter in constant-memory mode: each row goes to disk as it is
// written, so rows must come in order (the batch writes them in input order)
// and memory does not grow with the rows. This file knows cells and sheets;
// what a cell holds (text or number) is decided by xlsx_output.
//
// The results sheet: a bold header row, frozen, with an autofilter over all
// rows; column widths estimated from the first rows (CJK characters count
// double, capped); icp_decision filled by outcome; icp_reason, icp_summary
// and icp_questions wrapped. A second sheet, "说明 (About)", says what made
// the file and what each icp_* column means, with the run's counts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text_util.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace icp::cli::batch {

// Excel allows neither "/" nor "\ ? * [ ] :" in a sheet name: "说明 / About"
// is refused, so the closest legal form.
inline constexpr const char* kAboutSheetName = "说明 (About)";
// Excel's limits: rows per sheet, columns, characters per cell.
inline constexpr std::uint32_t kXlsxMaxRows = 1048576;
inline constexpr std::uint32_t kXlsxMaxColumns = 16384;
inline constexpr std::size_t kXlsxMaxCellChars = 32767;
// Column widths are estimated from this many rows (the header included).
inline constexpr std::uint32_t kWidthSampleRows = 1000;
inline constexpr double kMaxColumnWidth = 60;

struct XlsxAbout {
  std::string version;
  std::string lexicon_hash;
  std::string input;  // the input's name as the user gave it
  std::string as_of;  // --as-of, "" for today's rules
  Lang lang = Lang::zh;
  std::uint64_t rows = 0;
  std::array<std::uint64_t, 3> decisions{};  // by icp::Outcome: license, filing, neither
  std::uint64_t errors = 0;
  std::uint64_t empty = 0;
};

// Where the icp_* columns are in the output rows (0-based), for their styles.
struct XlsxLayout {
  std::size_t decision = 0;  // icp_decision; the others follow in kIcpColumns order
  bool has_header = true;
};

class XlsxWriter {
 public:
  // Creates the workbook at `path` (a temporary; the caller renames it).
  // `shown` names the output in messages. Throws IoError.
  XlsxWriter(const std::string& path, std::string shown, Lang lang, XlsxLayout layout);
  ~XlsxWriter();  // without close(): frees the workbook, writing nothing
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // The next row's cells; numbers[i] (when set) writes cell i as that number.
  // Text must be valid UTF-8. Throws InputError when Excel's limits are
  // passed (rows, columns), IoError when the library fails.
  void start_row();
  void text(std::size_t column, std::string_view value);
  void number(std::size_t column, double value);
  std::uint64_t rows_written() const { return next_row_; }

  // The About sheet, widths, the autofilter; then the file. Throws IoError.
  void close(const XlsxAbout& about);

 private:
  void check(int error, const char* what) const;
  void note_width(std::size_t column, std::string_view value);
  lxw_format* format_for(std::size_t column, std::string_view value) const;
  void write_about(const XlsxAbout& about);

  std::string shown_;
  XlsxLayout layout_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* confidence_ = nullptr;
  std::array<lxw_format*, 3> outcome_{};  // fills by icp::Outcome
  std::array<std::string, 3> outcome_text_;
  std::uint32_t next_row_ = 0;  // the row start_row() begins
  std::uint32_t row_ = 0;       // the row being written
  std::size_t last_column_ = 0;
  std::vector<double> widths_;  // characters, CJK counted double
};

// Display width of one line of text: East Asian wide characters count 2.
double display_width(std::string_view utf8);

}  // namespace icp::cli::batch
