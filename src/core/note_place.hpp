#pragma once
// Where a sticky note sits on its map, and its colour: shared by every map's notes (journey.hpp,
// collaboration_map.hpp).

#include <limits>

namespace wf {

// The few colours a sticky note can have (saved as "yellow", "pink", "blue", "green", "purple").
enum class NoteColour { Yellow, Pink, Blue, Green, Purple };

// Where a note sits on its map (map_templates.hpp): its centre in world units. Saved from journey
// version 2 on; a note without a usable position (older file, NaN, far outside the map, or in a
// region other than its own) is given a free spot in its region when the journey is read.
// NaN (the default): no place yet, so a note made anywhere is given a free spot by the next
// settle_map_notes() (journey_maps.hpp), never left in a corner.
struct NotePlace {
    double x = std::numeric_limits<double>::quiet_NaN();
    double y = std::numeric_limits<double>::quiet_NaN();
    NoteColour colour = NoteColour::Yellow;
};

} // namespace wf
