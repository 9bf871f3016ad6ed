#include "facts/provinces.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "facts/ascii.hpp"

namespace icp::facts {
namespace {

struct Place {
  std::string_view name;  // as written (Chinese or lower-case pinyin)
  std::string_view province;
};

// Province-level divisions, then capitals and the cities where cloud
// regions and data centres are (阿里云杭州, 腾讯云广州, 张家口, 乌兰察布).
constexpr Place kPlaces[] = {
    {"北京", "北京"},
    {"天津", "天津"},
    {"上海", "上海"},
    {"重庆", "重庆"},
    {"河北", "河北"},
    {"山西", "山西"},
    {"内蒙古", "内蒙古"},
    {"辽宁", "辽宁"},
    {"吉林", "吉林"},
    {"黑龙江", "黑龙江"},
    {"江苏", "江苏"},
    {"浙江", "浙江"},
    {"安徽", "安徽"},
    {"福建", "福建"},
    {"江西", "江西"},
    {"山东", "山东"},
    {"河南", "河南"},
    {"湖北", "湖北"},
    {"湖南", "湖南"},
    {"广东", "广东"},
    {"广西", "广西"},
    {"海南", "海南"},
    {"四川", "四川"},
    {"贵州", "贵州"},
    {"云南", "云南"},
    {"西藏", "西藏"},
    {"陕西", "陕西"},
    {"甘肃", "甘肃"},
    {"青海", "青海"},
    {"宁夏", "宁夏"},
    {"新疆", "新疆"},
    {"香港", "香港"},
    {"澳门", "澳门"},
    {"台湾", "台湾"},
    {"beijing", "北京"},
    {"tianjin", "天津"},
    {"shanghai", "上海"},
    {"chongqing", "重庆"},
    {"hebei", "河北"},
    {"shanxi", "山西"},
    {"inner mongolia", "内蒙古"},
    {"liaoning", "辽宁"},
    {"jilin", "吉林"},
    {"heilongjiang", "黑龙江"},
    {"jiangsu", "江苏"},
    {"zhejiang", "浙江"},
    {"anhui", "安徽"},
    {"fujian", "福建"},
    {"jiangxi", "江西"},
    {"shandong", "山东"},
    {"henan", "河南"},
    {"hubei", "湖北"},
    {"hunan", "湖南"},
    {"guangdong", "广东"},
    {"guangxi", "广西"},
    {"hainan", "海南"},
    {"sichuan", "四川"},
    {"guizhou", "贵州"},
    {"yunnan", "云南"},
    {"tibet", "西藏"},
    {"shaanxi", "陕西"},
    {"gansu", "甘肃"},
    {"qinghai", "青海"},
    {"ningxia", "宁夏"},
    {"xinjiang", "新疆"},
    {"hong kong", "香港"},
    {"macau", "澳门"},
    {"taiwan", "台湾"},
    {"石家庄", "河北"},
    {"张家口", "河北"},
    {"廊坊", "河北"},
    {"太原", "山西"},
    {"呼和浩特", "内蒙古"},
    {"乌兰察布", "内蒙古"},
    {"沈阳", "辽宁"},
    {"大连", "辽宁"},
    {"长春", "吉林"},
    {"哈尔滨", "黑龙江"},
    {"南京", "江苏"},
    {"苏州", "江苏"},
    {"无锡", "江苏"},
    {"杭州", "浙江"},
    {"宁波", "浙江"},
    {"温州", "浙江"},
    {"合肥", "安徽"},
    {"福州", "福建"},
    {"厦门", "福建"},
    {"南昌", "江西"},
    {"济南", "山东"},
    {"青岛", "山东"},
    {"郑州", "河南"},
    {"南阳", "河南"},
    {"武汉", "湖北"},
    {"长沙", "湖南"},
    {"广州", "广东"},
    {"深圳", "广东"},
    {"东莞", "广东"},
    {"佛山", "广东"},
    {"南宁", "广西"},
    {"海口", "海南"},
    {"成都", "四川"},
    {"贵阳", "贵州"},
    {"贵安", "贵州"},
    {"昆明", "云南"},
    {"拉萨", "西藏"},
    {"西安", "陕西"},
    {"兰州", "甘肃"},
    {"西宁", "青海"},
    {"银川", "宁夏"},
    {"中卫", "宁夏"},
    {"乌鲁木齐", "新疆"},
    {"hangzhou", "浙江"},
    {"shenzhen", "广东"},
    {"guangzhou", "广东"},
    {"chengdu", "四川"},
    {"qingdao", "山东"},
    {"zhangjiakou", "河北"},
};

std::string_view strip_suffixes(std::string_view s) {
  for (std::string_view suffix :
       {"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", " province", " city"})
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix)
      return s.substr(0, s.size() - suffix.size());
  return s;
}

}  // namespace

std::optional<std::string_view> province_of(std::string_view name) {
  const std::string key = lower_ascii(name);
  std::string_view trimmed = strip_suffixes(key);
  for (const auto& p : kPlaces)
    if (p.name == trimmed) return p.province;
  // A longer phrase naming one: "阿里云杭州", "华东（杭州）".
  if (auto m = find_place(key)) return m->province;
  return std::nullopt;
}

std::optional<PlaceMention> find_place(std::string_view text) {
  std::optional<PlaceMention> best;
  for (const auto& p : kPlaces) {
    auto at = text.find(p.name);
    if (at == std::string_view::npos) continue;
    if (!best || at < best->begin || (at == best->begin && at + p.name.size() > best->end))
      best = PlaceMention{p.province, at, at + p.name.size()};
  }
  return best;
}

std::optional<std::vector<std::string>> parse_sectors(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"news", "news"},
      {"新闻", "news"},
      {"publishing", "publishing"},
      {"出版", "publishing"},
      {"education", "education"},
      {"教育", "education"},
      {"medical", "medical"},
      {"医疗", "medical"},
      {"医疗保健", "medical"},
      {"drugs", "drugs"},
      {"药品", "drugs"},
      {"medical_devices", "medical_devices"},
      {"医疗器械", "medical_devices"},
      {"器械", "medical_devices"},
  };
  const std::string lowered = lower_ascii(text);
  std::vector<std::string> out;
  std::string_view rest = lowered;
  for (std::string_view none : {"无", "none", "没有", "否", "不涉及", "no"})
    if (rest == none) return out;
  while (!rest.empty()) {
    std::size_t cut = rest.size();
    for (std::string_view sep : {",", ";", "，", "、", "；", " ", "/"})
      cut = std::min(cut, rest.find(sep) == std::string_view::npos ? rest.size() : rest.find(sep));
    std::string_view word = rest.substr(0, cut);
    rest.remove_prefix(cut);
    for (std::string_view sep : {",", ";", "，", "、", "；", " ", "/"})
      if (rest.substr(0, sep.size()) == sep) {
        rest.remove_prefix(sep.size());
        break;
      }
    if (word.empty()) continue;
    auto it = std::find_if(std::begin(kWords), std::end(kWords), [&](const auto& w) { return w.first == word; });
    if (it == std::end(kWords)) return std::nullopt;
    if (std::find(out.begin(), out.end(), it->second) == out.end()) out.emplace_back(it->second);
  }
  static constexpr std::string_view kOrder[] = {"news",    "publishing", "education",
                                                "medical", "drugs",      "medical_devices"};
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return std::find(std::begin(kOrder), std::end(kOrder), a) < std::find(std::begin(kOrder), std::end(kOrder), b);
  });
  return out;
}

}  // namespace icp::facts
