// The one canvas view that draws and edits any Let's Talk map (core/map_templates.hpp,
// core/journey_maps.hpp) with ImDrawList: the template under the notes, the notes on top, culled to
// the visible part, edges kept 1 device pixel wide at any zoom. Interaction (pan, zoom, select,
// drag, add, edit in place, keyboard moves) is shared by all four maps and ends in LetsTalk's map
// commands; pan, zoom and selection stay here as view state (UiState), never in a saved file.
#pragma once
#include "core/canvas.hpp"
#include "core/journey_maps.hpp"
#include "ui/ui_state.hpp"

struct ImDrawList;

namespace wf { class Workbench; }

namespace wf::ui {

inline constexpr double kNoteTextPx = 17;   // note text size, world units at text_scale 1 (the UI's small text)

// How a map is to look, beyond its notes.
struct CanvasLook {
    float text_scale = 1;          // note text size over the UI's own (screen-share mode goes up to 2.5)
    bool show_private = true;      // false: private notes are not drawn (screen-share mode unless asked)
    int revealed = -1;             // -1: every note; else only the first `revealed` in reading order
    int highlight_region = 0;      // 0: none; else the region a dragged note would land in
};

// Draws `scene` (template and notes) with `view`, the map's world origin at `viewport_min` on screen,
// clipped to the viewport. No interaction and no widgets: the snapshot draws maps with it too.
void draw_map(ImDrawList* draw_list, const MapScene& scene, const canvas::ViewTransform& view,
              canvas::Vec2 viewport_min, canvas::Vec2 viewport_size, const CanvasLook& look);

// Each note's box (world units) as draw_map draws it with `look`: long text, or a larger text_scale,
// makes a note taller. In scene order. For fitting a map and for what a snapshot must hold.
std::vector<canvas::Rect> note_boxes(const MapScene& scene, const CanvasLook& look);

// The interactive canvas of the journey's map `kind`, filling `size` (CSS px at the UI scale) at the
// cursor.
void map_canvas(Workbench& wb, UiState& ui, const Journey& journey, MapKind kind, canvas::Vec2 size);

} // namespace wf::ui
