# The WebAssembly app (included from CMakeLists.txt when configured with emcmake).
# Outputs in the build dir: app.js + app.wasm (Emscripten), fonts/*.woff2 (subset), and
# scripts/build-site.mjs turns them plus web/ into the deployable dist/.

# Size matters more than speed on the wire: -Oz for every translation unit, and link-time
# optimisation across them (the core, the app, the views and ImGui inline and drop across library
# lines: 11 KB gzip less), with emmalloc, the small allocator (3 KB less). No RTTI (nothing uses
# typeid or dynamic_cast) and no guards around function-local statics (the wasm runs one thread):
# with -Oz rather than -Os, 3.2 KB less. Saturating float-to-int and sign-extension instructions
# replace the longer sequences the first WebAssembly needed (1.3 KB less); every browser that runs the
# app has them: they came with Chrome 75, Firefox 64 and Safari 15, Emscripten's glue already assumes
# Chrome 75 and Firefox 65, and Safari has had WebGL 2 (required) only since 15. Measured with
# `./wayfinder bench download`; the first visit must stay within 350 KB.
set(WF_WASM_FEATURES -mnontrapping-fptoint -msign-ext)
string(REPLACE ";" " " WF_WASM_FEATURE_FLAGS "${WF_WASM_FEATURES}")
set(CMAKE_CXX_FLAGS_RELEASE "-Oz -flto -fno-rtti -fno-threadsafe-statics ${WF_WASM_FEATURE_FLAGS} -DNDEBUG")

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
find_program(NODE node REQUIRED)
set(WF_FONT_SOURCES "${WF_CACHE}/font-sources")
set(WF_FONTS_OUT "${CMAKE_BINARY_DIR}/fonts")
# Latin-1, Latin Extended-A, general punctuation, euro, trademark, arrows: what any Latin-script text needs.
# Of general punctuation, what prose uses: spaces, dashes, quotes, daggers, bullets, ellipsis, per
# mille, primes, single guillemets, fraction slash. Left out: the rare marks U+2031 (per ten thousand),
# U+2034-2038 and U+203B-2043 (triple and reversed primes, caret, reference mark, double exclamation,
# interrobang, overline, ties, asterisms, hyphen bullet), U+2045-205E (brackets with quill, double
# question marks, archaic punctuation): 1.6 KB gzip. ImGui draws its fallback glyph for them.
# No OpenType layout tables: Dear ImGui 1.86 draws glyph by glyph and never reads kerning, so the kern
# pairs (GPOS, 4.2 KB gzip) only made the browser's editor over a field space its text differently from
# the field it covers. Without them both set text the same way.
set(WF_TEXT_UNICODES "U+0020-007E,U+00A0-017F,U+2000-2030,U+2032-2033,U+2039-203A,U+2044,U+205F,U+20AC,U+2122,U+2190-2193")
file(READ "${PROJECT_SOURCE_DIR}/src/ui/icons.hpp" WF_ICONS_HPP)
string(REGEX MATCHALL "\\\\u(f[0-9a-f][0-9a-f][0-9a-f])" WF_ICON_ESCAPES "${WF_ICONS_HPP}")
set(WF_ICON_UNICODES "")
foreach(escape ${WF_ICON_ESCAPES})
  string(SUBSTRING "${escape}" 2 4 code)
  list(APPEND WF_ICON_UNICODES "U+${code}")
