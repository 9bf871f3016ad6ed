#include "batch/batch_command.hpp"

#include <filesystem>
#include <fstream>
#include <functional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <thread>

#include "batch/batch_runner.hpp"
#include "batch/csv_reader.hpp"
#include "batch/encoding.hpp"
#include "batch/interrupt.hpp"
#include "batch/output.hpp"
#include "batch/progress.hpp"
#include "batch/row_format.hpp"
#include "batch/sniff.hpp"
#include "batch/xlsx_output.hpp"
#include "batch/xlsx_reader.hpp"
#include "batch/xlsx_writer.hpp"
#include "did_you_mean.hpp"
#include "errors.hpp"
#include "icp/classifier.hpp"
#include "run.hpp"
#include "text_util.hpp"

namespace icp::cli {
using namespace batch;
namespace {

// The input as a read function: a file descriptor, or the given stream for "-".
class Input {
 public:
  Input(const std::string& path, std::istream& in) : path_(path), in_(in) {
    if (path == "-") {
      // The process's standard input is read with read(2), so that a signal interrupts it.
      if (&in == &std::cin) fd_ = STDIN_FILENO, own_ = false;
      return;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError("cannot open " + for_message(path) + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) == 0) {
      if (S_ISDIR(st.st_mode)) throw InputError(for_message(path) + " is a directory");
      if (S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
    }
  }

  // The input's device and inode when it is a regular file (standard input too).
  std::optional<FileId> identity() const {
    struct stat st {};
    if (fd_ < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
  }
  ~Input() {
    if (fd_ >= 0 && own_) ::close(fd_);
  }
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  std::uint64_t size() const { return size_; }  // 0: unknown

  CsvReader::ReadFn reader() {
    return [this](char* buffer, std::size_t size) -> std::size_t {
      if (fd_ < 0) {
        in_.read(buffer, static_cast<std::streamsize>(size));
        const auto n = static_cast<std::size_t>(in_.gcount());
        if (n == 0 && in_.bad()) throw InputError("cannot read standard input");
        return n;
      }
      for (;;) {
        const ssize_t n = ::read(fd_, buffer, size);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno == EINTR) {
          if (interrupted()) return 0;  // the batch loop sees the flag
          continue;
        }
        throw InputError("cannot read " +
                         (fd_ == STDIN_FILENO && path_ == "-" ? std::string("standard input") : for_message(path_)) +
                         ": " + std::strerror(errno));
      }
    };
  }

 private:
  std::string path_;
  std::istream& in_;
  int fd_ = -1;
  bool own_ = true;
  std::uint64_t size_ = 0;
};

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string header_list(const std::vector<std::string>& header) {
  std::string out;
  for (const auto& h : header) out += (out.empty() ? "" : ", ") + to_valid_utf8(h);
  return out;
}

// --column values → 0-based indexes (and names for messages).
// Columns named after a fact (or a Chinese alias of four characters or
// more, such as 注册资本) carry that fact per row, unless they hold the
// description.
std::vector<std::pair<std::size_t, std::string>> fact_columns(const std::vector<std::string>& header,
                                                              const std::vector<std::size_t>& description) {
  std::vector<std::pair<std::size_t, std::string>> out;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (std::find(description.begin(), description.end(), i) != description.end()) continue;
    const std::string name = lower_ascii(header[i]);
    for (const auto& f : icp::fact_catalogue()) {
      bool match = f.name == name;
      // Short aliases (行业, 广告, 外资) are ordinary column names in a CRM export.
      for (const auto& a : f.aliases) match |= a == header[i] && a.size() >= 12;
      if (match) {
        out.emplace_back(i, f.name);
        break;
      }
    }
  }
  return out;
}

void resolve_columns(const BatchOptions& options, const std::vector<std::string>& header, bool has_header,
                     RowSettings& settings) {
  for (const auto& wanted : options.columns) {
    std::size_t index = 0;
    bool found = false;
    if (has_header) {
      for (std::size_t i = 0; i < header.size() && !found; ++i)
        if (header[i] == wanted) index = i, found = true;
    }
    if (!found && all_digits(wanted)) {
      const unsigned long n = std::stoul(wanted.size() > 9 ? std::string("999999999") : wanted);
      if (n == 0) throw UsageError("--column indexes start at 1");
      // `header` is the first record (with --no-header too); empty when the input is.
      if (!header.empty() && n > header.size())
        throw UsageError("--column " + for_message(wanted) + ": out of range, the input has " +
                         std::to_string(header.size()) + (header.size() == 1 ? " column" : " columns") +
                         (has_header ? " (the header has: " + for_message(header_list(header)) + ")" : ""));
      index = n - 1;
      found = true;
    }
    if (!found) {
      const std::string near = has_header ? closest(wanted, header) : "";
      throw UsageError("--column: no column named '" + for_message(wanted) + "'" +
                       (near.empty() ? "" : "; did you mean '" + for_message(near) + "'?") +
                       (has_header ? " (the header has: " + for_message(header_list(header)) + ")"
                                   : " (use a 1-based index with --no-header)"));
    }
    settings.columns.push_back(index);
    settings.column_names.push_back(has_header && index < header.size() ? "column " + to_valid_utf8(header[index])
                                                                        : "column " + std::to_string(index + 1));
  }
  if (!settings.columns.empty()) return;
  // No --column: a column with a usual name, the only column, or (no header) the first.
  static const char* const kNames[] = {"description", "desc", "text",     "简介", "描述",
                                       "业务描述",    "介绍", "经营范围", "内容"};
  if (has_header) {
    for (const char* name : kNames)
      for (std::size_t i = 0; i < header.size() && settings.columns.empty(); ++i)
        if (lower_ascii(header[i]) == name) settings.columns.push_back(i);
    if (settings.columns.empty() && header.size() == 1) settings.columns.push_back(0);
    if (settings.columns.empty())
      throw UsageError("which column holds the descriptions? Name it with --column (the header has: " +
                       for_message(header_list(header)) + ")");
    settings.column_names.push_back("column " + to_valid_utf8(header[settings.columns[0]]));
  } else {
    settings.columns.push_back(0);
    settings.column_names.push_back("column 1");
  }
}

// -d: , ; | or a tab ("tab", "\t" or the character itself); by default a
// tab for a .tsv input and a comma otherwise. Bytes that GB18030's
// multi-byte characters may contain (0x30–0x39, 0x40–0x7E: digits, letters,
// | …) would split characters there: | is refused for GB18030 input.
char parse_delimiter(const BatchOptions& options) {
  if (options.delimiter.empty()) {
    const std::string name = lower_ascii(options.input);
    return name.size() > 4 && name.ends_with(".tsv") ? '\t' : ',';
  }
  const std::string d = lower_ascii(options.delimiter);
  char c = 0;
  if (d == "tab" || d == "\\t" || d == "\t")
    c = '\t';
  else if (d == "," || d == ";" || d == "|")
    c = d[0];
  else
    throw UsageError("invalid value '" + for_message(options.delimiter) + "' for --delimiter (expected , ; | or tab)");
  return c;
}

std::string summary_line(const RunResult& r, double seconds) {
  char buffer[512];
  const auto& d = r.stats.decisions;
  char empty[48] = "";
  if (r.stats.empty > 0)
    std::snprintf(empty, sizeof empty, ", %llu empty", static_cast<unsigned long long>(r.stats.empty));
  std::snprintf(buffer, sizeof buffer,
                "icp-classify batch: %llu rows (license %llu, filing %llu, neither %llu), %llu with errors%s, %.2f s, "
                "%.0f rows/s\n",
                static_cast<unsigned long long>(r.stats.rows),
                static_cast<unsigned long long>(d[static_cast<std::size_t>(icp::Outcome::license)]),
                static_cast<unsigned long long>(d[static_cast<std::size_t>(icp::Outcome::filing)]),
                static_cast<unsigned long long>(d[static_cast<std::size_t>(icp::Outcome::neither)]),
                static_cast<unsigned long long>(r.stats.errors), empty, seconds,
                seconds > 0 ? static_cast<double>(r.stats.rows) / seconds : 0.0);
  return buffer;
}

// When rows did not decode and the other encoding reads them: say which
// option to rerun with ("", when none did or the other does not help).
std::string encoding_hint(const Stats& s) {
  if (s.other_encoding == 0) return "";
  const Encoding other = s.undecoded_as == Encoding::gb18030 ? Encoding::utf8 : Encoding::gb18030;
  return "icp-classify batch: " + std::to_string(s.undecodable) + (s.undecodable == 1 ? " row" : " rows") +
         " did not decode as " + encoding_name(s.undecoded_as) + "; " + std::to_string(s.other_encoding) +
         (s.other_encoding == 1 ? " reads" : " read") + " as " + encoding_name(other) + ": try --encoding " +
         encoding_name(other) + "\n";
}

}  // namespace

int run_batch(const BatchOptions& options, const icp::Options& classifier_options, Lang lang, std::istream& in,
              std::ostream& out, std::ostream& err) {
  const icp::Classifier classifier(classifier_options);
  return run_batch_on(options, classifier, lang, in, out, err, true);
}

namespace {

// An .xlsx input: --input-format, its name, or its first bytes (a zip).
bool is_workbook(const std::string& path, const std::string& input_format) {
  if (input_format == "xlsx") return true;
  if (input_format == "csv" || path == "-") return false;
  if (lower_ascii(path).ends_with(".xlsx")) return true;
  // Only a regular file is peeked at: a pipe's bytes would be lost to the batch.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream file(path, std::ios::binary);
  char head[4] = {};
  file.read(head, 4);
  return file.gcount() == 4 && std::string_view(head, 4) == std::string_view("PK\x03\x04", 4);
}

std::string temporary_file(const char* what) {
  const std::string pattern = (std::filesystem::temp_directory_path() / "icp-xlsx-XXXXXX").string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw IoError(std::string("cannot create a temporary file for ") + what + ": " + std::strerror(errno));
  ::close(fd);
  return name.data();
}

// The workbook's sheet as a temporary CSV file (removed with this object),
// and, when a workbook is written from it, which of its cells are numbers
// (one line per record).
class ConvertedWorkbook {
 public:
  ConvertedWorkbook(const std::string& workbook, const std::string& sheet, bool keep_types) {
    try {
      convert(workbook, sheet, keep_types);
    } catch (...) {
      remove_files();  // a workbook that cannot be read leaves no temporary behind
      throw;
    }
  }
  ~ConvertedWorkbook() { remove_files(); }
  ConvertedWorkbook(const ConvertedWorkbook&) = delete;
  ConvertedWorkbook& operator=(const ConvertedWorkbook&) = delete;
  const std::string& path() const { return path_; }
  const std::string& types_path() const { return types_path_; }

