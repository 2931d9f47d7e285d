#include "ui/canvas_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "app/lets_talk.hpp"
#include "app/workbench.hpp"
#include "core/venn_regions.hpp"
#include "ui/automation.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/input_queue.hpp"
#include "ui/present_mode.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] Look: sizes and colours
// [SECTION] Note layout (wrapped text, cached)
// [SECTION] Drawing the template
// [SECTION] Drawing notes
// [SECTION] draw_map
// [SECTION] The canvas's notes as boxes
// [SECTION] Toolbar
// [SECTION] Pointer: press, drag, drop
// [SECTION] Keyboard
// [SECTION] Editing a note's text in place
// [SECTION] The canvas's scene, made once per journey revision
// [SECTION] map_canvas

namespace {

using canvas::Rect;
using canvas::Vec2;
using canvas::ViewTransform;

// [SECTION] Look: sizes and colours -----------------------------------------------------------------

constexpr double kNotePad = 10;        // around the text inside a note
constexpr double kLabelPx = 20;        // template labels
constexpr double kArrowStep = 10;      // an arrow key moves the selection this far (world units)
constexpr double kArrowBigStep = 60;   // ...with Shift
constexpr double kKeyZoom = 1.25;      // + and -

struct ColourChoice { NoteColour colour; const char* name; };
constexpr ColourChoice kColours[] = {{NoteColour::Yellow, "Yellow"}, {NoteColour::Pink, "Pink"}, {NoteColour::Blue, "Blue"},
                                     {NoteColour::Green, "Green"}, {NoteColour::Purple, "Purple"}};

ImVec2 im(Vec2 v) { return ImVec2((float)v.x, (float)v.y); }
Vec2 vec(ImVec2 v) { return Vec2{v.x, v.y}; }

// A 1-device-pixel edge stays sharp when its corners sit on whole pixels: ImGui strokes at +0.5.
ImVec2 snapped(Vec2 v) { return ImVec2(std::floor((float)v.x), std::floor((float)v.y)); }

ImU32 with_alpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | ((ImU32)alpha << IM_COL32_A_SHIFT); }

// [SECTION] Note layout (wrapped text, cached) ----------------------------------------------------

// Where a note's text breaks into lines, worked out once at world size: the lines stay the same at
// every zoom (glyph advances scale linearly with the font size), so a note never reflows as it zooms.
struct NoteLayout {
    std::vector<std::pair<int, int>> lines;   // byte ranges of the text
    double height = 0;                        // the note's height, world units (at least kNoteSize.y)
    unsigned used = 0;                        // the generation that last used it
};

struct LayoutCache {
    // By text size (hundredths of a world unit: the page's notes and screen-share's larger ones stay
    // side by side), then by text, looked up without building a key.
    std::map<int, std::unordered_map<std::string, NoteLayout>> by_size;
    const ImFont* font = nullptr;
    float font_size = 0;
    unsigned generation = 0;
};
LayoutCache& layout_cache() { static LayoutCache c; return c; }

ImFont* note_font() { return fonts().body ? fonts().body : ImGui::GetFont(); }

void lay_out(NoteLayout& layout, ImFont* font, const std::string& text, double text_px) {
    const float size = (float)text_px;
    const float wrap = (float)(kNoteSize.x - 2 * kNotePad);
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const char* s = begin;
    while (s < end) {
        const char* line_end = font->CalcWordWrapPositionA(size / font->FontSize, s, end, wrap);
        if (line_end == s) line_end = s + 1;   // a glyph wider than the note still takes a line
        const char* nl = (const char*)memchr(s, '\n', (size_t)(line_end - s));
        if (nl) line_end = nl;
        layout.lines.emplace_back((int)(s - begin), (int)(line_end - begin));
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\n')) {
            const bool newline = *s == '\n';
            s++;
            if (newline) break;
        }
    }
    const double line_h = text_px * 1.15;
    layout.height = std::max(kNoteSize.y, layout.lines.size() * line_h + 2 * kNotePad);
}

const NoteLayout& note_layout(const std::string& text, double text_px) {
    LayoutCache& cache = layout_cache();
    ImFont* font = note_font();
    if (cache.font != font || cache.font_size != font->FontSize) {
        cache.by_size.clear();
        cache.font = font;
        cache.font_size = font->FontSize;
    }
    std::unordered_map<std::string, NoteLayout>& entries = cache.by_size[(int)std::lround(text_px * 100)];
    auto it = entries.find(text);
    if (it == entries.end()) {
        it = entries.emplace(text, NoteLayout{}).first;
        lay_out(it->second, font, text, text_px);
    }
    it->second.used = cache.generation;
    return it->second;
}

// Layouts that the last few scenes made (draw_map calls, rebuilt canvas scenes) did not use are
// forgotten: typing makes a new one per keystroke.
void forget_old_layouts() {
    LayoutCache& cache = layout_cache();
    cache.generation++;
    for (auto& [size, entries] : cache.by_size) {
        if (entries.size() < 512) continue;
        for (auto it = entries.begin(); it != entries.end();)
            it = cache.generation - it->second.used > 8 ? entries.erase(it) : std::next(it);
    }
}

double text_px(const CanvasLook& look) { return kNoteTextPx * std::clamp((double)look.text_scale, 0.5, 3.0); }

Rect note_box(const MapNote& note, double text_size) {
    return canvas::box_around(note.pos, Vec2{kNoteSize.x, note_layout(note.text, text_size).height});
}

// [SECTION] Drawing the template ------------------------------------------------------------------

struct Painter {
    ImDrawList* dl;
    ViewTransform view;
    Vec2 vp_min;
    Rect clip_world;    // the visible part of the world, for culling

    Vec2 at(Vec2 world) const { return view.to_screen(world, vp_min); }
    ImRect rect(const Rect& r) const { return ImRect(im(at({r.x0, r.y0})), im(at({r.x1, r.y1}))); }
    float px(double world) const { return (float)(world * view.scale); }
};

// Labels name the parts of the map: they never shrink below the UI's small text, so a map zoomed
// out to show all of it still says what each part is.
void draw_label(const Painter& p, const std::string& text, Vec2 centre_world, double size_world, ImU32 colour) {
    if (text.empty()) return;
    const float smallest = fonts().small ? fonts().small->FontSize : note_font()->FontSize * 0.85f;
    const float size = std::max(p.px(size_world), smallest);
    // The zoomed font is made for the notes' text, not for the labels: a label uses it only when it
    // is big enough, else the body font.
    ImFont* font = text_font_for(size);
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), text.c_str() + text.size());
    const Vec2 c = p.at(centre_world);
    p.dl->AddText(font, size, ImVec2(std::round((float)c.x - extent.x / 2), std::round((float)c.y - extent.y / 2)), colour,
                  text.c_str(), text.c_str() + text.size());
}

