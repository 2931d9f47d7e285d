# Writes the web app's copies of three nlohmann_json 3.11.2 headers, and puts them ahead of the
# originals on the core's include path. Two have their one snprintf call replaced by the few
# characters it writes. An snprintf anywhere keeps the C library's printf in the wasm, and musl's printf formats floats
# through software long-double arithmetic (with ImGui's formatting and the app's own gone, 3 KB gzip).
#  - lexer.hpp: a control character in a parse error's token reads "<U+001F>".
#  - serializer.hpp: a control character in a string written out reads "\u001f" (the library's
#    ensure_ascii escapes, which the app never asks for, take the same path).
#  - parser.hpp: the parser's stack of open arrays and objects is a vector of chars, not of bools:
#    the bit-packed vector<bool>'s push_back alone was 1.7 KB of wasm (0.6 KB gzip).
# The native build keeps the originals. Included from CMakeLists.txt when configured with emcmake.
set(WF_JSON_IN "${WF_CACHE}/include/nlohmann/detail")
set(WF_JSON_OUT "${CMAKE_BINARY_DIR}/json_for_web")
include("${CMAKE_CURRENT_LIST_DIR}/edited_copy.cmake")
function(write_json_copy name text)
  write_if_changed("${WF_JSON_OUT}/nlohmann/detail/${name}" "${text}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${WF_JSON_IN}/${name}")
endfunction()

file(READ "${WF_JSON_IN}/input/lexer.hpp" lexer)
replace_exactly(lexer "${WF_JSON_IN}/input/lexer.hpp"
  [=[static_cast<void>((std::snprintf)(cs.data(), cs.size(), "<U+%.4X>", static_cast<unsigned char>(c)));]=]
  [=[cs = {{'<', 'U', '+', '0', '0', "0123456789ABCDEF"[static_cast<unsigned char>(c) >> 4u], "0123456789ABCDEF"[static_cast<unsigned char>(c) & 15u], '>', '\0'}};]=])
write_json_copy(input/lexer.hpp "${lexer}")

file(READ "${WF_JSON_IN}/output/serializer.hpp" serializer)
replace_exactly(serializer "${WF_JSON_IN}/output/serializer.hpp"
  [=[static_cast<void>((std::snprintf)(string_buffer.data() + bytes, 7, "\\u%04x",
                                                                      static_cast<std::uint16_t>(codepoint)));]=]
  [=[for (unsigned i = 0; i < 6; i++)
                                        string_buffer[bytes + i] = i < 2 ? "\\u"[i] : "0123456789abcdef"[(codepoint >> (20u - 4u * i)) & 15u];]=])
replace_exactly(serializer "${WF_JSON_IN}/output/serializer.hpp"
  [=[static_cast<void>((std::snprintf)(string_buffer.data() + bytes, 13, "\\u%04x\\u%04x",
                                                                      static_cast<std::uint16_t>(0xD7C0u + (codepoint >> 10u)),
                                                                      static_cast<std::uint16_t>(0xDC00u + (codepoint & 0x3FFu))));]=]
  [=[for (unsigned i = 0; i < 12; i++)
                                    {
                                        const std::uint32_t half = i < 6 ? 0xD7C0u + (codepoint >> 10u) : 0xDC00u + (codepoint & 0x3FFu);
                                        string_buffer[bytes + i] = i % 6 < 2 ? "\\u"[i % 6] : "0123456789abcdef"[(half >> (20u - 4u * (i % 6))) & 15u];
                                    }]=])
write_json_copy(output/serializer.hpp "${serializer}")
file(READ "${WF_JSON_IN}/input/parser.hpp" parser)
replace_exactly(parser "${WF_JSON_IN}/input/parser.hpp" [=[std::vector<bool> states;]=] [=[std::vector<char> states;]=])
write_json_copy(input/parser.hpp "${parser}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_CURRENT_LIST_FILE}")
target_include_directories(wayfinder_core SYSTEM BEFORE PUBLIC "${WF_JSON_OUT}")
