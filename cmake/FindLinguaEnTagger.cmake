# Debian's liblingua-en-tagger-perl ships the tagger's model as YAML data files
# (words.yml, tags.yml, unknown.yml); core/extract converts them at build time,
# so they are a build dependency only.
find_path(LinguaEnTagger_DATA_DIR
    NAMES words.yml tags.yml unknown.yml
    PATHS /usr/share/perl5 /usr/local/share/perl5 /usr/share/perl /usr/local/share/perl /usr/lib/perl5
    PATH_SUFFIXES Lingua/EN/Tagger)
set(LinguaEnTagger_FILES "")
if(LinguaEnTagger_DATA_DIR)
    foreach(file words.yml tags.yml unknown.yml)
        if(NOT EXISTS "${LinguaEnTagger_DATA_DIR}/${file}")
            set(LinguaEnTagger_DATA_DIR "LinguaEnTagger_DATA_DIR-NOTFOUND")
            break()
        endif()
        list(APPEND LinguaEnTagger_FILES "${LinguaEnTagger_DATA_DIR}/${file}")
    endforeach()
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LinguaEnTagger
    REQUIRED_VARS LinguaEnTagger_DATA_DIR
    REASON_FAILURE_MESSAGE "the part-of-speech tagger's model (Lingua/EN/Tagger/words.yml, tags.yml, unknown.yml) is missing: install Debian's liblingua-en-tagger-perl, or set LinguaEnTagger_DATA_DIR to the folder holding them")
mark_as_advanced(LinguaEnTagger_DATA_DIR)
