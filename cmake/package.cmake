# The Debian package (`make package`: CPack's DEB generator, build/guiche_<version>_amd64.deb)
# and what `cmake --install` puts where, under the prefix /usr (the configuration under /etc).
# The installed binary finds its files in ../share/guiche (src/cli/shipped_files.hpp).

# cpack installs what the build made (`make package` builds first), without building every
# test and bench again.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
install(TARGETS guiche RUNTIME DESTINATION bin)

# The portal: templates, texts and our CSS, and of the npm packages (scripts/web-deps.sh) the
# folders `serve` serves (src/web/assets.cpp) without what no page uses (source maps, the design
# system's per-component files, Raleway's other alphabets): CPackDeb runs `file` once per file,
# so each thousand files costs a minute of `make package`. A template using another file of them
# adds it here. The lock file versions their URLs.
install(DIRECTORY web/templates web/i18n web/static DESTINATION share/guiche/web)
install(FILES web/package-lock.json DESTINATION share/guiche/web)
set(GUICHE_NPM ${CMAKE_SOURCE_DIR}/web/node_modules)
set(GUICHE_WEB_MODULES share/guiche/web/node_modules)
install(DIRECTORY ${GUICHE_NPM}/@govbr-ds/core/dist DESTINATION ${GUICHE_WEB_MODULES}/@govbr-ds/core
  PATTERN "*.map" EXCLUDE PATTERN "components" EXCLUDE)
install(DIRECTORY ${GUICHE_NPM}/@fontsource/raleway DESTINATION ${GUICHE_WEB_MODULES}/@fontsource
  FILES_MATCHING PATTERN "latin-*.css" PATTERN "raleway-latin-*" PATTERN "LICENSE")
install(DIRECTORY ${GUICHE_NPM}/@fortawesome/fontawesome-free/css
  ${GUICHE_NPM}/@fortawesome/fontawesome-free/webfonts
  DESTINATION ${GUICHE_WEB_MODULES}/@fortawesome/fontawesome-free)
install(DIRECTORY ${GUICHE_NPM}/htmx.org/dist DESTINATION ${GUICHE_WEB_MODULES}/htmx.org
  PATTERN "*.map" EXCLUDE)
install(DIRECTORY ${GUICHE_NPM}/htmx-ext-sse/dist DESTINATION ${GUICHE_WEB_MODULES}/htmx-ext-sse)
# Their licences, next to them.
foreach(module @govbr-ds/core htmx.org htmx-ext-sse)
  install(FILES ${GUICHE_NPM}/${module}/LICENSE DESTINATION ${GUICHE_WEB_MODULES}/${module}
    OPTIONAL)
endforeach()
install(FILES ${GUICHE_NPM}/@fortawesome/fontawesome-free/LICENSE.txt
  DESTINATION ${GUICHE_WEB_MODULES}/@fortawesome/fontawesome-free OPTIONAL)

install(FILES config/whatsapp_templates.json DESTINATION share/guiche)
install(FILES packaging/guiche.service DESTINATION lib/systemd/system)
# The default configuration, a conffile (packaging/conffiles): an upgrade keeps the admin's.
install(FILES config/guiche.toml DESTINATION /etc/guiche)

# The man page, from `guiche --help-all` and docs/guiche.h2m (help2man), at build time.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(HELP2MAN AND GZIP)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/guiche.1.gz
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --help-option=--help-all
      --version-string=${PROJECT_VERSION} --section=1
      "--name=central de serviços para TI do setor público"
      --include=${CMAKE_SOURCE_DIR}/docs/guiche.h2m
      --output=${CMAKE_BINARY_DIR}/guiche.1 $<TARGET_FILE:guiche>
    COMMAND ${GZIP} -9nf ${CMAKE_BINARY_DIR}/guiche.1
    DEPENDS guiche ${CMAKE_SOURCE_DIR}/docs/guiche.h2m
    COMMENT "man page guiche.1.gz (help2man)")
  add_custom_target(guiche_man ALL DEPENDS ${CMAKE_BINARY_DIR}/guiche.1.gz)
  install(FILES ${CMAKE_BINARY_DIR}/guiche.1.gz DESTINATION share/man/man1)
else()
  message(STATUS "help2man not found: no man page (scripts/install-deps.sh installs it)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME guiche)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Guichê <guiche@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "central de serviços (service desk) para TI do setor público")
set(CPACK_PACKAGE_DESCRIPTION
  "Guichê recebe solicitações pelo portal, e-mail, telefone, WhatsApp e API, controla a ANS,\n\
publica a Carta de Serviços e comunica incidentes. SQLite embutido ou PostgreSQL.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
# The shared libraries the binary links, found by dpkg-shlibdeps (dpkg-dev), plus adduser (the
# `guiche` user), the time zones and libmagic's database. Chromium prints /carta.pdf if present.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, tzdata, libmagic-mgc")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "chromium")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-15, postgresql-contrib")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_SOURCE_DIR}/packaging/conffiles ${CMAKE_SOURCE_DIR}/packaging/postinst
  ${CMAKE_SOURCE_DIR}/packaging/prerm ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)
include(CPack)

# The package built, inspected, installed into a temporary root and serving the demo
# (tests/package/package_test.sh). Not in the sanitizer build: it packages the normal one.
if(NOT GUICHE_SANITIZE)
  add_test(NAME package
    COMMAND ${CMAKE_SOURCE_DIR}/tests/package/package_test.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(package PROPERTIES TIMEOUT 300)
endif()

# tests/cli/config_test.cpp checks the configuration the package ships.
if(TARGET test_cli)
  target_compile_definitions(test_cli PRIVATE
    GUICHE_SHIPPED_CONFIG="${CMAKE_SOURCE_DIR}/config/guiche.toml")
endif()