// The Venn regions are lenses, not shapes: the one under a dragged note is filled row by row, each
// row the span inside the region's circles and outside the others.
void fill_venn_region(const Painter& p, const MapTemplate& t, int mask, ImU32 colour) {
    struct Circle { double cx, cy, r; bool inside; };
    std::vector<Circle> circles;
    Rect bounds{-1e300, -1e300, 1e300, 1e300};
    for (const TemplateShape& s : t.shapes) {
        if (s.kind != TemplateShape::Kind::Circle || !is_venn_region(s.region) || (s.region & (s.region - 1))) continue;
        const Circle c{s.box.center().x, s.box.center().y, s.box.width() / 2, (mask & s.region) != 0};
        if (c.inside) bounds = Rect{std::max(bounds.x0, c.cx - c.r), std::max(bounds.y0, c.cy - c.r),
                                    std::min(bounds.x1, c.cx + c.r), std::min(bounds.y1, c.cy + c.r)};
        circles.push_back(c);
    }
    if (circles.empty() || bounds.x0 > bounds.x1) return;
    const ImRect screen = p.rect(bounds);
    const float step = 2;
    for (float y = std::floor(screen.Min.y); y < screen.Max.y; y += step) {
        const double wy = p.view.to_world({0, y + step / 2}, p.vp_min).y;
        double lo = bounds.x0, hi = bounds.x1;
        std::vector<std::pair<double, double>> holes;
        for (const Circle& c : circles) {
            const double d = c.r * c.r - (wy - c.cy) * (wy - c.cy);
            if (c.inside) {
                if (d <= 0) { lo = 1; hi = 0; break; }
                lo = std::max(lo, c.cx - std::sqrt(d));
                hi = std::min(hi, c.cx + std::sqrt(d));
            } else if (d > 0) {
                holes.emplace_back(c.cx - std::sqrt(d), c.cx + std::sqrt(d));
            }
        }
        std::vector<std::pair<double, double>> spans{{lo, hi}};
        for (const auto& h : holes) {
            std::vector<std::pair<double, double>> next;
            for (const auto& s : spans) {
                if (h.second <= s.first || h.first >= s.second) { next.push_back(s); continue; }
                if (h.first > s.first) next.emplace_back(s.first, h.first);
                if (h.second < s.second) next.emplace_back(h.second, s.second);
            }
            spans.swap(next);
        }
        for (const auto& s : spans)
            if (s.second > s.first)
                p.dl->AddRectFilled(ImVec2((float)p.at({s.first, 0}).x, y), ImVec2((float)p.at({s.second, 0}).x, y + step), colour);
    }
}

// A circle or box names itself unless a label shape of the template already says its name
// elsewhere (the Venn circles are named at their outer edges).
bool names_itself(const MapTemplate& t, const TemplateShape& s) {
    if (s.label.empty()) return false;
    for (const TemplateShape& other : t.shapes)
        if (other.kind == TemplateShape::Kind::Label && other.label == s.label) return false;
    return true;
}

void draw_template(const Painter& p, const MapTemplate& t, int highlight_region) {
    const Palette& pal = palette();
    const ImU32 ink = pal.text_dim, fill = with_alpha(pal.accent, kRegionTintAlpha), highlight = with_alpha(pal.accent, kRegionLitAlpha);
    if (highlight_region != 0 && t.kind == MapKind::Venn && is_venn_region(highlight_region))
        fill_venn_region(p, t, highlight_region, highlight);
    for (const TemplateShape& s : t.shapes) {
        const bool lit = highlight_region != 0 && s.region == highlight_region && !(t.kind == MapKind::Venn && is_venn_region(s.region));
        const ImRect r = p.rect(s.box);
        switch (s.kind) {
            case TemplateShape::Kind::Line: {
                const float width = std::max(1.0f, std::round(p.px(3)));
                p.dl->AddLine(snapped(p.at({s.box.x0, s.box.y0})), snapped(p.at({s.box.x1, s.box.y1})), lit ? pal.accent : ink, width);
                break;
            }
            case TemplateShape::Kind::Circle: {
                const ImVec2 c = r.GetCenter();
                const float radius = r.GetWidth() / 2;
                if (lit) p.dl->AddCircleFilled(c, radius, highlight);
                p.dl->AddCircle(c, radius, ink, 0, 1.0f);
                if (names_itself(t, s)) draw_label(p, s.label, {s.box.center().x, s.box.y0 + s.box.height() * 0.13}, kLabelPx, pal.text);
                break;
            }
            case TemplateShape::Kind::Box: {
                const float rounding = p.px(10);
                // Named boxes are places of their own (the tray, the parking lot), tinted; the
                // quadrants are the open map, tinted only while a note is dragged over one.
                if (lit || names_itself(t, s)) p.dl->AddRectFilled(r.Min, r.Max, lit ? highlight : fill, rounding);
                p.dl->AddRect(snapped(vec(r.Min)), snapped(vec(r.Max)), ink, rounding, 0, 1.0f);
                if (names_itself(t, s)) draw_label(p, s.label, {s.box.center().x, s.box.y0 + kLabelPx}, kLabelPx, pal.text);
                break;
            }
            case TemplateShape::Kind::Label:
                draw_label(p, s.label, s.box.center(), std::min(kLabelPx * 1.2, std::max(12.0, s.box.height() * 0.7)), pal.text);
                break;
        }
    }
}

// [SECTION] Drawing notes -------------------------------------------------------------------------

struct NoteMarks { bool selected = false, focused = false, dragged = false; };

