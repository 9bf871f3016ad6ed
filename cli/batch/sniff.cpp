#include "batch/sniff.hpp"

#include <algorithm>
#include <cstddef>

namespace icp::cli::batch {
namespace {

constexpr const char* kSaveAs = "save it from Excel or WPS as \"CSV UTF-8\" (or CSV) and run on that file";

// UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte
// (little-endian: the odd ones, big-endian: the even ones).
bool utf16_without_bom(std::string_view head) {
  const std::size_t n = std::min<std::size_t>(head.size(), 512) & ~std::size_t{1};
  if (n < 4) return false;
  std::size_t odd = 0, even = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += head[i] == '\0';
    odd += head[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  return (odd * 10 >= pairs * 8 && even == 0) || (even * 10 >= pairs * 8 && odd == 0);
}

}  // namespace

std::optional<std::string> not_csv(std::string_view head) {
  if (head.starts_with("PK\x03\x04") || head.starts_with(std::string_view("PK\x05\x06", 4)))
    return std::string(
               "this is a zip file — an Excel .xlsx workbook, most likely; give the workbook's file name "
               "(icp-classify batch FILE.xlsx reads it), or ") +
           kSaveAs;
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return std::string(
               "this is an Excel 97-2003 .xls workbook (an OLE2 file), which is not read: save it from Excel or WPS "
               "as an Excel Workbook (.xlsx) and give that file (icp-classify batch FILE.xlsx), or ") +
           kSaveAs;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || utf16_without_bom(head))
    return std::string("UTF-16 input is not supported; save it as UTF-8 or GB18030 (GBK)");
  if (head.starts_with("%PDF-")) return std::string("this is a PDF document, not CSV text");
  if (const auto nul = head.find('\0'); nul != std::string_view::npos)
    return "this is binary data, not CSV text (a NUL byte at byte " + std::to_string(nul) +
           "); CSV files hold UTF-8 or GB18030 text";
  return std::nullopt;
}

}  // namespace icp::cli::batch
