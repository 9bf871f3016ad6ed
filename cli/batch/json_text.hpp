// JSON written straight into a string, byte for byte what Boost.JSON's
// serialize() makes of the same values: compact, keys in the order given,
// strings with only ", \ and control characters escaped (\b \t \n \f \r or
// \u00xx), integers in decimal — and doubles in their shortest form (0.82,
// not Boost.JSON's 8.2E-1), the one number format of every output. In --format
// jsonl a row is about 12 KB of JSON; building Boost.JSON values first and
// serializing them cost most of the batch's time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace icp::cli::batch {

// A writer for write_decision_json() (report_json.hpp) and the batch rows.
// It inserts the commas; it does not check nesting. Output is staged in a
// small buffer and appended to `out` in pieces: call finish() at the end.
class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}
  JsonText(const JsonText&) = delete;
  JsonText& operator=(const JsonText&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // An object key, written as it is: names are plain ASCII. The next call
  // writes its value.
  template <std::size_t N>
  JsonText& key(const char (&name)[N]) {
    char* p = room(N + 3);
    if (comma_) *p++ = ',';
    *p++ = '"';
    std::memcpy(p, name, N - 1);  // a constant length: no call
    p += N - 1;
    *p++ = '"';
    *p++ = ':';
    used_ = static_cast<std::size_t>(p - buffer_);
    comma_ = false;
    return *this;
  }

  void string(std::string_view bytes);        // made valid UTF-8 first (U+FFFD for each bad byte)
  void string_as_is(std::string_view bytes);  // escaped but not repaired
  void boolean(bool b) { b ? literal("true", 4) : literal("false", 5); }
  void int64(std::int64_t n);
  void uint64(std::uint64_t n);
  void number(double d);
  void null() { literal("null", 4); }

  void finish() { flush(); }  // everything written is in `out`

 private:
  static constexpr std::size_t kSize = 1024;

  void flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }
  // Room for n <= kSize bytes at the end of the buffer.
  char* room(std::size_t n) {
    if (kSize - used_ < n) flush();
    return buffer_ + used_;
  }
  void put(char c) {
    *room(1) = c;
    ++used_;
  }
  void put(const char* bytes, std::size_t n);
  void separate() {
    if (comma_) put(',');
    comma_ = true;
  }
  void open(char c) {
    separate();
    put(c);
    comma_ = false;
  }
  void close(char c) {
    put(c);
    comma_ = true;
  }
  void literal(const char* text, std::size_t n) {
    separate();
    put(text, n);
  }
  void escape(unsigned char c);

  std::string& out_;
  bool comma_ = false;  // a value came before: the next one needs a comma
  std::size_t used_ = 0;
  char buffer_[kSize];
};

}  // namespace icp::cli::batch
