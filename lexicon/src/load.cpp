// Where lexicon files come from: the embedded copy, a folder, a user file.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "builtin_files.hpp"
#include "icp/errors.hpp"
#include "lexicon.hpp"

namespace icp::lexicon {

SourceFile read_file(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  // With the operating system's reason: a missing file, a permission, a loop of links.
  if (!in)
    throw LexiconError(path, 0,
                       std::string("cannot open file") + (errno ? ": " + std::string(std::strerror(errno)) : ""));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw LexiconError(path, 0, "cannot read file");
  return {path, bytes.str()};
}

Lexicon load_builtin() {
  SourceFile signals;
  std::vector<SourceFile> phrases;
  for (std::size_t i = 0; i < builtin::file_count; ++i) {
    const auto& f = builtin::files[i];
    SourceFile file{std::string("builtin:") + f.name, std::string(reinterpret_cast<const char*>(f.data), f.size)};
    if (std::string_view(f.name) == "signals.tsv")
      signals = std::move(file);
    else
      phrases.push_back(std::move(file));
  }
  return parse(signals, phrases);
}

Lexicon load_directory(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path root(dir);
  std::error_code error;
  if (!fs::is_directory(root, error))
    throw LexiconError(dir, 0, error ? "cannot open the folder: " + error.message() : std::string("not a directory"));
  SourceFile signals = read_file((root / "signals.tsv").string());
  std::vector<std::string> paths;
  const fs::path phrase_dir = root / "phrases";
  if (!fs::is_directory(phrase_dir, error)) throw LexiconError(phrase_dir.string(), 0, "missing phrases/ folder");
  for (const auto& entry : fs::directory_iterator(phrase_dir))
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<SourceFile> phrases;
  for (const auto& path : paths) phrases.push_back(read_file(path));
  return parse(signals, phrases);
}

}  // namespace icp::lexicon
