// The data/lexicon files embedded at build time (see cmake/EmbedFiles.cmake).
#pragma once

#include <cstddef>

namespace icp::lexicon::builtin {

struct File {
  const char* name;  // relative to data/lexicon, e.g. "phrases/commercial.tsv"
  const unsigned char* data;
  std::size_t size;
};

extern const File files[];
extern const std::size_t file_count;

}  // namespace icp::lexicon::builtin
