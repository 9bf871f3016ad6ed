#include "eval.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <string_view>

#include <boost/json/array.hpp>

#include "errors.hpp"
#include "text_util.hpp"

namespace icp::cli {
namespace json = boost::json;
namespace {

constexpr const char* kOutcomes[] = {"license", "filing", "neither"};
constexpr const char* kSectors[] = {"news", "publishing", "education", "medical", "drugs", "medical_devices"};
constexpr const char* kRequired[] = {"id",          "text",         "decision", "categories",
                                     "news_permit", "preapprovals", "foreign",  "certain"};

std::size_t index_of(icp::Outcome outcome) {
  return static_cast<std::size_t>(outcome);
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    auto at = s.find(separator);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reports defects as "NAME:LINE: message".
struct Locator {
  const std::string& name;
  std::size_t line;
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(name + ":" + std::to_string(line) + ": " + message);
  }
};

bool parse_bool(std::string_view cell, const char* column, const Locator& at) {
  auto value = trim(cell);
  if (value == "yes") return true;
  if (value == "no") return false;
  at.fail(std::string(column) + " must be yes or no, found \"" + printable(value) + "\"");
}

icp::Outcome parse_outcome(std::string_view cell, const Locator& at) {
  auto value = trim(cell);
  for (std::size_t i = 0; i < 3; ++i)
    if (value == kOutcomes[i]) return static_cast<icp::Outcome>(i);
  at.fail("decision must be license, filing or neither, found \"" + printable(value) + "\"");
}

std::vector<int> parse_categories(std::string_view cell, const Locator& at) {
  std::vector<int> categories;
  if (trim(cell).empty()) return categories;
  for (auto part : split(cell, ',')) {
    auto value = trim(part);
    if (value.size() != 1 || value[0] < '1' || value[0] > '5')
      at.fail("categories must be comma-separated numbers 1-5, found \"" + printable(cell) + "\"");
    categories.push_back(value[0] - '0');
  }
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  return categories;
}

std::vector<std::string> parse_sectors(std::string_view cell, const Locator& at) {
  std::vector<std::string> sectors;
  if (trim(cell).empty()) return sectors;
  for (auto part : split(cell, ',')) {
    auto value = trim(part);
    if (std::find(std::begin(kSectors), std::end(kSectors), value) == std::end(kSectors))
      at.fail("unknown pre-approval sector \"" + printable(value) +
              "\" (expected news, publishing, education, medical, drugs, medical_devices)");
    sectors.emplace_back(value);
  }
  std::sort(sectors.begin(), sectors.end());
  sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
  return sectors;
}

std::string join(const std::vector<int>& values) {
  std::string out;
  for (int v : values) {
    if (!out.empty()) out += ',';
    out += std::to_string(v);
  }
  return out.empty() ? "-" : out;
}

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ',';
    out += v;
  }
  return out.empty() ? "-" : out;
}

const char* yes_no(bool value) {
  return value ? "yes" : "no";
}

std::string percent(const std::optional<double>& value) {
  if (!value) return "-";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", *value * 100);
  return buffer;
}

std::string ratio_text(const Ratio& r) {
  return percent(r.value()) + " (" + std::to_string(r.hits) + "/" + std::to_string(r.total) + ")";
}

json::value optional_json(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::object ratio_json(const Ratio& r) {
  return json::object{{"hits", r.hits}, {"total", r.total}, {"accuracy", optional_json(r.value())}};
}

json::object labels_json(const Labels& l) {
  json::array categories(l.categories.begin(), l.categories.end());
  json::array sectors;
  for (const auto& s : l.preapprovals) sectors.push_back(json::string(s));
  return json::object{{"decision", icp::to_string(l.decision)},
                      {"categories", std::move(categories)},
                      {"news_permit", l.news_permit},
                      {"preapprovals", std::move(sectors)},
                      {"foreign", l.foreign}};
}

// One field's expected and predicted value, for the listing of wrong cases.
std::string field_difference(const std::string& field, const Labels& e, const Labels& p) {
  std::string arrow = " → ";
  if (field == "categories") return field + " " + join(e.categories) + arrow + join(p.categories);
  if (field == "news_permit") return field + " " + yes_no(e.news_permit) + arrow + yes_no(p.news_permit);
  if (field == "preapprovals") return field + " " + join(e.preapprovals) + arrow + join(p.preapprovals);
  return field + " " + yes_no(e.foreign) + arrow + yes_no(p.foreign);
}

}  // namespace

Labels labels_of(const icp::Decision& d) {
  Labels l;
  l.decision = d.decision;
  l.categories = d.categories;
  std::sort(l.categories.begin(), l.categories.end());
  l.categories.erase(std::unique(l.categories.begin(), l.categories.end()), l.categories.end());
  l.news_permit = d.news_permit;
  for (const auto& p : d.preapprovals) l.preapprovals.emplace_back(p.sector);
  std::sort(l.preapprovals.begin(), l.preapprovals.end());
  l.preapprovals.erase(std::unique(l.preapprovals.begin(), l.preapprovals.end()), l.preapprovals.end());
  l.foreign = d.foreign_investment;
  return l;
}

