// Compiles data/rules/ (rules.tsv, citations.tsv) into C++ at build time, so
// the law is reviewable data and the code names each rule by a symbol the
// compiler checks (issue 11):
//   rules_gen RULES.tsv CITATIONS.tsv OUT.hpp OUT.cpp SOURCE...
// writes OUT.hpp (rule_id::presence_own … as constants) and OUT.cpp (the
// tables), after checking every row (FILE:LINE: what is wrong) and that
//   - each rule is used by code: rule_id::SYMBOL appears in a SOURCE;
//   - each rule_id::SYMBOL in a SOURCE has a row (the compiler says so too);
//   - a rule not in force on every date from 2000-09-25 on (a version that
//     starts later or ends) is asked about by date: in_force(rule_id::SYMBOL
//     appears in a SOURCE, so the code decides what applies instead.
// Exits 1 with the messages on stderr; writes nothing then.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kMeasuresInForce = 20000925;  // the Measures' first day: dates before it are not asked about

struct Date {
  int value = 0;            // yyyymmdd; 0 when open
  bool month_only = false;  // written YYYY-MM
  std::string text;
};

struct Citation {
  std::string id;
  Date from, to;
  std::string text;
  int line = 0;
};

struct Rule {
  std::string id, symbol;
  int step = 0;
  std::string basis, citation;
  Date from, to;
  std::string reason_zh, reason_en;
  int line = 0;
};

std::vector<std::string> errors;

void error(const std::string& file, int line, const std::string& what) {
  errors.push_back(file + ":" + std::to_string(line) + ": " + what);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// YYYY-MM-DD or YYYY-MM; a month-only date is its first day as a start and
// its last day as an end.
bool parse_date(const std::string& s, bool end, Date& d) {
  d = {};
  d.text = s;
  if (s.empty()) return true;
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if (s.size() != 7 && s.size() != 10) return false;
  const int y = digits(0, 4), m = digits(5, 2);
  if (y < 1990 || y > 2100 || s[4] != '-' || m < 1 || m > 12) return false;
  int day = end ? days_in(y, m) : 1;
  if (s.size() == 10) {
    day = digits(8, 2);
    if (s[7] != '-' || day < 1 || day > days_in(y, m)) return false;
  } else {
    d.month_only = true;
  }
  d.value = y * 10000 + m * 100 + day;
  return true;
}

std::string symbol_of(const std::string& id) {
  std::string s = id;
  std::replace(s.begin(), s.end(), '.', '_');
  return s;
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; });
}

// The data rows of a file after its comments and its column header; checks the header.
std::vector<std::pair<int, std::vector<std::string>>> read_rows(const std::string& path, const std::string& magic,
                                                                const std::string& columns) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  std::ifstream in(path);
  if (!in) {
    error(path, 0, "cannot be read");
    return rows;
  }
  std::string line;
  int n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1) {
      if (line != magic) error(path, n, "first line must be \"" + magic + "\"");
      continue;
    }
    if (line.starts_with("#")) continue;
    if (!header) {
      if (line != columns) error(path, n, "the column header must be \"" + columns + "\"");
      header = true;
      continue;
    }
    if (line.empty()) {
      error(path, n, "empty line");
      continue;
    }
    rows.emplace_back(n, split(line));
  }
  return rows;
}

bool overlaps(const Date& a_from, const Date& a_to, const Date& b_from, const Date& b_to) {
  const int a0 = a_from.value, a1 = a_to.value ? a_to.value : 99999999;
  const int b0 = b_from.value, b1 = b_to.value ? b_to.value : 99999999;
  return a0 <= b1 && b0 <= a1;
}

