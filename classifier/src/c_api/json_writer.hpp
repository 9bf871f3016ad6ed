// A small JSON writer for the C API: the library must not depend on Boost.
//
// Writes compact JSON (no spaces) into a std::string. Strings are escaped per
// RFC 8259 (", \, and every control character U+0000–U+001F; U+007F and the
// C1 controls as \u escapes too, so that the output is safe to print) and
// made valid UTF-8 first: each byte that does not start a well-formed UTF-8
// sequence (overlong, surrogate, above U+10FFFF, truncated, stray
// continuation) becomes U+FFFD, the same rule as the CLI's output.
// Numbers: integers exactly; doubles in the shortest form that reads back to
// the same value, non-finite ones as null (JSON has no NaN).
#pragma once

#include "icp/decision.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace icp::c_api {

// Invalid UTF-8 → U+FFFD: the library-wide function (icp/decision.hpp).
using icp::to_valid_utf8;

// Appends the JSON string literal (with quotes) for `bytes`.
void append_json_string(std::string& out, std::string_view bytes);

class JsonWriter {
 public:
  // Structure. The writer inserts commas; it does not check nesting.
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // An object key; the next call writes its value.
  JsonWriter& key(std::string_view name);

  // Values (the writer interface of common/decision_json_layout.hpp).
  JsonWriter& string(std::string_view text);
  JsonWriter& boolean(bool b);
  JsonWriter& int64(std::int64_t n);
  JsonWriter& uint64(std::uint64_t n);
  JsonWriter& number(double d);
  JsonWriter& null();

  const std::string& str() const& { return out_; }
  std::string str() && { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace icp::c_api
