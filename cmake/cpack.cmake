# `cpack -G DEB` (in the build directory): one Debian package with the tools, man pages, shell
# completions, the libraries, headers and the CMake and pkg-config files; its dependencies come
# from dpkg-shlibdeps (package dpkg-dev) scanning the executables and shared libraries.
set(CPACK_PACKAGE_NAME syncml-dm-tools)
set(CPACK_PACKAGE_VENDOR "syncml-dm-tools contributors")
set(CPACK_PACKAGE_CONTACT "syncml-dm-tools contributors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "OMA DM 1.2 / SyncML (Windows MDM) command-line tools and library")
set(CPACK_PACKAGE_DESCRIPTION
    "syncml-encode and syncml-decode (XML <-> WBXML), dm-validate, dm-tree and dm-send, with the library libsyncmldm they are built on.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)  # debug information stays in the build tree
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)  # the shared libraries, when built so, for the tools' scan
# A static libsyncmldm makes its consumers link OpenSSL and libcurl themselves.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libssl-dev, libcurl4-openssl-dev, pkg-config")
set(CPACK_GENERATOR DEB)
include(CPack)
