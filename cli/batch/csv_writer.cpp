#include "batch/csv_writer.hpp"

#include <cstring>

#include "batch/byte_scan.hpp"

namespace icp::cli::batch {

void append_csv_field(std::string& out, std::string_view field) {
  const char* p = field.data();
  const std::size_t n = field.size();
  const std::size_t special = find_any_of<',', '"', '\n', '\r'>(p, n);
  if (special == n) {
    out.append(field);
    return;
  }
  // Quoted: the text in runs, each quote doubled.
  out.push_back('"');
  std::size_t from = 0;
  for (std::size_t q = special; q < n;) {
    const void* next = std::memchr(p + q, '"', n - q);
    if (!next) break;
    q = static_cast<std::size_t>(static_cast<const char*>(next) - p) + 1;
    out.append(p + from, q - from);
    out.push_back('"');
    from = q;
  }
  out.append(p + from, n - from);
  out.push_back('"');
}

}  // namespace icp::cli::batch
