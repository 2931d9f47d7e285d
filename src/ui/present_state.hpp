// View state of sharing a map: screen-share mode (ui/present_mode.hpp) and the request for a map
// snapshot (ui/snapshot_export.hpp). Never saved: it is how the librarian shows the map today.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/map_templates.hpp"

namespace wf::ui {

// One sample of the laser pointer's path, in device pixels, and when it was there.
struct LaserPoint {
    float x = 0, y = 0;
    int64_t at_ms = 0;
};

struct PresentUi {
    bool active = false;           // screen-share mode: the map fills the window, no sidebar or chrome
    std::string journey_id;        // the journey whose map is presented
    MapKind map = MapKind::Venn;
    float text_scale = 0;          // note text over the canvas's own, 1..2.5; 0: chosen on the next frame so notes read at 16 CSS px
    bool show_private = false;     // true: the librarian chose to show private notes on the shared screen
    int revealed = -1;             // -1: every note; else how many are shown, in reading order
    bool laser = false;            // K: the pointer leaves a trail that fades
    std::vector<LaserPoint> trail; // oldest first; points that have faded are dropped
    bool fading = false;           // the trail is still fading: the platform draws another frame
};

// "Snapshot of this map": asked for by the map's toolbar, carried out by the platform layer after
// the frame (scale 0: none asked for).
struct MapSnapshotRequest {
    int scale = 0;                 // 1, 2 or 3
    std::string journey_id;
    MapKind map = MapKind::Venn;
};

} // namespace wf::ui
