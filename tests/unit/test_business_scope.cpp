// The business-scope reader (classifier/src/scope/): what it recognises as a
// scope, and how it reads each item's parentheses.
#include <doctest/doctest.h>

#include <string>

#include "scope/business_scope.hpp"
#include "text/normalize.hpp"

using icp::scope::ItemKind;

namespace {

struct Read {
  std::string text;  // normalised
  icp::scope::Reading reading;
  std::string item_text(const icp::scope::Item& i) const { return text.substr(i.begin, i.end - i.begin); }
  int count(ItemKind kind) const {
    int n = 0;
    for (const auto& i : reading.items) n += i.kind == kind;
    return n;
  }
};

Read read(const char* utf8) {
  static const icp::text::Normalizer normalizer;
  Read r;
  r.text = normalizer.normalize(utf8).text;
  r.reading = icp::scope::read(r.text);
  return r;
}

}  // namespace

TEST_SUITE("business_scope") {
  TEST_CASE("a marker opens a scope; a list of trades is one without it") {
    CHECK(read("经营范围：服装销售；鞋帽批发。").reading.found);
    CHECK(read("一般项目：园林绿化工程施工；苗木种植；货物进出口").reading.found);
    CHECK(read("电子元件制造；电子产品销售；技术开发、技术咨询、技术转让；货物进出口").reading.found);
    CHECK(read("家具零售（依法须经批准的项目，经相关部门批准后方可开展经营活动）").reading.found);
  }

  TEST_CASE("prose, feature lists and bracketed markers are no scope") {
    CHECK_FALSE(read("我们的App支持在线问诊、视频咨询、预约挂号和健康管理。").reading.found);
    CHECK_FALSE(read("用户可以发帖、评论、点赞，还能私信好友。").reading.found);
    CHECK_FALSE(read("欢迎来到本站，这里有海量小说免费阅读。").reading.found);
    // 许可经营项目 inside a parenthesis is an exclusion's wording, not a marker.
    const auto r = read("网站首页(以上不含电信增值业务等许可经营项目)欢迎您");
    CHECK_FALSE(r.reading.found);
  }

  TEST_CASE("B25 items and their parentheses") {
    auto r = read("第二类增值电信业务中的信息服务业务（仅限互联网信息服务）；软件开发；技术服务");
    REQUIRE(r.reading.found);
    CHECK(r.count(ItemKind::b25) >= 1);

    r = read("技术开发；信息服务业务（不含互联网信息服务）；办公用品销售");
    CHECK(r.count(ItemKind::b25) == 0);
    CHECK(r.count(ItemKind::fixed_network) == 1);

    r = read("经营范围：互联网信息服务；信息服务业务（不含固定网电话信息服务和互联网信息服务）；服装销售");
    CHECK(r.count(ItemKind::b25) == 1);
    CHECK(r.count(ItemKind::fixed_network) == 1);
  }

  TEST_CASE("exclusions are not items") {
    auto r = read("软件开发；网络技术服务；以上经营范围不含增值电信业务。");
    CHECK(r.count(ItemKind::telecom) == 0);
    CHECK(r.count(ItemKind::excluded) == 1);
    r = read("经营范围：不得从事增值电信业务；服装设计；纺织品进出口");
    CHECK(r.count(ItemKind::telecom) == 0);
    r = read("技术开发、技术咨询（涉及增值电信业务的除外）；五金批发；货物进出口");
    CHECK(r.count(ItemKind::telecom) == 0);
  }

  TEST_CASE("other value-added telecom items carry their catalogue codes") {
    auto r = read("经营范围：第一类增值电信业务中的因特网数据中心业务；呼叫中心业务；内容分发网络业务");
    std::string codes;
    for (const auto& i : r.reading.items)
      if (i.kind == ItemKind::other_telecom) codes += std::string(i.code) + ",";
    CHECK(codes.find("B11") != std::string::npos);
    CHECK(codes.find("B24") != std::string::npos);
    CHECK(codes.find("B12") != std::string::npos);
    CHECK(r.count(ItemKind::telecom) == 0);
  }

  TEST_CASE("sectors: named internet items, and a parenthesis that excludes them") {
    auto r = read("许可项目：药品互联网信息服务；医疗器械互联网信息服务；药品零售");
    unsigned named = 0;
    for (const auto& i : r.reading.items) named |= i.sectors;
    CHECK((named & icp::scope::Sector::drugs) != 0);
    CHECK((named & icp::scope::Sector::medical_devices) != 0);

    r = read("经营范围：互联网信息服务（不含新闻、出版、教育、医疗保健、药品和医疗器械，含电子公告服务）；广告设计");
    CHECK((r.reading.sectors_excluded & icp::scope::Sector::news) != 0);
    CHECK((r.reading.sectors_excluded & icp::scope::Sector::medical_devices) != 0);
    CHECK(r.reading.bulletin_board);

    r = read("经营范围：互联网信息服务（不含电子公告服务）；广告设计");
    CHECK_FALSE(r.reading.bulletin_board);
  }

  TEST_CASE("validity dates") {
    auto r = read("经营范围：信息服务业务（仅限互联网信息服务）（增值电信业务经营许可证有效期至2016年10月8日）；广告");
    REQUIRE(r.reading.validity.size() == 1);
    CHECK(r.reading.validity[0].year == 2016);
    CHECK(r.reading.validity[0].month == 10);
    CHECK(r.reading.validity[0].day == 8);
  }

  TEST_CASE("an embedded scope covers only its own sentences") {
    auto r = read("我们做一个家政服务平台，阿姨入驻接单。经营范围包括家政服务、保洁服务。");
    REQUIRE(r.reading.found);
    REQUIRE(r.reading.regions.size() == 1);
    CHECK(r.text.substr(r.reading.regions[0].first, r.reading.regions[0].second - r.reading.regions[0].first)
              .starts_with("经营范围"));
    CHECK_FALSE(r.reading.in_scope(0));
  }

  TEST_CASE("online sales: an item of its own, not a parenthesis") {
    auto r = read("自产茶叶的互联网销售；茶叶种植、加工；茶具批发");
    CHECK(r.reading.online_sales.size() == 1);
    r = read("食品销售（含网上销售）；预包装食品批发；道路货物运输");
    CHECK(r.reading.online_sales.empty());
  }
}
