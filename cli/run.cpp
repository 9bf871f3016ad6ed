#include "run.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <istream>
#include <ostream>
#include <string>

#include <unistd.h>
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
#include "questions.hpp"
#include "report_json.hpp"
#include "report_text.hpp"
#include "rules_table.hpp"
#include "serve/api.hpp"
#include "serve/server.hpp"
#include "summary.hpp"
#include "text_util.hpp"

namespace icp::cli {
namespace {

constexpr const char* kProgram = "icp-classify: ";

std::string too_long(const std::string& size) {
  return "the description is " + size + ", over the limit of " + std::to_string(icp::kMaxTextBytes) +
         " bytes (1 MiB); for many descriptions use `icp-classify batch`";
}

// Standard input up to the size limit: a longer input stops the reading at
// limit + 1 bytes (bounded memory, and `yes | icp-classify` ends).
std::string read_all(std::istream& in) {
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= icp::kMaxTextBytes && (in.read(buffer, sizeof buffer) || in.gcount() > 0))
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw InputError("cannot read standard input");
  if (text.size() > icp::kMaxTextBytes)
    throw InputError(too_long("more than " + std::to_string(icp::kMaxTextBytes) + " bytes"));
  return text;
}

ReportMeta meta_of(const icp::Classifier& classifier) {
  return {icp::version(), classifier.lexicon_hash()};
}

// --save-facts: written beside the target and renamed over it, so that an
// earlier file is never replaced by a partial one.
void save_facts(const std::string& path, const std::string& json) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << json;
    file.close();
    if (!file) {
      std::filesystem::remove(temporary);
      throw IoError("cannot write the facts file " + for_message(path));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary);
    throw IoError("cannot write the facts file " + for_message(path) + ": " + ec.message());
  }
}

int classify(const CommandLine& cmd, std::istream& in, std::ostream& out, std::ostream& err) {
  if (cmd.ask && !cmd.text)
    throw UsageError("--ask reads answers from standard input: give the description as the TEXT argument");
  if (cmd.text && cmd.text->size() > icp::kMaxTextBytes)
    throw InputError(too_long(std::to_string(cmd.text->size()) + " bytes"));
  const std::string text = cmd.text ? *cmd.text : read_all(in);
  if (is_blank(text))
    throw InputError(
        "no text to classify: the description is empty or holds only whitespace, control or zero-width characters");
  icp::Facts facts = read_facts(cmd.facts, cmd.facts_file);
  const icp::Classifier classifier(cmd.classifier);
  icp::Decision decision;
  if (cmd.ask) {
    Interview interview = ask(classifier, text, facts, cmd.lang, in, err);
    if (!cmd.save_facts.empty()) {
      save_facts(cmd.save_facts, facts_json(interview.decision));
      err << pick(cmd.lang, "回答已保存到 ", "Answers saved to ") << for_message(cmd.save_facts)
          << pick(cmd.lang, "（下次用 --facts 读回）\n", " (read them back with --facts)\n");
    }
    if (interview.interrupted) {
      err << pick(cmd.lang, "已中断\n", "Interrupted\n");
      return kInterrupted;
    }
    decision = std::move(interview.decision);
  } else {
    decision = classifier.classify(text, facts);
  }
  if (cmd.format == Format::json) {
    out << decision_json_text(decision, cmd.lang, meta_of(classifier), cmd.summary) << '\n';
  } else if (cmd.summary) {
    out << summary_text(decision, cmd.lang);
  } else {
    render_text(out, decision, cmd.lang, cmd.verbose);
  }
  return kOk;
}

