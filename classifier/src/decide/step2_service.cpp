// Step 2: is it an information service at all, or trade and self-presentation?
#include "decide/steps.hpp"

namespace icp::decide {

void step2_service(Context& c) {
  auto& f = c.found;
  f.marketplace = c.facts.third_party_merchants.value_or(c.affirmed(Signal::service_third_party_merchants) >= 2 ||
                                                         c.planned(Signal::service_third_party_merchants) >= 2);
  if (c.facts.third_party_merchants) c.trace("fact.third_party_merchants", {});
  f.trade = !f.marketplace && c.affirmed(Signal::service_own_goods) >= 2;
  f.own_info = c.affirmed(Signal::service_own_info) + c.affirmed(Signal::service_brochure_only) >= 2;
  f.own_customers = c.affirmed(Signal::service_own_customers) >= 2;

  if (f.marketplace) {
    c.trace("service.marketplace", c.affirmed_hits({Signal::service_third_party_merchants}));
    c.note("edi_licence",
           "平台型电商（第三方商家入驻销售）通常另需在线数据处理与交易处理业务许可证（EDI，B21），不在B25范围内",
           "A marketplace where third-party merchants sell usually also needs the EDI licence (B21 online data "
           "processing and transaction processing), outside B25");
  }
  if (f.trade) c.trace("service.trade", c.affirmed_hits({Signal::service_own_goods}));
  if (f.own_info)
    c.trace("service.own_info", c.affirmed_hits({Signal::service_own_info, Signal::service_brochure_only}));
  if (f.own_customers) c.trace("service.own_customers", c.affirmed_hits({Signal::service_own_customers}));
}

}  // namespace icp::decide
