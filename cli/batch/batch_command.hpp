// `icp-classify batch INPUT [-o OUTPUT]`: wires the command line to the
// reader, the encoding, the pipeline and the output (see --help, README).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "icp/facts.hpp"

#include "text_util.hpp"

namespace icp {
struct Options;
class Classifier;
}  // namespace icp

namespace icp::cli {

struct BatchOptions {
  std::string input;                 // "-": standard input
  std::string output = "-";          // "-": standard output
  std::vector<std::string> columns;  // names or 1-based indexes; empty: guess
  bool no_header = false;
  std::string encoding = "auto";  // auto | utf-8 | gb18030
  std::string delimiter;          // -d: "," ";" "|" "tab" or "\t"; empty: tab for a .tsv input, else ","
  std::string format = "csv";     // csv | jsonl | xlsx; "": by the output's extension (.xlsx, .jsonl, else csv)
  std::string input_format;       // --input-format csv | xlsx; "": by the input's name and first bytes
  bool excel = false;             // UTF-8 BOM first
  unsigned jobs = 0;              // 0: the number of cores
  bool quiet = false;
  bool force = false;      // --force: replace an output file the user cannot write
  icp::Facts facts;        // --fact / --facts: for every row; fact-named columns add to them per row
  std::string sheet;       // --sheet NAME|N: the sheet of an .xlsx input (default: the first)
  std::string input_name;  // how messages name the input, when `input` is a converted copy
};

// Returns the exit status (kOk, kRowErrors, kInterrupted); throws UsageError /
// InputError / IoError.
int run_batch(const BatchOptions& options, const icp::Options& classifier_options, Lang lang, std::istream& in,
              std::ostream& out, std::ostream& err);

// The same with a classifier already loaded (the server's). With
// handle_signals false no signal handler is installed: the caller stops a
// run with batch::request_stop() (interrupt.hpp).
int run_batch_on(const BatchOptions& options, const icp::Classifier& classifier, Lang lang, std::istream& in,
                 std::ostream& out, std::ostream& err, bool handle_signals);

}  // namespace icp::cli
