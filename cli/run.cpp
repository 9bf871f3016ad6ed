#include "run.hpp"

#include <ostream>

#include "icp/classifier.hpp"

namespace icp::cli {

int run(int, char**, std::istream&, std::ostream& out, std::ostream&) {
  icp::Classifier classifier;
  out << "icp-classify " << icp::version() << " lexicon " << classifier.lexicon_hash() << "\n";
  return kOk;
}

}  // namespace icp::cli