void draw_note(const Painter& p, const MapNote& note, const NoteLayout& layout, Vec2 pos, double text_size, NoteMarks marks) {
    const Rect world = canvas::box_around(pos, {kNoteSize.x, layout.height});
    if (!world.overlaps(p.clip_world)) return;
    const ImRect r = p.rect(world);
    const Palette& pal = palette();
    const NoteInk ink = note_ink(note.colour);
    // Corners under 2 px round nothing a person sees, yet each costs arcs of vertices: a map zoomed
    // out to show 2,000 notes draws them square.
    float rounding = std::min(p.px(6), 8.0f * ImGui::GetIO().FontGlobalScale);
    if (rounding < 2) rounding = 0;
    if (p.view.scale > 0.25) {
        const float lift = marks.dragged ? 6.0f : 2.0f;
        p.dl->AddRectFilled(r.Min + ImVec2(lift, lift), r.Max + ImVec2(lift, lift), IM_COL32(0, 0, 0, marks.dragged ? 50 : 28), rounding);
    }
    p.dl->AddRectFilled(r.Min, r.Max, ink.fill, rounding);
    const ImVec2 a = snapped(vec(r.Min)), b = snapped(vec(r.Max));
    if (note.highlighted) {
        const float w = std::max(2.0f, std::round(p.px(3)));
        p.dl->AddRect(a, b, kNoteHighlightEdge, rounding, 0, w);
    } else {
        p.dl->AddRect(a, b, ink.edge, rounding, 0, 1.0f);
    }
    if (marks.selected) p.dl->AddRect(a - ImVec2(3, 3), b + ImVec2(3, 3), pal.accent, rounding + 3, 0, 2.0f);
    if (marks.focused) p.dl->AddRect(a - ImVec2(6, 6), b + ImVec2(6, 6), pal.focus, rounding + 6, 0, 2.0f);

    const float size = p.px(text_size);
    const float line_h = p.px(text_size * 1.15);
    const float pad = p.px(kNotePad);
    if (size < 7) {
        // Too small to read (under 7 device pixels no glyph is legible, as whiteboards drop text when
        // zoomed far out): a grey stroke per line keeps the note's shape recognisable, and is cheaper.
        float y = r.Min.y + pad;
        for (size_t i = 0; i < layout.lines.size() && y < r.Max.y; i++, y += line_h)
            p.dl->AddRectFilled(ImVec2(r.Min.x + pad, y), ImVec2(r.Max.x - pad, y + std::max(1.0f, size * 0.6f)), IM_COL32(0, 0, 0, 60));
        return;
    }
    // Lines were broken with the body font's metrics at world size. A font rasterised at this size
    // (the zoomed one, once the zoom settles) is drawn at its own size, on whole pixels: glyphs scaled
    // by even a few percent, or half a pixel off, are sampled between texels and blur. Its width is
    // within half a pixel a glyph of the layout's, which the note's padding takes.
    ImFont* font = text_font_for(size);
    want_text_px(size);
    const bool own_size = font == fonts().zoomed && std::fabs(font->FontSize - size) <= 0.5f;
    const float drawn = own_size ? font->FontSize : size;
    const char* text = note.text.c_str();
    float y = r.Min.y + pad;
    const ImVec4 clip(r.Min.x, r.Min.y, r.Max.x, r.Max.y);
    for (const auto& line : layout.lines) {
        if (y > p.dl->GetClipRectMax().y) break;
        if (y + line_h >= p.dl->GetClipRectMin().y)
            p.dl->AddText(font, drawn, ImVec2(std::round(r.Min.x + pad), std::round(y)), kNoteText, text + line.first,
                          text + line.second, 0, &clip);
        y += line_h;
    }
}

// A strength aligned with a priority hangs off it by a line, as a note pinned beside another.
void draw_joins(const Painter& p, const MapScene& scene, const std::vector<Vec2>& positions, const std::vector<char>& shown) {
    for (size_t i = 0; i < scene.notes.size(); i++) {
        if (!shown[i] || scene.notes[i].joined_to.empty()) continue;
        for (size_t k = 0; k < scene.notes.size(); k++)
            if (shown[k] && scene.notes[k].id == scene.notes[i].joined_to) {
                const float w = std::max(1.0f, std::round(p.px(2.5)));
                p.dl->AddLine(snapped(p.at(positions[i])), snapped(p.at(positions[k])), palette().accent, w);
                p.dl->AddCircleFilled(im(p.at(positions[k])), std::max(2.0f, p.px(5)), palette().accent);
            }
    }
}

// Which notes the look lets through: private ones only when shown, and only the first `revealed`.
std::vector<char> shown_notes(const MapScene& scene, const CanvasLook& look) {
    std::vector<char> shown(scene.notes.size(), true);
    for (size_t i = 0; i < scene.notes.size(); i++) {
        if (!look.show_private && (scene.notes[i].is_private || scene.is_private)) shown[i] = false;
        if (look.revealed >= 0 && (int)i >= look.revealed) shown[i] = false;
    }
    return shown;
}

void draw_privacy(const Painter& p, const MapScene& scene, const CanvasLook& look, Vec2 vp_size) {
    bool any_private = scene.is_private;
    for (const MapNote& n : scene.notes) any_private = any_private || n.is_private;
    if (!any_private) return;
    const std::string text = look.show_private ? std::string(icon::kLock) + "  Private: only you see this map"
                                               : std::string(icon::kLock) + "  Private notes are hidden";
    ImFont* font = fonts().small ? fonts().small : ImGui::GetFont();
    const float size = font->FontSize;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    const float pad = size * 0.4f;
    const ImVec2 max(std::floor((float)(p.vp_min.x + vp_size.x) - pad), std::floor((float)p.vp_min.y + pad + extent.y + pad * 2));
    const ImVec2 min(max.x - extent.x - pad * 2, std::floor((float)p.vp_min.y + pad));
    p.dl->AddRectFilled(min, max, palette().panel, pad);
    p.dl->AddRect(min, max, palette().border, pad, 0, 1.0f);
    p.dl->AddText(font, size, min + ImVec2(pad, pad), palette().text, text.c_str());
}

// Everything but the notes' interaction marks, shared by draw_map and the interactive canvas.
// `layouts[i]` is note i's (note_layout at text_px(look)).
void draw_scene(ImDrawList* dl, const MapScene& scene, const std::vector<const NoteLayout*>& layouts, const ViewTransform& view,
                Vec2 vp_min, Vec2 vp_size, const CanvasLook& look, const std::vector<Vec2>& positions,
                const std::vector<NoteMarks>& marks) {
    dl->PushClipRect(im(vp_min), im(Vec2{vp_min.x + vp_size.x, vp_min.y + vp_size.y}), true);
    Painter p{dl, view, vp_min, {}};
    const Vec2 w0 = view.to_world(vp_min, vp_min), w1 = view.to_world({vp_min.x + vp_size.x, vp_min.y + vp_size.y}, vp_min);
    p.clip_world = Rect{w0.x, w0.y, w1.x, w1.y};
    draw_template(p, map_template(scene.kind), look.highlight_region);
    const std::vector<char> shown = shown_notes(scene, look);
    draw_joins(p, scene, positions, shown);
    const double size = text_px(look);
    // Dragged notes are drawn last, over the others they pass.
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < scene.notes.size(); i++) {
            const NoteMarks m = i < marks.size() ? marks[i] : NoteMarks{};
            if (shown[i] && m.dragged == (pass == 1)) draw_note(p, scene.notes[i], *layouts[i], positions[i], size, m);
        }
    draw_privacy(p, scene, look, vp_size);
    dl->PopClipRect();
}

} // namespace

