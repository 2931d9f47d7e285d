#include "ui/present_mode.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/lets_talk.hpp"
#include "app/workbench.hpp"
#include "ui/automation.hpp"
#include "ui/canvas_view.hpp"
#include "ui/icons.hpp"
#include "ui/input_queue.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] Entering and leaving
// [SECTION] Fitting and text size
// [SECTION] Keys
// [SECTION] Laser pointer
// [SECTION] Controls
// [SECTION] The shared screen

namespace {
constexpr double kPresentMarginCss = 16;   // around the fitted map
constexpr double kMaxPresentZoom = 3;      // a small map fills the window, up to 300 %
constexpr float kTextStep = 0.25f;         // "Smaller text" / "Larger text", + and -
} // namespace

// [SECTION] Entering and leaving ---------------------------------------------------------------------

void start_presenting(UiState& ui, const std::string& journey_id, MapKind map) {
    ui.present = PresentUi{};
    ui.present.active = true;
    ui.present.journey_id = journey_id;
    ui.present.map = map;
    // A text field being edited under the map would keep its editor on screen: close it.
    if (ui.edit.field_id) {
        ui.edit = TextEditSession{};
        ui.editor = EditorRequest{EditorRequest::Action::Hide, {}};
    }
}

void stop_presenting(UiState& ui) { ui.present = PresentUi{}; }

void map_share_buttons(Workbench& wb, UiState& ui, const std::string& journey_id, MapKind map) {
    flow(button_width("Present"));
    if (button(ui, "Present", ButtonKind::Secondary)) start_presenting(ui, journey_id, map);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Show this map alone, fitted to the window, for a video meeting (P). Esc leaves.");
    flow(button_width("Snapshot of this map", icon::kCamera));
    if (button(ui, "Snapshot of this map", ButtonKind::Secondary, icon::kCamera))
        ui.map_snapshot = MapSnapshotRequest{wb.prefs().snapshot_scale, journey_id, map};
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Save the whole map as a PNG picture (%dx) that opens again in Wayfinder", wb.prefs().snapshot_scale);
}

bool present_shortcut(UiState& ui, const std::string& journey_id, MapKind map, int key, bool ctrl) {
    if (key != KeyP || ctrl) return false;
    start_presenting(ui, journey_id, map);
    return true;
}

// [SECTION] Fitting and text size --------------------------------------------------------------------

namespace {

// What of the template a shared screen shows: the whole map, but the Venn only as drawn (its
// circles, their names and the tray). Its bounds keep room around the circles for the page's
// canvas; the circles are the tallest of the maps, and on a 1280x720 share that room would cost
// the notes' text the last pixel it needs.
canvas::Rect shared_template(MapKind kind) {
    const MapTemplate& t = map_template(kind);
    if (kind != MapKind::Venn) return t.bounds;
    std::vector<canvas::Rect> drawn;
    for (const TemplateShape& s : t.shapes) drawn.push_back(s.box);
    return canvas::bounding_box(drawn);
}

} // namespace

canvas::ViewTransform present_view(const MapScene& scene, const CanvasLook& look, canvas::Vec2 css_size) {
    std::vector<canvas::Rect> boxes = note_boxes(scene, look);
    boxes.push_back(shared_template(scene.kind));
    return canvas::fit_to_content(canvas::bounding_box(boxes), css_size, kPresentMarginCss, kMaxPresentZoom);
}

float readable_text_scale(const MapScene& scene, canvas::Vec2 css_size) {
    // Larger text makes notes taller, so the fit shrinks a little: settle in a few rounds.
    CanvasLook look;
    look.text_scale = 1;
    for (int round = 0; round < 4; round++) {
        const double zoom = present_view(scene, look, css_size).scale;
        const double wanted = kSharedTextCssPx / (kNoteTextPx * std::max(zoom, 1e-6));
        // Whole 5 % steps, rounded up, as the size is shown.
        const float next = std::clamp((float)(std::ceil(wanted * 20 - 1e-6) / 20), 1.0f, kMaxPresentTextScale);
        if (next == look.text_scale) break;
        look.text_scale = next;
    }
    return look.text_scale;
}

