#include "permits/held_permits.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

#include "text/find.hpp"

namespace icp::permits {
namespace {

using std::string_view;
constexpr std::size_t npos = string_view::npos;

// Province abbreviations as the numbers write them (京ICP证, 粤B2-, 沪网文, (京)-).
constexpr string_view kProvinces = "京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘陇晋蒙陕吉闽贵黔粤青藏川蜀宁琼港澳台";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool at(string_view t, std::size_t i, string_view s) {
  return i <= t.size() && t.substr(i, s.size()) == s;
}

std::size_t digits(string_view t, std::size_t i) {
  std::size_t n = 0;
  while (i + n < t.size() && is_digit(t[i + n])) ++n;
  return n;
}

bool province_at(string_view t, std::size_t i) {
  if (i + 3 > t.size() || static_cast<unsigned char>(t[i]) < 0xE0) return false;
  const string_view c = t.substr(i, 3);
  for (std::size_t k = 0; k < kProvinces.size(); k += 3)
    if (kProvinces.substr(k, 3) == c) return true;
  return false;
}

// `i`, or the start of the province abbreviation just before it.
std::size_t with_province(string_view t, std::size_t i) {
  return i >= 3 && province_at(t, i - 3) ? i - 3 : i;
}

// Skips the little words between a label and its number (编号、：、为), at most `limit` bytes.
std::size_t skip(string_view t, std::size_t i, std::initializer_list<string_view> fillers, std::size_t limit) {
  const std::size_t start = i;
  for (bool moved = true; moved && i - start < limit;) {
    moved = false;
    for (string_view f : fillers)
      if (at(t, i, f)) {
        i += f.size();
        moved = true;
        break;
      }
  }
  return i;
}

// A number just read must not be a date or an amount ("2019年取得").
bool ends_number(string_view t, std::size_t i) {
  for (string_view s : {"年", "月", "日", "万", "元", "个", "人"})
    if (at(t, i, s)) return false;
  return true;
}

std::size_t after_hao(string_view t, std::size_t i) {
  return at(t, i, "号") ? i + 3 : i;
}

struct Found {
  Held held;
  bool named = false;  // read from a certificate's name, not from the number's own form
};

Held make(Kind kind, std::size_t begin, std::size_t end) {
  Held h;
  h.kind = kind;
  h.begin = h.number_begin = begin;
  h.end = h.number_end = end;
  return h;
}

// 京ICP证030173号, 京ICP备12345678号-1, ICP经营许可证编号：030173.
void icp_numbers(string_view t, std::vector<Found>& out) {
  for (std::size_t pos = text::find_word(t, "icp", 0); pos != npos; pos = text::find_word(t, "icp", pos + 3)) {
    if (pos > 0 && is_alnum(t[pos - 1])) continue;
    std::size_t i = pos + 3;
    if (at(t, i, " ")) ++i;
    Kind kind;
    if (at(t, i, "证")) {
      kind = Kind::icp_licence, i += 3;
    } else if (at(t, i, "经营许可证")) {
      kind = Kind::icp_licence, i += 15;
    } else if (at(t, i, "许可证")) {
      kind = Kind::icp_licence, i += 9;
    } else if (at(t, i, "备案")) {
      kind = Kind::icp_filing, i += 6;
    } else if (at(t, i, "备")) {
      kind = Kind::icp_filing, i += 3;
    } else {
      continue;
    }
    i = skip(t, i, {":", " ", "编号", "号码", "号", "字", "第", "为", "是"}, 12);
    const std::size_t n = digits(t, i);
    if (n < 5 || !ends_number(t, i + n)) continue;
    std::size_t end = after_hao(t, i + n);
    // The site's number within the filing: 京ICP备12345678号-1.
    if (at(t, end, "-")) {
      const std::size_t k = digits(t, end + 1);
      if (k >= 1 && k <= 3) end += 1 + k;
    }
    out.push_back({make(kind, with_province(t, pos), end)});
  }
}

// 粤B2-20090059, B1-20180001, A2-…: value-added (B) and basic (A) telecom licences.
void telecom_numbers(string_view t, std::vector<Found>& out) {
  for (std::size_t pos = text::find_word(t, "-", 2); pos != npos; pos = text::find_word(t, "-", pos + 1)) {
    const char cls = t[pos - 2], sub = t[pos - 1];
    if (!((cls == 'b' && (sub == '1' || sub == '2')) || (cls == 'a' && sub == '2'))) continue;
    if (pos >= 3 && is_alnum(t[pos - 3])) continue;
    const std::size_t n = digits(t, pos + 1);
    if (n < 8) continue;
    Held h = make(Kind::telecom_licence, with_province(t, pos - 2), after_hao(t, pos + 1 + n));
    h.b2 = cls == 'b' && sub == '2';
    out.push_back({h});
  }
}

// (京)-经营性-2017-0012, (粤)-非经营性-2016-0123: the drug information certificate's number.
void drug_numbers(string_view t, std::vector<Found>& out) {
  constexpr string_view kMark = "经营性-";
  for (std::size_t pos = text::find_word(t, kMark, 0); pos != npos;
       pos = text::find_word(t, kMark, pos + kMark.size())) {
    std::size_t i = pos + kMark.size();
    if (digits(t, i) != 4 || !at(t, i + 4, "-")) continue;
    const std::size_t n = digits(t, i + 5);
    if (n < 2) continue;
    std::size_t begin = pos;
    const bool nonprofit = begin >= 3 && at(t, begin - 3, "非");
    if (nonprofit) begin -= 3;
    if (begin > 0 && t[begin - 1] == '-') --begin;
    if (begin >= 5 && t[begin - 1] == ')' && province_at(t, begin - 4) && t[begin - 5] == '(')
      begin -= 5;
    else
      begin = with_province(t, begin);
    Held h = make(Kind::drug_info_certificate, begin, after_hao(t, i + 5 + n));
    h.commercial = !nonprofit;
    out.push_back({h});
  }
}

// 沪网文【2019】3804-274号, 京网文〔2016〕2337-264号, 文网文[2009]129号.
void culture_numbers(string_view t, std::vector<Found>& out) {
  constexpr string_view kOpen[] = {"[", "【", "〔", "(", "〖"};
  constexpr string_view kClose[] = {"]", "】", "〕", ")", "〗"};
  for (std::size_t pos = text::find_word(t, "网文", 0); pos != npos; pos = text::find_word(t, "网文", pos + 6)) {
    std::size_t i = pos + 6;
    if (at(t, i, " ")) ++i;
    std::size_t open = 0;
    while (open < std::size(kOpen) && !at(t, i, kOpen[open])) ++open;
    if (open == std::size(kOpen) || digits(t, i + kOpen[open].size()) != 4) continue;
    i += kOpen[open].size() + 4;
    bool closed = false;
    for (string_view c : kClose)
      if (at(t, i, c)) {
        i += c.size();
        closed = true;
        break;
      }
    if (!closed) continue;
    if (at(t, i, "第")) i += 3;
    std::size_t n = digits(t, i);
    if (n < 2) continue;
    i += n;
    if (at(t, i, "-") && digits(t, i + 1) > 0) i += 1 + digits(t, i + 1);
    std::size_t begin = pos >= 3 && at(t, pos - 3, "文") ? pos - 3 : with_province(t, pos);
    out.push_back({make(Kind::culture_licence, begin, after_hao(t, i))});
  }
}

// The number written after a certificate's name: [begin, end), or empty when
// there is none (fewer than six digits, or a date).
std::pair<std::size_t, std::size_t> number_after(string_view t, std::size_t i) {
  i = skip(t, i, {":", " ", "编号", "证号", "号码", "号", "为", "是", "no.", "no", "#"}, 24);
  constexpr string_view kWords[] = {"【", "】", "〔", "〕", "第", "字", "网文", "非经营性", "经营性", "证", "备"};
  const std::size_t begin = i;
  std::size_t count = 0;
  int open = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (is_alnum(c) || c == '-' || c == '(' || c == ')' || c == '[' || c == ']' || c == '/') {
      count += is_digit(c);
      open += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (open < 0) break;  // the parenthesis around the name and number closes
      ++i;
      continue;
    }
    if (at(t, i, "号")) {
      i += 3;
      break;
    }
    if (province_at(t, i)) {
      i += 3;
      continue;
    }
    std::size_t w = 0;
    while (w < std::size(kWords) && !at(t, i, kWords[w])) ++w;
    if (w == std::size(kWords)) break;
    i += kWords[w].size();
  }
  std::size_t end = i;
  while (end > begin && (t[end - 1] == '-' || t[end - 1] == '(' || t[end - 1] == '/' || t[end - 1] == '[')) --end;
  if (count < 6 || !ends_number(t, i)) return {begin, begin};
  return {begin, end};
}

struct Name {
  string_view anchor;
  string_view prefix;  // written before the anchor in the full name
  Kind kind;
};

constexpr Name kNames[] = {
    {"药品信息服务资格证书", "互联网", Kind::drug_info_certificate},
    {"药品信息服务资格证", "互联网", Kind::drug_info_certificate},
    {"网络文化经营许可证", "", Kind::culture_licence},
    {"视听节目许可证", "信息网络传播", Kind::audiovisual_licence},
    {"新闻信息服务许可证", "互联网", Kind::news_licence},
    {"电信业务经营许可证", "增值", Kind::telecom_licence},
};

// The separators of a footer's or a qualifications line's items: 关于我们 |
// 联系我们 | 网络文化经营许可证 | 营业执照.
constexpr string_view kItemSeparators[] = {"|", "｜", "丨", "·"};

bool separator_at(string_view t, std::size_t i) {
  for (string_view s : kItemSeparators)
    if (at(t, i, s)) return true;
  return false;
}

bool separator_before(string_view t, std::size_t i) {
  while (i > 0 && t[i - 1] == ' ') --i;
  for (string_view s : kItemSeparators)
    if (i >= s.size() && t.substr(i - s.size(), s.size()) == s) return true;
  return false;
}

// A certificate's name standing alone as one item of a list of links or
// qualifications — between separators, or after one and at the end or before
// a number — is a certificate the site shows it holds, the way a footer
// lists them. A name in a sentence ("需要办理网络文化经营许可证吗") is not.
bool listed_item(string_view t, std::size_t from, std::size_t to) {
  std::size_t after = to;
  while (after < t.size() && t[after] == ' ') ++after;
  const bool item_ends = after == t.size() || separator_at(t, after) || is_digit(t[after]) || province_at(t, after) ||
                         (after > to && at(t, after, "icp"));
  if (!item_ends) return false;
  const bool item_starts = separator_before(t, from);
  const bool list_follows = separator_at(t, after);
  return item_starts || (list_follows && (from == 0 || at(t, from - 3, "：") || t[from - 1] == ':'));
}

// The number after a name is a filing number (粤ICP备…号): the filing's own,
// not the named certificate's.
bool filing_number(string_view t, std::size_t begin, std::size_t end) {
  return t.substr(begin, end - begin).find("备") != npos;
}

// 信息网络传播视听节目许可证：1109364, 互联网新闻信息服务许可证编号11220180001,
// or the name alone as a listed item (see listed_item).
void named_certificates(string_view t, std::vector<Found>& out) {
  if (text::find_word(t, "证", 0) == npos) return;
  for (const auto& name : kNames) {
    for (std::size_t pos = text::find_word(t, name.anchor, 0); pos != npos;
         pos = text::find_word(t, name.anchor, pos + name.anchor.size())) {
      const std::size_t name_end = pos + name.anchor.size();
      std::size_t from = pos;
      if (!name.prefix.empty() && pos >= name.prefix.size() && at(t, pos - name.prefix.size(), name.prefix))
        from -= name.prefix.size();
      const auto [begin, end] = number_after(t, name_end);
      if (begin != end && !filing_number(t, begin, end)) {
        Held h = make(name.kind, from, end);
        h.number_begin = begin;
        out.push_back({h, true});
      } else if (listed_item(t, from, name_end)) {
        Held h = make(name.kind, from, name_end);
        h.number_begin = h.number_end = name_end;  // shown without its number
        out.push_back({h, true});
      } else if (begin != end) {
        // A filing number after the name: one permit, the filing the number says.
        Held h = make(name.kind, from, end);
        h.number_begin = begin;
        out.push_back({h, true});
      }
    }
  }
}

// Every number read above has five digits or more (a filing's eight, a
// certificate's six…).
bool has_five_digits(string_view t) {
  std::size_t n = 0;
  for (char c : t) n += is_digit(c);  // no early exit: the compiler vectorises the count
  return n >= 5;
}

bool has_item_separator(string_view t) {
  for (string_view s : kItemSeparators)
    if (t.find(s) != npos) return true;
  return false;
}

}  // namespace

