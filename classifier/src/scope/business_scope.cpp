#include "scope/business_scope.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>

namespace icp::scope {
namespace {

using Range = std::pair<std::uint32_t, std::uint32_t>;

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return contains(text, w); });
}

template <std::size_t N>
bool ends_with_any(std::string_view text, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return text.ends_with(w); });
}

// ---- the shape of a scope: sentences of short activity items ----

// Words that open a scope: what follows them is the registered list.
constexpr std::array<std::string_view, 5> kMarkers = {"经营范围", "一般经营项目", "许可经营项目", "一般项目",
                                                      "许可项目"};
// The registration boilerplate says nothing about the company but marks the text.
constexpr std::array<std::string_view, 4> kBoilerplate = {"依法须经批准", "批准的项目", "批准后方可", "后方可经营"};

// How registered activities end: trades, work, goods.
constexpr std::string_view kHeads[] = {
    "销售", "批发", "零售", "开发", "服务",   "咨询", "转让", "推广", "交流", "设计", "制作", "生产", "制造", "加工",
    "安装", "维修", "维护", "租赁", "进出口", "代理", "集成", "工程", "施工", "承包", "分包", "培训", "经营", "运输",
    "研发", "贸易", "策划", "管理", "出租",   "装修", "装饰", "展览", "仓储", "配送", "印刷", "种植", "养殖", "检测",
    "监理", "中介", "经纪", "投资", "业务",   "处理", "外包", "营销", "产品", "设备", "用品", "材料", "器材", "配件",
    "耗材", "百货", "电器", "仪器", "仪表",   "元件", "器件", "软件", "硬件", "制品", "部件", "食品", "饮料", "服装",
    "建材", "五金", "家具", "化工", "原料",   "机械", "工具", "技术", "发布", "代理", "回收", "清洗", "保洁", "搬运",
    "修理", "调试", "布线", "物流", "演出",   "发电", "零件", "活动", "保养", "评估", "改造", "升级"};
// Activities only a registered scope lists this way.
constexpr std::array<std::string_view, 18> kStrong = {
    "进出口",   "批发", "零售", "技术转让", "技术推广", "技术交流", "技术开发", "技术咨询", "技术服务",
    "增值电信", "施工", "承包", "租赁",     "系统集成", "生产",     "制造",     "加工",     "销售"};
// Words of prose (someone speaking, a product praising itself), never of a scope item.
constexpr std::array<std::string_view, 20> kProse = {"我",   "您",   "你",   "本站", "本平台", "欢迎", "致力",
                                                     "用户", "随时", "轻松", "一键", "海量",   "吗",   "呢",
                                                     "只有", "一个", "没有", "已经", "这",     "那"};

bool is_open(char c) {
  return c == '(' || c == '[';
}
bool is_close(char c) {
  return c == ')' || c == ']';
}

// Clause separators of a scope list, outside parentheses: ; , : 、
std::size_t separator_length(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == ';' || c == ',' || c == ':') return 1;
  if (text.substr(i, 3) == "、") return 3;
  return 0;
}
std::size_t sentence_end_length(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == '!' || c == '?' || c == '^' || c == '|') return 1;
  if (text.substr(i, 3) == "。") return 3;
  return 0;
}

// Text outside parentheses.
std::string bare(std::string_view piece) {
  std::string out;
  int depth = 0;
  for (char c : piece) {
    if (is_open(c))
      ++depth;
    else if (is_close(c))
      depth = std::max(0, depth - 1);
    else if (depth == 0 && c != ' ')
      out.push_back(c);
  }
  return out;
}

// The items of a range: split at ; , : 、 outside parentheses.
std::vector<Range> pieces_of(std::string_view text, Range r) {
  std::vector<Range> out;
  int depth = 0;
  std::size_t start = r.first;
  for (std::size_t i = r.first; i < r.second; ++i) {
    const char c = text[i];
    if (is_open(c)) ++depth;
    if (is_close(c)) depth = std::max(0, depth - 1);
    if (depth > 0) continue;
    if (std::size_t n = separator_length(text, i)) {
      if (i > start) out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
      start = i + n;
      i += n - 1;
    }
  }
  if (r.second > start) out.push_back({static_cast<std::uint32_t>(start), r.second});
  return out;
}

int depth_at(std::string_view text, std::size_t at) {
  int depth = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (is_open(text[i])) ++depth;
    if (is_close(text[i])) depth = std::max(0, depth - 1);
  }
  return depth;
}

