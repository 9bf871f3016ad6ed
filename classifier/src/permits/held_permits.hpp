// Licences and filings the text says the business holds, read from their
// numbers as a site's footer or an about-us page writes them (domain.md, "A
// site's own footer or homepage line"): 京ICP证030173号, 粤B2-20090059,
// 京ICP备12345678号-1, 沪网文【2019】3804-274号, (京)-经营性-2017-0012, or a
// named certificate followed by its number (信息网络传播视听节目许可证：1109364).
// A certificate named without a number ("我们还没有ICP证", "需要办理网络文化经营
// 许可证") is not held; 京公网安备…号 is a police filing, not an ICP filing,
// and is not read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace icp::permits {

enum class Kind : std::uint8_t {
  icp_licence,            // 京ICP证030173号
  telecom_licence,        // 粤B2-20090059, B1-/A2- numbers, 增值电信业务经营许可证 + number
  icp_filing,             // 京ICP备12345678号(-1)
  drug_info_certificate,  // 互联网药品信息服务资格证书, (京)-经营性-2017-0012
  culture_licence,        // 网络文化经营许可证, 沪网文【2019】3804-274号
  audiovisual_licence,    // 信息网络传播视听节目许可证 + number
  news_licence,           // 互联网新闻信息服务许可证 + number
};

// "icp_licence", "telecom_licence", … (static text).
std::string_view name(Kind kind);
// The evidence signal of a held permit: "held_icp_licence", … (static text).
std::string_view evidence_signal(Kind kind);

struct Held {
  Kind kind = Kind::icp_filing;
  std::size_t begin = 0;  // normalised byte range of the evidence: the name (if written) and the number
  std::size_t end = 0;
  std::size_t number_begin = 0;  // normalised byte range of the number alone
  std::size_t number_end = 0;
  std::optional<bool> commercial;  // drug certificate: 经营性 true, 非经营性 false
  bool b2 = true;                  // telecom licence: false for a B1- or A2- number (not B25)
};

// Every permit held in a normalised text (text::NormalizedText::text), in text
// order, not overlapping. Cheap when there is none: a few memchr
// scans for the anchors ("icp", "-", "证", "网文") before anything else.
std::vector<Held> read_held_permits(std::string_view text);

}  // namespace icp::permits
