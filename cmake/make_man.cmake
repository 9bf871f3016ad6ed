# Writes a man page from the command's own help (cmake -P): run at build time
# so that the page never lags behind the options.
#   cmake -DBIN=icp-classify -DHELP_LANG=en|zh -DOUT=icp-classify.1 -P make_man.cmake
execute_process(COMMAND ${BIN} --help --lang ${HELP_LANG} OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${BIN} --help failed (${status})")
endif()
execute_process(COMMAND ${BIN} --version OUTPUT_VARIABLE version)
string(REGEX REPLACE "\n.*" "" version "${version}")
# roff: a backslash is \e; a line starting with . or ' needs \& before it.
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
if(HELP_LANG STREQUAL "zh")
  set(name "icp-classify \\- 判断企业需要ICP经营许可证、只需ICP备案，还是两者都不需要")
  set(section_name "名称")
  set(section_help "说明")
else()
  set(name "icp-classify \\- does a business need a Chinese ICP licence, an ICP filing, or neither?")
  set(section_name "NAME")
  set(section_help "DESCRIPTION")
endif()
file(WRITE ${OUT} ".TH ICP-CLASSIFY 1 \"\" \"${version}\" \"User Commands\"\n"
                  ".SH ${section_name}\n${name}\n"
                  ".SH ${section_help}\n.nf\n${help}.fi\n")
