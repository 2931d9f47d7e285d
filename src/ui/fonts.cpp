#include "ui/fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>

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

// ImGui's metrics for one of the fonts (FontMetrics), as stb_truetype gives them.
struct FontFile {
    FontMetrics m{};

    int ascent() const { return m.ascent; }
    int descent() const { return m.descent; }

    // ImGui sizes a font by its line height (hhea ascent - descent); CSS sizes it by the em. Their
    // ratio lets the native editor and the browser's glyphs match ImGui's size.
    float em_per_line() const {
        const float units_per_em = (float)m.units_per_em;
        const float line = (float)(ascent() - descent());
        return units_per_em > 0 && line > 0 ? units_per_em / line : 0.82f;
    }
    // stbtt_ScaleForPixelHeight: font units to pixels for a line `px` tall.
    float scale_for_line(float px) const { return px / (float)(ascent() - descent()); }

    // The advance width of `codepoint`, font units; -1: the font lacks it.
    int advance(unsigned codepoint) const {
        int index = 0;
        for (const uint16_t* run = m.runs; run && run[0]; run += 2) {
            if (codepoint < run[0]) return -1;
            if (codepoint <= run[1]) return m.advances[index + (int)(codepoint - run[0])];
            index += run[1] - run[0] + 1;
        }
        return -1;
    }
};
FontFile g_files[2];   // g_text_font, g_icon_font: RasterGlyph::font
GlyphRasteriser g_rasteriser;

// Which of g_files a source's bytes are (ImGui keeps its own copy of them).
int file_of(const ImFontConfig& cfg) {
    return cfg.FontDataSize == (int)g_icon_font.size() && !std::memcmp(cfg.FontData, g_icon_font.data(), g_icon_font.size());
}

