// Light, dark and high-contrast palettes, and the ImGui style built from them at a given scale.
#pragma once
#include <string>

#include <imgui.h>

namespace wf::ui {

enum class Theme { Light, Dark, HighContrast };
Theme theme_from_name(const std::string& name);   // unknown names fall back to Light
const char* theme_name(Theme theme);

struct Palette {
    ImU32 background, sidebar, panel, text, text_dim, accent, accent_text, border, field, field_border,
          focus, error, success, warning, notice_bg,
          hint;   // example text in an empty field: lighter than anything typed, still readable (≥ 4.5:1 on the field)
};
const Palette& palette();

// Replaces the ImGui style with the theme's, sized for `scale` device pixels per design pixel.
void apply_theme(Theme theme, float scale);

} // namespace wf::ui
