// Licences and filings held, read from the text (permits/held_permits.*):
// each number form, the named certificates with and without a number, what
// is not an ICP permit (京公网安备), offsets into the caller's bytes; and what
// the decision makes of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "icp/classifier.hpp"
#include "permits/held_permits.hpp"
#include "text/normalize.hpp"

namespace {

using icp::permits::Kind;

struct Read {
  std::string kind;
  std::string number;  // the caller's bytes
  std::string evidence;
  std::size_t begin = 0;  // caller offsets of the evidence
  std::size_t end = 0;
  std::optional<bool> commercial;
  bool b2 = true;
};

std::vector<Read> read(std::string_view input) {
  static const icp::text::Normalizer normalizer;
  const auto text = normalizer.normalize(input);
  std::vector<Read> out;
  for (const auto& h : icp::permits::read_held_permits(text.text)) {
    auto [nb, ne] = text.to_source(h.number_begin, h.number_end);
    auto [b, e] = text.to_source(h.begin, h.end);
    out.push_back({std::string(icp::permits::name(h.kind)), std::string(input.substr(nb, ne - nb)),
                   std::string(input.substr(b, e - b)), b, e, h.commercial, h.b2});
  }
  return out;
}

const icp::Classifier& classifier() {
  static const icp::Classifier c;
  return c;
}

bool has_rule(const icp::Decision& d, std::string_view id) {
  return std::any_of(d.trace.begin(), d.trace.end(), [&](const icp::TraceStep& t) { return t.rule == id; });
}

}  // namespace

TEST_CASE("held permits: ICP licence and filing numbers") {
  auto r = read("版权所有 某某网络科技有限公司 京ICP证030173号 京公网安备11010502030143号");
  REQUIRE(r.size() == 1);  // the police filing is not an ICP filing
  CHECK(r[0].kind == "icp_licence");
  CHECK(r[0].number == "京ICP证030173号");

  r = read("备案号：京ICP备12345678号-1");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "icp_filing");
  CHECK(r[0].number == "京ICP备12345678号-1");

  r = read("ICP备案号：浙ICP备2021012345号");
  REQUIRE(r.size() == 1);
  CHECK(r[0].number == "浙ICP备2021012345号");

  r = read("粤ICP备 88886666号 和 沪ICP证140453号");
  REQUIRE(r.size() == 2);
  CHECK(r[0].kind == "icp_filing");
  CHECK(r[0].number == "粤ICP备 88886666号");
  CHECK(r[1].kind == "icp_licence");
  CHECK(r[1].number == "沪ICP证140453号");
}

TEST_CASE("held permits: full-width forms map back to the caller's bytes") {
  // Full-width letters and digits are three bytes each in the input, one after NFKC.
  const std::string input = "页脚：ＩＣＰ证号　京ＩＣＰ证０３０１７３号，京ＩＣＰ备１２３４５６７８号－２";
  auto r = read(input);
  REQUIRE(r.size() == 2);
  CHECK(r[0].kind == "icp_licence");
  CHECK(r[0].number == "京ＩＣＰ证０３０１７３号");
  CHECK(r[0].begin == input.find("京ＩＣＰ证"));
  CHECK(r[0].end == input.find("，"));
  CHECK(r[1].kind == "icp_filing");
  CHECK(r[1].number == "京ＩＣＰ备１２３４５６７８号－２");
  CHECK(r[1].end == input.size());

  // Traditional characters are converted before matching; evidence is the original.
  r = read("網站備案：京ICP備12345678號");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "icp_filing");
  CHECK(r[0].number == "京ICP備12345678號");
}

TEST_CASE("held permits: value-added telecom licence numbers") {
  auto r = read("增值电信业务经营许可证：粤B2-20090059");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "telecom_licence");
  CHECK(r[0].number == "粤B2-20090059");
  CHECK(r[0].evidence == "增值电信业务经营许可证：粤B2-20090059");
  CHECK(r[0].b2);

  r = read("经营许可证编号 沪B2-20050088 ｜ B2-20090059");
  REQUIRE(r.size() == 2);
  CHECK(r[0].number == "沪B2-20050088");
  CHECK(r[1].number == "B2-20090059");

  r = read("持有B1-20180001（互联网数据中心）和A2-20190002");
  REQUIRE(r.size() == 2);
  CHECK(r[0].kind == "telecom_licence");
  CHECK_FALSE(r[0].b2);
  CHECK_FALSE(r[1].b2);

  // Too few digits, or letters in front: not a licence number.
  CHECK(read("型号AB2-2009").empty());
  CHECK(read("版本 b2-1234567").empty());
  CHECK(read("sku2b2-20090059").empty());
}