struct Sentence {
  Range range;
  int pieces = 0;
  int items = 0;  // short, no prose
  int heads = 0;  // ends as a registered activity does
  int semicolons = 0;
  int strong = 0;  // distinct scope-only activities
  Range first_item{};
  bool continues = false;                // 以上…: about the items before it
  bool telecom = false;                  // 增值电信, 信息服务业务
  std::uint32_t prose_after_marker = 0;  // the first piece after the marker that is prose
  bool marker = false;
  std::uint32_t marker_begin = 0, marker_end = 0;
  bool boilerplate = false;
};

Sentence measure(std::string_view text, Range r) {
  Sentence s;
  s.range = r;
  const std::string_view body = text.substr(r.first, r.second - r.first);
  // A marker heads the list: outside parentheses ("以上不含…等许可经营项目"
  // is an exclusion), followed by ":", 是, 为 or 包括.
  for (std::string_view m : kMarkers) {
    for (auto at = body.find(m); at != std::string_view::npos && !s.marker; at = body.find(m, at + 1)) {
      if (depth_at(body, at) != 0) continue;
      std::string_view rest = body.substr(at + m.size());
      while (rest.starts_with(" ")) rest.remove_prefix(1);
      if (!(rest.starts_with(":") || rest.starts_with("是") || rest.starts_with("为") || rest.starts_with("包括")))
        continue;
      s.marker = true;
      s.marker_begin = r.first + static_cast<std::uint32_t>(at);
      s.marker_end = s.marker_begin + static_cast<std::uint32_t>(m.size());
    }
    if (s.marker) break;
  }
  s.boilerplate = contains_any(body, kBoilerplate);
  s.continues = body.starts_with("以上") || body.starts_with("上述");
  s.telecom = contains(body, "增值电信") || contains(body, "信息服务业务");
  for (std::string_view w : kStrong) s.strong += contains(body, w);
  for (std::size_t i = 0; i < body.size(); ++i) s.semicolons += body[i] == ';';
  for (Range p : pieces_of(text, r)) {
    const std::string core = bare(text.substr(p.first, p.second - p.first));
    if (core.empty()) continue;
    if (s.pieces++ == 0) s.first_item = p;
    // About twenty Chinese characters at most outside the parentheses.
    if (core.size() > 90 || contains_any(core, kProse)) {
      if (s.marker && p.first >= s.marker_end && !s.prose_after_marker) s.prose_after_marker = p.first;
      continue;
    }
    ++s.items;
    std::string_view head = core;
    if (head.ends_with("等")) head.remove_suffix(3);
    s.heads += ends_with_any(head, kHeads);
  }
  return s;
}

// A sentence that is a scope list on its own.
bool strong_scope(const Sentence& s) {
  if (s.marker || s.boilerplate) return true;
  // Telecom items are registered wording: two items with them are a scope.
  if (s.telecom && s.items >= 2 && s.heads >= 2) return true;
  if (s.pieces < 3 || s.items * 10 < s.pieces * 7) return false;
  if (s.heads < 3 || s.heads * 2 < s.pieces) return false;
  return s.semicolons >= 2 || s.strong >= 2 || s.boilerplate;
}
// A sentence that continues a scope next to one.
bool weak_scope(const Sentence& s) {
  // A sentence of parentheses only ("（法律、法规禁止的除外）") continues too.
  return s.boilerplate || s.pieces == 0 || s.continues || (s.items * 10 >= s.pieces * 8 && s.heads * 3 >= s.pieces);
}

std::vector<Sentence> sentences(std::string_view text) {
  std::vector<Sentence> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    std::size_t n = i == text.size() ? 1 : 0;
    if (i < text.size()) {
      const char c = text[i];
      if (is_open(c)) ++depth;
      if (is_close(c)) depth = std::max(0, depth - 1);
      if (c == '\n') depth = 0;  // an unclosed parenthesis ends with its line
      if (depth == 0) n = sentence_end_length(text, i);
    }
    if (n == 0) continue;
    if (i > start) out.push_back(measure(text, {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)}));
    start = i + n;
    i += n - 1;
  }
  return out;
}

// ---- the items: telecom terms and the parentheses around them ----

enum class Polarity { positive, negative };

// "不开展网络销售": an item that denies itself.
constexpr std::array<std::string_view, 5> kDenied = {"不", "无", "未", "禁止", "没有"};

