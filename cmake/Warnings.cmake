# Warnings and strict string handling live in one INTERFACE target that only our own targets
# link, so third-party headers and Qt's generated code are not held to them.
add_library(superflow_warnings INTERFACE)
target_compile_options(superflow_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(SUPERFLOW_WERROR)
  target_compile_options(superflow_warnings INTERFACE -Werror)
endif()
target_compile_definitions(superflow_warnings INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER)
# GCC 12 at -O3 reports a false -Wrestrict inside libstdc++'s std::string operator+
# (GCC bug 105651); it is not about our code, so it must not fail -Werror builds.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(superflow_warnings INTERFACE -Wno-restrict)
endif()
