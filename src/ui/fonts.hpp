// The UI fonts: Inter (subset to Latin-1, Latin Extended-A and general punctuation) with the icon
// glyphs merged in, rasterised at the exact device-pixel size so text is crisp at any
// devicePixelRatio and UI scale.
#pragma once
#include <cstdint>
#include <vector>

struct ImFont;

namespace wf::ui {

constexpr float kBodyPx = 20.0f;     // body text line height in CSS pixels at 100 %
constexpr float kHeadingPx = 30.0f;  // page titles
constexpr float kSmallPx = 17.0f;    // captions, status

struct FontSet {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
    float em_per_line = 0.82f; // CSS font-size / ImGui font size, so native text editors match ImGui glyphs
};

// Keeps the font files for the lifetime of the app (the atlas is rebuilt from them on every scale change).
void set_font_sources(std::vector<uint8_t> text_font, std::vector<uint8_t> icon_font);
// Clears ImGui's atlas and rebuilds it for `scale` device pixels per CSS pixel. The caller uploads the texture.
void build_fonts(float scale);
const FontSet& fonts();

} // namespace wf::ui
