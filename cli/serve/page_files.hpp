// The intake page's files (cli/serve/page/), embedded at build time by
// cmake/EmbedFiles.cmake: the binary serves them with no files beside it.
#pragma once

#include <cstddef>

namespace icp::cli::serve::page {

struct File {
  const char* name;  // relative to cli/serve/page, e.g. "app.js"
  const unsigned char* data;
  std::size_t size;
};

extern const File files[];
extern const std::size_t file_count;

}  // namespace icp::cli::serve::page
