#include "ask.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iostream>
#include <istream>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "batch/interrupt.hpp"
#include "fact_words.hpp"
#include "questions.hpp"
#include "report_text.hpp"

namespace icp::cli {
namespace {

// The questions still to ask, in order (questions.hpp): the first is next,
// their number is the progress count's rest.
std::vector<std::string> still_open(const icp::Decision& d, const std::set<std::string, std::less<>>& asked) {
  std::vector<std::string> open = open_question_facts(d);
  std::erase_if(open, [&](const std::string& name) { return asked.count(name) > 0; });
  return open;
}

std::string trim(std::string s) {
  static const std::string_view spaces[] = {" ", "\t", "\r", "\xE3\x80\x80"};  // ASCII blanks, U+3000
  for (bool cut = true; cut;) {
    cut = false;
    for (auto sp : spaces) {
      while (s.starts_with(sp)) s.erase(0, sp.size()), cut = true;
      while (s.ends_with(sp)) s.erase(s.size() - sp.size()), cut = true;
    }
  }
  return s;
}

// How people hedge an answer on the phone: 大概两百万吧, 应该是三个人, 200万左右.
// The echo shows what was understood, so dropping them hides nothing.
std::string without_hedges(std::string s) {
  static const std::string_view before[] = {"大概是", "大概",   "大约", "差不多", "应该是",
                                            "应该",   "好像是", "好像", "可能是", "约"};
  static const std::string_view after[] = {"吧", "啊", "呢", "左右", "上下", "的样子", "。", "！", "～", "~"};
  for (bool cut = true; cut;) {
    cut = false;
    for (auto w : before)
      if (s.starts_with(w) && s.size() > w.size()) s.erase(0, w.size()), cut = true;
    for (auto w : after)
      if (s.ends_with(w) && s.size() > w.size()) s.erase(s.size() - w.size()), cut = true;
  }
  return s;
}

bool is_any(std::string_view answer, std::initializer_list<std::string_view> words) {
  const std::string lower = lower_ascii(std::string(answer));
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// The fact's value as the decision now holds it, in words: 注册资本：200万元.
std::string understood(const icp::Decision& d, const std::string& name, Lang lang) {
  for (const auto& f : d.facts)
    if (f.name == name) return fact_label(name, lang) + pick(lang, "：", ": ") + fact_value_words(name, f.value, lang);
  return fact_label(name, lang) + pick(lang, "：未知", ": unknown");
}

std::string value_of(const icp::Decision& d, const std::string& name) {
  for (const auto& f : d.facts)
    if (f.name == name) return f.value;
  return {};
}

std::string join(const std::vector<int>& v) {
  std::string out;
  for (int n : v) out += (out.empty() ? "" : ",") + std::to_string(n);
  return out.empty() ? "-" : out;
}

std::string sectors(const icp::Decision& d, Lang lang) {
  std::string out;
  for (const auto& p : d.preapprovals) {
    if (!out.empty()) out += pick(lang, "、", ", ");
    out += sector_name(p.sector, lang);
  }
  return out.empty() ? pick(lang, "无", "none") : out;
}

int percent(double v) {
  return static_cast<int>(v * 100 + 0.5);
}

void headline(std::ostream& out, const icp::Decision& d, Lang lang) {
  out << pick(lang, "当前结论：", "Now: ") << outcome_words(d.decision, lang)
      << pick(lang, "（置信度 ", " (confidence ") << percent(d.confidence) << "%" << pick(lang, "）", ")") << '\n';
}

// What an answer changed, one line per field that moved.
void changes(std::ostream& out, const icp::Decision& before, const icp::Decision& after, Lang lang) {
  bool any = false;
  auto line = [&](const char* zh, const char* en, const std::string& from, const std::string& to) {
    if (from == to) return;
    out << "  " << pick(lang, zh, en) << pick(lang, "：", ": ") << from << " → " << to << '\n';
    any = true;
  };
  line("结论", "decision", outcome_words(before.decision, lang), outcome_words(after.decision, lang));
  line("类别", "categories", join(before.categories), join(after.categories));
  line("前置审批", "pre-approvals", sectors(before, lang), sectors(after, lang));
  line("需要新闻许可证", "news permit needed", yes_no(before.news_permit, lang), yes_no(after.news_permit, lang));
  line("外资", "foreign", yes_no(before.foreign_investment, lang), yes_no(after.foreign_investment, lang));
  line("能否申请", "ready", ready_words(before.readiness.ready, lang), ready_words(after.readiness.ready, lang));
  line("置信度", "confidence", std::to_string(percent(before.confidence)) + "%",
       std::to_string(percent(after.confidence)) + "%");
  if (!any) out << pick(lang, "  （结论未变）\n", "  (no change)\n");
}

void help(std::ostream& out, const icp::FactInfo& f, Lang lang) {
  out << pick(lang, "  可以这样回答：", "  Answer like this: ") << (lang == Lang::zh ? f.forms_zh : f.forms_en) << '\n'
      << pick(lang, "  其他输入：跳过（或直接回车）  上一题（撤销上一个回答）  结束（不再提问，给出结论）\n",
              "  Also: skip (or Enter)  back (undo the last answer)  done (stop asking, give the answer)\n");
}

// One line of answer. On a terminal it waits in poll(), checking for Ctrl-C:
// a signal that arrives between the prompt and read() would otherwise leave
// read() waiting (the handler only sets a flag). A terminal hands over one
// line per read, so nothing waits unseen in standard input's buffer.
bool read_answer(std::istream& in, std::string& line) {
  if (&in == &std::cin && ::isatty(STDIN_FILENO)) {
    for (;;) {
      if (batch::interrupted()) return false;
      pollfd p{STDIN_FILENO, POLLIN, 0};
      const int ready = ::poll(&p, 1, 100);
      if (ready > 0 || (ready < 0 && errno != EINTR)) break;
    }
  }
  if (batch::interrupted()) return false;
  return static_cast<bool>(std::getline(in, line));
}

struct Answer {
  std::string name;
  icp::Facts before;  // the facts before this answer, for 上一题
  bool skipped = false;
};

}  // namespace

std::string facts_json(const icp::Decision& decision) {
  boost::json::object o;
  for (const auto& f : decision.facts)
    if (!f.from_text) o[f.name] = f.value;
  return boost::json::serialize(o) + "\n";
}

Interview ask(const icp::Classifier& classifier, std::string_view text, icp::Facts& facts, Lang lang, std::istream& in,
              std::ostream& out) {
  // Ctrl-C ends the interview with the answers so far (saved with --save-facts).
  const batch::InterruptGuard guard;
  Interview result;
  icp::Decision d = classifier.classify(text, facts);
  headline(out, d, lang);
  std::set<std::string, std::less<>> asked;
  std::vector<Answer> history;

  auto go_back = [&]() {
    if (history.empty()) {
      out << pick(lang, "  已经是第一题\n", "  This is the first question\n");
      return;
    }
    Answer last = std::move(history.back());
    history.pop_back();
    asked.erase(last.name);
    facts = last.before;
    d = classifier.classify(text, facts);
    out << pick(lang, "  已撤销：", "  Undone: ") << fact_label(last.name, lang) << '\n';
  };

  // After a few answers in a row that cannot be read, the question is
  // skipped: piped input (yes 是 | icp-classify --ask) must end.
  constexpr int kTries = 3;
  int failed = 0;
  for (;;) {
    const std::vector<std::string> open = still_open(d, asked);
    if (open.empty()) {
      // Review: every answer as understood, before the final answer.
      out << '\n' << pick(lang, "请核对您的回答：\n", "Please review your answers:\n");
      int n = 0;
      for (const auto& a : history)
        out << "  " << ++n << ". "
            << (a.skipped ? fact_label(a.name, lang) + pick(lang, "：（跳过）", ": (skipped)")
                          : understood(d, a.name, lang))
            << '\n';
      if (history.empty()) out << pick(lang, "  （没有回答）\n", "  (no answers)\n");
      out << pick(lang, "回车确认；输入 上一题 返回修改\n> ", "Enter confirms; type back to change an answer\n> ")
          << std::flush;
      std::string line;
      if (!read_answer(in, line)) {
        result.interrupted = batch::interrupted();
        break;
      }
      if (is_any(trim(line), {"上一题", "back", "b", "返回"})) {
        go_back();
        continue;
      }
      break;
    }
    const std::string& name = open.front();
    const icp::FactInfo& f = *fact_info(name);
    const std::size_t number = history.size() + 1;
    const std::size_t total = history.size() + open.size();
    out << '\n'
        << pick(lang, "第 ", "Question ") << number << '/' << total << pick(lang, " 题  ", "  ")
        << (lang == Lang::zh ? f.question_zh : f.question_en) << pick(lang, "  [", "  [")
        << (lang == Lang::zh ? f.forms_zh : f.forms_en) << pick(lang, "；? 帮助]\n> ", "; ? for help]\n> ")
        << std::flush;
    std::string line;
    if (!read_answer(in, line)) {
      result.interrupted = batch::interrupted();
      out << '\n';
      break;
    }
    const std::string answer = trim(line);
    if (is_any(answer, {"?", "？", "help", "帮助", "h"})) {
      help(out, f, lang);
      continue;
    }
    if (is_any(answer, {"上一题", "back", "b", "返回"})) {
      go_back();
      continue;
    }
    if (is_any(answer, {"结束", "done", "quit", "q", "退出"})) break;
    Answer a{name, facts};
    if (answer.empty() || is_any(answer, {"跳过", "skip", "s", "略过", "不知道", "不确定", "unknown"})) {
      a.skipped = true;
      asked.insert(name);
      history.push_back(std::move(a));
      out << pick(lang, "  已跳过\n", "  Skipped\n");
      continue;
    }
    icp::Facts next = facts;
    try {
      icp::set_fact(next, name, answer);
    } catch (const icp::FactError&) {
      try {
        icp::set_fact(next, name, without_hedges(answer));
      } catch (const icp::FactError&) {
        out << pick(lang, "  无法识别“", "  Not understood: \"") << printable(answer) << pick(lang, "”。", "\". ");
        help(out, f, lang);
        if (++failed < kTries) continue;  // the same question again
        failed = 0;
        out << pick(lang, "  已跳过此问题（连续三次无法识别）\n",
                    "  Question skipped (three answers not understood)\n");
        a.skipped = true;
        asked.insert(name);
        history.push_back(std::move(a));
        continue;
      }
    }
    failed = 0;
    facts = next;
    asked.insert(name);
    history.push_back(std::move(a));
    const icp::Decision before = d;
    d = classifier.classify(text, facts);
    out << pick(lang, "  → 记录为 ", "  → recorded as ") << understood(d, name, lang) << '\n';
    changes(out, before, d, lang);
  }
  for (const auto& a : history)
    if (!a.skipped) result.answered.emplace_back(a.name, value_of(d, a.name));
  out << '\n';
  result.decision = std::move(d);
  return result;
}

}  // namespace icp::cli
