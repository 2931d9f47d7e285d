// PNG snapshots of the current page: how big they are drawn, the frames that draw them, and what is
// saved and said afterwards. The web adapter only reads the GPU's limit and turns the draw data into
// pixels (src/platform/web/main_web.cpp); everything decided here is tested natively.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

struct SnapshotPlan {
    float scale = 1;       // 1x, 2x or 3x of CSS pixels at 100 %: fonts are rasterised for it, so text is sharp
    float width = 960;     // the picture's width in pixels
    int max_height = 4096; // the tallest picture the GPU can draw (its largest texture); a longer page is cut there
};

// `requested_scale`: the snapshot size chosen in Data & settings (kept within 1..3).
SnapshotPlan plan_snapshot(int requested_scale, int max_texture_size);

// The picture's height for a page `content_height` pixels tall: at least 1, at most the plan's limit.
int snapshot_height(const SnapshotPlan& plan, float content_height);

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

} // namespace wf::ui
