#include "facts_input.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "errors.hpp"

namespace icp::cli {
namespace {

// A JSON value as the text set_fact() reads: "500万", 5000000, true, ["news"].
std::string as_text(const std::string& name, const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "yes" : "no";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) {
    // Every digit: a whole number in fixed notation (18446744073709551617
    // reads as 18446744073709551616, which set_fact refuses as too large,
    // rather than 1.84467e+19), other values as short as they round-trip.
    const double d = v.as_double();
    char buffer[400];
    const bool whole = std::isfinite(d) && std::floor(d) == d;
    const auto [end, ec] = whole ? std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed)
                                 : std::to_chars(buffer, buffer + sizeof buffer, d);
    if (ec != std::errc()) throw icp::FactError(name, "fact " + name + ": the number cannot be read");
    return std::string(buffer, end);
  }
  if (v.is_null()) return "";
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v.as_array()) out += (out.empty() ? "" : ",") + as_text(name, item);
    return out.empty() ? "none" : out;
  }
  throw icp::FactError(name, "fact " + name + ": a value must be a string, number, boolean or list");
}

void read_file(icp::Facts& facts, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open the facts file " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string_view text = bytes.view();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 BOM, as Windows editors write
  boost::system::error_code error;
  const boost::json::value root = boost::json::parse(text, error);
  if (error) throw InputError(path + ": not valid JSON (" + error.message() + ")");
  if (!root.is_object()) throw InputError(path + ": expected a JSON object of fact names and values");
  set_facts_from_json(facts, root.as_object());
}

}  // namespace

void set_facts_from_json(icp::Facts& facts, const boost::json::object& object) {
  for (const auto& [key, value] : object) {
    const std::string name(key);
    icp::set_fact(facts, name, as_text(name, value));
  }
}

icp::Facts read_facts(const std::vector<std::string>& assignments, const std::string& facts_file) {
  icp::Facts facts;
  if (!facts_file.empty()) read_file(facts, facts_file);
  for (const auto& a : assignments) icp::set_fact(facts, a);
  return facts;
}

}  // namespace icp::cli
