// The business-scope reader: a 经营范围 copied from a business licence is a
// list of registered activities, not a description of a service, so it is
// read item by item (domain.md, "The texts agencies receive"). It finds the
// scope in the normalised text — after a marker (经营范围, 一般项目, 许可项目)
// or as a run of short activity items — and classifies each item with its
// parentheses: a B25 item, another value-added telecom item, an exclusion,
// a narrowing of sectors, a validity date.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace icp::scope {

enum class ItemKind {
  b25,            // 信息服务业务（仅限互联网信息服务）, 互联网信息服务: the B25 licence
  telecom,        // 第二类增值电信业务, 增值电信业务 …: a telecom licence, most likely B25
  other_telecom,  // B11, B12, B14, B21, call centres …: other licences, a note
  fixed_network,  // 信息服务业务（不含互联网信息服务）: information services, not over the internet
  excluded,       // 不得从事增值电信业务, 以上不含电信增值业务: says the company does not do it
};

// Sectors of Measures art. 5 an item names as internet information services
// (药品互联网信息服务) or that a parenthesis excludes (不含新闻、出版…).
enum Sector : unsigned { news = 1, publishing = 2, education = 4, medical = 8, drugs = 16, medical_devices = 32 };

struct Item {
  ItemKind kind;
  std::uint32_t begin;  // the deciding words, normalised byte offsets
  std::uint32_t end;
  std::string_view code;  // catalogue code: "B25", "B11", …; "" when the item does not say
  unsigned sectors = 0;   // Sector bits the item names (internet drug information …)
};

struct Validity {
  std::uint32_t begin = 0, end = 0;  // "有效期至2016年10月8日"
  int year = 0, month = 0, day = 0;
};

struct Reading {
  bool found = false;
  // The parts of the text that are scope, normalised byte offsets, in order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> regions;
  std::uint32_t marker_begin = 0, marker_end = 0;  // 经营范围 / 一般项目 …, or the first item
  std::vector<Item> items;                         // only the telecom and internet items
  unsigned sectors_excluded = 0;                   // Sector bits of （不含新闻、出版、教育…）
  bool bulletin_board = false;                     // （含电子公告服务）: category 3
  std::vector<Validity> validity;
  // Items of their own that sell online (互联网销售): online trade, at least.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> online_sales;
  // What 不含 / 不得从事 / …除外 exclude, and the parentheses of the items.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> excluded;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> parenthesized;

  bool in_scope(std::uint32_t offset) const;
  bool in_online_sales(std::uint32_t offset) const;
  bool in_excluded(std::uint32_t offset) const;
  bool in_parentheses(std::uint32_t offset) const;
  bool has(ItemKind kind) const;
};

// `text`: normalised (NFKC: ；（）：， are ASCII). Cheap when the text is no scope.
Reading read(std::string_view text);

}  // namespace icp::scope
