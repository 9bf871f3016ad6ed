// The signal layer: a tiny lexicon written here, compiled, and run through
// icp::signals::extract — scope cues (negation, plans, maybes, the past,
// offline payment, undoing), masking, word edges, script folding, evidence
// offsets and strengths.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "icp/errors.hpp"
#include "lexicon.hpp"
#include "signals/compiled_lexicon.hpp"
#include "signals/extract.hpp"
#include "signals/signal.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace {

using icp::lexicon::SourceFile;
using icp::signals::Hit;
using icp::signals::Signal;

// The kind of each signal as the built-in signals.tsv has it: masking
// depends on kinds ("signals of one kind mask each other").
std::string kind_of(const std::string& id) {
  static const auto builtin = icp::lexicon::load_builtin();
  for (const auto& s : builtin.signals)
    if (s.id == id) return s.kind;
  return "test";
}

// signals.tsv text defining every signal of signal.hpp (sorted, as the
// loader requires), minus `skip`, plus `extra` when given.
std::string signals_text(std::string_view skip = {}, std::string_view extra = {}) {
  std::vector<std::string> ids(std::begin(icp::signals::kSignalNames), std::end(icp::signals::kSignalNames));
  if (!extra.empty()) ids.emplace_back(extra);
  std::sort(ids.begin(), ids.end());
  std::string text = "# icp-lexicon signals v1\n";
  for (const auto& id : ids) {
    if (id == skip) continue;
    text += id + "\t" + kind_of(id) + "\tlexicon\t—\t测试\ttest\n";
  }
  return text;
}

struct Entry {
  std::string phrase;
  std::string signal;
  int weight;
};

// The test lexicon. Sorted when written out.
const std::vector<Entry> kPhrases = {
    {"即时通讯", "cat4_messaging", 3},
    {"no", "cue_negation", 2},
    {"ads", "pay_ads", 2},
    {"网站", "presence_site", 3},
    {"app", "presence_app", 3},
    {"官网", "presence_site", 3},
    {"公司官网", "service_brochure_only", 2},  // a longer phrase of another signal: both stand
    {"用户注册", "cat3_community", 2},
    {"注册", "cat3_community", 1},
    {"评论", "cat3_community", 2},
    {"发帖", "cat3_community", 2},
    {"论坛", "cat3_community", 2},
    {"社区", "cat3_community", 2},
    {"社区医院", "neutral", 1},  // masks 社区
    {"费用", "pay_fee", 2},
    {"收费", "pay_fee", 2},
    {"付费", "pay_content", 2},
    {"付费会员", "pay_content", 3},
    {"广告", "pay_ads", 2},
    {"广告位", "pay_ads", 3},
    {"免费", "free", 2},
    {"资讯", "cat1_delivery", 2},
    {"不", "cue_negation", 3},
    {"不提供", "cue_negation", 3},
    {"不收取", "cue_negation", 3},
    {"不用", "cue_negation", 3},
    {"没有", "cue_negation", 3},
    {"无", "cue_negation", 3},
    {"免", "cue_negation", 2},  // inside 免费: masked
    {"就能", "cue_break", 3},
    {"计划", "cue_plan", 3},
    {"下季度", "cue_plan", 2},
    {"也许", "cue_maybe", 3},
    {"考虑", "cue_maybe", 2},
    {"以前", "cue_past", 3},
    {"线下进行", "cue_offline", 3},
    {"撤下了", "cue_undone", 3},
};

std::string phrases_text(const std::vector<Entry>& entries) {
  std::vector<std::tuple<std::string, std::string, int>> rows;
  for (const auto& e : entries) rows.emplace_back(e.phrase, e.signal, e.weight);
  std::sort(rows.begin(), rows.end());
  std::string text = "# icp-lexicon phrases v1\n";
  for (const auto& [phrase, signal, weight] : rows)
    text += phrase + "\t" + signal + "\t" + std::to_string(weight) + "\n";
  return text;
}

