#include "ui/snapshot_export.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/lets_talk.hpp"
#include "app/workbench.hpp"
#include "core/png_snapshot.hpp"
#include "core/workspace_file.hpp"
#include "platform/platform.hpp"
#include "ui/app_view.hpp"
#include "ui/automation.hpp"
#include "ui/canvas_view.hpp"

namespace wf::ui {

void prepare_offscreen_frame(float width, float height) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& down : io.MouseDown) down = false;
}

// [SECTION] Page snapshots ------------------------------------------------------------------------

SnapshotPlan plan_snapshot(int requested_scale, int max_texture_size) {
    SnapshotPlan plan;
    plan.scale = (float)ImClamp(requested_scale, 1, 3);
    plan.width = std::floor(960.0f * plan.scale);
    plan.max_height = max_texture_size > 0 ? max_texture_size : 4096;
    return plan;
}

int snapshot_height(const SnapshotPlan& plan, float content_height) {
    return (int)ImClamp(std::ceil(content_height), 1.0f, (float)plan.max_height);
}

int draw_snapshot(Workbench& wb, UiState& ui, const SnapshotPlan& plan) {
    ui.scale = plan.scale;
    ui.pixel_ratio = plan.scale;
    ui.snapshot_frame = true;
    prepare_offscreen_frame(plan.width, (float)plan.max_height);
    float height = 0;
    // Auto-sized windows settle in two frames; the third is the one drawn.
    for (int pass = 0; pass < 3; pass++) {
        ImGui::NewFrame();
        automation::begin_frame(false);
        height = draw_page_for_snapshot(wb, ui, plan.width);
        ImGui::Render();
    }
    const int h = snapshot_height(plan, height);
    ImGui::GetDrawData()->DisplaySize.y = (float)h;
    return h;
}

std::string snapshot_failed_text() {
    return "The snapshot could not be drawn. Try a smaller snapshot size in Data & settings.";
}

std::string snapshot_saved_text(const std::string& file_name, int width, int height) {
    return "Saved the picture " + file_name + " (" + std::to_string(width) + " × " + std::to_string(height) + " pixels).";
}

void save_snapshot(Workbench& wb, const UiState& ui, const SnapshotPlan& plan, int height, const std::vector<uint8_t>& pixels) {
    const int width = (int)plan.width;
    if (pixels.empty() || pixels.size() < (size_t)width * (size_t)height * 4) {
        wb.notify(Notice::Kind::Error, snapshot_failed_text());
        return;
    }
    const std::vector<uint8_t> png = encode_png_with_text(pixels.data(), width, height, kSnapshotKeyword, snapshot_payload(wb, ui));
    const std::string what = std::string("snapshot ") + page_title(ui.page);
    const std::string name = export_file_name(what, wb.today(), "png");
    wb.platform().download(name, "image/png", png.data(), png.size());
    wb.notify(Notice::Kind::Success, snapshot_saved_text(name, width, height));
}

// [SECTION] Map snapshots -------------------------------------------------------------------------

namespace {
constexpr double kMapSnapshotMargin = 24;   // world units around the map: a note's shadow and edge stay in

const char* map_file_words(MapKind kind) {
    switch (kind) {
        case MapKind::Continuum: return "continuum";
        case MapKind::Venn: return "venn";
        case MapKind::Collaboration: return "collaboration map";
        case MapKind::Agreement: return "agreement";
    }
    return "map";
}
} // namespace

int snapshot_tile_limit(int max_texture, int max_renderbuffer, int max_viewport_w, int max_viewport_h, int forced) {
    int limit = kMaxSnapshotTile;   // WebGL2 guarantees at least 4096 of each
    for (const int v : {max_texture, max_renderbuffer, max_viewport_w, max_viewport_h})
        if (v > 0) limit = std::min(limit, v);
    if (forced > 0) limit = std::min(limit, forced);
    return std::max(limit, 64);
}

canvas::Rect map_snapshot_world(const MapScene& scene) {
    std::vector<canvas::Rect> all = note_boxes(scene, CanvasLook{});
    all.push_back(map_template(scene.kind).bounds);
    const canvas::Rect box = canvas::bounding_box(all);
    return {std::floor(box.x0 - kMapSnapshotMargin), std::floor(box.y0 - kMapSnapshotMargin),
            std::ceil(box.x1 + kMapSnapshotMargin), std::ceil(box.y1 + kMapSnapshotMargin)};
}

