# orgaudit_soname(LIBRARY PREFIX): of a library pkg-config found (LIBRARY as in -lLIBRARY, looked
# up in LINK_LIBRARIES, the full paths pkg_check_modules gave), sets PREFIX_SONAME to the soname
# the library declares (libgvc.so.6) and PREFIX_PACKAGE to the Debian package that installs it by
# Debian's naming (libgvc6). For libraries orgaudit opens with dlopen rather than links.
function(orgaudit_soname library prefix)
  set(path "")
  foreach(candidate IN LISTS ARGN)
    get_filename_component(name "${candidate}" NAME)
    if(name MATCHES "^lib${library}\\.so")
      set(path "${candidate}")
    endif()
  endforeach()
  if(NOT path)
    message(FATAL_ERROR "orgaudit_soname: no lib${library}.so among ${ARGN}")
  endif()
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p "${path}" OUTPUT_VARIABLE headers RESULT_VARIABLE failed)
  if(failed OR NOT headers MATCHES "SONAME +([^ \n]+)")
    message(FATAL_ERROR "orgaudit_soname: no SONAME in ${path} (objdump -p)")
  endif()
  set(soname "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "^lib(.+)\\.so\\.([0-9]+)$" "lib\\1\\2" package "${soname}")
  set(${prefix}_SONAME "${soname}" PARENT_SCOPE)
  set(${prefix}_PACKAGE "${package}" PARENT_SCOPE)
endfunction()
