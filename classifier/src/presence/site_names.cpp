#include "presence/site_names.hpp"

#include <algorithm>
#include <array>

#include "text/find.hpp"
#include "text/segment.hpp"

namespace icp::presence {
namespace {

using signals::Hit;
using signals::Signal;

// Phrase ids of the matches, beyond any lexicon and the other readers'.
constexpr std::uint32_t kSiteNamePhrase = (1u << 24) + 160;
constexpr std::uint32_t kDomainPhrase = kSiteNamePhrase + 1;
constexpr int kWeight = 2;  // clear: a name is how a site shows itself, not its description

bool is_han(std::string_view text, std::size_t at) {
  if (at + 3 > text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[at]);
  return lead >= 0xE4 && lead <= 0xE9;
}

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Words that end in 网 and name no site: networks, nets, going online.
constexpr std::array<std::string_view, 38> kNetWords2 = {
    "上网", "联网", "连网", "蹭网", "入网", "组网", "触网", "渔网", "电网", "法网", "球网", "天网", "全网",
    "内网", "外网", "官网", "专网", "光网", "地网", "落网", "结网", "撒网", "拉网", "织网", "补网", "漏网",
    "断网", "无网", "有网", "主网", "路网", "管网", "线网", "铁网", "丝网", "局网", "配网", "三网"};
constexpr std::array<std::string_view, 30> kNetWords3 = {
    "互联网", "物联网", "车联网", "局域网", "因特网", "以太网", "广域网", "城域网", "宽带网", "无线网",
    "有线网", "铁丝网", "防护网", "安全网", "关系网", "销售网", "营销网", "物流网", "交通网", "蜘蛛网",
    "服务网", "通信网", "电信网", "移动网", "联通网", "广电网", "骨干网", "配送网", "传感网", "社交网"};

// What follows a site's name: a predicate, a possessive, a title's end.
constexpr std::array<std::string_view, 27> kAfterName = {
    "是", "为",   "致力", "提供", "旗下", "官方", "作为", "拥有", "平台", "手机", "客户端", "一",  "的", "由",
    "已", "推出", "上线", "全新", "隆重", "专注", "专业", "让",   "帮",   "和",   "与",     "app", "现"};
constexpr std::array<std::string_view, 16> kPunctuation = {"，", "。", "、", "；", "：", "！", "？", "（",
                                                           "）", "《", "》", "“",  "”",  "」", "「", "·"};

bool ends_a_name(std::string_view rest) {
  if (rest.empty()) return true;
  // ASCII after the name — its domain (gui999.cn), "APP", a space or a mark — ends it.
  if (static_cast<unsigned char>(rest[0]) < 0x80) return true;
  return std::any_of(kAfterName.begin(), kAfterName.end(), [&](std::string_view w) { return rest.starts_with(w); }) ||
         std::any_of(kPunctuation.begin(), kPunctuation.end(), [&](std::string_view w) { return rest.starts_with(w); });
}

void site_names(std::string_view text, std::vector<Hit>& out) {
  for (std::size_t i = text::find_word(text, "网"); i != std::string_view::npos;
       i = text::find_word(text, "网", i + 3)) {
    if (i < 6 || !is_han(text, i - 3) || !is_han(text, i - 6)) continue;
    if (one_of(text.substr(i - 3, 6), kNetWords2) || one_of(text.substr(i - 6, 9), kNetWords3)) continue;
    if (!ends_a_name(text.substr(i + 3))) continue;
    // Another's site named as a partner or a source: "合作伙伴艺龙旅行网", "新华网报道".
    const auto clause = text::clause_around(text, i);
    const std::string_view around = text.substr(clause.begin, clause.end - clause.begin);
    if (text::find_word(around, "合作") != std::string_view::npos ||
        text::find_word(around, "报道") != std::string_view::npos)
      continue;
    out.push_back(Hit{Signal::presence_site, kWeight, static_cast<std::uint32_t>(i - 6),
                      static_cast<std::uint32_t>(i + 3), kSiteNamePhrase});
  }
}

bool domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

constexpr std::array<std::string_view, 16> kTopLevel = {"com",  "cn", "net", "org", "cc",   "vip",    "top",  "xyz",
                                                        "info", "io", "me",  "tv",  "site", "online", "shop", "biz"};
// Second levels under cn that are part of the suffix: example.com.cn.
constexpr std::array<std::string_view, 5> kCnSecond = {"com", "net", "org", "gov", "edu"};
// Others' platforms, where a business has only a page, and names that look
// like domains but are frameworks.
constexpr std::array<std::string_view, 45> kOthers = {
    "taobao.com",    "tmall.com",     "jd.com",        "qq.com",        "weixin.com",      "weibo.com",
    "weibo.cn",      "douyin.com",    "kuaishou.com",  "1688.com",      "zbj.com",         "github.com",
    "gitee.com",     "apple.com",     "google.com",    "baidu.com",     "xiaohongshu.com", "bilibili.com",
    "zhihu.com",     "csdn.net",      "aliyun.com",    "amazonaws.com", "youku.com",       "iqiyi.com",
    "pinduoduo.com", "yangkeduo.com", "dingtalk.com",  "feishu.cn",     "asp.net",         "ado.net",
    "vb.net",        "163.com",       "126.com",       "sina.com",      "facebook.com",    "instagram.com",
    "twitter.com",   "youtube.com",   "bitbucket.org", "line.me",       "whatsapp.com",    "telegram.org",
    "linkedin.com",  "tiktok.com",    "wechat.com"};

void domains(std::string_view text, std::vector<Hit>& out) {
  for (std::size_t i = text::find_word(text, "."); i != std::string_view::npos;) {
    // The token of domain characters around this dot.
    std::size_t b = i, e = i;
    while (b > 0 && domain_char(text[b - 1])) --b;
    while (e < text.size() && domain_char(text[e])) ++e;
    const std::size_t next = e;
    while (e > b && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    const std::string_view token = text.substr(b, e - b);
    // An e-mail address names a mailbox, not a site.
    const bool email = b > 0 && text[b - 1] == '@';
    const std::size_t last_dot = token.rfind('.');
    if (!email && last_dot != std::string_view::npos && last_dot > 0 && one_of(token.substr(last_dot + 1), kTopLevel)) {
      // The registered name: the label before the suffix (and cn's second level).
      std::size_t root = token.rfind('.', last_dot - 1);
      if (root != std::string_view::npos && token.substr(last_dot + 1) == "cn" &&
          one_of(token.substr(root + 1, last_dot - root - 1), kCnSecond))
        root = root == 0 ? std::string_view::npos : token.rfind('.', root - 1);
      const std::string_view registered = root == std::string_view::npos ? token : token.substr(root + 1);
      const std::string_view label = registered.substr(0, registered.find('.'));
      const bool letters = std::any_of(label.begin(), label.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (label.size() >= 2 && letters && !one_of(registered, kOthers))
        out.push_back(Hit{Signal::presence_site, kWeight, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e),
                          kDomainPhrase});
    }
    i = next < text.size() ? text::find_word(text, ".", next) : std::string_view::npos;
  }
}

}  // namespace

std::vector<Hit> with_site_names(std::vector<Hit> hits, std::string_view text) {
  thread_local std::vector<Hit> added;
  added.clear();
  site_names(text, added);
  domains(text, added);
  if (added.empty()) return hits;
  std::sort(added.begin(), added.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  signals::merge_hits(hits, added);
  return hits;
}

}  // namespace icp::presence