MapSnapshotPlan plan_map_snapshot(int requested_scale, const canvas::Rect& world, int tile_limit) {
    MapSnapshotPlan plan;
    plan.world = world;
    const double w = std::max(1.0, world.width()), h = std::max(1.0, world.height());
    // A picture too big to hold, or wider than Wayfinder opens again (PngLimits), is drawn smaller
    // rather than cut.
    const double side = (double)PngLimits{}.max_width;
    const double fits = std::min({std::sqrt(kMaxSnapshotPixels / (w * h)), side / w, side / h});
    const double asked = ImClamp(requested_scale, 1, 3);
    plan.scale = (float)std::min(asked, fits);
    plan.scaled_down = plan.scale < asked;
    plan.width = std::max(1, (int)std::ceil(w * plan.scale - 1e-6));
    plan.height = std::max(1, (int)std::ceil(h * plan.scale - 1e-6));
    const int tile = std::max(1, tile_limit);
    for (int y = 0; y < plan.height; y += tile)
        for (int x = 0; x < plan.width; x += tile)
            plan.tiles.push_back({x, y, std::min(tile, plan.width - x), std::min(tile, plan.height - y)});
    return plan;
}

void paste_tile(std::vector<uint8_t>& picture, const MapSnapshotPlan& plan, const SnapshotTile& tile, const std::vector<uint8_t>& pixels) {
    const size_t row = (size_t)tile.width * 4;
    if (pixels.size() < row * (size_t)tile.height || picture.size() < (size_t)plan.width * (size_t)plan.height * 4) return;
    for (int y = 0; y < tile.height; y++)
        std::copy(pixels.begin() + (ptrdiff_t)(row * (size_t)y), pixels.begin() + (ptrdiff_t)(row * (size_t)(y + 1)),
                  picture.begin() + (ptrdiff_t)(((size_t)(tile.y + y) * (size_t)plan.width + (size_t)tile.x) * 4));
}

MapScene map_snapshot_scene(Workbench& wb, const UiState& ui, const MapSnapshotRequest& request) {
    const std::shared_ptr<const Journey> journey = wb.lets_talk().journey(request.journey_id);
    if (!journey) return MapScene{request.map, false, {}};
    MapScene scene = map_scene(*journey, request.map);
    // A picture is made to be shared: what it shows matches what it carries.
    if (!ui.lets_talk.include_private)
        scene.notes.erase(std::remove_if(scene.notes.begin(), scene.notes.end(), [](const MapNote& n) { return n.is_private; }),
                          scene.notes.end());
    return scene;
}

bool draw_map_snapshot(Workbench& wb, UiState& ui, const MapSnapshotRequest& request, const MapSnapshotPlan& plan) {
    if (!wb.lets_talk().journey(request.journey_id)) return false;
    const MapScene scene = map_snapshot_scene(wb, ui, request);
    ui.scale = plan.scale;
    ui.pixel_ratio = plan.scale;
    ui.snapshot_frame = true;
    prepare_offscreen_frame((float)plan.width, (float)plan.height);
    ImGui::NewFrame();
    automation::begin_frame(false);
    canvas::ViewTransform view;
    view.origin = {plan.world.x0, plan.world.y0};
    view.scale = plan.scale;
    CanvasLook look;
    look.show_private = true;   // what may be shown is already chosen in map_snapshot_scene
    draw_map(ImGui::GetBackgroundDrawList(), scene, view, {0, 0}, {(double)plan.width, (double)plan.height}, look);
    ImGui::Render();
    return true;
}

void save_map_snapshot(Workbench& wb, const UiState& ui, const MapSnapshotRequest& request, const MapSnapshotPlan& plan,
                       const std::vector<uint8_t>& pixels) {
    if (pixels.size() < (size_t)plan.width * (size_t)plan.height * 4) {
        wb.notify(Notice::Kind::Error, snapshot_failed_text());
        return;
    }
    const std::string payload = wb.lets_talk().export_text(request.journey_id, ui.lets_talk.include_private);
    const std::vector<uint8_t> png = encode_png_with_text(pixels.data(), plan.width, plan.height, kSnapshotKeyword, payload);
    if (png.empty()) {
        wb.notify(Notice::Kind::Error, snapshot_failed_text());
        return;
    }
    const std::string name = export_file_name(std::string("map ") + map_file_words(request.map), wb.today(), "png");
    wb.platform().download(name, "image/png", png.data(), png.size());
    std::string text = snapshot_saved_text(name, plan.width, plan.height);
    if (plan.scaled_down)
        text += " The map is too big to draw at " + std::to_string(ImClamp(request.scale, 1, 3)) + "x, so it was drawn smaller.";
    wb.notify(Notice::Kind::Success, text);
}

} // namespace wf::ui
