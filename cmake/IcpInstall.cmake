# Install rules (ICP_INSTALL): headers, both libraries, the lexicon data, the
# CMake package and the pkg-config file. Included from classifier/.
#
#   include/icp/*.h, *.hpp                      public headers (C++ API, C API icp.h)
#   lib/libicp_classifier.a, .so*               static and shared library
#   lib/cmake/icp_classifier/                   find_package(icp_classifier CONFIG)
#   lib/pkgconfig/icp_classifier.pc             pkg-config
#   share/icp_classifier/lexicon/               data/lexicon, for Options::lexicon_dir
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ICP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/icp_classifier)
set(ICP_LEXICON_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/icp_classifier/lexicon)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/classifier/include/icp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/lexicon/ DESTINATION ${ICP_LEXICON_INSTALL_DIR})

foreach(kind IN ITEMS static shared)
  if(kind STREQUAL "static")
    set(target icp_classifier)
  else()
    set(target icp_classifier_shared)
  endif()
  if(NOT TARGET ${target})
    continue()
  endif()
  target_include_directories(${target} INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  install(TARGETS ${target} EXPORT icp_classifier_${kind}
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(EXPORT icp_classifier_${kind} NAMESPACE icp:: DESTINATION ${ICP_CMAKE_DIR}
          FILE icp_classifier-${kind}-targets.cmake)
endforeach()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/icp_classifierConfig.cmake.in
  ${PROJECT_BINARY_DIR}/icp_classifierConfig.cmake
  INSTALL_DESTINATION ${ICP_CMAKE_DIR}
  PATH_VARS ICP_LEXICON_INSTALL_DIR)
# 0.x: a minor release may break the API, so only the same minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/icp_classifierConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/icp_classifierConfig.cmake
              ${PROJECT_BINARY_DIR}/icp_classifierConfigVersion.cmake
        DESTINATION ${ICP_CMAKE_DIR})

# pkg-config: relative to the .pc file, so that `cmake --install --prefix`
# anywhere gives a working file.
file(RELATIVE_PATH ICP_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(ICP_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  set(ICP_PC_PREFIX "\${pcfiledir}/${ICP_PC_TO_PREFIX}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/icp_classifier.pc.in ${PROJECT_BINARY_DIR}/icp_classifier.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/icp_classifier.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
