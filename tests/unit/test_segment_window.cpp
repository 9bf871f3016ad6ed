// Windowed word checks (segmenting only between dictionary cuts around each
// candidate phrase) must give exactly the decisions of the whole-clause
// reference path, and WordSegmenter's own segmentation exactly ICU's break
// iterator: over every case table text, real app descriptions when the
// shared corpus is present, and generated corpus-like descriptions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "../../bench/corpus_gen.hpp"
#include "icp/classifier.hpp"
#include "signals/extract.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

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
  ~Restore() {
    icp::signals::set_full_clause_segmentation(false);
    icp::text::set_icu_segmentation_only(false);
  }
};

// Every case table text, the real app descriptions when the shared corpus is
// present, and generated corpus-like descriptions.
std::vector<std::string> all_texts(std::size_t& case_texts) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(ICP_CASES_DIR))
    if (entry.path().extension() == ".tsv")
      for (auto& t : tsv_texts(entry.path())) texts.push_back(std::move(t));
  case_texts = texts.size();
  const std::filesystem::path shared = "/work/shared/corpus/apps.tsv";  // optional: real descriptions
  if (std::filesystem::exists(shared))
    for (auto& t : tsv_texts(shared)) texts.push_back(std::move(t));
  icp::bench::CorpusGenerator generator(7);
  for (int i = 0; i < 3000; ++i) texts.push_back(generator.next());
  return texts;
}

}  // namespace

TEST_CASE("word boundaries of every clause, and of pieces of it, equal ICU's break iterator") {
  // WordSegmenter::boundaries() segments most text itself; the windows the
  // signals layer asks about are pieces of clauses.
  std::size_t case_texts = 0;
  const auto texts = all_texts(case_texts);
  const icp::text::Normalizer normalizer;
  const icp::text::WordSegmenter segmenter;
  std::mt19937 rng(5);
  std::size_t compared = 0, differences = 0;
  auto compare = [&](std::string_view piece) {
    ++compared;
    if (segmenter.boundaries(piece) != segmenter.icu_boundaries(piece) && ++differences <= 5) {
      CAPTURE(piece);
      CHECK(segmenter.boundaries(piece) == segmenter.icu_boundaries(piece));
    }
  };
  for (const auto& text : texts) {
    const auto normalized = normalizer.normalize(text);
    const std::string_view view = normalized.text;
    for (const auto& clause : icp::text::split_clauses(view)) {
      const auto piece = view.substr(clause.begin, clause.end - clause.begin);
      compare(piece);
      std::vector<std::size_t> starts;  // character starts, and the end
      for (std::size_t i = 0; i <= piece.size(); ++i)
        if (i == piece.size() || (static_cast<unsigned char>(piece[i]) & 0xC0) != 0x80) starts.push_back(i);
      std::uniform_int_distribution<std::size_t> at(0, starts.size() - 1);
      for (int k = 0; k < 2; ++k) {
        std::size_t a = starts[at(rng)], b = starts[at(rng)];
        if (a > b) std::swap(a, b);
        compare(piece.substr(a, b - a));
      }
    }
  }
  MESSAGE(compared << " clauses and pieces compared");
  CHECK(differences == 0);
}

TEST_CASE("windowed segmentation gives the decisions of whole-clause segmentation by ICU's break iterator") {
  std::size_t case_texts = 0;
  const auto texts = all_texts(case_texts);
  CHECK(case_texts > 300);

  const icp::Classifier classifier;
  Restore restore;
  std::size_t differences = 0;
  for (const auto& text : texts) {
    // The reference: ICU's word breaker over every clause, as the design
    // first had it; then what runs: our segmenter, around candidates only.
    icp::signals::set_full_clause_segmentation(true);
    icp::text::set_icu_segmentation_only(true);
    const std::string reference = fingerprint(classifier.classify(text));
    icp::signals::set_full_clause_segmentation(false);
    icp::text::set_icu_segmentation_only(false);
    const std::string windowed = fingerprint(classifier.classify(text));
    if (reference != windowed && ++differences <= 5) {
      CAPTURE(text);
      CHECK(windowed == reference);
    }
  }
  MESSAGE(texts.size() << " texts compared (" << case_texts << " from the case tables)");
  CHECK(differences == 0);
}