namespace {

bool any_private(const MapScene& scene) {
    if (scene.is_private) return true;
    return std::any_of(scene.notes.begin(), scene.notes.end(), [](const MapNote& n) { return n.is_private; });
}

// The notes the shared screen may show at all, in reading order: private ones only when asked for.
std::vector<size_t> showable(const MapScene& scene, const PresentUi& p) {
    std::vector<size_t> out;
    for (size_t i = 0; i < scene.notes.size(); i++)
        if (p.show_private || !(scene.is_private || scene.notes[i].is_private)) out.push_back(i);
    return out;
}

// [SECTION] Keys -----------------------------------------------------------------------------------

void change_text_size(PresentUi& p, float step) {
    p.text_scale = std::clamp(std::round((p.text_scale + step) * 20) / 20, 1.0f, kMaxPresentTextScale);
}

// Right reveals the next note and Left hides the last one shown; from "all", Left starts hiding from
// the end, so a librarian can step back through a map shown whole.
void reveal_step(PresentUi& p, int count, int step) {
    if (p.revealed < 0 && step > 0) return;
    const int shown = p.revealed < 0 ? count : p.revealed;
    p.revealed = std::clamp(shown + step, 0, count);
}

void take_keys(UiState& ui, int count) {
    PresentUi& p = ui.present;
    std::vector<CanvasKey> keys;
    keys.swap(ui.canvas_keys);
    for (const CanvasKey& k : keys) {
        if (k.ctrl) continue;
        switch (k.key) {
            case KeyEscape: case KeyP: stop_presenting(ui); return;
            case KeyRight: case KeyDown: reveal_step(p, count, +1); break;
            case KeyLeft: case KeyUp: reveal_step(p, count, -1); break;
            case KeyK: p.laser = !p.laser; p.trail.clear(); break;
            case KeyPlus: change_text_size(p, kTextStep); break;
            case KeyMinus: change_text_size(p, -kTextStep); break;
            default: break;
        }
    }
}

// [SECTION] Laser pointer ------------------------------------------------------------------------------

// Follows the pointer over the map, and drops what has faded. The trail asks for frames only while
// some of it is still fading; a still pointer with nothing fading draws nothing new. With reduced
// motion asked for, the pointer's dot shows where it is and leaves no trail.
void update_laser(PresentUi& p, const ImRect& area, int64_t now_ms, bool reduced_motion) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (reduced_motion) {
        p.trail.clear();
    } else if (p.laser && area.Contains(mouse)) {
        const bool moved = p.trail.empty() || std::abs(p.trail.back().x - mouse.x) >= 1 || std::abs(p.trail.back().y - mouse.y) >= 1;
        if (moved) p.trail.push_back({mouse.x, mouse.y, now_ms});
    }
    p.trail.erase(std::remove_if(p.trail.begin(), p.trail.end(), [&](const LaserPoint& q) { return now_ms - q.at_ms >= kLaserFadeMs; }),
                  p.trail.end());
    p.fading = p.laser && !p.trail.empty();
}

void draw_laser(const PresentUi& p, ImDrawList* dl, const ImRect& area, int64_t now_ms, float scale) {
    if (!p.laser) return;
    const ImU32 red = IM_COL32(0xE1, 0x1D, 0x48, 0xFF);
    auto alpha = [&](const LaserPoint& q) { return 1.0f - std::clamp((float)(now_ms - q.at_ms) / (float)kLaserFadeMs, 0.0f, 1.0f); };
    for (size_t i = 1; i < p.trail.size(); i++) {
        const float a = alpha(p.trail[i - 1]);
        dl->AddLine(ImVec2(p.trail[i - 1].x, p.trail[i - 1].y), ImVec2(p.trail[i].x, p.trail[i].y),
                    (red & ~IM_COL32_A_MASK) | ((ImU32)(a * 200) << IM_COL32_A_SHIFT), 4 * scale * (0.4f + 0.6f * a));
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (area.Contains(mouse)) {
        dl->AddCircleFilled(mouse, 9 * scale, IM_COL32(0xE1, 0x1D, 0x48, 0x50));
        dl->AddCircleFilled(mouse, 5 * scale, red);
    }
}

// [SECTION] Controls -------------------------------------------------------------------------------

void controls(UiState& ui, const MapScene& scene, int count, int hidden_private) {
    PresentUi& p = ui.present;
    if (button(ui, "Leave (Esc)", ButtonKind::Primary)) { stop_presenting(ui); return; }
    // One row, the keys in the labels and tooltips: every row of controls is height the map loses,
    // and the Venn on a 1280x720 share needs all of it for 16 px text.
    flow(button_width("Smaller text"));
    if (button(ui, "Smaller text")) change_text_size(p, -kTextStep);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Make the notes' text smaller (-)");
    const std::string size = "Text " + std::to_string((int)std::lround(p.text_scale * 100)) + " %";
    flow(ImGui::CalcTextSize(size.c_str()).x);
    ImGui::AlignTextToFramePadding();
    status_text(size, palette().text);
    flow(button_width("Larger text"));
    if (button(ui, "Larger text")) change_text_size(p, kTextStep);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Make the notes' text larger, up to 250 %% (+)");
    if (p.revealed < 0) {
        flow(button_width("One at a time"));
        if (button(ui, "One at a time")) p.revealed = 0;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the notes, then show them one by one with the Right arrow (Left goes back)");
    } else {
        flow(button_width("Show all"));
        if (button(ui, "Show all")) p.revealed = -1;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show every note again. Right shows the next note, Left hides the last one shown");
        const std::string shown = std::to_string(std::min(p.revealed, count)) + " of " + std::to_string(count) + " notes shown";
        flow(ImGui::CalcTextSize(shown.c_str()).x);
        ImGui::AlignTextToFramePadding();
        status_text(shown, palette().text);
    }
    flow(ImGui::GetFrameHeight() + ImGui::CalcTextSize("Laser pointer (K)").x + ImGui::GetStyle().ItemSpacing.x);
    bool laser = p.laser;
    if (checkbox(ui, "Laser pointer (K)", &laser)) { p.laser = laser; p.trail.clear(); }
    if (any_private(scene)) {
        flow(ImGui::GetFrameHeight() + ImGui::CalcTextSize("Show private notes").x + ImGui::GetStyle().ItemSpacing.x);
        checkbox(ui, "Show private notes", &p.show_private);
        if (hidden_private > 0) {
            const std::string text = std::string(icon::kLock) + " " + std::to_string(hidden_private) +
                                     (hidden_private == 1 ? " private note hidden" : " private notes hidden");
            flow(ImGui::CalcTextSize(text.c_str()).x);
            ImGui::AlignTextToFramePadding();
            status_text(text, palette().text_dim);
        }
    }
}

// Each note on the shared screen, as automation records read it (what a test, or a screen reader,
// can know of a drawing).
void record_notes(const MapScene& scene, const std::vector<size_t>& shown, const std::vector<canvas::Rect>& boxes,
                  const canvas::ViewTransform& view, canvas::Vec2 origin) {
    for (size_t k = 0; k < shown.size(); k++) {
        const size_t i = shown[k];
        const canvas::Vec2 a = view.to_screen({boxes[i].x0, boxes[i].y0}, origin), b = view.to_screen({boxes[i].x1, boxes[i].y1}, origin);
        const MapNote& n = scene.notes[i];
        if (automation::Record* r = automation::record_text("note", n.text.empty() ? std::string("(empty note)") : n.text,
                                                            ImRect((float)a.x, (float)a.y, (float)b.x, (float)b.y))) {
            r->region = region_label(scene.kind, n.region);
            r->index = (int)k + 1;
            r->count = (int)shown.size();
        }
    }
}

} // namespace

