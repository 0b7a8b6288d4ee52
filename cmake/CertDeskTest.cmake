# certdesk_add_test(NAME <name> SOURCES <files...> [LIBS <libs...>] [ENV <VAR=value...>] [TIMEOUT s]
#                   [LABELS <labels...>])
# Registers one Qt Test suite as an executable and a ctest test. Every suite runs with the
# offscreen platform and a private CERTDESK_HOME so no test touches the user's data;
# CERTDESK_UNDER_CTEST=1 turns a missing test keyring into a failure (tests/KeychainRequired.h).
function(certdesk_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  certdesk_harden(${T_NAME})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CERTDESK_UNDER_CTEST=1;CERTDESK_HOME=${CMAKE_CURRENT_BINARY_DIR}/${T_NAME}.home;CERTDESK_CLI=$<TARGET_FILE:certdesk-cli>;${T_ENV}")
endfunction()
