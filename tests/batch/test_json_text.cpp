// JsonText (the batch command's JSON lines) writes what Boost.JSON's
// serialize() writes for the same values, byte for byte: strings of any
// bytes, numbers, nesting, and whole decisions through write_decision_json().
#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "batch/json_text.hpp"
#include "icp/classifier.hpp"
#include "report_json.hpp"

namespace json = boost::json;
using icp::cli::batch::JsonText;

namespace {

std::string written(const std::string& bytes) {
  std::string out = "x";  // JsonText appends
  JsonText w(out);
  w.string(bytes);
  w.finish();
  return out.substr(1);
}

}  // namespace

TEST_CASE("JsonText strings: Boost.JSON's escapes, U+FFFD for bytes that are not UTF-8") {
  for (int c = 0; c < 256; ++c) {
    const std::string s = "a" + std::string(1, static_cast<char>(c)) + "中";
    CHECK(written(s) == json::serialize(json::value(json::string(icp::to_valid_utf8(s)))));
  }
  // Each ASCII byte at each place of an ASCII run (the eight-byte path).
  for (int c = 0; c < 128; ++c)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'x');
      s[at] = static_cast<char>(c);
      REQUIRE(written(s) == json::serialize(json::value(json::string(s))));
    }
  CHECK(written("") == "\"\"");
  CHECK(written("\x01\"\\/\x7f\n") == "\"\\u0001\\\"\\\\/\x7f\\n\"");
  // Random mixes: runs of ASCII and CJK longer than the fast paths' steps,
  // escapes and bad bytes anywhere, strings longer than the writer's buffer.
  const std::vector<std::string> pieces = {
      "abcdefghijklmnop", "中文字符串", "\"",       "\\", "\n",          "\t", "\x1f",
      "\xE0\xA0\x80",     "\xFF",       "\xE4\xB8", "😀",  "\xED\xA0\x80"};
  std::mt19937 rng(3);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % (round % 10 == 0 ? 400 : 12));
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    REQUIRE(written(s) == json::serialize(json::value(json::string(icp::to_valid_utf8(s)))));
  }
}

TEST_CASE("JsonText structure and numbers match Boost.JSON") {
  json::object o;
  o["row"] = std::uint64_t{18446744073709551615ull};
  o["neg"] = std::int64_t{-9223372036854775807ll - 1};
  o["list"] = json::array{1.0, 0.82, 1e-300, 0.1 + 0.2, true, false, nullptr, json::object{}, json::array{}};
  o["raw"] = json::string("\xFF\"");
  std::string out;
  JsonText w(out);
  w.begin_object();
  w.key("row").uint64(18446744073709551615ull);
  w.key("neg").int64(std::numeric_limits<std::int64_t>::min());
  w.key("list").begin_array();
  for (double d : {1.0, 0.82, 1e-300, 0.1 + 0.2}) w.number(d);
  w.boolean(true);
  w.boolean(false);
  w.null();
  w.begin_object();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.key("raw").string_as_is("\xFF\"");
  w.end_object();
  w.finish();
  // The raw string is not valid UTF-8, so it is compared as bytes.
  const std::string raw = ",\"raw\":" + json::serialize(o["raw"]) + "}";
  REQUIRE(out.ends_with(raw));
  o.erase("raw");
  o["list"].as_array()[0] = 1;  // the double 1.0 is written "1", which reads back as an integer
  CHECK(json::parse(out.substr(0, out.size() - raw.size()) + "}") == json::value(o));
  CHECK(out.find("[1,0.82,1e-300,0.30000000000000004,true") != std::string::npos);  // as people write numbers
}

TEST_CASE("write_decision_json: JsonText writes the values decision_json() holds") {
  const icp::Classifier classifier;
  const icp::cli::ReportMeta meta{"1.2.3", "abc"};
  const char* texts[] = {
      "本平台提供在线教育和付费课程，入驻商家收取佣金，每日推送新闻资讯，注册资本五百万元，服务器在浙江",
      "企业官网，展示公司产品和联系方式，不收费",
      "外资控股的网络游戏平台，用户充值购买道具，直播打赏，在线问诊和药品销售",
      "a \"quoted\" \\ line\nbreak\t\x01 and bad \xFF bytes 广告收入", ""};
  icp::Facts facts;
  icp::set_fact(facts, "province", "浙江");
  for (const char* text : texts)
    for (auto lang : {icp::cli::Lang::zh, icp::cli::Lang::en}) {
      const icp::Decision d = classifier.classify(text, facts);
      std::string out;
      JsonText w(out);
      icp::cli::write_decision_json(w, d, lang, meta);
      w.finish();
      CHECK(json::parse(out) == json::value(icp::cli::decision_json(d, lang, meta)));
    }
}
