// Screen-share mode: one Let's Talk map filling the window for a video meeting. The sidebar, top bar
// and page are gone; the map is fitted to the window with text a principal can read on a 1280x720
// share; private notes are hidden unless the librarian shows them; a laser pointer (K) leaves a trail
// that fades; the notes can be revealed one at a time (Right: next, Left: back) to talk them through;
// Escape leaves. It only shows: notes are moved on the canvas itself. View state lives in
// UiState::present (present_state.hpp).
#pragma once
#include <string>
#include <vector>

#include "core/canvas.hpp"
#include "core/journey_maps.hpp"
#include "ui/canvas_view.hpp"
#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

inline constexpr double kSharedTextCssPx = 16;   // a note's text on the shared screen is at least this big when it can be
inline constexpr float kMaxPresentTextScale = 2.5f;
inline constexpr int64_t kLaserFadeMs = 700;     // how long the laser's trail takes to fade

// "Present" and "Snapshot of this map", for a map's toolbar. "Present" has the shortcut P while the
// canvas holds the keyboard (present_shortcut).
void map_share_buttons(Workbench& wb, UiState& ui, const std::string& journey_id, MapKind map);
// A key the map canvas took: P starts screen-share mode. True when it was taken here.
bool present_shortcut(UiState& ui, const std::string& journey_id, MapKind map, int key, bool ctrl);

void start_presenting(UiState& ui, const std::string& journey_id, MapKind map);
void stop_presenting(UiState& ui);

// The text size (CanvasLook::text_scale, 1..kMaxPresentTextScale) at which note text reads at
// kSharedTextCssPx on a window of `css_size` with the map fitted to it, as far as the largest size
// allows. `css_size`: the map's area in CSS px.
float readable_text_scale(const MapScene& scene, canvas::Vec2 css_size);

// The view (CSS px per world unit) that fits the whole map, template and notes as drawn with `look`
// (the Venn without the room its bounds keep around the circles), into `css_size`, with a margin; a
// small map is enlarged up to 300 %.
canvas::ViewTransform present_view(const MapScene& scene, const CanvasLook& look, canvas::Vec2 css_size);

// Screen-share mode over the whole window; draw_app calls it instead of the sidebar and page while
// ui.present.active. Takes the keys the map canvas would (arrows, Escape, K, P, + and -).
void draw_present_mode(Workbench& wb, UiState& ui);

} // namespace wf::ui
