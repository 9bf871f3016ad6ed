#include "batch/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <vector>

#include "batch/csv_writer.hpp"
#include "errors.hpp"
#include "text_util.hpp"

namespace icp::cli::batch {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class Workbook {
 public:
  Workbook(const std::string& path, const XlsxLimits& limits) : path_(path), limits_(limits) {
    int error = 0;
    zip_.reset(zip_open(path.c_str(), ZIP_RDONLY, &error));
    if (!zip_) {
      zip_error_t e;
      zip_error_init_with_code(&e, error);
      std::string message = zip_error_strerror(&e);
      zip_error_fini(&e);
      throw InputError(for_message(path) + ": not a readable .xlsx workbook (" + message + ")");
    }
  }

  bool has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

  // Reads a part whole (workbook, relationships, shared strings, styles).
  std::string read(const std::string& name) const {
    std::string out;
    stream(name, [&](std::string_view piece) { out.append(piece); });
    return out;
  }

  // Inflates a part in pieces, checking the zip-bomb limits as it goes.
  void stream(const std::string& name, const std::function<void(std::string_view)>& piece) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0)
      throw InputError(for_message(path_) + ": the workbook has no " + name);
    const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    check_size(name, declared, packed);
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(zip_.get(), name.c_str(), 0));
    if (!file) throw InputError(for_message(path_) + ": cannot read " + name + " in the workbook");
    std::vector<char> buffer(1 << 16);
    std::uint64_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0)
        throw InputError(for_message(path_) + ": " + name + " is damaged (" + zip_file_strerror(file.get()) + ")");
      if (n == 0) break;
      total += static_cast<std::uint64_t>(n);
      check_size(name, total, packed);  // the declared size may lie
      piece(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
  }

 private:
  void check_size(const std::string& name, std::uint64_t size, std::uint64_t packed) const {
    if (size > limits_.max_entry_bytes)
      throw InputError(for_message(path_) + ": " + name + " inflates to over " +
                       std::to_string(limits_.max_entry_bytes) +
                       " bytes: refused (a zip bomb, or a workbook too large to read)");
    if (size > (1u << 20) && packed > 0 && size / packed > limits_.max_ratio)
      throw InputError(for_message(path_) + ": " + name + " inflates " + std::to_string(size / packed) +
                       " times its packed size: refused as a zip bomb");
  }

  std::string path_;
  XlsxLimits limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

pugi::xml_document parse(const std::string& xml, const std::string& what, const std::string& path) {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(xml.data(), xml.size());
  if (!result)
    throw InputError(for_message(path) + ": " + what + " is not valid XML (" + result.description() + " at byte " +
                     std::to_string(result.offset) + ")");
  return doc;
}

// The text of a shared or inline string: <t>, or the <t> of every rich-text run <r>.
std::string string_item(const pugi::xml_node& si) {
  std::string out;
  if (auto t = si.child("t")) out += t.text().get();
  for (auto r : si.children("r")) out += r.child("t").text().get();
  return out;
}

// Built-in date formats (ECMA-376 18.8.30) and custom ones that show y/m/d/h/s.
bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    const char l = static_cast<char>(c | 0x20);
    if (l == 'y' || l == 'd' || l == 'h' || l == 's' || l == 'm') return true;
  }
  return false;
}

// "B12" → column 1 (0-based); row number ignored here.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t col = 0, letters = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') {
      col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
      if (++letters > 3) return std::nullopt;
    } else {
      break;
    }
  }
  if (letters == 0) return std::nullopt;
  return col - 1;
}

std::string show_number(std::string_view raw) {
  double v = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || end != raw.data() + raw.size() || !std::isfinite(v)) return std::string(raw);
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buffer[32];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, r.ptr);
}

std::string cell_name(std::size_t col, std::uint64_t row) {
  std::string letters;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

}  // namespace

std::string excel_date(double serial, bool date1904) {
  // Days from 1970-01-01 to the epoch: 1899-12-30 (1900 system, which counts
  // the fictitious 1900-02-29 as day 60) or 1904-01-01.
  double days = std::floor(serial);
  if (!date1904 && days < 61) days += 1;  // before 1900-03-01 the count is off by the missing leap day
  const long long epoch = date1904 ? -24107 : -25569;
  long long z = static_cast<long long>(days) + epoch + 719468;  // civil_from_days (H. Hinnant)
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char out[128];  // room for any long long, so the compiler sees no truncation
  const long long seconds = std::llround((serial - std::floor(serial)) * 86400);
  if (seconds == 0 || seconds == 86400)
    std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld", y, m, d);
  else
    std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", y, m, d, seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
  return out;
}

