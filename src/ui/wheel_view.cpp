// [SECTION] Drawing helpers
// [SECTION] Labels
// [SECTION] framework_wheel

#include "ui/wheel_view.hpp"

#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/assessment_results.hpp"
#include "core/framework_pack.hpp"
#include "core/framework_wheel.hpp"
#include "ui/automation.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

namespace {

// [SECTION] Drawing helpers -------------------------------------------------------------------------

constexpr float kTurn = 6.28318530718f;

ImU32 parse_colour(const std::string& hex, float alpha) {
    const Rgba c = parse_hex_colour(hex).value_or(Rgba{0x88, 0x88, 0x88, 255});
    return IM_COL32(c.r, c.g, c.b, (int)(alpha * 255));
}

ImU32 with_alpha(ImU32 colour, float alpha) { return (colour & 0x00FFFFFF) | ((ImU32)(alpha * 255) << 24); }

// Core angles run clockwise from 12 o'clock; ImGui's from 3 o'clock, also clockwise (y points down).
ImVec2 at(ImVec2 centre, float angle, float radius) {
    const WheelPoint p = wheel_point(angle, radius);
    return ImVec2(centre.x + p.x, centre.y + p.y);
}

int arc_steps(float a0, float a1) { return ImMax(2, (int)std::ceil((a1 - a0) / 0.05f)); }

// An annular sector is not convex, so it is filled as thin convex slices with anti-aliasing off
// (no seams between slices); the caller strokes an anti-aliased outline around the whole wedge.
void fill_sector(ImDrawList* draw, ImVec2 centre, float a0, float a1, float r0, float r1, ImU32 colour) {
    if (r1 <= r0 || a1 <= a0) return;
    const int steps = arc_steps(a0, a1);
    const ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (int i = 0; i < steps; i++) {
        const float s0 = a0 + (a1 - a0) * (float)i / (float)steps, s1 = a0 + (a1 - a0) * (float)(i + 1) / (float)steps;
        const ImVec2 quad[4] = {at(centre, s0, r0), at(centre, s0, r1), at(centre, s1, r1), at(centre, s1, r0)};
        draw->AddConvexPolyFilled(quad, 4, colour);
    }
    draw->Flags = flags;
}

// The wedge's edge as a closed list of points: the outer arc clockwise, the inner arc back.
std::vector<ImVec2> sector_edge(ImVec2 centre, float a0, float a1, float r0, float r1) {
    const int steps = arc_steps(a0, a1);
    std::vector<ImVec2> points;
    for (int i = 0; i <= steps; i++) points.push_back(at(centre, a0 + (a1 - a0) * (float)i / (float)steps, r1));
    for (int i = steps; i >= 0; i--) points.push_back(at(centre, a0 + (a1 - a0) * (float)i / (float)steps, r0));
    return points;
}

void outline_sector(ImDrawList* draw, ImVec2 centre, float a0, float a1, float r0, float r1, ImU32 colour, float thickness) {
    for (const ImVec2& p : sector_edge(centre, a0, a1, r0, r1)) draw->PathLineTo(p);
    draw->PathStroke(colour, ImDrawFlags_Closed, thickness);
}

// A dashed edge: the mark of an area with nothing rated (a solid edge is a rated one).
void dashed_sector(ImDrawList* draw, ImVec2 centre, float a0, float a1, float r0, float r1, ImU32 colour, float thickness,
                   float dash) {
    const std::vector<ImVec2> edge = sector_edge(centre, a0, a1, r0, r1);
    bool ink = true;
    float left = dash;
    for (size_t i = 0; i < edge.size(); i++) {
        ImVec2 from = edge[i];
        const ImVec2 to = edge[(i + 1) % edge.size()];
        float length = ImSqrt(ImLengthSqr(to - from));
        while (length > 0) {
            const float step = ImMin(left, length);
            const ImVec2 next = from + (to - from) * (step / length);
            if (ink) draw->AddLine(from, next, colour, thickness);
            from = next;
            length -= step;
            left -= step;
            if (left <= 0) { ink = !ink; left = dash; }
        }
    }
}

// [SECTION] Labels ----------------------------------------------------------------------------------

// A label as drawn: the area's name on one or two lines, and for an area with nothing rated the
// marker "not rated", on a line of its own or after the name.
struct Label {
    std::vector<std::string> lines;
    bool rated = true;
    bool marker_inline = false;
};

constexpr const char* kMarkerLine = "not rated";
constexpr const char* kMarkerInline = " \xC2\xB7 not rated";

// The name on one line, or on two split at the space nearest the middle.
std::vector<std::string> name_lines(const std::string& name, bool split) {
    if (!split) return {name};
    size_t best = std::string::npos;
    for (size_t i = name.find(' '); i != std::string::npos; i = name.find(' ', i + 1))
        if (best == std::string::npos || std::labs((long)i - (long)name.size() / 2) < std::labs((long)best - (long)name.size() / 2))
            best = i;
    if (best == std::string::npos) return {name};
    return {name.substr(0, best), name.substr(best + 1)};
}

float text_width(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x;
}

WheelLabelSize measure(const Label& label, ImFont* font, float size) {
    WheelLabelSize box;
    for (const std::string& line : label.lines) box.width = ImMax(box.width, text_width(font, size, line));
    size_t lines = label.lines.size();
    if (!label.rated && label.marker_inline)
        box.width = ImMax(box.width, text_width(font, size, label.lines.back()) + text_width(font, size, kMarkerInline));
    else if (!label.rated) {
        box.width = ImMax(box.width, text_width(font, size, kMarkerLine));
        lines++;
    }
    box.height = size * (float)lines;
    return box;
}

struct PlacedLabels {
    std::vector<Label> labels;
    WheelLayout layout;
    float text_size = 0;
};

// How far a layout overflows the room it was given; 0 when it fits.
float overflow(const WheelLayout& layout, const WheelLayoutLimits& limits) {
    return ImMax(0.0f, layout.width - limits.max_width) + (limits.max_height > 0 ? ImMax(0.0f, layout.height - limits.max_height) : 0.0f);
}

// Tries the names on one line and on two, the marker under them, after them, or after them only
// above and below the wheel (where labels have width to spare and the sides' stacks are short of
// height); at the caption size and, only when nothing fits the room, smaller. Keeps the labelling
// that fits with the largest wheel, or else the one that overflows least.
PlacedLabels place_labels(const FrameworkPack& pack, const std::vector<WheelWedge>& wedges, const WheelLayoutLimits& limits) {
    ImFont* font = fonts().small;
    enum class Marker { Under, After, AfterAboveAndBelow };
    struct Shape { bool split; Marker marker; };
    const Shape shapes[] = {{false, Marker::Under}, {true, Marker::Under}, {false, Marker::After}, {false, Marker::AfterAboveAndBelow}};
    PlacedLabels best;
    for (float shrink : {1.0f, 0.85f, 0.7f}) {
        for (Shape shape : shapes) {
            PlacedLabels candidate;
            candidate.text_size = std::floor(font->FontSize * shrink);
            std::vector<WheelLabelSize> sizes;
            for (const WheelWedge& w : wedges) {
                const FrameworkArea& area = pack.areas[(size_t)w.area_index];
                const bool after = shape.marker == Marker::After ||
                                   (shape.marker == Marker::AfterAboveAndBelow && std::fabs(std::cos(w.label_angle)) > 0.5f);
                Label label{name_lines(area.short_name.empty() ? area.name : area.short_name, shape.split), w.fill.has_value(), after};
                sizes.push_back(measure(label, font, candidate.text_size));
                candidate.labels.push_back(std::move(label));
            }
            candidate.layout = layout_wheel(wedges, sizes, limits);
            const WheelLayout& now = candidate.layout;
            const bool better = best.labels.empty() || (now.fits && !best.layout.fits) ||
                                (now.fits && best.layout.fits && now.outer_radius > best.layout.outer_radius) ||
                                (!now.fits && !best.layout.fits && overflow(now, limits) < overflow(best.layout, limits));
            if (better) best = std::move(candidate);
        }
        if (best.layout.fits) break;   // smaller text only when the caption size cannot fit
    }
    return best;
}

// What the wheel says about one area when it is pointed at, tapped or reached with Tab.
std::string area_details(const FrameworkPack& pack, const AreaResult& result) {
    if (!result.score) return result.name + ": not rated (" + not_rated_reason(result) + ")";
    return result.name + ": " + area_score_text(pack, result);
}

// The wedge under `point`: on its label, or inside its sector; -1 for none.
int wedge_at(ImVec2 point, ImVec2 origin, ImVec2 centre, const PlacedLabels& placed, const std::vector<WheelWedge>& wedges) {
    for (size_t i = 0; i < placed.layout.labels.size(); i++) {
        const WheelRect& r = placed.layout.labels[i];
        if (ImRect(origin + ImVec2(r.x, r.y), origin + ImVec2(r.x + r.width, r.y + r.height)).Contains(point)) return (int)i;
    }
    const ImVec2 d = point - centre;
    const float distance = ImSqrt(ImLengthSqr(d));
    if (distance < wheel_band_radius(0.0f, placed.layout.outer_radius) || distance > placed.layout.outer_radius) return -1;
    float angle = std::atan2(d.x, -d.y);
    if (angle < 0) angle += kTurn;
    for (size_t i = 0; i < wedges.size(); i++)
        if (angle >= wedges[i].start_angle && angle <= wedges[i].end_angle) return (int)i;
    return -1;
}

} // namespace

