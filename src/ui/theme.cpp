#include "ui/theme.hpp"

namespace wf::ui {

namespace {
constexpr ImU32 rgb(unsigned hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

// Colours chosen for contrast first (text on background ≥ 7:1 in every theme; AAA in high contrast;
// hints ≥ 4.5:1 on the field, 7:1 in high contrast). tests/app/theme_contrast_tests.cpp holds every
// pair the app draws to WCAG AA.
const Palette kLight{rgb(0xF7F6F2), rgb(0xECEAE3), rgb(0xFFFFFF), rgb(0x1D1F23), rgb(0x4E5359), rgb(0x1F5FA8),
                     rgb(0xFFFFFF), rgb(0xC9C6BC), rgb(0xFFFFFF), rgb(0x8A8679), rgb(0xB3541E), rgb(0xA4231C),
                     rgb(0x1E6B34), rgb(0x8A5A00), rgb(0xFFF4D6), rgb(0x6B7077)};
const Palette kDark{rgb(0x17191C), rgb(0x202328), rgb(0x25292F), rgb(0xECEDEE), rgb(0xB4B9BF), rgb(0x7FB2F0),
                    rgb(0x0C1A2B), rgb(0x3A3F47), rgb(0x1C1F23), rgb(0x787F89), rgb(0xF0A35E), rgb(0xFF8A80),
                    rgb(0x7BD389), rgb(0xF2C14E), rgb(0x3A3222), rgb(0x8E949B)};
const Palette kHighContrast{rgb(0x000000), rgb(0x000000), rgb(0x000000), rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xFFFF00),
                            rgb(0x000000), rgb(0xFFFFFF), rgb(0x000000), rgb(0xFFFFFF), rgb(0x00FFFF), rgb(0xFF6B6B),
                            rgb(0x7CFF7C), rgb(0xFFFF00), rgb(0x000000), rgb(0xC8C8C8)};
Theme g_theme = Theme::Light;
} // namespace

NoteInk note_ink(NoteColour c) {
    switch (c) {
        case NoteColour::Pink: return {IM_COL32(0xFB, 0xCF, 0xE0, 0xFF), IM_COL32(0xB8, 0x5C, 0x82, 0xFF)};
        case NoteColour::Blue: return {IM_COL32(0xC8, 0xE1, 0xFB, 0xFF), IM_COL32(0x4F, 0x7F, 0xB4, 0xFF)};
        case NoteColour::Green: return {IM_COL32(0xCF, 0xEE, 0xC9, 0xFF), IM_COL32(0x4E, 0x8A, 0x45, 0xFF)};
        case NoteColour::Purple: return {IM_COL32(0xE2, 0xD5, 0xF7, 0xFF), IM_COL32(0x7A, 0x5C, 0xB0, 0xFF)};
        default: return {IM_COL32(0xFF, 0xEE, 0x99, 0xFF), IM_COL32(0xA8, 0x89, 0x1F, 0xFF)};
    }
}

Theme theme_from_name(const std::string& name) {
    if (name == "dark") return Theme::Dark;
    if (name == "high-contrast") return Theme::HighContrast;
    return Theme::Light;
}

const char* theme_name(Theme theme) {
    switch (theme) {
        case Theme::Dark: return "dark";
        case Theme::HighContrast: return "high-contrast";
        default: return "light";
    }
}

const Palette& palette() {
    switch (g_theme) {
        case Theme::Dark: return kDark;
        case Theme::HighContrast: return kHighContrast;
        default: return kLight;
    }
}

void apply_theme(Theme theme, float scale) {
    g_theme = theme;
    const Palette& p = palette();
    ImGuiStyle style;
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 8;
    style.GrabRounding = 6;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;
    style.ChildBorderSize = theme == Theme::HighContrast ? 2.0f : 1.0f;
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.ScaleAllSizes(scale);

    auto c = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
    auto with_alpha = [&](ImU32 u, float a) { ImVec4 v = c(u); v.w = a; return v; };
    ImVec4* col = style.Colors;
    col[ImGuiCol_Text] = c(p.text);
    col[ImGuiCol_TextDisabled] = c(p.text_dim);
    col[ImGuiCol_WindowBg] = c(p.background);
    col[ImGuiCol_ChildBg] = c(p.panel);
    col[ImGuiCol_PopupBg] = c(p.panel);
    // Frames (check boxes, radio buttons, buttons) and panels are outlined in it: a check box is told
    // from the page by its edge alone, so the edge has the field's contrast.
    col[ImGuiCol_Border] = c(p.field_border);
    col[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_FrameBg] = c(p.field);
    col[ImGuiCol_FrameBgHovered] = c(p.field);
    col[ImGuiCol_FrameBgActive] = c(p.field);
    col[ImGuiCol_TitleBg] = c(p.sidebar);
    col[ImGuiCol_TitleBgActive] = c(p.sidebar);
    col[ImGuiCol_TitleBgCollapsed] = c(p.sidebar);
    col[ImGuiCol_MenuBarBg] = c(p.sidebar);
    col[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_ScrollbarGrab] = with_alpha(p.text_dim, 0.7f);
    col[ImGuiCol_ScrollbarGrabHovered] = with_alpha(p.text_dim, 0.85f);
    col[ImGuiCol_ScrollbarGrabActive] = c(p.text_dim);
    col[ImGuiCol_CheckMark] = c(p.accent);
    col[ImGuiCol_SliderGrab] = c(p.accent);
    col[ImGuiCol_SliderGrabActive] = c(p.accent);
    col[ImGuiCol_Button] = with_alpha(p.accent, theme == Theme::HighContrast ? 0.0f : 0.10f);
    col[ImGuiCol_ButtonHovered] = with_alpha(p.accent, 0.22f);
    col[ImGuiCol_ButtonActive] = with_alpha(p.accent, 0.35f);
    col[ImGuiCol_Header] = with_alpha(p.accent, 0.16f);
    col[ImGuiCol_HeaderHovered] = with_alpha(p.accent, 0.24f);
    col[ImGuiCol_HeaderActive] = with_alpha(p.accent, 0.32f);
    col[ImGuiCol_Separator] = c(p.border);
    col[ImGuiCol_SeparatorHovered] = c(p.accent);
    col[ImGuiCol_SeparatorActive] = c(p.accent);
    col[ImGuiCol_NavHighlight] = c(p.focus);
    col[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    ImGui::GetStyle() = style;
}

} // namespace wf::ui
