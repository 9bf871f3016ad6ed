#include <csignal>
#include <iostream>

#include "run.hpp"

int main(int argc, char** argv) {
  // A closed pipe is reported as an I/O error (EPIPE, exit 4) instead of
  // killing the process silently.
  std::signal(SIGPIPE, SIG_IGN);
  return icp::cli::run(argc, argv, std::cin, std::cout, std::cerr);
}