// Indexed by Kind.
constexpr std::array<std::pair<string_view, string_view>, 7> kKindNames = {{
    {"icp_licence", "held_icp_licence"},
    {"telecom_licence", "held_telecom_licence"},
    {"icp_filing", "held_icp_filing"},
    {"drug_info_certificate", "held_drug_info_certificate"},
    {"culture_licence", "held_culture_licence"},
    {"audiovisual_licence", "held_audiovisual_licence"},
    {"news_licence", "held_news_licence"},
}};

string_view name(Kind kind) {
  return kKindNames[static_cast<std::size_t>(kind)].first;
}

string_view evidence_signal(Kind kind) {
  return kKindNames[static_cast<std::size_t>(kind)].second;
}

std::vector<Held> read_held_permits(string_view t) {
  // Most texts hold no permit and have not enough digits to write one, nor a
  // list of items: one pass over the bytes, then nothing else.
  if (!has_five_digits(t) && !has_item_separator(t)) return {};
  // The anchors: text::find_word finds a Chinese one by its last byte
  // (memmem and string_view::find stop at every character that shares its
  // first).
  std::vector<Found> found;
  if (text::find_word(t, "icp", 0) != npos) icp_numbers(t, found);
  if (text::find_word(t, "-", 0) != npos) {
    telecom_numbers(t, found);
    drug_numbers(t, found);
  }
  if (text::find_word(t, "网文", 0) != npos) culture_numbers(t, found);
  named_certificates(t, found);
  if (found.empty()) return {};

  // A name and the number after it are one permit: the number's own form
  // says what it is (增值电信业务经营许可证：京ICP证… is an ICP licence), the
  // name widens the evidence.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.held.begin != b.held.begin ? a.held.begin < b.held.begin : a.held.end > b.held.end;
  });
  std::vector<Found> merged;
  for (const auto& f : found) {
    if (merged.empty() || f.held.begin >= merged.back().held.end) {
      merged.push_back(f);
      continue;
    }
    Found& a = merged.back();
    const bool take = a.named && !f.named;
    Held h = take ? f.held : a.held;
    const Held& other = take ? a.held : f.held;
    h.begin = std::min(a.held.begin, f.held.begin);
    h.end = std::max(a.held.end, f.held.end);
    if (!h.commercial) h.commercial = other.commercial;
    a = {h, a.named && f.named};
  }
  std::vector<Held> out;
  out.reserve(merged.size());
  for (const auto& f : merged) out.push_back(f.held);
  return out;
}

}  // namespace icp::permits
