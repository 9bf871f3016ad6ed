#include "batch/xlsx_output.hpp"

#include <charconv>
#include <cstring>

#include "batch/row_format.hpp"
#include "errors.hpp"
#include "text_util.hpp"

namespace icp::cli::batch {
namespace {

constexpr std::size_t kConfidenceOffset = 5, kErrorOffset = 11;

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// The first `chars` code points of valid UTF-8 `s`.
std::string_view first_chars(std::string_view s, std::size_t chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size() && n < chars; ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::optional<double> csv_number(std::string_view f) {
  std::size_t i = 0;
  const bool negative = !f.empty() && f[0] == '-';
  if (negative) ++i;
  const std::size_t int_begin = i;
  while (i < f.size() && digit(f[i])) ++i;
  const std::size_t int_digits = i - int_begin;
  if (int_digits == 0 || int_digits > 10) return std::nullopt;
  if (int_digits > 1 && f[int_begin] == '0') return std::nullopt;  // 0123: an identifier
  std::size_t frac_digits = 0;
  if (i < f.size() && f[i] == '.') {
    ++i;
    const std::size_t frac_begin = i;
    while (i < f.size() && digit(f[i])) ++i;
    frac_digits = i - frac_begin;
    if (frac_digits == 0 || f[i - 1] == '0') return std::nullopt;  // "1." and "1.50" would not come back
  }
  if (i != f.size()) return std::nullopt;
  // Significant digits: from the first non-zero one.
  std::size_t leading_zeros = 0;
  for (std::size_t k = int_begin; k < f.size() && (f[k] == '0' || f[k] == '.'); ++k) leading_zeros += f[k] == '0';
  if (int_digits + frac_digits - leading_zeros > 15) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), value);
  if (ec != std::errc() || end != f.data() + f.size()) return std::nullopt;
  if (value == 0 && negative) return std::nullopt;  // -0 would come back as 0
  // Belt and braces: the shortest text of the value is the field itself.
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (r.ec != std::errc() || std::string_view(buffer, static_cast<std::size_t>(r.ptr - buffer)) != f)
    return std::nullopt;
  return value;
}

XlsxOutput::XlsxOutput(XlsxWriter& writer, std::size_t width, const std::vector<bool>& replaced,
                       const std::string& cell_types)
    : writer_(writer), width_(width) {
  for (std::size_t i = 0; i < width; ++i)
    if (i >= replaced.size() || !replaced[i]) kept_.push_back(i);
  decision_ = kept_.size();
  if (!cell_types.empty()) {
    types_.open(cell_types, std::ios::binary);
    if (!types_) throw IoError("cannot read the workbook's cell types from " + for_message(cell_types));
    by_type_ = true;
  }
}

std::optional<std::size_t> XlsxOutput::input_column(std::size_t j) const {
  if (j < kept_.size()) return kept_[j];
  if (j >= decision_ + kIcpColumns.size()) return width_ + (j - decision_ - kIcpColumns.size());
  return std::nullopt;  // an icp_* column
}

void XlsxOutput::write(std::string_view s) {
  // Our own CSV: a field is quoted from its first byte or not at all, and a
  // record ends with "\n" outside quotes.
  std::size_t i = 0;
  count_ = 0;
  while (i < s.size()) {
    if (fields_.size() <= count_) fields_.emplace_back();
    std::string& field = fields_[count_++];
    field.clear();
    if (s[i] == '"') {
      ++i;
      for (;;) {
        const std::size_t q = s.find('"', i);
        if (q == std::string_view::npos) throw IoError("internal error: an unterminated quote in a batch record");
        field.append(s.substr(i, q - i));
        i = q + 1;
        if (i < s.size() && s[i] == '"') {
          field.push_back('"');
          ++i;
          continue;
        }
        break;
      }
    } else {
      std::size_t end = i;
      while (end < s.size() && s[end] != ',' && s[end] != '\n') ++end;
      field.append(s.substr(i, end - i));
      i = end;
    }
    if (i >= s.size() || s[i] == '\n') {
      write_record();
      count_ = 0;
    }
    ++i;  // the comma or the line break
  }
}

void XlsxOutput::write_record() {
  if (by_type_ && !std::getline(types_, type_line_)) type_line_.clear();
  writer_.start_row();
  // Excel's cells hold valid UTF-8 of at most 32,767 characters: a longer
  // field is cut, and icp_error says so (the CSV output keeps it whole).
  std::string cut;
  for (std::size_t j = 0; j < count_; ++j) {
    std::string& f = fields_[j];
    if (first_invalid_utf8(f)) f = to_valid_utf8(f);
    if (f.size() > kXlsxMaxCellChars && char_count(f) > kXlsxMaxCellChars) {
      f.resize(first_chars(f, kXlsxMaxCellChars).size());
      cut += (cut.empty() ? "" : ", ") + std::to_string(j + 1);
    }
  }
  const std::size_t error = decision_ + kErrorOffset;
  if (!cut.empty() && error < count_) {
    std::string& e = fields_[error];
    e += std::string(e.empty() ? "" : "; ") + "cut to Excel's 32767 characters in column " + cut;
  }
  for (std::size_t j = 0; j < count_; ++j) {
    const std::string& f = fields_[j];
    if (f.empty()) continue;
    std::optional<double> value;
    if (const auto c = input_column(j)) {
      if (!by_type_) {
        value = csv_number(f);
      } else if (*c < type_line_.size() && type_line_[*c] == 'n') {
        double v = 0;
        const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
        if (ec == std::errc() && end == f.data() + f.size()) value = v;
      }
    } else if (j == decision_ + kConfidenceOffset) {
      // 0.70: a number, shown with two decimals (the header's name is not one).
      double v = 0;
      const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
      if (ec == std::errc() && end == f.data() + f.size()) value = v;
    }
    if (value)
      writer_.number(j, *value);
    else
      writer_.text(j, f);
  }
}

}  // namespace icp::cli::batch
