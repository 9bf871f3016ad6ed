// Company facts: what a description rarely says but an application needs
// (registered capital, insured staff, shareholding, domain, servers), and
// the answers to the decision's missing facts (charges users? ad income?).
//
//   icp::Facts facts;
//   icp::set_fact(facts, "registered_capital", "500万");   // or "注册资本"
//   icp::set_fact(facts, "charges_users", "否");
//   icp::Decision d = classifier.classify(text, facts);
//
// Values are parsed as people write them: 500万, 伍佰万元, 5,000,000,
// 1000万人民币, 50%, 百分之四十, 是/否/不确定. A fact given here overrides
// the same fact read from the text; the trace says which fact decided.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "icp/export.h"

namespace icp {

struct Facts {
  std::optional<double> registered_capital;    // yuan
  std::optional<double> insured_staff;         // staff with social insurance, latest month
  std::optional<double> insured_months;        // consecutive months paid for them
  std::optional<bool> scope_has_telecom;       // business scope has 增值电信业务 / 第二类增值电信业务
  std::optional<bool> foreign_shareholding;    // any foreign, HK, Macau or Taiwan shareholder
  std::optional<double> foreign_share;         // percent
  std::optional<bool> domain_filed;            // the domain has passed filing (备案)
  std::optional<double> domain_valid_months;   // months the domain registration still runs
  std::optional<std::string> province;         // of registration, e.g. "浙江"
  std::optional<std::string> server_province;  // where the servers are, e.g. "浙江"
  std::optional<bool> server_in_mainland;
  std::optional<bool> is_company;  // false: an individual runs it
  std::optional<bool> natural_person_shareholders;
  std::optional<bool> corporate_shareholders;
  std::optional<bool> preapprovals_obtained;  // sector approvals already in hand
  std::optional<bool> news_permit_obtained;   // 互联网新闻信息服务许可证 already in hand
  // Answers to Decision::missing_facts (the ids are the same).
  std::optional<bool> charges_users;
  std::optional<bool> ad_income;
  std::optional<bool> third_party_merchants;
  std::optional<bool> own_site_or_app;
  std::optional<std::vector<std::string>> sectors;  // news, publishing, education, medical, drugs, medical_devices
};

// A fact name that is not known, or a value that cannot be parsed. what()
// names the fact and the accepted forms.
class ICP_API FactError : public std::invalid_argument {
 public:
  FactError(std::string fact, const std::string& message);
  const std::string& fact() const noexcept { return fact_; }

 private:
  std::string fact_;
};

// One settable fact: its name, Chinese aliases, the forms it accepts and the
// question an agency asks for it.
struct FactInfo {
  std::string name;                  // e.g. "registered_capital"
  std::vector<std::string> aliases;  // e.g. "注册资本", "注册资金"
  std::string forms_zh;              // accepted forms, for errors and prompts
  std::string forms_en;
  std::string question_zh;
  std::string question_en;
};

// Every fact set_fact() accepts, in the order --ask asks them.
ICP_API const std::vector<FactInfo>& fact_catalogue();

// Sets one fact from text ("500万", "是", "浙江"). The name may be an alias.
// An empty value, "不确定" or "unknown" clears the fact. Throws FactError.
ICP_API void set_fact(Facts& facts, std::string_view name, std::string_view value);

// Parses "NAME=VALUE" (also "NAME：VALUE") and sets it. Throws FactError.
ICP_API void set_fact(Facts& facts, std::string_view assignment);

}  // namespace icp
