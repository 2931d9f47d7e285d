// The UI fonts: Inter (subset to Latin-1, Latin Extended-A and general punctuation) with the icon
// glyphs merged in, rasterised at the exact device-pixel size so text is crisp at any
// devicePixelRatio and UI scale.
//
// Map text (notes, template labels) is drawn at whatever size the zoom and screen-share's text scale
// give, and a font drawn larger than it was rasterised goes soft. So each frame the maps say how big
// their notes' text is drawn (want_text_px), and once that size has held for a moment the atlas is
// rebuilt with one more font, `zoomed`, rasterised at that size (to the nearest pixel); text is then
// drawn with it, at its own size, or the smallest font at least its size (text_font_for). Drawn 1:1, glyphs are as
// sharp as the page's own text: stretched, they blur, and shrunk by even 15 % (17 px notes from the
// 20 px body font) they soften. Rasterising costs no download, and the atlas holds one extra size.
#pragma once
#include <cstdint>
#include <vector>

struct ImFont;

namespace wf::ui {

constexpr float kBodyPx = 20.0f;     // body text line height in CSS pixels at 100 %
constexpr float kHeadingPx = 30.0f;  // page titles
constexpr float kSmallPx = 17.0f;    // captions, status

// The zoomed font's sizes, device pixels. Smaller text is hardly read (under 4 px it is drawn as
// strokes); text beyond the largest is drawn with it stretched: bigger, the atlas would pass 4 MB.
constexpr float kZoomedFontMinPx = 6.0f;
constexpr float kZoomedFontMaxPx = 160.0f;
constexpr double kZoomedFontSettleSeconds = 0.2;   // a zoom gesture is over when its size held this long

struct FontSet {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
    ImFont* zoomed = nullptr;  // body text at a map's zoomed text size (zoomed_font_px); null when not needed
    float em_per_line = 0.82f; // CSS font-size / ImGui font size, so native text editors match ImGui glyphs
};

// What ImGui lays a font's text out with, as stb_truetype reads it from the font's 'head', 'hhea',
// 'hmtx' and 'cmap' tables. The web app's are generated at build time (cmake/font_metrics.mjs): its
// font files are WOFF2, whose tables are compressed.
struct FontMetrics {
    uint16_t units_per_em;
    int16_t ascent, descent;     // hhea, font units
    const uint16_t* runs;        // the codepoints the font has: first and last of each run, ascending, then 0
    const uint16_t* advances;    // font units, one for each of those codepoints, in order
};

// Keeps the font files for the lifetime of the app (the atlas is rebuilt from them on every scale change).
void set_font_sources(std::vector<uint8_t> text_font, const FontMetrics& text_metrics, std::vector<uint8_t> icon_font,
                      const FontMetrics& icon_metrics);

// A glyph rasteriser in place of ImGui's stb_truetype: the web app's is the browser's own, which keeps
// stb_truetype out of its wasm. The atlas is laid out here, with the metrics stb_truetype gives (line
// height, ascent, advances: FontMetrics), so text measures and wraps as with stb.
struct RasterGlyph {
    int32_t font;            // 0: the text font, 1: the icon font (set_font_sources)
    float css_px;            // its CSS font-size
    int32_t codepoint;
    int32_t x0, y0, x1, y1;  // from measure: the ink around the pen on the baseline, whole pixels; no ink: all 0
    int32_t pen_x, pen_y;    // for draw: the pen in the atlas
};
struct GlyphRasteriser {
    void (*measure)(RasterGlyph* glyphs, int count);
    // Writes every byte of the width x height coverage image `alpha`, the glyphs drawn at their pens.
    void (*draw)(const RasterGlyph* glyphs, int count, int width, int height, uint8_t* alpha);
};
// From then on build_fonts rasterises with it.
void set_glyph_rasteriser(GlyphRasteriser rasteriser);
// Clears ImGui's atlas and rebuilds it for `scale` device pixels per CSS pixel, with the zoomed font
// when one is wanted. The caller uploads the texture.
void build_fonts(float scale);
const FontSet& fonts();

// The font to draw body-font text `px` device pixels tall with: the zoomed one when it was made for
// that size, else the smallest of body and zoomed that is at least that size, else the larger.
ImFont* text_font_for(float px);

// The zoomed font's size for text `px` device pixels tall: `px` rounded (at most kZoomedFontMaxPx),
// or 0 when the body font (`body_px`) is that size or the text is too small to read.
float zoomed_font_px(float px, float body_px);

// Frame by frame (the web adapter's frame, around the UI's drawing):
void begin_text_sizes();          // a new screen frame: what the last one asked for is forgotten
void want_text_px(float px);      // text drawn this frame at `px` device pixels (its font: text_font_for)
enum class ZoomedFontStep {
    Ready,      // the atlas has what the frame wanted
    Settling,   // a new size is wanted but may still change (a zoom in progress): draw another frame later
    Rebuild,    // the size held: rebuild the atlas (build_fonts) before the next frame
};
// After the frame's drawing: whether the atlas should change, `now_seconds` telling how long the
// wanted size has held.
ZoomedFontStep zoomed_font_after_frame(double now_seconds);

} // namespace wf::ui
