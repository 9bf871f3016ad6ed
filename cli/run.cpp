#include "run.hpp"

#include <exception>
#include <istream>
#include <ostream>
#include <string>

#include <boost/json/serialize.hpp>
#include <boost/program_options/errors.hpp>

#include "ask.hpp"
#include "batch/batch_command.hpp"
#include "errors.hpp"
#include "eval.hpp"
#include "facts_input.hpp"
#include "icp/classifier.hpp"
#include "icp/errors.hpp"
#include "options.hpp"
#include "report_json.hpp"
#include "report_text.hpp"

namespace icp::cli {
namespace {

constexpr const char* kProgram = "icp-classify: ";

std::string read_all(std::istream& in) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw InputError("cannot read standard input");
  return text;
}

ReportMeta meta_of(const icp::Classifier& classifier) {
  return {icp::version(), classifier.lexicon_hash()};
}

int classify(const CommandLine& cmd, std::istream& in, std::ostream& out) {
  if (cmd.ask && !cmd.text)
    throw UsageError("--ask reads answers from standard input: give the description as the TEXT argument");
  const std::string text = cmd.text ? *cmd.text : read_all(in);
  if (is_blank(text)) throw InputError("no text to classify: the description is empty or only whitespace");
  icp::Facts facts = read_facts(cmd.facts, cmd.facts_file);
  const icp::Classifier classifier(cmd.classifier);
  const icp::Decision decision =
      cmd.ask ? ask(classifier, text, facts, cmd.lang, in, out) : classifier.classify(text, facts);
  if (cmd.format == Format::json)
    out << boost::json::serialize(decision_json(decision, cmd.lang, meta_of(classifier))) << '\n';
  else
    render_text(out, decision, cmd.lang);
  return kOk;
}

int evaluate_file(const CommandLine& cmd, std::ostream& out) {
  const std::vector<Case> cases = read_cases_file(cmd.cases_file);
  const icp::Classifier classifier(cmd.classifier);
  std::vector<Labels> predicted;
  predicted.reserve(cases.size());
  for (const auto& c : cases) predicted.push_back(labels_of(classifier.classify(c.text)));
  const Metrics metrics = evaluate(cases, predicted);
  if (cmd.format == Format::json) {
    auto object = metrics_json(metrics);
    object["cases_file"] = to_valid_utf8(cmd.cases_file);
    object["version"] = icp::version();
    object["lexicon_hash"] = classifier.lexicon_hash();
    out << boost::json::serialize(object) << '\n';
  } else {
    print_metrics(out, metrics, cmd.cases_file);
  }
  return kOk;
}

int dispatch(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  const CommandLine cmd = parse_command_line(argc, argv);
  switch (cmd.mode) {
    case Mode::help:
      out << help_text();
      return kOk;
    case Mode::version: {
      const icp::Classifier classifier(cmd.classifier);
      out << "icp-classify " << icp::version() << '\n'
          << "lexicon " << classifier.lexicon_hash() << " (" << classifier.phrase_count() << " phrases)\n";
      return kOk;
    }
    case Mode::batch: {
      BatchOptions batch = cmd.batch;
      batch.facts = read_facts(cmd.facts, cmd.facts_file);
      return run_batch(batch, cmd.classifier, cmd.lang, in, out, err);
    }
    case Mode::eval:
      return evaluate_file(cmd, out);
    case Mode::classify:
      return classify(cmd, in, out);
  }
  return kInternal;
}

// The one place where failures become exit statuses (documented in --help).
int exit_status(std::exception_ptr failure, std::ostream& err) {
  try {
    std::rethrow_exception(failure);
  } catch (const UsageError& e) {
    err << kProgram << e.what() << "\n(see --help)\n";
    return kUsage;
  } catch (const boost::program_options::error& e) {
    err << kProgram << e.what() << "\n(see --help)\n";
    return kUsage;
  } catch (const icp::FactError& e) {
    err << kProgram << "fact error: " << e.what() << '\n';
    return kUsage;
  } catch (const icp::LexiconError& e) {
    err << kProgram << "lexicon error: " << e.what() << '\n';
    return kUsage;
  } catch (const InputError& e) {
    err << kProgram << e.what() << '\n';
    return kUsage;
  } catch (const NotImplementedError& e) {
    err << kProgram << e.what() << '\n';
    return kUsage;
  } catch (const std::exception& e) {
    err << kProgram << "internal error: " << e.what() << '\n';
    return kInternal;
  } catch (...) {
    err << kProgram << "internal error: unknown exception\n";
    return kInternal;
  }
}

}  // namespace

int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    const int status = dispatch(argc, argv, in, out, err);
    out.flush();
    if (!out) throw std::runtime_error("cannot write the output");
    return status;
  } catch (...) {
    return exit_status(std::current_exception(), err);
  }
}

}  // namespace icp::cli
