// libFuzzer target: the lexicon TSV parser on arbitrary phrase files.
//
// The first input byte picks how the rest is used: bit 0 prefixes the phrase
// header line (so the fuzzer gets past it half the time), bit 1 feeds it to
// add_user_phrases() on a loaded lexicon instead of to parse(). A malformed
// file must end in icp::LexiconError naming that file; any other exception,
// crash or sanitizer report is a bug. An accepted file must yield sane entries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "icp/errors.hpp"
#include "lexicon.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

const char kSignals[] =
    "# icp-lexicon signals v1\n"
    "# columns: id\tkind\tbasis\tcitation\tmeaning_zh\tmeaning_en\n"
    "free\tcommercial\tbrief\t《互联网信息服务管理办法》第三条\t声称免费\tclaims to be free\n"
    "pay_ads\tcommercial\tmeasures\t《互联网信息服务管理办法》第三条\t广告收入\tadvertising revenue\n"
    "ugc_forum\tservice\tcatalogue\t《电信业务分类目录（2015年版）》B25\t论坛社区\tforum or community\n";

const char kBasePhrases[] =
    "# icp-lexicon phrases v1\n"
    "免费\tfree\t1\n"
    "广告\tpay_ads\t2\t靠广告盈利\n"
    "论坛\tugc_forum\t3\n";

void check_lexicon(const icp::lexicon::Lexicon& lexicon) {
  check(lexicon.hash.size() == 16);
  check(lexicon.hash.find_first_not_of("0123456789abcdef") == std::string::npos);
  for (const auto& entry : lexicon.phrases) {
    check(!entry.phrase.empty());
    check(entry.weight >= 1 && entry.weight <= 3);
    check(entry.line >= 2);  // line 1 is the header
    check(entry.signal == "free" || entry.signal == "pay_ads" || entry.signal == "ugc_forum");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned mode = data[0];
  std::string text = (mode & 1) ? "# icp-lexicon phrases v1\n" : "";
  text.append(reinterpret_cast<const char*>(data + 1), size - 1);

  const icp::lexicon::SourceFile signals{"signals.tsv", kSignals};
  const icp::lexicon::SourceFile fuzzed{"fuzz.tsv", text};
  try {
    if (mode & 2) {
      auto lexicon = icp::lexicon::parse(signals, {{"base.tsv", kBasePhrases}});
      const std::string before = lexicon.hash;
      icp::lexicon::add_user_phrases(lexicon, fuzzed);
      check_lexicon(lexicon);
      check(lexicon.hash != before);  // the user file is part of the fingerprint
    } else {
      check_lexicon(icp::lexicon::parse(signals, {fuzzed}));
    }
  } catch (const icp::LexiconError& e) {
    check(e.file() == "fuzz.tsv");  // the fixed files are valid: only ours can be wrong
    check(std::string(e.what()).rfind("fuzz.tsv", 0) == 0);
  }
  return 0;
}
