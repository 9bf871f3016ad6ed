#include "options.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string_view>
#include <system_error>
#include <vector>

#include <boost/program_options.hpp>

#include "did_you_mean.hpp"
#include "errors.hpp"
#include "help_zh.hpp"
#include "text_util.hpp"

namespace icp::cli {
namespace po = boost::program_options;
namespace {

po::options_description visible_options() {
  po::options_description options("Options", 100);
  options.add_options()                                                                     //
      ("lang", po::value<std::string>()->default_value("zh")->value_name("zh|en"),          //
       "language of the report (and of reasons in JSON)")                                   //
      ("format", po::value<std::string>()->default_value("text")->value_name("text|json"),  //
       "human report, or one JSON object (for eval: the metrics); batch: csv|jsonl|xlsx "
       "(default: by the output's extension)")                                       //
      ("lexicon", po::value<std::string>()->value_name("DIR"),                       //
       "lexicon folder (signals.tsv and phrases/*.tsv) replacing the built-in one")  //
      ("user-lexicon", po::value<std::vector<std::string>>()->composing()->value_name("FILE"),
       "extra phrase file on top of the lexicon (repeatable)")  //
      ("as-of", po::value<std::string>()->value_name("YYYY-MM-DD"),
       "apply the rules in force on this date (default: today), e.g. 2019-06-01 for a client who launched "
       "then; `icp-classify rules` lists them with their dates")  //
      ("fact", po::value<std::vector<std::string>>()->composing()->value_name("NAME=VALUE"),
       "a company fact (repeatable), e.g. registered_capital=500万, charges_users=否, province=浙江; "
       "names and accepted forms: --help")  //
      ("facts", po::value<std::string>()->value_name("FILE"),
       "a JSON object of facts, e.g. {\"registered_capital\": \"500万\", \"charges_users\": false}")  //
      ("text", po::value<std::string>()->value_name("TEXT"),
       "the description, taken as it is even when it names a file or a command (batch, eval, help, -)")  //
      ("ask",
       "ask the missing facts one at a time and re-decide after each answer (answers from the terminal "
       "or standard input; the description must be the TEXT argument)")  //
      ("save-facts", po::value<std::string>()->value_name("FILE"),
       "with --ask: write the facts given and answered as a JSON file that --facts reads back (also on Ctrl-C)")  //
      ("summary,s",
       "five to eight lines to paste into a chat: the decision and why, what to obtain first, whether the client "
       "can apply, what to prepare, what to ask (with --format json: the keys summary and questions)")            //
      ("verbose,v", "the report also shows each step's rule id, pipeline step and basis (as the JSON has them)")  //
      ("version,V", "print the version and the lexicon's hash and size")                                          //
      ("help", "print this help (in Chinese under --lang zh or a zh_* locale)")                                   //
      ("listen", po::value<std::string>()->value_name("HOST:PORT"),
       "serve: the address to listen on (default 127.0.0.1:8080, loopback only; 0.0.0.0:PORT opens it to the "
       "network, with no authentication: see the README)")  //
      ("max-connections", po::value<unsigned>()->value_name("N"),
       "serve: connections open at once (default 512); one more is answered 503 and closed")  //
      ("short-help,h", "print the short help: usage, common options, examples")               //
      ("completion", po::value<std::string>()->value_name("bash"),
       "print a bash completion script (source it, or install it as "
       "share/bash-completion/completions/icp-classify)");
  return options;
}

po::options_description batch_options() {
  po::options_description options("Batch options (icp-classify batch INPUT ...)", 100);
  options.add_options()                                                               //
      ("output,o", po::value<std::string>()->default_value("-")->value_name("FILE"),  //
       "where to write (default -: standard output); a regular file is written to a temporary "
       "file beside it (beside a symbolic link's target) and renamed over it when complete, keeping its "
       "permissions; pipes, devices, /dev/stdout and /proc/self/fd/N are written in place; the input "
       "itself is refused")                                             //
      ("force", "replace an output file you cannot write (read-only)")  //
      ("column,c", po::value<std::vector<std::string>>()->composing()->value_name("NAME|N"),
       "the description column, by header name or 1-based index; repeat to join several columns "
       "(default: a column named description/text/简介/描述/经营范围…, the only column, or column 1 "
       "with --no-header)")                                                                  //
      ("no-header", "the first record is data, not a header (no header is written either)")  //
      ("input-format", po::value<std::string>()->value_name("csv|xlsx"),
       "read the input as CSV text or as an .xlsx workbook (default: by its name and first bytes)")  //
      ("sheet", po::value<std::string>()->value_name("NAME|N"),
       "the sheet of an .xlsx input, by name or 1-based number (default: the first)")  //
      ("delimiter,d", po::value<std::string>()->value_name("CHAR"),
       "the field separator: , ; | or tab (default: tab for a .tsv file, otherwise a comma); the output "
       "is CSV")                                                                                       //
      ("encoding", po::value<std::string>()->default_value("auto")->value_name("auto|utf-8|gb18030"),  //
       "input encoding; auto: a UTF-8 BOM or valid UTF-8 means UTF-8, otherwise GB18030/GBK")          //
      ("excel", "start the output with a UTF-8 BOM so that Excel reads it right")                      //
      ("jobs,j", po::value<unsigned>()->value_name("N"),
       "worker threads (default: the number of cores; also serve)")  //
      ("quiet,q", "no progress line and no summary on standard error");
  return options;
}

// Option values as people type them: any case, and a language as a locale
// tag (zh-CN, zh_Hans, en-US).
Lang parse_lang(const std::string& value) {
  if (const auto lang = lang_from(value)) return *lang;
  throw UsageError("invalid value '" + for_message(value) + "' for --lang (expected zh or en)");
}

Format parse_format(const std::string& value) {
  const std::string v = lower_ascii(value);
  if (v == "text") return Format::text;
  if (v == "json") return Format::json;
  throw UsageError("invalid value '" + for_message(value) + "' for --format (expected text or json)");
}

// "; did you mean --lang?" for a mistyped option, when one is close enough.
std::string suggestion(const std::string& typed, const po::options_description& options) {
  std::string_view name = typed;
  while (name.starts_with('-')) name.remove_prefix(1);
  std::vector<std::string> names;
  for (const auto& option : options.options())
    if (!option->long_name().empty() && option->long_name() != "args") names.push_back(option->long_name());
  const std::string best = closest(name, names);
  return best.empty() ? "" : "; did you mean --" + best + "?";
}

// A lone argument that names an existing file, or has a data file's
// extension and no spaces or Chinese, was meant as a file: classifying the
// name would answer "neither" for a typo.
bool looks_like_file_name(const std::string& arg) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(arg, ec)) return true;
  if (arg.find_first_of(" \t\n") != std::string::npos) return false;
  if (std::any_of(arg.begin(), arg.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) return false;
  for (std::string_view ext : {".csv", ".tsv", ".txt", ".xlsx", ".xls", ".json", ".jsonl"})
    if (arg.size() > ext.size() && std::string_view(arg).ends_with(ext)) return true;
  return false;
}

Lang locale_lang() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string_view(value).starts_with("zh") ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

// "batch" for "bach": a mistyped command before its file, which would
// otherwise be "expected one TEXT argument, got 2".
std::string command_suggestion(const std::string& typed) {
  if (typed.empty() || typed.size() > 12 ||
      std::any_of(typed.begin(), typed.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80 || c == ' '; }))
    return {};
  const std::vector<std::string> commands = {"batch", "eval", "help", "rules", "serve"};
  return closest(lower_ascii(typed), commands);
}

}  // namespace

