// The batch pipeline as the command runs it (reader, workers, ordered CSV
// output to /dev/null) on a generated corpus: MB/s (input bytes) and rows/s,
// with 1 worker, with every core, and, for the ratios, with whole-clause
// segmentation (the reference path) by our segmenter and by ICU's break
// iterator (the word breaker over every byte). ICP_BENCH_ROWS sets the corpus size
// (default 200,000 descriptions of 100–350 characters).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "corpus_gen.hpp"
#include "run.hpp"
#include "signals/extract.hpp"
#include "text/segment.hpp"

namespace {

struct Corpus {
  std::string path;
  std::size_t bytes = 0;
  std::size_t rows = 0;
  Corpus() {
    const char* env = std::getenv("ICP_BENCH_ROWS");
    rows = env ? std::strtoul(env, nullptr, 10) : 200000;
    path = "/tmp/icp-bench-corpus-" + std::to_string(::getpid()) + ".csv";
    icp::bench::CorpusGenerator generator;
    std::ofstream out(path, std::ios::binary);
    std::string csv = "id,简介\n";
    for (std::size_t i = 0; i < rows; ++i) {
      csv += std::to_string(i + 1) + ',' + generator.next() + '\n';
      if (csv.size() > (1 << 20)) {
        out << csv;
        bytes += csv.size();
        csv.clear();
      }
    }
    out << csv;
    bytes += csv.size();
  }
  ~Corpus() { std::remove(path.c_str()); }
};

const Corpus& corpus() {
  static Corpus c;
  return c;
}

// full_clause: segment whole clauses instead of windows around candidate
// phrases; icu: with ICU's break iterator rather than our own equal segmenter.
void run_batch(benchmark::State& state, bool full_clause, bool icu = false) {
  const Corpus& c = corpus();
  const std::string jobs = std::to_string(state.range(0));
  icp::signals::set_full_clause_segmentation(full_clause);
  icp::text::set_icu_segmentation_only(icu);
  for (auto _ : state) {
    std::vector<std::string> args = {"icp-classify", "batch", c.path, "-o", "/dev/null", "-q", "--jobs", jobs};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    std::istringstream in;
    std::ostringstream out, err;
    const int status = icp::cli::run(static_cast<int>(args.size()), argv.data(), in, out, err);
    if (status != 0) state.SkipWithError(("batch failed: " + err.str()).c_str());
  }
  icp::signals::set_full_clause_segmentation(false);
  icp::text::set_icu_segmentation_only(false);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * c.rows), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * c.bytes) / 1e6, benchmark::Counter::kIsRate);
}

void BM_batch(benchmark::State& state) {
  run_batch(state, false);
}
void BM_batch_full_clause_segmentation(benchmark::State& state) {
  run_batch(state, true);
}
void BM_batch_full_clause_icu_break_iterator(benchmark::State& state) {
  run_batch(state, true, true);
}

const int kCores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

}  // namespace

BENCHMARK(BM_batch)->Arg(1)->Arg(kCores)->Iterations(1)->Repetitions(3)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_batch_full_clause_segmentation)
    ->Arg(1)
    ->Iterations(1)
    ->Repetitions(3)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

BENCHMARK(BM_batch_full_clause_icu_break_iterator)
    ->Arg(1)
    ->Iterations(1)
    ->Repetitions(3)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

BENCHMARK_MAIN();
