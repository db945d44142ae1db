# The library as another project finds it after `cmake --install`: headers, libsyncmldm and
# libsyncmldm_net, a CMake package (find_package(syncmldm) gives syncmldm::syncmldm and
# syncmldm::net) and pkg-config files (syncmldm, syncmldm-net). Included by lib/CMakeLists.txt.
include(CMakePackageConfigHelpers)
set(SYNCMLDM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/syncmldm)
set(SYNCMLDM_PKGCONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(TARGETS syncmldm syncmldm_net EXPORT syncmldmTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# A stripped install (`cmake --install --strip`, cpack) strips the archives' debug information
# too, which CMake does for executables and shared libraries only: it is most of their size.
if(NOT BUILD_SHARED_LIBS AND CMAKE_STRIP)
  foreach(target syncmldm syncmldm_net)
    install(CODE "if(CMAKE_INSTALL_DO_STRIP)
  execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
                  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:${target}>\")
endif()")
  endforeach()
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/syncmldm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/lib/include/syncmldm/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/syncmldm)
install(EXPORT syncmldmTargets NAMESPACE syncmldm:: DESTINATION ${SYNCMLDM_CMAKE_DIR})

# What a consumer must link besides the libraries: nothing for shared libraries (they name their
# own dependencies); for static ones libcrypto, libssl, libcurl and libfmt.
set(SYNCMLDM_FIND_DEPENDENCIES "")
set(SYNCMLDM_PC_CORE_DEPS "libcrypto")
set(SYNCMLDM_PC_NET_DEPS "syncmldm libcurl libssl")
if(NOT BUILD_SHARED_LIBS)
  string(APPEND SYNCMLDM_FIND_DEPENDENCIES "find_dependency(OpenSSL)\nfind_dependency(CURL)\nfind_dependency(fmt)\n")
  string(APPEND SYNCMLDM_PC_CORE_DEPS " fmt")
  # pkg-config links Requires.private only with --static: a static library needs them always.
  set(SYNCMLDM_PC_CORE_REQUIRES "Requires: ${SYNCMLDM_PC_CORE_DEPS}")
  set(SYNCMLDM_PC_NET_REQUIRES "Requires: ${SYNCMLDM_PC_NET_DEPS}")
else()
  set(SYNCMLDM_PC_CORE_REQUIRES "Requires.private: ${SYNCMLDM_PC_CORE_DEPS}")
  set(SYNCMLDM_PC_NET_REQUIRES "Requires: syncmldm\nRequires.private: libcurl libssl")
endif()

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/syncmldmConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/syncmldmConfig.cmake INSTALL_DESTINATION ${SYNCMLDM_CMAKE_DIR})
# Before 1.0 a minor version may break the API: only the same major.minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/syncmldmConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/syncmldmConfig.cmake
              ${PROJECT_BINARY_DIR}/package/syncmldmConfigVersion.cmake
        DESTINATION ${SYNCMLDM_CMAKE_DIR})

# The .pc files find the prefix from their own place, so an installed tree can move (and
# `cmake --install --prefix` works) unless the library directory was given as an absolute path.
if(IS_ABSOLUTE ${CMAKE_INSTALL_LIBDIR})
  set(SYNCMLDM_PC_PREFIX ${CMAKE_INSTALL_PREFIX})
  set(SYNCMLDM_PC_LIBDIR ${CMAKE_INSTALL_LIBDIR})
else()
  file(RELATIVE_PATH up /root/${SYNCMLDM_PKGCONFIG_DIR} /root)
  string(REGEX REPLACE "/$" "" up "${up}")
  set(SYNCMLDM_PC_PREFIX "\${pcfiledir}/${up}")
  set(SYNCMLDM_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE ${CMAKE_INSTALL_INCLUDEDIR})
  set(SYNCMLDM_PC_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR})
else()
  set(SYNCMLDM_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
foreach(pc syncmldm syncmldm-net)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/${pc}.pc.in ${PROJECT_BINARY_DIR}/package/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/package/${pc}.pc DESTINATION ${SYNCMLDM_PKGCONFIG_DIR})
endforeach()
