// `icp-classify eval CASES.tsv`: reading a table of cases, scoring the
// classifier's answers against it, and printing the scores. The scoring
// (evaluate) is a pure function of expected and predicted labels, so it can be
// tested without the classifier.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "icp/decision.hpp"

namespace icp::cli {

// The fields a case table gives and eval scores.
struct Labels {
  icp::Outcome decision = icp::Outcome::neither;
  std::vector<int> categories;            // ascending, unique
  bool news_permit = false;               // news permit needed
  std::vector<std::string> preapprovals;  // sectors, sorted, unique
  bool foreign = false;                   // foreign investment
  friend bool operator==(const Labels&, const Labels&) = default;
};

Labels labels_of(const icp::Decision& decision);

struct Case {
  std::string id;
  std::string text;
  Labels expected;
  bool certain = false;  // the expected answer is settled law or practice, not a judgement call
  std::string note;
  std::string as_of;               // optional column as_of: the date whose rules apply, "" for today
  std::vector<std::string> facts;  // optional column facts: NAME=VALUE items separated by ';', as --fact
  std::size_t line = 0;            // in the cases file
};

// Reads a TSV whose header names the columns id, text, decision, categories,
// news_permit, preapprovals, foreign, certain (note, as_of and facts
// optional, extra columns ignored). Lists are comma-separated, booleans yes/no. Throws InputError
// "NAME:LINE: message" on the first defect.
std::vector<Case> read_cases(std::istream& in, const std::string& name);
std::vector<Case> read_cases_file(const std::string& path);  // InputError if unreadable

struct Ratio {
  std::size_t hits = 0;
  std::size_t total = 0;
  std::optional<double> value() const;  // nothing when total is 0
};

struct CategoryCounts {  // micro counts over cases, for one category
  std::size_t tp = 0, fp = 0, fn = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
};

struct Mismatch {
  std::string id;
  std::string text;
  Labels expected;
  Labels predicted;
  bool decision_wrong = false;
  std::vector<std::string> fields;  // wrong fields other than the decision: categories, news_permit, ...
};

struct Metrics {
  std::size_t cases = 0;
  Ratio decision, news_permit, preapprovals, foreign;
  std::array<std::array<std::size_t, 3>, 3> confusion{};  // [expected][predicted]: license, filing, neither
  std::array<CategoryCounts, 5> categories{};             // categories 1–5
  std::size_t under_calls = 0;                            // expected license, predicted filing or neither
  std::size_t under_calls_certain = 0;                    // the same, among cases with certain=yes
  std::vector<Mismatch> mismatches;                       // every case with some field wrong, in file order
};

// predicted[i] is the answer for cases[i]; the sizes must match.
Metrics evaluate(const std::vector<Case>& cases, const std::vector<Labels>& predicted);

// The report: per-category counts, the wrong cases, then a compact summary
// as the last 12 lines.
void print_metrics(std::ostream& out, const Metrics& metrics, const std::string& cases_name);
boost::json::object metrics_json(const Metrics& metrics);

}  // namespace icp::cli
