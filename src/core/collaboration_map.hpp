#pragma once
// Step 5's collaboration map as data: a circle holding two or three school or district priorities,
// library strengths placed beside the priorities they align with, and on the margins whatever the
// librarian is unsure about. Sticky notes know where they are, so the list view, the Reflection
// Guide and a drawing canvas all read the same answer.

#include "core/note_place.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace wf {

enum class NoteKind { Priority, Strength };
enum class NotePlacement { Aligned, Margin };

struct CollaborationNote {
    std::string id;                               // unique within the map; owned by the model
    std::string text;
    NoteKind kind = NoteKind::Priority;
    // Priority: Aligned is inside the circle. Strength: Aligned is beside the priority named by
    // `aligned_with`. Margin: on the margins, not clearly aligned.
    NotePlacement placement = NotePlacement::Margin;
    std::string aligned_with;                     // "": for an aligned strength, the id of its priority
    std::string area_id;                          // "": for a strength offered from the self-assessment, its framework area
    NotePlace place;                              // in the circle when aligned (a strength beside its priority), else on the margins
};

struct CollaborationMap {
    std::vector<CollaborationNote> notes;         // in the order they were added
};

// A strength offered for the map (from step 2: a framework area, or a strength the librarian named).
struct AreaRef {
    std::string area_id;                          // "": named by the librarian
    std::string area_name;
};

CollaborationNote* find_note(CollaborationMap& map, const std::string& id);
const CollaborationNote* find_note(const CollaborationMap& map, const std::string& id);

// Where a note really is: a strength counts as aligned only while its priority exists and is in the
// circle (a strength left beside a removed or unsure priority is on the margins).
bool note_is_aligned(const CollaborationMap& map, const CollaborationNote& note);

// A new priority goes into the circle; a new strength onto the margins until it is placed beside a
// priority. Returns the note added. `id` must be new to the map (the caller owns ids).
CollaborationNote& add_note(CollaborationMap& map, std::string id, std::string text, NoteKind kind);
CollaborationNote& add_strength_from_area(CollaborationMap& map, std::string id, const AreaRef& area);

// Puts a strength beside a priority (bringing the priority into the circle if it was on the
// margins). False, with nothing changed, unless `strength_id` is a strength and `priority_id` a
// priority of the map.
bool place_beside(CollaborationMap& map, const std::string& strength_id, const std::string& priority_id);

// Brings a priority into the circle. False, with nothing changed, unless it is a priority of the map.
bool place_in_circle(CollaborationMap& map, const std::string& priority_id);

// Moves a note to the margins. A priority takes the strengths beside it along: they were aligned
// with something now unsure. False when there is no such note.
bool move_to_margin(CollaborationMap& map, const std::string& id);

// Removes a note; strengths beside a removed priority go to the margins. False when there is no such note.
bool remove_note(CollaborationMap& map, const std::string& id);

struct AlignedGroup {
    CollaborationNote priority;
    std::vector<CollaborationNote> strengths;     // beside it, in map order; may be empty
};

// Every priority in the circle, in map order, with the strengths beside it.
std::vector<AlignedGroup> aligned_pairs(const CollaborationMap& map);

// Every note on the margins, in map order.
std::vector<CollaborationNote> margin_notes(const CollaborationMap& map);

// Two names a librarian reads as one: the same words, whatever the blanks around and between them
// and the case of plain letters ("Book clubs " and "book  Clubs").
bool same_name(std::string_view a, std::string_view b);

// The strengths not yet on the map as notes, in the order given, each once: one from the
// self-assessment is matched by its area, and any strength by its name, so a strength the librarian
// typed on the map is not offered again.
std::vector<AreaRef> strengths_to_offer(const CollaborationMap& map, const std::vector<AreaRef>& strengths);

} // namespace wf