// ImGui's stb_truetype builder (ImFontAtlasBuildWithStbTruetype) with the glyphs measured and drawn
// by g_rasteriser: the same glyphs, metrics and padding, on shelves instead of stb_rect_pack's skyline.
bool build_with_rasteriser(ImFontAtlas* atlas) {
    ImFontAtlasBuildInit(atlas);
    atlas->TexID = (ImTextureID)NULL;
    atlas->TexUvScale = atlas->TexUvWhitePixel = ImVec2(0, 0);
    atlas->ClearTexData();

    // Every glyph each source asks for and has. A merged source's ranges here never overlap the
    // fonts before it, so none is left out for being there already, as stb's builder would.
    ImVector<RasterGlyph> glyphs;
    ImVector<float> advances;
    ImVector<int> firsts;   // each source's first glyph, then the end
    for (const ImFontConfig& cfg : atlas->ConfigData) {
        firsts.push_back(glyphs.Size);
        const int font = file_of(cfg);
        const FontFile& file = g_files[font];
        const float scale = file.scale_for_line(cfg.SizePixels);
        for (const ImWchar* range = cfg.GlyphRanges; range[0] && range[1]; range += 2)
            for (unsigned c = range[0]; c <= range[1]; c++)
                if (const int advance = file.advance(c); advance >= 0) {
                    glyphs.push_back({font, cfg.SizePixels * file.em_per_line(), (int32_t)c, 0, 0, 0, 0, 0, 0});
                    advances.push_back(scale * (float)advance);
                }
    }
    firsts.push_back(glyphs.Size);
    g_rasteriser.measure(glyphs.Data, glyphs.Size);

    // The glyphs' boxes, each with stb's padding left and above, and ImGui's own rectangles, on
    // shelves tallest first, in the texture width stb's builder picks.
    const int pad = atlas->TexGlyphPadding;
    int surface = 0, tallest = 0;
    for (const RasterGlyph& g : glyphs) {
        surface += (g.x1 - g.x0 + pad) * (g.y1 - g.y0 + pad);
        tallest = std::max(tallest, g.y1 - g.y0 + pad);
    }
    for (const ImFontAtlasCustomRect& r : atlas->CustomRects) tallest = std::max(tallest, (int)r.Height);
    const float side = (float)((int)std::sqrt((float)surface) + 1);
    atlas->TexWidth = atlas->TexDesiredWidth > 0 ? atlas->TexDesiredWidth
                      : side >= 4096 * 0.7f ? 4096 : side >= 2048 * 0.7f ? 2048 : side >= 1024 * 0.7f ? 1024 : 512;
    int x = 0, y = 0, shelf = 0;
    auto place = [&](int w, int h, int& at_x, int& at_y) {
        if (x + w > atlas->TexWidth) {
            x = 0;
            y += shelf;
            shelf = 0;
        }
        at_x = x;
        at_y = y;
        x += w;
        shelf = std::max(shelf, h);
    };
    for (int h = tallest; h > 0; h--) {
        for (RasterGlyph& g : glyphs)
            if (g.y1 - g.y0 + pad == h) {
                place(g.x1 - g.x0 + pad, h, g.pen_x, g.pen_y);
                g.pen_x += pad - g.x0;
                g.pen_y += pad - g.y0;
            }
        for (ImFontAtlasCustomRect& r : atlas->CustomRects)
            if (r.Height == h) {
                int at_x, at_y;
                place(r.Width, h, at_x, at_y);
                r.X = (unsigned short)at_x;
                r.Y = (unsigned short)at_y;
            }
    }
    atlas->TexHeight = ImUpperPowerOfTwo(y + shelf);
    atlas->TexUvScale = ImVec2(1.0f / (float)atlas->TexWidth, 1.0f / (float)atlas->TexHeight);
    atlas->TexPixelsAlpha8 = (unsigned char*)IM_ALLOC((size_t)atlas->TexWidth * atlas->TexHeight);
    g_rasteriser.draw(glyphs.Data, glyphs.Size, atlas->TexWidth, atlas->TexHeight, atlas->TexPixelsAlpha8);

    for (int s = 0; s < atlas->ConfigData.Size; s++) {
        ImFontConfig& cfg = atlas->ConfigData[s];
        ImFont* font = cfg.DstFont;
        const FontFile& file = g_files[file_of(cfg)];
        const float scale = file.scale_for_line(cfg.SizePixels);
        const float ascent = ImFloor((float)file.ascent() * scale + (file.ascent() > 0 ? 1 : -1));
        const float descent = ImFloor((float)file.descent() * scale + (file.descent() > 0 ? 1 : -1));
        ImFontAtlasBuildSetupFont(atlas, font, &cfg, ascent, descent);
        const float off_x = cfg.GlyphOffset.x, off_y = cfg.GlyphOffset.y + IM_ROUND(font->Ascent);
        const ImVec2 uv = atlas->TexUvScale;
        for (int i = firsts[s]; i < firsts[s + 1]; i++) {
            const RasterGlyph& g = glyphs[i];
            font->AddGlyph(&cfg, (ImWchar)g.codepoint, (float)g.x0 + off_x, (float)g.y0 + off_y, (float)g.x1 + off_x,
                           (float)g.y1 + off_y, (float)(g.pen_x + g.x0) * uv.x, (float)(g.pen_y + g.y0) * uv.y,
                           (float)(g.pen_x + g.x1) * uv.x, (float)(g.pen_y + g.y1) * uv.y, advances[i]);
        }
    }
    ImFontAtlasBuildFinish(atlas);
    return true;
}
const ImFontBuilderIO kRasteriserBuilder = {build_with_rasteriser};

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

void set_font_sources(std::vector<uint8_t> text_font, const FontMetrics& text_metrics, std::vector<uint8_t> icon_font,
                      const FontMetrics& icon_metrics) {
    g_text_font = std::move(text_font);
    g_icon_font = std::move(icon_font);
    g_files[0] = FontFile{text_metrics};
    g_files[1] = FontFile{icon_metrics};
    g_fonts.em_per_line = g_files[0].em_per_line();
}

void set_glyph_rasteriser(GlyphRasteriser rasteriser) { g_rasteriser = rasteriser; }

void build_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;
    io.Fonts->FontBuilderIO = g_rasteriser.draw && !g_text_font.empty() ? &kRasteriserBuilder : nullptr;
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