constexpr std::array<std::string_view, 5> kOnlineSales = {"网上销售", "互联网销售", "网络销售", "线上销售", "在线销售"};

constexpr std::array<std::string_view, 10> kNegative = {"不含",   "不包括", "不包含", "除",   "不得",
                                                        "不从事", "禁止",   "不涉及", "未经", "不属于"};
constexpr std::array<std::string_view, 6> kPositive = {"仅限", "含", "包括", "包含", "限于", "限"};

// End offset of the last occurrence of any word in text, or npos.
template <std::size_t N>
std::size_t last_end(std::string_view text, const std::array<std::string_view, N>& words) {
  std::size_t best = std::string_view::npos;
  for (std::string_view w : words) {
    auto at = text.rfind(w);
    if (at == std::string_view::npos) continue;
    const std::size_t end = at + w.size();
    if (best == std::string_view::npos || end > best) best = end;
  }
  return best;
}

// The segment a word at `at` belongs to: the parenthesis around it, or else
// its item (between separators outside parentheses). A negation at the head
// of a parenthesis reaches over its whole list: （不含新闻、出版、教育）.
Range segment(std::string_view text, Range region, std::size_t at) {
  constexpr std::size_t kReach = 240;  // bytes searched back for an open parenthesis
  const std::size_t floor = at > region.first + kReach ? at - kReach : region.first;
  auto top_level_separator = [&](std::size_t i) {
    const char c = text[i];
    return c == ';' || c == ',' || c == ':' || text.substr(i, 3) == "、";
  };
  int depth = 0;
  for (std::size_t i = at; i-- > floor;) {
    if (is_close(text[i])) ++depth;
    if (is_open(text[i]) && depth-- == 0) {
      depth = 0;
      std::size_t end = region.second;
      for (std::size_t j = at; j < region.second; ++j) {
        if (is_open(text[j])) ++depth;
        if (is_close(text[j]) && depth-- == 0) {
          end = j;
          break;
        }
      }
      return {static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(end)};
    }
  }
  std::size_t begin = region.first;
  depth = 0;
  for (std::size_t i = at; i-- > region.first;) {
    if (is_close(text[i])) ++depth;
    if (is_open(text[i])) depth = std::max(0, depth - 1);
    if (depth == 0 && top_level_separator(i)) {
      begin = i + 1;
      break;
    }
  }
  std::size_t end = region.second;
  depth = 0;
  for (std::size_t i = at; i < region.second; ++i) {
    if (is_open(text[i])) ++depth;
    if (is_close(text[i])) depth = std::max(0, depth - 1);
    if (depth == 0 && top_level_separator(i)) {
      end = i;
      break;
    }
  }
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

// Whether a word at [at, at_end) is registered or excluded: the nearest
// 仅限/含 or 不含/不得 before it in its segment, or 除外 after it.
Polarity polarity(std::string_view text, Range region, std::size_t at, std::size_t at_end) {
  const Range seg = segment(text, region, at);
  const std::string_view before = text.substr(seg.first, at - seg.first);
  const std::string_view after = text.substr(at_end, seg.second > at_end ? seg.second - at_end : 0);
  if (contains(after, "除外")) return Polarity::negative;
  const std::size_t negative = last_end(before, kNegative);
  if (negative == std::string_view::npos) return Polarity::positive;
  const std::size_t positive = last_end(before, kPositive);
  // 不含 ends where its 含 does: the negation wins a tie.
  return positive != std::string_view::npos && positive > negative ? Polarity::positive : Polarity::negative;
}

struct Term {
  std::string_view words;
  ItemKind kind;
  std::string_view code;
  unsigned sectors = 0;
};

// Longest first: an occurrence inside an earlier term's match is skipped.
constexpr Term kTerms[] = {
    {"第二类增值电信业务中的信息服务业务", ItemKind::b25, "B25"},
    {"互联网新闻信息服务", ItemKind::b25, "B25", Sector::news},
    {"医疗器械互联网信息服务", ItemKind::b25, "B25", Sector::medical_devices},
    {"互联网医疗器械信息服务", ItemKind::b25, "B25", Sector::medical_devices},
    {"互联网医疗保健信息服务", ItemKind::b25, "B25", Sector::medical},
    {"药品互联网信息服务", ItemKind::b25, "B25", Sector::drugs},
    {"互联网药品信息服务", ItemKind::b25, "B25", Sector::drugs},
    {"在线数据处理与交易处理", ItemKind::other_telecom, "B21"},
    {"国内互联网虚拟专用网", ItemKind::other_telecom, "B13"},
    {"第一类增值电信业务", ItemKind::other_telecom, "B1"},
    {"第二类增值电信业务", ItemKind::telecom, "B2"},
    {"互联网信息服务", ItemKind::b25, "B25"},
    {"因特网信息服务", ItemKind::b25, "B25"},
    {"因特网数据中心", ItemKind::other_telecom, "B11"},
    {"互联网数据中心", ItemKind::other_telecom, "B11"},
    {"因特网接入服务", ItemKind::other_telecom, "B14"},
    {"互联网接入服务", ItemKind::other_telecom, "B14"},
    {"编码和规程转换", ItemKind::other_telecom, "B26"},
    {"第一类增值电信", ItemKind::other_telecom, "B1"},
    {"第二类增值电信", ItemKind::telecom, "B2"},
    {"信息服务业务", ItemKind::b25, "B25"},
    {"内容分发网络", ItemKind::other_telecom, "B12"},
    {"基础电信业务", ItemKind::other_telecom, "A"},
    {"移动通信转售", ItemKind::other_telecom, "移动通信转售"},
    {"增值电信业务", ItemKind::telecom, ""},
    {"增值电信服务", ItemKind::telecom, ""},
    {"电信增值业务", ItemKind::telecom, ""},
    {"电信增值服务", ItemKind::telecom, ""},
    {"二类增值电信", ItemKind::telecom, "B2"},
    {"国内多方通信", ItemKind::other_telecom, "B22"},
    {"经营电信业务", ItemKind::telecom, ""},
    {"存储转发类", ItemKind::other_telecom, "B23"},
    {"增值电信", ItemKind::telecom, ""},
    {"呼叫中心", ItemKind::other_telecom, "B24"},
    {"b25", ItemKind::b25, "B25"},
};

// A parenthesis right after an item ("信息服务业务（不含互联网信息服务）"):
// [open, close] offsets, or nothing.
std::optional<Range> parenthesis_after(std::string_view text, Range region, std::size_t at) {
  if (at >= region.second || !is_open(text[at])) return std::nullopt;
  int depth = 0;
  for (std::size_t i = at; i < region.second; ++i) {
    if (is_open(text[i])) ++depth;
    if (is_close(text[i]) && --depth == 0) return Range{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i)};
  }
  return Range{static_cast<std::uint32_t>(at), region.second};
}