// [SECTION] draw_map --------------------------------------------------------------------------------

void draw_map(ImDrawList* draw_list, const MapScene& scene, const ViewTransform& view, Vec2 viewport_min, Vec2 viewport_size,
              const CanvasLook& look) {
    forget_old_layouts();
    std::vector<Vec2> positions;
    std::vector<const NoteLayout*> layouts;
    positions.reserve(scene.notes.size());
    layouts.reserve(scene.notes.size());
    for (const MapNote& n : scene.notes) {
        positions.push_back(n.pos);
        layouts.push_back(&note_layout(n.text, text_px(look)));
    }
    draw_scene(draw_list, scene, layouts, view, viewport_min, viewport_size, look, positions, {});
}

std::vector<Rect> note_boxes(const MapScene& scene, const CanvasLook& look) {
    std::vector<Rect> boxes;
    boxes.reserve(scene.notes.size());
    for (const MapNote& n : scene.notes) boxes.push_back(note_box(n, text_px(look)));
    return boxes;
}

namespace {

// [SECTION] The canvas's notes as boxes ---------------------------------------------------------

const char* map_name(MapKind kind) {
    switch (kind) {
        case MapKind::Continuum: return "Mindset continuum";
        case MapKind::Venn: return "District, school and library map";
        case MapKind::Collaboration: return "Collaboration map";
        case MapKind::Agreement: return "Agreement map";
    }
    return "Map";
}

const char* map_key(MapKind kind) {
    switch (kind) {
        case MapKind::Continuum: return "continuum";
        case MapKind::Venn: return "venn";
        case MapKind::Collaboration: return "collaboration";
        case MapKind::Agreement: return "agreement";
    }
    return "map";
}

bool selected(const CanvasUi& cu, const std::string& id) {
    return std::find(cu.selection.begin(), cu.selection.end(), id) != cu.selection.end();
}

// One frame's view of the canvas: where it is on screen and how world and screen relate there.
struct Frame {
    ImGuiID id = 0;
    ImRect bb;                    // the canvas on screen (device px)
    ViewTransform view;           // world -> device px (the viewer's zoom times the UI scale)
    float ui_scale = 1;
    std::vector<Rect> boxes;      // each note's box, world units, in scene order
    Vec2 min() const { return vec(bb.Min); }
    Vec2 size() const { return vec(bb.GetSize()); }
    Vec2 world(ImVec2 screen) const { return view.to_world(vec(screen), min()); }
};

ViewTransform device_view(const CanvasUi& cu, float ui_scale) {
    ViewTransform v = cu.view;
    v.scale *= ui_scale;
    return v;
}

// Zooms the viewer's view by `factor` around a device-pixel point.
void zoom_at(CanvasUi& cu, const Frame& f, ImVec2 screen, double factor) {
    const double k = f.ui_scale;
    cu.view.zoom_around(Vec2{(screen.x - f.bb.Min.x) / k, (screen.y - f.bb.Min.y) / k}, Vec2{0, 0}, factor);
}

void fit(CanvasUi& cu, const Frame& f, const MapScene& scene, bool whole_map) {
    std::vector<Rect> boxes = f.boxes;
    if (whole_map || boxes.empty()) boxes.push_back(map_template(scene.kind).bounds);
    const Vec2 size{f.bb.GetWidth() / f.ui_scale, f.bb.GetHeight() / f.ui_scale};
    cu.view = canvas::fit_to_content(canvas::bounding_box(boxes), size, 24, 1.0);
    cu.fitted = true;
}

// Brings a note into view (keyboard focus moved to it), panning as little as needed.
void reveal(CanvasUi& cu, const Frame& f, const Rect& box) {
    const Vec2 a = f.view.to_screen({box.x0, box.y0}, f.min()), b = f.view.to_screen({box.x1, box.y1}, f.min());
    const double margin = 16 * f.ui_scale;
    double dx = 0, dy = 0;
    if (a.x < f.bb.Min.x + margin) dx = f.bb.Min.x + margin - a.x;
    else if (b.x > f.bb.Max.x - margin) dx = f.bb.Max.x - margin - b.x;
    if (a.y < f.bb.Min.y + margin) dy = f.bb.Min.y + margin - a.y;
    else if (b.y > f.bb.Max.y - margin) dy = f.bb.Max.y - margin - b.y;
    if (dx != 0 || dy != 0) cu.view.pan_by(Vec2{dx / f.ui_scale, dy / f.ui_scale});
}

std::vector<std::string> selection_in_order(const CanvasUi& cu, const MapScene& scene) {
    std::vector<std::string> ids;
    for (const MapNote& n : scene.notes)
        if (selected(cu, n.id)) ids.push_back(n.id);
    return ids;
}

// Each region of the map as a record at a free spot inside it (where a note dropped lands there):
// what a test, or a screen reader's list of drop targets, reads of a drawing it cannot see.
void record_regions(MapKind kind, const Frame& f) {
    for (int region : map_template(kind).regions) {
        const Vec2 spot = f.view.to_screen(place_in(kind, region, {}), f.min());
        const ImRect r(ImVec2((float)spot.x - 4, (float)spot.y - 4), ImVec2((float)spot.x + 4, (float)spot.y + 4));
        if (f.bb.Contains(r)) automation::record_text("region", region_label(kind, region), r);
    }
}

// [SECTION] Toolbar --------------------------------------------------------------------------------

void toolbar(Workbench& wb, UiState& ui, CanvasUi& cu, const Journey& journey, const MapScene& scene, const Frame& f) {
    const double zoom_step = kKeyZoom;
    const ImVec2 centre = f.bb.GetCenter();
    if (button(ui, "Zoom out", ButtonKind::Secondary)) zoom_at(cu, f, centre, 1 / zoom_step);
    ImGui::SameLine();
    const std::string percent = std::to_string((int)std::lround(cu.view.scale * 100)) + " %";
    ImGui::AlignTextToFramePadding();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(percent.c_str());
    automation::record_text("status", "Zoom " + percent, ImRect(at, ImGui::GetItemRectMax()));
    ImGui::SameLine();
    if (button(ui, "Zoom in", ButtonKind::Secondary)) zoom_at(cu, f, centre, zoom_step);
    flow(button_width("Fit"));
    if (button(ui, "Fit", ButtonKind::Secondary)) fit(cu, f, scene, false);
    flow(button_width("100 %"));
    if (button(ui, "100 %", ButtonKind::Secondary)) zoom_at(cu, f, centre, 1 / cu.view.scale);

    const std::vector<std::string> chosen = selection_in_order(cu, scene);
    if (chosen.empty()) ImGui::BeginDisabled();
    for (const ColourChoice& c : kColours) {
        const std::string label = std::string("Colour: ") + c.name;
        const float side = ImGui::GetFrameHeight();
        flow(side);
        automation::Record& record = automation::next_item();
        record.role = "button";
        record.label = label;
        ImGui::PushStyleColor(ImGuiCol_Button, note_ink(c.colour).fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, note_ink(c.colour).fill);
        const bool pressed = ImGui::Button(("###" + label).c_str(), ImVec2(side, side));
        ImGui::PopStyleColor(2);
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), note_ink(c.colour).edge,
                                            ImGui::GetStyle().FrameRounding);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", label.c_str());
        track_focusable(ui);
        if (pressed) wb.lets_talk().set_map_note_colour(journey.id, scene.kind, chosen, c.colour);
    }
    if (chosen.empty()) ImGui::EndDisabled();
    map_share_buttons(wb, ui, journey.id, scene.kind);
}

