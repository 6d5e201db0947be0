# cartograph-cli draws images without a window: it and the libraries it draws
# with must never reach Qt6::Widgets, directly or through a Qt module built on
# it (Charts, QuickWidgets, PrintSupport…). carto_check_widgets_free(target...)
# walks LINK_LIBRARIES transitively at configure time, into Qt's own targets
# too (unlike carto_check_gui_free, which may stop at them), and fails on Widgets.
include(CheckCoreIsGuiFree) # _carto_find_link

function(carto_check_widgets_free)
    foreach(target IN LISTS ARGN)
        _carto_find_link(${target} "^Qt6?::Widgets(Private)?$" TRUE found)
        if(found)
            message(FATAL_ERROR "${target} reaches ${found}: cartograph-cli and its libraries must link no Qt Widgets")
        endif()
    endforeach()
endfunction()