CommandLine parse_command_line(int argc, char** argv) {
  po::options_description all = visible_options();
  all.add(batch_options());
  all.add_options()("args", po::value<std::vector<std::string>>()->composing(), "");
  po::positional_options_description positional;
  positional.add("args", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  } catch (const po::unknown_option& e) {
    throw UsageError(std::string(e.what()) + suggestion(e.get_option_name(), all));
  }
  po::notify(vm);

  CommandLine cmd;
  cmd.lang = parse_lang(vm["lang"].as<std::string>());
  const std::string format = vm["format"].as<std::string>();
  if (vm.count("lexicon")) cmd.classifier.lexicon_dir = vm["lexicon"].as<std::string>();
  if (vm.count("user-lexicon")) cmd.classifier.user_lexicons = vm["user-lexicon"].as<std::vector<std::string>>();
  if (vm.count("as-of")) cmd.classifier.as_of = vm["as-of"].as<std::string>();
  if (vm.count("fact")) cmd.facts = vm["fact"].as<std::vector<std::string>>();
  if (vm.count("facts")) cmd.facts_file = vm["facts"].as<std::string>();
  cmd.ask = vm.count("ask") > 0;
  cmd.verbose = vm.count("verbose") > 0;
  cmd.summary = vm.count("summary") > 0;
  if (vm.count("save-facts")) cmd.save_facts = vm["save-facts"].as<std::string>();
  if (!cmd.save_facts.empty() && !cmd.ask) throw UsageError("--save-facts saves the answers of --ask: add --ask");

  // The help's language: --lang when given, otherwise the locale (LC_ALL,
  // LC_MESSAGES, LANG as POSIX orders them); English when none says zh.
  cmd.help_lang = vm["lang"].defaulted() ? locale_lang() : cmd.lang;
  if (vm.count("completion")) {
    if (lower_ascii(vm["completion"].as<std::string>()) != "bash")
      throw UsageError("--completion: only bash is supported");
    cmd.mode = Mode::completion;
    return cmd;
  }
  if (vm.count("help") || vm.count("short-help")) {
    cmd.mode = Mode::help;
    cmd.help_full = vm.count("help") > 0;
    return cmd;
  }
  if (vm.count("version")) {
    cmd.mode = Mode::version;
    return cmd;
  }

  std::vector<std::string> args;
  if (vm.count("args")) args = vm["args"].as<std::vector<std::string>>();
  // --text says which argument is the description: nothing else may be one.
  const bool text_option = vm.count("text") > 0;
  if (text_option && !args.empty())
    throw UsageError("--text and another argument ('" + for_message(args[0]) +
                     "'): give the description once, with --text or as TEXT");
  const bool batch = !text_option && !args.empty() && args[0] == "batch";
  const bool serve = !text_option && !args.empty() && args[0] == "serve";
  if (!serve && (vm.count("listen") || vm.count("max-connections")))
    throw UsageError(std::string("--") + (vm.count("listen") ? "listen" : "max-connections") +
                     " is for the serve command");
  if (serve) {
    if (args.size() != 1) throw UsageError("serve takes no arguments (its options: --listen, --jobs, --lexicon)");
    cmd.mode = Mode::serve;
    if (vm.count("listen")) serve::parse_listen(vm["listen"].as<std::string>(), cmd.serve);
    if (vm.count("max-connections")) {
      cmd.serve.max_connections = vm["max-connections"].as<unsigned>();
      if (cmd.serve.max_connections == 0) throw UsageError("--max-connections must be at least 1");
    }
    if (vm.count("jobs")) {
      cmd.serve.threads = vm["jobs"].as<unsigned>();
      if (cmd.serve.threads == 0 || cmd.serve.threads > 1024) throw UsageError("--jobs must be between 1 and 1024");
    }
    for (const char* option : {"column", "no-header", "excel", "quiet", "force", "delimiter", "ask", "summary", "text"})
      if (vm.count(option)) throw UsageError(std::string("--") + option + " is not for the serve command");
    return cmd;
  }
  if (!batch) {
    cmd.format = parse_format(format);
    for (const char* option :
         {"column", "no-header", "excel", "jobs", "quiet", "force", "delimiter", "sheet", "input-format"})
      if (vm.count(option)) throw UsageError(std::string("--") + option + " is for the batch command");
    if (!vm["output"].defaulted()) throw UsageError("--output is for the batch command");
    if (!vm["encoding"].defaulted()) throw UsageError("--encoding is for the batch command");
  }
  if (text_option) {
    cmd.text = vm["text"].as<std::string>();
  } else if (batch) {
    if (args.size() != 2) throw UsageError("batch takes exactly one INPUT file (- for standard input)");
    cmd.mode = Mode::batch;
    BatchOptions& b = cmd.batch;
    b.input = args[1];
    b.output = vm["output"].as<std::string>();
    if (vm.count("column")) b.columns = vm["column"].as<std::vector<std::string>>();
    b.no_header = vm.count("no-header") > 0;
    b.encoding = vm["encoding"].as<std::string>();
    if (vm.count("delimiter")) b.delimiter = vm["delimiter"].as<std::string>();
    if (vm.count("sheet")) b.sheet = vm["sheet"].as<std::string>();
    if (vm.count("input-format")) b.input_format = vm["input-format"].as<std::string>();
    b.format = vm["format"].defaulted() ? "" : lower_ascii(format);  // "": by the output's extension
    b.excel = vm.count("excel") > 0;
    if (vm.count("jobs")) {
      b.jobs = vm["jobs"].as<unsigned>();
      if (b.jobs == 0 || b.jobs > 1024) throw UsageError("--jobs must be between 1 and 1024");
    }
    b.quiet = vm.count("quiet") > 0;
    b.force = vm.count("force") > 0;
  } else if (!args.empty() && args[0] == "rules") {
    if (args.size() != 1) throw UsageError("rules takes no arguments (its options: --as-of, --format, --lang)");
    cmd.mode = Mode::rules;
  } else if (!args.empty() && args[0] == "eval") {
    if (args.size() != 2) throw UsageError("eval takes exactly one CASES.tsv file");
    cmd.mode = Mode::eval;
    cmd.cases_file = args[1];
  } else if (args.size() > 1 && !command_suggestion(args[0]).empty()) {
    throw UsageError("unknown command '" + for_message(args[0]) + "'; did you mean '" + command_suggestion(args[0]) +
                     "'?");
  } else if (args.size() > 1) {
    throw UsageError("expected one TEXT argument, got " + std::to_string(args.size()) +
                     " (quote the description, or pass it on standard input)");
  } else if (args.size() == 1 && args[0] == "help") {
    cmd.mode = Mode::help;  // "icp-classify help" is a request, not a description
    cmd.help_full = true;
  } else if (args.size() == 1 && args[0] != "-") {  // "-": standard input, as the batch command reads it
    if (looks_like_file_name(args[0]))
      throw UsageError("'" + args[0] +
                       "' is a file name, not a description: to classify every row of a file use "
                       "`icp-classify batch " +
                       args[0] + "`; to classify one description in a file use `icp-classify < " + args[0] +
                       "`; to classify these words themselves use `icp-classify --text " + args[0] + "`");
    cmd.text = args[0];
  }
  return cmd;
}

