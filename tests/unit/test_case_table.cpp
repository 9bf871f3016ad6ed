// The project's labeled case table (tests/cases/*.tsv) — the executable
// specification of domain.md — run through icp::Classifier.
//
// Three test cases, all matching -tc='*case*':
//   "case table: file format"          every file is well formed (FAILs name file:line)
//   "case table: decisions"            license | filing | neither for every case
//   "case table: categories, permits, pre-approvals, foreign"
// Each failing case is reported on one line ("id field: expected X, got Y
// (file:line)") and a summary line ends each run, e.g.
//   case table: 312 cases, decision accuracy 87.5%, under-calls 9
//
// File format (UTF-8, TAB-separated, one header line, one case a line):
//   id text decision categories news_permit preapprovals foreign certain note
// decision: license|filing|neither; categories: ascending 1–5, comma-separated
// or empty; news_permit/foreign/certain: yes|no; preapprovals: comma-separated
// from news, publishing, education, medical, drugs, medical_devices in that
// order, empty when the decision is neither; news_permit must equal
// (license and any of categories 2, 3, 4) or news among the pre-approvals.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "icp/classifier.hpp"
#include "icp/errors.hpp"
#include "icp/facts.hpp"
#include "icp/rules.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader = "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote";
// A table may add the date whose rules apply, the company facts given
// (NAME=VALUE items separated by ';', as --fact takes them) — what a case
// depends on besides its text — and the rule ids that must fire (space-
// separated; !ID: must not), each checked for its own case.
constexpr const char* kDatedHeader =
    "id\ttext\tdecision\tcategories\tnews_permit\tpreapprovals\tforeign\tcertain\tnote\tas_of\tfacts\trules";
constexpr std::size_t kColumns = 9;
constexpr std::size_t kDatedColumns = 12;
const std::vector<std::string> kSectors = {"news", "publishing", "education", "medical", "drugs", "medical_devices"};

struct Case {
  std::string where;  // "file.tsv:12"
  std::string id;
  std::string text;
  std::string decision;
  std::vector<int> categories;
  bool news_permit = false;
  std::vector<std::string> preapprovals;
  bool foreign = false;
  bool certain = true;
  std::string note;
  std::string as_of;  // "" for today
  icp::Facts facts;
  std::vector<std::string> rules;  // must fire; "!id": must not
};

