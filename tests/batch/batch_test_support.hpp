// Helpers for the batch tests: run the real binary, temporary folders, read
// CSV back with the command's own reader.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../cli/cli_test_support.hpp"
#include "batch/csv_reader.hpp"

namespace batch_test {
namespace fs = std::filesystem;

// The binary, temporary folders and files: the CLI tests' helpers.
using cli_test::Result;
using cli_test::run_binary;
using cli_test::slurp;
using cli_test::TempDir;

inline void spit(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
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