namespace {

std::string short_help_en() {
  return "icp-classify — does a business need a Chinese ICP licence, an ICP filing, or neither?\n"
         "\n"
         "Usage:\n"
         "  icp-classify [OPTIONS] \"TEXT\"            classify one description (usually Chinese)\n"
         "  icp-classify [OPTIONS] -                 read the description from standard input\n"
         "  icp-classify batch INPUT.csv [-o OUT]    classify every row of a CSV, TSV or .xlsx file\n"
         "  icp-classify eval CASES.tsv              score the classifier on labelled cases\n"
         "  icp-classify rules [--as-of DATE]        the rules, their citations and dates\n"
         "\n"
         "Common options:\n"
         "  -s, --summary        five to eight lines to forward: decision and why, what to obtain first,\n"
         "                       whether the client can apply, what to prepare, what to ask\n"
         "  --ask                ask the missing facts one by one (back, ?, skip, done)\n"
         "  --save-facts FILE    with --ask: keep the answers for --facts (also on Ctrl-C)\n"
         "  --fact NAME=VALUE    a company fact, e.g. registered_capital=500万 (repeatable)\n"
         "  --facts FILE         company facts from a JSON file\n"
         "  --lang zh|en         language of the report (default zh)\n"
         "  --format text|json   report or JSON (batch: csv|jsonl|xlsx)\n"
         "  -v, --verbose        the report with rule ids and bases\n"
         "  -V, --version        version and lexicon fingerprint\n"
         "\n" +
         help_examples_en() + "\nEvery option, the facts and the exit statuses: icp-classify --help\n";
}

// The facts --fact and --facts accept, with their aliases and forms.
std::string facts_help() {
  std::ostringstream out;
  out << "Company facts (--fact NAME=VALUE, --facts FILE; a Chinese alias works as NAME):\n";
  for (const auto& f : icp::fact_catalogue()) {
    out << "  " << f.name;
    if (!f.aliases.empty()) out << " (" << f.aliases.front() << ")";
    out << ": " << f.forms_en << "\n";
  }
  return out.str();
}

}  // namespace