struct Table {
  std::size_t files = 0;
  std::vector<Case> cases;
  std::vector<std::string> errors;  // "file.tsv:12: message"
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

std::string join(const std::vector<int>& items) {
  std::string out;
  for (int item : items) {
    if (!out.empty()) out += ',';
    out += std::to_string(item);
  }
  return out;
}

// Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

bool parse_yes_no(const std::string& s, bool& out) {
  if (s != "yes" && s != "no") return false;
  out = s == "yes";
  return true;
}

int sector_index(const std::string& sector) {
  auto it = std::find(kSectors.begin(), kSectors.end(), sector);
  return it == kSectors.end() ? static_cast<int>(kSectors.size()) : static_cast<int>(it - kSectors.begin());
}

// Parses one data line; returns an error message, or "" when the line is valid.
std::string parse_case(const std::string& line, Case& c, std::size_t columns) {
  const auto f = split(line, '\t');
  if (f.size() != columns)
    return "expected " + std::to_string(columns) + " TAB-separated columns, found " + std::to_string(f.size());
  if (columns == kDatedColumns) {
    c.as_of = f[9];
    if (!c.as_of.empty()) try {
        (void)icp::rule_table(c.as_of);  // throws AsOfError for a malformed date, cheaply
      } catch (const icp::AsOfError& e) {
        return std::string("as_of: ") + e.what();
      }
    try {
      for (const auto& item : split(f[10], ';'))
        if (!item.empty()) icp::set_fact(c.facts, item);
    } catch (const icp::FactError& e) {
      return std::string("facts: ") + e.what();
    }
    static const auto table = icp::rule_table("2024-12-31").rules;
    for (const auto& r : split(f[11], ' ')) {
      if (r.empty()) continue;
      const std::string id = r.front() == '!' ? r.substr(1) : r;
      if (std::none_of(table.begin(), table.end(), [&](const icp::RuleInfo& i) { return i.id == id; }))
        return "rules: '" + id + "' is not a rule id (icp-classify rules lists them)";
      c.rules.push_back(r);
    }
  }
  c.id = f[0];
  c.text = f[1];
  c.decision = f[2];
  c.note = f[8];
  if (c.id.empty()) return "empty id";
  for (char ch : c.id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
      return "id '" + c.id + "' may hold only ASCII letters, digits, '-' and '_'";
  if (c.text.empty()) return "empty text";
  if (c.text.front() == ' ' || c.text.back() == ' ') return "text has leading or trailing spaces";
  if (c.decision != "license" && c.decision != "filing" && c.decision != "neither")
    return "decision '" + c.decision + "' is not license|filing|neither";

  if (!f[3].empty()) {
    for (const auto& item : split(f[3], ',')) {
      if (item.size() != 1 || item[0] < '1' || item[0] > '5') return "category '" + item + "' is not 1-5";
      const int n = item[0] - '0';
      if (!c.categories.empty() && n <= c.categories.back())
        return "categories '" + f[3] + "' are not strictly ascending";
      c.categories.push_back(n);
    }
  }
  if (!parse_yes_no(f[4], c.news_permit)) return "news_permit '" + f[4] + "' is not yes|no";
  if (!f[5].empty()) {
    int last = -1;
    for (const auto& item : split(f[5], ',')) {
      const int idx = sector_index(item);
      if (idx == static_cast<int>(kSectors.size()))
        return "pre-approval '" + item + "' is not one of news, publishing, education, medical, drugs, medical_devices";
      if (idx <= last) return "pre-approvals '" + f[5] + "' are not in canonical order without repeats";
      last = idx;
      c.preapprovals.push_back(item);
    }
  }
  if (!parse_yes_no(f[6], c.foreign)) return "foreign '" + f[6] + "' is not yes|no";
  if (!parse_yes_no(f[7], c.certain)) return "certain '" + f[7] + "' is not yes|no";
  if (c.note.empty()) return "empty note";

  if (c.decision == "neither" && !c.preapprovals.empty())
    return "pre-approvals must be empty when the decision is neither";
  const bool platform_permit = c.decision == "license" && std::any_of(c.categories.begin(), c.categories.end(),
                                                                      [](int n) { return n >= 2 && n <= 4; });
  const bool news_pre = std::find(c.preapprovals.begin(), c.preapprovals.end(), "news") != c.preapprovals.end();
  if (c.news_permit != (platform_permit || news_pre))
    return "news_permit must be (license and any of categories 2,3,4) or the news pre-approval";
  return "";
}

void load_file(const fs::path& path, Table& table, std::map<std::string, std::string>& seen_ids) {
  const std::string name = path.filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    table.errors.push_back(name + ":0: cannot open file");
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  if (content.empty()) {
    table.errors.push_back(name + ":1: empty file (needs the header line)");
    return;
  }
  if (content.back() != '\n') table.errors.push_back(name + ": file does not end with a newline");
  auto lines = split(content, '\n');
  if (content.back() == '\n') lines.pop_back();  // the empty piece after the final newline
  std::size_t columns = kColumns;                // kDatedColumns when the header adds as_of and facts

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string where = name + ":" + std::to_string(i + 1);
    const std::string& line = lines[i];
    if (!valid_utf8(line)) {
      table.errors.push_back(where + ": invalid UTF-8");
      continue;
    }
    if (line.find('\r') != std::string::npos) {
      table.errors.push_back(where + ": carriage return (CRLF line ending?)");
      continue;
    }
    if (i == 0) {
      if (line == kDatedHeader)
        columns = kDatedColumns;
      else if (line != kHeader)
        table.errors.push_back(where + ": header must be exactly: " + std::string(kHeader) + " (or that and " +
                               "\\tas_of\\tfacts\\trules)");
      continue;
    }
    if (line.empty()) {
      table.errors.push_back(where + ": empty line");
      continue;
    }
    Case c;
    c.where = where;
    const std::string error = parse_case(line, c, columns);
    if (!error.empty()) {
      table.errors.push_back(where + ": " + error);
      continue;
    }
    auto [it, inserted] = seen_ids.emplace(c.id, where);
    if (!inserted) {
      table.errors.push_back(where + ": duplicate id '" + c.id + "' (first at " + it->second + ")");
      continue;
    }
    table.cases.push_back(std::move(c));
  }
}

Table load_table() {
  Table table;
  const fs::path dir(ICP_CASES_DIR);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    table.errors.push_back(std::string(ICP_CASES_DIR) + ": not a directory");
    return table;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> seen_ids;
  for (const auto& path : files) load_file(path, table, seen_ids);
  table.files = files.size();
  return table;
}

const Table& table() {
  static const Table t = load_table();
  return t;
}

const icp::Classifier& classifier() {
  static const icp::Classifier c;
  return c;
}

// Guards the table tests: a malformed table must not pass silently.
void require_loaded(const Table& t) {
  if (!t.errors.empty())
    FAIL_CHECK(t.errors.size() << " format error(s) in the case table; run -tc='case table: file format'");
  REQUIRE(t.files > 0);
  REQUIRE(!t.cases.empty());
}

int rank(const std::string& outcome) {
  if (outcome == "license") return 2;
  if (outcome == "filing") return 1;
  return 0;
}

std::string percent(std::size_t part, std::size_t whole) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << (whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / whole) << '%';
  return out.str();
}

