#include "options.hpp"

#include <sstream>
#include <vector>

#include <boost/program_options.hpp>

#include "errors.hpp"

namespace icp::cli {
namespace po = boost::program_options;
namespace {

po::options_description visible_options() {
  po::options_description options("Options", 100);
  options.add_options()                                                                     //
      ("lang", po::value<std::string>()->default_value("zh")->value_name("zh|en"),          //
       "language of the report (and of reasons in JSON)")                                   //
      ("format", po::value<std::string>()->default_value("text")->value_name("text|json"),  //
       "human report, or one JSON object (for eval: the metrics)")                          //
      ("lexicon", po::value<std::string>()->value_name("DIR"),                              //
       "lexicon folder (signals.tsv and phrases/*.tsv) replacing the built-in one")         //
      ("user-lexicon", po::value<std::vector<std::string>>()->composing()->value_name("FILE"),
       "extra phrase file on top of the lexicon (repeatable)")            //
      ("version,V", "print the version and the lexicon's hash and size")  //
      ("help,h", "print this help");
  return options;
}

Lang parse_lang(const std::string& value) {
  if (value == "zh") return Lang::zh;
  if (value == "en") return Lang::en;
  throw UsageError("invalid value '" + value + "' for --lang (expected zh or en)");
}

Format parse_format(const std::string& value) {
  if (value == "text") return Format::text;
  if (value == "json") return Format::json;
  throw UsageError("invalid value '" + value + "' for --format (expected text or json)");
}

}  // namespace

CommandLine parse_command_line(int argc, char** argv) {
  po::options_description all = visible_options();
  all.add_options()("args", po::value<std::vector<std::string>>()->composing(), "");
  po::positional_options_description positional;
  positional.add("args", -1);

  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  po::notify(vm);

  CommandLine cmd;
  cmd.lang = parse_lang(vm["lang"].as<std::string>());
  cmd.format = parse_format(vm["format"].as<std::string>());
  if (vm.count("lexicon")) cmd.classifier.lexicon_dir = vm["lexicon"].as<std::string>();
  if (vm.count("user-lexicon")) cmd.classifier.user_lexicons = vm["user-lexicon"].as<std::vector<std::string>>();

  if (vm.count("help")) {
    cmd.mode = Mode::help;
    return cmd;
  }
  if (vm.count("version")) {
    cmd.mode = Mode::version;
    return cmd;
  }

  std::vector<std::string> args;
  if (vm.count("args")) args = vm["args"].as<std::vector<std::string>>();
  if (!args.empty() && args[0] == "batch") {
    cmd.mode = Mode::batch;
  } else if (!args.empty() && args[0] == "eval") {
    if (args.size() != 2) throw UsageError("eval takes exactly one CASES.tsv file");
    cmd.mode = Mode::eval;
    cmd.cases_file = args[1];
  } else if (args.size() > 1) {
    throw UsageError("expected one TEXT argument, got " + std::to_string(args.size()) +
                     " (quote the description, or pass it on standard input)");
  } else if (args.size() == 1) {
    cmd.text = args[0];
  }
  return cmd;
}

std::string help_text() {
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
         "  icp-classify batch ...               reserved (not implemented yet)\n"
         "\n"
      << visible_options()
      << "\n"
         "Exit status:\n"
         "  0  answered (eval: the file was evaluated, whatever the accuracy)\n"
         "  1  batch only: some rows carry errors\n"
         "  2  usage error, empty or whitespace-only text, unreadable or malformed lexicon\n"
         "     (--lexicon, --user-lexicon) or cases file\n"
         "  3  internal error (a bug; please report it)\n";
  return out.str();
}

}  // namespace icp::cli