void hint_line() {
    paragraph("Drag notes to move them; drag empty space (or Space+drag) to move the map; Shift+drag to select "
              "several. N or a double-click adds a note, Enter or a double-click edits one. Ctrl+wheel, a pinch, + "
              "and - zoom; Shift+1 fits all, Shift+0 is 100 %.", true);
}

// [SECTION] Pointer: press, drag, drop --------------------------------------------------------------

// Where an "add a note" puts it: at the pointer when it is over the canvas, else the view's centre.
Vec2 add_point(const Frame& f) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    return f.world(f.bb.Contains(mouse) ? mouse : f.bb.GetCenter());
}

ImGuiID note_item_id(const Frame& f, const std::string& note_id) { return ImHashStr(note_id.c_str(), 0, f.id); }

void start_editing(UiState& ui, CanvasUi& cu, const Frame& f, const std::string& note_id, const std::string& text) {
    if (ui.snapshot_frame) return;
    ui.edit = TextEditSession{};
    ui.edit.field_id = note_item_id(f, note_id);
    ui.edit.shown = text;
    ui.edit.text = text;
    ui.edit.seen_this_frame = true;
    cu.selection = {note_id};
    cu.focused = note_id;
    ImGui::SetFocusID(ui.edit.field_id, ImGui::GetCurrentWindow());
}

void add_note_at(Workbench& wb, UiState& ui, CanvasUi& cu, const Journey& j, const MapScene& scene, const Frame& f, Vec2 at) {
    const std::string id = wb.lets_talk().add_map_note(j.id, scene.kind, at, "");
    if (!id.empty()) start_editing(ui, cu, f, id, "");
}

// Drags of the selection, pans and box selection, all from one press on the canvas.
void pointer(Workbench& wb, UiState& ui, CanvasUi& cu, const Journey& j, const MapScene& scene, const Frame& f,
             bool hovered, bool held) {
    ImGuiIO& io = ImGui::GetIO();
    const Vec2 mouse_world = f.world(io.MousePos);
    const bool pan_button = ImGui::IsMouseClicked(ImGuiMouseButton_Middle) && hovered;
    if ((ImGui::IsMouseClicked(ImGuiMouseButton_Left) && hovered) || pan_button) {
        const int hit = canvas::hit_test(f.boxes, mouse_world);
        cu.press_screen = vec(io.MousePos);
        cu.press_world = mouse_world;
        cu.press_shift = io.KeyShift;
        cu.pressed_note = hit >= 0 && !pan_button && !ui.space_held ? scene.notes[(size_t)hit].id : std::string();
        cu.drag = ui.space_held || pan_button ? CanvasUi::Drag::Pan : CanvasUi::Drag::Pending;
        cu.drag_delta = {};
        if (!cu.pressed_note.empty()) {
            if (io.KeyShift) {
                if (selected(cu, cu.pressed_note)) cu.selection.erase(std::find(cu.selection.begin(), cu.selection.end(), cu.pressed_note));
                else cu.selection.push_back(cu.pressed_note);
            } else if (!selected(cu, cu.pressed_note)) {
                cu.selection = {cu.pressed_note};
            }
            cu.focused = cu.pressed_note;
            ImGui::SetFocusID(note_item_id(f, cu.pressed_note), ImGui::GetCurrentWindow());
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !ui.space_held) {
            cu.drag = CanvasUi::Drag::None;
            if (hit >= 0) start_editing(ui, cu, f, scene.notes[(size_t)hit].id, scene.notes[(size_t)hit].text);
            else add_note_at(wb, ui, cu, j, scene, f, mouse_world);
            return;
        }
    }
    const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle);
    if (cu.drag == CanvasUi::Drag::None) return;
    const Vec2 moved{io.MousePos.x - cu.press_screen.x, io.MousePos.y - cu.press_screen.y};
    if (cu.drag == CanvasUi::Drag::Pending && std::hypot(moved.x, moved.y) > io.MouseDragThreshold) {
        if (!cu.pressed_note.empty()) cu.drag = CanvasUi::Drag::Notes;
        else if (cu.press_shift) cu.drag = CanvasUi::Drag::Box;
        else cu.drag = CanvasUi::Drag::Pan;
    }
    if (cu.drag == CanvasUi::Drag::Pan && (held || down)) {
        cu.view.pan_by(Vec2{io.MouseDelta.x / f.ui_scale, io.MouseDelta.y / f.ui_scale});
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
    if (cu.drag == CanvasUi::Drag::Notes) cu.drag_delta = Vec2{mouse_world.x - cu.press_world.x, mouse_world.y - cu.press_world.y};
    if (down) return;

    // Released.
    if (cu.drag == CanvasUi::Drag::Notes) {
        std::vector<LetsTalk::NoteMove> moves;
        for (size_t i = 0; i < scene.notes.size(); i++)
            if (selected(cu, scene.notes[i].id))
                moves.push_back({scene.notes[i].id, Vec2{scene.notes[i].pos.x + cu.drag_delta.x, scene.notes[i].pos.y + cu.drag_delta.y}});
        if (!moves.empty()) wb.lets_talk().move_map_notes(j.id, scene.kind, moves);
    } else if (cu.drag == CanvasUi::Drag::Box) {
        const Rect box{std::min(cu.press_world.x, mouse_world.x), std::min(cu.press_world.y, mouse_world.y),
                       std::max(cu.press_world.x, mouse_world.x), std::max(cu.press_world.y, mouse_world.y)};
        for (int i : canvas::boxes_in(f.boxes, box))
            if (!selected(cu, scene.notes[(size_t)i].id)) cu.selection.push_back(scene.notes[(size_t)i].id);
    } else if (cu.drag == CanvasUi::Drag::Pending && cu.pressed_note.empty() && !cu.press_shift) {
        cu.selection.clear();   // a click on empty space
        cu.focused.clear();
    }
    cu.drag = CanvasUi::Drag::None;
    cu.drag_delta = {};
}