std::string sorted_sectors(const icp::Decision& d) {
  std::vector<std::string> sectors;
  for (const auto& p : d.preapprovals) sectors.emplace_back(p.sector);
  std::stable_sort(sectors.begin(), sectors.end(),
                   [](const std::string& a, const std::string& b) { return sector_index(a) < sector_index(b); });
  return join(sectors);
}

// Accuracy bars (percent) over the whole table.
constexpr std::size_t kMinDecisionAccuracy = 96;
constexpr std::size_t kMinCategoryAccuracy = 85;
constexpr std::size_t kMinNewsAccuracy = 93;
constexpr std::size_t kMinPreapprovalAccuracy = 92;
constexpr std::size_t kMinForeignAccuracy = 97;

std::string yes_no(bool b) {
  return b ? "yes" : "no";
}

std::string mismatch(const Case& c, const std::string& field, const std::string& want, const std::string& got) {
  return c.id + " " + field + ": expected '" + want + "', got '" + got + "' (" + c.where + ")";
}

}  // namespace

TEST_CASE("case table: file format") {
  const Table& t = table();
  for (const auto& error : t.errors) FAIL_CHECK(error);
  CHECK(t.files > 0);
  CHECK(!t.cases.empty());
  MESSAGE("case table: " << t.files << " files, " << t.cases.size() << " well-formed cases, " << t.errors.size()
                         << " format errors");
}

