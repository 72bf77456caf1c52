# What an installed orgaudit has beside its binary, libraries and packs: the manual page, shell
# completions, the JSON Schemas and the XML report's XSD, the pkg-config file, the licence and the
# manuals, each where Debian and the shells look for them; and the Debian package made of it all
# (scripts/package.sh runs `cpack -G DEB`).

# The manual page, compressed as Debian's policy asks (gzip -n: the same bytes on every build).
set(ORGAUDIT_MAN_PAGE ${PROJECT_BINARY_DIR}/man/orgaudit.1.gz)
add_custom_command(OUTPUT ${ORGAUDIT_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
  COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh ${PROJECT_SOURCE_DIR}/docs/orgaudit.1 ${ORGAUDIT_MAN_PAGE}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/orgaudit.1 VERBATIM)

# Completion scripts, printed by the binary just built from its own command tables.
set(ORGAUDIT_COMPLETIONS_DIR ${PROJECT_BINARY_DIR}/completions)
set(ORGAUDIT_COMPLETIONS)
foreach(shell_and_file bash=orgaudit zsh=_orgaudit fish=orgaudit.fish)
  string(REPLACE "=" ";" parts ${shell_and_file})
  list(GET parts 0 shell)
  list(GET parts 1 file)
  add_custom_command(OUTPUT ${ORGAUDIT_COMPLETIONS_DIR}/${shell}/${file}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ORGAUDIT_COMPLETIONS_DIR}/${shell}
    COMMAND sh -c "\"$1\" completion \"$2\" > \"$3\"" sh $<TARGET_FILE:orgaudit> ${shell}
            ${ORGAUDIT_COMPLETIONS_DIR}/${shell}/${file}
    DEPENDS orgaudit VERBATIM)
  list(APPEND ORGAUDIT_COMPLETIONS ${ORGAUDIT_COMPLETIONS_DIR}/${shell}/${file})
endforeach()
add_custom_target(orgaudit_shell_files ALL DEPENDS ${ORGAUDIT_MAN_PAGE} ${ORGAUDIT_COMPLETIONS})

install(FILES ${ORGAUDIT_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${ORGAUDIT_COMPLETIONS_DIR}/bash/orgaudit DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${ORGAUDIT_COMPLETIONS_DIR}/zsh/_orgaudit DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${ORGAUDIT_COMPLETIONS_DIR}/fish/orgaudit.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schema/ DESTINATION ${CMAKE_INSTALL_DATADIR}/orgaudit/schemas
        FILES_MATCHING PATTERN "*.schema.json")
install(FILES ${PROJECT_SOURCE_DIR}/reports/orgaudit-report.xsd DESTINATION ${CMAKE_INSTALL_DATADIR}/orgaudit/schemas)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")

# pkg-config: written at install time, so its prefix is the one installed to (cpack's /usr, or
# cmake --install --prefix DIR), whatever the build was configured with.
install(CODE "
  set(ORGAUDIT_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  set(CMAKE_INSTALL_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
  set(CMAKE_INSTALL_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(ORGAUDIT_PLUGIN_INSTALL_DIR \"${ORGAUDIT_PLUGIN_INSTALL_DIR}\")
  set(PROJECT_DESCRIPTION \"${PROJECT_DESCRIPTION}\")
  set(PROJECT_VERSION \"${PROJECT_VERSION}\")
  configure_file(\"${PROJECT_SOURCE_DIR}/packaging/orgaudit.pc.in\" \"${PROJECT_BINARY_DIR}/pkgconfig/orgaudit.pc\" @ONLY)
  file(INSTALL \"${PROJECT_BINARY_DIR}/pkgconfig/orgaudit.pc\"
       DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\")  # file(INSTALL) adds DESTDIR
")

# The Debian package: `sudo apt install ./orgaudit_<version>_amd64.deb`. Dependencies are computed
# from the binaries (dpkg-shlibdeps), not listed by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME orgaudit)
set(CPACK_PACKAGE_VENDOR "orgaudit")
set(CPACK_PACKAGE_CONTACT "orgaudit maintainers <orgaudit@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}: org charts checked like code")
set(CPACK_PACKAGE_DESCRIPTION
    "orgaudit reads an org chart (org-chart-as-code YAML, or an HR system's CSV or XML export), builds
the organisation graph, runs rule packs over it and reports findings, scores and maps (text, JSON,
SARIF, JUnit, XML, Markdown, HTML, Graphviz). The package has the binary, the structure and
Rendanheyi rule packs, the rule pack SDK, the manual page, bash, zsh and fish completions, and the
JSON Schemas and XSD of its files.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # orgaudit_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The packs link liborgaudit from this same package; dpkg-shlibdeps finds it here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR})
# libcrypto (for --anonymize) and Graphviz's cgraph and gvc (for maps) are opened with dlopen, so
# dpkg-shlibdeps cannot see them: named here, by the packages of the sonames pseudonym.cc and
# graphviz_library.cc open (libssl3 holds libcrypto.so.3; libgvc6, libgvc.so.6).
find_package(OpenSSL REQUIRED)
string(REGEX MATCH "^[0-9]+" ORGAUDIT_OPENSSL_MAJOR "${OPENSSL_VERSION}")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libssl${ORGAUDIT_OPENSSL_MAJOR} (>= ${ORGAUDIT_OPENSSL_MAJOR}.0.0), ${ORGAUDIT_CGRAPH_PACKAGE}, ${ORGAUDIT_GVC_PACKAGE}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
