#include <iostream>

#include "run.hpp"

int main(int argc, char** argv) {
  return icp::cli::run(argc, argv, std::cin, std::cout, std::cerr);
}
