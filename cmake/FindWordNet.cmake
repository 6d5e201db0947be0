# Debian's wordnet-dev ships a header and a library but no CMake or pkg-config file.
find_path(WordNet_INCLUDE_DIR wn.h)
find_library(WordNet_LIBRARY NAMES wordnet WN)
find_path(WordNet_DICT_DIR index.noun PATHS /usr/share/wordnet /usr/local/share/wordnet)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(WordNet REQUIRED_VARS WordNet_LIBRARY WordNet_INCLUDE_DIR WordNet_DICT_DIR)
if(WordNet_FOUND AND NOT TARGET WordNet::WordNet)
    add_library(WordNet::WordNet UNKNOWN IMPORTED)
    set_target_properties(WordNet::WordNet PROPERTIES
        IMPORTED_LOCATION "${WordNet_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${WordNet_INCLUDE_DIR}")
endif()
mark_as_advanced(WordNet_INCLUDE_DIR WordNet_LIBRARY WordNet_DICT_DIR)
