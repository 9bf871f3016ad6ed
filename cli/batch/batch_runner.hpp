// The batch pipeline: the calling thread reads records into batches, N worker
// threads classify and format them, and the calling thread writes the results
// in input order. At most `jobs + 2` batches are in flight (each about
// kBatchBytes of input), so memory does not grow with the input.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "batch/csv_reader.hpp"
#include "batch/progress.hpp"
#include "batch/row_format.hpp"

namespace icp::cli::batch {

inline constexpr std::size_t kBatchRows = 256;
inline constexpr std::size_t kBatchBytes = 256u << 10;

struct RunResult {
  Stats stats;
  bool interrupted = false;
  std::optional<CsvError> malformed;  // the input stopped here; every earlier row was written
};

// Where the formatted records go, in input order: the Output (CSV, JSON
// lines) or the workbook's rows (xlsx_output).
using RecordSink = std::function<void(std::string_view records)>;

// `first` holds records already read (with --no-header, the first one).
RunResult run_batches(CsvReader& reader, RecordBatch first, const RowSettings& settings,
                      const icp::Classifier& classifier, const RecordSink& output, Progress& progress, unsigned jobs);

}  // namespace icp::cli::batch