// Whether versions (sorted by start) cover every day from the Measures' first on, with no gap or end.
template <class T>
bool covers_all(const std::vector<const T*>& versions) {
  int next = kMeasuresInForce;  // the first day not yet covered
  for (const T* v : versions) {
    if (v->from.value > next) return false;
    if (v->to.value == 0) return true;
    // The day after v->to.
    const int y = v->to.value / 10000, m = v->to.value / 100 % 100, d = v->to.value % 100;
    int ny = y, nm = m, nd = d + 1;
    if (nd > days_in(y, m)) nd = 1, ++nm;
    if (nm > 12) nm = 1, ++ny;
    next = std::max(next, ny * 10000 + nm * 100 + nd);
  }
  return false;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_if_changed(const std::string& path, const std::string& content) {
  if (read_all(path) == content) return;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: rules_gen RULES.tsv CITATIONS.tsv OUT.hpp OUT.cpp SOURCE...\n";
    return 2;
  }
  const std::string rules_path = argv[1], citations_path = argv[2], out_hpp = argv[3], out_cpp = argv[4];

  // Citations.
  std::vector<Citation> citations;
  for (auto& [line, f] : read_rows(citations_path, "# icp-rules citations v1", "id\tvalid_from\tvalid_to\ttext")) {
    if (f.size() != 4) {
      error(citations_path, line, "expected 4 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    Citation c;
    c.id = f[0], c.text = f[3], c.line = line;
    if (!valid_id(c.id)) error(citations_path, line, "bad id '" + c.id + "' (a-z, 0-9, _ and .)");
    if (!parse_date(f[1], false, c.from))
      error(citations_path, line, "bad valid_from '" + f[1] + "' (YYYY-MM-DD or YYYY-MM)");
    if (!parse_date(f[2], true, c.to))
      error(citations_path, line, "bad valid_to '" + f[2] + "' (YYYY-MM-DD or YYYY-MM)");
    if (c.from.value && c.to.value && c.to.value < c.from.value)
      error(citations_path, line, "valid_to is before valid_from");
    if (c.text.empty()) error(citations_path, line, "empty text");
    if (!citations.empty()) {
      const Citation& p = citations.back();
      if (p.id > c.id || (p.id == c.id && p.from.value >= c.from.value))
        error(citations_path, line, "not sorted by id, then valid_from");
      if (p.id == c.id && overlaps(p.from, p.to, c.from, c.to))
        error(citations_path, line,
              "this version of '" + c.id + "' overlaps the one on line " + std::to_string(p.line));
    }
    citations.push_back(c);
  }
  std::map<std::string, std::vector<const Citation*>> citation_versions;
  for (const auto& c : citations) citation_versions[c.id].push_back(&c);

  // Rules.
  static const std::set<std::string> kBases = {"measures", "catalogue", "notice", "brief", "beyond_brief"};
  std::vector<Rule> rules;
  for (auto& [line, f] : read_rows(rules_path, "# icp-rules v1",
                                   "id\tstep\tbasis\tcitation\tvalid_from\tvalid_to\treason_zh\treason_en")) {
    if (f.size() != 8) {
      error(rules_path, line, "expected 8 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    Rule r;
    r.id = f[0], r.symbol = symbol_of(f[0]), r.basis = f[2], r.citation = f[3], r.reason_zh = f[6], r.reason_en = f[7];
    r.line = line;
    if (!valid_id(r.id)) error(rules_path, line, "bad id '" + r.id + "' (a-z, 0-9, _ and .)");
    if (f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '7')
      error(rules_path, line, "bad step '" + f[1] + "' (1 to 7)");
    else
      r.step = f[1][0] - '0';
    if (!kBases.contains(r.basis))
      error(rules_path, line, "bad basis '" + r.basis + "' (measures, catalogue, notice, brief or beyond_brief)");
    if (!citation_versions.contains(r.citation))
      error(rules_path, line, "citation '" + r.citation + "' is not in " + citations_path);
    if (!parse_date(f[4], false, r.from))
      error(rules_path, line, "bad valid_from '" + f[4] + "' (YYYY-MM-DD or YYYY-MM)");
    if (!parse_date(f[5], true, r.to)) error(rules_path, line, "bad valid_to '" + f[5] + "' (YYYY-MM-DD or YYYY-MM)");
    if (r.from.value && r.to.value && r.to.value < r.from.value)
      error(rules_path, line, "valid_to is before valid_from");
    if (r.reason_zh.empty() || r.reason_en.empty()) error(rules_path, line, "a reason in each language is needed");
    if (!rules.empty()) {
      const Rule& p = rules.back();
      if (p.id > r.id || (p.id == r.id && p.from.value >= r.from.value))
        error(rules_path, line, "not sorted by id, then valid_from");
      if (p.id == r.id && overlaps(p.from, p.to, r.from, r.to))
        error(rules_path, line, "this version of '" + r.id + "' overlaps the one on line " + std::to_string(p.line));
      if (p.id == r.id && p.step != r.step)
        error(rules_path, line, "the versions of '" + r.id + "' are in different steps");
      if (p.id != r.id && p.symbol == r.symbol)
        error(rules_path, line, "'" + r.id + "' and '" + p.id + "' would both be rule_id::" + r.symbol);
    }
    rules.push_back(r);
  }

  // What the code uses.
  std::string sources;
  std::vector<std::string> source_names;
  for (int i = 5; i < argc; ++i) sources += read_all(argv[i]) + "\n";
  std::map<std::string, std::vector<const Rule*>> versions;  // by id, in file order
  std::vector<std::string> order;
  for (const auto& r : rules) {
    if (!versions.contains(r.id)) order.push_back(r.id);
    versions[r.id].push_back(&r);
  }
  for (const auto& id : order) {
    const Rule& first = *versions[id].front();
    const std::string name = "rule_id::" + first.symbol;
    auto used = [&](const std::string& what) {
      for (std::size_t at = sources.find(what); at != std::string::npos; at = sources.find(what, at + 1)) {
        const std::size_t after = at + what.size();
        const char c = after < sources.size() ? sources[after] : ' ';
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return true;
      }
      return false;
    };
    if (!used(name)) error(rules_path, first.line, "rule '" + id + "' is used by no code (no " + name + ")");
    // In force on every day from the Measures' first on, as a rule and by its citations?
    bool always = covers_all(versions[id]);
    if (always)
      for (const Rule* v : versions[id]) always = always && covers_all(citation_versions[v->citation]);
    if (!always && !used("in_force(" + name))
      error(rules_path, first.line,
            "rule '" + id + "' is not in force on every date from 2000-09-25 on: the code must ask in_force(" + name +
                ") before applying it");
  }
  for (std::size_t at = sources.find("rule_id::"); at != std::string::npos; at = sources.find("rule_id::", at + 1)) {
    std::size_t end = at + 9;
    while (end < sources.size() && ((sources[end] >= 'a' && sources[end] <= 'z') ||
                                    (sources[end] >= '0' && sources[end] <= '9') || sources[end] == '_'))
      ++end;
    const std::string symbol = sources.substr(at + 9, end - at - 9);
    if (symbol.empty()) continue;
    const bool known = std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.symbol == symbol; });
    if (!known) errors.push_back(rules_path + ": the code names rule_id::" + symbol + ", which has no row");
  }

  if (!errors.empty()) {
    std::sort(errors.begin(), errors.end());
    errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
    for (const auto& e : errors) std::cerr << e << '\n';
    return 1;
  }

  // The header: one constant per rule.
  std::ostringstream hpp;
  hpp << "// Generated by tools/rules_gen from data/rules/rules.tsv. Do not edit.\n#pragma once\n\n"
      << "#include <cstddef>\n\n#include \"decide/rule_id.hpp\"\n\nnamespace icp::decide {\n\n"
      << "inline constexpr std::size_t kRuleCount = " << order.size() << ";\n\nnamespace rule_id {\n";
  for (std::size_t i = 0; i < order.size(); ++i)
    hpp << "inline constexpr RuleId " << versions[order[i]].front()->symbol << "{" << i << "};  // " << order[i]
        << "\n";
  hpp << "}  // namespace rule_id\n\n}  // namespace icp::decide\n";

  // The tables.
  auto date = [](const Date& d) {
    return "{" + std::to_string(d.value) + ", " + (d.month_only ? "true" : "false") + ", " + quoted(d.text) + "}";
  };
  std::ostringstream cpp;
  cpp << "// Generated by tools/rules_gen from data/rules/. Do not edit.\n#include \"decide/rules.hpp\"\n\n"
      << "namespace icp::decide::generated {\n\nconst CitationVersion kCitations[] = {\n";
  std::map<std::string, std::size_t> first_citation;
  for (std::size_t i = 0; i < citations.size(); ++i) {
    const auto& c = citations[i];
    first_citation.try_emplace(c.id, i);
    cpp << "    {" << quoted(c.id) << ", " << date(c.from) << ", " << date(c.to) << ", " << quoted(c.text) << "},\n";
  }
  cpp << "};\nconst std::size_t kCitationCount = " << citations.size()
      << ";\n\nconst RuleVersion kRuleVersions[] = {\n";
  std::vector<std::size_t> first_version;
  std::size_t index = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    first_version.push_back(index);
    for (const Rule* r : versions[order[i]]) {
      const std::size_t citation = first_citation[r->citation];
      cpp << "    {RuleId{" << i << "}, " << quoted(r->id) << ", " << r->step << ", Basis::" << r->basis << ", "
          << citation << ", " << citation_versions[r->citation].size() << ", " << date(r->from) << ", " << date(r->to)
          << ",\n     " << quoted(r->reason_zh) << ",\n     " << quoted(r->reason_en) << "},\n";
      ++index;
    }
  }
  first_version.push_back(index);
  cpp << "};\nconst std::size_t kRuleVersionCount = " << index << ";\n\nconst std::size_t kFirstVersion[] = {";
  for (std::size_t i = 0; i < first_version.size(); ++i) cpp << (i % 16 ? " " : "\n    ") << first_version[i] << ",";
  cpp << "\n};\n\n}  // namespace icp::decide::generated\n";

  write_if_changed(out_hpp, hpp.str());
  write_if_changed(out_cpp, cpp.str());
  return 0;
}
