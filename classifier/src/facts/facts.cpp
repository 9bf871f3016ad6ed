// Setting facts from text: names, aliases, value parsing, the catalogue.
#include <algorithm>
#include <array>
#include <functional>
#include <string>

#include "facts/ascii.hpp"
#include "facts/number.hpp"
#include "facts/provinces.hpp"
#include "icp/facts.hpp"

namespace icp {

FactError::FactError(std::string fact, const std::string& message)
    : std::invalid_argument(message), fact_(std::move(fact)) {}

namespace {

using facts::lower_ascii;

std::string trim(std::string_view s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  // The ideographic space (U+3000) too.
  while (s.substr(0, 3) == "\u3000") s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") s.remove_suffix(3);
  return std::string(s);
}

bool is_unknown(const std::string& v) {
  static const std::array<std::string_view, 8> words = {"", "不确定", "不知道", "未知", "unknown", "?", "？", "n/a"};
  return std::find(words.begin(), words.end(), lower_ascii(v)) != words.end();
}

std::optional<bool> parse_bool(const std::string& raw) {
  const std::string v = lower_ascii(raw);
  for (std::string_view yes : {"是", "有", "对", "会", "需要", "yes", "y", "true", "1", "是的", "有的", "包含", "已"})
    if (v == yes) return true;
  for (std::string_view no : {"否", "无", "没有", "不", "不是", "没", "不会", "no", "n", "false", "0", "不包含", "未"})
    if (v == no) return false;
  return std::nullopt;
}

using Setter = std::function<void(Facts&, const std::string&)>;

struct Entry {
  FactInfo info;
  Setter set;
  std::function<void(Facts&)> clear;
};

template <typename T>
std::function<void(Facts&)> reset(std::optional<T> Facts::*field) {
  return [field](Facts& f) { (f.*field).reset(); };
}

FactError bad(const FactInfo& info, const std::string& value) {
  return FactError(info.name, "fact " + info.name + ": cannot read \"" + value + "\"; accepted: " + info.forms_en +
                                  " (" + info.forms_zh + ")");
}

const char* kBoolZh = "是/否/不确定";
const char* kBoolEn = "yes/no/unknown";

Entry boolean(std::string name, std::vector<std::string> aliases, std::string q_zh, std::string q_en,
              std::optional<bool> Facts::*field) {
  Entry e{
      {std::move(name), std::move(aliases), kBoolZh, kBoolEn, std::move(q_zh), std::move(q_en)}, nullptr, reset(field)};
  FactInfo info = e.info;
  e.set = [info, field](Facts& f, const std::string& v) {
    auto b = parse_bool(v);
    if (!b) throw bad(info, v);
    f.*field = *b;
  };
  return e;
}

// The largest whole number a double holds exactly (2^53 - 1): a count or a
// number of months past it could not be stored without rounding.
constexpr double kMaxCount = 9007199254740991.0;

// What a number fact accepts: its value at most `max`; `range` says so in
// the error (e.g. "0–100% or 0–1").
struct Range {
  double max;
  const char* range;
};

constexpr Range kAnyAmount{1.7976931348623157e308, "a finite amount"};
constexpr Range kShare{100.0, "0–100% or 0–1"};
constexpr Range kCount{kMaxCount, "a whole number from 0 to 9007199254740991"};
constexpr Range kMonths{kMaxCount, "0 to 9007199254740991 months"};

Entry number(std::string name, std::vector<std::string> aliases, std::string forms_zh, std::string forms_en,
             std::string q_zh, std::string q_en, std::optional<double> Facts::*field,
             std::optional<double> (*parse)(std::string_view), Range range) {
  Entry e{
      {std::move(name), std::move(aliases), std::move(forms_zh), std::move(forms_en), std::move(q_zh), std::move(q_en)},
      nullptr,
      reset(field)};
  FactInfo info = e.info;
  e.set = [info, field, parse, range](Facts& f, const std::string& v) {
    auto n = parse(v);
    if (!n || *n < 0) throw bad(info, v);
    // Out of range (200%, a count past 2^53 that would be rounded, inf): refused, not clamped.
    if (!(*n <= range.max))
      throw FactError(info.name, "fact " + info.name + ": \"" + v + "\" is out of range; accepted: " + range.range);
    f.*field = *n;
  };
  return e;
}

Entry province(std::string name, std::vector<std::string> aliases, std::string q_zh, std::string q_en,
               std::optional<std::string> Facts::*field) {
  Entry e{{std::move(name), std::move(aliases), "省份或城市，如 浙江、浙江省、杭州",
           "a province or city, e.g. 浙江, Zhejiang, 杭州", std::move(q_zh), std::move(q_en)},
          nullptr,
          reset(field)};
  FactInfo info = e.info;
  e.set = [info, field](Facts& f, const std::string& v) {
    auto p = facts::province_of(v);
    if (!p) throw bad(info, v);
    f.*field = std::string(*p);
  };
  return e;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> all = [] {
    std::vector<Entry> v;
    // The decision's own questions first: they can change the answer.
    v.push_back(boolean("own_site_or_app", {"自有网站或app", "有网站"}, "是否有自己的网站、App或小程序？",
                        "Does the business run its own website, app or mini-program?", &Facts::own_site_or_app));
    v.push_back(boolean("charges_users", {"向用户收费", "收费"}, "是否向用户收费？", "Does it charge users?",
                        &Facts::charges_users));
    v.push_back(boolean("ad_income", {"广告收入", "广告"}, "是否有广告收入？", "Does it earn from advertising?",
                        &Facts::ad_income));
    v.push_back(boolean("third_party_merchants", {"第三方商家", "商家入驻"}, "是否有第三方商家入驻？",
                        "Do third-party merchants sell or publish on it?", &Facts::third_party_merchants));
    {
      Entry e{
          {"sectors",
           {"行业", "涉及行业"},
           "逗号分隔：新闻、出版、教育、医疗、药品、医疗器械，或 无",
           "comma-separated: news, publishing, education, medical, drugs, medical_devices, or none",
           "是否涉及新闻、出版、教育、医疗、药品或医疗器械信息？（列出，或答 无）",
           "Does it touch news, publishing, education, medical, drug or medical-device information? (list, or none)"},
          nullptr,
          reset(&Facts::sectors)};
      FactInfo info = e.info;
      e.set = [info](Facts& f, const std::string& v) {
        auto list = facts::parse_sectors(v);
        if (!list) throw bad(info, v);
        f.sectors = *list;
      };
      v.push_back(std::move(e));
    }
    v.push_back(boolean("server_in_mainland", {"服务器在境内"}, "服务器是否在中国境内？",
                        "Are the servers in mainland China?", &Facts::server_in_mainland));
    v.push_back(boolean("foreign_shareholding", {"外资", "外资股东"}, "是否有外资（含港澳台）股东？",
                        "Are there foreign (incl. HK, Macau, Taiwan) shareholders?", &Facts::foreign_shareholding));
    v.push_back(number("foreign_share", {"外资比例", "外方持股"}, "百分比，如 40%、百分之四十、四成",
                       "a percentage, e.g. 40%, 百分之四十, 0.4", "外资持股比例是多少？",
                       "What share do foreign holders own?", &Facts::foreign_share, &facts::parse_percent, kShare));
    {
      Entry e{{"operator",
               {"经营主体", "主体"},
               "公司/个人",
               "company/individual",
               "经营者是公司还是个人？",
               "Is the operator a company or an individual?"},
              nullptr,
              reset(&Facts::is_company)};
      FactInfo info = e.info;
      e.set = [info](Facts& f, const std::string& raw) {
        const std::string v = lower_ascii(raw);
        for (std::string_view c : {"公司", "企业", "company", "corporation", "enterprise", "法人"})
          if (v == c) return void(f.is_company = true);
        for (std::string_view p : {"个人", "individual", "person", "自然人", "个体"})
          if (v == p) return void(f.is_company = false);
        throw bad(info, raw);
      };
      v.push_back(std::move(e));
    }
    v.push_back(
        number("registered_capital", {"注册资本", "注册资金"}, "金额，如 500万、伍佰万元、5,000,000、1000万人民币",
               "an amount in yuan, e.g. 500万, 伍佰万元, 5,000,000, 1000万人民币", "注册资本是多少？",
               "What is the registered capital?", &Facts::registered_capital, &facts::parse_amount, kAnyAmount));
    v.push_back(number("insured_staff", {"社保人数", "缴社保人数"}, "人数，如 3、三人、5名", "a count, e.g. 3, 三人",
                       "最近一个月有几名员工缴纳社保？", "How many staff had social insurance paid last month?",
                       &Facts::insured_staff, &facts::parse_count, kCount));
    v.push_back(number("insured_months", {"社保月数"}, "月数，如 3、3个月、半年", "months, e.g. 3, 3个月, 半年",
                       "这几名员工的社保已连续缴纳几个月？", "For how many consecutive months?", &Facts::insured_months,
                       &facts::parse_months, kMonths));
    v.push_back(boolean("scope_has_telecom", {"经营范围含增值电信"},
                        "经营范围是否包含“增值电信业务”或“第二类增值电信业务”？",
                        "Does the business scope include value-added telecom business?", &Facts::scope_has_telecom));
    v.push_back(boolean("domain_filed", {"域名已备案", "域名备案"}, "网站域名是否已通过备案？",
                        "Has the domain passed filing?", &Facts::domain_filed));
    v.push_back(number("domain_valid_months", {"域名剩余有效期", "域名有效期"}, "月数，如 8、8个月、一年、2年",
                       "months, e.g. 8, 8个月, 一年, 2 years", "域名注册还剩几个月有效期？",
                       "How many months does the domain registration still run?", &Facts::domain_valid_months,
                       &facts::parse_months, kMonths));
    v.push_back(province("province", {"注册地", "注册省份"}, "公司在哪个省份注册？",
                         "In which province is the company registered?", &Facts::province));
    v.push_back(province("server_province", {"服务器所在地", "服务器省份"}, "服务器在哪个省份？",
                         "In which province are the servers?", &Facts::server_province));
    v.push_back(boolean("natural_person_shareholders", {"自然人股东"}, "是否有自然人股东？",
                        "Are there natural-person shareholders?", &Facts::natural_person_shareholders));
    v.push_back(boolean("corporate_shareholders", {"法人股东"}, "是否有法人（公司）股东？",
                        "Are there corporate shareholders?", &Facts::corporate_shareholders));
    v.push_back(boolean("preapprovals_obtained", {"前置审批已取得"}, "所需的行业前置审批是否已经取得？",
                        "Are the sector pre-approvals already obtained?", &Facts::preapprovals_obtained));
    v.push_back(boolean("news_permit_obtained", {"新闻许可证已取得"}, "是否已取得《互联网新闻信息服务许可证》？",
                        "Is the 互联网新闻信息服务许可证 (news permit) already obtained?",
                        &Facts::news_permit_obtained));
    return v;
  }();
  return all;
}

const Entry* find(std::string_view name) {
  const std::string wanted = lower_ascii(trim(name));
  for (const auto& e : entries()) {
    if (e.info.name == wanted) return &e;
    for (const auto& a : e.info.aliases)
      if (a == wanted) return &e;
  }
  return nullptr;
}

}  // namespace

const std::vector<FactInfo>& fact_catalogue() {
  static const std::vector<FactInfo> infos = [] {
    std::vector<FactInfo> v;
    for (const auto& e : entries()) v.push_back(e.info);
    return v;
  }();
  return infos;
}

void set_fact(Facts& facts, std::string_view name, std::string_view value) {
  const Entry* e = find(name);
  if (!e) {
    std::string known;
    for (const auto& x : entries()) known += (known.empty() ? "" : ", ") + x.info.name;
    throw FactError(trim(name), "unknown fact \"" + trim(name) + "\"; known facts: " + known);
  }
  const std::string v = trim(value);
  if (is_unknown(v)) return e->clear(facts);
  e->set(facts, v);
  if (e->info.name == "foreign_share" && facts.foreign_share) facts.foreign_shareholding = *facts.foreign_share > 0;
  if (e->info.name == "server_province" && facts.server_province) facts.server_in_mainland = true;
}

void set_fact(Facts& facts, std::string_view assignment) {
  for (std::string_view sep : {"=", "：", ":"}) {
    auto at = assignment.find(sep);
    if (at != std::string_view::npos)
      return set_fact(facts, assignment.substr(0, at), assignment.substr(at + sep.size()));
  }
  throw FactError(trim(assignment), "expected NAME=VALUE, got \"" + trim(assignment) + "\"");
}

}  // namespace icp
