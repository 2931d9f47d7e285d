#include "ui/fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace wf::ui {

namespace {
std::vector<uint8_t> g_text_font, g_icon_font;
FontSet g_fonts;

// The zoomed font: the size in the atlas, and the size the maps want, waited for until it holds.
struct ZoomedFontState {
    float built = 0;          // device px of fonts().zoomed; 0: none
    float asked = 0;          // the largest map text this frame, device px
    float pending = -1;       // the size a rebuild would give; -1: none pending
    double pending_since = 0; // when `pending` was first wanted
};
ZoomedFontState g_zoomed;

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

ImFont* add_font(float px, const ImWchar* ranges, bool with_icons = true) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig text;
    text.FontDataOwnedByAtlas = false;  // the vectors above own the bytes
    text.OversampleH = 1;               // drawn 1:1 in device pixels: oversampling only blurs
    text.OversampleV = 1;
    text.PixelSnapH = true;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(g_text_font.data(), (int)g_text_font.size(), px, &text, ranges);
    if (with_icons && !g_icon_font.empty()) {
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
        g_fonts.zoomed = nullptr;
        if (g_zoomed.built > 0) {
            ImFontConfig zoomed;
            zoomed.SizePixels = g_zoomed.built;
            g_fonts.zoomed = io.Fonts->AddFontDefault(&zoomed);
        }
    } else {
        g_fonts.body = add_font(std::floor(kBodyPx * scale), kTextRanges);
        g_fonts.heading = add_font(std::floor(kHeadingPx * scale), kTitleRanges);
        g_fonts.small = add_font(std::floor(kSmallPx * scale), kTitleRanges);
        // Notes hold the librarian's words, never icons: the zoomed font leaves the icon glyphs out,
        // which keeps the largest of its atlas pages small.
        g_fonts.zoomed = g_zoomed.built > 0 ? add_font(g_zoomed.built, kTextRanges, false) : nullptr;
    }
    io.Fonts->Build();
}

const FontSet& fonts() { return g_fonts; }

ImFont* text_font_for(float px) {
    ImFont* smaller = g_fonts.body ? g_fonts.body : ImGui::GetFont();
    if (g_fonts.zoomed && g_fonts.zoomed->FontSize == zoomed_font_px(px, smaller->FontSize)) return g_fonts.zoomed;
    ImFont* larger = g_fonts.zoomed ? g_fonts.zoomed : smaller;
    if (smaller->FontSize > larger->FontSize) std::swap(smaller, larger);
    return smaller->FontSize >= px ? smaller : larger;
}

float zoomed_font_px(float px, float body_px) {
    if (!(px >= kZoomedFontMinPx)) return 0;   // also NaN
    const float size = std::round(std::min(px, kZoomedFontMaxPx));
    return size == body_px ? 0 : size;
}

void begin_text_sizes() { g_zoomed.asked = 0; }

void want_text_px(float px) { g_zoomed.asked = std::max(g_zoomed.asked, px); }

ZoomedFontStep zoomed_font_after_frame(double now_seconds) {
    ZoomedFontState& z = g_zoomed;
    const float wanted = zoomed_font_px(z.asked, g_fonts.body ? g_fonts.body->FontSize : 0);
    if (wanted == z.built) {
        z.pending = -1;
        return ZoomedFontStep::Ready;
    }
    if (wanted != z.pending) {
        z.pending = wanted;
        z.pending_since = now_seconds;
        return ZoomedFontStep::Settling;
    }
    if (now_seconds - z.pending_since < kZoomedFontSettleSeconds) return ZoomedFontStep::Settling;
    z.built = wanted;
    z.pending = -1;
    return ZoomedFontStep::Rebuild;
}

} // namespace wf::ui