// [SECTION] Keyboard ------------------------------------------------------------------------------

void move_selection_by(Workbench& wb, CanvasUi& cu, const Journey& j, const MapScene& scene, Vec2 d) {
    std::vector<LetsTalk::NoteMove> moves;
    for (const MapNote& n : scene.notes)
        if (selected(cu, n.id)) moves.push_back({n.id, Vec2{n.pos.x + d.x, n.pos.y + d.y}});
    if (!moves.empty()) wb.lets_talk().move_map_notes(j.id, scene.kind, moves);
}

void keys(Workbench& wb, UiState& ui, CanvasUi& cu, const Journey& j, const MapScene& scene, const Frame& f) {
    std::vector<CanvasKey> pending;
    pending.swap(ui.canvas_keys);
    LetsTalk& lt = wb.lets_talk();
    for (const CanvasKey& k : pending) {
        const double step = k.shift ? kArrowBigStep : kArrowStep;
        switch (k.key) {
            case KeyLeft: move_selection_by(wb, cu, j, scene, {-step, 0}); break;
            case KeyRight: move_selection_by(wb, cu, j, scene, {step, 0}); break;
            case KeyUp: move_selection_by(wb, cu, j, scene, {0, -step}); break;
            case KeyDown: move_selection_by(wb, cu, j, scene, {0, step}); break;
            case KeyDelete:
            case KeyBackspace:
                if (!cu.selection.empty()) lt.remove_map_notes(j.id, scene.kind, selection_in_order(cu, scene));
                cu.selection.clear();
                cu.focused.clear();
                ImGui::SetFocusID(f.id, ImGui::GetCurrentWindow());
                break;
            case KeyEnter:
                for (const MapNote& n : scene.notes)
                    if (n.id == cu.focused) start_editing(ui, cu, f, n.id, n.text);
                break;
            case KeyN: add_note_at(wb, ui, cu, j, scene, f, add_point(f)); break;
            case KeyP: present_shortcut(ui, j.id, scene.kind, k.key, k.ctrl); break;
            case KeyA:
                if (k.ctrl) {
                    cu.selection.clear();
                    for (const MapNote& n : scene.notes) cu.selection.push_back(n.id);
                }
                break;
            case KeyD:
                if (k.ctrl && !cu.selection.empty()) cu.selection = lt.duplicate_map_notes(j.id, scene.kind, selection_in_order(cu, scene));
                break;
            case KeyPlus: zoom_at(cu, f, f.bb.GetCenter(), kKeyZoom); break;
            case KeyMinus: zoom_at(cu, f, f.bb.GetCenter(), 1 / kKeyZoom); break;
            case Key1: if (k.shift) fit(cu, f, scene, false); break;
            case Key0: if (k.shift) zoom_at(cu, f, f.bb.GetCenter(), 1 / cu.view.scale); break;
            case KeyEscape:
                if (!cu.selection.empty()) cu.selection.clear();
                break;
            default: break;
        }
    }
}

// [SECTION] Editing a note's text in place ------------------------------------------------------------

uint32_t to_rgba(ImU32 c) { return ((c & 0xFF) << 24) | (((c >> 8) & 0xFF) << 16) | (((c >> 16) & 0xFF) << 8) | (c >> 24); }

// The browser's own editor over the note being typed into, as text fields have (widgets.cpp).
void edit_in_place(Workbench& wb, UiState& ui, const Journey& j, const MapScene& scene, const Frame& f, double text_size) {
    if (!ui.edit.field_id || ui.snapshot_frame) return;
    for (size_t i = 0; i < scene.notes.size(); i++) {
        const MapNote& n = scene.notes[i];
        if (note_item_id(f, n.id) != ui.edit.field_id) continue;
        ui.edit.seen_this_frame = true;
        std::string value = n.text;
        if (ui.edit.has_new_text) {
            ui.edit.has_new_text = false;
            if (ui.edit.text != n.text) wb.lets_talk().set_map_note_text(j.id, scene.kind, n.id, ui.edit.text);
            value = ui.edit.text;
            ui.edit.shown = value;
        }
        const Rect box = canvas::box_around(n.pos, {kNoteSize.x, note_layout(value, text_size).height});
        const Vec2 a = f.view.to_screen({box.x0, box.y0}, f.min()), b = f.view.to_screen({box.x1, box.y1}, f.min());
        const float k = 1.0f / ui.pixel_ratio;
        TextEditRequest request;
        request.field_id = ui.edit.field_id;
        request.value = value;
        request.label = "Note text";
        request.hint = "Type the note";
        request.multiline = false;
        request.max_chars = 300;
        request.rect = CssRect{(float)a.x * k, (float)a.y * k, (float)(b.x - a.x) * k, (float)(b.y - a.y) * k};
        request.clip = CssRect{f.bb.Min.x * k, f.bb.Min.y * k, f.bb.GetWidth() * k, f.bb.GetHeight() * k};
        const double size = text_size * f.view.scale;
        request.font_px = (float)size * fonts().em_per_line * k;
        request.line_height_px = (float)(size * 1.15) * k;
        request.pad_x = request.pad_y = (float)(kNotePad * f.view.scale) * k;
        request.text_rgba = to_rgba(kNoteText);
        request.background_rgba = to_rgba(note_ink(n.colour).fill);
        request.border_rgba = to_rgba(palette().focus);
        request.hint_rgba = to_rgba(kNoteHint);
        if (value != ui.edit.shown) {
            request.replace_value = true;
            ui.edit.shown = value;
        }
        ui.editor = EditorRequest{EditorRequest::Action::Show, std::move(request)};
        return;
    }
}

// [SECTION] The canvas's scene, made once per journey revision ---------------------------------------

