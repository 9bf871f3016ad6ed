// The form of a text copied from the company's own web page: a page title
// made of search keywords ("荆门电脑维修,荆门上门维修,荆门修电脑,…", "深圳搬家_深圳
// 搬家公司_…") or an about-us heading ("关于佛山某某材料有限公司 …"). Such a text
// is the site speaking about itself, so the company has a site even when the
// text never says 网站 (domain.md: about-us text is decided like a blurb).
#pragma once

#include <cstdint>
#include <string_view>

namespace icp::page {

enum class Form : std::uint8_t { none, keyword_title, about_heading };

struct PageForm {
  Form form = Form::none;
  std::uint32_t begin = 0, end = 0;  // the title or heading, in normalised bytes
};

// Reads the start of a normalised text (its first line, at most a few
// hundred bytes); a scope or a sentence is not a title.
PageForm read_page_form(std::string_view normalized);

}  // namespace icp::page
