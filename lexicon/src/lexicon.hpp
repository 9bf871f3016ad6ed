// The lexicon: which phrases signal what, and what each signal means.
//
// Words live here, law lives in the decision tree. Files are TSV, sorted,
// each opening with a line naming its format:
//   signals.tsv     "# icp-lexicon signals v1"
//                   id  kind  basis  citation  meaning_zh  meaning_en
//   phrases/*.tsv   "# icp-lexicon phrases v1"
//                   phrase  signal  weight(1–3)  [note]
// Lines starting with '#' are comments. Any defect is a LexiconError naming
// the file and line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace icp::lexicon {

struct SignalInfo {
  std::string id;
  std::string kind;  // the decision step family: presence, service, commercial, ...
  std::string basis;
  std::string citation;
  std::string meaning_zh;
  std::string meaning_en;
};

struct PhraseEntry {
  std::string phrase;  // as written in the file (normalised later, by the classifier)
  std::string signal;
  int weight = 1;    // 1 weak, 2 clear, 3 decisive
  std::string file;  // where it came from, for error messages and reports
  std::size_t line = 0;
};

struct Lexicon {
  std::vector<SignalInfo> signals;
  std::vector<PhraseEntry> phrases;
  std::string hash;  // 16 hex digits, FNV-1a 64 over every file's bytes, in load order
};

// One file's text, already read. `name` is used in errors.
struct SourceFile {
  std::string name;
  std::string text;
};

// Parses signals.tsv and phrase files (all of them, in the order given).
// Throws icp::LexiconError.
Lexicon parse(const SourceFile& signals, const std::vector<SourceFile>& phrase_files);

// Adds one user phrase file to a loaded lexicon (same format and checks, but
// need not be sorted); updates the hash.
void add_user_phrases(Lexicon& lexicon, const SourceFile& file);

// The lexicon compiled into the library (data/lexicon at build time).
Lexicon load_builtin();
// A folder laid out like data/lexicon: signals.tsv and phrases/*.tsv.
Lexicon load_directory(const std::string& dir);
// Reads a file; throws icp::LexiconError (line 0) if it cannot be read.
SourceFile read_file(const std::string& path);

}  // namespace icp::lexicon
