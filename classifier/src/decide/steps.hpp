// The steps of the decision (domain.md, "The decision"), one function each.
// Each appends its trace entries; decide() runs them in order.
#pragma once

#include "decide/context.hpp"

namespace icp::decide {

// The B25 sub-categories' signals (step 4), which steps 1 and 3 also weigh.
inline constexpr std::initializer_list<Signal> kCategorySignals = {Signal::cat1_publish,   Signal::cat1_delivery,
                                                                   Signal::cat2_search,    Signal::cat3_community,
                                                                   Signal::cat4_messaging, Signal::cat5_protection};

void step1_presence(Context& c);            // own site, app, platform? else neither
void step2_service(Context& c);             // trade, own information, marketplace
void step4_detect_categories(Context& c);   // before step 3: the presumption asks "is it a platform?"
void step3_commercial(Context& c);          // licence or filing
void step3_apps_before_filing(Context& c);  // before August 2023 an app was not filed
void step4_report_categories(Context& c);
void step6_sectors(Context& c);  // before step 5: the news permit depends on it
void step5_news_permit(Context& c);
void step7_foreign(Context& c);
void notes_beyond_brief(Context& c);
void confidence_and_questions(Context& c);

}  // namespace icp::decide
