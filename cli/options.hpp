// The command line, parsed: what to do and with which settings.
// Boost.program_options stays inside options.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/batch_command.hpp"
#include "icp/classifier.hpp"
#include "text_util.hpp"

namespace icp::cli {

enum class Mode {
  classify,  // icp-classify [OPTIONS] ["TEXT"]   (standard input when no TEXT)
  eval,      // icp-classify eval CASES.tsv [OPTIONS]
  batch,     // icp-classify batch INPUT [-o OUTPUT] [OPTIONS]
  help,
  version,
};

enum class Format { text, json };

struct CommandLine {
  Mode mode = Mode::classify;
  Lang lang = Lang::zh;
  Format format = Format::text;
  icp::Options classifier;          // --lexicon, --user-lexicon
  std::optional<std::string> text;  // classify: the TEXT argument, if given
  std::string cases_file;           // eval
  std::vector<std::string> facts;   // --fact NAME=VALUE, in order
  std::string facts_file;           // --facts FILE
  bool ask = false;                 // --ask
  std::string save_facts;           // --save-facts FILE (with --ask)
  bool summary = false;             // --summary: the short report (and summary/questions in JSON)
  bool verbose = false;             // --verbose: rule ids and bases in the text report
  BatchOptions batch;               // batch
};

// Throws UsageError (or a boost::program_options::error) when the command
// line is wrong.
CommandLine parse_command_line(int argc, char** argv);

// The --help text: usage, every option, every exit status.
std::string help_text();

}  // namespace icp::cli
