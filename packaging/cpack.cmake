# The Debian package (`cpack -G DEB`). Dependencies on libraries come from
# dpkg-shlibdeps; the data packages read at run time (WordNet, the given-name
# list of miscfiles, the ISO 3166 tables of iso-codes) are listed by hand
# because no tool can see them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cartograph)
set(CPACK_PACKAGE_VENDOR "Cartograph developers")
set(CPACK_PACKAGE_CONTACT "Cartograph developers <cartograph@example.invalid>")
set(CPACK_PACKAGE_HOMEPAGE_URL https://github.com/cartograph/cartograph)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "concept maps from folders of documents")
# The extended description; CPack indents it and turns blank lines into " .".
# No apostrophes: CPack 3.25 writes them into the control file as "&apos;".
set(CPACK_PACKAGE_DESCRIPTION_FILE ${CMAKE_CURRENT_LIST_DIR}/description.txt)
# Unstripped, the two binaries make a 46 MB package; the debug information
# stays in the build folder.
set(CPACK_STRIP_FILES ON)
set(CPACK_CARTO_STRIP "${CMAKE_STRIP}")
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/strip-notes.cmake)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "wordnet-base, miscfiles, iso-codes")
# The SVG icon engine is a plugin nothing links against, so shlibdeps cannot
# see it. Debian 12 ships it in libqt6svg6; from Debian 13 it has its own
# package, which the window icon and the toolbar's SVG icons need.
execute_process(COMMAND dpkg-query -W -f=\${Package} qt6-svg-plugins
                OUTPUT_VARIABLE carto_svg_plugins ERROR_QUIET RESULT_VARIABLE carto_svg_plugins_missing)
if(carto_svg_plugins_missing EQUAL 0 AND carto_svg_plugins)
    string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", qt6-svg-plugins")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
