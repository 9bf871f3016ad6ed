#include "facts/describe.hpp"

#include <cmath>
#include <type_traits>

namespace icp::facts {
namespace {

std::string show(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}
std::string show(bool v) {
  return v ? "yes" : "no";
}
std::string show(const std::string& v) {
  return v;
}
std::string show(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "none" : out;
}

// Visits every field with its catalogue name, so describe() and merge()
// cannot drift from each other.
template <typename F, typename Visit>
void each(F& a, F& b, Visit visit) {
  visit("own_site_or_app", a.own_site_or_app, b.own_site_or_app);
  visit("charges_users", a.charges_users, b.charges_users);
  visit("ad_income", a.ad_income, b.ad_income);
  visit("third_party_merchants", a.third_party_merchants, b.third_party_merchants);
  visit("sectors", a.sectors, b.sectors);
  visit("server_in_mainland", a.server_in_mainland, b.server_in_mainland);
  visit("foreign_shareholding", a.foreign_shareholding, b.foreign_shareholding);
  visit("foreign_share", a.foreign_share, b.foreign_share);
  visit("operator", a.is_company, b.is_company);
  visit("registered_capital", a.registered_capital, b.registered_capital);
  visit("insured_staff", a.insured_staff, b.insured_staff);
  visit("insured_months", a.insured_months, b.insured_months);
  visit("scope_has_telecom", a.scope_has_telecom, b.scope_has_telecom);
  visit("domain_filed", a.domain_filed, b.domain_filed);
  visit("domain_valid_months", a.domain_valid_months, b.domain_valid_months);
  visit("province", a.province, b.province);
  visit("server_province", a.server_province, b.server_province);
  visit("natural_person_shareholders", a.natural_person_shareholders, b.natural_person_shareholders);
  visit("corporate_shareholders", a.corporate_shareholders, b.corporate_shareholders);
  visit("preapprovals_obtained", a.preapprovals_obtained, b.preapprovals_obtained);
  visit("news_permit_obtained", a.news_permit_obtained, b.news_permit_obtained);
}

}  // namespace

std::string describe_number(double value) {
  return show(value);
}

std::vector<std::pair<std::string, std::string>> describe(const Facts& facts) {
  std::vector<std::pair<std::string, std::string>> out;
  Facts copy = facts;
  each(copy, copy, [&](const char* name, auto& field, auto&) {
    if (!field) return;
    if constexpr (std::is_same_v<std::decay_t<decltype(*field)>, bool>) {
      if (std::string(name) == "operator")
        out.emplace_back(name, *field ? "company" : "individual");
      else
        out.emplace_back(name, show(*field));
    } else {
      out.emplace_back(name, show(*field));
    }
  });
  return out;
}

Facts merge(const Facts& under, const Facts& over) {
  Facts out = under;
  Facts top = over;
  each(out, top, [](const char*, auto& base, auto& given) {
    if (given) base = given;
  });
  return out;
}

}  // namespace icp::facts
