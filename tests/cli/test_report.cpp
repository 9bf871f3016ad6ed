// The renderers on hand-made decisions (independent of the classifier), and
// the UTF-8 helpers they rely on.
#include <doctest/doctest.h>

#include <sstream>

#include "cli_test_support.hpp"
#include "report_json.hpp"
#include "report_text.hpp"
#include "text_util.hpp"

using icp::cli::Lang;

namespace {

icp::Decision sample() {
  icp::Decision d;
  d.decision = icp::Outcome::license;
  d.categories = {1, 3};
  d.news_permit = true;
  d.foreign_investment = true;
  d.planned = true;
  d.confidence = 0.724;
  icp::Span ads{6, 12, "广告", "pay_ads", false, false};
  icp::Span im{20, 32, "即时通讯", "svc_im", true, false};
  icp::Span vip{40, 46, "会员\xFF", "pay_vip", false, true};  // invalid byte
  d.evidence = {ads, im, vip};
  d.trace.push_back({3,
                     "commercial.ads",
                     icp::Basis::brief,
                     "《互联网信息服务管理办法》第三条",
                     "有广告收入，属经营性",
                     "advertising income makes it commercial",
                     {ads, vip},
                     "",
                     ""});
  d.trace.push_back({4, "category.im", icp::Basis::catalogue, "", "否定即时通讯\x1b[31m", "IM denied", {im}, "", ""});
  d.preapprovals.push_back({"medical", false, "2015年已取消全国性审批", "cancelled nationally in 2015", {}});
  d.preapprovals.push_back({"news", true, "仍需审批", "still required", {}});
  d.missing_facts.push_back({"charges_users", "是否向用户收费？", "Do users pay?"});
  d.notes.push_back({"ads_dispute", "广告收入是否属经营性存在争议", "whether ads count is disputed"});
  d.held_permits.push_back(
      {"icp_licence", "京ICP证030173号", std::nullopt, {50, 71, "京ICP证030173号", "held_icp_licence", false, false}});
  d.held_permits.push_back({"drug_info_certificate",
                            "(京)-经营性-2017-0012",
                            true,
                            {80, 100, "(京)-经营性-2017-0012", "held_drug_info_certificate", false, false}});
  return d;
}

std::string text_report(const icp::Decision& d, Lang lang) {
  std::ostringstream out;
  icp::cli::render_text(out, d, lang);
  return out.str();
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the Chinese report names everything") {
  const std::string r = text_report(sample(), Lang::zh);
  for (const char* part : {"需要ICP经营许可证",
                           "72%",
                           "第1类 信息发布平台和递送服务",
                           "第3类 信息社区平台服务",
                           "另须先取得《互联网新闻信息服务许可证》",
                           "互联网新闻信息服务许可证：需要",
                           "医疗保健",
                           "全国性审批已取消",
                           "2015年已取消全国性审批",
                           "新闻",
                           "仍需前置审批",
                           "外资：有",
                           "1. 有广告收入，属经营性（依据：代办实务（非法规），《互联网信息服务管理办法》第三条）",
                           "2. 否定即时通讯",
                           "「广告」",
                           "「即时通讯」（否定）",
                           "（计划）",
                           "广告收入是否属经营性存在争议",
                           "1. 是否向用户收费？",
                           "尚未上线",
                           "文本显示已持有：",
                           "ICP经营许可证：京ICP证030173号",
                           "互联网药品信息服务资格证书：(京)-经营性-2017-0012（经营性）"})
    CHECK_MESSAGE(has(r, part), part);
  CHECK(!has(r, "\x1b"));  // control characters are escaped
  CHECK(has(r, "\\x1b[31m"));
  CHECK(icp::cli::to_valid_utf8(r) == r);
  // Internal names are for --verbose and the JSON.
  for (const char* internal : {"commercial.ads", "(license)", "brief", "步骤"})
    CHECK_MESSAGE(!has(r, internal), internal);
}

TEST_CASE("--verbose adds the outcome id, the pipeline step, the rule id and the basis") {
  std::ostringstream out;
  icp::cli::render_text(out, sample(), Lang::zh, true);
  const std::string r = out.str();
  CHECK(has(r, "需要ICP经营许可证 (license)"));
  CHECK(has(r, "1. [步骤3 commercial.ads] 有广告收入"));
  CHECK(has(r, "[brief]"));
}

TEST_CASE("categories and the news permit are shown only where a licence is needed") {
  icp::Decision d = sample();
  d.decision = icp::Outcome::filing;
  d.news_permit = false;
  for (Lang lang : {Lang::zh, Lang::en}) {
    const std::string r = text_report(d, lang);
    CHECK(!has(r, "信息社区平台服务"));
    CHECK(!has(r, "information community platforms"));
    CHECK(!has(r, "互联网新闻信息服务许可证：需要"));
  }
  CHECK(has(text_report(d, Lang::zh), "仅需ICP备案"));
}

TEST_CASE("facts are named and valued in the reader's language") {
  icp::Decision d;
  d.decision = icp::Outcome::license;
  d.facts = {{"registered_capital", "5000000", false, {}},
             {"operator", "company", true, {0, 6, "公司", "", false, false}},
             {"insured_staff", "3", false, {}},
             {"domain_valid_months", "8", false, {}},
             {"charges_users", "no", false, {}},
             {"sectors", "news,medical", false, {}}};
  const std::string zh = text_report(d, Lang::zh);
  for (const char* part : {"注册资本：500万元", "经营主体：公司（据文本：“公司”）", "缴纳社保人数：3人",
                           "域名剩余有效期：8个月", "向用户收费：否", "涉及行业：新闻、医疗保健"})
    CHECK_MESSAGE(has(zh, part), part);
  for (const char* internal : {"registered_capital", "5000000", "company", "= "})
    CHECK_MESSAGE(!has(zh, internal), internal);
  const std::string en = text_report(d, Lang::en);
  for (const char* part :
       {"registered capital: ¥5,000,000", "operator: a company", "staff with social insurance: 3 people",
        "charges users: no", "sectors: news, medical and health care"})
    CHECK_MESSAGE(has(en, part), part);
}

TEST_CASE("the English report names everything") {
  const std::string r = text_report(sample(), Lang::en);
  for (const char* part :
       {"needs an ICP operating licence", "Confidence: 72%", "3 information community platforms", "permit: needed",
        "medical and health care", "check the province", "Foreign investment: yes",
        "1. advertising income makes it commercial (basis: agency practice", "2. IM denied", "\"即时通讯\" (negated)",
        "news permit) must be obtained first", "(planned)", "Questions to settle:", "1. Do users pay?",
        "whether ads count is disputed", "Held, as the text shows:", "ICP licence: 京ICP证030173号", "(commercial)"})
    CHECK_MESSAGE(has(r, part), part);
}

TEST_CASE("foreign shareholding is unknown unless the text or a fact settles it") {
  icp::Decision d = sample();
  d.foreign_investment = false;
  CHECK(has(text_report(d, Lang::zh), "外资：未知"));
  CHECK(has(text_report(d, Lang::en), "Foreign investment: unknown"));
  d.facts.push_back({"foreign_shareholding", "no", true, {}});
  CHECK(has(text_report(d, Lang::zh), "外资：无\n"));
  CHECK(has(text_report(d, Lang::en), "Foreign investment: no\n"));
}

TEST_CASE("outcome words") {
  CHECK(icp::cli::outcome_words(icp::Outcome::license, Lang::zh) == "需要ICP经营许可证");
  CHECK(icp::cli::outcome_words(icp::Outcome::filing, Lang::zh) == "仅需ICP备案");
  CHECK(icp::cli::outcome_words(icp::Outcome::neither, Lang::zh) == "无需ICP许可或备案");
  CHECK(has(text_report(icp::Decision{}, Lang::zh), "无需ICP许可或备案"));
  CHECK(icp::cli::category_name(9, Lang::en).empty());
}

TEST_CASE("the JSON report has every key, in the chosen language, as valid UTF-8") {
  icp::Decision d = sample();
  d.notes.push_back({"bad\xC0\x80", "\xED\xA0\x80", "\xF5"});
  const std::string text = boost::json::serialize(icp::cli::decision_json(d, Lang::en, {"9.9.9", "abc"}));
  auto o = cli_test::check_report_json(text);
  CHECK(o.at("decision") == "license");
  CHECK(o.at("categories") == boost::json::array{1, 3});
  CHECK(o.at("preapprovals") == boost::json::array{"medical", "news"});
  CHECK(o.at("preapproval_details").as_array()[0].at("standing") == "cancelled nationally in 2015");
  CHECK(o.at("preapproval_details").as_array()[0].at("still_required") == false);
  CHECK(o.at("trace").as_array()[0].at("reason") == "advertising income makes it commercial");
  CHECK(o.at("trace").as_array()[0].at("basis") == "brief");
  CHECK(o.at("evidence").as_array()[1].at("negated") == true);
  CHECK(o.at("evidence").as_array()[2].at("text") == "会员\xEF\xBF\xBD");
  CHECK(o.at("missing_facts").as_array()[0].at("question") == "Do users pay?");
  CHECK(o.at("version") == "9.9.9");
  CHECK(o.at("lexicon_hash") == "abc");

  auto zh = cli_test::check_report_json(boost::json::serialize(icp::cli::decision_json(d, Lang::zh, {})));
  CHECK(zh.at("trace").as_array()[0].at("reason") == "有广告收入，属经营性");
  const auto& held = o.at("held_permits").as_array();
  REQUIRE(held.size() == 2);
  CHECK(held[0].at("kind") == "icp_licence");
  CHECK(held[0].at("number") == "京ICP证030173号");
  CHECK_FALSE(held[0].as_object().contains("commercial"));
  CHECK(held[0].at("evidence").at("begin") == 50);
  CHECK(held[0].at("evidence").at("signal") == "held_icp_licence");
  CHECK(held[1].at("commercial") == true);

  d.confidence = 7.0;
  CHECK(icp::cli::decision_json(d, Lang::zh, {}).at("confidence").to_number<double>() == 1.0);
}

TEST_CASE("to_valid_utf8 replaces every kind of invalid sequence and keeps valid text") {
  using icp::cli::to_valid_utf8;
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(to_valid_utf8("资訊 ＡＰＰ 😀 abc") == "资訊 ＡＰＰ 😀 abc");
  CHECK(to_valid_utf8(std::string("a\0b", 3)) == std::string("a\0b", 3));
  CHECK(to_valid_utf8("\xFF") == fffd);
  CHECK(to_valid_utf8("\x80x") == fffd + "x");
  CHECK(to_valid_utf8("\xC0\x80") == fffd + fffd);                // overlong NUL
  CHECK(to_valid_utf8("\xE0\x80\xAF") == fffd + fffd + fffd);     // overlong
  CHECK(to_valid_utf8("\xED\xA0\x80") == fffd + fffd + fffd);     // surrogate
  CHECK(to_valid_utf8("\xF4\x90\x80\x80").substr(0, 3) == fffd);  // above U+10FFFF
  CHECK(to_valid_utf8("\xE4\xB8") == fffd + fffd);                // truncated
  CHECK(to_valid_utf8("\xE4\xB8中") == fffd + fffd + "中");
}

TEST_CASE("is_blank, printable, first_chars") {
  CHECK(icp::cli::is_blank(""));
  CHECK(icp::cli::is_blank(" \t\n\xE3\x80\x80"));
  CHECK(!icp::cli::is_blank(" x "));
  CHECK(icp::cli::is_blank(std::string(1, '\0')));  // controls show nothing: empty once normalised
  CHECK(icp::cli::is_blank("\u200B\u200C\u200D\u2060\uFEFF\u00AD\u202E\x1b\x7f\xC2\x9B\U000E0020"));
  CHECK(!icp::cli::is_blank("\u200Bx"));
  CHECK(!icp::cli::is_blank("\xFF"));      // invalid UTF-8 shows as U+FFFD
  CHECK(!icp::cli::is_blank("\xE2\x80"));  // a cut sequence too
  CHECK(icp::cli::printable("a\nb\x01\xC2\x9B") == "a\\nb\\x01\\u009b");
  CHECK(icp::cli::first_chars("中文字符", 2) == "中文…");
  CHECK(icp::cli::first_chars("中文", 2) == "中文");
}
