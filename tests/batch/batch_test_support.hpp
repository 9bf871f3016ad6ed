// Helpers for the batch tests: run the real binary, temporary folders, read
// CSV back with the command's own reader.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "batch/csv_reader.hpp"

namespace batch_test {
namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void spit(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "icp-batch-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Runs `sh -c "BINARY ARGS"` with stdout and stderr captured in files of `dir`.
inline Result run_binary(const TempDir& dir, const std::string& args) {
  const std::string out = dir.file("stdout"), err = dir.file("stderr");
  const std::string command = std::string("'") + ICP_CLI_BINARY + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(command.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

inline std::vector<std::vector<std::string>> parse_csv(const std::string& bytes) {
  icp::cli::batch::CsvReader reader(icp::cli::batch::read_from(bytes));
  icp::cli::batch::RecordBatch batch;
  std::vector<std::vector<std::string>> records;
  while (reader.next(batch)) {
    std::vector<std::string> fields;
    for (auto f : batch.fields(batch.rows.back())) fields.emplace_back(f);
    records.push_back(std::move(fields));
  }
  return records;
}

}  // namespace batch_test