// A big map's scene (every note copied out of the journey with its text), its notes' wrapped lines
// and boxes, and their item ids cost more than the rest of a frame together. A drag or a pan changes
// none of them, so they are made when the journey, the note font or the canvas changes, not per frame.
struct CanvasScene {
    std::shared_ptr<const Journey> source;      // the journey it was made from: held, so its address is not reused
    MapKind kind = MapKind::Venn;
    const ImFont* font = nullptr;               // the layouts' font and size (the atlas is rebuilt on a scale change)
    float font_size = 0;
    double text_size = 0;
    ImGuiID canvas_id = 0;
    MapScene scene;
    std::vector<NoteLayout> layouts;            // per note, copied: the layout cache forgets entries unused for a while
    std::vector<Rect> boxes;                    // per note, world units
    std::vector<ImGuiID> item_ids;              // per note (note_item_id)
    std::unordered_map<ImGuiID, size_t> by_item;   // item id -> note index
};

bool made_for(const CanvasScene& c, const Journey& j, MapKind kind, ImGuiID canvas_id, double text_size) {
    const ImFont* font = note_font();
    return c.source.get() == &j && c.kind == kind && c.font == font && c.font_size == font->FontSize &&
           c.text_size == text_size && c.canvas_id == canvas_id;
}

// The scene of `kind` in `journey` for the canvas `canvas_id`, from the cache when nothing it depends on
// changed. The view keeps the returned pointer for the whole frame: a command it runs mid-frame makes
// the next frame build a new scene, never changes this one.
std::shared_ptr<const CanvasScene> canvas_scene(Workbench& wb, const Journey& journey, MapKind kind, ImGuiID canvas_id,
                                                double text_size) {
    static std::map<std::string, std::shared_ptr<const CanvasScene>> cache;   // by journey id and map
    const std::string key = journey.id + "/" + map_key(kind);
    auto it = cache.find(key);
    if (it != cache.end() && made_for(*it->second, journey, kind, canvas_id, text_size)) return it->second;

    forget_old_layouts();
    auto made = std::make_shared<CanvasScene>();
    // Only the journey as LetsTalk has it now is worth keeping: one passed in from before a change
    // this frame (or a copy) is drawn once, uncached.
    std::shared_ptr<const Journey> current = wb.lets_talk().journey(journey.id);
    if (current.get() == &journey) made->source = std::move(current);
    made->kind = kind;
    made->font = note_font();
    made->font_size = made->font->FontSize;
    made->text_size = text_size;
    made->canvas_id = canvas_id;
    made->scene = map_scene(journey, kind);
    const size_t n = made->scene.notes.size();
    made->layouts.reserve(n);
    made->boxes.reserve(n);
    made->item_ids.reserve(n);
    for (size_t i = 0; i < n; i++) {
        const MapNote& note = made->scene.notes[i];
        made->layouts.push_back(note_layout(note.text, text_size));
        made->boxes.push_back(canvas::box_around(note.pos, Vec2{kNoteSize.x, made->layouts.back().height}));
        made->item_ids.push_back(ImHashStr(note.id.c_str(), 0, canvas_id));
        made->by_item.emplace(made->item_ids.back(), i);
    }
    if (!made->source) return made;
    if (it == cache.end() && cache.size() >= 16) cache.clear();   // journeys come and go; a few maps are open at once
    cache[key] = made;
    return made;
}

} // namespace

// [SECTION] map_canvas ------------------------------------------------------------------------------

