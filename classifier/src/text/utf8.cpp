#include <string>

#include "icp/decision.hpp"
#include "utf8_scan.hpp"

namespace icp {

std::string to_valid_utf8(std::string_view bytes) {
  std::size_t valid = utf8::valid_prefix(bytes);
  if (valid == bytes.size()) return std::string(bytes);  // the usual case: one copy
  std::string out;
  out.reserve(bytes.size() + 2 * utf8::kReplacementCharacter.size());
  for (;;) {
    out.append(bytes.data(), valid);
    bytes.remove_prefix(valid);
    if (bytes.empty()) return out;
    out += utf8::kReplacementCharacter;  // for the first byte of what is not a sequence
    bytes.remove_prefix(1);
    valid = utf8::valid_prefix(bytes);
  }
}

}  // namespace icp
