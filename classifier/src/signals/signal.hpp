// The signals the decision tree understands. The lexicon maps phrases to
// these ids; data/lexicon/signals.tsv gives each one's meaning and source,
// and loading checks that the two lists agree.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace icp::signals {

// clang-format off
#define ICP_SIGNALS(X)                                                                    \
  /* step 1: online presence */                                                           \
  X(presence_site) X(presence_app) X(presence_miniprogram) X(presence_platform)           \
  X(presence_online) X(presence_online_play) X(presence_third_party) X(presence_offline)  \
  X(presence_offline_app) X(presence_local_tool) X(presence_business_scope)               \
  X(presence_abandoned)                                                                   \
  /* the business-scope reader (src/scope/): items of a registered scope */                \
  X(scope_b25) X(scope_telecom) X(scope_other_telecom)                                    \
  /* step 2: what the service is, who runs it */                                          \
  X(service_own_goods) X(service_third_party_merchants) X(service_own_info)               \
  X(service_brochure_only) X(service_own_customers) X(operator_public)                    \
  X(operator_nonprofit) X(operator_individual)                                            \
  /* step 3: who pays */                                                                  \
  X(pay_content) X(pay_listing) X(pay_tipping) X(pay_design) X(pay_ads)                   \
  X(pay_commission) X(pay_fee) X(online_payment) X(free)                                  \
  /* step 4: B25 sub-categories */                                                        \
  X(cat1_publish) X(cat1_delivery) X(cat2_search) X(search_vertical) X(cat3_community)    \
  X(cat4_messaging) X(cat5_protection)                                                    \
  /* platforms by their roles (src/roles/): who acts on it, and how */                     \
  X(role_party) X(role_action) X(role_own) X(role_gather) X(role_connect)                 \
  X(role_peer) X(role_exchange) X(live_stream) X(role_venue)                              \
  /* steps 5-6: sectors of art. 5 */                                                      \
  X(sector_news) X(sector_publishing) X(sector_education) X(sector_medical)               \
  X(sector_drugs) X(sector_medical_devices)                                               \
  /* step 7 */                                                                            \
  X(foreign_investment) X(operator_overseas) X(serves_mainland)                          \
  /* beyond the brief: other permits and facts worth a note */                            \
  X(note_hosting) X(note_culture) X(note_audiovisual) X(note_game) X(note_ride_hailing)   \
  X(note_finance) X(note_saas) X(server_abroad)                                           \
  /* scope cues: they modify the phrases around them in the same clause */                \
  X(cue_negation) X(cue_undone) X(cue_plan) X(cue_maybe) X(cue_past) X(cue_offline)       \
  X(cue_break)                                                                            \
  /* a longer phrase that only masks the shorter ones inside it (社区医院 ⊃ 社区) */        \
  X(neutral)
// clang-format on

enum class Signal : unsigned char {
#define ICP_SIGNAL_ENUM(name) name,
  ICP_SIGNALS(ICP_SIGNAL_ENUM)
#undef ICP_SIGNAL_ENUM
};

inline constexpr std::string_view kSignalNames[] = {
#define ICP_SIGNAL_NAME(name) #name,
    ICP_SIGNALS(ICP_SIGNAL_NAME)
#undef ICP_SIGNAL_NAME
};
inline constexpr std::size_t kSignalCount = sizeof(kSignalNames) / sizeof(kSignalNames[0]);

inline std::string_view name(Signal s) {
  return kSignalNames[static_cast<std::size_t>(s)];
}

inline std::optional<Signal> from_name(std::string_view text) {
  for (std::size_t i = 0; i < kSignalCount; ++i)
    if (kSignalNames[i] == text) return static_cast<Signal>(i);
  return std::nullopt;
}

// The groups of signals the code asks about, each named once and listed in
// full: a signal added between two others does not join a group by its
// place in ICP_SIGNALS.

// Scope cues: they modify the phrases around them (negation, plans, …).
constexpr bool is_cue(Signal s) {
  switch (s) {
    case Signal::cue_negation:
    case Signal::cue_undone:
    case Signal::cue_plan:
    case Signal::cue_maybe:
    case Signal::cue_past:
    case Signal::cue_offline:
    case Signal::cue_break:
      return true;
    default:
      return false;
  }
}

// Someone pays for the information service (step 3's income): content,
// listing, tips, design work, ads, commissions, fees.
constexpr bool is_income(Signal s) {
  switch (s) {
    case Signal::pay_content:
    case Signal::pay_listing:
    case Signal::pay_tipping:
    case Signal::pay_design:
    case Signal::pay_ads:
    case Signal::pay_commission:
    case Signal::pay_fee:
      return true;
    default:
      return false;
  }
}

// Step 1's words for a service of one's own, or of none.
constexpr bool is_presence(Signal s) {
  switch (s) {
    case Signal::presence_site:
    case Signal::presence_app:
    case Signal::presence_miniprogram:
    case Signal::presence_platform:
    case Signal::presence_online:
    case Signal::presence_online_play:
    case Signal::presence_third_party:
    case Signal::presence_offline:
    case Signal::presence_offline_app:
    case Signal::presence_local_tool:
    case Signal::presence_business_scope:
      return true;
    default:
      return false;
  }
}

// What one of the five B25 sub-categories does (not search_vertical, which
// narrows category 2).
constexpr bool is_category(Signal s) {
  switch (s) {
    case Signal::cat1_publish:
    case Signal::cat1_delivery:
    case Signal::cat2_search:
    case Signal::cat3_community:
    case Signal::cat4_messaging:
    case Signal::cat5_protection:
      return true;
    default:
      return false;
  }
}

// The sectors of art. 5 (steps 5 and 6).
constexpr bool is_sector(Signal s) {
  switch (s) {
    case Signal::sector_news:
    case Signal::sector_publishing:
    case Signal::sector_education:
    case Signal::sector_medical:
    case Signal::sector_drugs:
    case Signal::sector_medical_devices:
      return true;
    default:
      return false;
  }
}

}  // namespace icp::signals