 private:
  void convert(const std::string& workbook, const std::string& sheet, bool keep_types) {
    path_ = temporary_file("the workbook's rows");
    if (keep_types) types_path_ = temporary_file("the workbook's cell types");
    std::ofstream csv(path_, std::ios::binary | std::ios::trunc);
    std::ofstream types;
    if (keep_types) types.open(types_path_, std::ios::binary | std::ios::trunc);
    std::function<void(std::string_view)> write_types;
    if (keep_types)
      write_types = [&](std::string_view line) { types.write(line.data(), static_cast<std::streamsize>(line.size())); };
    std::optional<MergedHeader> merged;
    xlsx_to_csv(
        workbook, sheet,
        [&](std::string_view piece) { csv.write(piece.data(), static_cast<std::streamsize>(piece.size())); }, {},
        write_types, &merged);
    csv.close();
    if (!csv) throw IoError("cannot write the workbook's rows to " + path_ + " (disk full?)");
    if (merged) replace_header(*merged);
    if (keep_types) {
      types.close();
      if (!types) throw IoError("cannot write the workbook's cell types to " + types_path_ + " (disk full?)");
    }
  }

  void remove_files() noexcept {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
    if (!types_path_.empty()) std::filesystem::remove(types_path_, ignored);
  }

  // Merged header cells are known only after the rows (see xlsx_reader.hpp):
  // the header record is replaced by copying the rows after it once.
  void replace_header(const MergedHeader& merged) {
    const std::string fixed = temporary_file("the workbook's rows");
    {
      std::ifstream in(path_, std::ios::binary);
      std::ofstream out(fixed, std::ios::binary | std::ios::trunc);
      out << merged.record;
      in.seekg(static_cast<std::streamoff>(merged.replaces));
      std::vector<char> buffer(1 << 16);
      while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        out.write(buffer.data(), in.gcount());
      out.close();
      if (!out) {
        std::error_code ignored;
        std::filesystem::remove(fixed, ignored);
        throw IoError("cannot write the workbook's rows to " + fixed + " (disk full?)");
      }
    }
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    path_ = fixed;
  }

