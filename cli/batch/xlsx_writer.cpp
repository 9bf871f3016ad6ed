#include "batch/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>

#include "batch/row_format.hpp"
#include "errors.hpp"
#include "fact_words.hpp"

namespace icp::cli::batch {
namespace {

constexpr std::uint32_t kOutcomeFill[3] = {0xF8CBAD, 0xFFE699, 0xC6EFCE};  // license, filing, neither

// Index into kIcpColumns.
constexpr std::size_t kReasonOffset = 6, kSummaryOffset = 9, kQuestionsOffset = 10, kConfidenceOffset = 5;

// What each icp_* column means, in kIcpColumns order.
constexpr std::array<const char*, 12> kMeaningZh = {"结论：需要许可证（ICP经营许可证）、仅需备案（ICP备案）或均不需要",
                                                    "增值电信业务类别（如 3 = 信息服务业务），多个以 ; 分隔",
                                                    "是否需要互联网新闻信息服务许可",
                                                    "需要的前置审批（新闻、出版、药品、医疗器械等），以 ; 分隔",
                                                    "是否涉及外资（影响许可证的申请条件）",
                                                    "把握程度，0 到 1",
                                                    "作出结论的主要理由（一行）",
                                                    "申请条件是否已满足：是 / 否 / 未知 / 不适用",
                                                    "尚未满足的申请条件，以 ; 分隔",
                                                    "可以申请什么、要准备什么、还要问什么（与 --summary 相同）",
                                                    "还需要回答的问题，每行一个",
                                                    "这一行没有结论或数据有问题的原因；为空表示正常"};
constexpr std::array<const char*, 12> kMeaningEn = {
    "the answer: license (ICP operating license), filing (ICP filing) or neither",
    "value-added telecom categories (e.g. 3 = information services), ;-separated",
    "whether an Internet news information service permit is needed (yes/no)",
    "sector pre-approvals needed (news, publishing, drugs, medical devices ...), ;-separated",
    "whether foreign investment is involved (yes/no/unknown)",
    "confidence, 0 to 1",
    "the main reason for the answer (one line)",
    "whether the conditions for applying are met: yes / no / unknown / n/a",
    "the conditions not met, ;-separated",
    "what can be applied for, what to prepare, what to ask (as --summary prints it)",
    "the open questions, one per line",
    "why this row has no answer or what was wrong with it; empty when all is well"};

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  char stamp[32] = "?";
  if (::gmtime_r(&now, &tm)) std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return stamp;
}

// East Asian wide and fullwidth ranges (CJK, Hangul, kana, fullwidth forms).
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

double display_width(std::string_view s) {
  double width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i + n > s.size()) n = s.size() - i;
    char32_t c = n == 1 ? b : b & (0x3F >> (n - 1));
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    width += is_wide(c) ? 2 : 1;
    i += n;
  }
  return width;
}

XlsxWriter::XlsxWriter(const std::string& path, std::string shown, Lang lang, XlsxLayout layout)
    : shown_(std::move(shown)), layout_(layout) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written
  options.use_zip64 = LXW_TRUE;        // a sheet of a million long rows passes 4 GiB
  book_ = workbook_new_opt(path.c_str(), &options);
  if (!book_) throw IoError("cannot create the workbook " + shown_);
  sheet_ = workbook_add_worksheet(book_, lang == Lang::zh ? "结果" : "Results");
  if (!sheet_) throw IoError("cannot create the results sheet of " + shown_);
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  format_set_bottom(bold_, LXW_BORDER_THIN);
  wrap_ = workbook_add_format(book_);
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  confidence_ = workbook_add_format(book_);
  format_set_num_format(confidence_, "0.00");
  for (std::size_t i = 0; i < outcome_.size(); ++i) {
    outcome_[i] = workbook_add_format(book_);
    format_set_bg_color(outcome_[i], kOutcomeFill[i]);
    format_set_pattern(outcome_[i], LXW_PATTERN_SOLID);
    outcome_text_[i] = outcome_cell(static_cast<icp::Outcome>(i), lang);
  }
}

XlsxWriter::~XlsxWriter() {
  if (book_) lxw_workbook_free(book_);
}

