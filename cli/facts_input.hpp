// Company facts from the command line: --fact NAME=VALUE (repeatable) and
// --facts FILE (a JSON object of name → value).
#pragma once

#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "icp/facts.hpp"

namespace icp::cli {

// The file's facts first, then the --fact options over them. Throws
// icp::FactError for an unknown fact or a value that cannot be read, and
// InputError for a file that cannot be read or is not a JSON object.
icp::Facts read_facts(const std::vector<std::string>& assignments, const std::string& facts_file);

// Sets each fact of a JSON object ({"registered_capital": "500万",
// "charges_users": false, "sectors": ["news"]}) as --facts reads it.
// Throws icp::FactError.
void set_facts_from_json(icp::Facts& facts, const boost::json::object& object);

}  // namespace icp::cli
