// libFuzzer target: the server's query-string parsing (cli/serve/query.cpp)
// on arbitrary request targets. Must not crash; url_decode undoes url_encode;
// a decoded part is never longer than its raw bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "serve/query.hpp"

namespace {
void check(bool ok) {
  if (!ok) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  using namespace icp::cli::serve;
  check(url_decode(url_encode(bytes)) == bytes);
  check(url_decode(bytes).size() <= bytes.size());
  std::size_t total = 0;
  for (const auto& [key, value] : query_of(bytes)) total += key.size() + value.size();
  check(total <= bytes.size());
  return 0;
}
