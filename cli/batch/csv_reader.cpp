#include "batch/csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include "batch/byte_scan.hpp"

namespace icp::cli::batch {

namespace {
constexpr std::size_t kBufferSize = 1 << 16;
}

CsvReader::CsvReader(ReadFn read, std::size_t max_record_bytes, char delimiter)
    : read_(std::move(read)), max_record_bytes_(max_record_bytes), delimiter_(delimiter), buffer_(kBufferSize) {}

bool CsvReader::fill() {
  if (eof_) return false;
  if (pos_ == end_) pos_ = end_ = 0;
  if (end_ == buffer_.size()) {  // keep the unread bytes, make room after them
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  }
  const std::size_t n = read_(buffer_.data() + end_, buffer_.size() - end_);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

std::string_view CsvReader::peek(std::size_t size) {
  while (end_ - pos_ < size && fill()) {
  }
  return std::string_view(buffer_.data() + pos_, std::min(size, end_ - pos_));
}

bool CsvReader::skip_utf8_bom() {
  if (consumed_ != 0) return false;
  if (peek(3) != "\xEF\xBB\xBF") return false;
  pos_ += 3;
  consumed_ += 3;
  return true;
}

bool CsvReader::next(RecordBatch& batch) {
  // A CR ended the previous record: an LF right after it belongs to it (and
  // a CR right after an LF: "\n\r" line ends make no empty rows).
  if (pending_end_ != 0) {
    if (pos_ < end_ || fill()) {
      if (buffer_[pos_] == pending_end_) {
        ++pos_;
        ++consumed_;
      }
    }
    pending_end_ = 0;
  }
  if (pos_ == end_ && !fill()) return false;

  const std::size_t bytes_before = batch.bytes.size();
  const std::size_t fields_before = batch.field_end.size();
  const std::uint64_t start_line = line_;
  std::uint64_t quote_line = line_;
  enum class State { field_start, unquoted, quoted, quote_in_quoted } state = State::field_start;
  std::size_t record_bytes = 0;

  auto fail = [&](std::uint64_t line, const std::string& message) {
    batch.bytes.resize(bytes_before);
    batch.field_end.resize(fields_before);
    throw CsvError(line, message);
  };
  auto end_field = [&] { batch.field_end.push_back(batch.bytes.size()); };

  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (state == State::quoted) fail(quote_line, "unterminated quoted field (the quote opened here is never closed)");
      end_field();
      break;
    }
    // Copy a run of ordinary bytes at once.
    const char* p = buffer_.data() + pos_;
    const char* e = buffer_.data() + end_;
    if (state == State::quoted) {
      const char* q = p;
      for (;;) {  // to the next quote, counting lines
        q += find_any_of<'"', '\n'>(q, static_cast<std::size_t>(e - q));
        if (q == e || *q == '"') break;
        ++line_;
        ++q;
      }
      batch.bytes.append(p, q);
      record_bytes += static_cast<std::size_t>(q - p);
      consumed_ += static_cast<std::size_t>(q - p);
      pos_ += static_cast<std::size_t>(q - p);
      if (record_bytes > max_record_bytes_) fail(start_line, "record longer than the limit");
      if (q == e) continue;
      ++pos_;
      ++consumed_;
      state = State::quote_in_quoted;
      continue;
    }
    if (state == State::unquoted) {
      const char* q =
          p + (delimiter_ == ',' ? find_any_of<',', '\n', '\r'>(p, static_cast<std::size_t>(e - p))
                                 : find_any_of3(p, static_cast<std::size_t>(e - p), delimiter_, '\n', '\r'));
      batch.bytes.append(p, q);
      record_bytes += static_cast<std::size_t>(q - p);
      consumed_ += static_cast<std::size_t>(q - p);
      pos_ += static_cast<std::size_t>(q - p);
      if (record_bytes > max_record_bytes_) fail(start_line, "record longer than the limit");
      if (q == e) continue;
    }
    const char c = buffer_[pos_];
    if (state == State::quote_in_quoted) {
      if (c == '"') {  // a doubled quote
        batch.bytes.push_back('"');
        ++record_bytes;
        ++pos_;
        ++consumed_;
        state = State::quoted;
        continue;
      }
      state = State::unquoted;  // the field's closing quote; anything else is kept as text
      continue;
    }
    if (state == State::field_start && c == '"') {
      quote_line = line_;
      ++pos_;
      ++consumed_;
      state = State::quoted;
      continue;
    }
    ++pos_;
    ++consumed_;
    if (c == delimiter_) {
      end_field();
      state = State::field_start;
      continue;
    }
    if (c == '\n' || c == '\r') {
      ++line_;
      end_field();
      pending_end_ = c == '\r' ? '\n' : '\r';
      break;
    }
    batch.bytes.push_back(c);  // a quote inside an unquoted field
    ++record_bytes;
    state = State::unquoted;
  }
  if (pending_end_ != 0 && (pos_ < end_ || fill())) {
    if (buffer_[pos_] == pending_end_) {
      ++pos_;
      ++consumed_;
    }
    pending_end_ = 0;
  }
  RecordBatch::Row row;
  row.first_field = fields_before;
  row.field_count = batch.field_end.size() - fields_before;
  row.line = start_line;
  row.number = ++records_;
  batch.rows.push_back(row);
  return true;
}

CsvReader::ReadFn read_from(std::string_view bytes) {
  return [bytes, offset = std::size_t{0}](char* buffer, std::size_t size) mutable {
    const std::size_t n = std::min(size, bytes.size() - offset);
    std::memcpy(buffer, bytes.data() + offset, n);
    offset += n;
    return n;
  };
}

}  // namespace icp::cli::batch
