# Writes the web app's copies of two Dear ImGui 1.86 sources, with parts the app never uses taken
# out, since ImGui has no switch for them and the linker keeps whatever a kept function names:
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
#  - imgui.cpp: no tables, legacy columns, logging or CTRL+Tab window list. The app lays out no table
#    and no columns (ui::SideBySide does its two cells), so End() has no columns to close and
#    NewFrame() no table buffers to collect; it starts no log (LogToTTY/File/Clipboard/Buffer), so
#    text is never logged and End() has no log to finish; and browsers keep CTRL+Tab to switch their
#    own tabs, so ImGui's window list never opens (without NavEnableKeyboard, nothing else starts it).
#  - imgui.cpp: a new ImGuiStyle starts with no colours instead of ImGui's dark theme: ui/theme.cpp sets
#    every colour the app draws with (the rest belong to widgets it never shows: tabs, plots, tables,
#    text selection, drag and drop, resize grips).
# The native build compiles the originals: its headless tests draw with ProggyClean and read no fonts.
# Usage: cmake -DIN=<imgui dir> -DOUT=<dir for the copies> -P imgui_for_web.cmake

include("${CMAKE_CURRENT_LIST_DIR}/edited_copy.cmake")

file(READ "${IN}/imgui_draw.cpp" draw)
set(head "ImFont* ImFontAtlas::AddFontDefault(const ImFontConfig* font_cfg_template)\n{\n")
replace_exactly(draw "${IN}/imgui_draw.cpp" "${head}" "${head}    IM_UNUSED(font_cfg_template);\n    __builtin_trap();\n")
replace_exactly(draw "${IN}/imgui_draw.cpp" "        builder_io = ImFontAtlasGetBuilderForStbTruetype();\n" "        __builtin_trap();\n")
replace_exactly(draw "${IN}/imgui_draw.cpp" "        // Render/copy pixels\n" "        __builtin_trap();\n")
write_if_changed("${OUT}/imgui_draw.cpp" "${draw}")

file(READ "${IN}/imgui.cpp" imgui)
replace_exactly(imgui "${IN}/imgui.cpp" "        g.SettingsHandlers.push_back(ini_handler);\n    }\n\n    // Add .ini handle for ImGuiTable type\n    TableSettingsInstallHandler(context);\n"
         "    }\n")
replace_exactly(imgui "${IN}/imgui.cpp" [=[
    // Garbage collect transient buffers of recently unused tables
    for (int i = 0; i < g.TablesLastTimeActive.Size; i++)
        if (g.TablesLastTimeActive[i] >= 0.0f && g.TablesLastTimeActive[i] < memory_compact_start_time)
            TableGcCompactTransientBuffers(g.Tables.GetByIndex(i));
    for (int i = 0; i < g.TablesTempData.Size; i++)
        if (g.TablesTempData[i].LastTimeActive >= 0.0f && g.TablesTempData[i].LastTimeActive < memory_compact_start_time)
            TableGcCompactTransientBuffers(&g.TablesTempData[i]);
]=] "\n")
replace_exactly(imgui "${IN}/imgui.cpp" "    g.GroupStack.clear();\n    TableGcCompactSettings();\n" "    g.GroupStack.clear();\n")
replace_exactly(imgui "${IN}/imgui.cpp" [=[
    // Close anything that is open
    if (window->DC.CurrentColumns)
        EndColumns();
    PopClipRect();   // Inner window clip rectangle

    // Stop logging
    if (!(window->Flags & ImGuiWindowFlags_ChildWindow))    // FIXME: add more options for scope of logging
        LogFinish();
]=] "\n    PopClipRect();   // Inner window clip rectangle\n")
set(head "void ImGui::LogRenderedText(const ImVec2* ref_pos, const char* text, const char* text_end)\n{\n")
replace_exactly(imgui "${IN}/imgui.cpp" "${head}" "${head}    IM_UNUSED(ref_pos); IM_UNUSED(text); IM_UNUSED(text_end);\n    __builtin_trap();\n")
replace_exactly(imgui "${IN}/imgui.cpp" "    // Default theme\n    ImGui::StyleColorsDark(this);\n" "")
replace_exactly(imgui "${IN}/imgui.cpp" "    // Update CTRL+TAB and Windowing features (hold Square to move/resize/etc.)\n    NavUpdateWindowing();\n" "")
replace_exactly(imgui "${IN}/imgui.cpp" "    // Show CTRL+TAB list window\n    if (g.NavWindowingTarget != NULL)\n        NavUpdateWindowingOverlay();\n" "")
write_if_changed("${OUT}/imgui.cpp" "${imgui}")
