// Windowed word checks (segmenting only between dictionary cuts around each
// candidate phrase) must give exactly the decisions of the whole-clause
// reference path: over every case table text, real app descriptions when the
// shared corpus is present, and generated corpus-like descriptions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../../bench/corpus_gen.hpp"
#include "icp/classifier.hpp"
#include "signals/extract.hpp"

namespace {

// The `text` column (second) of a TSV file, header and comments skipped.
std::vector<std::string> tsv_texts(const std::filesystem::path& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto next = line.find('\t', tab + 1);
    out.push_back(line.substr(tab + 1, next == std::string::npos ? std::string::npos : next - tab - 1));
  }
  return out;
}

std::string fingerprint(const icp::Decision& d) {
  std::string s = icp::to_string(d.decision);
  for (int c : d.categories) s += " c" + std::to_string(c);
  s += d.news_permit ? " news" : "";
  s += d.foreign_investment ? " foreign" : "";
  for (const auto& p : d.preapprovals) (s += " pre:") += p.sector;
  s += " conf:" + std::to_string(d.confidence);
  for (const auto& e : d.evidence)
    s += " [" + std::to_string(e.begin) + "," + std::to_string(e.end) + " " + std::string(e.signal) +
         (e.negated ? " neg" : "") + (e.planned ? " plan" : "") + "]";
  for (const auto& t : d.trace) (s += " ") += t.rule;
  return s;
}

struct Restore {
  ~Restore() { icp::signals::set_full_clause_segmentation(false); }
};

}  // namespace

TEST_CASE("windowed segmentation gives the decisions of whole-clause segmentation") {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(ICP_CASES_DIR))
    if (entry.path().extension() == ".tsv")
      for (auto& t : tsv_texts(entry.path())) texts.push_back(std::move(t));
  const std::size_t case_texts = texts.size();
  CHECK(case_texts > 300);
  const std::filesystem::path shared = "/work/shared/corpus/apps.tsv";  // optional: real descriptions
  if (std::filesystem::exists(shared))
    for (auto& t : tsv_texts(shared)) texts.push_back(std::move(t));
  icp::bench::CorpusGenerator generator(7);
  for (int i = 0; i < 3000; ++i) texts.push_back(generator.next());

  const icp::Classifier classifier;
  Restore restore;
  std::size_t differences = 0;
  for (const auto& text : texts) {
    icp::signals::set_full_clause_segmentation(true);
    const std::string reference = fingerprint(classifier.classify(text));
    icp::signals::set_full_clause_segmentation(false);
    const std::string windowed = fingerprint(classifier.classify(text));
    if (reference != windowed && ++differences <= 5) {
      CAPTURE(text);
      CHECK(windowed == reference);
    }
  }
  MESSAGE(texts.size() << " texts compared (" << case_texts << " from the case tables)");
  CHECK(differences == 0);
}
