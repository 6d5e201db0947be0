# General name lists from Debian packages, read at run time by the extractor's
# gazetteer: given names (miscfiles: /usr/share/dict/propernames.gz) and the
# ISO 3166 countries and subdivisions (iso-codes: /usr/share/iso-codes/json).
find_file(NameLists_GIVEN_NAMES NAMES propernames.gz propernames PATHS /usr/share/dict NO_DEFAULT_PATH)
find_path(NameLists_ISO_CODES_DIR iso_3166-1.json PATHS /usr/share/iso-codes/json NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(NameLists
    REQUIRED_VARS NameLists_GIVEN_NAMES NameLists_ISO_CODES_DIR
    REASON_FAILURE_MESSAGE "install Debian's miscfiles and iso-codes (packaging/bootstrap.sh deps)")
mark_as_advanced(NameLists_GIVEN_NAMES NameLists_ISO_CODES_DIR)
