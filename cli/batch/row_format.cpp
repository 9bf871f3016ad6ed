#include "batch/row_format.hpp"

#include "fact_words.hpp"
#include "questions.hpp"
#include "report_text.hpp"
#include "summary.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "batch/csv_writer.hpp"
#include "batch/json_text.hpp"

namespace icp::cli::batch {
namespace {

enum Col {
  kDecision,
  kCategories,
  kNews,
  kPreapprovals,
  kForeign,
  kConfidence,
  kReason,
  kReady,
  kUnmet,
  kSummary,
  kQuestions,
  kError
};

// True if `text` holds a byte below 0x20 (tabs and line breaks among them).
// Eight bytes at a time: texts are long and rarely hold one.
bool has_control_byte(std::string_view text) {
  std::size_t i = 0;
  for (std::uint64_t w; i + 8 <= text.size(); i += 8) {
    std::memcpy(&w, text.data() + i, 8);
    // Sets the top bit of the lowest byte below 0x20, if any (bytes above 0x7F are kept out by ~w).
    if ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) return true;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) < 0x20) return true;
  return false;
}

// `text` as valid UTF-8 on one line: tabs and line breaks become spaces.
void one_line(std::string_view text, std::string& out) {
  if (first_invalid_utf8(text))
    out = to_valid_utf8(text);
  else
    out.assign(text);
  if (!has_control_byte(out)) return;
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
}

// "%.2f" of the confidence clamped to [0, 1]; to_chars rounds as printf does.
void confidence_text(double c, std::string& out) {
  if (!std::isfinite(c)) c = 0.0;
  c = std::clamp(c, 0.0, 1.0);
  char buffer[16];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, c, std::chars_format::fixed, 2).ptr;
  out.assign(buffer, end);
}

}  // namespace

std::vector<bool> earlier_answers(const std::vector<std::string>& input_header) {
  std::vector<bool> replaced(input_header.size());
  for (std::size_t i = 0; i < input_header.size(); ++i)
    replaced[i] = std::find(kIcpColumns.begin(), kIcpColumns.end(), input_header[i]) != kIcpColumns.end();
  return replaced;
}

std::string csv_header(const std::vector<std::string>& input_header, const std::vector<bool>& replaced) {
  std::vector<std::string_view> fields;
  for (std::size_t i = 0; i < input_header.size(); ++i)
    if (i >= replaced.size() || !replaced[i]) fields.push_back(input_header[i]);
  for (const char* name : kIcpColumns) fields.push_back(name);
  std::string out;
  append_csv_record(out, fields);
  return out;
}

// Whether a record of a file guessed as UTF-8 is GB18030 instead: some
// field is not valid UTF-8, and every field is valid GB18030.
bool RowFormatter::record_needs_gb18030(const RecordBatch& batch, const RecordBatch::Row& row) {
  bool invalid_utf8 = false;
  for (std::size_t i = 0; i < row.field_count && !invalid_utf8; ++i)
    invalid_utf8 = first_invalid_utf8(batch.field(row, i)).has_value();
  if (!invalid_utf8) return false;
  for (std::size_t i = 0; i < row.field_count; ++i)
    if (!gb18030_.decode_view(batch.field(row, i), decoded_).ok) return false;
  return true;
}

RowFormatter::RowFormatter(const RowSettings& settings, const icp::Classifier& classifier)
    : settings_(settings),
      classifier_(classifier),
      decoder_(settings.encoding),
      gb18030_(Encoding::gb18030),
      icp_(kIcpColumns.size()) {}