// [SECTION] The shared screen ------------------------------------------------------------------------

void draw_present_mode(Workbench& wb, UiState& ui) {
    PresentUi& p = ui.present;
    const std::shared_ptr<const Journey> journey = wb.lets_talk().journey(p.journey_id);
    if (!journey) { stop_presenting(ui); return; }   // removed meanwhile (another tab, an undo)
    const MapScene scene = map_scene(*journey, p.map);
    const std::vector<size_t> may_show = showable(scene, p);
    const int count = (int)may_show.size();
    if (p.revealed > count) p.revealed = count;

    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().background);
    ImGui::Begin("##present", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    automation::mark_area("main", "Presenting the map");
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    // The map's keys are taken here, unless a control has the keyboard (Tab): then Enter and Space
    // press it, and only Escape is ours.
    const bool control_focused = g.NavWindow == window && g.NavId != 0 && !g.NavDisableHighlight;
    if (!control_focused) {
        ui.canvas_keys_frame = ImGui::GetFrameCount();
        take_keys(ui, count);
    }
    // Escape with a control focused (as after P from the keyboard, which leaves the focus on "Leave")
    // reaches ImGui, whose navigation takes the focus away in that frame's NewFrame: by now no control
    // looks focused, so the key is looked at whatever the focus says.
    if (p.active && ImGui::IsKeyPressed(KeyEscape)) stop_presenting(ui);
    if (!p.active) { ImGui::End(); return; }

    const int hidden_private = (int)scene.notes.size() - count;
    controls(ui, scene, count, hidden_private);
    if (!p.active) { ImGui::End(); return; }
    const float top = ImGui::GetCursorScreenPos().y;
    const ImRect area(ImVec2(0, top), io.DisplaySize);
    const float k = ui.pixel_ratio > 0 ? ui.pixel_ratio : 1.0f;
    const canvas::Vec2 css_size{area.GetWidth() / k, area.GetHeight() / k};
    if (p.text_scale <= 0) p.text_scale = readable_text_scale(scene, css_size);

    CanvasLook look;
    look.text_scale = p.text_scale;
    look.show_private = p.show_private;
    canvas::ViewTransform view = present_view(scene, look, css_size);
    view.scale *= k;
    // draw_map's `revealed` counts the scene's notes; the librarian counts the ones that may be shown.
    if (p.revealed >= 0) look.revealed = p.revealed == 0 ? 0 : (int)may_show[(size_t)p.revealed - 1] + 1;
    const canvas::Vec2 origin{area.Min.x, area.Min.y};
    ImDrawList* dl = window->DrawList;
    draw_map(dl, scene, view, origin, {area.GetWidth(), area.GetHeight()}, look);

    const std::vector<canvas::Rect> boxes = note_boxes(scene, look);
    std::vector<size_t> shown(may_show.begin(), may_show.begin() + (p.revealed < 0 ? count : p.revealed));
    record_notes(scene, shown, boxes, view, origin);

    update_laser(p, area, ui.now_ms, ui.reduced_motion);
    draw_laser(p, ImGui::GetForegroundDrawList(), area, ui.now_ms, ui.scale);
    ImGui::End();
}

} // namespace wf::ui
