# The WebAssembly app (included from CMakeLists.txt when configured with emcmake).
# Outputs in the build dir: app.js + app.wasm (Emscripten), fonts/*.otf|ttf (subset), and
# scripts/build-site.mjs turns them plus web/ into the deployable dist/.

# Size matters more than speed on the wire: -Os for every translation unit, and link-time
# optimisation across them (the core, the app, the views and ImGui inline and drop across library
# lines: 11 KB gzip less), with emmalloc, the small allocator (3 KB less). Measured with
# `./wayfinder bench download`; the first visit must stay within 350 KB.
set(CMAKE_CXX_FLAGS_RELEASE "-Os -flto -DNDEBUG")

# --- shaders/ embedded as string literals -----------------------------------------------------
set(WF_SHADER_HEADER "${CMAKE_BINARY_DIR}/generated/shaders_embedded.hpp")
set(WF_SHADERS "${PROJECT_SOURCE_DIR}/shaders/imgui.vert.glsl" "${PROJECT_SOURCE_DIR}/shaders/imgui.frag.glsl")
add_custom_command(
  OUTPUT "${WF_SHADER_HEADER}"
  COMMAND ${CMAKE_COMMAND} "-DOUT=${WF_SHADER_HEADER}" "-DNAMES=kImGuiVertexShader\;kImGuiFragmentShader"
          "-DFILES=${PROJECT_SOURCE_DIR}/shaders/imgui.vert.glsl\;${PROJECT_SOURCE_DIR}/shaders/imgui.frag.glsl"
          -P "${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake"
  DEPENDS ${WF_SHADERS} "${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake"
  COMMENT "Embedding shaders")

# --- fonts, subset at build time from the Debian packages' files (copied by setup.sh) -----------
find_program(PYFTSUBSET pyftsubset REQUIRED)
set(WF_FONT_SOURCES "${WF_CACHE}/font-sources")
set(WF_FONTS_OUT "${CMAKE_BINARY_DIR}/fonts")
# Latin-1, Latin Extended-A, general punctuation, euro, trademark, arrows: what any Latin-script text needs.
set(WF_TEXT_UNICODES "U+0020-007E,U+00A0-017F,U+2000-206F,U+20AC,U+2122,U+2190-2193")
file(READ "${PROJECT_SOURCE_DIR}/src/ui/icons.hpp" WF_ICONS_HPP)
string(REGEX MATCHALL "\\\\u(f[0-9a-f][0-9a-f][0-9a-f])" WF_ICON_ESCAPES "${WF_ICONS_HPP}")
set(WF_ICON_UNICODES "")
foreach(escape ${WF_ICON_ESCAPES})
  string(SUBSTRING "${escape}" 2 4 code)
  list(APPEND WF_ICON_UNICODES "U+${code}")
endforeach()
list(JOIN WF_ICON_UNICODES "," WF_ICON_UNICODES)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/ui/icons.hpp")
add_custom_command(
  OUTPUT "${WF_FONTS_OUT}/inter.otf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${WF_FONTS_OUT}"
  COMMAND ${PYFTSUBSET} "${WF_FONT_SOURCES}/Inter-Regular.otf" "--unicodes=${WF_TEXT_UNICODES}"
          "--layout-features=kern" --no-hinting --desubroutinize "--output-file=${WF_FONTS_OUT}/inter.otf"
  DEPENDS "${WF_FONT_SOURCES}/Inter-Regular.otf"
  COMMENT "Subsetting Inter")
add_custom_command(
  OUTPUT "${WF_FONTS_OUT}/icons.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${WF_FONTS_OUT}"
  COMMAND ${PYFTSUBSET} "${WF_FONT_SOURCES}/forkawesome.ttf" "--unicodes=${WF_ICON_UNICODES}"
          --no-hinting "--output-file=${WF_FONTS_OUT}/icons.ttf"
  DEPENDS "${WF_FONT_SOURCES}/forkawesome.ttf" "${PROJECT_SOURCE_DIR}/src/ui/icons.hpp"
  COMMENT "Subsetting the icon font")
add_custom_target(wayfinder_fonts ALL DEPENDS "${WF_FONTS_OUT}/inter.otf" "${WF_FONTS_OUT}/icons.ttf")

# --- the app ----------------------------------------------------------------------------------
file(GLOB WF_APP_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/platform/web/*.cpp")
add_executable(app ${WF_APP_SOURCES} "${WF_SHADER_HEADER}")   # src/ui is wayfinder_ui; the packs come with wayfinder_app (CMakeLists.txt)
target_include_directories(app PRIVATE "${PROJECT_SOURCE_DIR}/src" "${CMAKE_BINARY_DIR}/generated")
target_link_libraries(app PRIVATE wayfinder_ui)
target_compile_options(app PRIVATE -Wall -Wextra -fno-exceptions)
file(READ "${PROJECT_SOURCE_DIR}/VERSION" WF_APP_VERSION)
string(STRIP "${WF_APP_VERSION}" WF_APP_VERSION)
target_compile_definitions(app PRIVATE WF_APP_VERSION="${WF_APP_VERSION}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/VERSION")

set(WF_JS_LIBRARY "${PROJECT_SOURCE_DIR}/src/platform/web/library_wayfinder.js")
set(WF_EXPORTS
  _malloc _free _wf_start _wf_frame _wf_tick _wf_frame_count _wf_items_json _wf_on_resize _wf_on_pointer
  _wf_on_wheel _wf_on_zoom _wf_on_focus _wf_on_key _wf_on_text_input _wf_on_date_input _wf_on_text_key _wf_on_text_blur _wf_on_documents_loaded
  _wf_on_storage_unavailable _wf_on_store_written _wf_on_storage_estimate _wf_on_file _wf_on_file_rejected
  _wf_on_page_hidden _wf_on_update_ready _wf_on_context_lost _wf_on_context_restored _wf_on_external_write
  _wf_on_storage_superseded _wf_on_backup_written _wf_on_backups_listed _wf_on_live_backup)
list(JOIN WF_EXPORTS "," WF_EXPORTS_LIST)
target_link_options(app PRIVATE
  -Os -flto --no-entry -fno-exceptions -sMALLOC=emmalloc
  -sMODULARIZE=1 -sEXPORT_NAME=createWayfinder -sENVIRONMENT=web
  -sFILESYSTEM=0 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2 -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0
  "-sEXPORTED_FUNCTIONS=[${WF_EXPORTS_LIST}]"
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString]"
  "--js-library=${WF_JS_LIBRARY}")
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${WF_JS_LIBRARY}")
set_target_properties(app PROPERTIES SUFFIX ".js")
add_dependencies(app wayfinder_fonts)