struct SectorWord {
  std::string_view word;
  unsigned sector;
};
constexpr SectorWord kSectorWords[] = {{"新闻", Sector::news},      {"出版", Sector::publishing},
                                       {"教育", Sector::education}, {"医疗保健", Sector::medical},
                                       {"药品", Sector::drugs},     {"医疗器械", Sector::medical_devices}};

// Sectors a negative parenthesis excludes: （不含新闻、出版、教育、医疗保健…）.
unsigned excluded_sectors(std::string_view text, Range region) {
  unsigned out = 0;
  for (std::size_t i = region.first; i < region.second; ++i) {
    if (!is_open(text[i])) continue;
    auto close = text.find_first_of(")]", i);
    if (close == std::string_view::npos || close > region.second) close = region.second;
    const std::string_view inside = text.substr(i + 1, close - i - 1);
    const auto negative = last_end(inside, kNegative);
    if (negative != std::string_view::npos) {
      const std::string_view listed = inside.substr(negative);
      for (const auto& s : kSectorWords)
        if (contains(listed, s.word)) out |= s.sector;
    }
  }
  return out;
}

int parse_int(std::string_view text, std::size_t& at, std::size_t max_digits) {
  std::size_t end = at;
  while (end < text.size() && end - at < max_digits && text[end] >= '0' && text[end] <= '9') ++end;
  int value = 0;
  if (end == at || std::from_chars(text.data() + at, text.data() + end, value).ec != std::errc{}) return -1;
  at = end;
  return value;
}

