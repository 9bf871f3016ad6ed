// libFuzzer target: the batch's .xlsx reader (cli/batch/xlsx_reader.cpp) on
// arbitrary files. It must not crash, hang or run out of memory: a file it
// cannot read is an InputError, nothing else. The limits are small here so
// that a bomb is refused at once.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "batch/xlsx_reader.hpp"
#include "errors.hpp"

namespace {
// The one file each input is written to (the reader opens workbooks by
// path), removed when the fuzzer exits.
struct InputFile {
  std::string path = "/tmp/icp-fuzz-xlsx-" + std::to_string(::getpid()) + ".xlsx";
  ~InputFile() { std::remove(path.c_str()); }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const InputFile file;
  const std::string& path = file.path;
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  icp::cli::batch::XlsxLimits limits;
  limits.max_entry_bytes = 8 << 20;
  limits.max_ratio = 100;
  std::size_t bytes = 0, type_lines = 0;
  std::optional<icp::cli::batch::MergedHeader> merged;  // the merged header cells' path too
  try {
    icp::cli::batch::xlsx_to_csv(
        path, "", [&](std::string_view piece) { bytes += piece.size(); }, limits,
        [&](std::string_view line) { type_lines += line.size(); }, &merged);
    if (merged && merged->replaces > bytes) __builtin_trap();  // it replaces the first record, which was written
    if (type_lines > bytes) __builtin_trap();                  // a type line is never longer than its record
  } catch (const icp::cli::InputError&) {
    // an unreadable workbook: the expected answer to most inputs
  }
  return 0;
}