endforeach()
list(JOIN WF_ICON_UNICODES "," WF_ICON_UNICODES)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/ui/icons.hpp")
# The browser gets each font as WOFF2 (brotli: 2.4 KB gzip less than the OpenType files gzipped); the
# wasm cannot read its compressed tables, so ImGui's metrics are generated from the same subset as
# OpenType (cmake/font_metrics.mjs) and compiled in.
set(WF_FONT_METRICS "${CMAKE_BINARY_DIR}/generated/font_metrics.hpp")
add_custom_command(
  OUTPUT "${WF_FONTS_OUT}/inter.woff2" "${WF_FONTS_OUT}/inter.otf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${WF_FONTS_OUT}"
  COMMAND ${PYFTSUBSET} "${WF_FONT_SOURCES}/Inter-Regular.otf" "--unicodes=${WF_TEXT_UNICODES}"
          "--layout-features=" "--drop-tables+=GDEF,GSUB,GPOS" --no-hinting --desubroutinize
          "--output-file=${WF_FONTS_OUT}/inter.otf"
  COMMAND ${PYFTSUBSET} "${WF_FONT_SOURCES}/Inter-Regular.otf" "--unicodes=${WF_TEXT_UNICODES}"
          "--layout-features=" "--drop-tables+=GDEF,GSUB,GPOS" --no-hinting --desubroutinize
          --flavor=woff2 "--output-file=${WF_FONTS_OUT}/inter.woff2"
  DEPENDS "${WF_FONT_SOURCES}/Inter-Regular.otf" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Subsetting Inter")
add_custom_command(
  OUTPUT "${WF_FONTS_OUT}/icons.woff2" "${WF_FONTS_OUT}/icons.ttf"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${WF_FONTS_OUT}"
  COMMAND ${PYFTSUBSET} "${WF_FONT_SOURCES}/forkawesome.ttf" "--unicodes=${WF_ICON_UNICODES}"
          --no-hinting "--name-IDs=" "--output-file=${WF_FONTS_OUT}/icons.ttf"
  COMMAND ${PYFTSUBSET} "${WF_FONT_SOURCES}/forkawesome.ttf" "--unicodes=${WF_ICON_UNICODES}"
          --no-hinting "--name-IDs=" --flavor=woff2 "--output-file=${WF_FONTS_OUT}/icons.woff2"
  DEPENDS "${WF_FONT_SOURCES}/forkawesome.ttf" "${PROJECT_SOURCE_DIR}/src/ui/icons.hpp" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Subsetting the icon font")
# Only ImGui reads the icon font (no CSS names it), and it needs no names: 0.3 KB gzip less.
add_custom_command(
  OUTPUT "${WF_FONT_METRICS}"
  COMMAND ${NODE} "${PROJECT_SOURCE_DIR}/cmake/font_metrics.mjs" "${WF_FONT_METRICS}"
          kTextMetrics "${WF_FONTS_OUT}/inter.otf" kIconMetrics "${WF_FONTS_OUT}/icons.ttf"
  DEPENDS "${WF_FONTS_OUT}/inter.otf" "${WF_FONTS_OUT}/icons.ttf" "${PROJECT_SOURCE_DIR}/cmake/font_metrics.mjs"
  COMMENT "Reading the fonts' metrics")
add_custom_target(wayfinder_fonts ALL DEPENDS "${WF_FONTS_OUT}/inter.woff2" "${WF_FONTS_OUT}/icons.woff2")

# --- the app ----------------------------------------------------------------------------------
file(GLOB WF_APP_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/platform/web/*.cpp")
add_executable(app ${WF_APP_SOURCES} "${WF_SHADER_HEADER}" "${WF_FONT_METRICS}")   # src/ui is wayfinder_ui; the packs come with wayfinder_app (CMakeLists.txt)
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
  # the screen-reader mirror
  _wf_mirror_json _wf_on_mirror_focus _wf_on_mirror_activate
  _wf_on_wheel _wf_on_zoom _wf_on_focus _wf_on_key _wf_on_text_input _wf_on_date_input _wf_on_text_key _wf_on_text_blur _wf_on_documents_loaded
  _wf_on_storage_unavailable _wf_on_store_written _wf_on_storage_estimate _wf_on_file _wf_on_file_rejected
  _wf_on_page_hidden _wf_on_update_ready _wf_on_context_lost _wf_on_context_restored _wf_on_external_write
  _wf_on_storage_superseded _wf_on_backup_written _wf_on_backups_listed _wf_on_live_backup
  # the signing key (micro-credential badges)
  _wf_on_signing_key _wf_on_signed _wf_on_signature_checked
  # evidence pictures
  _wf_on_image_stored _wf_on_blob_read _wf_on_picture_loaded)
list(JOIN WF_EXPORTS "," WF_EXPORTS_LIST)
target_link_options(app PRIVATE
  -Oz -flto ${WF_WASM_FEATURES} --no-entry -fno-exceptions -sMALLOC=emmalloc
  # Function names reach the final passes below, which order the functions by them; the shipped
  # wasm carries none.
  --profiling-funcs
  -sMODULARIZE=1 -sEXPORT_NAME=createWayfinder -sENVIRONMENT=web
  -sFILESYSTEM=0 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2 -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0
  # The glue keeps only what is used: boot.js hands createWayfinder nothing but instantiateWasm, the
  # renderer never asks glGetError, uploads uniforms straight from the heap (WebGL2) and requests no
  # fullscreen or pointer lock from an event handler (0.8 KB gzip).
  -sINCOMING_MODULE_JS_API=[instantiateWasm] -sGL_TRACK_ERRORS=0 -sGL_POOL_TEMP_BUFFERS=0
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
  "-sEXPORTED_FUNCTIONS=[${WF_EXPORTS_LIST}]"
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString]"
  "--js-library=${WF_JS_LIBRARY}")
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${WF_JS_LIBRARY}")
set_target_properties(app PROPERTIES SUFFIX ".js")
# Emscripten's own binaryen pass runs before it drops the exports and imports the glue does not use;
# one more -Oz over the final module shrinks what those had kept alive (1.6 KB gzip). Flattening the
# code and rebuilding its control flow first (--flatten --rereloop) lets two -Oz passes find 1.6 KB gzip
# more; a third pass gains nothing, but --converge, which repeats them while the module still shrinks,
# gains 0.4 KB (binaryen's --merge-similar-functions, tried with it, adds nothing). The module no
# longer lists the features it uses, so they are named here.
# Then the functions are put in the order of their names (cmake/order_wasm_functions.mjs: 13.3 KB gzip),
# through the text format, where calls name their callee; reading the text back loses the last
# stack-level clean-up of the binary, which the final pass does again (without it, 2.6 KB more).
find_program(WASM_OPT wasm-opt REQUIRED)
find_program(WASM_DIS wasm-dis REQUIRED)
find_program(WASM_AS wasm-as REQUIRED)
set(WF_WASM_OPT_FEATURES --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int)
set(WF_WASM "$<TARGET_FILE_DIR:app>/app.wasm")
set(WF_WAT "$<TARGET_FILE_DIR:app>/app.wat")
add_custom_command(TARGET app POST_BUILD
  COMMAND ${WASM_OPT} ${WF_WASM_OPT_FEATURES} --flatten --rereloop -Oz -Oz --converge -g "${WF_WASM}" -o "${WF_WASM}"
  COMMAND ${WASM_DIS} "${WF_WASM}" -o "${WF_WAT}"
  COMMAND ${NODE} "${PROJECT_SOURCE_DIR}/cmake/order_wasm_functions.mjs" "${WF_WAT}" "${WF_WAT}"
  COMMAND ${WASM_AS} ${WF_WASM_OPT_FEATURES} "${WF_WAT}" -o "${WF_WASM}"
  COMMAND ${WASM_OPT} ${WF_WASM_OPT_FEATURES} --shrink-level=2 --generate-stack-ir --optimize-stack-ir
          "${WF_WASM}" -o "${WF_WASM}"
  COMMAND ${CMAKE_COMMAND} -E remove "${WF_WAT}"
  COMMENT "Shrinking app.wasm")
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/order_wasm_functions.mjs")
add_dependencies(app wayfinder_fonts)
