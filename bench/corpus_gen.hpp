// A deterministic generator of realistic business descriptions (app-store and
// company-profile style, 100–350 Chinese characters), composed from phrase
// fragments. Used by the corpus generator, the benchmark, and the test that
// proves windowed segmentation gives the same answers as whole clauses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace icp::bench {

class CorpusGenerator {
 public:
  explicit CorpusGenerator(std::uint64_t seed = 20240601) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}

  // One description of 100–350 characters (about 300–1050 bytes of UTF-8).
  std::string next() {
    const std::size_t target = 100 + below(251);
    std::string out = pick(kOpenings);
    std::size_t chars = count_chars(out);
    while (chars < target) {
      const std::size_t kind = below(10);
      const auto& pool = kind < 4 ? kFeatures : kind < 6 ? kMoney : kind < 8 ? kCompany : kMisc;
      std::string piece = pick(pool);
      out += piece;
      out += below(4) == 0 ? "。" : "，";
      chars += count_chars(piece) + 1;
    }
    out += pick(kClosings);
    return out;
  }

 private:
  std::uint64_t state_;
  std::uint64_t bits() {  // xorshift64*: the same sequence on every platform
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 2685821657736338717ull;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(bits() % n); }
  const char* pick(const std::vector<const char*>& v) { return v[below(v.size())]; }
  static std::size_t count_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  inline static const std::vector<const char*> kOpenings = {"这是一款专为年轻人打造的社交软件，",
                                                            "本公司成立于二零一五年，专注于企业数字化服务，",
                                                            "我们是一家做跨境电商的小团队，",
                                                            "一款好用的手机清理工具，",
                                                            "XX健身是国内领先的在线健身平台，",
                                                            "本网站是公司官网，主要介绍公司产品和服务，",
                                                            "这款APP是面向中小学生的学习辅导工具，",
                                                            "我们在淘宝和京东开了旗舰店，",
                                                            "一个分享摄影技巧的个人博客，",
                                                            "专业的二手车交易信息平台，",
                                                            "本小程序为连锁餐饮门店提供在线点餐服务，",
                                                            "某某科技有限公司是一家外商独资企业，",
                                                            "专注本地生活服务的综合平台，",
                                                            "这是一款免费的天气预报软件，",
                                                            "面向医生和患者的在线问诊平台，"};
  inline static const std::vector<const char*> kFeatures = {"用户可以在平台上发布动态、评论和点赞",
                                                            "支持好友之间实时聊天和语音通话",
                                                            "提供海量正版音乐在线试听和下载",
                                                            "用户可以上传自己拍摄的短视频并分享给好友",
                                                            "内置智能搜索功能，快速找到附近的商家",
                                                            "提供天气、日历和闹钟等实用工具",
                                                            "可以一键清理手机垃圾，拦截骚扰电话和垃圾短信",
                                                            "平台汇集了上万名专业讲师的精品课程",
                                                            "用户可以在论坛里交流心得、互相答疑",
                                                            "支持在线预约挂号和查看检查报告",
                                                            "每日推送热点新闻资讯和深度报道",
                                                            "商家可以入驻平台发布招聘和租房信息",
                                                            "提供地图导航和实时路况查询",
                                                            "支持直播连麦，主播可以和粉丝互动",
                                                            "只展示公司简介、联系方式和产品图片",
                                                            "用户注册后可以收藏喜欢的文章",
                                                            "提供文档在线预览和下载服务",
                                                            "可以查看附近的加油站和停车场",
                                                            "支持扫码点餐和外卖配送",
                                                            "提供电子书在线阅读，章节持续更新"};
  inline static const std::vector<const char*> kMoney = {
      "平台主要靠广告盈利",       "部分高级功能需要开通VIP会员", "所有内容完全免费，没有任何广告",
      "用户购买课程需要在线支付", "向入驻商家收取年费和佣金",    "主播收到的虚拟礼物可以提现",
      "我们不向用户收取任何费用", "以后计划推出付费会员服务",    "通过微信支付和支付宝完成付款",
      "会员可以享受专属折扣",     "网站不接广告，也不收费",      "付费用户可以下载高清无水印版本"};
  inline static const std::vector<const char*> kCompany = {"公司总部位于上海，在北京和深圳设有分公司",
                                                           "团队成员来自知名互联网企业",
                                                           "已获得多轮风险投资",
                                                           "注册资本五百万元",
                                                           "累计服务超过一千万用户",
                                                           "与多家医院和药企建立了合作关系",
                                                           "产品已在各大应用商店上线",
                                                           "公司致力于为客户提供优质的服务",
                                                           "由高校老师和志愿者共同维护",
                                                           "我们有一支经验丰富的运营团队"};
  inline static const std::vector<const char*> kMisc = {
      "界面简洁，操作方便", "欢迎下载体验",       "如有问题请联系客服",   "我们会持续优化产品体验",
      "数据安全有保障",     "支持安卓和苹果手机", "适合上班族和学生使用", "随时随地，想用就用"};
  inline static const std::vector<const char*> kClosings = {
      "欢迎大家使用！", "期待您的加入。", "详情请访问我们的官方网站。", "感谢您的支持。", "快来试试吧！"};
};

}  // namespace icp::bench