// 有效期至2016年10月8日 / 有效期至2020-07-07 / 有效期: 2020.07.07
void read_validity(std::string_view text, Range region, Reading& out) {
  const std::string_view body = text.substr(0, region.second);
  for (std::size_t at = body.find("有效期", region.first); at != std::string_view::npos;
       at = body.find("有效期", at + 1)) {
    std::size_t i = at + std::string_view("有效期").size();
    for (std::string_view skip : {"限", "至", ":", " "})
      if (body.substr(i, skip.size()) == skip) i += skip.size();
    if (body.substr(i, 3) == "至") i += 3;
    Validity v;
    v.begin = static_cast<std::uint32_t>(at);
    v.year = parse_int(body, i, 4);
    if (v.year < 1990) continue;
    for (std::string_view sep : {"年", "-", ".", "/"})
      if (body.substr(i, sep.size()) == sep) {
        i += sep.size();
        break;
      }
    v.month = parse_int(body, i, 2);
    for (std::string_view sep : {"月", "-", ".", "/"})
      if (body.substr(i, sep.size()) == sep) {
        i += sep.size();
        break;
      }
    v.day = parse_int(body, i, 2);
    if (body.substr(i, 3) == "日") i += 3;
    if (v.month < 1 || v.month > 12) continue;
    if (v.day < 1 || v.day > 31) v.day = 0;
    v.end = static_cast<std::uint32_t>(i);
    out.validity.push_back(v);
  }
}

void read_items(std::string_view text, Range region, Reading& out) {
  std::vector<Range> taken;
  auto overlaps = [&](std::size_t b, std::size_t e) {
    return std::any_of(taken.begin(), taken.end(), [&](Range r) { return b < r.second && r.first < e; });
  };
  const std::string_view body = text.substr(0, region.second);
  for (const Term& term : kTerms) {
    for (std::size_t at = body.find(term.words, region.first); at != std::string_view::npos;
         at = body.find(term.words, at + term.words.size())) {
      const std::size_t end = at + term.words.size();
      if (overlaps(at, end)) continue;
      Item item{term.kind, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end), term.code, term.sectors};
      std::size_t taken_end = end;
      if (polarity(text, region, at, end) == Polarity::negative) {
        item.kind = ItemKind::excluded;
        item.sectors = 0;
      } else if (term.kind == ItemKind::b25 && term.words.ends_with("信息服务业务")) {
        // Its parenthesis says whether it is over the internet.
        if (auto paren = parenthesis_after(text, region, end)) {
          const std::string_view inside = text.substr(paren->first + 1, paren->second - paren->first - 1);
          const auto internet = inside.find("互联网信息服务");
          if (internet != std::string_view::npos && polarity(text, region, paren->first + 1 + internet,
                                                             paren->first + 1 + internet + 21) == Polarity::negative)
            item.kind = ItemKind::fixed_network;
          taken_end = paren->second;  // its parenthesis is read with it
        }
      }
      taken.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(taken_end)});
      out.items.push_back(item);
    }
  }
  // 含电子公告服务 (or the item itself) registers a bulletin board: category 3.
  for (std::size_t at = body.find("电子公告", region.first); at != std::string_view::npos;
       at = body.find("电子公告", at + 1))
    if (polarity(text, region, at, at + 12) == Polarity::positive) out.bulletin_board = true;
  out.sectors_excluded |= excluded_sectors(text, region);
  // What a 不含 / 不得 / 除 excludes, up to the end of its segment.
  for (std::string_view word : kNegative)
    for (std::size_t at = body.find(word, region.first); at != std::string_view::npos;
         at = body.find(word, at + word.size()))
      out.excluded.push_back({static_cast<std::uint32_t>(at), segment(text, region, at).second});
  for (std::size_t at = body.find("除外", region.first); at != std::string_view::npos; at = body.find("除外", at + 1))
    out.excluded.push_back({segment(text, region, at).first, static_cast<std::uint32_t>(at)});
  int depth = 0;
  for (std::size_t i = region.first; i < region.second; ++i) {
    if (is_open(text[i]) && depth++ == 0) out.parenthesized.push_back({static_cast<std::uint32_t>(i), region.second});
    if (is_close(text[i]) && depth > 0 && --depth == 0) out.parenthesized.back().second = static_cast<std::uint32_t>(i);
  }
  // An item of its own that sells online (not "（含网上销售）") registers
  // online trade: a shop of its own or on someone's platform.
  for (Range p : pieces_of(text, region)) {
    const std::string core = bare(text.substr(p.first, p.second - p.first));
    if (contains_any(core, kOnlineSales) && !contains_any(core, kDenied)) out.online_sales.push_back(p);
  }
  read_validity(text, region, out);
}