void RowFormatter::format(const RecordBatch& batch, const RecordBatch::Row& row, std::string& out, Stats& stats) {
  ++stats.rows;
  for (auto& v : icp_) v.clear();
  std::string& error = icp_[kError];

  // The input fields, decoded to UTF-8 (UTF-8 input: the bytes as they are).
  // A GB18030 field with bytes that are not GB18030 is echoed as it was, byte
  // for byte (the README's promise: nothing lost), not with U+FFFD in them.
  views_.clear();
  // A record the UTF-8 guess misjudged: not UTF-8, but every field GB18030.
  bool gb = settings_.encoding == Encoding::gb18030;
  if (!gb && settings_.gb18030_fallback && record_needs_gb18030(batch, row)) gb = true;
  Decoder& decoder = settings_.encoding == Encoding::gb18030 || !gb ? decoder_ : gb18030_;
  if (gb && fields_.size() < row.field_count) fields_.resize(row.field_count);
  for (std::size_t i = 0; i < row.field_count; ++i) {
    std::string_view raw = batch.field(row, i);
    if (!gb) {
      views_.push_back(raw);
      continue;
    }
    const Decoded d = decoder.decode_view(raw, fields_[i]);
    views_.push_back(d.ok ? d.text : raw);
  }

  // A wholly empty record — a blank line, or only separators, as an Excel
  // export ends with — is passed through as it is: no decision, no error.
  const bool empty_record = std::all_of(views_.begin(), views_.end(), [](std::string_view v) { return is_blank(v); });
  if (empty_record) ++stats.empty;

  // The description: the chosen columns, non-empty ones joined by line
  // breaks. Usually one column: then `description` views it, uncopied.
  description_.clear();
  std::string_view description;
  for (std::size_t k = 0; k < settings_.columns.size() && error.empty(); ++k) {
    const std::size_t c = settings_.columns[k];
    if (c >= row.field_count) continue;
    const Decoded d = decoder.decode_view(batch.field(row, c), decoded_);
    if (!d.ok) {
      const Encoding tried = gb ? Encoding::gb18030 : settings_.encoding;
      error = std::string("undecodable description: invalid ") + encoding_name(tried) + " bytes at byte " +
              std::to_string(d.bad_offset) + " of " + settings_.column_names[k];
      // The other encoding may read it: say so, so that the user can rerun
      // with it (a GBK export read with --encoding utf-8, or the reverse).
      const Encoding other = tried == Encoding::gb18030 ? Encoding::utf8 : Encoding::gb18030;
      const bool other_reads = other == Encoding::utf8 ? !first_invalid_utf8(batch.field(row, c))
                                                       : gb18030_.decode_view(batch.field(row, c), decoded_).ok;
      ++stats.undecodable;
      stats.undecoded_as = tried;
      if (other_reads) {
        ++stats.other_encoding;
        error +=
            std::string(" (it reads as ") + encoding_name(other) + ": try --encoding " + encoding_name(other) + ")";
      }
      break;
    }
    if (is_blank(d.text)) continue;
    if (description.empty()) {
      description = d.text;
      // The next column is decoded into decoded_: keep this one apart.
      if (description.data() == decoded_.data()) decoded_.swap(description_), description = description_;
    } else {
      if (description.data() != description_.data()) description_.assign(description);
      description_.push_back('\n');
      description_.append(d.text);
      description = description_;
    }
    if (description.size() > kMaxDescriptionBytes) {
      error = "description too long: over " + std::to_string(kMaxDescriptionBytes) + " bytes";
      break;
    }
  }
  if (error.empty() && description.empty() && !empty_record) error = "empty description";
  if (settings_.width != 0 && row.field_count > settings_.width && settings_.format == OutputFormat::csv &&
      !empty_record) {
    const std::string ragged = "row has " + std::to_string(row.field_count) + " fields, the header has " +
                               std::to_string(settings_.width) + "; the extra fields follow icp_error";
    error = error.empty() ? ragged : error + "; " + ragged;
  }

  // This row's facts: the command line's, then the fact-named columns.
  const icp::Facts* facts = &settings_.facts;
  if (!settings_.fact_columns.empty()) {
    facts_ = settings_.facts;
    facts = &facts_;
  }
  for (const auto& [column, name] : settings_.fact_columns) {
    if (column >= views_.size() || is_blank(views_[column])) continue;
    try {
      icp::set_fact(facts_, name, views_[column]);
    } catch (const icp::FactError& e) {
      const std::string bad = std::string("fact error: ") + e.what();
      error = error.empty() ? bad : error + "; " + bad;
    }
  }
  const bool fact_error = error.find("fact error: ") != std::string::npos;

  icp::Decision decision;
  bool classified = false;
  // A ragged row or a bad fact still gets its decision; the error says what was wrong.
  if ((error.empty() && !empty_record) || (description.size() <= kMaxDescriptionBytes && !description.empty() &&
                                           (error.rfind("row has", 0) == 0 || fact_error))) {
    decision = classifier_.classify(description, *facts);
    classified = true;
    ++stats.decisions[static_cast<std::size_t>(decision.decision)];
  }
  if (!error.empty()) ++stats.errors;

  if (settings_.format == OutputFormat::jsonl) {
    JsonText w(out);
    w.begin_object();
    w.key("row").uint64(row.number - settings_.header_records);
    w.key("line").uint64(row.line);
    w.key("fields").begin_array();
    for (auto v : views_) w.string(v);
    w.end_array();
    // As it is, not repaired: what Boost.JSON wrote before (column names in
    // it are valid already; a fact error may quote the input).
    if (error.empty())
      w.key("error").null();
    else
      w.key("error").string_as_is(error);
    if (empty_record) w.key("empty").boolean(true);
    if (classified)
      write_decision_json(w.key("decision"), decision, settings_.lang, settings_.meta);
    else
      w.key("decision").null();
    w.end_object();
    w.finish();
    out.push_back('\n');
    return;
  }

  if (classified) {
    // Cells in the report's language: 需要许可证 / 是 / 医疗保健 in Chinese,
    // the JSON's ids (license / yes / medical) in English.
    const Lang lang = settings_.lang;
    icp_[kDecision] = outcome_cell(decision.decision, lang);
    for (int c : decision.categories) {
      if (!icp_[kCategories].empty()) icp_[kCategories].push_back(';');
      icp_[kCategories] += std::to_string(c);
    }
    icp_[kNews] = yes_no(decision.news_permit, lang);
    for (const auto& p : decision.preapprovals) {
      if (!icp_[kPreapprovals].empty()) icp_[kPreapprovals].push_back(';');
      icp_[kPreapprovals] += lang == Lang::zh ? sector_name(p.sector, lang) : p.sector;
    }
    icp_[kForeign] = yes_no(decision.foreign_investment, lang);
    confidence_text(decision.confidence, icp_[kConfidence]);
    if (const auto* step = decisive_step(decision))
      one_line(lang == Lang::zh ? step->reason_zh : step->reason_en, icp_[kReason]);
    icp_[kReady] = ready_cell(decision.readiness.ready, lang);
    for (const auto& id : decision.readiness.unmet) {
      if (!icp_[kUnmet].empty()) icp_[kUnmet].push_back(';');
      icp_[kUnmet] += lang == Lang::zh ? condition_label(id, lang) : id;
    }
    // The summary as --summary prints it, lines and all (a quoted CSV field
    // keeps them; Excel wraps them in the cell); the questions one per line.
    const auto questions = open_questions(decision, lang);
    icp_[kSummary] = summary_text(decision, lang, questions);
    if (!icp_[kSummary].empty() && icp_[kSummary].back() == '\n') icp_[kSummary].pop_back();
    for (const auto& q : questions) {
      if (!icp_[kQuestions].empty()) icp_[kQuestions].push_back('\n');
      icp_[kQuestions] += q;
    }
  }

  // Input fields (short rows padded to the header's width), icp_*, extra fields.
  const std::size_t width = settings_.width == 0 ? row.field_count : settings_.width;
  bool first = true;
  auto put = [&](std::string_view f) {
    if (!first) out.push_back(',');
    first = false;
    append_csv_field(out, f);
  };
  const auto& replaced = settings_.replaced;
  for (std::size_t i = 0; i < width; ++i)
    if (i >= replaced.size() || !replaced[i]) put(i < views_.size() ? views_[i] : std::string_view());
  for (const auto& v : icp_) put(v);
  for (std::size_t i = width; i < views_.size(); ++i) put(views_[i]);
  out.push_back('\n');
}

}  // namespace icp::cli::batch
