#include <icp/classifier.hpp>

#include <cmath>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {  // cpp_intake [FILE]: one description a line, from FILE or stdin
  std::ifstream file(argc > 1 ? argv[1] : "");
  if (argc > 1 && !file) return 2;  // cannot read FILE
  std::istream& in = argc > 1 ? file : std::cin;
  const icp::Classifier classifier;  // built-in lexicon; one instance serves every thread
  std::string line;
  for (int id = 1; std::getline(in, line); ++id) {
    const icp::Decision d = classifier.classify(line);
    std::cout << id << '\t' << icp::to_string(d.decision) << "\tB25:";
    for (int category : d.categories) std::cout << ' ' << category;
    std::cout << '\t' << std::round(d.confidence * 100) / 100 << '\n';  // two decimals, as the JSON has it
  }
}