// [SECTION] framework_wheel -------------------------------------------------------------------------

void framework_wheel(UiState& ui, const FrameworkPack& pack, const std::vector<AreaResult>& results, const WheelOptions& options) {
    const Palette& p = palette();
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImDrawList* draw = window->DrawList;
    const std::vector<WheelWedge> wedges = wheel_wedges(pack, scores_on_pack(results, pack));
    if (wedges.empty() || results.size() != wedges.size()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool interactive = !ui.snapshot_frame;

    const float width = options.max_width;
    WheelLayoutLimits limits;
    limits.max_width = width;
    limits.max_height = options.max_height > 0 ? ImMax(1.0f, options.max_height - style.ItemSpacing.y) : 0;
    limits.min_radius = 24 * ui.scale;
    limits.max_radius = 260 * ui.scale;
    limits.label_gap = 8 * ui.scale;
    limits.label_spacing = 2 * ui.scale;
    const PlacedLabels placed = place_labels(pack, wedges, limits);
    const WheelLayout& layout = placed.layout;
    // Centred in the room given.
    const ImVec2 origin = ImGui::GetCursorScreenPos() + ImVec2(ImMax(0.0f, (width - layout.width) * 0.5f), 0);
    const ImVec2 centre = origin + ImVec2(layout.centre.x, layout.centre.y);
    const float outer = layout.outer_radius;
    const float hole = wheel_band_radius(0.0f, outer);
    const float thin = 1.0f * ui.scale;

    // Which area the librarian is looking at: pointed at, else reached with Tab, else last tapped.
    std::vector<ImGuiID> ids(wedges.size());
    for (size_t i = 0; i < wedges.size(); i++) ids[i] = window->GetID(("wedge " + results[i].area_id).c_str());
    const ImRect block(ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos() + ImVec2(width, layout.height));
    int hovered = -1, focused = -1, selected = -1;
    if (interactive) {
        ImGui::PushID("wheel");
        const bool pressed = ImGui::InvisibleButton("##wheel", block.GetSize());
        ImGui::PopID();
        const int under = ImGui::IsItemHovered() || pressed ? wedge_at(g.IO.MousePos, origin, centre, placed, wedges) : -1;
        if (ImGui::IsItemHovered()) hovered = under;
        if (pressed) {
            // A tap shows an area until another tap; Tab then goes on from the area tapped.
            ui.assessment.wedge_area = under >= 0 ? results[(size_t)under].area_id : std::string();
            if (under >= 0) {
                ImGui::SetFocusID(ids[(size_t)under], window);
                g.NavDisableHighlight = true;
            }
        }
        for (size_t i = 0; i < wedges.size(); i++) {
            if (g.NavId == ids[i] && !g.NavDisableHighlight) focused = (int)i;
            if (results[i].area_id == ui.assessment.wedge_area) selected = (int)i;
        }
    }
    const int active = hovered >= 0 ? hovered : focused >= 0 ? focused : selected;

    for (const WheelRing& ring : wheel_rings(pack))
        draw->AddCircle(centre, wheel_band_radius(ring.band, outer), with_alpha(p.border, 0.56f), 96, thin);

    for (size_t i = 0; i < wedges.size(); i++) {
        const WheelWedge& w = wedges[i];
        if (w.fill) {
            fill_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, parse_colour(w.gear_color, 0.16f));
            fill_sector(draw, centre, w.start_angle, w.end_angle, hole, wheel_band_radius((float)*w.fill, outer),
                        parse_colour(w.gear_color, 1.0f));
            outline_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, parse_colour(w.gear_color, 0.9f), thin);
        } else {
            fill_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, with_alpha(p.text_dim, 0.08f));
            dashed_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, p.text_dim, thin, 5 * ui.scale);
        }
        if (options.earlier_scores && i < options.earlier_scores->size() && (*options.earlier_scores)[i]) {
            // The earlier assessment: a bold arc in the text colour where its score reached.
            const float was = wheel_band_radius(wheel_band_for_score(*(*options.earlier_scores)[i], pack.scale.size()), outer);
            for (int k = 0; k <= 12; k++) draw->PathLineTo(at(centre, w.start_angle + (w.end_angle - w.start_angle) * (float)k / 12.0f, was));
            draw->PathStroke(p.text, 0, 3.0f * ui.scale);
        }
        if ((int)i == active) outline_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, p.focus, 3.0f * ui.scale);
    }

    ImFont* font = fonts().small;
    for (size_t i = 0; i < wedges.size(); i++) {
        const WheelWedge& w = wedges[i];
        const WheelRect& r = layout.labels[i];
        const ImRect rect(origin + ImVec2(r.x, r.y), origin + ImVec2(r.x + r.width, r.y + r.height));
        const bool right = rect.GetCenter().x >= centre.x;
        // A label moved along its side to make room is tied to its wedge by a thin line.
        const ImVec2 anchor = origin + ImVec2(layout.anchors[i].x, layout.anchors[i].y);
        const ImVec2 nearest(ImClamp(anchor.x, rect.Min.x, rect.Max.x), ImClamp(anchor.y, rect.Min.y, rect.Max.y));
        if (ImLengthSqr(nearest - anchor) > limits.label_gap * limits.label_gap * 2.25f) {
            draw->AddLine(at(centre, w.label_angle, outer + 2 * ui.scale), nearest, with_alpha(p.text_dim, 0.8f), thin);
        }
        // Lines aligned away from the wheel; the "not rated" marker dimmed, under or after the name.
        const Label& label = placed.labels[i];
        const float size = placed.text_size;
        for (size_t line = 0; line < label.lines.size(); line++) {
            const std::string& text = label.lines[line];
            const bool last = line + 1 == label.lines.size();
            const float marker = !label.rated && last && label.marker_inline ? text_width(font, size, kMarkerInline) : 0;
            const float line_width = text_width(font, size, text) + marker;
            const ImVec2 pos(right ? rect.Min.x : rect.Max.x - line_width, rect.Min.y + size * (float)line);
            draw->AddText(font, size, pos, p.text, text.c_str());
            if (marker > 0) draw->AddText(font, size, pos + ImVec2(line_width - marker, 0), p.text_dim, kMarkerInline);
        }
        if (!label.rated && !label.marker_inline) {
            const ImVec2 pos(right ? rect.Min.x : rect.Max.x - text_width(font, size, kMarkerLine),
                             rect.Min.y + size * (float)label.lines.size());
            draw->AddText(font, size, pos, p.text_dim, kMarkerLine);
        }
        if (!interactive) continue;
        // Each wedge is a stop in the Tab order, its label the place it is found and focused.
        const AreaResult& result = results[i];
        const RatingLevel* level = nearest_level(pack, result);
        automation::Record& record = automation::next_item();
        record.role = "wedge";
        automation::Wedge& wedge = record.wedge.emplace();
        wedge.score = w.fill;
        wedge.rated = result.score.has_value();
        if (level) wedge.level = level->name;
        wedge.start = w.start_angle;
        wedge.end = w.end_angle;
        ImGui::ItemAdd(rect, ids[i]);
        // Named as it reads on screen, "not rated" included.
        const std::string name = (result.short_name.empty() ? result.name : result.short_name) + (result.score ? "" : kMarkerInline);
        IMGUI_TEST_ENGINE_ITEM_INFO(ids[i], name.c_str(), 0);
        track_focusable(ui);
        ImGui::RenderNavHighlight(rect, ids[i]);
    }
    automation::record_text("wheel", pack.title, ImRect(centre - ImVec2(outer, outer), centre + ImVec2(outer, outer)));
    // The invisible button took the wheel's room in the layout; a snapshot has none, so a dummy does.
    if (!interactive) {
        ImGui::Dummy(block.GetSize());
        return;
    }

    paragraph("Point at an area of the wheel, tap it or reach it with Tab to see its score and level.", true);
    if (active < 0) return;

    // The area's score and level in a callout: at the pointer, or beside the label tapped or reached
    // with Tab (on a touch screen nothing hovers, and a tap leaves it open).
    if (hovered < 0) {
        const WheelRect& r = layout.labels[(size_t)active];
        const ImRect rect(origin + ImVec2(r.x, r.y), origin + ImVec2(r.x + r.width, r.y + r.height));
        const bool right = rect.GetCenter().x >= centre.x;
        const bool low = rect.Max.y > g.IO.DisplaySize.y * 0.6f;
        ImGui::SetNextWindowPos(ImVec2(right ? rect.Min.x : rect.Max.x, low ? rect.Min.y - style.ItemSpacing.y : rect.Max.y + style.ItemSpacing.y),
                                ImGuiCond_Always, ImVec2(right ? 0.0f : 1.0f, low ? 1.0f : 0.0f));
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    const AreaResult& result = results[(size_t)active];
    const std::string details = area_details(pack, result);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(details.c_str());
    automation::record_text("callout", details, ImRect(start, ImGui::GetItemRectMax()));
    if (const RatingLevel* level = nearest_level(pack, result); level && !level->description.empty())
        paragraph(level->name + ": " + level->description, true);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

} // namespace wf::ui
