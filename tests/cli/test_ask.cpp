// The interview (--ask, issue 13 item 4): prompts on standard error, the
// answer alone on standard output; progress, the echo of each answer, back,
// help, skip, review and --save-facts — piped, and through a pseudo-terminal
// for Ctrl-C.
#include <doctest/doctest.h>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <csignal>
#include <string>

#include "cli_test_support.hpp"

using namespace cli_test;

namespace {

// Written for these tests: a community that does not say who pays.
const char* kForum = "我们公司做一个摄影爱好者论坛，会员上传作品、互相点评。";

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The binary on a pseudo-terminal: send keys, read until a text appears.
class Terminal {
 public:
  explicit Terminal(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string binary = ICP_CLI_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Terminal() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }
  void send(const std::string& keys) {
    REQUIRE(write(master_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
  }
  // Reads until `text` has appeared (or 20 s pass); returns all output so far.
  bool wait_for(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!has(output_.substr(seen_), text)) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      pollfd p{master_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buffer[4096];
      const ssize_t n = read(master_, buffer, sizeof buffer);
      if (n <= 0) return has(output_.substr(seen_), text);
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    seen_ = output_.find(text, seen_) + text.size();
    return true;
  }
  // Waits up to 20 s for the exit, reading its output meanwhile (so that it
  // never blocks on a full terminal); a hung child is killed: -1.
  int exit_status() {
    waited_ = true;
    return wait_for_exit(pid_, std::chrono::seconds(20), [this] {
      pollfd p{master_, POLLIN, 0};
      if (poll(&p, 1, 50) > 0) {
        char buffer[4096];
        const ssize_t n = read(master_, buffer, sizeof buffer);
        if (n > 0) output_.append(buffer, static_cast<std::size_t>(n));
      }
    });
  }
  const std::string& output() const { return output_; }

 private:
  int master_ = -1;
  pid_t pid_ = -1;
  bool waited_ = false;
  std::string output_;
  std::size_t seen_ = 0;
};

}  // namespace

TEST_CASE("ask: --format json keeps standard output pure JSON; prompts and progress go to standard error") {
  const auto r = run_cli({"--ask", "--format", "json", kForum}, "否\n否\n");
  REQUIRE(r.code == 0);
  const auto o = boost::json::parse(r.out).as_object();  // throws if a prompt slipped in
  CHECK(o.at("decision") == "filing");
  CHECK(has(r.err, "第 1/"));
  CHECK(has(r.err, "第 2/"));
  CHECK(has(r.err, "是否向用户收费？"));
}

TEST_CASE("ask: each answer is echoed as understood; hedges are dropped; a bad answer shows the forms") {
  const auto r =
      run_cli({"--ask", "--fact", "charges_users=是", "--fact", "sectors=无", kForum}, "是\n否\n大概两百万吧\n很多\n");
  CHECK(has(r.err, "→ 记录为 服务器在境内：是"));
  CHECK(has(r.err, "→ 记录为 外资（含港澳台）股东：否"));
  CHECK(has(r.err, "→ 记录为 注册资本：200万元"));
  CHECK(has(r.err, "无法识别“很多”"));
  CHECK(has(r.err, "可以这样回答：人数，如 3、三人、5名"));
}

TEST_CASE("ask: back undoes the last answer, ? explains, skip moves on, the review lists every answer") {
  const auto r = run_cli({"--ask", kForum}, "否\n上一题\n?\n是\n跳过\n");
  CHECK(has(r.err, "已撤销：向用户收费"));
  CHECK(has(r.err, "其他输入：跳过"));
  CHECK(has(r.err, "→ 记录为 向用户收费：是"));
  CHECK(has(r.err, "已跳过"));
  CHECK(has(r.out, "结论：需要ICP经营许可证"));  // the answer 是 stood, not the undone 否

  // At the review, 上一题 reopens the last question.
  const auto review = run_cli({"--ask",
                               "--fact",
                               "sectors=无",
                               "--fact",
                               "ad_income=否",
                               "--fact",
                               "server_in_mainland=是",
                               "--fact",
                               "foreign_shareholding=否",
                               "--fact",
                               "operator=公司",
                               "--fact",
                               "registered_capital=300万",
                               "--fact",
                               "insured_staff=3",
                               "--fact",
                               "scope_has_telecom=是",
                               "--fact",
                               "domain_filed=是",
                               "--fact",
                               "domain_valid_months=12",
                               "--fact",
                               "province=浙江",
                               "--fact",
                               "server_province=浙江",
                               "--fact",
                               "news_permit_obtained=是",
                               kForum},
                              "是\n上一题\n否\n\n");
  CHECK(has(review.err, "请核对您的回答：\n  1. 向用户收费：是"));
  CHECK(has(review.err, "请核对您的回答：\n  1. 向用户收费：否"));
  CHECK(has(review.out, "结论：仅需ICP备案"));
}

TEST_CASE("ask: --save-facts writes what --facts reads back; it needs --ask") {
  TempDir dir;
  const std::string file = dir.file("answers.json");
  const auto r = run_cli({"--ask", "--save-facts", file, "--fact", "registered_capital=300万", kForum}, "否\n否\n");
  REQUIRE(r.code == 0);
  const auto saved = boost::json::parse(slurp(file)).as_object();
  CHECK(saved.at("charges_users") == "no");
  CHECK(saved.at("ad_income") == "no");
  CHECK(saved.at("registered_capital") == "3000000");
  const auto again = run_cli({"--facts", file, kForum});
  CHECK(again.out == r.out);
  CHECK(run_cli({"--save-facts", file, kForum}).code == 2);
}

TEST_CASE("ask on a terminal: prompts, and Ctrl-C saves the answers so far and exits 130") {
  TempDir dir;
  const std::string file = dir.file("answers.json");
  Terminal t({"--ask", "--save-facts", file, kForum});
  REQUIRE(t.wait_for("第 1/"));
  t.send("否\r");
  REQUIRE(t.wait_for("记录为 向用户收费：否"));
  REQUIRE(t.wait_for("第 2/"));
  t.send("\x03");  // Ctrl-C: the terminal sends SIGINT
  CHECK(t.exit_status() == 130);
  t.wait_for("已中断");
  CHECK(has(t.output(), "回答已保存到"));
  const auto saved = boost::json::parse(slurp(file)).as_object();
  CHECK(saved.at("charges_users") == "no");
  CHECK(!saved.contains("ad_income"));
}
