# Warnings and hardening applied to every CertDesk target through certdesk_harden().
add_library(certdesk_build_flags INTERFACE)
target_compile_options(certdesk_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wformat-security
  -fstack-protector-strong -fstack-clash-protection
  $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>
  $<$<BOOL:${CERTDESK_WERROR}>:-Werror>)
target_link_options(certdesk_build_flags INTERFACE -pie -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
target_compile_definitions(certdesk_build_flags INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_DISABLE_DEPRECATED_BEFORE=0x060400
  CERTDESK_VERSION="${PROJECT_VERSION}")

function(certdesk_harden target)
  target_link_libraries(${target} PRIVATE certdesk_build_flags)
endfunction()
