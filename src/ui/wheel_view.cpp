#include "ui/wheel_view.hpp"

#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/framework_pack.hpp"
#include "core/framework_wheel.hpp"
#include "ui/automation.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace wf::ui {

namespace {
ImU32 parse_colour(const std::string& hex, float alpha) {
    unsigned v = 0x888888;
    if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%06x", &v);
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, (int)(alpha * 255));
}

// Core angles run clockwise from 12 o'clock; ImGui's from 3 o'clock, also clockwise (y points down).
ImVec2 at(ImVec2 centre, float angle, float radius) {
    const WheelPoint p = wheel_point(angle, radius);
    return ImVec2(centre.x + p.x, centre.y + p.y);
}

// An annular sector is not convex, so it is filled as thin convex slices with anti-aliasing off
// (no seams between slices); the caller strokes an anti-aliased outline around the whole wedge.
void fill_sector(ImDrawList* draw, ImVec2 centre, float a0, float a1, float r0, float r1, ImU32 colour) {
    if (r1 <= r0 || a1 <= a0) return;
    const int steps = ImMax(2, (int)std::ceil((a1 - a0) / 0.05f));
    const ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (int i = 0; i < steps; i++) {
        const float s0 = a0 + (a1 - a0) * (float)i / (float)steps, s1 = a0 + (a1 - a0) * (float)(i + 1) / (float)steps;
        const ImVec2 quad[4] = {at(centre, s0, r0), at(centre, s0, r1), at(centre, s1, r1), at(centre, s1, r0)};
        draw->AddConvexPolyFilled(quad, 4, colour);
    }
    draw->Flags = flags;
}

void outline_sector(ImDrawList* draw, ImVec2 centre, float a0, float a1, float r0, float r1, ImU32 colour, float thickness) {
    const int steps = ImMax(2, (int)std::ceil((a1 - a0) / 0.05f));
    for (int i = 0; i <= steps; i++) draw->PathLineTo(at(centre, a0 + (a1 - a0) * (float)i / (float)steps, r1));
    for (int i = steps; i >= 0; i--) draw->PathLineTo(at(centre, a0 + (a1 - a0) * (float)i / (float)steps, r0));
    draw->PathStroke(colour, ImDrawFlags_Closed, thickness);
}

// Wraps a label onto at most two lines of about `width` pixels.
std::string two_lines(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const size_t mid = text.size() / 2;
    size_t best = std::string::npos;
    for (size_t i = 0; i < text.size(); i++)
        if (text[i] == ' ' && (best == std::string::npos || (size_t)std::labs((long)i - (long)mid) < (size_t)std::labs((long)best - (long)mid)))
            best = i;
    return best == std::string::npos ? text : text.substr(0, best) + "\n" + text.substr(best + 1);
}
} // namespace

void framework_wheel(UiState& ui, const FrameworkPack& pack, const std::vector<std::optional<double>>& scores,
                     const std::vector<std::optional<double>>* earlier, float diameter) {
    const Palette& p = palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts().small);
    const float label_room = ImGui::GetFontSize() * 7.0f;     // space for labels on each side
    const float size = diameter;
    const float outer = ImMax(40.0f, (size - 2 * label_room) * 0.5f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 centre(origin.x + size * 0.5f, origin.y + outer + ImGui::GetFontSize() * 2.5f);
    const float height = 2 * outer + ImGui::GetFontSize() * 5.0f;
    const float thin = 1.0f * ui.scale;

    for (const WheelRing& ring : wheel_rings(pack))
        draw->AddCircle(centre, wheel_band_radius(ring.band, outer), (p.border & 0x00FFFFFF) | 0x90000000, 96, thin);

    const std::vector<WheelWedge> wedges = wheel_wedges(pack, scores);
    const float hole = wheel_band_radius(0.0f, outer);
    for (const WheelWedge& w : wedges) {
        const FrameworkArea& area = pack.areas[(size_t)w.area_index];
        fill_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, parse_colour(w.gear_color, 0.16f));
        const float reach = w.fill ? wheel_band_radius((float)*w.fill, outer) : hole;
        fill_sector(draw, centre, w.start_angle, w.end_angle, hole, reach, parse_colour(w.gear_color, 1.0f));
        outline_sector(draw, centre, w.start_angle, w.end_angle, hole, outer, parse_colour(w.gear_color, 0.9f), thin);
        if (earlier && (size_t)w.area_index < earlier->size() && (*earlier)[(size_t)w.area_index]) {
            // The earlier assessment: a bold arc in the text colour where its score reached.
            const float was = wheel_band_radius(wheel_band_for_score(*(*earlier)[(size_t)w.area_index], pack.scale.size()), outer);
            for (int i = 0; i <= 12; i++) draw->PathLineTo(at(centre, w.start_angle + (w.end_angle - w.start_angle) * (float)i / 12.0f, was));
            draw->PathStroke(p.text, 0, 3.0f * ui.scale);
        }

        // Label outside the wedge, aligned away from the wheel so it never overlaps it.
        const std::string label = two_lines(area.short_name, label_room * 0.95f);
        const ImVec2 text_size = ImGui::CalcTextSize(label.c_str());
        const ImVec2 anchor = at(centre, w.label_angle, outer + 8 * ui.scale);
        const float sx = std::sin(w.label_angle), sy = -std::cos(w.label_angle);
        ImVec2 pos(anchor.x - text_size.x * (sx < -0.3f ? 1.0f : sx > 0.3f ? 0.0f : 0.5f),
                   anchor.y - text_size.y * (sy < -0.3f ? 1.0f : sy > 0.3f ? 0.0f : 0.5f));
        draw->AddText(pos, p.text, label.c_str());
        char state[64];
        if (w.fill) std::snprintf(state, sizeof state, "\"score\":%.4f", *w.fill);
        else std::snprintf(state, sizeof state, "\"score\":null");
        automation::record_text("wedge", area.short_name, ImRect(pos, pos + text_size), state);
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(size, height));
}

} // namespace wf::ui