TEST_CASE("case table: decisions") {
  const Table& t = table();
  require_loaded(t);
  const icp::Classifier& c = classifier();

  std::size_t correct = 0, under = 0, over = 0, certain = 0, certain_correct = 0;
  std::map<std::string, std::map<std::string, std::size_t>> confusion;  // expected -> actual -> count
  std::vector<std::string> failures;
  for (const Case& k : t.cases) {
    INFO(k.id, " (", k.where, "): ", k.text);
    const icp::Decision d = c.classify(k.text, k.facts, k.as_of);
    const std::string got = icp::to_string(d.decision);
    ++confusion[k.decision][got];
    if (k.certain) ++certain;
    if (got == k.decision) {
      ++correct;
      if (k.certain) ++certain_correct;
    } else {
      if (rank(got) < rank(k.decision)) ++under;
      if (rank(got) > rank(k.decision)) ++over;
      failures.push_back(mismatch(k, "decision", k.decision, got) + (k.certain ? "" : " [uncertain]"));
    }
    // The rules a case names must fire (or, with !, must not), whatever its certainty.
    for (const auto& r : k.rules) {
      const bool negated = r.front() == '!';
      const std::string id = negated ? r.substr(1) : r;
      const bool fired =
          std::any_of(d.trace.begin(), d.trace.end(), [&](const icp::TraceStep& t) { return t.rule == id; });
      CHECK_MESSAGE(fired != negated, k.id << " (" << k.where << "): rule " << id
                                           << (negated ? " fired, and must not" : " did not fire"));
    }
    // Certain cases are the law's own examples: each must come out right.
    // Uncertain ones (experts could disagree) count toward the accuracy bar.
    if (k.certain) {
      const std::string line = got == k.decision ? std::string() : failures.back();
      CHECK_MESSAGE(got == k.decision, line);
    }
  }

  std::ostringstream list;
  for (const auto& line : failures) list << "\n  " << line;
  if (!failures.empty()) MESSAGE("case table: decision failures (" << failures.size() << "):" << list.str());

  std::ostringstream matrix;
  for (const char* want : {"license", "filing", "neither"}) {
    matrix << "\n  expected " << std::setw(7) << std::left << want << " ->";
    for (const char* got : {"license", "filing", "neither"}) matrix << ' ' << got << ' ' << confusion[want][got];
  }
  MESSAGE("case table: " << t.cases.size() << " cases, decision accuracy " << percent(correct, t.cases.size())
                         << ", under-calls " << under << ", over-calls " << over << ", accuracy on certain cases "
                         << percent(certain_correct, certain) << matrix.str());
  CHECK_MESSAGE(correct * 100 >= t.cases.size() * kMinDecisionAccuracy,
                "decision accuracy below " << kMinDecisionAccuracy << "%");
}

TEST_CASE("case table: categories, permits, pre-approvals, foreign") {
  const Table& t = table();
  require_loaded(t);
  const icp::Classifier& c = classifier();

  std::size_t cat_ok = 0, news_ok = 0, pre_ok = 0, foreign_ok = 0;
  std::vector<std::string> failures;
  for (const Case& k : t.cases) {
    INFO(k.id, " (", k.where, "): ", k.text);
    const icp::Decision d = c.classify(k.text, k.facts, k.as_of);

    const std::string want_cat = join(k.categories), got_cat = join(d.categories);
    const std::string want_news = yes_no(k.news_permit), got_news = yes_no(d.news_permit);
    const std::string want_pre = join(k.preapprovals), got_pre = sorted_sectors(d);
    const std::string want_foreign = yes_no(k.foreign), got_foreign = yes_no(d.foreign_investment);

    const auto check = [&](const char* field, const std::string& want, const std::string& got, std::size_t& ok) {
      if (want == got) {
        ++ok;
      } else {
        failures.push_back(mismatch(k, field, want, got));
      }
    };
    check("categories", want_cat, got_cat, cat_ok);
    check("news_permit", want_news, got_news, news_ok);
    check("preapprovals", want_pre, got_pre, pre_ok);
    check("foreign", want_foreign, got_foreign, foreign_ok);
  }

  std::ostringstream list;
  for (const auto& line : failures) list << "\n  " << line;
  if (!failures.empty()) MESSAGE("case table: field failures (" << failures.size() << "):" << list.str());
  const std::size_t n = t.cases.size();
  MESSAGE("case table: " << n << " cases, categories " << percent(cat_ok, n) << ", news permit " << percent(news_ok, n)
                         << ", pre-approvals " << percent(pre_ok, n) << ", foreign " << percent(foreign_ok, n));
  // Ratchets: raise them as the lexicon improves, never lower them to pass.
  CHECK(cat_ok * 100 >= n * kMinCategoryAccuracy);
  CHECK(news_ok * 100 >= n * kMinNewsAccuracy);
  CHECK(pre_ok * 100 >= n * kMinPreapprovalAccuracy);
  CHECK(foreign_ok * 100 >= n * kMinForeignAccuracy);
}