std::vector<Case> read_cases(std::istream& in, const std::string& name) {
  std::vector<Case> cases;
  std::map<std::string, std::size_t, std::less<>> columns;
  std::map<std::string, std::size_t, std::less<>> first_line_of_id;
  std::size_t needed = 0;  // fields a row must have
  std::string raw;
  for (std::size_t number = 1; std::getline(in, raw); ++number) {
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const Locator at{name, number};
    if (number == 1) {
      if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
      auto header = split(line, '\t');
      for (std::size_t i = 0; i < header.size(); ++i) columns.emplace(trim(header[i]), i);
      std::string missing;
      for (const char* column : kRequired) {
        auto found = columns.find(column);
        if (found == columns.end())
          missing.append(missing.empty() ? "" : ", ").append(column);
        else
          needed = std::max(needed, found->second + 1);
      }
      if (!missing.empty()) at.fail("header lacks column(s): " + missing);
      continue;
    }
    if (trim(line).empty()) continue;
    auto fields = split(line, '\t');
    if (fields.size() < needed)
      at.fail("expected at least " + std::to_string(needed) + " tab-separated fields, found " +
              std::to_string(fields.size()));
    auto cell = [&](const char* column) { return fields[columns.find(column)->second]; };
    Case c;
    c.line = number;
    c.id = std::string(trim(cell("id")));
    if (c.id.empty()) at.fail("empty id");
    if (auto [it, fresh] = first_line_of_id.emplace(c.id, number); !fresh)
      at.fail("duplicate id \"" + printable(c.id) + "\" (first on line " + std::to_string(it->second) + ")");
    c.text = std::string(cell("text"));
    if (is_blank(c.text)) at.fail("empty text");
    c.expected.decision = parse_outcome(cell("decision"), at);
    c.expected.categories = parse_categories(cell("categories"), at);
    c.expected.news_permit = parse_bool(cell("news_permit"), "news_permit", at);
    c.expected.preapprovals = parse_sectors(cell("preapprovals"), at);
    c.expected.foreign = parse_bool(cell("foreign"), "foreign", at);
    c.certain = parse_bool(cell("certain"), "certain", at);
    if (auto note = columns.find("note"); note != columns.end() && note->second < fields.size())
      c.note = std::string(fields[note->second]);
    if (auto as_of = columns.find("as_of"); as_of != columns.end() && as_of->second < fields.size())
      c.as_of = std::string(trim(fields[as_of->second]));
    if (auto facts = columns.find("facts"); facts != columns.end() && facts->second < fields.size())
      for (auto item : split(fields[facts->second], ';'))
        if (!trim(item).empty()) c.facts.emplace_back(trim(item));
    cases.push_back(std::move(c));
  }
  if (in.bad()) throw InputError(name + ": cannot read file");
  if (columns.empty()) throw InputError(name + ": empty file (expected a header line)");
  return cases;
}

std::vector<Case> read_cases_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open cases file");
  return read_cases(in, path);
}

std::optional<double> Ratio::value() const {
  if (total == 0) return std::nullopt;
  return static_cast<double>(hits) / static_cast<double>(total);
}

std::optional<double> CategoryCounts::precision() const {
  if (tp + fp == 0) return std::nullopt;
  return static_cast<double>(tp) / static_cast<double>(tp + fp);
}

std::optional<double> CategoryCounts::recall() const {
  if (tp + fn == 0) return std::nullopt;
  return static_cast<double>(tp) / static_cast<double>(tp + fn);
}

Metrics evaluate(const std::vector<Case>& cases, const std::vector<Labels>& predicted) {
  if (cases.size() != predicted.size()) throw std::invalid_argument("evaluate: one prediction per case");
  Metrics m;
  m.cases = cases.size();
  const auto score = [](Ratio& r, bool hit) {
    ++r.total;
    if (hit) ++r.hits;
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Labels& e = cases[i].expected;
    const Labels& p = predicted[i];
    Mismatch wrong{cases[i].id, cases[i].text, e, p, e.decision != p.decision, {}};

    score(m.decision, !wrong.decision_wrong);
    ++m.confusion[index_of(e.decision)][index_of(p.decision)];
    if (e.decision == icp::Outcome::license && p.decision != icp::Outcome::license) {
      ++m.under_calls;
      if (cases[i].certain) ++m.under_calls_certain;
    }
    for (int c = 1; c <= 5; ++c) {
      bool expected = std::binary_search(e.categories.begin(), e.categories.end(), c);
      bool got = std::find(p.categories.begin(), p.categories.end(), c) != p.categories.end();
      auto& counts = m.categories[static_cast<std::size_t>(c - 1)];
      if (expected && got) ++counts.tp;
      if (!expected && got) ++counts.fp;
      if (expected && !got) ++counts.fn;
    }
    if (e.categories != p.categories) wrong.fields.push_back("categories");
    score(m.news_permit, e.news_permit == p.news_permit);
    if (e.news_permit != p.news_permit) wrong.fields.push_back("news_permit");
    score(m.preapprovals, e.preapprovals == p.preapprovals);
    if (e.preapprovals != p.preapprovals) wrong.fields.push_back("preapprovals");
    score(m.foreign, e.foreign == p.foreign);
    if (e.foreign != p.foreign) wrong.fields.push_back("foreign");

    if (wrong.decision_wrong || !wrong.fields.empty()) m.mismatches.push_back(std::move(wrong));
  }
  return m;
}