int evaluate_file(const CommandLine& cmd, std::ostream& out) {
  const std::vector<Case> cases = read_cases_file(cmd.cases_file);
  const icp::Classifier classifier(cmd.classifier);
  std::vector<Labels> predicted;
  predicted.reserve(cases.size());
  for (const auto& c : cases) {
    // A bad date or fact names its case.
    try {
      predicted.push_back(labels_of(classifier.classify(c.text, read_facts(c.facts, ""), c.as_of)));
    } catch (const icp::AsOfError& e) {
      throw InputError(cmd.cases_file + ":" + std::to_string(c.line) + ": as_of: " + e.what());
    } catch (const icp::FactError& e) {
      throw InputError(cmd.cases_file + ":" + std::to_string(c.line) + ": facts: " + e.what());
    }
  }
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
      out << help_text(cmd.help_lang, cmd.help_full);
      return kOk;
    case Mode::serve: {
      const icp::Classifier classifier(cmd.classifier);
      const serve::Api api(classifier, meta_of(classifier));
      return serve::serve(api, cmd.serve, err);
    }
    case Mode::completion:
      out << completion_script();
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
    case Mode::rules:
      return print_rules(cmd, out);
    case Mode::classify:
      // At a terminal, reading standard input would wait without a word.
      if (!cmd.text && !cmd.ask && &in == &std::cin && ::isatty(STDIN_FILENO))
        err << kProgram
            << "reading the description from the terminal: type or paste it, then press Ctrl-D "
               "(or give it as an argument; see --help)\n";
      return classify(cmd, in, out, err);
  }
  return kInternal;
}

// The one place where failures become exit statuses (documented in --help).
// Every message is bounded and has its control characters escaped, whatever
// input it quotes (bounded_message).
int exit_status(std::exception_ptr failure, std::ostream& err) {
  try {
    std::rethrow_exception(failure);
  } catch (const UsageError& e) {
    err << kProgram << bounded_message(e.what()) << "\n(see --help)\n";
    return kUsage;
  } catch (const boost::program_options::error& e) {
    err << kProgram << bounded_message(e.what()) << "\n(see --help)\n";
    return kUsage;
  } catch (const icp::FactError& e) {
    err << kProgram << "fact error: " << bounded_message(e.what()) << '\n';
    return kUsage;
  } catch (const icp::LexiconError& e) {
    err << kProgram << "lexicon error: " << bounded_message(e.what()) << '\n';
    return kUsage;
  } catch (const icp::AsOfError& e) {
    err << kProgram << "invalid value for --as-of: " << bounded_message(e.what()) << "\n(see --help)\n";
    return kUsage;
  } catch (const icp::TextTooLongError& e) {  // a case of `eval`, an answer of --ask
    err << kProgram << bounded_message(e.what()) << '\n';
    return kUsage;
  } catch (const InputError& e) {
    err << kProgram << bounded_message(e.what()) << '\n';
    return kUsage;
  } catch (const IoError& e) {
    err << kProgram << bounded_message(e.what()) << '\n';
    return kIo;
  } catch (const std::filesystem::filesystem_error& e) {
    err << kProgram << "cannot read " << for_message(e.path1().string()) << ": " << bounded_message(e.code().message())
        << '\n';
    return kIo;
  } catch (const std::exception& e) {
    err << kProgram << "internal error: " << bounded_message(e.what()) << '\n';
    return kInternal;
  } catch (...) {
    err << kProgram << "internal error: unknown exception\n";
    return kInternal;
  }
}

}  // namespace

namespace {

// The report's stream throws when a write fails, so that the operating
// system's reason (errno) is read right after the failing write(2).
class ThrowOnBadOutput {
 public:
  explicit ThrowOnBadOutput(std::ostream& out) : out_(out), old_(out.exceptions()) {
    if (!out.bad()) out.exceptions(std::ios::badbit);  // (run() checks a stream bad from the start)
  }
  ~ThrowOnBadOutput() { out_.exceptions(old_ & ~out_.rdstate()); }
  ThrowOnBadOutput(const ThrowOnBadOutput&) = delete;
  ThrowOnBadOutput& operator=(const ThrowOnBadOutput&) = delete;

 private:
  std::ostream& out_;
  std::ios::iostate old_;
};

IoError output_error(const std::ostream& out, int error) {
  // Only the process's standard output sets errno; a string stream does not.
  const bool real = &out == &std::cout && error != 0;
  return IoError(std::string("cannot write standard output") + (real ? ": " + std::string(std::strerror(error)) : ""));
}

}  // namespace

int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    try {
      const ThrowOnBadOutput guard(out);
      const int status = dispatch(argc, argv, in, out, err);
      errno = 0;
      out.flush();
      if (out.bad()) throw output_error(out, errno);
      return status;
    } catch (const std::ios_base::failure&) {
      const int error = errno;
      if (!out.bad()) throw;  // some other stream's failure
      throw output_error(out, error);
    }
  } catch (...) {
    return exit_status(std::current_exception(), err);
  }
}

}  // namespace icp::cli
