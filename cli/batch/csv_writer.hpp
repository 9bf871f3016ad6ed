// RFC 4180 CSV output: fields are quoted only when they must be (a comma, a
// quote, CR or LF inside), with quotes doubled. Records end with "\n" (what
// RFC 4180 readers, Excel and pandas all accept); line breaks inside fields
// are kept as they were.
// Standard library only.
#pragma once

#include <string>
#include <string_view>

namespace icp::cli::batch {

// Appends `field` to `out`, quoted if needed. Does not add a separator.
void append_csv_field(std::string& out, std::string_view field);

// Appends the fields, comma-separated, and a "\n".
template <typename Range>
void append_csv_record(std::string& out, const Range& fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out.push_back(',');
    first = false;
    append_csv_field(out, f);
  }
  out.push_back('\n');
}

}  // namespace icp::cli::batch