void print_metrics(std::ostream& out, const Metrics& m, const std::string& cases_name) {
  const auto text_of = [](const Mismatch& w) { return "  " + printable(first_chars(to_valid_utf8(w.text), 60)); };

  out << "Evaluated " << m.cases << " cases from " << printable(cases_name) << "\n\n";
  out << "Wrong decisions (expected → predicted):\n";
  std::size_t shown = 0;
  for (const auto& w : m.mismatches) {
    if (!w.decision_wrong) continue;
    ++shown;
    out << "  " << printable(w.id) << "  " << icp::to_string(w.expected.decision) << " → "
        << icp::to_string(w.predicted.decision);
    for (const auto& field : w.fields) out << "; " << field_difference(field, w.expected, w.predicted);
    out << '\n' << "  " << text_of(w) << '\n';
  }
  if (shown == 0) out << "  none\n";

  out << "\nOther fields wrong, decision right (expected → predicted):\n";
  shown = 0;
  for (const auto& w : m.mismatches) {
    if (w.decision_wrong) continue;
    ++shown;
    out << "  " << printable(w.id) << "  ";
    for (std::size_t i = 0; i < w.fields.size(); ++i)
      out << (i ? "; " : "") << field_difference(w.fields[i], w.expected, w.predicted);
    out << '\n' << "  " << text_of(w) << '\n';
  }
  if (shown == 0) out << "  none\n";

  out << "\nCategories (micro counts over cases):\n";
  for (std::size_t c = 0; c < 5; ++c) {
    const auto& k = m.categories[c];
    out << "  " << c + 1 << "  tp " << k.tp << "  fp " << k.fp << "  fn " << k.fn << "  precision "
        << percent(k.precision()) << "  recall " << percent(k.recall()) << '\n';
  }

  // The last 12 lines: a compact summary.
  out << "\n== summary: " << printable(cases_name) << " ==\n";
  out << "cases                  " << m.cases << '\n';
  out << "decision accuracy      " << ratio_text(m.decision) << '\n';
  out << "under-calls            " << m.under_calls << " (certain=yes: " << m.under_calls_certain
      << ")  expected license, predicted filing/neither\n";
  out << "confusion exp\\pred     license  filing neither\n";
  for (std::size_t e = 0; e < 3; ++e) {
    char row[80];
    std::snprintf(row, sizeof row, "  %-20s %7zu %7zu %7zu\n", kOutcomes[e], m.confusion[e][0], m.confusion[e][1],
                  m.confusion[e][2]);
    out << row;
  }
  out << "categories P/R        ";
  for (std::size_t c = 0; c < 5; ++c)
    out << ' ' << c + 1 << ' ' << percent(m.categories[c].precision()) << '/' << percent(m.categories[c].recall());
  out << '\n';
  out << "news permit accuracy   " << ratio_text(m.news_permit) << '\n';
  out << "pre-approval accuracy  " << ratio_text(m.preapprovals) << '\n';
  out << "foreign accuracy       " << ratio_text(m.foreign) << '\n';
}

json::object metrics_json(const Metrics& m) {
  json::object confusion;
  for (std::size_t e = 0; e < 3; ++e) {
    json::object row;
    for (std::size_t p = 0; p < 3; ++p) row[kOutcomes[p]] = m.confusion[e][p];
    confusion[kOutcomes[e]] = std::move(row);
  }
  json::array categories;
  for (std::size_t c = 0; c < 5; ++c) {
    const auto& k = m.categories[c];
    categories.push_back(json::object{{"category", c + 1},
                                      {"tp", k.tp},
                                      {"fp", k.fp},
                                      {"fn", k.fn},
                                      {"precision", optional_json(k.precision())},
                                      {"recall", optional_json(k.recall())}});
  }
  json::array mismatches;
  for (const auto& w : m.mismatches) {
    json::array fields;
    for (const auto& f : w.fields) fields.push_back(json::string(f));
    mismatches.push_back(json::object{{"id", json::string(to_valid_utf8(w.id))},
                                      {"decision_wrong", w.decision_wrong},
                                      {"fields", std::move(fields)},
                                      {"expected", labels_json(w.expected)},
                                      {"predicted", labels_json(w.predicted)},
                                      {"text", json::string(first_chars(to_valid_utf8(w.text), 60))}});
  }
  return json::object{{"cases", m.cases},
                      {"decision", ratio_json(m.decision)},
                      {"confusion", std::move(confusion)},
                      {"categories", std::move(categories)},
                      {"news_permit", ratio_json(m.news_permit)},
                      {"preapprovals", ratio_json(m.preapprovals)},
                      {"foreign", ratio_json(m.foreign)},
                      {"under_calls", m.under_calls},
                      {"under_calls_certain", m.under_calls_certain},
                      {"mismatches", std::move(mismatches)}};
}

}  // namespace icp::cli
