// The help in Chinese (--help / -h when --lang zh or a zh_* locale says so).
// Written as a reader wants it, not translated line by line from the option
// table: the English help (options.cpp) is generated from the options and is
// the reference for every detail.
#pragma once

#include <string>

namespace icp::cli {

// full: every option, the facts, the exit statuses and examples (--help);
// otherwise the usage, the common options and the examples (-h).
std::string help_zh(bool full);

// The examples section, shared by both languages' help and the man page.
std::string help_examples_zh();
std::string help_examples_en();

}  // namespace icp::cli