void XlsxWriter::check(int error, const char* what) const {
  if (error == LXW_NO_ERROR) return;
  if (error == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
    throw InputError("the output " + shown_ + " cannot hold row " + std::to_string(row_ + 1) +
                     ": an Excel sheet has at most " + std::to_string(kXlsxMaxRows) + " rows and " +
                     std::to_string(kXlsxMaxColumns) + " columns; write CSV instead (-o NAME.csv)");
  throw IoError(std::string("cannot ") + what + " " + shown_ + ": " + lxw_strerror(static_cast<lxw_error>(error)));
}

void XlsxWriter::start_row() {
  if (next_row_ >= kXlsxMaxRows) {
    row_ = next_row_;
    check(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "write");
  }
  row_ = next_row_++;
}

void XlsxWriter::note_width(std::size_t column, std::string_view value) {
  if (row_ >= kWidthSampleRows) return;
  if (widths_.size() <= column) widths_.resize(column + 1, 0);
  // The longest line: a wrapped cell's lines are shown one under another.
  for (std::size_t from = 0; from <= value.size();) {
    std::size_t end = value.find('\n', from);
    if (end == std::string_view::npos) end = value.size();
    widths_[column] = std::max(widths_[column], display_width(value.substr(from, end - from)));
    from = end + 1;
  }
}

lxw_format* XlsxWriter::format_for(std::size_t column, std::string_view value) const {
  if (layout_.has_header && row_ == 0) return bold_;
  if (column == layout_.decision)
    for (std::size_t i = 0; i < outcome_text_.size(); ++i)
      if (value == outcome_text_[i]) return outcome_[i];
  const std::size_t offset = column - layout_.decision;
  if (column > layout_.decision && (offset == kReasonOffset || offset == kSummaryOffset || offset == kQuestionsOffset))
    return wrap_;
  return nullptr;
}

void XlsxWriter::text(std::size_t column, std::string_view value) {
  if (column >= kXlsxMaxColumns) check(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "write");
  if (value.empty()) return;  // a blank cell is no cell
  last_column_ = std::max(last_column_, column);
  note_width(column, value);
  // libxlsxwriter takes a NUL-terminated string.
  const std::string copy(value);
  check(worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column), copy.c_str(), format_for(column, value)),
        "write");
}

void XlsxWriter::number(std::size_t column, double value) {
  if (column >= kXlsxMaxColumns) check(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "write");
  last_column_ = std::max(last_column_, column);
  const bool confidence = column == layout_.decision + kConfidenceOffset;
  if (row_ < kWidthSampleRows) {
    if (widths_.size() <= column) widths_.resize(column + 1, 0);
    widths_[column] = std::max(widths_[column], confidence ? 4.0 : 11.0);
  }
  check(worksheet_write_number(sheet_, row_, static_cast<lxw_col_t>(column), value, confidence ? confidence_ : nullptr),
        "write");
}

void XlsxWriter::write_about(const XlsxAbout& about) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, kAboutSheetName);
  if (!sheet) throw IoError("cannot create the sheet " + std::string(kAboutSheetName) + " of " + shown_);
  const bool zh = about.lang == Lang::zh;
  std::uint32_t row = 0;
  auto put = [&](const std::string& a, const std::string& b, lxw_format* format = nullptr) {
    check(worksheet_write_string(sheet, row, 0, a.c_str(), format ? format : bold_), "write");
    if (!b.empty()) check(worksheet_write_string(sheet, row, 1, b.c_str(), format), "write");
    ++row;
  };
  auto count = [&](const std::string& a, std::uint64_t n) {
    check(worksheet_write_string(sheet, row, 0, a.c_str(), nullptr), "write");
    check(worksheet_write_number(sheet, row, 1, static_cast<double>(n), nullptr), "write");
    ++row;
  };
  put(zh ? "由 icp-classify batch 生成" : "Made by icp-classify batch", "");
  put(zh ? "程序版本" : "version", about.version);
  put(zh ? "词库哈希" : "lexicon hash", about.lexicon_hash);
  put(zh ? "日期" : "date", today_utc());
  put(zh ? "所依规则的日期（--as-of）" : "rules in force on (--as-of)",
      about.as_of.empty() ? today_utc().substr(0, 10) : about.as_of);
  put(zh ? "输入文件" : "input", about.input);
  ++row;
  put(zh ? "列" : "column", zh ? "含义" : "meaning");
  for (std::size_t i = 0; i < kIcpColumns.size(); ++i) {
    check(worksheet_write_string(sheet, row, 0, kIcpColumns[i], nullptr), "write");
    check(worksheet_write_string(sheet, row, 1, zh ? kMeaningZh[i] : kMeaningEn[i], nullptr), "write");
    ++row;
  }
  ++row;
  put(zh ? "统计" : "counts", "");
  count(zh ? "行数" : "rows", about.rows);
  for (std::size_t i = 0; i < 3; ++i)
    count(outcome_text_[i], about.decisions[i]);  // the words the icp_decision cells use
  count(zh ? "有错误的行" : "rows with errors", about.errors);
  count(zh ? "空行" : "empty rows", about.empty);
  check(worksheet_set_column(sheet, 0, 0, 24, nullptr), "write");
  check(worksheet_set_column(sheet, 1, 1, 90, nullptr), "write");
}

void XlsxWriter::close(const XlsxAbout& about) {
  if (layout_.has_header && next_row_ > 0) {
    worksheet_freeze_panes(sheet_, 1, 0);
    check(worksheet_autofilter(sheet_, 0, 0, next_row_ - 1, static_cast<lxw_col_t>(last_column_)), "filter");
  }
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    // A little room for the filter's button; never wider than the cap.
    const double width = std::clamp(widths_[c] + 2, 6.0, kMaxColumnWidth);
    check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr), "write");
  }
  write_about(about);
  lxw_workbook* book = book_;
  book_ = nullptr;  // workbook_close frees it, whatever it returns
  check(workbook_close(book), "write");
}

}  // namespace icp::cli::batch