// Generated from the option tables, so that it never lags behind them.
std::string completion_script() {
  std::string options;
  for (const po::options_description& table : {visible_options(), batch_options()})
    for (const auto& option : table.options()) {
      if (!option->long_name().empty()) options += " --" + option->long_name();
      const std::string shorter = option->canonical_display_name(po::command_line_style::allow_dash_for_short);
      if (shorter.size() == 2 && shorter[0] == '-') options += " " + shorter;
    }
  return "# bash completion for icp-classify (generated by icp-classify --completion bash)\n"
         "_icp_classify() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "  case $prev in\n"
         "    --lang) COMPREPLY=($(compgen -W 'zh en' -- \"$cur\")); return ;;\n"
         "    --format) COMPREPLY=($(compgen -W 'text json csv jsonl xlsx' -- \"$cur\")); return ;;\n"
         "    --input-format) COMPREPLY=($(compgen -W 'csv xlsx' -- \"$cur\")); return ;;\n"
         "    --encoding) COMPREPLY=($(compgen -W 'auto utf-8 gb18030' -- \"$cur\")); return ;;\n"
         "    --completion) COMPREPLY=($(compgen -W 'bash' -- \"$cur\")); return ;;\n"
         "    -o|--output|--facts|--save-facts|--user-lexicon) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
         "    --lexicon) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
         "    batch|eval) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
         "  esac\n"
         "  if [[ $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W '" +
         options.substr(1) +
         "' -- \"$cur\"))\n"
         "  elif [[ $COMP_CWORD == 1 ]]; then\n"
         "    COMPREPLY=($(compgen -W 'batch eval help rules serve' -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o default -F _icp_classify icp-classify\n";
}

