#include "batch/csv_writer.hpp"

#include <algorithm>

namespace icp::cli::batch {

void append_csv_field(std::string& out, std::string_view field) {
  const bool quote =
      std::any_of(field.begin(), field.end(), [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; });
  if (!quote) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace icp::cli::batch
