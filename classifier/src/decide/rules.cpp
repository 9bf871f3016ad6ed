#include "decide/rules.hpp"

#include <stdexcept>
#include <string>
#include <unordered_map>

namespace icp::decide {
namespace {

constexpr std::string_view kArt2and4 = "《互联网信息服务管理办法》第二条、第四条";
constexpr std::string_view kArt3 = "《互联网信息服务管理办法》第三条";
constexpr std::string_view kArt3and4 = "《互联网信息服务管理办法》第三条、第四条、第七条";
constexpr std::string_view kArt5 = "《互联网信息服务管理办法》第五条";
constexpr std::string_view kArt11 = "《互联网信息服务管理办法》第十一条";
constexpr std::string_view kAnhui =
    "安徽省通信管理局关于自营网站和企业信息网站的通知（2021年4月22日），约十个省份已跟进";
constexpr std::string_view kBrief = "代办实务（代理机构办理ICP许可证的通行做法，非法规）";
constexpr std::string_view kCatalogue = "《电信业务分类目录（2015年版）》B25 信息服务业务";
constexpr std::string_view kCatalogueTelecom = "《电信业务分类目录（2015年版）》第二类增值电信业务";
constexpr std::string_view kCac = "《互联网新闻信息服务管理规定》（国家网信办，2017年6月1日施行）";
constexpr std::string_view kForeign = "《外商投资电信企业管理规定》（2022年5月1日修订施行）";
constexpr std::string_view kDrugs = "《互联网药品信息服务管理办法》（国家食品药品监督管理总局令第37号）";
constexpr std::string_view kCulture = "《互联网文化管理暂行规定》（文化部令第51号）";
constexpr std::string_view kAudiovisual = "《互联网视听节目服务管理规定》（国家广电总局、信息产业部令第56号）";
constexpr std::string_view kMiit2023 = "工业和信息化部关于开展移动互联网应用程序备案工作的通知（2023年8月）";

constexpr Rule kRules[] = {
    // Step 1: online presence.
    {"presence.own", 1, Basis::measures, kArt2and4,
     "经营者有自己的网站、App、小程序或平台，需判断其互联网信息服务的性质",
     "The business runs its own website, app, mini-program or platform: its internet service must be classified"},
    {"presence.page_title", 1, Basis::measures, kArt2and4,
     "文本以一串搜索关键词或网页标题栏开头：是从公司自己的网站复制的，公司有网站",
     "The text opens with a page title of search keywords: it was copied from the company's own website"},
    {"presence.about_page", 1, Basis::measures, kArt2and4,
     "文本以“关于某某公司”的标题和公司简介开头：是公司网站的“关于我们”页面，公司有网站",
     "The text opens with an about-us heading and the company's introduction: it is a page of the company's own "
     "website"},
    {"presence.overseas_only", 1, Basis::measures, kArt2and4,
     "境外注册的公司、服务器在境外、也未提到面向中国内地用户：不在境内从事互联网信息服务，境内既不能备案也不能申请许可"
     "证",
     "A company registered abroad, with its servers abroad and no users in mainland China named: it provides no "
     "internet service in China, and nothing there can be filed or licensed"},
    {"presence.planned", 1, Basis::measures, kArt2and4, "自己的网站或App尚未上线但已计划上线：上线前须办妥备案或许可",
     "Its own site or app is planned, not live: the filing or licence is needed before launch"},
    {"presence.implied", 1, Basis::measures, kArt2and4, "文本描述了一项自己提供的互联网信息服务（未点明网站或App）",
     "The text describes an internet information service of its own (no site or app named)"},
    {"presence.third_party_only", 1, Basis::measures, kArt2and4,
     "只在他人平台上开店、开账号或公众号，许可由平台方持有：自身无需ICP许可或备案",
     "Only a shop or account on someone else's platform, which holds the licences: no ICP licence or filing"},
    {"presence.denied", 1, Basis::measures, kArt2and4,
     "文本明确说没有自己的网站、App或小程序：没有需要备案或许可的互联网信息服务",
     "The text says it has no website, app or mini-program of its own: no internet information service to file or "
     "license"},
    {"presence.abandoned", 1, Basis::measures, kArt2and4,
     "文本说自己的网站或App已关闭、注销或放弃：已不再提供互联网信息服务",
     "The text says its own site or app was closed, cancelled or abandoned: it no longer provides an internet "
     "service"},
    {"presence.offline_app", 1, Basis::measures, kArt2and4, "应用无需联网即可使用，不向用户提供互联网信息服务",
     "The app works without a network: it provides no internet information service"},
    {"presence.local_tool", 1, Basis::measures, kArt2and4, "本地工具或单机游戏，未描述任何联网的信息服务",
     "A local tool or game with no online information service described"},
    {"presence.none", 1, Basis::measures, kArt2and4, "文本没有提到自己的网站、App、小程序或其他互联网服务",
     "The text mentions no website, app, mini-program or other internet service of its own"},
    {"presence.miniprogram_only", 1, Basis::notice, kMiit2023,
     "只有小程序：2023年起小程序须备案；代办实务认为经营性小程序需许可证，2021年省级通知豁免只通过他人平台经营者，各省"
     "不一",
     "Mini-program only: filed like a site since 2023; agency practice wants a licence when it is commercial, a 2021 "
     "provincial notice exempts businesses run only on others' platforms; provinces differ"},
    {"presence.held_permit", 1, Basis::measures, kArt2and4,
     "文本写有经营者持有的ICP许可证号、备案号或互联网服务许可证号（如网站页脚）：经营者有自己的网站或互联网服务",
     "The text gives the number of an ICP licence, filing or internet-service permit the business holds (as a site's "
     "footer does): it runs its own site or service"},
    {"fact.own_site", 1, Basis::measures, kArt2and4, "据答复：经营者有自己的网站、App或小程序",
     "Answered: the business runs its own website, app or mini-program"},
    {"fact.no_own_site", 1, Basis::measures, kArt2and4, "据答复：没有自己的网站、App或小程序，无需ICP许可或备案",
     "Answered: no website, app or mini-program of its own, so no ICP licence or filing"},
    // Step 1 and 3: what a business scope (经营范围) registers.
    {"presence.scope_licence", 1, Basis::catalogue, kCatalogue,
     "经营范围列有增值电信业务中的信息服务业务：企业持有或正在申办相应许可，其互联网服务按自有服务判断",
     "The business scope registers value-added telecom information services: the company holds or is obtaining "
     "that licence, and its internet service is its own"},
    {"presence.scope_offline", 1, Basis::measures, kArt2and4,
     "经营范围所列均为线下经营、生产、咨询或为客户做的软件和信息技术服务，未显示自己运营的网站或App",
     "The business scope lists only offline trades, manufacturing, consulting or IT work for clients; it shows no "
     "website or app the company runs itself"},
    {"commercial.scope_b25", 3, Basis::catalogue, kCatalogue,
     "经营范围列有信息服务业务（仅限互联网信息服务）或互联网信息服务：即B25经营性互联网信息服务，需持许可证",
     "The business scope lists B25 information services (internet only): a commercial internet information "
     "service, which needs the licence"},
    {"commercial.scope_telecom", 3, Basis::catalogue, kCatalogueTelecom,
     "经营范围列有（第二类）增值电信业务，未写明种类：通常即ICP许可证（B25），置信度较低",
     "The business scope lists (category-two) value-added telecom services without naming which: usually the ICP "
     "licence (B25); lower confidence"},
    // Step 2: is it an information service at all?
    {"service.marketplace", 2, Basis::brief, kBrief,
     "第三方商家或个人在平台上发布、销售：属于信息发布平台；平台型电商通常另需EDI许可证（B21）",
     "Third-party merchants or individuals list and sell on the platform: an information-publishing platform; "
     "a marketplace usually also needs the EDI licence (B21)"},
    {"service.trade", 2, Basis::notice, kAnhui,
     "网上销售自有或他人商品、无第三方商家入驻，属于商品交易而非增值电信业务：无需许可证，网站仍需备案",
     "Selling its own or others' goods with no third-party merchants is trade, not a value-added telecom service: "
     "no licence, but the site still needs a filing"},
    {"service.own_info", 2, Basis::notice, kAnhui, "网站只发布本企业自身信息，不属于信息发布平台：备案即可",
     "The site only publishes the company's own information, not a publishing platform: a filing"},
    {"service.own_customers", 2, Basis::notice, kAnhui,
     "为本企业客户提供的自有服务（查询、预约、账户、设备管理），不是面向公众的信息平台",
     "The company's own services to its customers (lookups, bookings, accounts, devices), not a public information "
     "platform"},
    {"held.other_telecom_licence", 2, Basis::catalogue, "《电信业务分类目录（2015年版）》",
     "文本写有B1类或A2类电信业务经营许可证号：属其他电信业务（如IDC、CDN、ISP），不构成B25信息服务业务",
     "The text gives a B1 or A2 telecom licence number: another telecom service (IDC, CDN, ISP and the like), not "
     "B25 information services"},
    {"fact.third_party_merchants", 2, Basis::brief, kBrief, "据答复确定是否有第三方商家入驻",
     "Whether third-party merchants sell on it, as answered"},
    // Step 3: commercial or not.
    {"commercial.explicit", 3, Basis::measures, kArt3and4,
     "用户或第三方为信息服务付费（付费内容、推广费、打赏、收费或抽成）：经营性互联网信息服务，需许可证",
     "Users or third parties pay for the information service (paid content, promotion fees, tipping, fees or "
     "commissions): commercial, licence needed"},
    {"commercial.design", 3, Basis::measures, kArt3,
     "通过互联网为客户提供网页制作或设计服务：第三条明列的经营性服务，需许可证",
     "Web-page production or design for clients over the internet: named as commercial in art. 3, licence needed"},
    {"commercial.ads", 3, Basis::brief, kBrief,
     "收入来自网站或App上的广告：代办实务视为经营性，需许可证（第三条只提向用户有偿提供，存在争议）",
     "Income from advertising on the site or app: commercial in agency practice, licence needed "
     "(art. 3 speaks only of paid services to users: disputed)"},
    {"commercial.planned", 3, Basis::measures, kArt11,
     "计划开始收费或投放广告：备案的网站不得收费，上线收费前须取得许可证",
     "Plans to charge or carry ads: a filed site may not charge, so the licence is needed before launch"},
    {"commercial.presumed_game", 3, Basis::brief, kBrief,
     "自营网络游戏：靠玩家付费（充值、道具、会员）或广告营利，推定为经营性，需许可证",
     "An online game the company runs: it earns from players (top-ups, items, memberships) or ads, so presumed "
     "commercial, licence needed"},
    {"commercial.presumed_software", 3, Basis::brief, kBrief,
     "SaaS或在线软件服务（按订阅、按年或按账号收费是常态）：推定为经营性，需许可证（B21见备注）",
     "SaaS or online software as a service (sold by subscription, per year or per seat): presumed commercial, "
     "licence needed (B21 in the notes)"},
    {"commercial.presumed_named_platform", 3, Basis::brief, kBrief,
     "文本自称平台（本平台、我们的平台），又没有介绍自己的商品、公司或客户服务：推定为经营性平台，需许可证（置信度较低"
     "：请确认收入来源）",
     "The text calls the service a platform and presents nothing of its own (no goods, no company, no own customers): "
     "presumed a commercial platform, licence needed (lower confidence: confirm the income)"},
    {"commercial.presumed_platform", 3, Basis::brief, kBrief,
     "平台类服务未说明谁付费：平台以营利为目的，推定为经营性，需许可证（置信度较低，请确认收入来源）",
     "A platform service that does not say who pays: platforms are run to earn, so presumed commercial, licence "
     "needed (lower confidence: confirm the income)"},
    {"commercial.payment_not_test", 3, Basis::brief, kBrief, "在线支付本身不是判断标准：要看用户付费购买的是什么",
     "Online payment is not the test: what is paid for is"},
    {"commercial.free_is_weak", 3, Basis::brief, kBrief, "仅称“免费”不足以推翻推定：广告或商家付费的平台也这样描述自己",
     "\"Free\" alone does not overturn the presumption: ad- and merchant-funded platforms say it too"},
    {"noncommercial.free_no_ads", 3, Basis::measures, kArt3,
     "明确免费且无广告：无偿提供公开、共享信息，属非经营性，备案即可",
     "Explicitly free and without advertising: free, public information, non-commercial, a filing"},
    {"noncommercial.nonprofit", 3, Basis::measures, kArt3,
     "由非营利、公益或公共机构运营，未见收费或广告：非经营性，备案即可",
     "Run by a non-profit, public-interest or public body with no fees or ads seen: non-commercial, a filing"},
    {"noncommercial.pays_for_goods", 3, Basis::brief, kBrief,
     "所付费用买的是本企业的商品或服务（会员租衣、会员购物），文中没有任何信息服务：属自营交易，备案即可",
     "What is paid for is the company's own goods or services (a clothes-rental or shopping membership), with no "
     "information service named: own trade, a filing"},
    {"noncommercial.individual", 3, Basis::brief, kBrief,
     "个人运营的网站、论坛或小程序，未见收费或广告：推定为非经营性，备案即可（个人不能持有经营许可证）",
     "Run by an individual, with no fees or ads seen: presumed non-commercial, a filing (an individual cannot "
     "hold the licence)"},
    {"noncommercial.own_content", 3, Basis::measures, kArt3,
     "只展示本企业信息、自有商品或自有免费内容，未见收费或广告：推定为非经营性，备案即可",
     "Presents only the company, its own goods or its own free content, no fees or ads seen: presumed "
     "non-commercial, a filing"},
    {"noncommercial.stopped", 3, Basis::measures, kArt11, "过去的收费或广告已经取消：按现状为非经营性",
     "Past fees or ads have stopped: non-commercial as it runs now"},
    {"held.icp_licence", 3, Basis::brief, kBrief,
     "文本写有ICP经营许可证号（…ICP证…号）：经营者已持有许可证，按经营性互联网信息服务处理",
     "The text gives an ICP licence number (…ICP证…号): the business holds the licence, so its internet information "
     "service is commercial"},
    {"held.telecom_licence", 3, Basis::brief, kBrief,
     "文本写有增值电信业务经营许可证号（B2-…）：经营者已持有许可证，按经营性互联网信息服务处理",
     "The text gives a value-added telecom licence number (B2-…): the business holds the licence, so its internet "
     "information service is commercial"},
    {"held.icp_filing", 3, Basis::measures, kArt11,
     "文本写有ICP备案号（…ICP备…号）：网站已备案；是否应持有许可证仍看网站做什么（备案的网站不得收费）",
     "The text gives an ICP filing number (…ICP备…号): the site is filed; what it does still decides whether it "
     "needs the licence (a filed site may not charge)"},
    {"held.drug_info_commercial", 3, Basis::measures, kDrugs,
     "互联网药品信息服务资格证书为经营性：所提供的药品信息服务是有偿的，属经营性互联网信息服务，需许可证",
     "The internet drug information certificate is 经营性: the drug information service is paid for, commercial, "
     "licence needed"},
    {"fact.charges_users", 3, Basis::measures, kArt3and4, "据答复：向用户收费，属经营性互联网信息服务，需许可证",
     "Answered: it charges users, so it is commercial and needs the licence"},
    {"fact.ad_income", 3, Basis::brief, kBrief, "据答复：有广告收入，代办实务视为经营性，需许可证",
     "Answered: it earns from advertising, commercial in agency practice, licence needed"},
    {"fact.no_charges", 3, Basis::measures, kArt3, "据答复：不向用户收费，且未见广告收入：非经营性，备案即可",
     "Answered: it does not charge users, and no advertising income is seen: non-commercial, a filing"},
    // Step 4: categories.
    {"category.1", 4, Basis::catalogue, kCatalogue,
     "第1类 信息发布平台和递送服务：为他人发布信息提供平台，或向用户递送信息",
     "Category 1, publishing platform and delivery: others publish on it, or information is delivered to users"},
    {"category.1_by_default", 4, Basis::catalogue, kCatalogue, "有偿提供信息但无其他类别特征：归入第1类信息递送服务",
     "Information provided for pay with no other category: category 1, delivery"},
    {"category.none_game", 4, Basis::brief, kBrief,
     "自营网络游戏：玩家之间无聊天或发帖时不归入B25类别；游戏版号与网络文化经营许可证见备注",
     "An online game the company runs: no B25 category unless players chat or post; the game approval and the "
     "culture permit are in the notes"},
    {"category.none_software", 4, Basis::brief, kBrief,
     "SaaS、面向企业的在线软件、主机托管或云服务器：按经营性办理许可证，不归入B25类别（B21、IDC见备注）",
     "SaaS, online software sold to businesses, hosting or cloud servers: a commercial licence with no B25 "
     "category (B21 and IDC in the notes)"},
    {"category.4_own_customers", 4, Basis::brief, kBrief,
     "与本企业客户之间的视频、聊天（本院医生问诊、理赔视频、售后沟通）是企业为自己的客户服务，不属于第4类即时信息交互",
     "Video or chat between the company and its own customers (its doctors' consultations, a claims call, "
     "after-sales) is the company serving them, not category 4 messaging between users"},
    {"category.2", 4, Basis::catalogue, kCatalogue, "第2类 信息搜索查询服务：通用的网页、图片、音视频搜索",
     "Category 2, search: general search over web pages, images, audio and video"},
    {"category.2_excluded", 4, Basis::brief, kBrief, "站内搜索、单一垂直领域或本地化搜索不属于第2类信息搜索查询服务",
     "Internal site search, search in one vertical field or one locality is not category 2"},
    {"category.3", 4, Basis::catalogue, kCatalogue,
     "第3类 信息社区平台服务：注册或群聚用户交流的社区（论坛、圈子、评论互动）",
     "Category 3, community: registered or gathered users exchange content (forums, circles, comments)"},
    {"category.4", 4, Basis::catalogue, kCatalogue, "第4类 信息即时交互服务：即时消息、文件传输、语音视频通话或IVR",
     "Category 4, instant interaction: messages, files, voice or video calls, IVR"},
    {"category.5", 4, Basis::catalogue, kCatalogue, "第5类 信息保护和处理服务：病毒查杀、骚扰拦截、垃圾信息过滤",
     "Category 5, protection and processing: virus scanning, call and spam blocking"},
    // Step 5: news permit.
    {"news_permit.categories", 5, Basis::brief, kBrief,
     "申请含第2、3、4类的许可证时，代办实务要求有效的《互联网新闻信息服务许可证》（实务要求，法规未作规定）",
     "A licence covering category 2, 3 or 4 requires a valid 互联网新闻信息服务许可证 in agency practice (agency "
     "practice, "
     "not in any regulation)"},
    {"news_permit.news", 5, Basis::notice, kCac, "发布、转载新闻信息，须取得互联网新闻信息服务许可证",
     "Publishing or reposting news information needs the internet news information service permit"},
    {"held.news_licence", 5, Basis::notice, kCac, "文本写有互联网新闻信息服务许可证及其编号：新闻信息服务许可已取得",
     "The text gives the internet news information service permit and its number: the news permit is held"},
    // Step 6: sector pre-approvals.
    {"preapproval.news", 6, Basis::measures, kArt5, "涉及新闻：须经网信部门前置审批",
     "News: prior approval of the cyberspace administration"},
    {"preapproval.publishing", 6, Basis::measures, kArt5,
     "涉及网络出版（小说、漫画、电子书等）：须经出版主管部门前置审批",
     "Online publishing (novels, comics, e-books): prior approval of the publishing authority"},
    {"preapproval.education", 6, Basis::measures, kArt5,
     "涉及教育：列入前置审批领域（全国性审批已取消，校外培训除外，请向省里核实）",
     "Education: a pre-approval sector (national approval cancelled except off-campus tutoring; check the province)"},
    {"preapproval.medical", 6, Basis::measures, kArt5,
     "涉及医疗保健：列入前置审批领域（2015年全国性审批已取消，请向省里核实）",
     "Medical and health care: a pre-approval sector (national approval cancelled in 2015; check the province)"},
    {"preapproval.drugs", 6, Basis::measures, kArt5, "涉及药品信息：须取得药品监管部门的互联网药品信息服务资格",
     "Drug information: the drug regulator's internet drug information qualification"},
    {"preapproval.medical_devices", 6, Basis::measures, kArt5, "涉及医疗器械信息：须取得药品监管部门的前置审批",
     "Medical device information: prior approval of the drug regulator"},
    {"held.drug_info_certificate", 6, Basis::measures, kDrugs,
     "文本写有互联网药品信息服务资格证书及其编号：药品信息的前置审批已取得",
     "The text gives the internet drug information certificate and its number: the drug information pre-approval is "
     "held"},
    {"held.culture_licence", 6, Basis::beyond_brief, kCulture, "文本写有网络文化经营许可证及其编号：该许可已取得",
     "The text gives the internet culture permit (网络文化经营许可证) and its number: it is held"},
    {"held.audiovisual_licence", 6, Basis::beyond_brief, kAudiovisual,
     "文本写有信息网络传播视听节目许可证及其编号：该许可已取得",
     "The text gives the audio-visual programme permit (信息网络传播视听节目许可证) and its number: it is held"},
    {"fact.sectors", 6, Basis::measures, kArt5, "据答复确定涉及的前置审批领域",
     "The pre-approval sectors, as answered"},
    // Step 7: foreign investment.
    {"foreign.overseas_operator", 7, Basis::notice, kForeign,
     "经营者是境外注册的公司：境外主体不能在境内备案或申请许可证，须在境内设立公司（外商投资企业）办理",
     "The operator is a company registered abroad: it cannot file or apply in China itself and needs a mainland "
     "company, which is foreign-invested"},
    {"foreign.flag", 7, Basis::notice, kForeign,
     "有外资股东：不能走内资流程，须按外商投资电信企业办理；B25外资一般不超过50%"
     "（试点地区除外），新闻、出版、视听、文化领域禁止外资",
     "Foreign shareholders: the domestic route is closed, apply as a foreign-invested telecom company; foreign "
     "shares in B25 capped at 50% outside pilot zones; news, publishing, audio-visual and culture closed"},
};

}  // namespace

const Rule& rule(std::string_view id) {
  // Every trace entry looks its rule up: a hash, not a walk over the table.
  static const std::unordered_map<std::string_view, const Rule*> by_id = [] {
    std::unordered_map<std::string_view, const Rule*> m;
    for (const auto& r : kRules) m.emplace(r.id, &r);
    return m;
  }();
  if (const auto it = by_id.find(id); it != by_id.end()) return *it->second;
  throw std::logic_error("unknown rule id: " + std::string(id));
}

const Rule* all_rules(std::size_t& count) {
  count = sizeof(kRules) / sizeof(kRules[0]);
  return kRules;
}

}  // namespace icp::decide
