#include "page/page_form.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "text/find.hpp"

namespace icp::page {
namespace {

// Only the start of a text can be its title or heading.
constexpr std::size_t kHead = 480;
// A keyword is 2–16 characters; a title has at least this many of them.
constexpr std::size_t kMinKeywordChars = 2, kMaxKeywordChars = 16;
constexpr std::size_t kMinKeywords = 4;    // "a,b,c,d": the keywords meta line
constexpr std::size_t kMinTitleParts = 3;  // "a_b_c" or "a|b|c": a title bar
constexpr std::size_t kIntroReach = 90;    // an about heading's first sentence starts here

std::size_t chars(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// The first and last character (UTF-8) of a keyword.
std::string_view first_char(std::string_view s) {
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}
std::string_view first_two(std::string_view s) {
  const auto a = first_char(s);
  return s.substr(0, a.size() + first_char(s.substr(a.size())).size());
}
std::string_view last_two(std::string_view s) {
  std::size_t b = s.size(), seen = 0;
  while (b > 0 && seen < 2) {
    --b;
    if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) ++seen;
  }
  return s.substr(b);
}

bool is_separator(char ch) {
  return ch == ',' || ch == '|' || ch == '_';
}

// A keyword holds no sentence punctuation and no space inside.
bool keyword_like(std::string_view item) {
  const std::size_t n = chars(item);
  if (n < kMinKeywordChars || n > kMaxKeywordChars) return false;
  for (char ch : item)
    if (ch == ' ' || ch == '.' || ch == ':' || ch == ';' || ch == '!' || ch == '?' || ch == '(' || ch == ')')
      return false;
  for (std::string_view stop : {"。", "、", "；", "：", "！", "？", "（", "）", "“", "”"})
    if (item.find(stop) != std::string_view::npos) return false;
  return !std::all_of(item.begin(), item.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// "荆门电脑维修,荆门上门维修,荆门修电脑,荆门电脑急救中心 本公司…": keywords that
// repeat one place or trade (most share their first or last two characters)
// separated by commas; or parts of a title bar separated by _ or |.
PageForm keyword_title(std::string_view text) {
  const std::string_view head = text.substr(0, std::min(text.size(), kHead));
  std::vector<std::string_view> items;
  char separator = 0;
  std::size_t at = 0, end = 0;
  while (at < head.size()) {
    std::size_t stop = at;
    while (stop < head.size() && !is_separator(head[stop]) && head[stop] != '\n') ++stop;
    std::string_view item = head.substr(at, stop - at);
    bool last = stop >= head.size() || head[stop] == '\n' || (separator != 0 && head[stop] != separator);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    // The title ends where a space opens the text after it ("…故障维修 本公司…"):
    // its last keyword is the word before the space.
    if (const auto space = item.find(' '); space != std::string_view::npos) {
      item = item.substr(0, space);
      last = true;
    }
    if (!keyword_like(item)) break;
    items.push_back(item);
    end = static_cast<std::size_t>(item.data() + item.size() - text.data());
    if (last) break;
    separator = head[stop];
    at = stop + 1;
  }
  if (items.empty() || separator == 0) return {};
  if (separator != ',') {
    if (items.size() < kMinTitleParts) return {};
    return {Form::keyword_title, 0, static_cast<std::uint32_t>(end)};
  }
  if (items.size() < kMinKeywords) return {};
  // Keywords of one search: three in four share a first or a last pair of characters.
  std::map<std::string_view, std::size_t> starts, ends;
  for (auto item : items) ++starts[first_two(item)], ++ends[last_two(item)];
  std::size_t most = 0;
  for (const auto& [pair, n] : starts) most = std::max(most, n);
  for (const auto& [pair, n] : ends) most = std::max(most, n);
  if (most * 4 < items.size() * 3) return {};
  return {Form::keyword_title, 0, static_cast<std::uint32_t>(end)};
}

// "关于某某有限公司 某某公司成立于2009年，是一家…": 关于 and a company's name open the
// text, and an introduction (成立于, 是一家, 专业…) follows at once. A letter's
// title (关于我公司申请…的请示) or a question (关于公司是否…) has no introduction.
PageForm about_heading(std::string_view text) {
  if (!text.starts_with("关于")) return {};
  const std::string_view head = text.substr(0, std::min(text.size(), std::size_t{96}));
  std::size_t name_end = std::string_view::npos;
  for (std::string_view suffix : {"有限公司", "公司", "集团", "工作室"}) {
    const std::size_t at = head.find(suffix, 6);
    if (at == std::string_view::npos || at == 6) continue;  // a name before the suffix
    const std::string_view name = head.substr(6, at - 6);
    if (name.find_first_of(" ,.;:!?\n") != std::string_view::npos) continue;
    if (name == "我" || name == "本" || name == "贵" || name == "我们") continue;  // a letter about oneself
    name_end = std::min(name_end, at + suffix.size());
  }
  if (name_end == std::string_view::npos) return {};
  const std::string_view after = text.substr(name_end, std::min(text.size() - name_end, kIntroReach));
  static constexpr std::array<std::string_view, 12> kIntro = {
      "成立于", "是一家", "创立于", "始创于", "创建于", "始建于", "位于", "专业", "致力于", "主营", "坐落", "前身"};
  if (std::none_of(kIntro.begin(), kIntro.end(),
                   [&](std::string_view w) { return text::find_word(after, w) != std::string_view::npos; }))
    return {};
  return {Form::about_heading, 0, static_cast<std::uint32_t>(name_end)};
}

}  // namespace

PageForm read_page_form(std::string_view normalized) {
  if (auto title = keyword_title(normalized); title.form != Form::none) return title;
  return about_heading(normalized);
}

}  // namespace icp::page
