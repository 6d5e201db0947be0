# cartograph-cli draws images without a window: it and the libraries it draws
# with must never reach Qt6::Widgets, directly or through a Qt module built on
# it (Charts, QuickWidgets, PrintSupport…). carto_check_widgets_free(target...)
# walks LINK_LIBRARIES transitively at configure time, into Qt's own targets
# too (unlike carto_check_gui_free, which may stop at them), and fails on Widgets.
include(CheckCoreIsGuiFree) # _carto_collect_links

function(carto_check_widgets_free)
    foreach(target IN LISTS ARGN)
        set(queue ${target})
        set(seen)
        while(queue)
            list(POP_FRONT queue current)
            if(current IN_LIST seen)
                continue()
            endif()
            list(APPEND seen ${current})
            if(current MATCHES "^Qt6?::Widgets(Private)?$")
                message(FATAL_ERROR "${target} reaches ${current}: cartograph-cli and its libraries must link no Qt Widgets")
            endif()
            if(TARGET ${current})
                get_target_property(aliased ${current} ALIASED_TARGET)
                if(aliased)
                    list(APPEND queue ${aliased})
                else()
                    _carto_collect_links(${current} deps)
                    list(APPEND queue ${deps})
                endif()
            endif()
        endwhile()
    endforeach()
endfunction()
