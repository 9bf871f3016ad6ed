#include "scope/scope_signals.hpp"

#include <algorithm>

namespace icp::scope {
namespace {

using signals::Hit;
using signals::Signal;

// Phrase ids of the scope's own hits: beyond any lexicon, one per kind of
// item, so that a strength counts each kind once.
constexpr std::uint32_t kScopePhrase = 1u << 24;

// Words inside a scope that keep their meaning: a clear category word
// (互联网综合搜索服务, 垃圾邮件过滤) still says what the service does, a clear
// fee is still paid by users, designing web pages for clients is still the
// commercial work of art. 3; notes and cues stay. Everything else is the
// vocabulary of registered trades: 系统, 软件, 网络 are work for clients,
// 广告 is an advertising trade, 医疗器械销售 is no medical information.
bool kept_in_scope(const Hit& h, const Reading& scope) {
  const Signal s = h.signal;
  if (scope.in_excluded(h.begin)) return signals::is_cue(s);
  // A category word inside a parenthesis names goods (可视对讲设备), not a service.
  if (signals::is_category(s)) return h.weight >= 3 && !scope.in_parentheses(h.begin);
  if (s == Signal::pay_content || s == Signal::pay_listing || s == Signal::pay_tipping || s == Signal::pay_fee ||
      s == Signal::pay_commission)
    return h.weight >= 2;
  switch (s) {
    case Signal::pay_design:
    case Signal::foreign_investment:
    case Signal::operator_individual:
    case Signal::note_hosting:
    case Signal::note_culture:
    case Signal::note_audiovisual:
    case Signal::note_game:
    case Signal::note_ride_hailing:
    case Signal::note_finance:
    case Signal::server_abroad:
    case Signal::neutral:
      return true;
    default:
      return signals::is_cue(s);
  }
}

constexpr struct {
  unsigned bit;
  Signal signal;
} kSectors[] = {
    {Sector::news, Signal::sector_news},           {Sector::publishing, Signal::sector_publishing},
    {Sector::education, Signal::sector_education}, {Sector::medical, Signal::sector_medical},
    {Sector::drugs, Signal::sector_drugs},         {Sector::medical_devices, Signal::sector_medical_devices}};

bool excluded_sector(Signal s, unsigned excluded) {
  for (const auto& sector : kSectors)
    if (sector.signal == s) return (excluded & sector.bit) != 0;
  return false;
}

Hit hit(Signal s, int weight, std::uint32_t begin, std::uint32_t end, std::uint32_t phrase) {
  return Hit{s, weight, begin, end, kScopePhrase + phrase};
}

}  // namespace

std::vector<Hit> with_scope(std::vector<Hit> lexical, const Reading& scope) {
  if (!scope.found) return lexical;
  std::vector<Hit> hits;
  hits.reserve(lexical.size() + scope.items.size() + 2);
  for (const Hit& h : lexical) {
    if (h.signal == Signal::presence_business_scope) continue;  // the reader's own marker replaces it
    if (scope.in_scope(h.begin) && !kept_in_scope(h, scope)) continue;
    if (is_sector(h.signal) && excluded_sector(h.signal, scope.sectors_excluded)) continue;
    hits.push_back(h);
  }
  hits.push_back(hit(Signal::presence_business_scope, 3, scope.marker_begin, scope.marker_end, 0));
  for (const Item& item : scope.items) {
    switch (item.kind) {
      case ItemKind::b25:
        hits.push_back(hit(Signal::scope_b25, 3, item.begin, item.end, 1));
        break;
      case ItemKind::telecom:
        // 第二类增值电信业务 names the category B25 belongs to; 增值电信业务 alone less.
        hits.push_back(
            hit(Signal::scope_telecom, item.code.empty() ? 2 : 3, item.begin, item.end, item.code.empty() ? 2 : 3));
        break;
      case ItemKind::other_telecom:
        hits.push_back(hit(Signal::scope_other_telecom, 2, item.begin, item.end, 4));
        break;
      case ItemKind::fixed_network:
      case ItemKind::excluded:
        break;
    }
    for (const auto& sector : kSectors)
      if (item.sectors & sector.bit) hits.push_back(hit(sector.signal, 3, item.begin, item.end, 10 + sector.bit));
  }
  // An item that sells online is the company's own online trade.
  for (const auto& [begin, end] : scope.online_sales) {
    hits.push_back(hit(Signal::service_own_goods, 2, begin, end, 6));
    hits.push_back(hit(Signal::presence_online, 2, begin, end, 7));
  }
  if (scope.bulletin_board)
    for (const Item& item : scope.items)
      if (item.kind == ItemKind::b25) {
        hits.push_back(hit(Signal::cat3_community, 3, item.begin, item.end, 5));
        break;
      }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  return hits;
}

}  // namespace icp::scope