// One normaliser, segmenter and compiled test lexicon for the whole file.
struct Fixture {
  icp::text::Normalizer normalizer;
  icp::text::WordSegmenter segmenter;
  icp::lexicon::Lexicon lexicon =
      icp::lexicon::parse({"signals.tsv", signals_text()}, {{"test.tsv", phrases_text(kPhrases)}});
  icp::signals::CompiledLexicon compiled{lexicon, normalizer};
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

struct Extracted {
  icp::text::NormalizedText text;
  icp::signals::SignalSet set;
};

Extracted run(std::string_view input) {
  const auto& f = fixture();
  auto text = f.normalizer.normalize(input);
  auto set = icp::signals::extract(text, f.compiled, f.segmenter);
  return {std::move(text), std::move(set)};
}

std::string_view matched(const Extracted& e, const Hit& h) {
  return std::string_view(e.text.text).substr(h.begin, h.end - h.begin);
}

// The hits of `signal` whose normalised text is `phrase`.
std::vector<const Hit*> find(const Extracted& e, std::string_view signal, std::string_view phrase) {
  auto s = icp::signals::from_name(signal);
  REQUIRE(s.has_value());
  std::vector<const Hit*> out;
  for (const auto& h : e.set.hits())
    if (h.signal == *s && matched(e, h) == phrase) out.push_back(&h);
  return out;
}

std::string flags(const Hit& h) {
  std::string f;
  if (h.negated) f += 'N';
  if (h.planned) f += 'P';
  if (h.maybe) f += 'M';
  if (h.past) f += 'H';
  if (h.offline) f += 'O';
  return f;
}

std::string dump(const Extracted& e) {
  std::string out = "[";
  out += e.text.text;
  out += ']';
  for (const auto& h : e.set.hits()) {
    out += ' ';
    out += matched(e, h);
    out += '/';
    out += icp::signals::name(h.signal);
    out += '/';
    out += flags(h);
  }
  return out;
}

// One row: in `text`, the hit of `signal` on `phrase` (normalised text) has
// exactly these flags: N negated, P planned, M maybe, H past, O offline; ""
// is affirmed, "absent" means no such hit.
struct Row {
  const char* id;
  const char* text;
  const char* signal;
  const char* phrase;
  const char* flags;
};

// clang-format off
const Row kScopeTable[] = {
    // negation reaches the first phrase after the cue
    {"neg.first",         "不提供即时通讯功能",             "cat4_messaging", "即时通讯", "N"},
    // coordinated phrases continue the denial
    {"neg.and.1",         "没有网站和APP",                  "presence_site",  "网站",     "N"},
    {"neg.and.2",         "没有网站和APP",                  "presence_app",   "app",      "N"},
    {"neg.list.1",        "不提供用户注册、评论或发帖功能", "cat3_community", "用户注册", "N"},
    {"neg.list.2",        "不提供用户注册、评论或发帖功能", "cat3_community", "评论",     "N"},
    {"neg.list.3",        "不提供用户注册、评论或发帖功能", "cat3_community", "发帖",     "N"},
    // a quantifier between cue and phrase
    {"neg.quantifier",    "不收取任何费用",                 "pay_fee",        "费用",     "N"},
    // a site or app right after the denied phrase is the thing described
    {"neg.app_after.1",   "免费无广告App",                  "pay_ads",        "广告",     "N"},
    {"neg.app_after.2",   "免费无广告App",                  "presence_app",   "app",      ""},
    {"neg.app_after.3",   "免费无广告App",                  "free",           "免费",     ""},
    // a break ends the negation
    {"neg.break.1",       "不用注册就能付费下载",           "cat3_community", "注册",     "N"},
    {"neg.break.2",       "不用注册就能付费下载",           "pay_content",    "付费",     ""},
    // reach: kNegationReach (12) code points between cue and phrase
    {"neg.reach.in",      "没有123456789012广告",           "pay_ads",        "广告",     "N"},
    {"neg.reach.out",     "没有1234567890123广告",          "pay_ads",        "广告",     ""},
    // a comma ends the clause and the negation
    {"neg.clause.1",      "没有网站，广告很多",             "presence_site",  "网站",     "N"},
    {"neg.clause.2",      "没有网站，广告很多",             "pay_ads",        "广告",     ""},
    // a phrase before the cue is not denied
    {"neg.before",        "论坛不收费",                     "cat3_community", "论坛",     ""},
    {"neg.before.2",      "论坛不收费",                     "pay_fee",        "收费",     "N"},
    // plans and maybes cover what follows in the clause
    {"plan.after",        "下季度计划上线付费会员",         "pay_content",    "付费会员", "P"},
    {"plan.before",       "论坛下季度计划上线付费会员",     "cat3_community", "论坛",     ""},
    {"plan.clause",       "计划上线付费会员，论坛已开放",   "cat3_community", "论坛",     ""},
    {"maybe.after",       "以后也许会考虑收费",             "pay_fee",        "收费",     "M"},
    {"maybe.before",      "论坛以后也许会考虑收费",         "cat3_community", "论坛",     ""},
    // the past
    {"past.after",        "以前有付费会员",                 "pay_content",    "付费会员", "H"},
    {"past.before",       "论坛以前有付费会员",             "cat3_community", "论坛",     ""},
    {"past.before.2",     "论坛以前有付费会员",             "pay_content",    "付费会员", "H"},
    // offline: the clause's payments, not other phrases
    {"offline.pay",       "咨询在线下进行并收费",           "pay_fee",        "收费",     "O"},
    {"offline.other",     "网站咨询在线下进行并收费",       "presence_site",  "网站",     ""},
    {"offline.clause",    "咨询在线下进行，网站收费",       "pay_fee",        "收费",     ""},
    // undone: denies what comes before it
    {"undone.before",     "广告位都撤下了",                 "pay_ads",        "广告位",   "N"},
    // masking
    {"mask.neutral",      "附近有社区医院",                 "cat3_community", "社区",     "absent"},
    {"mask.neutral.ctl",  "欢迎来到社区交流",               "cat3_community", "社区",     ""},
    {"mask.both.long",    "公司官网介绍产品",               "service_brochure_only", "公司官网", ""},
    {"mask.both.short",   "公司官网介绍产品",               "presence_site",  "官网",     ""},
    {"mask.same_signal",  "开通付费会员",                   "pay_content",    "付费",     "absent"},
    {"mask.cue.free",     "免费论坛",                       "free",           "免费",     ""},
    {"mask.cue.forum",    "免费论坛",                       "cat3_community", "论坛",     ""},
    // ASCII phrases only at word edges
    {"ascii.inside",      "we are happy",                   "presence_app",   "app",      "absent"},
    {"ascii.word",        "our app is new",                 "presence_app",   "app",      ""},
    {"ascii.neg",         "no ads",                         "pay_ads",        "ads",      "N"},
    {"ascii.neg.and",     "no ads and app",                 "presence_app",   "app",      "N"},
    // Traditional and full-width forms match the Simplified, folded phrase
    {"fold.traditional",  "提供最新資訊",                   "cat1_delivery",  "资讯",     ""},
    {"fold.fullwidth",    "我们的ＡＰＰ上线了",             "presence_app",   "app",      ""},
};
// clang-format on

void check_row(const Row& row) {
  const std::string id = row.id, text = row.text, expected = row.flags;
  CAPTURE(id);
  CAPTURE(text);
  auto e = run(text);
  auto hits = find(e, row.signal, row.phrase);
  INFO(dump(e));
  if (expected == "absent") {
    CHECK(hits.empty());
    return;
  }
  REQUIRE(hits.size() == 1);
  CHECK(flags(*hits.front()) == expected);
  CHECK(hits.front()->affirmed() == expected.empty());
}

}  // namespace

