// The query string of a request target ("/v1/batch?column=%E7%AE%80%E4%BB%8B&format=jsonl"):
// the server's only parsing of its own (HTTP itself is Beast's). No
// dependencies, so that the fuzz target builds without the rest.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icp::cli::serve {

// "%E7%AE%80" → the bytes E7 AE 80; "+" → " "; a "%" not followed by two hex
// digits stays as it is.
std::string url_decode(std::string_view s);

// Every byte but unreserved ones (A-Z a-z 0-9 - _ . ~) as %XX: url_decode's inverse.
std::string url_encode(std::string_view s);

// The key=value pairs after the first "?", decoded, in order (repeated keys
// repeated; "a" alone is ("a", "")).
std::vector<std::pair<std::string, std::string>> query_of(std::string_view target);

}  // namespace icp::cli::serve
