#include "facts_input.hpp"

#include <fstream>
#include <sstream>

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
    std::ostringstream out;
    out << v.as_double();
    return out.str();
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
  boost::system::error_code error;
  const boost::json::value root = boost::json::parse(bytes.str(), error);
  if (error) throw InputError(path + ": not valid JSON (" + error.message() + ")");
  if (!root.is_object()) throw InputError(path + ": expected a JSON object of fact names and values");
  for (const auto& [key, value] : root.as_object()) {
    const std::string name(key);
    icp::set_fact(facts, name, as_text(name, value));
  }
}

}  // namespace

icp::Facts read_facts(const std::vector<std::string>& assignments, const std::string& facts_file) {
  icp::Facts facts;
  if (!facts_file.empty()) read_file(facts, facts_file);
  for (const auto& a : assignments) icp::set_fact(facts, a);
  return facts;
}

}  // namespace icp::cli
