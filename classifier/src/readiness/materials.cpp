// What to hand in (the brief, "办理ICP许可证，需要哪些材料？"), tailored to
// the decision and the facts.
#include <string_view>

#include "readiness/readiness.hpp"

namespace icp::readiness {
namespace {

struct SectorDocument {
  const char* sector;
  const char* id;
  const char* zh;
  const char* en;
};

constexpr SectorDocument kSectorDocuments[] = {
    {"news", "sector_approval_news", "网信部门的互联网新闻信息服务许可（前置审批）",
     "The CAC's internet news information service permit (pre-approval)"},
    {"publishing", "sector_approval_publishing", "出版主管部门的网络出版服务许可（前置审批）",
     "The publishing authority's online publishing permit (pre-approval)"},
    {"education", "sector_approval_education", "教育主管部门的审核同意文件（各省要求不一，校外培训须审批）",
     "The education authority's approval (provinces differ; off-campus tutoring needs it)"},
    {"medical", "sector_approval_medical", "卫生健康主管部门的审核同意文件（各省要求不一）",
     "The health authority's approval (provinces differ)"},
    {"drugs", "sector_approval_drugs", "药品监管部门的《互联网药品信息服务资格证书》",
     "The drug regulator's internet drug information certificate"},
    {"medical_devices", "sector_approval_medical_devices", "药品监管部门关于医疗器械信息服务的审批文件",
     "The drug regulator's approval for medical device information"},
};

}  // namespace

std::vector<Material> materials(const Decision& d, const Facts& f) {
  std::vector<Material> out;
  out.reserve(16);
  auto add = [&](std::string_view id, std::string_view zh, std::string_view en) { out.push_back({id, zh, en}); };
  const bool licence = d.decision == Outcome::license;
  if (licence) {
    add("business_licence", "营业执照原件彩色扫描件（经营范围须包含“经营电信业务”字样或列明本次申请的电信业务种类）",
        "Colour scan of the business licence (its scope must mention telecom business or the service applied for)");
    add("legal_representative_id", "法定代表人身份证正反面彩色扫描件，及其手机号、邮箱和公司座机",
        "Colour scans of both sides of the legal representative's ID, with mobile, e-mail and company landline");
    if (f.natural_person_shareholders.value_or(true))
      add("natural_person_shareholder_ids", "自然人股东身份证正反面彩色扫描件",
          "Colour scans of natural-person shareholders' IDs");
    if (f.corporate_shareholders.value_or(true))
      add("corporate_shareholder_licences", "法人股东营业执照副本扫描件",
          "Scans of corporate shareholders' business licences");
    add("domain_certificate", "域名注册证书扫描件（剩余有效期不少于6个月）",
        "Scan of the domain registration certificate (at least 6 months left)");
    add("social_insurance", "三名员工近一个月的社保证明（部分省份要求连续3个月，另需一名计算机相关专业毕业证）",
        "Social-insurance proof for three staff for the latest month (some provinces: 3 months, plus one "
        "computer-related degree)");
    add("staff_contacts", "上述三名社保人员的身份证、手机号和邮箱", "IDs, mobiles and e-mails of those three staff");
  } else if (d.decision == Outcome::filing) {
    add("filing_subject_documents", "主体证件：营业执照（企业）或身份证（个人）扫描件",
        "The operator's papers: business licence (company) or ID card (individual)");
    add("filing_responsible_person", "网站（App）负责人身份证及手机号，用于真实性核验",
        "ID and mobile of the person responsible for the site or app, for identity checks");
    add("domain_certificate", "域名注册证书（App或小程序备案可不需要域名）",
        "Domain registration certificate (not needed for an app or mini-program without one)");
  } else {
    return out;
  }
  for (const auto& p : d.preapprovals)
    for (const auto& doc : kSectorDocuments)
      if (p.sector == doc.sector) add(doc.id, doc.zh, doc.en);
  if (d.news_permit && licence)
    add("news_permit", "有效期内的《互联网新闻信息服务许可证》（申请第2、3、4类时代办实务要求）",
        "A valid 互联网新闻信息服务许可证 (agency practice wants it for categories 2, 3 and 4)");
  if (licence && f.foreign_shareholding.value_or(d.foreign_investment))
    add("foreign_investment_documents", "外资流程材料：外方股东的主体资格和资信证明等（按外商投资电信企业要求）",
        "Foreign-investment route papers: the foreign shareholders' qualification and credit documents");
  if (licence)
    add("provincial_other", "省通信管理局要求的其他材料（如服务器托管协议、接入商资质）",
        "Anything else the provincial administration asks for (e.g. server hosting agreement, access provider's "
        "licence)");
  return out;
}

}  // namespace icp::readiness
