// The CLI's own failures. run() maps each of them (and the library's
// LexiconError) to an exit status in one place: exit_status() in run.cpp.
#pragma once

#include <stdexcept>

namespace icp::cli {

// The command line is wrong (unknown option, bad value, missing argument).
// Reported with the hint "see --help"; exit 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input cannot be used: empty text, an unreadable or malformed cases
// file ("FILE:LINE: message"). Exit 2.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reading or writing failed in the operating system (disk full, broken pipe,
// closed standard output, permission denied, read-only file system, a
// symbolic link loop, EIO): "cannot write PATH: strerror". Exit 4.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace icp::cli