void map_canvas(Workbench& wb, UiState& ui, const Journey& journey, MapKind kind, Vec2 size) {
    CanvasUi& cu = ui.canvases[journey.id + "/" + map_key(kind)];
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::PushID(map_key(kind));

    Frame f;
    f.id = window->GetID("canvas");
    f.ui_scale = ui.scale > 0 ? ui.scale : 1.0f;
    CanvasLook look;
    const double text_size = text_px(look);
    const std::shared_ptr<const CanvasScene> made = canvas_scene(wb, journey, kind, f.id, text_size);
    const MapScene& scene = made->scene;
    f.boxes = made->boxes;

    // The toolbar sits above the canvas and zooms around its centre: only the canvas's size matters to it.
    const float width = size.x > 0 ? (float)size.x * f.ui_scale : ImGui::GetContentRegionAvail().x;
    f.bb = ImRect(ImVec2(0, 0), ImVec2(width, (float)size.y * f.ui_scale));   // its size; placed after the toolbar
    if (!cu.fitted) {
        f.view = device_view(cu, f.ui_scale);
        fit(cu, f, scene, true);
    }
    f.view = device_view(cu, f.ui_scale);
    toolbar(wb, ui, cu, journey, scene, f);
    hint_line();

    const ImVec2 at = window->DC.CursorPos;
    f.bb = ImRect(at, at + ImVec2(width, (float)size.y * f.ui_scale));
    ImGui::ItemSize(f.bb);
    automation::Record& record = automation::next_item();
    record.role = "canvas";
    record.label = map_name(kind);
    const bool visible = ImGui::ItemAdd(f.bb, f.id);
    track_focusable(ui);
    bool hovered = false, held = false;
    if (visible) ImGui::ButtonBehavior(f.bb, f.id, &hovered, &held, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
    hovered = hovered || (ImGui::IsItemHovered() && cu.drag == CanvasUi::Drag::None);

    ImGuiContext& g = *GImGui;
    bool has_keyboard = g.NavId == f.id || (g.NavId != 0 && made->by_item.count(g.NavId) > 0);
    // A click elsewhere on the page (not on another control, which takes the focus itself) lets go
    // of the keyboard, so the wheel scrolls the page again.
    if (has_keyboard && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !f.bb.Contains(ImGui::GetIO().MousePos) && !ui.edit.field_id) {
        g.NavId = 0;
        has_keyboard = false;
    }
    if (has_keyboard) {
        ui.canvas_keys_frame = ImGui::GetFrameCount();
        // Clicked into (or tabbed into): the wheel moves the map, not the page.
        ImGui::SetItemUsingMouseWheel();
    } else {
        ui.canvas_keys.clear();
    }
    if (visible) {
        const ImVec2 clip_min = ImMax(f.bb.Min, window->ClipRect.Min), clip_max = ImMin(f.bb.Max, window->ClipRect.Max);
        const float k = 1.0f / ui.pixel_ratio;
        if (clip_max.x > clip_min.x && clip_max.y > clip_min.y)
            ui.touch_area = CssRect{clip_min.x * k, clip_min.y * k, (clip_max.x - clip_min.x) * k, (clip_max.y - clip_min.y) * k};
    }

    // Zoom gestures (pinch, Ctrl+wheel) aimed at this canvas; the wheel pans it once clicked into.
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 gesture_at(ui.gesture.at.x * ui.pixel_ratio, ui.gesture.at.y * ui.pixel_ratio);
    if ((ui.gesture.factor != 1 || ui.gesture.pan.x != 0 || ui.gesture.pan.y != 0) && f.bb.Contains(gesture_at)) {
        cu.view.pan_by(Vec2{ui.gesture.pan.x * ui.pixel_ratio / f.ui_scale, ui.gesture.pan.y * ui.pixel_ratio / f.ui_scale});
        zoom_at(cu, f, gesture_at, ui.gesture.factor);
        ui.gesture = CanvasGesture{};
    }
    if (has_keyboard && hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        const float step = ImMax(1.0f, 5.0f * ImGui::GetFontSize());   // input_queue.cpp's pixels per wheel unit
        cu.view.pan_by(Vec2{io.MouseWheelH * step / f.ui_scale, io.MouseWheel * step / f.ui_scale});
    }
    f.view = device_view(cu, f.ui_scale);

    pointer(wb, ui, cu, journey, scene, f, hovered, held);
    if (has_keyboard || !ui.canvas_keys.empty()) keys(wb, ui, cu, journey, scene, f);
    f.view = device_view(cu, f.ui_scale);

    // Notes as items: each joins the Tab order (in reading order); those on the canvas are recorded
    // with their region and are ImGui items. One off the canvas is only a place in the Tab order
    // (Tab to it brings it into view), unless it is the one focused or asked to be: no record and no
    // text is made for it, which on a big map zoomed in is most of them.
    std::vector<NoteMarks> marks(scene.notes.size());
    std::vector<Vec2> positions(scene.notes.size());
    const ImGuiID focus_request = ui.focus_request;
    const float note_text_px = (float)(text_size * f.view.scale);
    const float note_font_px = text_font_for(note_text_px)->FontSize;
    int dragged_onto = 0;
    const MapNote* dragged_lead = nullptr;
    for (size_t i = 0; i < scene.notes.size(); i++) {
        const MapNote& n = scene.notes[i];
        const ImGuiID id = made->item_ids[i];
        marks[i].selected = selected(cu, n.id);
        marks[i].dragged = cu.drag == CanvasUi::Drag::Notes && marks[i].selected;
        positions[i] = marks[i].dragged ? Vec2{n.pos.x + cu.drag_delta.x, n.pos.y + cu.drag_delta.y} : n.pos;
        if (marks[i].dragged && (!dragged_lead || n.id == cu.pressed_note)) {
            dragged_lead = &n;
            dragged_onto = region_at(kind, positions[i]);
        }
        const Rect box = canvas::box_around(positions[i], {f.boxes[i].width(), f.boxes[i].height()});
        const ImRect screen(im(f.view.to_screen({box.x0, box.y0}, f.min())), im(f.view.to_screen({box.x1, box.y1}, f.min())));
        const bool on_canvas = screen.Overlaps(f.bb);
        if (!on_canvas && focus_request != id && g.NavId != id) {
            ui.focus_order.push_back(Focusable{id, window});
            continue;
        }
        ImRect item = screen;
        item.ClipWithFull(f.bb);
        if (!on_canvas) item = ImRect(f.bb.Min, f.bb.Min);
        if (on_canvas) {
            automation::Record& r = automation::next_item();
            r.role = "note";
            r.label = n.text.empty() ? std::string("(empty note)") : n.text;
            r.region = region_label(kind, n.region);
            r.index = (int)i + 1;
            r.count = (int)scene.notes.size();
            r.selected = marks[i].selected;
            r.editing = ui.edit.field_id == id;
            r.text_px = note_text_px;
            r.font_px = note_font_px;
        }
        ImGui::ItemAdd(item, id, nullptr, ImGuiItemFlags_NoNav);
        if (focus_request == id) {
            cu.selection = {n.id};
            cu.focused = n.id;
            reveal(cu, f, box);
        }
        track_focusable(ui);
        marks[i].focused = g.NavId == id && !g.NavDisableHighlight;
    }
    if (g.NavId == f.id && !g.NavDisableHighlight) ImGui::RenderNavHighlight(f.bb, f.id);
    record_regions(kind, f);

    if (visible) {
        CanvasLook shown = look;
        if (dragged_lead) shown.highlight_region = dragged_onto;
        ImDrawList* dl = window->DrawList;
        dl->AddRectFilled(f.bb.Min, f.bb.Max, palette().panel, ImGui::GetStyle().FrameRounding);
        std::vector<const NoteLayout*> layouts;
        layouts.reserve(made->layouts.size());
        for (const NoteLayout& layout : made->layouts) layouts.push_back(&layout);
        draw_scene(dl, scene, layouts, f.view, f.min(), f.size(), shown, positions, marks);
        dl->AddRect(f.bb.Min, f.bb.Max, has_keyboard ? palette().accent : palette().border, ImGui::GetStyle().FrameRounding, 0, 1.0f);
        if (cu.drag == CanvasUi::Drag::Box) {
            const ImVec2 a = im(f.view.to_screen(cu.press_world, f.min())), b = io.MousePos;
            dl->AddRectFilled(ImMin(a, b), ImMax(a, b), with_alpha(palette().accent, 40));
            dl->AddRect(snapped(vec(ImMin(a, b))), snapped(vec(ImMax(a, b))), palette().accent, 0, 0, 1.0f);
        }
        if (dragged_lead) {
            // The region the drop would give, named live beside the pointer.
            const bool may = note_may_go(dragged_lead->role, dragged_onto);
            const std::string name = may ? "Into: " + region_label(kind, dragged_onto) : "Cannot go here: " + region_label(kind, dragged_onto);
            ImFont* font = fonts().small ? fonts().small : ImGui::GetFont();
            const ImVec2 extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, name.c_str());
            const float pad = font->FontSize * 0.35f;
            ImVec2 tag = io.MousePos + ImVec2(16 * f.ui_scale, 16 * f.ui_scale);
            tag = ImMin(tag, f.bb.Max - extent - ImVec2(pad * 2, pad * 2));
            const ImRect r(tag, tag + extent + ImVec2(pad * 2, pad * 2));
            dl->AddRectFilled(r.Min, r.Max, may ? palette().accent : palette().error, pad);
            dl->AddText(font, font->FontSize, r.Min + ImVec2(pad, pad), palette().accent_text, name.c_str());
            automation::record_text("status", name, r);
        }
    }

    edit_in_place(wb, ui, journey, scene, f, text_size);
    ImGui::PopID();
}

} // namespace wf::ui