// Whether the text may hold a scope: two semicolons, a marker, the
// boilerplate or a scope-only activity. One pass over the bytes (this runs
// on every text; a search per word would cost a scan each).
bool worth_reading(std::string_view text) {
  static constexpr std::string_view kCues[] = {"经营范围",     "经营项目",   "一般项目", "许可项目",
                                               "依法须经批准", "批准的项目", "技术咨询", "技术服务",
                                               "进出口",       "批发",       "系统集成"};
  // The cues' first characters, as three-byte codes.
  static const auto kFirst = [] {
    std::array<std::uint32_t, std::size(kCues)> out{};
    for (std::size_t k = 0; k < std::size(kCues); ++k)
      out[k] = static_cast<std::uint32_t>(static_cast<unsigned char>(kCues[k][0])) << 16 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(kCues[k][1])) << 8 |
               static_cast<unsigned char>(kCues[k][2]);
    return out;
  }();
  // Bit b set when a cue's first character ends in a byte whose low six bits
  // are b: most characters have their bit clear and cost one look-up, not a
  // comparison with every cue.
  static const std::uint64_t kLastByteBits = [] {
    std::uint64_t bits = 0;
    for (std::string_view cue : kCues) bits |= std::uint64_t{1} << (static_cast<unsigned char>(cue[2]) & 0x3F);
    return bits;
  }();
  int semicolons = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ';' && ++semicolons >= 2) return true;
    if (c < 0xE4 || i + 3 > text.size()) continue;
    if (!((kLastByteBits >> (static_cast<unsigned char>(text[i + 2]) & 0x3F)) & 1)) {
      i += 2;  // the rest of this three-byte character, which starts no cue
      continue;
    }
    const std::uint32_t code = static_cast<std::uint32_t>(c) << 16 |
                               static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + 1])) << 8 |
                               static_cast<unsigned char>(text[i + 2]);
    for (std::size_t k = 0; k < kFirst.size(); ++k)
      if (kFirst[k] == code && text.substr(i).starts_with(kCues[k])) return true;
    i += 2;  // the rest of this three-byte character
  }
  return false;
}

}  // namespace

bool Reading::in_scope(std::uint32_t offset) const {
  return std::any_of(regions.begin(), regions.end(),
                     [&](const auto& r) { return offset >= r.first && offset < r.second; });
}

namespace {
bool in_any(const std::vector<Range>& ranges, std::uint32_t offset) {
  return std::any_of(ranges.begin(), ranges.end(), [&](Range r) { return offset >= r.first && offset < r.second; });
}
}  // namespace

bool Reading::in_online_sales(std::uint32_t offset) const {
  return in_any(online_sales, offset);
}
bool Reading::in_excluded(std::uint32_t offset) const {
  return in_any(excluded, offset);
}
bool Reading::in_parentheses(std::uint32_t offset) const {
  return in_any(parenthesized, offset);
}

bool Reading::has(ItemKind kind) const {
  return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.kind == kind; });
}

Reading read(std::string_view text) {
  Reading out;
  if (!worth_reading(text)) return out;
  const auto all = sentences(text);
  std::vector<char> scope(all.size(), 0);
  for (std::size_t i = 0; i < all.size(); ++i) scope[i] = strong_scope(all[i]) ? 2 : 0;
  // Sentences next to a scope sentence continue it when they read like items.
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (scope[i]) continue;
      const bool next_to = (i > 0 && scope[i - 1]) || (i + 1 < all.size() && scope[i + 1]);
      if (next_to && weak_scope(all[i])) scope[i] = 1;
    }
  bool first = true;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!scope[i]) continue;
    Range r = all[i].range;
    // "企业类型：…。经营范围：…" starts at the marker, and ends where prose resumes.
    if (all[i].marker) r.first = all[i].marker_begin;
    if (all[i].prose_after_marker) r.second = all[i].prose_after_marker;
    if (first) {
      out.marker_begin = all[i].marker ? all[i].marker_begin : r.first;
      out.marker_end = all[i].marker ? all[i].marker_end : all[i].first_item.second;
      first = false;
    }
    if (!out.regions.empty() && out.regions.back().second + 3 >= r.first)
      out.regions.back().second = r.second;
    else
      out.regions.push_back(r);
  }
  out.found = !out.regions.empty();
  for (const auto& r : out.regions) read_items(text, r, out);
  std::sort(out.items.begin(), out.items.end(), [](const Item& a, const Item& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace icp::scope
