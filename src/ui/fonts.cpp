#include "ui/fonts.hpp"

#include <imgui.h>

#include <cmath>

namespace wf::ui {

namespace {
std::vector<uint8_t> g_text_font, g_icon_font;
FontSet g_fonts;

// Latin-1, Latin Extended-A, general punctuation (curly quotes, dashes, ellipsis), euro, trademark, arrows.
const ImWchar kTextRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2000, 0x206F, 0x20AC, 0x20AC,
                               0x2122, 0x2122, 0x2190, 0x2193, 0};
// Headings and captions show the app's own words and names, never long user text: Latin-1 and
// punctuation keep their atlases small, which keeps start-up fast on a slow Chromebook.
const ImWchar kTitleRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2000, 0x206F, 0};
const ImWchar kIconRanges[] = {0xF000, 0xF2FF, 0};

// ImGui sizes a font by its line height (hhea ascent - descent); CSS sizes it by the em. Their ratio
// lets the native editor render the same glyph size as ImGui. Read straight from the 'head' and
// 'hhea' tables (ImGui's stb_truetype is compiled static, so its helpers are not callable here).
float em_per_line(const std::vector<uint8_t>& font) {
    auto u16 = [&](size_t at) { return at + 2 <= font.size() ? (unsigned)(font[at] << 8 | font[at + 1]) : 0u; };
    auto u32 = [&](size_t at) { return (uint32_t)u16(at) << 16 | u16(at + 2); };
    uint32_t head = 0, hhea = 0;
    const unsigned tables = u16(4);
    for (unsigned i = 0; i < tables; i++) {
        const size_t record = 12 + (size_t)i * 16;
        const uint32_t tag = u32(record), offset = u32(record + 8);
        if (tag == 0x68656164) head = offset;      // 'head'
        else if (tag == 0x68686561) hhea = offset; // 'hhea'
    }
    const float units_per_em = (float)u16(head + 18);
    const float line = (float)(int16_t)u16(hhea + 4) - (float)(int16_t)u16(hhea + 6);
    return head && hhea && units_per_em > 0 && line > 0 ? units_per_em / line : 0.82f;
}

ImFont* add_font(float px, const ImWchar* ranges) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig text;
    text.FontDataOwnedByAtlas = false;  // the vectors above own the bytes
    text.OversampleH = 1;               // drawn 1:1 in device pixels: oversampling only blurs
    text.OversampleV = 1;
    text.PixelSnapH = true;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(g_text_font.data(), (int)g_text_font.size(), px, &text, ranges);
    if (!g_icon_font.empty()) {
        ImFontConfig icons = text;
        icons.MergeMode = true;
        icons.GlyphMinAdvanceX = px;    // icons line up in lists
        icons.GlyphOffset = ImVec2(0, px * 0.05f);
        io.Fonts->AddFontFromMemoryTTF(g_icon_font.data(), (int)g_icon_font.size(), px * 0.9f, &icons, kIconRanges);
    }
    return font;
}
} // namespace

void set_font_sources(std::vector<uint8_t> text_font, std::vector<uint8_t> icon_font) {
    g_text_font = std::move(text_font);
    g_icon_font = std::move(icon_font);
    g_fonts.em_per_line = em_per_line(g_text_font);
}

void build_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;
    if (g_text_font.empty()) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        g_fonts.body = g_fonts.heading = g_fonts.small = io.Fonts->AddFontDefault(&fallback);
    } else {
        g_fonts.body = add_font(std::floor(kBodyPx * scale), kTextRanges);
        g_fonts.heading = add_font(std::floor(kHeadingPx * scale), kTitleRanges);
        g_fonts.small = add_font(std::floor(kSmallPx * scale), kTitleRanges);
    }
    io.Fonts->Build();
}

const FontSet& fonts() { return g_fonts; }

} // namespace wf::ui
