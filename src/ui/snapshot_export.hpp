// PNG snapshots of the current page and of a whole map: how big they are drawn, the frames that
// draw them, and what is saved and said afterwards. The web adapter only reads the GPU's limits and
// turns the draw data into pixels (src/platform/web/main_web.cpp); everything decided here is tested
// natively.
//
// [SECTION] Page snapshots
// [SECTION] Map snapshots
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/canvas.hpp"
#include "core/journey_maps.hpp"
#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

// [SECTION] Page snapshots ------------------------------------------------------------------------

struct SnapshotPlan {
    float scale = 1;       // 1x, 2x or 3x of CSS pixels at 100 %: fonts are rasterised for it, so text is sharp
    float width = 960;     // the picture's width in pixels
    int max_height = 4096; // the tallest picture the GPU can draw (its largest texture); a longer page is cut there
};

// `requested_scale`: the snapshot size chosen in Data & settings (kept within 1..3).
SnapshotPlan plan_snapshot(int requested_scale, int max_texture_size);

// The picture's height for a page `content_height` pixels tall: at least 1, at most the plan's limit.
int snapshot_height(const SnapshotPlan& plan, float content_height);

// Every offscreen picture (page and map snapshots, badges) is drawn in a frame of its own size with
// no pointer and no button down, so nothing in it is hovered or pressed.
void prepare_offscreen_frame(float width, float height);

// Draws the current page alone, for a snapshot (no chrome, no editor, no automation records), in the
// frames ImGui needs to settle auto-sized windows; the draw data of the last one is the picture.
// `ui` is set for the snapshot (the caller keeps a copy to restore); fonts for plan.scale must be
// built. Returns the picture's height.
int draw_snapshot(Workbench& wb, UiState& ui, const SnapshotPlan& plan);

std::string snapshot_failed_text();
std::string snapshot_saved_text(const std::string& file_name, int width, int height);

// Saves the drawn picture (RGBA rows, plan.width x height; empty: it could not be drawn) as a PNG that
// carries the page's data, so dropping it back into Wayfinder restores an editable copy, and tells
// the librarian what happened.
void save_snapshot(Workbench& wb, const UiState& ui, const SnapshotPlan& plan, int height, const std::vector<uint8_t>& pixels);

// [SECTION] Map snapshots -------------------------------------------------------------------------
// The whole map, not the part on screen: the template and every note, fitted, at 1x, 2x or 3x (one
// world unit is `scale` pixels; fonts are rasterised for it). A picture bigger than the GPU's
// largest render target is drawn in tiles, each with the same draw data seen through a shifted
// projection, and stitched, so it is never blank or cut.

// A part of the picture drawn in one pass, in pixels from the picture's top-left corner.
struct SnapshotTile {
    int x = 0, y = 0, width = 0, height = 0;
};

struct MapSnapshotPlan {
    float scale = 1;                 // pixels per world unit (1x, 2x, 3x; less only when scaled_down)
    canvas::Rect world;              // what is drawn: the map and every note on it, whole world units
    int width = 1, height = 1;       // the picture: world size x scale
    std::vector<SnapshotTile> tiles; // row by row; together they cover the picture exactly once
    bool scaled_down = false;        // the scale asked for would not fit in memory: drawn at `scale`
};

// The picture's pixels are held twice while the PNG is made; beyond this many (the biggest map, the
// Venn, at 3x is 57 million), a smaller scale is used.
inline constexpr double kMaxSnapshotPixels = 64e6;
// Each tile is read back into memory before it is pasted: 64 MB at most, whatever the GPU allows.
inline constexpr int kMaxSnapshotTile = 4096;

// The largest square tile drawn in one pass: the least of the GPU's texture, renderbuffer and
// viewport limits (0: not reported) and kMaxSnapshotTile, or `forced` when smaller (a test's way to
// make tiles of a small map). At least 64.
int snapshot_tile_limit(int max_texture, int max_renderbuffer, int max_viewport_w, int max_viewport_h, int forced);

// The world a map snapshot shows: the template's bounds and every note's box as drawn (note_boxes),
// rounded out to whole units with a margin, so a note at the map's edge is not cut. Needs the fonts
// (a note's height is its wrapped text's).
canvas::Rect map_snapshot_world(const MapScene& scene);

// `requested_scale`: the snapshot size chosen in Data & settings (kept within 1..3).
MapSnapshotPlan plan_map_snapshot(int requested_scale, const canvas::Rect& world, int tile_limit);

// Copies a drawn tile (top-down RGBA rows, tile.width x tile.height) into its place in the picture
// (plan.width x plan.height RGBA).
void paste_tile(std::vector<uint8_t>& picture, const MapSnapshotPlan& plan, const SnapshotTile& tile, const std::vector<uint8_t>& pixels);

// Draws the whole map for a snapshot, in one frame at the plan's scale (no widgets, no records); the
// draw data of that frame, plan.width x plan.height, is the picture. `ui` is set for the snapshot (the
// caller keeps a copy to restore); fonts for plan.scale must be built. False when there is no such
// journey.
bool draw_map_snapshot(Workbench& wb, UiState& ui, const MapSnapshotRequest& request, const MapSnapshotPlan& plan);

// What a map snapshot draws and shows: the map as the canvas has it, without private notes unless the
// librarian chose to include the private continuum in what is shared.
MapScene map_snapshot_scene(Workbench& wb, const UiState& ui, const MapSnapshotRequest& request);

// Saves the stitched picture as a PNG that carries the journey's shared copy (as a page snapshot of
// the journey does, so it drops back in), named for the map, and says what happened.
void save_map_snapshot(Workbench& wb, const UiState& ui, const MapSnapshotRequest& request, const MapSnapshotPlan& plan,
                       const std::vector<uint8_t>& pixels);

} // namespace wf::ui
