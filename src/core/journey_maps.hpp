#pragma once
// The notes of a journey's four maps as one list per map, whatever the step: what the canvas draws,
// hit-tests and moves, and what the list views and the screen-share mode read. Built from a Journey
// (journey.hpp), so the canvas never learns each step's own structs.

#include <string>
#include <vector>

#include "core/canvas.hpp"
#include "core/journey.hpp"
#include "core/map_templates.hpp"

namespace wf {

// What a note is on its map; it decides which regions it may be dropped into (note_may_go).
enum class NoteRole {
    Phrase,      // step 1: a phrase on the continuum or below it
    VennNote,    // step 3: any of the eight Venn regions
    Priority,    // step 5: in the circle or on the margins
    Strength,    // step 5: beside a priority in the circle (aligned), or on the margins
    Candidate,   // step 6: the agreed idea in the center, or in the parking lot
    PlanNote,    // step 6: in one of the Who / When / What / Where quadrants
};

struct MapNote {
    std::string id;
    std::string text;
    NoteRole role = NoteRole::VennNote;
    canvas::Vec2 pos;                 // the note's centre, world units
    int region = 0;                   // map_templates.hpp
    NoteColour colour = NoteColour::Yellow;
    bool highlighted = false;         // true: a fixed-mindset phrase the librarian marked to stand out
    bool is_private = false;          // true: part of a private map (the continuum unless shared)
    std::string joined_to;            // "": for an aligned strength, the priority it is drawn joined to
};

struct MapScene {
    MapKind kind = MapKind::Venn;
    bool is_private = false;          // true: the whole map is private (step 1 unless shared); said on the canvas
    std::vector<MapNote> notes;       // in reading order: top to bottom, then left to right (Tab order)
};

MapScene map_scene(const Journey& journey, MapKind kind);

// Whether a note of `role` may be dropped into `region` of its map. A drop where it may not go puts
// the note back where it was.
bool note_may_go(NoteRole role, int region);

// The map a Let's Talk step draws on its canvas: "mindset" → Continuum, "research" → Venn,
// "connect" → Collaboration, "agree" → Agreement. False for a step without a map.
bool step_map(const std::string& step_id, MapKind& kind);

// Gives every note without a usable place (none yet, NaN, huge, outside the map, in a region other
// than its own, or on the line away from its position) a free spot in its region (place_in), in list
// order; a note with a usable place never moves. Reading a journey and every map command end with
// it, so after any command region_at(note centre) == the note's region.
void settle_map_notes(Journey& journey);

// Sends a note to a free spot in its region at the next settle: the list moved it (a strength now
// beside another priority, a candidate agreed on).
void unplace_map_note(Journey& journey, MapKind map, const std::string& note_id);

// The map commands as pure edits of a journey; LetsTalk records each as one undo step and says
// what each does (lets_talk.hpp). Each ends with settle_map_notes().
struct MapNoteMove {
    std::string note_id;
    canvas::Vec2 to;
};
void move_map_notes(Journey& journey, MapKind map, const std::vector<MapNoteMove>& moves);
// False, with nothing added, when the region at `at` takes no new note (a third candidate).
bool add_map_note(Journey& journey, MapKind map, canvas::Vec2 at, const std::string& text, const std::string& new_id);
void set_map_note_text(Journey& journey, MapKind map, const std::string& note_id, const std::string& text);
void set_map_note_colour(Journey& journey, MapKind map, const std::vector<std::string>& note_ids, NoteColour colour);
// `new_ids[i]` is the id of the copy of `note_ids[i]`; returns the ids of the copies made.
std::vector<std::string> duplicate_map_notes(Journey& journey, MapKind map, const std::vector<std::string>& note_ids,
                                             const std::vector<std::string>& new_ids);
void remove_map_notes(Journey& journey, MapKind map, const std::vector<std::string>& note_ids);

} // namespace wf
