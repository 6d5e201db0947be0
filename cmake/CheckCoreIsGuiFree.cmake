# Core libraries must never reach Qt6::Gui or Qt6::Widgets (STYLE.md rule 1).
# Walks each target's LINK_LIBRARIES transitively at configure time.
function(_carto_collect_links target out)
    get_target_property(libs ${target} LINK_LIBRARIES)
    get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
    set(all)
    foreach(lib IN LISTS libs ilibs)
        if(lib AND NOT lib MATCHES "NOTFOUND$" AND NOT lib MATCHES "^\\$<")
            list(APPEND all ${lib})
        endif()
    endforeach()
    set(${out} ${all} PARENT_SCOPE)
endfunction()

# Walks target's link libraries breadth-first (aliases resolved) and sets out
# to the first one matching pattern, or to "" when none does. With INTO_QT
# the walk also enters Qt's own targets (Charts reaches Widgets that way).
function(_carto_find_link target pattern into_qt out)
    set(queue ${target})
    set(seen)
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(current MATCHES "${pattern}")
            set(${out} ${current} PARENT_SCOPE)
            return()
        endif()
        if(TARGET ${current})
            get_target_property(aliased ${current} ALIASED_TARGET)
            if(aliased)
                list(APPEND queue ${aliased})
            elseif(into_qt OR NOT current MATCHES "^Qt6?::")
                _carto_collect_links(${current} deps)
                list(APPEND queue ${deps})
            endif()
        endif()
    endwhile()
    set(${out} "" PARENT_SCOPE)
endfunction()

function(carto_check_gui_free)
    foreach(target IN LISTS ARGN)
        _carto_find_link(${target} "Qt6?::(Gui|Widgets)$" FALSE found)
        if(found)
            message(FATAL_ERROR "${target} links ${found}: core must stay GUI-free")
        endif()
    endforeach()
endfunction()

# The link check above sees only CMake targets; a library's own dependencies
# (poppler-qt6 once pulled libQt6Gui into every core test) show only at run
# time. carto_add_runtime_gui_check(NAME DIRECTORIES dir...) adds a test that
# runs ldd on every executable defined in those directories and fails if one
# would load Qt Gui or Widgets.
function(carto_add_runtime_gui_check name)
    cmake_parse_arguments(ARG "" "" "DIRECTORIES" ${ARGN})
    set(files)
    foreach(dir IN LISTS ARG_DIRECTORIES)
        get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS targets)
            get_target_property(type ${target} TYPE)
            get_target_property(excluded ${target} EXCLUDE_FROM_ALL)
            if(type STREQUAL "EXECUTABLE" AND NOT excluded)
                list(APPEND files "$<TARGET_FILE:${target}>")
            endif()
        endforeach()
    endforeach()
    list(JOIN files "|" joined)
    add_test(NAME ${name}
        COMMAND ${CMAKE_COMMAND} "-DFILES=${joined}" -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/RuntimeGuiCheck.cmake")
endfunction()
