// ImGui's text formatting is ours (ui/imgui_format.cpp); the C library's is its specification.
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <doctest/doctest.h>
#include <string>

namespace {

template <typename... Args>
void check_as_printf(const char* fmt, Args... args) {
    char ours[256], theirs[256];
    const int ours_length = ImFormatString(ours, sizeof ours, fmt, args...);
    std::snprintf(theirs, sizeof theirs, fmt, args...);
    CAPTURE(fmt);
    CHECK(std::string(ours) == std::string(theirs));
    CHECK(ours_length == (int)std::string(theirs).size());
}

} // namespace

TEST_CASE("ImGui's window names, tooltips and the app's texts format as printf formats them") {
    check_as_printf("%s/%s_%08X", "##app", "##page", 0x1234abcdu);
    check_as_printf("%s/%08X", "##app", 0xffu);
    check_as_printf("##Tooltip_%02d", 3);
    check_as_printf("##Popup_%08x", 0xdeadbeefu);
    check_as_printf("%s", "Save this page");
    check_as_printf("Undo %s (Ctrl+Z)", "typing");
    check_as_printf("Save this page as a PNG picture (%dx)", 2);
    check_as_printf("Make the notes' text larger, up to 250 %% (+)");
    check_as_printf("%.*s", 3, "abcdef");
    check_as_printf("[%5d|%-5d|%05d|%.3d|%d]", 42, -42, -42, 7, -2147483647 - 1);
    check_as_printf("%u %lu %llu %zu", 4000000000u, 7ul, 18446744073709551615ull, (size_t)12);
    check_as_printf("%lld %x %X %c", -9223372036854775807ll, 255u, 255u, 'w');
    check_as_printf("%*s|%-*s|", 6, "ab", 6, "ab");
    check_as_printf("%.0f%% %.3f %8.2f %-8.1f|", 42.5f * 1.0, 3.14159, -2.005, 0.25);
}

TEST_CASE("ImGui's formatting measures without a buffer and truncates to one") {
    CHECK(ImFormatString(nullptr, 0, "%s-%d", "abc", 12345) == 9);
    char small[5];
    CHECK(ImFormatString(small, sizeof small, "%s-%d", "abc", 12345) == 4);
    CHECK(std::string(small) == "abc-");
}
