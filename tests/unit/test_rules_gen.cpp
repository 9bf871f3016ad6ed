// tools/rules_gen on data/rules/ files written here: a bad row, a rule no
// code uses, a code name with no row, a dated rule applied without asking
// in_force() — each stops the build with FILE:LINE; a good pair compiles.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const char* kCitations =
    "# icp-rules citations v1\n"
    "id\tvalid_from\tvalid_to\ttext\n"
    "measures.art3\t\t\t《互联网信息服务管理办法》第三条\n"
    "notice.x\t2021-04-22\t\t某通知（2021年4月22日）\n";
const char* kHeader =
    "# icp-rules v1\n"
    "id\tstep\tbasis\tcitation\tvalid_from\tvalid_to\treason_zh\treason_en\n";

struct Run {
  int code = -1;
  std::string err;
};

class Dir {
 public:
  Dir() {
    std::string pattern = (fs::temp_directory_path() / "icp-rules-gen-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~Dir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return (path_ / name).string();
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

  // rules_gen on rules.tsv and citations.tsv written from these, against one source file.
  Run gen(const std::string& rules, const std::string& source, const std::string& citations = kCitations) const {
    const std::string command = std::string("'") + ICP_RULES_GEN + "' '" + write("rules.tsv", rules) + "' '" +
                                write("citations.tsv", citations) + "' '" + file("out.hpp") + "' '" + file("out.cpp") +
                                "' '" + write("code.cpp", source) + "' 2> '" + file("err") + "'";
    const int status = std::system(command.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(file("err"));
    std::ostringstream s;
    s << in.rdbuf();
    r.err = s.str();
    return r;
  }

 private:
  fs::path path_;
};

const std::string kGood = std::string(kHeader) +
                          "commercial.explicit\t3\tmeasures\tmeasures.art3\t\t\t有人付费\tsomeone pays\n"
                          "service.trade\t2\tnotice\tnotice.x\t2021-04-22\t\t自营\tself-operated\n";
const std::string kGoodCode =
    "c.trace(rule_id::commercial_explicit);\nif (c.in_force(rule_id::service_trade)) "
    "c.trace(rule_id::service_trade);\n";

}  // namespace

TEST_CASE("rules_gen: a good table compiles to constants and tables") {
  Dir d;
  const Run r = d.gen(kGood, kGoodCode);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  std::ifstream hpp(d.file("out.hpp"));
  std::ostringstream s;
  s << hpp.rdbuf();
  CHECK(s.str().find("inline constexpr RuleId commercial_explicit{0};") != std::string::npos);
  CHECK(s.str().find("inline constexpr RuleId service_trade{1};") != std::string::npos);
  CHECK(fs::exists(d.file("out.cpp")));
}

TEST_CASE("rules_gen: bad rows are refused with FILE:LINE") {
  Dir d;
  struct Bad {
    std::string row, message;
  };
  const Bad bad[] = {
      {"commercial.explicit\t9\tmeasures\tmeasures.art3\t\t\tx\tx\n", ":3: bad step '9'"},
      {"commercial.explicit\t3\tlaw\tmeasures.art3\t\t\tx\tx\n", ":3: bad basis 'law'"},
      {"commercial.explicit\t3\tmeasures\tnone.such\t\t\tx\tx\n", ":3: citation 'none.such' is not in"},
      {"commercial.explicit\t3\tmeasures\tmeasures.art3\t2021-02-30\t\tx\tx\n", ":3: bad valid_from '2021-02-30'"},
      {"commercial.explicit\t3\tmeasures\tmeasures.art3\t2021-05\t2021-04\tx\tx\n",
       ":3: valid_to is before valid_from"},
      {"commercial.explicit\t3\tmeasures\tmeasures.art3\t\t\t\tx\n", ":3: a reason in each language is needed"},
      {"commercial.explicit\t3\tmeasures\tmeasures.art3\t\tx\tx\n", ":3: expected 8 tab-separated columns, found 7"},
  };
  for (const auto& b : bad) {
    CAPTURE(b.row);
    const Run r = d.gen(std::string(kHeader) + b.row, "rule_id::commercial_explicit");
    CHECK(r.code == 1);
    CHECK(r.err.find("rules.tsv" + b.message) != std::string::npos);
  }
  // Versions of one rule that overlap, and rows out of order.
  const Run overlap = d.gen(std::string(kHeader) +
                                "commercial.explicit\t3\tmeasures\tmeasures.art3\t\t2020-12-31\tx\tx\n"
                                "commercial.explicit\t3\tmeasures\tmeasures.art3\t2020-06\t\tx\tx\n",
                            "rule_id::commercial_explicit");
  CHECK(overlap.code == 1);
  CHECK(overlap.err.find("rules.tsv:4: this version of 'commercial.explicit' overlaps the one on line 3") !=
        std::string::npos);
  const Run order = d.gen(std::string(kHeader) +
                              "service.trade\t2\tnotice\tnotice.x\t2021-04-22\t\tx\tx\n"
                              "commercial.explicit\t3\tmeasures\tmeasures.art3\t\t\tx\tx\n",
                          kGoodCode);
  CHECK(order.code == 1);
  CHECK(order.err.find("rules.tsv:4: not sorted by id, then valid_from") != std::string::npos);
  // A bad citations file.
  const Run citation = d.gen(kGood, kGoodCode, "# icp-rules citations v1\nid\tvalid_from\tvalid_to\ttext\nx\t\t\t\n");
  CHECK(citation.code == 1);
  CHECK(citation.err.find("citations.tsv:3: empty text") != std::string::npos);
}

TEST_CASE("rules_gen: the data and the code must agree") {
  Dir d;
  // A row no code uses.
  const Run unused = d.gen(kGood, "c.trace(rule_id::commercial_explicit);");
  CHECK(unused.code == 1);
  CHECK(unused.err.find("rules.tsv:4: rule 'service.trade' is used by no code (no rule_id::service_trade)") !=
        std::string::npos);
  // A name in the code with no row.
  const Run missing = d.gen(kGood, kGoodCode + std::string("c.trace(rule_id::commercial_typo);"));
  CHECK(missing.code == 1);
  CHECK(missing.err.find("the code names rule_id::commercial_typo, which has no row") != std::string::npos);
  // A rule that starts in 2021 applied without asking whether it is in force.
  const Run undated = d.gen(kGood, "c.trace(rule_id::commercial_explicit); c.trace(rule_id::service_trade);");
  CHECK(undated.code == 1);
  CHECK(undated.err.find("rules.tsv:4: rule 'service.trade' is not in force on every date from 2000-09-25 on") !=
        std::string::npos);
}