TEST_CASE("signal scope table: negation, plans, maybes, the past, offline, undone, masking, edges") {
  for (const auto& row : kScopeTable) check_row(row);
}

// Words that look like coordinators but are not: "也" in "不收费也有广告"
// affirms the ads; the "or" inside "for" joins nothing.
// clang-format off
const Row kDoubtfulScopeTable[] = {
    {"neg.ye_affirms",    "不收费也有广告",                 "pay_ads",        "广告",     ""},
    {"neg.or_in_for",     "no ads for app users",           "presence_app",   "app",      ""},
};
// clang-format on

TEST_CASE("signal scope: coordinators that are not coordination") {
  for (const auto& row : kDoubtfulScopeTable) check_row(row);
}

TEST_CASE("signal scope: the reach limit matches kNegationReach") {
  // The cue reaches exactly kNegationReach code points of filler, not one more.
  const std::string filler = "1234567890123456789";
  REQUIRE(filler.size() > static_cast<std::size_t>(icp::signals::kNegationReach));
  for (int gap : {0, 1, icp::signals::kNegationReach - 1, icp::signals::kNegationReach,
                  icp::signals::kNegationReach + 1, icp::signals::kNegationReach + 5}) {
    CAPTURE(gap);
    auto e = run("没有" + filler.substr(0, static_cast<std::size_t>(gap)) + "广告");
    auto hits = find(e, "pay_ads", "广告");
    INFO(dump(e));
    REQUIRE(hits.size() == 1);
    CHECK(hits.front()->negated == (gap <= icp::signals::kNegationReach));
  }
}

