#include "ask.hpp"

#include <istream>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "fact_words.hpp"
#include "questions.hpp"
#include "report_text.hpp"

namespace icp::cli {
namespace {

// The next question: the first open one not asked yet (questions.hpp).
// Empty when nothing is left to ask.
std::string next_question(const icp::Decision& d, const std::set<std::string, std::less<>>& asked) {
  for (auto& name : open_question_facts(d))
    if (!asked.count(name)) return name;
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

void summary(std::ostream& out, const icp::Decision& d, Lang lang) {
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

}  // namespace

icp::Decision ask(const icp::Classifier& classifier, std::string_view text, icp::Facts& facts, Lang lang,
                  std::istream& in, std::ostream& out) {
  icp::Decision d = classifier.classify(text, facts);
  summary(out, d, lang);
  std::set<std::string, std::less<>> asked;
  for (std::string name = next_question(d, asked); !name.empty(); name = next_question(d, asked)) {
    asked.insert(name);
    const icp::FactInfo& f = *fact_info(name);
    std::string answer;
    // After a few answers that cannot be read, the question is skipped as
    // unanswered: piped input (yes 是 | icp-classify --ask) must end.
    constexpr int kTries = 3;
    for (int tries = 1;; ++tries) {
      out << "\n? " << (lang == Lang::zh ? f.question_zh : f.question_en) << pick(lang, "  [", "  [")
          << (lang == Lang::zh ? f.forms_zh : f.forms_en) << pick(lang, "；回车跳过]\n> ", "; Enter skips]\n> ")
          << std::flush;
      if (!std::getline(in, answer)) {
        out << '\n';
        return d;  // no more answers: the decision so far
      }
      try {
        icp::Facts next = facts;
        icp::set_fact(next, name, answer);
        facts = next;
        break;
      } catch (const icp::FactError& e) {
        out << pick(lang, "无法识别：", "Not understood: ") << e.what() << '\n';
        if (tries == kTries) {
          out << pick(lang, "已跳过此问题（连续三次无法识别）\n", "Question skipped (three answers not understood)\n");
          break;
        }
      }
    }
    const icp::Decision before = d;
    d = classifier.classify(text, facts);
    changes(out, before, d, lang);
  }
  out << '\n';
  return d;
}

}  // namespace icp::cli
