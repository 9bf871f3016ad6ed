// Step 2: is it an information service at all, or trade and self-presentation?
#include "decide/steps.hpp"

namespace icp::decide {

void step2_service(Context& c) {
  auto& f = c.found;
  f.marketplace = c.facts.third_party_merchants.value_or(c.affirmed(Signal::service_third_party_merchants) >= 2 ||
                                                         c.planned(Signal::service_third_party_merchants) >= 2);
  if (c.facts.third_party_merchants) c.trace(rule_id::fact_third_party_merchants, {});
  f.trade = !f.marketplace && c.affirmed(Signal::service_own_goods) >= 2;
  f.own_info = c.affirmed(Signal::service_own_info) + c.affirmed(Signal::service_brochure_only) >= 2;
  f.own_customers = c.affirmed(Signal::service_own_customers) >= 2;

  if (f.marketplace) {
    c.trace(rule_id::service_marketplace, c.affirmed_hits({Signal::service_third_party_merchants}));
    c.note("edi_licence",
           "平台型电商（第三方商家入驻销售）通常另需在线数据处理与交易处理业务许可证（EDI，B21），不在B25范围内",
           "A marketplace where third-party merchants sell usually also needs the EDI licence (B21 online data "
           "processing and transaction processing), outside B25");
  }
  // The notice of 2021-04-22 is the ground of these three; before it, what
  // the site does still decides in step 3 (own content is non-commercial
  // under art. 3), and a note says the provinces differed.
  const bool notice = c.in_force(rule_id::service_trade) && c.in_force(rule_id::service_own_info) &&
                      c.in_force(rule_id::service_own_customers);
  if (!notice) {
    if (f.trade || f.own_info || f.own_customers)
      c.note("before_own_site_notice",
             "2021年4月22日安徽省通信管理局关于自营网站和企业信息网站的通知之前，销售自有商品或只介绍本企业的网站"
             "是否需要许可证，各省口径不一：本结论按《办法》第三条的经营性标准作出",
             "Before the notice of 2021-04-22 on self-operated and company websites, provinces differed on whether "
             "a site selling its own goods or presenting only the company needed a licence: this follows the "
             "commercial test of art. 3");
    return;
  }
  if (f.trade) c.trace(rule_id::service_trade, c.affirmed_hits({Signal::service_own_goods}));
  if (f.own_info)
    c.trace(rule_id::service_own_info, c.affirmed_hits({Signal::service_own_info, Signal::service_brochure_only}));
  if (f.own_customers) c.trace(rule_id::service_own_customers, c.affirmed_hits({Signal::service_own_customers}));
}

}  // namespace icp::decide