TEST_CASE("signal cues themselves are not reported as hits") {
  auto e = run("不提供即时通讯，以前没有网站，下季度计划上线，也许线下进行");
  for (const auto& h : e.set.hits()) {
    CAPTURE(icp::signals::name(h.signal));
    CHECK_FALSE(icp::signals::is_cue(h.signal));
    CHECK(h.signal != Signal::neutral);
  }
}

TEST_CASE("signal hits are in text order and inside the normalised text") {
  auto e = run("我们的网站提供资讯和论坛，不收取任何费用，以前有付费会员");
  REQUIRE(e.set.hits().size() >= 5);
  std::uint32_t previous = 0;
  for (const auto& h : e.set.hits()) {
    CHECK(h.begin < h.end);
    CHECK(h.end <= e.text.text.size());
    CHECK(h.begin >= previous);
    previous = h.begin;
  }
}

TEST_CASE("signal evidence offsets map back to the original bytes") {
  struct Case {
    const char* input;
    const char* signal;
    const char* phrase;    // normalised
    const char* original;  // the caller's bytes it came from
  };
  const Case cases[] = {
      {"我們提供資訊服務", "cat1_delivery", "资讯", "資訊"},
      {"我们的ＡＰＰ上线了", "presence_app", "app", "ＡＰＰ"},
      {"  前面有空格 我们的App", "presence_app", "app", "App"},
      {"<p>公司官网</p>", "presence_site", "官网", "官网"},
      {"<p>公司官网</p>", "service_brochure_only", "公司官网", "公司官网"},
      {"没有网站和APP", "presence_app", "app", "APP"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    auto e = run(c.input);
    INFO(dump(e));
    auto hits = find(e, c.signal, c.phrase);
    REQUIRE(hits.size() == 1);
    auto [begin, end] = e.text.to_source(hits.front()->begin, hits.front()->end);
    const std::string_view input(c.input);
    REQUIRE(begin <= end);
    REQUIRE(end <= input.size());
    CHECK(input.substr(begin, end - begin) == c.original);
  }
}

TEST_CASE("signal strengths count each distinct phrase once") {
  SUBCASE("a phrase repeated five times counts its weight once") {
    auto e = run("付费，付费，付费，付费，付费");
    CHECK(e.set.select(Signal::pay_content, [](const Hit&) { return true; }).size() == 5);
    CHECK(e.set.affirmed(Signal::pay_content) == 2);
    CHECK(e.set[Signal::pay_content].strongest == 2);
  }
  SUBCASE("distinct phrases add up; strongest is the heaviest") {
    auto e = run("付费，付费会员，付费会员");
    CHECK(e.set.affirmed(Signal::pay_content) == 2 + 3);
    CHECK(e.set[Signal::pay_content].strongest == 3);
  }
  SUBCASE("negated and planned strengths are separate and also counted once") {
    auto e = run("不收费，不收费，下季度计划收费");
    CHECK(e.set.affirmed(Signal::pay_fee) == 0);
    CHECK(e.set.negated(Signal::pay_fee) == 2);
    CHECK(e.set.planned(Signal::pay_fee) == 2);
  }
  SUBCASE("past hits are neither affirmed nor counted as negated") {
    auto e = run("以前有付费会员");
    CHECK(e.set.affirmed(Signal::pay_content) == 0);
    CHECK(e.set.negated(Signal::pay_content) == 0);
  }
  SUBCASE("an offline fee is not affirmed") {
    auto e = run("咨询在线下进行并收费");
    CHECK(e.set.affirmed(Signal::pay_fee) == 0);
  }
  SUBCASE("no text, no strengths") {
    auto e = run("");
    CHECK(e.set.hits().empty());
    for (std::size_t i = 0; i < icp::signals::kSignalCount; ++i) CHECK(e.set[static_cast<Signal>(i)].affirmed == 0);
  }
}

TEST_CASE("signal names round-trip through from_name") {
  for (std::size_t i = 0; i < icp::signals::kSignalCount; ++i) {
    auto s = icp::signals::from_name(icp::signals::kSignalNames[i]);
    REQUIRE(s.has_value());
    CHECK(static_cast<std::size_t>(*s) == i);
    CHECK(icp::signals::name(*s) == icp::signals::kSignalNames[i]);
  }
  CHECK_FALSE(icp::signals::from_name("no_such_signal").has_value());
  CHECK(icp::signals::is_cue(Signal::cue_negation));
  CHECK(icp::signals::is_cue(Signal::cue_break));
  CHECK_FALSE(icp::signals::is_cue(Signal::neutral));
  CHECK_FALSE(icp::signals::is_cue(Signal::server_abroad));
}

TEST_CASE("signal lexicon: CompiledLexicon checks signals.tsv against the code") {
  const icp::text::Normalizer& normalizer = fixture().normalizer;
  const SourceFile phrases{"p.tsv", "# icp-lexicon phrases v1\n免费\tfree\t2\n"};

  SUBCASE("all signals: accepted, and infos are filled") {
    auto lexicon = icp::lexicon::parse({"signals.tsv", signals_text()}, {phrases});
    icp::signals::CompiledLexicon compiled(lexicon, normalizer);
    for (std::size_t i = 0; i < icp::signals::kSignalCount; ++i)
      CHECK(compiled.info(static_cast<Signal>(i)).id == icp::signals::kSignalNames[i]);
  }
  SUBCASE("one missing: rejected") {
    for (std::string_view missing : {"presence_site", "cue_break", "neutral", "server_abroad"}) {
      CAPTURE(missing);
      auto lexicon = icp::lexicon::parse({"signals.tsv", signals_text(missing)}, {phrases});
      CHECK_THROWS_AS(icp::signals::CompiledLexicon(lexicon, normalizer), icp::LexiconError);
    }
  }
  SUBCASE("one unknown to the code: rejected") {
    auto lexicon = icp::lexicon::parse({"signals.tsv", signals_text({}, "zz_unknown_signal")}, {phrases});
    CHECK_THROWS_AS(icp::signals::CompiledLexicon(lexicon, normalizer), icp::LexiconError);
  }
}

TEST_CASE("signal lexicon: phrases are normalised and deduplicated at compile time") {
  const auto& f = fixture();
  // Written in Traditional and full-width, and twice with different weights:
  // one compiled phrase, the heaviest.
  auto lexicon = icp::lexicon::parse(
      {"signals.tsv", signals_text()},
      {{"p.tsv",
        phrases_text({{"ＡＰＰ", "presence_app", 2}, {"app", "presence_app", 1}, {"資訊", "cat1_delivery", 2}})}});
  icp::signals::CompiledLexicon compiled(lexicon, f.normalizer);
  auto text = f.normalizer.normalize("app和资讯");
  auto set = icp::signals::extract(text, compiled, f.segmenter);
  CHECK(set.affirmed(Signal::presence_app) == 2);
  CHECK(set.affirmed(Signal::cat1_delivery) == 2);
  CHECK(set.hits().size() == 2);
}
