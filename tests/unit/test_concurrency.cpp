// One Classifier shared by many threads gives the same answers as one thread.
// Runs in the Release tests and, under ThreadSanitizer, in the "tsan" section
// of scripts/test.sh (icp_unit_tests -ts=concurrency).
//
// The texts are every case of tests/cases/*.tsv plus a few awkward inputs.
// Each thread classifies all of them, starting at a different offset so that
// the threads hit different texts at the same moment.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "c_api/decision_json.hpp"
#include "icp/classifier.hpp"
#include "icp/icp.h"

namespace {

constexpr std::size_t kThreads = 8;

// Every field of the CLI contract, in both languages.
std::string canonical(const icp::Decision& d) {
  using icp::c_api::Lang;
  return icp::c_api::decision_json(d, Lang::zh, {}) + icp::c_api::decision_json(d, Lang::en, {});
}

std::vector<std::string> case_texts() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(ICP_CASES_DIR))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      const auto end = line.find('\t', tab + 1);
      texts.push_back(line.substr(tab + 1, end == std::string::npos ? std::string::npos : end - tab - 1));
    }
  }
  texts.push_back("");
  texts.push_back("   \n\t ");
  texts.push_back("论坛\xff\xfe靠广告\xc0\xaf盈利");
  texts.push_back("<p>我們的論壇靠廣告盈利</p><br>本公司不提供即时通讯");
  texts.push_back(std::string("\0\x01\x1b[31m网店\x7f", 10));
  return texts;
}

// Runs `work(thread, index)` for every text index on kThreads threads, each
// starting at its own offset.
template <typename Work>
void on_threads(std::size_t count, Work work) {
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (std::size_t t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (std::size_t k = 0; k < count; ++k) work(t, (k + t * count / kThreads) % count);
    });
  go = true;
  for (auto& thread : threads) thread.join();
}

}  // namespace

TEST_SUITE("concurrency") {
  TEST_CASE("one Classifier shared by 8 threads answers like one thread") {
    const auto texts = case_texts();
    REQUIRE(texts.size() > 300);
    const icp::Classifier classifier;
    std::vector<std::string> expected;
    for (const auto& text : texts) expected.push_back(canonical(classifier.classify(text)));

    std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(texts.size()));
    on_threads(texts.size(),
               [&](std::size_t t, std::size_t i) { got[t][i] = canonical(classifier.classify(texts[i])); });

    std::size_t differ = 0;
    for (std::size_t t = 0; t < kThreads; ++t)
      for (std::size_t i = 0; i < texts.size(); ++i)
        if (got[t][i] != expected[i]) {
          if (++differ <= 5) MESSAGE("thread ", t, " differs on: ", texts[i]);
        }
    CHECK(differ == 0);
  }

  TEST_CASE("the C API from 8 threads: same JSON as one thread") {
    const auto texts = case_texts();
    icp_classifier* classifier = icp_classifier_create(nullptr, nullptr, 0);
    REQUIRE(classifier != nullptr);
    const auto json = [&](const std::string& text, const char* lang) {
      char* p = icp_classify(classifier, text.data(), text.size(), lang);
      std::string s = p == nullptr ? std::string("NULL: ") + icp_last_error() : std::string(p);
      icp_free(p);
      return s;
    };
    std::vector<std::string> expected[2];  // zh, en
    for (const auto& text : texts) {
      expected[0].push_back(json(text, "zh"));
      expected[1].push_back(json(text, "en"));
    }

    std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(texts.size()));
    on_threads(texts.size(), [&](std::size_t t, std::size_t i) { got[t][i] = json(texts[i], t % 2 ? "en" : "zh"); });
    icp_classifier_destroy(classifier);

    std::size_t differ = 0;
    for (std::size_t t = 0; t < kThreads; ++t)
      for (std::size_t i = 0; i < texts.size(); ++i) differ += got[t][i] != expected[t % 2][i];
    CHECK(differ == 0);
  }

  TEST_CASE("Classifiers built on several threads at once agree") {
    std::vector<std::string> hashes(4);
    std::vector<std::string> answers(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < hashes.size(); ++t)
      threads.emplace_back([&, t] {
        const icp::Classifier classifier;
        hashes[t] = classifier.lexicon_hash();
        answers[t] = icp::to_string(classifier.classify("我們的論壇靠廣告盈利").decision);
      });
    for (auto& thread : threads) thread.join();
    for (std::size_t t = 1; t < hashes.size(); ++t) {
      CHECK(hashes[t] == hashes[0]);
      CHECK(answers[t] == answers[0]);
    }
  }
}
