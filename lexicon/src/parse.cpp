// Parsing and validating lexicon TSV text.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "icp/errors.hpp"
#include "lexicon.hpp"
#include "utf8_scan.hpp"

namespace icp {

namespace {
std::string locate(const std::string& file, std::size_t line, const std::string& message) {
  std::string text = file;
  if (line) {
    text += ':';
    text += std::to_string(line);
  }
  text += ": ";
  text += message;
  return text;
}
}  // namespace

LexiconError::LexiconError(std::string file, std::size_t line, const std::string& message)
    : std::runtime_error(locate(file, line, message)), file_(std::move(file)), line_(line) {}
// Out of line: the key function, so the vtable and type information live in
// the library (exported with the class) rather than in every user.
LexiconError::~LexiconError() = default;

}  // namespace icp

namespace icp::lexicon {
namespace {

constexpr std::string_view kSignalsHeader = "# icp-lexicon signals v1";
constexpr std::string_view kPhrasesHeader = "# icp-lexicon phrases v1";

struct Line {
  std::size_t number;
  std::vector<std::string_view> fields;
};

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    auto tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Splits a file into data lines, checking the format header and encoding.
std::vector<Line> data_lines(const SourceFile& file, std::string_view header) {
  std::vector<Line> lines;
  std::string_view text = file.text;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto newline = text.find('\n', start);
    std::string_view line = text.substr(start, newline == std::string_view::npos ? newline : newline - start);
    start = newline == std::string_view::npos ? text.size() : newline + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Strict UTF-8 (RFC 3629): no overlongs (C0 80), surrogates (ED A0 80),
    // code points past U+10FFFF (F4 90 80 80) or cut sequences.
    if (const std::size_t valid = utf8::valid_prefix(line); valid != line.size())
      throw LexiconError(file.name, number,
                         "not valid UTF-8 at byte " + std::to_string(valid + 1) +
                             " of the line (an overlong, a surrogate, a code point past U+10FFFF or a cut sequence)");
    if (number == 1) {
      if (line != header) throw LexiconError(file.name, 1, "first line must be \"" + std::string(header) + "\"");
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    lines.push_back({number, split_tabs(line)});
  }
  if (number == 0) throw LexiconError(file.name, 0, "empty file");
  return lines;
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

void fnv1a(std::uint64_t& hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  hash ^= 0xff;  // separates consecutive pieces
  hash *= 0x100000001b3ULL;
}

std::string hex(std::uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 0xF];
  return out;
}

std::uint64_t parse_hash(const std::string& text) {
  std::uint64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value, 16);
  return value;
}

std::vector<SignalInfo> parse_signals(const SourceFile& file) {
  std::vector<SignalInfo> signals;
  std::set<std::string, std::less<>> seen;
  std::string previous;
  for (const auto& line : data_lines(file, kSignalsHeader)) {
    if (line.fields.size() != 6)
      throw LexiconError(file.name, line.number,
                         "expected 6 tab-separated fields (id, kind, basis, citation, meaning_zh, "
                         "meaning_en), found " +
                             std::to_string(line.fields.size()));
    for (std::size_t i = 0; i < 6; ++i)
      if (blank(line.fields[i]))
        throw LexiconError(file.name, line.number, "field " + std::to_string(i + 1) + " is empty");
    std::string id(line.fields[0]);
    if (id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
      throw LexiconError(file.name, line.number, "signal id \"" + id + "\" must be lower-case ASCII, digits and _");
    if (!seen.insert(id).second) throw LexiconError(file.name, line.number, "duplicate signal \"" + id + "\"");
    if (!previous.empty() && id < previous)
      throw LexiconError(file.name, line.number, "not sorted: \"" + id + "\" after \"" + previous + "\"");
    previous = id;
    std::string basis(line.fields[2]);
    static const std::set<std::string, std::less<>> bases{"measures", "catalogue",    "notice",
                                                          "brief",    "beyond_brief", "lexicon"};
    if (!bases.count(basis))
      throw LexiconError(
          file.name, line.number,
          "basis \"" + basis + "\" is not one of measures, catalogue, notice, brief, beyond_brief, lexicon");
    signals.push_back({id, std::string(line.fields[1]), basis, std::string(line.fields[3]), std::string(line.fields[4]),
                       std::string(line.fields[5])});
  }
  if (signals.empty()) throw LexiconError(file.name, 0, "no signals defined");
  return signals;
}

void parse_phrases(const SourceFile& file, bool must_be_sorted, Lexicon& lexicon) {
  std::set<std::string, std::less<>> known;
  for (const auto& s : lexicon.signals) known.insert(s.id);
  std::set<std::pair<std::string, std::string>> seen;
  std::pair<std::string, std::string> previous;
  for (const auto& line : data_lines(file, kPhrasesHeader)) {
    if (line.fields.size() < 3 || line.fields.size() > 4)
      throw LexiconError(file.name, line.number,
                         "expected 3 or 4 tab-separated fields (phrase, signal, weight, [note]), found " +
                             std::to_string(line.fields.size()));
    std::string phrase(line.fields[0]);
    std::string signal(line.fields[1]);
    if (blank(phrase)) throw LexiconError(file.name, line.number, "empty phrase");
    if (phrase.front() == ' ' || phrase.back() == ' ')
      throw LexiconError(file.name, line.number, "phrase \"" + phrase + "\" has leading or trailing spaces");
    if (!known.count(signal))
      throw LexiconError(file.name, line.number, "unknown signal \"" + signal + "\" (not in signals.tsv)");
    auto weight_text = line.fields[2];
    int weight = 0;
    auto [end, error] = std::from_chars(weight_text.data(), weight_text.data() + weight_text.size(), weight);
    if (error != std::errc() || end != weight_text.data() + weight_text.size() || weight < 1 || weight > 3)
      throw LexiconError(file.name, line.number, "weight \"" + std::string(weight_text) + "\" must be 1, 2 or 3");
    auto key = std::make_pair(phrase, signal);
    if (!seen.insert(key).second)
      throw LexiconError(file.name, line.number, "duplicate entry \"" + phrase + "\" → " + signal);
    if (must_be_sorted && !previous.first.empty() && key < previous)
      throw LexiconError(file.name, line.number, "not sorted: \"" + phrase + "\" after \"" + previous.first + "\"");
    previous = key;
    lexicon.phrases.push_back({phrase, signal, weight, file.name, line.number});
  }
}

}  // namespace

Lexicon parse(const SourceFile& signals, const std::vector<SourceFile>& phrase_files) {
  Lexicon lexicon;
  lexicon.signals = parse_signals(signals);
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  fnv1a(hash, signals.text);  // content only: the same files hash alike wherever they live
  if (phrase_files.empty()) throw LexiconError(signals.name, 0, "no phrase files beside it");
  for (const auto& file : phrase_files) {
    parse_phrases(file, true, lexicon);
    fnv1a(hash, file.text);
  }
  lexicon.hash = hex(hash);
  return lexicon;
}

void add_user_phrases(Lexicon& lexicon, const SourceFile& file) {
  // All or nothing: a defect anywhere in the file leaves the lexicon as it was.
  Lexicon staged;
  staged.signals = lexicon.signals;
  parse_phrases(file, false, staged);
  lexicon.phrases.insert(lexicon.phrases.end(), staged.phrases.begin(), staged.phrases.end());
  std::uint64_t hash = parse_hash(lexicon.hash);
  fnv1a(hash, file.text);
  lexicon.hash = hex(hash);
}

}  // namespace icp::lexicon
