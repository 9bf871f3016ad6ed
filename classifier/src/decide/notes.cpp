// Beyond the brief: other permits that stack on the ICP licence, and facts
// the report should point out.
#include <algorithm>
#include <chrono>
#include <string>

#include "decide/steps.hpp"

namespace icp::decide {
namespace {

struct OtherPermit {
  Signal signal;
  const char* id;
  const char* zh;
  const char* en;
};

constexpr OtherPermit kOtherPermits[] = {
    {Signal::note_hosting, "idc_cdn_licence",
     "主机托管、云服务器、CDN 属于 IDC（B11）、CDN（B12）或 ISP（B14）许可，代办实务仍把它算作ICP收入",
     "Hosting, cloud servers and CDN fall under the IDC (B11), CDN (B12) or ISP (B14) licences; agency practice still "
     "counts them as ICP income"},
    {Signal::note_culture, "culture_permit", "网络游戏、音乐、演出、直播等通常另需《网络文化经营许可证》",
     "Games, music, performances and live shows usually also need the 网络文化经营许可证 (internet culture permit)"},
    {Signal::note_audiovisual, "audiovisual_permit",
     "网络视听节目（影视、短视频、直播）通常另需《信息网络传播视听节目许可证》",
     "Audio-visual programmes (films, short videos, live streams) usually also need the 信息网络传播视听节目许可证"},
    {Signal::note_game, "game_approval", "网络游戏上线需取得游戏出版审批（版号）",
     "Online games need publishing approval (版号) before launch"},
    {Signal::note_ride_hailing, "ride_hailing_permit", "网约车平台另需网络预约出租汽车经营许可",
     "Ride-hailing needs the online ride-hailing operating permit"},
    {Signal::note_saas, "b21_online_processing",
     "SaaS或面向企业的在线软件按经营性ICP办理，无需B25子类；若处理客户的交易或数据，还应核实是否属于在线数据处理与交易"
     "处理业务（B21）",
     "SaaS or online software sold to businesses is licensed as commercial ICP with no B25 sub-category; if it "
     "processes customers' transactions or data, check whether online data and transaction processing (B21) applies"},
    {Signal::note_finance, "finance_approval", "互联网金融业务（理财、借贷、支付、证券）另需金融监管部门许可",
     "Internet finance (wealth management, lending, payment, securities) needs the financial regulators' approval"},
};

// What a business scope registers beyond B25: other telecom licences, and
// a licence's validity date.
void scope_notes(Context& c) {
  std::vector<std::string_view> listed;
  for (const auto& item : c.scope.items)
    if (item.kind == scope::ItemKind::other_telecom && !item.code.empty() &&
        std::find(listed.begin(), listed.end(), item.code) == listed.end())
      listed.push_back(item.code);
  // "第一类增值电信业务中的因特网数据中心业务" is B11, not B1 and B11.
  const bool specific_b1 = std::any_of(
      listed.begin(), listed.end(), [](std::string_view code) { return code.size() == 3 && code.starts_with("B1"); });
  std::string codes;
  for (std::string_view code : listed)
    if (!(specific_b1 && code == "B1")) codes += (codes.empty() ? "" : "、") + std::string(code);
  if (!codes.empty())
    c.note("scope_other_telecom",
           "经营范围另列有其他电信业务（" + codes + "），须另持相应许可证，不属于B25信息服务业务",
           "The business scope also lists other telecom services (" + codes +
               "), which need their own licences and are not B25");
  const auto today =
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  for (const auto& v : c.scope.validity) {
    const auto until = std::chrono::year(v.year) / std::chrono::month(static_cast<unsigned>(v.month)) /
                       std::chrono::day(static_cast<unsigned>(v.day ? v.day : 28));
    const std::string date = std::to_string(v.year) + "-" + (v.month < 10 ? "0" : "") + std::to_string(v.month) +
                             (v.day ? std::string("-") + (v.day < 10 ? "0" : "") + std::to_string(v.day) : "");
    if (until < today)
      c.note("scope_licence_expired", "经营范围写明的许可证有效期至" + date + "，已过期：请确认是否已续期",
             "The business scope says the licence was valid until " + date +
                 ", which has passed: check that it was "
                 "renewed");
    else
      c.note("scope_licence_valid", "经营范围写明许可证有效期至" + date + "：企业持有该许可证",
             "The business scope says a licence is valid until " + date + ": the company holds it");
    break;
  }
}
// Permits beyond the brief that the text shows are held: their note says so
// (and replaces the "usually also needs" note of the same id).
struct HeldPermitNote {
  permits::Kind kind;
  RuleId rule;
  const char* id;
  const char* zh;
  const char* en;
};

constexpr HeldPermitNote kHeldNotes[] = {
    {permits::Kind::culture_licence, rule_id::held_culture_licence, "culture_permit",
     "文本显示已持有《网络文化经营许可证》：",
     "The text shows the 网络文化经营许可证 (internet culture permit) is held: "},
    {permits::Kind::audiovisual_licence, rule_id::held_audiovisual_licence, "audiovisual_permit",
     "文本显示已持有《信息网络传播视听节目许可证》：", "The text shows the 信息网络传播视听节目许可证 is held: "},
};

}  // namespace

void notes_beyond_brief(Context& c) {
  scope_notes(c);
  const auto& d = c.decision;
  for (const auto& held : kHeldNotes)
    if (const auto* permit = c.held_permit(held.kind)) {
      c.trace_held(held.rule, *permit);
      const auto [begin, end] = c.text.to_source(permit->number_begin, permit->number_end);
      const std::string number(c.original.substr(begin, end - begin));
      // A footer may list the certificate by name only.
      c.note(held.id, held.zh + (number.empty() ? std::string("页面列出该证书，未写编号") : number),
             held.en + (number.empty() ? std::string("the page lists it, without its number") : number));
    }
  for (const auto& permit : c.held)
    if (permit.kind == permits::Kind::telecom_licence && !permit.b2) {
      c.trace_held(rule_id::held_other_telecom_licence, permit);
      c.note("other_telecom_licence",
             "文本写有B1类或A2类电信业务经营许可证号：属IDC、CDN、ISP等其他电信业务，不构成B25信息服务业务",
             "The text gives a B1 or A2 telecom licence number: IDC, CDN, ISP or another telecom service, not B25 "
             "information services");
      break;
    }
  if (d.decision != Outcome::neither)
    for (const auto& permit : kOtherPermits)
      if (c.affirmed(permit.signal) >= 2) c.note(permit.id, permit.zh, permit.en);

  if (c.facts.server_in_mainland ? !*c.facts.server_in_mainland : c.affirmed(Signal::server_abroad) >= 2)
    c.note("server_abroad", "服务器在境外：境外服务器既不能在境内备案，也不能据此申请许可证；须迁入境内才能办理",
           "Servers outside mainland China can neither be filed nor licensed there: move them in before applying");
  if (d.decision == Outcome::license &&
      (c.facts.is_company ? !*c.facts.is_company : c.affirmed(Signal::operator_individual) >= 2))
    c.note("individual_operator", "只有企业能持有ICP经营许可证：个人收费经营须先注册公司",
           "Only a company can hold the ICP licence: an individual who charges must incorporate first");
  if (c.found.miniprogram_only && d.decision != Outcome::neither)
    c.note("miniprogram_provinces", "小程序的处理各省不一：本结论依代办实务，请与所在省通信管理局确认",
           "Provinces treat mini-programs differently: this follows agency practice; confirm with the provincial "
           "communications administration");
  if (c.text.invalid_utf8)
    c.note("invalid_utf8",
           "输入含有无效的UTF-8字节，已替换为�后分析（首个无效字节位置：" + std::to_string(c.text.first_invalid_byte) +
               "）",
           "The input has invalid UTF-8 bytes, replaced by U+FFFD before analysis (first at byte " +
               std::to_string(c.text.first_invalid_byte) + ")");
  if (c.text.had_traditional)
    c.note("traditional_converted", "输入含繁体字，已转换为简体后匹配；证据仍指向原文",
           "The input has Traditional characters, converted to Simplified for matching; evidence points into the "
           "original");
}

}  // namespace icp::decide
