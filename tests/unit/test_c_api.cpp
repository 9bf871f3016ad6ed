// The C API (icp/icp.h) and its JSON writer (classifier/src/c_api/).
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>

#include "c_api/json_writer.hpp"
#include "icp/classifier.hpp"
#include "icp/icp.h"

using icp::c_api::JsonWriter;

namespace {

std::string json_quoted(std::string_view bytes) {
  std::string out;
  icp::c_api::append_json_string(out, bytes);
  return out;
}

bool valid_utf8(const std::string& s) {
  return icp::c_api::to_valid_utf8(s) == s;
}

// Takes ownership of an icp_classify() result.
std::string take(char* json) {
  REQUIRE(json != nullptr);
  std::string s(json);
  icp_free(json);
  return s;
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("JSON strings: escapes, control characters, invalid UTF-8") {
  CHECK(json_quoted("") == "\"\"");
  CHECK(json_quoted("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(json_quoted("\n\r\t\b\f") == R"("\n\r\t\b\f")");
  CHECK(json_quoted(std::string("\0\x01\x1f\x7f", 4)) == R"("\u0000\u0001\u001f\u007f")");
  CHECK(json_quoted("\xC2\x85\xC2\x9B") == R"("\u0085\u009b")");  // C1 controls
  CHECK(json_quoted("论坛 \xF0\x9F\x98\x80 \xC2\xA0") == "\"论坛 \xF0\x9F\x98\x80 \xC2\xA0\"");
  // One U+FFFD per byte that does not start a well-formed sequence.
  CHECK(json_quoted("a\xFFz") == "\"a" + kFffd + "z\"");
  CHECK(json_quoted("\xC0\xAF") == "\"" + kFffd + kFffd + "\"");                          // overlong '/'
  CHECK(json_quoted("\xED\xA0\x80") == "\"" + kFffd + kFffd + kFffd + "\"");              // surrogate
  CHECK(json_quoted("\xF4\x90\x80\x80") == "\"" + kFffd + kFffd + kFffd + kFffd + "\"");  // > U+10FFFF
  CHECK(json_quoted("\xE4\xB8") == "\"" + kFffd + kFffd + "\"");                          // truncated 中
  CHECK(json_quoted("\xE4\xB8\"") == "\"" + kFffd + kFffd + "\\\"\"");
  CHECK(icp::c_api::to_valid_utf8("\x80中\xF5") == kFffd + "中" + kFffd);
}

TEST_CASE("JSON writer: structure and numbers") {
  JsonWriter w;
  w.begin_object();
  w.key("a").begin_array().int64(1).uint64(std::uint64_t{18446744073709551615u}).int64(-2).end_array();
  w.key("b").begin_object().end_object();
  w.key("c").number(0.85);
  w.key("d").number(std::numeric_limits<double>::quiet_NaN());
  w.key("e").boolean(true).key("f").boolean(false).key("g").null();
  w.key("h").begin_array().begin_object().key("x").string("y").end_object().begin_array().end_array().end_array();
  w.end_object();
  CHECK(w.str() ==
        R"({"a":[1,18446744073709551615,-2],"b":{},"c":0.85,"d":null,"e":true,"f":false,"g":null,"h":[{"x":"y"},[]]})");
  JsonWriter n;
  n.begin_array().number(0.0).number(1.0).number(1e-7).number(1e300).number(-0.5).end_array();
  CHECK(n.str() == "[0,1,1e-07,1e+300,-0.5]");
}

TEST_CASE("C API: classify to JSON with the CLI's keys") {
  icp_classifier* c = icp_classifier_create(nullptr, nullptr, 0);
  REQUIRE(c != nullptr);
  CHECK(std::string(icp_last_error()).empty());
  CHECK(std::string(icp_version()) == icp::version());
  const icp::Classifier reference;
  CHECK(std::string(icp_classifier_lexicon_hash(c)) == reference.lexicon_hash());

  const std::string text = "我们的论坛靠广告盈利";
  const std::string json = take(icp_classify(c, text.data(), text.size(), "en"));
  CHECK(json.rfind(R"({"decision":"license","categories":[3],)", 0) == 0);
  std::size_t at = 0;
  for (const char* key : {"decision", "categories", "news_permit", "preapprovals", "preapproval_details",
                          "foreign_investment", "planned", "confidence", "evidence", "trace", "missing_facts", "notes",
                          "held_permits", "lang", "version", "lexicon_hash"}) {
    const auto found = json.find(std::string("\"") + key + "\":", at);
    CHECK_MESSAGE(found != std::string::npos, key);
    if (found != std::string::npos) at = found;
  }
  CHECK(json.find(R"("lang":"en")") != std::string::npos);
  CHECK(json.find(R"("text":"论坛")") != std::string::npos);
  CHECK(json.back() == '}');

  // zh is the default; the reasons differ, the decision does not.
  const std::string zh = take(icp_classify(c, text.data(), text.size(), nullptr));
  CHECK(zh.find(R"("lang":"zh")") != std::string::npos);
  CHECK(zh.rfind(R"({"decision":"license",)", 0) == 0);
  CHECK(zh.find(R"("held_permits":[])") != std::string::npos);

  // A footer's licence number: held, with its number and evidence as written.
  const std::string footer = "版权所有　京ＩＣＰ证030173号";
  const std::string held = take(icp_classify(c, footer.data(), footer.size(), "en"));
  const std::string offset = std::to_string(footer.find("京"));
  CHECK(held.find(R"("held_permits":[{"kind":"icp_licence","number":"京ＩＣＰ证030173号","evidence":{"begin":)" +
                  offset + ",") != std::string::npos);
  icp_classifier_destroy(c);
}

TEST_CASE("C API: bad text is answered, in valid UTF-8") {
  icp_classifier* c = icp_classifier_create("", nullptr, 0);
  REQUIRE(c != nullptr);
  const std::string bad = "论坛\xFF\xFE靠广告\xC0盈利\x01\"";
  const std::string json = take(icp_classify(c, bad.data(), bad.size(), "zh"));
  CHECK(valid_utf8(json));
  CHECK(json.find("invalid_utf8") != std::string::npos);
  CHECK(json.find('\x01') == std::string::npos);

  const std::string empty = take(icp_classify(c, nullptr, 0, "en"));
  CHECK(empty.rfind(R"({"decision":"neither",)", 0) == 0);
  CHECK(empty.find("empty_text") != std::string::npos);

  const std::string nul("\0\0论坛", 8);
  CHECK(valid_utf8(take(icp_classify(c, nul.data(), nul.size(), "en"))));
  icp_classifier_destroy(c);
  icp_classifier_destroy(nullptr);
  icp_free(nullptr);
}

TEST_CASE("C API: failures return NULL and set a thread-local message") {
  icp_classifier* c = icp_classifier_create(nullptr, nullptr, 0);
  REQUIRE(c != nullptr);
  CHECK(icp_classify(c, "x", 1, "fr") == nullptr);
  const std::string message = icp_last_error();
  CHECK(message.find("lang") != std::string::npos);
  std::string other_thread = "unset";
  std::thread([&] { other_thread = icp_last_error(); }).join();
  CHECK(other_thread.empty());

  CHECK(icp_classify(nullptr, "x", 1, "en") == nullptr);
  CHECK(std::string(icp_last_error()).find("classifier is NULL") != std::string::npos);
  CHECK(icp_classify(c, nullptr, 3, "en") == nullptr);
  take(icp_classify(c, "x", 1, "en"));
  CHECK(std::string(icp_last_error()).empty());  // a success clears it
  CHECK(std::string(icp_classifier_lexicon_hash(nullptr)).empty());

  CHECK(icp_classifier_create("/nonexistent/icp-lexicon", nullptr, 0) == nullptr);
  CHECK(std::string(icp_last_error()).find("/nonexistent/icp-lexicon") != std::string::npos);
  CHECK(icp_classifier_create(nullptr, nullptr, 2) == nullptr);
  icp_classifier_destroy(c);
}

TEST_CASE("a text over 1 MiB: NULL and a message in C, TextTooLongError in C++, at once") {
  static_assert(ICP_MAX_TEXT_BYTES == icp::kMaxTextBytes);
  CHECK(icp::Options{}.max_text_bytes == (std::size_t{1} << 20));
  const std::string huge(64u << 20, 'a');  // 64 MiB: classifying it would take minutes and gigabytes
  icp_classifier* c = icp_classifier_create(nullptr, nullptr, 0);
  REQUIRE(c != nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(icp_classify(c, huge.data(), huge.size(), "en") == nullptr);
  CHECK(std::string(icp_last_error()) ==
        "icp_classify: the text is 67108864 bytes, over the limit of 1048576 bytes (ICP_MAX_TEXT_BYTES)");
  CHECK(icp_classify(c, huge.data(), ICP_MAX_TEXT_BYTES + 1, "en") == nullptr);
  CHECK(std::string(icp_last_error()).find("1048577 bytes") != std::string::npos);
  take(icp_classify(c, huge.data(), 1000, "en"));

  const icp::Classifier classifier;
  try {
    (void)classifier.classify(huge);
    FAIL("no error");
  } catch (const icp::TextTooLongError& e) {
    CHECK(e.size() == huge.size());
    CHECK(e.limit() == icp::kMaxTextBytes);
    CHECK(std::string(e.what()) == "the text is 67108864 bytes, over the limit of 1048576 bytes");
  }
  CHECK_THROWS_AS((void)classifier.classify(std::string_view(huge).substr(0, icp::kMaxTextBytes + 1), icp::Facts{}),
                  std::length_error);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(seconds < 5);  // (the classifier's construction included)

  // The limit is the classifier's own: 10 bytes refuses 21, 21 takes them.
  icp::Options small;
  small.max_text_bytes = 10;
  CHECK_THROWS_AS((void)icp::Classifier(small).classify("论坛靠广告盈利"), icp::TextTooLongError);
  small.max_text_bytes = 21;
  CHECK(icp::Classifier(small).classify("论坛靠广告盈利").decision == icp::Outcome::license);
  icp_classifier_destroy(c);
}

TEST_CASE("a malformed user lexicon: LexiconError in C++, FILE:LINE in C") {
  const auto path = std::filesystem::temp_directory_path() / "icp_test_c_api_user.tsv";
  std::ofstream(path) << "# icp-lexicon phrases v1\n论坛\tno_such_signal\t2\n";
  const std::string file = path.string();

  icp::Options options;
  options.user_lexicons = {file};
  try {
    icp::Classifier classifier(options);
    FAIL("no LexiconError");
  } catch (const icp::LexiconError& e) {
    CHECK(e.file() == file);
    CHECK(e.line() == 2);
    CHECK(std::string(e.what()).rfind(file + ":2: ", 0) == 0);
  }

  const char* files[] = {file.c_str()};
  CHECK(icp_classifier_create(nullptr, files, 1) == nullptr);
  CHECK(std::string(icp_last_error()).rfind(file + ":2: ", 0) == 0);

  std::ofstream(path) << "# icp-lexicon phrases v1\n论坛\tpay_ads\t2\n";
  icp_classifier* c = icp_classifier_create(nullptr, files, 1);
  REQUIRE(c != nullptr);
  CHECK(std::string(icp_classifier_lexicon_hash(c)) != icp::Classifier().lexicon_hash());
  icp_classifier_destroy(c);
  std::filesystem::remove(path);
}

TEST_CASE("C API: icp_classify_facts takes facts as --fact does, and the same answer as C++") {
  icp_classifier* c = icp_classifier_create(nullptr, nullptr, 0);
  REQUIRE(c != nullptr);
  const std::string text = "同城二手交易平台，用户发布闲置物品，买家在线联系卖家。";
  const char* facts[] = {"charges_users=否", "ad_income=否", "注册资本=500万", "province=浙江"};
  const std::string with = take(icp_classify_facts(c, text.data(), text.size(), facts, 4, "en"));
  const std::string without = take(icp_classify_facts(c, text.data(), text.size(), nullptr, 0, "en"));
  CHECK(without == take(icp_classify(c, text.data(), text.size(), "en")));
  CHECK(without.find("\"decision\":\"license\"") != std::string::npos);
  CHECK(with.find("\"decision\":\"filing\"") != std::string::npos);  // the answered questions decide
  CHECK(with.find("{\"name\":\"registered_capital\",\"value\":\"5000000\",\"source\":\"given\"}") != std::string::npos);

  // The C++ API with the same facts gives the same decision.
  icp::Facts cpp;
  for (const char* f : facts) icp::set_fact(cpp, f);
  CHECK(icp::to_string(icp::Classifier().classify(text, cpp).decision) == std::string("filing"));

  const char* bad[] = {"charges_users=否", "colour=blue"};
  CHECK(icp_classify_facts(c, text.data(), text.size(), bad, 2, "zh") == nullptr);
  CHECK(std::string(icp_last_error()).find("icp_classify_facts: facts[1]: ") == 0);
  CHECK(std::string(icp_last_error()).find("colour") != std::string::npos);
  const char* null_entry[] = {nullptr};
  CHECK(icp_classify_facts(c, "x", 1, null_entry, 1, "zh") == nullptr);
  CHECK(icp_classify_facts(c, "x", 1, nullptr, 2, "zh") == nullptr);
  CHECK(std::string(icp_last_error()).find("facts is NULL") != std::string::npos);
  icp_classifier_destroy(c);
}

TEST_CASE("C API: a classifier for the rules of a date") {
  icp_classifier* c = icp_classifier_create_as_of(nullptr, nullptr, 0, "2022-01-01");
  REQUIRE(c != nullptr);
  const std::string text = "我们开发了一个App，展示自己公司的产品。";
  char* json = icp_classify(c, text.data(), text.size(), "en");
  REQUIRE(json != nullptr);
  const std::string out = json;
  icp_free(json);
  // Before August 2023 an app without a website was not filed.
  CHECK(out.find("\"decision\":\"neither\"") != std::string::npos);
  CHECK(out.find("\"as_of\":\"2022-01-01\"") != std::string::npos);
  CHECK(out.find("\"rule\":\"noncommercial.app_not_filed\"") != std::string::npos);
  icp_classifier_destroy(c);

  CHECK(icp_classifier_create_as_of(nullptr, nullptr, 0, "2022-02-30") == nullptr);
  CHECK(std::string(icp_last_error()).find("'2022-02-30' is not a date") != std::string::npos);
  icp_classifier* today = icp_classifier_create_as_of(nullptr, nullptr, 0, "");
  CHECK(today != nullptr);
  icp_classifier_destroy(today);
}
