// Help like the tools people like (issue 13 item 5): Chinese under --lang zh
// or a zh_* locale, -h short and --help long with examples, and a
// did-you-mean for a mistyped command.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "cli_test_support.hpp"

using cli_test::run_cli;

namespace {

// Sets the locale variables for one test and restores them after.
class Locale {
 public:
  explicit Locale(const char* lang) {
    for (const char* name : kNames) {
      const char* v = std::getenv(name);
      saved_[index(name)] = v ? std::optional<std::string>(v) : std::nullopt;
      unsetenv(name);
    }
    if (lang) setenv("LANG", lang, 1);
  }
  ~Locale() {
    for (const char* name : kNames) {
      if (saved_[index(name)])
        setenv(name, saved_[index(name)]->c_str(), 1);
      else
        unsetenv(name);
    }
  }

 private:
  static constexpr const char* kNames[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  static std::size_t index(const char* name) {
    for (std::size_t i = 0; i < 3; ++i)
      if (std::string(kNames[i]) == name) return i;
    return 0;
  }
  std::optional<std::string> saved_[3];
};

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("help: the locale picks the language; --lang overrides it") {
  {
    const Locale zh("zh_CN.UTF-8");
    const auto r = run_cli({"--help"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "用法："));
    CHECK(has(r.out, "退出状态："));
    CHECK(has(r.out, "注册资本（registered_capital）"));
    CHECK(has(r.out, "示例："));
    CHECK(has(run_cli({"--help", "--lang", "en"}).out, "Usage:"));
  }
  {
    const Locale en("en_US.UTF-8");
    CHECK(has(run_cli({"--help"}).out, "Usage:"));
    CHECK(has(run_cli({"--help", "--lang", "zh-CN"}).out, "用法："));
  }
  {
    const Locale none(nullptr);
    CHECK(has(run_cli({"help"}).out, "Usage:"));
  }
}

TEST_CASE("help: -h is short, --help is long, both with examples") {
  const Locale en("C.UTF-8");
  const auto brief = run_cli({"-h"});
  const auto full = run_cli({"--help"});
  CHECK(brief.code == 0);
  CHECK(brief.out.size() * 2 < full.out.size());
  CHECK(has(brief.out, "Examples:"));
  CHECK(has(full.out, "Examples:"));
  CHECK(has(brief.out, "icp-classify --help"));
  CHECK(!has(brief.out, "Exit status:"));
  CHECK(has(full.out, "Exit status:"));
  const Locale zh("zh_TW.UTF-8");
  CHECK(has(run_cli({"-h"}).out, "完整帮助"));
}

TEST_CASE("help: a mistyped command gets its correction, not 'expected one TEXT'") {
  for (const char* typo : {"bach", "btach", "evl", "Batch"}) {
    const auto r = run_cli({typo, "clients.csv"});
    CHECK(r.code == 2);
    CHECK_MESSAGE(has(r.err, "did you mean '"), typo);
  }
  CHECK(has(run_cli({"bach", "x.csv"}).err, "did you mean 'batch'?"));
  CHECK(has(run_cli({"evl", "x.tsv"}).err, "did you mean 'eval'?"));
  // Two words of a description are still told to quote it.
  CHECK(has(run_cli({"论坛", "广告"}).err, "expected one TEXT argument"));
}

TEST_CASE("help: --completion bash lists every option and is valid bash") {
  const auto r = run_cli({"--completion", "bash"});
  REQUIRE(r.code == 0);
  for (const char* option : {"--summary", "--ask", "--save-facts", "--column", "--delimiter", "-o", "-h", "--help"})
    CHECK_MESSAGE(has(r.out, std::string(" ") + option + " "), option);
  CHECK(has(r.out, "complete -o default -F _icp_classify icp-classify"));
  CHECK(run_cli({"--completion", "zsh"}).code == 2);
  cli_test::TempDir dir;
  const std::string script = dir.write("completion.bash", r.out);
  CHECK(std::system(("bash -n '" + script + "'").c_str()) == 0);
}
