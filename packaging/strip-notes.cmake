# Run by CPack once the package's files are staged (CPACK_PRE_BUILD_SCRIPTS).
# CPack strips with a bare `strip`, which keeps the .comment and .note
# sections; dh_strip removes them, and lintian asks for the same.
foreach(binary cartograph cartograph-cli)
    set(path "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/bin/${binary}")
    if(NOT EXISTS "${path}")
        message(FATAL_ERROR "strip-notes: ${path} is not staged")
    endif()
    execute_process(COMMAND "${CPACK_CARTO_STRIP}" --remove-section=.comment --remove-section=.note "${path}"
                    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