std::uint64_t xlsx_to_csv(const std::string& path, const std::string& sheet,
                          const std::function<void(std::string_view)>& write, const XlsxLimits& limits,
                          const std::function<void(std::string_view)>& write_types,
                          std::optional<MergedHeader>* merged_header) {
  const Workbook book(path, limits);
  // The sheets, in order, and the part each one is in.
  const pugi::xml_document workbook = parse(book.read("xl/workbook.xml"), "xl/workbook.xml", path);
  const pugi::xml_document rels = parse(book.read("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels", path);
  const auto root = workbook.child("workbook");
  const bool date1904 = std::string_view(root.child("workbookPr").attribute("date1904").value()) == "1" ||
                        std::string_view(root.child("workbookPr").attribute("date1904").value()) == "true";
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  for (auto s : root.child("sheets").children("sheet"))
    sheets.emplace_back(s.attribute("name").value(), s.attribute("r:id").value());
  if (sheets.empty()) throw InputError(for_message(path) + ": the workbook has no sheets");
  std::size_t chosen = sheets.size();
  if (sheet.empty()) {
    chosen = 0;
  } else {
    for (std::size_t i = 0; i < sheets.size(); ++i)
      if (sheets[i].first == sheet) chosen = i;
    if (chosen == sheets.size() && !sheet.empty() &&
        std::all_of(sheet.begin(), sheet.end(), [](unsigned char c) { return std::isdigit(c); })) {
      const std::size_t n = std::stoul(sheet);
      if (n >= 1 && n <= sheets.size()) chosen = n - 1;
    }
  }
  if (chosen == sheets.size()) {
    std::string names;
    for (const auto& s : sheets) names += (names.empty() ? "" : ", ") + s.first;
    throw InputError(for_message(path) + ": no sheet '" + for_message(sheet) + "' (the sheets: " + names + ")");
  }
  const std::string sheet_name = sheets[chosen].first;
  std::string target;
  for (auto r : rels.child("Relationships").children("Relationship"))
    if (sheets[chosen].second == r.attribute("Id").value()) target = r.attribute("Target").value();
  if (target.empty()) throw InputError(for_message(path) + ": sheet '" + sheet_name + "' has no part in the workbook");
  target = target.starts_with("/") ? target.substr(1) : "xl/" + target;

  std::vector<std::string> shared;
  if (book.has("xl/sharedStrings.xml")) {
    const auto doc = parse(book.read("xl/sharedStrings.xml"), "xl/sharedStrings.xml", path);
    for (auto si : doc.child("sst").children("si")) shared.push_back(string_item(si));
  }
  std::vector<bool> date_style;  // by cell style index (cellXfs)
  if (book.has("xl/styles.xml")) {
    const auto doc = parse(book.read("xl/styles.xml"), "xl/styles.xml", path);
    const auto styles = doc.child("styleSheet");
    std::vector<std::pair<int, std::string>> custom;
    for (auto f : styles.child("numFmts").children("numFmt"))
      custom.emplace_back(f.attribute("numFmtId").as_int(), f.attribute("formatCode").value());
    for (auto xf : styles.child("cellXfs").children("xf")) {
      const int id = xf.attribute("numFmtId").as_int();
      std::string code;
      for (const auto& [cid, c] : custom)
        if (cid == id) code = c;
      date_style.push_back(is_date_format(id, code));
    }
  }

  // The sheet, a <row> at a time as the XML inflates.
  std::uint64_t rows = 0, next_row = 1;
  std::string pending, record, types;
  std::vector<std::string> cells;
  std::vector<std::string> header_cells;  // row 1, kept for merged header cells
  std::size_t header_bytes = 0;
  auto emit_row = [&](const pugi::xml_node& row) {
    const std::uint64_t number = row.attribute("r").as_ullong(next_row);
    // A sparse sheet: rows it skips come out empty, so row numbers match Excel's.
    for (; next_row < number; ++next_row, ++rows) {
      write("\n");
      if (write_types) write_types("\n");
    }
    cells.clear();
    types.clear();
    std::size_t position = 0;
    for (auto c : row.children("c")) {
      std::size_t col = position;
      if (auto ref = c.attribute("r")) {
        const auto parsed = column_of(ref.value());
        if (!parsed)
          throw InputError(for_message(path) + ": sheet '" + sheet_name + "', row " + std::to_string(number) +
                           ": a cell reference '" + for_message(ref.value()) + "' that is not a cell");
        col = *parsed;
      }
      if (col > 16383)
        throw InputError(for_message(path) + ": sheet '" + sheet_name + "', cell " + cell_name(col, number) +
                         ": beyond Excel's last column");
      position = col + 1;
      const std::string_view type = c.attribute("t").value();
      const std::string_view v = c.child("v").text().get();
      std::string value;
      if (type == "s") {
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
        if (ec != std::errc() || end != v.data() + v.size() || index >= shared.size())
          throw InputError(for_message(path) + ": sheet '" + sheet_name + "', cell " + cell_name(col, number) +
                           ": a shared string that does not exist (" + for_message(v) + ")");
        value = shared[index];
      } else if (type == "inlineStr") {
        value = string_item(c.child("is"));
      } else if (type == "b") {
        value = v == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e" || type == "d") {
        value = v;
      } else if (!v.empty()) {
        const std::size_t style = c.attribute("s").as_uint(0);
        double number_value = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number_value);
        const bool numeric = ec == std::errc() && end == v.data() + v.size();
        const bool in_range = numeric && number_value >= 0 && number_value < 2958466;  // up to 9999-12-31
        const bool date = in_range && style < date_style.size() && date_style[style];
        value = date ? excel_date(number_value, date1904) : show_number(v);
        if (numeric && !date && std::isfinite(number_value)) {
          if (types.size() <= col) types.resize(col + 1, '-');
          types[col] = 'n';
        }
      }
      if (cells.size() <= col) cells.resize(col + 1);
      cells[col] = std::move(value);
    }
    record.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) record += ',';
      append_csv_field(record, to_valid_utf8(cells[i]));
    }
    record += '\n';
    write(record);
    if (number == 1) {
      header_cells = cells;
      header_bytes = record.size();
    }
    if (write_types) {
      types += '\n';
      write_types(types);
    }
    ++rows;
    next_row = number + 1;
  };
  // "<row" followed by a space, ">" or "/" (not <rowBreaks>).
  auto find_row = [&](std::size_t from) {
    for (std::size_t at = pending.find("<row", from); at != std::string::npos; at = pending.find("<row", at + 4)) {
      if (at + 4 >= pending.size()) return at;  // undecided yet: keep it
      const char next = pending[at + 4];
      if (next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' || next == '\r') return at;
    }
    return std::string::npos;
  };
  auto take_rows = [&]() {
    std::size_t start = 0;
    for (;;) {
      const std::size_t open = find_row(start);
      if (open == std::string::npos || open + 4 >= pending.size()) break;
      const std::size_t head_end = pending.find('>', open);
      if (head_end == std::string::npos) break;
      std::size_t end;
      if (pending[head_end - 1] == '/') {
        end = head_end + 1;  // <row r="5"/>
      } else {
        const std::size_t close = pending.find("</row>", head_end);
        if (close == std::string::npos) break;
        end = close + 6;
      }
      pugi::xml_document fragment;
      const auto result = fragment.load_buffer(pending.data() + open, end - open);
      if (!result || !fragment.child("row"))
        throw InputError(for_message(path) + ": sheet '" + sheet_name + "' after row " + std::to_string(next_row - 1) +
                         ": not valid XML (" + (result ? "no row" : result.description()) + ")");
      emit_row(fragment.child("row"));
      start = end;
    }
    // Keep only what may still begin a row: memory stays at about one row.
    const std::size_t keep = find_row(start);
    if (keep != std::string::npos)
      pending.erase(0, keep);
    else
      pending.erase(0, pending.size() > 16 ? pending.size() - 16 : 0);  // room for "</sheetData>"
  };
  // After </sheetData>: the rest of the sheet, for its <mergeCells> (bounded:
  // a sheet whose tail is larger has its merges ignored).
  constexpr std::size_t kMaxTail = 16u << 20;
  std::string tail;
  bool in_tail = false;
  book.stream(target, [&](std::string_view piece) {
    if (in_tail) {
      if (tail.size() < kMaxTail) tail.append(piece);
      return;
    }
    pending.append(piece);
    const std::size_t end = pending.find("</sheetData>");
    if (end != std::string::npos) {
      tail = pending.substr(end);
      pending.resize(end);
      in_tail = true;
    }
    take_rows();
  });
  if (merged_header && header_bytes > 0 && tail.size() < kMaxTail) {
    const std::size_t from = tail.find("<mergeCells"), to = tail.find("</mergeCells>");
    pugi::xml_document merges;
    if (from != std::string::npos && to != std::string::npos && to > from &&
        merges.load_buffer(tail.data() + from, to + 13 - from)) {
      std::vector<std::string> named = header_cells;
      bool changed = false;
      for (auto m : merges.child("mergeCells").children("mergeCell")) {
        // "B1:D1" (or "B1:D2"): a range whose top row is row 1.
        const std::string_view ref = m.attribute("ref").value();
        const std::size_t colon = ref.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view first = ref.substr(0, colon), last = ref.substr(colon + 1);
        const auto c1 = column_of(first), c2 = column_of(last);
        const std::size_t letters = first.find_first_of("0123456789");
        if (!c1 || !c2 || *c2 < *c1 || letters == std::string_view::npos || first.substr(letters) != "1") continue;
        if (*c2 > 16383) continue;
        const std::string name = *c1 < named.size() ? named[*c1] : std::string();
        if (name.empty()) continue;
        if (named.size() <= *c2) named.resize(*c2 + 1);
        for (std::size_t c = *c1 + 1, k = 2; c <= *c2; ++c, ++k)
          if (named[c].empty()) {
            named[c] = name + " (" + std::to_string(k) + ")";
            changed = true;
          }
      }
      if (changed) {
        std::string header;
        for (std::size_t i = 0; i < named.size(); ++i) {
          if (i) header += ',';
          append_csv_field(header, to_valid_utf8(named[i]));
        }
        header += '\n';
        *merged_header = MergedHeader{std::move(header), header_bytes};
      }
    }
  }
  return rows;
}

}  // namespace icp::cli::batch
