#include "c_api/json_writer.hpp"

#include "utf8_scan.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace icp::c_api {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, unsigned code) {
  out += "\\u00";
  out += kHex[(code >> 4) & 0xF];
  out += kHex[code & 0xF];
}

}  // namespace

void append_json_string(std::string& out, std::string_view bytes) {
  out += '"';
  while (!bytes.empty()) {
    const int length = utf8::sequence_length(bytes, 0);
    if (length <= 0) {
      out += utf8::kReplacementCharacter;
      bytes.remove_prefix(1);
      continue;
    }
    const auto n = static_cast<std::size_t>(length);
    const auto c = static_cast<unsigned char>(bytes[0]);
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(bytes[1]) <= 0x9F) {
      append_u_escape(out, static_cast<unsigned char>(bytes[1]));  // C1 control, U+0080–U+009F
    } else if (n > 1) {
      out.append(bytes.data(), n);
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20 || c == 0x7F) {
      append_u_escape(out, c);
    } else {
      out += static_cast<char>(c);
    }
    bytes.remove_prefix(n);
  }
  out += '"';
}

void JsonWriter::separate() {
  if (need_comma_) out_ += ',';
  need_comma_ = true;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_ += '{';
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_ += '[';
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += ':';
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  separate();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::int64(std::int64_t n) {
  separate();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::uint64(std::uint64_t n) {
  separate();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::number(double d) {
  if (!std::isfinite(d)) return null();
  separate();
  // Shortest round-trip form, e.g. "0.85", "1", "1e-07": all valid JSON.
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, d);
  if (result.ec == std::errc()) {
    out_.append(buf, result.ptr);
  } else {
    out_ += '0';  // cannot happen: 32 bytes hold any double
  }
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

}  // namespace icp::c_api
