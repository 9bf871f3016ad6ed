// for_message / bounded_message: what error messages may quote of user input,
// and the temporary's name parts (cli/batch/output.hpp).
#include <doctest/doctest.h>

#include <climits>
#include <string>

#include "batch/output.hpp"
#include "text_util.hpp"

using icp::cli::bounded_message;
using icp::cli::for_message;
using icp::cli::kQuoteChars;

namespace {
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

TEST_CASE("for_message: short input is kept, long input is cut at 200 characters with an ellipsis") {
  CHECK(for_message("out.csv") == "out.csv");
  CHECK(for_message("简介") == "简介");
  const std::string huge(52u << 20, 'x');
  const std::string quoted = for_message(huge);
  CHECK(quoted == std::string(kQuoteChars, 'x') + "…");
  std::string chinese;
  for (int i = 0; i < 300; ++i) chinese += "论";
  CHECK(code_points(for_message(chinese)) == kQuoteChars + 1);
  CHECK(for_message(chinese).ends_with("…"));
  CHECK(for_message(std::string(kQuoteChars, 'y')) == std::string(kQuoteChars, 'y'));
}

TEST_CASE("for_message: control characters and invalid UTF-8 cannot reach the terminal") {
  CHECK(for_message("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(for_message("line\nbreak\r\t") == "line\\nbreak\\r\\t");
  CHECK(for_message("\xC2\x9B"
                    "2J") == "\\u009b2J");  // C1 CSI
  CHECK(for_message("\xFF\xFE") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(for_message(std::string("nul\0byte", 8)) == "nul\\x00byte");
  // The limit counts the user's characters, not the escapes.
  const std::string escapes(1000, '\x1b');
  CHECK(for_message(escapes) == [] {
    std::string s;
    for (std::size_t i = 0; i < kQuoteChars; ++i) s += "\\x1b";
    return s + "…";
  }());
  CHECK(code_points(bounded_message(std::string(100000, 'z'))) == 4 * kQuoteChars + 1);
}

TEST_CASE("temporary and partial names fit NAME_MAX however long the name") {
  using icp::cli::batch::partial_name;
  using icp::cli::batch::temporary_prefix;
  CHECK(temporary_prefix("out.csv") == ".out.csv.icp-tmp-");
  CHECK(partial_name("out.csv") == "out.csv.partial");
  const std::string long_name(NAME_MAX, 'n');
  // pid (up to 10 digits), '-', the time (up to 20), '-', XXXXXX.
  CHECK(temporary_prefix(long_name).size() + 10 + 1 + 20 + 1 + 6 <= NAME_MAX);
  CHECK(partial_name(long_name).size() <= NAME_MAX);
  CHECK(partial_name(long_name).ends_with(".partial"));
  std::string chinese;
  for (int i = 0; i < 85; ++i) chinese += "简";  // 255 bytes
  const std::string prefix = temporary_prefix(chinese);
  CHECK(prefix.size() + 38 <= NAME_MAX);
  // Cut on a character boundary: the shortened name is still valid UTF-8.
  CHECK(for_message(prefix) == prefix);
}
