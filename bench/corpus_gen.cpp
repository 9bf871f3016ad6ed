// icp_corpus_gen ROWS [SEED]      writes ROWS generated descriptions as CSV
// icp_corpus_gen --bytes N [SEED] writes rows until the output reaches N bytes
// Columns: id,简介,备注 — the description quoted now and then, with a comma.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "corpus_gen.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: icp_corpus_gen ROWS [SEED] | --bytes N [SEED]\n");
    return 2;
  }
  const bool by_bytes = std::strcmp(argv[1], "--bytes") == 0;
  const int seed_arg = by_bytes ? 3 : 2;
  if (by_bytes && argc < 3) return 2;
  const unsigned long long limit = std::strtoull(argv[by_bytes ? 2 : 1], nullptr, 10);
  icp::bench::CorpusGenerator generator(argc > seed_arg ? std::strtoull(argv[seed_arg], nullptr, 10) : 20240601);
  std::string out = "id,简介,备注\n";
  unsigned long long written = 0;
  for (unsigned long long row = 0; by_bytes ? written < limit : row < limit; ++row) {
    const std::string text = generator.next();
    out += std::to_string(row + 1) + ',';
    out += row % 10 == 3 ? "\"" + text + "，详见\"\"官网\"\"\"" : text;
    out += row % 4 == 0 ? ",\"A,B类\"\n" : ",\n";
    if (out.size() > (1 << 20)) {
      written += std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  written += std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