  std::string path_;
  std::string types_path_;
};

// --format, or else the output name's extension: .xlsx, .jsonl, otherwise CSV.
std::string output_format(const BatchOptions& options) {
  if (!options.format.empty()) return lower_ascii(options.format);
  const std::string name = lower_ascii(options.output);
  if (name.ends_with(".xlsx")) return "xlsx";
  if (name.ends_with(".jsonl")) return "jsonl";
  return "csv";
}

}  // namespace

int run_batch_on(const BatchOptions& given, const icp::Classifier& classifier, Lang lang, std::istream& in,
                 std::ostream& out, std::ostream& err, bool handle_signals) {
  // A workbook is read as the CSV of its sheet; messages still name the workbook.
  std::optional<ConvertedWorkbook> workbook;
  BatchOptions options = given;
  const std::string input_format = lower_ascii(given.input_format);
  if (!input_format.empty() && input_format != "csv" && input_format != "xlsx")
    throw UsageError("invalid value '" + for_message(given.input_format) +
                     "' for --input-format (expected csv or xlsx)");
  if (input_format == "xlsx" && given.input == "-")
    throw UsageError("--input-format xlsx: a workbook cannot be read from standard input; give its file name");
  const std::string format = output_format(given);
  const bool xlsx = format == "xlsx";
  // A workbook is a zip written by name and renamed into place: not a stream.
  if (xlsx && given.output == "-")
    throw UsageError(
        "--format xlsx writes a workbook file, not standard output: give -o NAME.xlsx (or --format csv for "
        "standard output)");
  if (is_workbook(given.input, input_format)) {
    std::error_code ec;
    if (given.output != "-" && std::filesystem::equivalent(given.input, given.output, ec))
      throw UsageError("the output " + for_message(given.output) + " is the input workbook: choose another -o");
    workbook.emplace(given.input, given.sheet, xlsx);
    options.input = workbook->path();
    options.input_name = given.input;
    options.encoding = "utf-8";
    options.delimiter = ",";
  } else if (!given.sheet.empty()) {
    throw UsageError("--sheet is for .xlsx workbooks; " + for_message(given.input) + " is not one");
  }
  const std::string shown = options.input_name.empty() ? options.input : options.input_name;
  const auto start = std::chrono::steady_clock::now();
  RowSettings settings;
  settings.lang = lang;
  // A workbook's rows are the CSV records, split again into cells (xlsx_output).
  if (format == "csv" || xlsx)
    settings.format = OutputFormat::csv;
  else if (format == "jsonl")
    settings.format = OutputFormat::jsonl;
  else
    throw UsageError("invalid value '" + for_message(options.format) +
                     "' for --format in batch (expected csv, jsonl or xlsx)");
  const auto encoding = parse_encoding(options.encoding);
  if (!encoding)
    throw UsageError("invalid value '" + for_message(options.encoding) +
                     "' for --encoding (expected auto, utf-8 or gb18030)");
  const char delimiter = parse_delimiter(options);
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  std::optional<InterruptGuard> guard;
  if (handle_signals) guard.emplace();
  Input input(options.input, in);
  // The output is checked (not the input, not read-only, can be created) before any work.
  OutputPolicy policy;
  policy.force = options.force;
  policy.input = input.identity();
  policy.input_name = options.input == "-" ? "standard input" : shown;
  policy.notes = &err;
  Output output(options.output, out, policy);
  if (xlsx && !output.atomic())
    throw UsageError("--format xlsx writes a workbook file: " + for_message(options.output) +
                     " is not a regular file (a pipe, a device or a descriptor link); give -o NAME.xlsx");
  CsvReader reader(input.reader(), CsvReader::kDefaultMaxRecordBytes, delimiter);

  // A workbook, UTF-16 or binary data is not read as rows: say what it is.
  if (const auto reason = not_csv(reader.peek(64 << 10)))
    throw InputError((options.input == "-" ? std::string("standard input") : for_message(shown)) + ": " + *reason);
  // Encoding: a BOM, the user's word, or a guess from the first 64 KB.
  const bool bom = reader.skip_utf8_bom();
  settings.encoding = *encoding;
  if (settings.encoding == Encoding::automatic) {
    settings.encoding = bom ? Encoding::utf8 : detect_encoding(reader.peek(64 << 10));
    // The guess reads 64 KiB; each later record that is not UTF-8 is tried as GB18030.
    settings.gb18030_fallback = !bom && settings.encoding == Encoding::utf8;
  }
  if (delimiter == '|') {
    if (settings.encoding == Encoding::gb18030)
      throw UsageError(
          "--delimiter '|' cannot split GB18030 input: the byte | can be part of a Chinese character "
          "there; use , ; or tab");
    settings.gb18030_fallback = false;  // records split on | are not GB18030
  }

  settings.meta = {icp::version(), classifier.lexicon_hash()};

  // The header (or, without one, the first record: it sets the width).
  RecordBatch first;
  std::vector<std::string> header;
  bool have_first = false;
  std::optional<CsvError> early_error;
  try {
    have_first = reader.next(first);
  } catch (const CsvError& e) {
    early_error = e;
  }
  if (have_first) {
    Decoder decoder(settings.encoding);
    std::string decoded;
    std::size_t bad = 0;
    for (auto f : first.fields(first.rows[0])) {
      decoder.decode(f, decoded, bad);
      header.push_back(decoded);
    }
    settings.width = header.size();
  }
  const bool has_header = !options.no_header && have_first;
  resolve_columns(options, header, has_header, settings);
  settings.facts = options.facts;
  if (has_header) settings.fact_columns = fact_columns(header, settings.columns);
  settings.header_records = has_header ? 1 : 0;

  std::string preamble;
  // The BOM tells Excel a CSV is UTF-8; JSON lines and workbooks never start with one.
  if (options.excel && settings.format == OutputFormat::csv && !xlsx) preamble = "\xEF\xBB\xBF";
  if (has_header && settings.format == OutputFormat::csv) {
    settings.replaced = earlier_answers(header);
    preamble += csv_header(header, settings.replaced);
  }
  // A workbook is written by libxlsxwriter to Output's temporary, which
  // Output then renames (or keeps as NAME.partial, or removes) as for CSV.
  std::optional<XlsxWriter> book;
  std::optional<XlsxOutput> book_rows;
  RecordSink sink = [&output](std::string_view records) { output.write(records); };
  if (xlsx) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < settings.width; ++i) kept += i >= settings.replaced.size() || !settings.replaced[i];
    book.emplace(output.temp_path(), for_message(options.output), lang, XlsxLayout{kept, has_header});
    book_rows.emplace(*book, settings.width, settings.replaced, workbook ? workbook->types_path() : std::string());
    sink = [&book_rows](std::string_view records) { book_rows->write(records); };
  }
  auto close_book = [&](const RunResult& r) {
    if (!book) return;
    XlsxAbout about;
    about.version = settings.meta.version;
    about.lexicon_hash = settings.meta.lexicon_hash;
    about.as_of = classifier.as_of();
    about.input = options.input == "-" ? "standard input" : to_valid_utf8(shown);
    about.lang = lang;
    about.rows = r.stats.rows;
    about.decisions = r.stats.decisions;
    about.errors = r.stats.errors;
    about.empty = r.stats.empty;
    book->close(about);
  };
  if (!preamble.empty()) sink(preamble);
  if (has_header) first.clear();

  const bool tty = &err == &std::cerr && ::isatty(STDERR_FILENO);
  Progress progress(err, tty && !options.quiet, input.size());
  RunResult result;
  if (early_error) {
    result.malformed = early_error;
  } else if (have_first) {
    result = run_batches(reader, std::move(first), settings, classifier, sink, progress, jobs);
  }
  progress.finish();
  if (result.interrupted || interrupted()) {
    const bool atomic = output.atomic();
    output.abandon();
    err << "icp-classify batch: interrupted (signal " << interrupt_signal() << ") after " << result.stats.rows
        << " rows" << (atomic ? "; " + for_message(options.output) + " was left as it was" : std::string()) << '\n';
    return kInterrupted;
  }
  // A malformed file: every row before it is written — to NAME.partial when
  // the output is a file, which is left as it was — then exit 2.
  if (result.malformed) {
    close_book(result);
    const std::string partial = output.keep_partial();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet) err << summary_line(result, seconds);
    throw InputError(for_message(shown) + ": " + result.malformed->what() + "; the " +
                     std::to_string(result.stats.rows) + " rows before it were written" +
                     (partial.empty() ? std::string()
                                      : " to " + for_message(partial) + " and " + for_message(options.output) +
                                            " was left as it was"));
  }
  close_book(result);
  output.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) err << summary_line(result, seconds) << encoding_hint(result.stats);
  return result.stats.errors ? kRowErrors : kOk;
}

}  // namespace icp::cli
