# Writes a copy of Dear ImGui's imgui_draw.cpp whose AddFontDefault() stops the program instead of
# loading ProggyClean, so the web app no longer carries that font's compressed data and decoder
# (10 KB gzip of every first visit). ImGui 1.86 has no switch for it: the atlas reaches the default
# font whenever no font was added, so the linker always kept it. The web app always adds its own
# fonts (web/boot.js starts it only once both font files arrived); the native build keeps the
# original file, since its headless tests draw with ProggyClean and read no font files.
# Usage: cmake -DIN=imgui_draw.cpp -DOUT=copy.cpp -P imgui_without_default_font.cmake
file(READ "${IN}" text)
set(head "ImFont* ImFontAtlas::AddFontDefault(const ImFontConfig* font_cfg_template)\n{\n")
string(FIND "${text}" "${head}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${IN}: ImFontAtlas::AddFontDefault not found where ImGui 1.86 has it")
endif()
string(REPLACE "${head}" "${head}    IM_UNUSED(font_cfg_template);\n    __builtin_trap();\n" text "${text}")
file(WRITE "${OUT}.tmp" "${text}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
