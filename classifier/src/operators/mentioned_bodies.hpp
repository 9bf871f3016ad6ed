// A public body or charity that the text only mentions is not the operator
// (domain.md step 3: the non-profit ground is about who runs the service).
// "受证监会和新西兰金融市场管理局监管", "响应教育部诵读工程", "与市图书馆合作",
// "为各地政府提供系统" name a regulator, a campaign, a partner or a client; "由市
// 图书馆主办", "区政府官方网站" name the operator. Treating a mention as the
// operator turns a licence into a filing: the costliest error.
#pragma once

#include <string_view>
#include <vector>

#include "signals/extract.hpp"

namespace icp::operators {

// The hits without the operator_public / operator_nonprofit hits that sit in
// a mention (after 受/经/响应/根据/与/为…, before 监管/批准/认证/合作…), and
// without the bodies named anywhere but the operator's place: a body runs
// the service only where a word says so (主办, 推出, 运营, 官方, "教育局App",
// 由…, 本…, a title opening the text). "事业单位考试题库", "聚焦公立医院体检",
// "招聘国企、事业单位岗位" are what the content is about.
std::vector<signals::Hit> without_mentioned_bodies(std::vector<signals::Hit> hits, std::string_view text);

}  // namespace icp::operators
