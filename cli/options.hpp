// The command line, parsed: what to do and with which settings.
// Boost.program_options stays inside options.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/batch_command.hpp"
#include "icp/classifier.hpp"
#include "serve/server.hpp"
#include "text_util.hpp"

namespace icp::cli {

enum class Mode {
  classify,  // icp-classify [OPTIONS] ["TEXT"]   (standard input when no TEXT)
  eval,      // icp-classify eval CASES.tsv [OPTIONS]
  batch,     // icp-classify batch INPUT [-o OUTPUT] [OPTIONS]
  help,
  version,
  completion,  // --completion bash
  serve,       // icp-classify serve [--listen HOST:PORT] [--jobs N]
  rules,       // icp-classify rules [--as-of DATE] [--format json]: the rule table
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
  serve::ServeOptions serve;        // serve
  Lang help_lang = Lang::en;        // --lang if given, else the locale
  bool help_full = true;            // --help (true) or -h (false)
};

// Throws UsageError (or a boost::program_options::error) when the command
// line is wrong.
CommandLine parse_command_line(int argc, char** argv);

// The help: full (--help, `icp-classify help`: usage, every option, the facts,
// every exit status, examples) or short (-h), in Chinese or English.
std::string help_text(Lang lang = Lang::en, bool full = true);

// --completion bash: a completion script built from the option tables.
std::string completion_script();

}  // namespace icp::cli
