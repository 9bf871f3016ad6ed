// Helpers for the CLI tests: calling run() with string streams, running the
// real binary, temporary folders, checking the JSON report's shape.
#pragma once

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "run.hpp"

namespace cli_test {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

// run() in-process: args exclude the program name.
inline Result run_cli(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), "icp-classify");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::istringstream in(input);
  std::ostringstream out, err;
  Result r;
  r.code = icp::cli::run(static_cast<int>(args.size()), argv.data(), in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A fresh folder under the system's temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "icp-cli-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(file(name), std::ios::binary) << bytes;
    return file(name);
  }

 private:
  std::filesystem::path path_;
};

// Waits up to `limit` for child `pid` to exit, calling `meanwhile` between
// checks (to drain its output, so that it never blocks on a full pipe). A
// child still running then is killed: -1. Otherwise its exit status, or
// 128 + the signal that ended it.
template <class Meanwhile>
int wait_for_exit(pid_t pid, std::chrono::seconds limit, Meanwhile meanwhile) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      return -1;
    }
    meanwhile();
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string quote(const std::string& s) {  // for /bin/sh
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs the real binary through /bin/sh: `shell_args` is pasted after the
// binary's path as is; standard input comes from `stdin_file` (or /dev/null).
inline Result run_binary(const TempDir& dir, const std::string& shell_args, const std::string& stdin_file = "") {
  const std::string out = dir.file("stdout"), err = dir.file("stderr");
  const std::string command = quote(ICP_CLI_BINARY) + " " + shell_args + " < " +
                              quote(stdin_file.empty() ? "/dev/null" : stdin_file) + " > " + quote(out) + " 2> " +
                              quote(err);
  const int status = std::system(command.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// The first signal id of the built-in lexicon's signals.tsv, for user phrases.
inline std::string some_signal() {
  std::istringstream lines(slurp(ICP_SOURCE_DIR "/data/lexicon/signals.tsv"));
  std::string line;
  while (std::getline(lines, line))
    if (!line.empty() && line[0] != '#') return line.substr(0, line.find('\t'));
  return "";
}

inline void check_spans(const boost::json::value& spans) {
  REQUIRE(spans.is_array());
  for (const auto& s : spans.as_array()) {
    REQUIRE(s.is_object());
    const auto& o = s.as_object();
    CHECK(o.at("begin").is_number());
    CHECK(o.at("end").is_number());
    CHECK(o.at("text").is_string());
    CHECK(o.at("signal").is_string());
    CHECK(o.at("negated").is_bool());
    CHECK(o.at("planned").is_bool());
  }
}

// Parses `text` (boost::json rejects invalid UTF-8) and checks every key of
// the decision report and its type — not the classification itself.
inline boost::json::object check_report_json(const std::string& text) {
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  REQUIRE_MESSAGE(!ec, "not JSON: " << ec.message());
  REQUIRE(v.is_object());
  const auto& o = v.as_object();
  REQUIRE(o.contains("decision"));
  const std::string decision(o.at("decision").as_string());
  CHECK((decision == "license" || decision == "filing" || decision == "neither"));
  REQUIRE(o.at("categories").is_array());
  for (const auto& c : o.at("categories").as_array()) {
    REQUIRE(c.is_int64());
    CHECK(c.as_int64() >= 1);
    CHECK(c.as_int64() <= 5);
  }
  CHECK(o.at("news_permit").is_bool());
  REQUIRE(o.at("preapprovals").is_array());
  for (const auto& p : o.at("preapprovals").as_array()) CHECK(p.is_string());
  REQUIRE(o.at("preapproval_details").is_array());
  for (const auto& p : o.at("preapproval_details").as_array()) {
    CHECK(p.at("sector").is_string());
    CHECK(p.at("still_required").is_bool());
    CHECK(p.at("standing").is_string());
  }
  CHECK(o.at("foreign_investment").is_bool());
  CHECK(o.at("planned").is_bool());
  REQUIRE(o.at("confidence").is_number());
  CHECK(o.at("confidence").to_number<double>() >= 0.0);
  CHECK(o.at("confidence").to_number<double>() <= 1.0);
  check_spans(o.at("evidence"));
  REQUIRE(o.at("trace").is_array());
  for (const auto& t : o.at("trace").as_array()) {
    CHECK(t.at("step").is_int64());
    CHECK(t.at("rule").is_string());
    CHECK(t.at("basis").is_string());
    CHECK(t.at("citation").is_string());
    CHECK(t.at("reason").is_string());
    check_spans(t.at("evidence"));
  }
  REQUIRE(o.at("missing_facts").is_array());
  for (const auto& m : o.at("missing_facts").as_array()) {
    CHECK(m.at("id").is_string());
    CHECK(m.at("question").is_string());
  }
  REQUIRE(o.at("notes").is_array());
  for (const auto& n : o.at("notes").as_array()) {
    CHECK(n.at("id").is_string());
    CHECK(n.at("text").is_string());
  }
  REQUIRE(o.at("held_permits").is_array());
  for (const auto& p : o.at("held_permits").as_array()) {
    CHECK(p.at("kind").is_string());
    CHECK(p.at("number").is_string());
    if (p.as_object().contains("commercial")) CHECK(p.at("commercial").is_bool());
    check_spans(boost::json::array{p.at("evidence")});
  }
  CHECK(o.at("version").is_string());
  CHECK(o.at("lexicon_hash").is_string());
  return o;
}

}  // namespace cli_test
