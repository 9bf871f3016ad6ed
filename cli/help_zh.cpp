#include "help_zh.hpp"

#include <sstream>

#include "icp/facts.hpp"

namespace icp::cli {

std::string help_examples_zh() {
  return "示例：\n"
         "  icp-classify \"我们做一个装修论坛，用户发帖，靠广告盈利\"      判断一段描述\n"
         "  icp-classify -s \"……\"                                          只要可转发给客户的几行摘要\n"
         "  icp-classify --fact 注册资本=500万 --fact 社保人数=3 \"……\"      带上公司情况，看能否申请\n"
         "  icp-classify --ask --save-facts 答复.json \"……\"                逐题询问缺少的信息并保存答复\n"
         "  icp-classify batch 客户名单.csv -o 结果.csv --excel               批量判断表格中的每一行\n"
         "  icp-classify batch 客户名单.xlsx -o 结果.xlsx                     Excel 表格进，Excel 表格出（含说明页）\n"
         "  icp-classify --as-of 2019-06-01 \"……\"                          按2019年6月1日有效的规则判断\n"
         "  cat 微信消息.txt | icp-classify -                               从标准输入读取描述\n";
}

std::string help_examples_en() {
  return "Examples:\n"
         "  icp-classify \"我们做一个装修论坛，用户发帖，靠广告盈利\"      classify one description\n"
         "  icp-classify -s --lang en \"...\"                                 a few lines to forward to the client\n"
         "  icp-classify --fact registered_capital=500万 \"...\"              with company facts: can it apply?\n"
         "  icp-classify --ask --save-facts answers.json \"...\"             ask the missing facts, keep the answers\n"
         "  icp-classify batch clients.csv -o result.csv --excel           every row of a spreadsheet export\n"
         "  icp-classify batch clients.xlsx -o result.xlsx                 an Excel workbook in, one out\n"
         "  icp-classify --as-of 2019-06-01 \"...\"                          the rules in force on 1 June 2019\n"
         "  cat message.txt | icp-classify -                               the description on standard input\n";
}

std::string help_zh(bool full) {
  std::ostringstream out;
  out << "icp-classify —— 判断一家企业需要ICP经营许可证、只需ICP备案，还是两者都不需要\n"
         "\n"
         "用法：\n"
         "  icp-classify [选项] \"描述\"             判断一段描述（通常是中文）\n"
         "  icp-classify [选项] -                  从标准输入读取描述（也可用 < 文件）\n"
         "  icp-classify batch 输入.csv [-o 输出]   批量判断 CSV/TSV 或 Excel（.xlsx）文件的每一行\n"
         "  icp-classify eval 案例.tsv             用标注好的案例表评估准确率\n"
         "  icp-classify rules [--as-of 日期]      列出规则表：每条规则的步骤、依据、引用条文、有效日期和理由\n"
         "\n"
         "常用选项：\n"
         "  -s, --summary          "
         "只输出五到八行摘要：结论和理由、须先取得的许可、能否申请、需准备的材料、要问客户的问题\n"
         "  --ask                  逐题询问缺少的信息（上一题 / ? 帮助 / 跳过 / 结束），每答一题重新判断\n"
         "  --save-facts 文件      与 --ask 同用：把答复保存为 JSON，下次用 --facts 读回（按 Ctrl-C 中断时也会保存）\n"
         "  --fact 名称=值         公司情况，可重复，如 注册资本=500万、向用户收费=否、注册地=浙江\n"
         "  --facts 文件           从 JSON 文件读取公司情况\n"
         "  --lang zh|en           报告语言（默认中文；也接受 zh-CN、en_US 等写法）\n"
         "  --format text|json     文字报告或 JSON（批量：csv|jsonl|xlsx）\n"
         "  -v, --verbose          报告中同时显示规则编号、处理步骤和依据类别\n"
         "  --as-of 日期           按某日有效的规则判断（YYYY-MM-DD，默认今天），如客户2019年上线时适用什么\n"
         "  --text 描述            把参数原样当作描述（即使它像文件名或命令，如 batch、-）\n"
         "  -V, --version          版本和词库指纹\n"
         "  -h                     简短帮助；--help 完整帮助\n";
  if (full) {
    out << "\n"
           "词库选项：\n"
           "  --lexicon 目录         用另一套词库（signals.tsv 和 phrases/*.tsv）替换内置词库\n"
           "  --user-lexicon 文件    在词库之上加入自己的短语文件（可重复）\n"
           "\n"
           "批量选项（icp-classify batch 输入 …）：\n"
           "  -o, --output 文件      输出位置（默认 -：标准输出）；先写临时文件，完成后再替换，绝不留下半个文件\n"
           "  -c, --column 列名|序号 描述所在的列（可重复，多列拼接）；默认找 简介/描述/经营范围/description 等列\n"
           "  --no-header            第一行就是数据，没有表头\n"
           "  -d, --delimiter 字符   分隔符：, ; | 或 tab（.tsv 文件默认 tab）\n"
           "  --input-format csv|xlsx  输入格式（默认按扩展名；.xlsx 为 Excel 工作簿）\n"
           "  --sheet 名称|序号      Excel 工作簿中要读的工作表（默认第一个）\n"
           "  --encoding auto|utf-8|gb18030   输入编码（默认自动识别；Excel 中文版常存为 GBK/GB18030）\n"
           "  --excel                输出开头加 UTF-8 BOM，Excel 直接打开不乱码\n"
           "  -j, --jobs N           线程数（默认：CPU 核数）\n"
           "  -q, --quiet            不显示进度和汇总\n"
           "  --force                覆盖只读的输出文件\n"
           "  输出列：原有各列不变，其后是 icp_decision（需要许可证/仅需备案/均不需要）、icp_categories、\n"
           "  icp_news_permit、icp_preapprovals、icp_foreign_investment、icp_confidence、icp_reason、icp_ready、\n"
           "  icp_unmet、icp_summary、icp_questions、icp_error；--lang en 时为英文代码，便于程序处理。\n"
           "\n"
           "公司情况（--fact 名称=值；中文名称或英文名称均可）：\n";
    for (const auto& f : icp::fact_catalogue()) {
      out << "  " << (f.aliases.empty() ? f.name : f.aliases.front()) << "（" << f.name << "）：" << f.forms_zh << '\n';
    }
    out << "\n"
           "退出状态：\n"
           "  0    已给出结论\n"
           "  1    批量：部分行有错误（见 icp_error 列）\n"
           "  2    用法错误、描述为空或超过 1 MiB、公司情况无法识别、词库或输入文件无法读取\n"
           "  3    内部错误（程序缺陷，请报告）\n"
           "  4    输出无法写入（磁盘已满、管道关闭、无权限等）\n"
           "  130  被中断（Ctrl-C 等）：批量的输出文件保持原样；--ask 已保存的答复见 --save-facts\n";
  }
  out << '\n' << help_examples_zh();
  if (!full) out << "\n完整帮助（全部选项、公司情况、退出状态）：icp-classify --help\n";
  return out.str();
}

}  // namespace icp::cli
