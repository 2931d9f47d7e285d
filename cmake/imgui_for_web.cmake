# Writes the web app's copies of three Dear ImGui 1.86 sources, each with a part the app never uses
# taken out, since ImGui has no switch for them and the linker keeps whatever a kept function names:
#  - imgui_draw.cpp: AddFontDefault() stops the program instead of loading ProggyClean, so that font's
#    compressed data and decoder leave the wasm (10.9 KB gzip of every first visit). The atlas reaches
#    the default font whenever no font was added; the web app always adds its own (web/boot.js starts
#    it only once both font files arrived).
#  - imgui_draw.cpp: ImFontAtlas::Build() stops the program instead of picking the stb_truetype builder,
#    so stb_truetype and stb_rect_pack leave the wasm (about 9 KB gzip): the web app always sets its own
#    (src/ui/fonts.cpp's, with glyphs drawn by the browser).
#  - imgui_draw.cpp: the atlas stops the program instead of drawing ImGui's mouse cursors into it, so
#    their ASCII art (3.3 KB) leaves the wasm: the app sets ImFontAtlasFlags_NoMouseCursors (the
#    browser draws the cursor).
#  - imgui.cpp: no .ini settings handlers for windows and tables. The app keeps no
#    .ini (io.IniFilename is null, and nothing loads or saves settings from memory), yet the handlers'
#    readers kept sscanf and the scanf machinery alive.
# The native build compiles the originals: its headless tests draw with ProggyClean and read no fonts.
# Usage: cmake -DIN=<imgui dir> -DOUT=<dir for the copies> -P imgui_for_web.cmake
# Arguments: the file's name, then pairs of text to find and text to put in its place.
function(write_copy name)
  file(READ "${IN}/${name}" text)
  math(EXPR last "${ARGC} - 1")
  foreach(i RANGE 1 ${last} 2)
    math(EXPR j "${i} + 1")
    set(before "${ARGV${i}}")
    string(FIND "${text}" "${before}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${IN}/${name}: \"${before}\" is not where ImGui 1.86 has it")
    endif()
    string(REPLACE "${before}" "${ARGV${j}}" text "${text}")
  endforeach()
  file(WRITE "${OUT}/${name}.tmp" "${text}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}/${name}.tmp" "${OUT}/${name}")
endfunction()

set(head "ImFont* ImFontAtlas::AddFontDefault(const ImFontConfig* font_cfg_template)\n{\n")
write_copy(imgui_draw.cpp "${head}" "${head}    IM_UNUSED(font_cfg_template);\n    __builtin_trap();\n"
           "        builder_io = ImFontAtlasGetBuilderForStbTruetype();\n" "        __builtin_trap();\n"
           "        // Render/copy pixels\n" "        __builtin_trap();\n")
write_copy(imgui.cpp "        g.SettingsHandlers.push_back(ini_handler);\n    }\n\n    // Add .ini handle for ImGuiTable type\n    TableSettingsInstallHandler(context);\n"
           "    }\n")
