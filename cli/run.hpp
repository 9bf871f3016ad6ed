// The command line as a function, so tests can call it without a process.
#pragma once

#include <iosfwd>

namespace icp::cli {

// Exit statuses (also in --help and the README).
enum Exit : int {
  kOk = 0,             // answered
  kRowErrors = 1,      // batch: some rows carry errors
  kUsage = 2,          // bad usage, empty text, bad lexicon or input file
  kInternal = 3,       // an unexpected failure (a bug)
  kIo = 4,             // reading or writing failed (disk full, broken pipe, permission denied, ...)
  kInterrupted = 130,  // batch: stopped by SIGINT/SIGTERM; an output file is left as it was
};

int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace icp::cli