TEST_CASE("held permits: the named certificates") {
  auto r = read("互联网药品信息服务资格证书编号：（京）-经营性-2017-0012");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "drug_info_certificate");
  CHECK(r[0].number == "（京）-经营性-2017-0012");
  CHECK(r[0].evidence == "互联网药品信息服务资格证书编号：（京）-经营性-2017-0012");
  CHECK(r[0].commercial == true);

  r = read("（粤）-非经营性-2016-0123");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "drug_info_certificate");
  CHECK(r[0].commercial == false);

  r = read("网络文化经营许可证：沪网文【2019】3804-274号");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "culture_licence");
  CHECK(r[0].number == "沪网文【2019】3804-274号");

  r = read("京网文〔2016〕2337-264号");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "culture_licence");

  r = read("信息网络传播视听节目许可证：1109364");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "audiovisual_licence");
  CHECK(r[0].number == "1109364");

  r = read("互联网新闻信息服务许可证 11220180001，");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "news_licence");
  CHECK(r[0].number == "11220180001");
  CHECK(r[0].evidence == "互联网新闻信息服务许可证 11220180001");
}

TEST_CASE("held permits: a certificate named without a number is not held") {
  CHECK(read("我们还没有ICP证，想问问怎么办").empty());
  CHECK(read("正在申请ICP许可证，2024年能下来吗").empty());
  CHECK(read("ICP备案2023年做过了").empty());
  CHECK(read("需要办理网络文化经营许可证和信息网络传播视听节目许可证吗？").empty());
  CHECK(read("视听节目许可证2019年到期").empty());
  CHECK(read("我们打算申请互联网药品信息服务资格证书").empty());
  CHECK(read("京公网安备11010502030143号").empty());
  CHECK(read("").empty());
}

TEST_CASE("held permits: the decision") {
  // A licence number in a footer: licence, whatever else the text says.
  auto d = classifier().classify("公司简介，产品中心，联系我们。Copyright 某某科技 京ICP证030173号");
  CHECK(d.decision == icp::Outcome::license);
  CHECK(d.confidence >= 0.9);
  CHECK(has_rule(d, "presence.held_permit"));
  CHECK(has_rule(d, "held.icp_licence"));
  REQUIRE(d.held_permits.size() == 1);
  CHECK(d.held_permits[0].kind == "icp_licence");
  CHECK(d.held_permits[0].number == "京ICP证030173号");
  CHECK(d.held_permits[0].evidence.signal == "held_icp_licence");
  CHECK(d.categories.empty());  // a footer says nothing of what the service does
  CHECK_FALSE(has_rule(d, "category.1_by_default"));

  d = classifier().classify("粤B2-20090059");
  CHECK(d.decision == icp::Outcome::license);
  CHECK(has_rule(d, "held.telecom_licence"));

  // A filing number: own site, filed; the brochure stays a filing, paid features make a licence.
  d = classifier().classify("公司简介、产品展示、联系方式 京ICP备12345678号-1");
  CHECK(d.decision == icp::Outcome::filing);
  CHECK(has_rule(d, "held.icp_filing"));
  d = classifier().classify("会员付费后可以查看全部行业报告，商家付费置顶。京ICP备12345678号");
  CHECK(d.decision == icp::Outcome::license);
  CHECK(has_rule(d, "held.icp_filing"));

  // A drug information certificate: the drugs pre-approval, held; 经营性 makes it a licence.
  d = classifier().classify("互联网药品信息服务资格证书：（沪）-经营性-2018-0031");
  CHECK(d.decision == icp::Outcome::license);
  REQUIRE(d.preapprovals.size() == 1);
  CHECK(d.preapprovals[0].sector == "drugs");
  CHECK(has_rule(d, "held.drug_info_certificate"));
  CHECK(has_rule(d, "held.drug_info_commercial"));

  // Culture and audio-visual permits: their notes say they are held.
  d = classifier().classify("网络文化经营许可证：沪网文【2019】3804-274号 信息网络传播视听节目许可证：1109364");
  CHECK(has_rule(d, "held.culture_licence"));
  CHECK(has_rule(d, "held.audiovisual_licence"));
  bool culture_note = false;
  for (const auto& n : d.notes)
    culture_note |= n.id == "culture_permit" && n.text_zh.find("沪网文") != std::string::npos;
  CHECK(culture_note);

  // A news permit held: the news pre-approval applies.
  d = classifier().classify("互联网新闻信息服务许可证编号：11220180001");
  REQUIRE(!d.preapprovals.empty());
  CHECK(d.preapprovals[0].sector == "news");
  CHECK(d.news_permit);
  CHECK(has_rule(d, "held.news_licence"));

  // No number: nothing held, the text decides as before.
  d = classifier().classify("我们还没有ICP证");
  CHECK(d.held_permits.empty());
  CHECK_FALSE(has_rule(d, "presence.held_permit"));
}
