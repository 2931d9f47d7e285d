# Turns text files (shaders, framework packs) into a C++ header of raw string literals, so the wasm
# carries them without a filesystem. Usage: cmake -DOUT=header.hpp -DNAMES="a;b" -DFILES="a.glsl;b.glsl" -P embed_text.cmake
set(content "// Generated from shaders/ by cmake/embed_text.cmake. Do not edit.\n#pragma once\n")
list(LENGTH NAMES count)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  list(GET NAMES ${i} name)
  list(GET FILES ${i} file)
  file(READ "${file}" text)
  # A shader's comments are for its readers, not the GPU: whole-line comments and the indentation go
  # (GLSL has no string literals for a "//" to hide in).
  if(file MATCHES "\\.glsl$")
    string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" text "${text}")
    string(REGEX REPLACE "\n[ \t]+" "\n" text "${text}")
  endif()
  # A pack's line breaks and indentation are for its authors: JSON strings cannot hold a raw line
  # break, so every one of them lies between tokens and goes, with the indentation after it
  # (0.6 KB gzip of the first visit).
  if(file MATCHES "\\.json$")
    string(REGEX REPLACE "\n[ \t]*" "" text "${text}")
  endif()
  string(APPEND content "inline constexpr const char* ${name} = R\"wf_text(${text})wf_text\";\n")
endforeach()
file(WRITE "${OUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