std::string help_text(Lang lang, bool full) {
  if (lang == Lang::zh) return help_zh(full);
  if (!full) return short_help_en();
  std::ostringstream out;
  out << "icp-classify — does a business need a Chinese ICP licence, an ICP filing, or neither?\n"
         "\n"
         "Usage:\n"
         "  icp-classify [OPTIONS] \"TEXT\"        classify one description (usually Chinese)\n"
         "  icp-classify [OPTIONS] < FILE        the same, reading all of standard input\n"
         "  icp-classify eval CASES.tsv [OPTIONS]\n"
         "                                       score the classifier on a TSV of cases (columns id, text,\n"
         "                                       decision, categories, news_permit, preapprovals, foreign,\n"
         "                                       certain, note; found by header name)\n"
         "  icp-classify rules [--as-of YYYY-MM-DD] [--format json]\n"
         "                                       the rule table: each version of each rule with its step,\n"
         "                                       basis, citation, dates and reason, marked for the date\n"
         "  icp-classify serve [--listen HOST:PORT] [--jobs N]\n"
         "                                       the HTTP JSON API (POST /v1/classify, GET /v1/version,\n"
         "                                       /healthz, /v1/openapi.json) with one loaded classifier\n"
         "  icp-classify batch INPUT.csv [-o OUTPUT] [OPTIONS]\n"
         "                                       classify every row of a CSV file or .xlsx workbook (- for\n"
         "                                       standard input):\n"
         "                                       the input columns unchanged, then icp_decision,\n"
         "                                       icp_categories, icp_news_permit, icp_preapprovals,\n"
         "                                       icp_foreign_investment, icp_confidence, icp_reason,\n"
         "                                       icp_ready, icp_unmet, icp_summary, icp_questions,\n"
         "                                       icp_error; --format jsonl: one JSON object per row;\n"
         "                                       -o NAME.xlsx (or --format xlsx): an Excel workbook.\n"
         "                                       Rows with an empty, undecodable or oversized (over 1 MiB)\n"
         "                                       description come out with icp_error set.\n"
         "\n"
      << visible_options() << "\n"
      << batch_options() << "\n"
      << facts_help()
      << "\n"
         "Exit status:\n"
         "  0  answered (eval: the file was evaluated, whatever the accuracy)\n"
         "  1  batch only: some rows carry errors\n"
         "  2  usage error, empty or whitespace-only text (zero-width and control characters count as\n"
         "     whitespace), a description over 1 MiB, unknown fact or unreadable or out-of-range fact value,\n"
         "     unreadable or malformed lexicon\n"
         "     (--lexicon, --user-lexicon), cases file or batch input (unterminated quote); batch: the output\n"
         "     is the input, or a read-only output file without --force\n"
         "  3  internal error (a bug; please report it)\n"
         "  4  I/O error: the output (or a file) cannot be written or created — disk full, broken pipe,\n"
         "     closed standard output, permission denied, read-only file system, symbolic link loop, EIO\n"
         "  130  interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT): batch leaves an output file untouched; --ask\n"
         "       saves the answers so far with --save-facts\n"
         "Batch: an unterminated quote stops with exit 2 naming its line, after writing every row before it\n"
         "(to OUTPUT.partial when OUTPUT is a file, which is then left untouched).\n"
         "\n"
      << help_examples_en();
  return out.str();
}

}  // namespace icp::cli
