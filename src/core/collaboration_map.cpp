// [SECTION] Lookups
// [SECTION] Editing
// [SECTION] Reading the map

#include "core/collaboration_map.hpp"

#include <algorithm>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] Lookups
//-------------------------------------------------------------------------------------------------

CollaborationNote* find_note(CollaborationMap& map, const std::string& id)
{
    for (CollaborationNote& note : map.notes)
        if (note.id == id)
            return &note;
    return nullptr;
}

const CollaborationNote* find_note(const CollaborationMap& map, const std::string& id)
{
    for (const CollaborationNote& note : map.notes)
        if (note.id == id)
            return &note;
    return nullptr;
}

bool note_is_aligned(const CollaborationMap& map, const CollaborationNote& note)
{
    if (note.placement != NotePlacement::Aligned)
        return false;
    if (note.kind == NoteKind::Priority)
        return true;
    const CollaborationNote* priority = find_note(map, note.aligned_with);
    return priority && priority->kind == NoteKind::Priority && priority->placement == NotePlacement::Aligned;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Editing
//-------------------------------------------------------------------------------------------------

namespace {

void release_strengths_beside(CollaborationMap& map, const std::string& priority_id)
{
    for (CollaborationNote& note : map.notes)
        if (note.kind == NoteKind::Strength && note.aligned_with == priority_id) {
            note.placement = NotePlacement::Margin;
            note.aligned_with.clear();
        }
}

} // namespace

CollaborationNote& add_note(CollaborationMap& map, std::string id, std::string text, NoteKind kind)
{
    CollaborationNote note;
    note.id = std::move(id);
    note.text = std::move(text);
    note.kind = kind;
    note.placement = kind == NoteKind::Priority ? NotePlacement::Aligned : NotePlacement::Margin;
    map.notes.push_back(std::move(note));
    return map.notes.back();
}

CollaborationNote& add_strength_from_area(CollaborationMap& map, std::string id, const AreaRef& area)
{
    CollaborationNote& note = add_note(map, std::move(id), area.area_name, NoteKind::Strength);
    note.area_id = area.area_id;
    return note;
}

bool place_beside(CollaborationMap& map, const std::string& strength_id, const std::string& priority_id)
{
    CollaborationNote* strength = find_note(map, strength_id);
    CollaborationNote* priority = find_note(map, priority_id);
    if (!strength || !priority || strength->kind != NoteKind::Strength || priority->kind != NoteKind::Priority)
        return false;
    priority->placement = NotePlacement::Aligned;
    strength->placement = NotePlacement::Aligned;
    strength->aligned_with = priority_id;
    return true;
}

bool place_in_circle(CollaborationMap& map, const std::string& priority_id)
{
    CollaborationNote* priority = find_note(map, priority_id);
    if (!priority || priority->kind != NoteKind::Priority)
        return false;
    priority->placement = NotePlacement::Aligned;
    return true;
}

bool move_to_margin(CollaborationMap& map, const std::string& id)
{
    CollaborationNote* note = find_note(map, id);
    if (!note)
        return false;
    note->placement = NotePlacement::Margin;
    note->aligned_with.clear();
    if (note->kind == NoteKind::Priority)
        release_strengths_beside(map, id);
    return true;
}

bool remove_note(CollaborationMap& map, const std::string& id)
{
    const auto found = std::find_if(map.notes.begin(), map.notes.end(),
                                    [&id](const CollaborationNote& note) { return note.id == id; });
    if (found == map.notes.end())
        return false;
    const bool was_priority = found->kind == NoteKind::Priority;
    map.notes.erase(found);
    if (was_priority)
        release_strengths_beside(map, id);
    return true;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading the map
//-------------------------------------------------------------------------------------------------

std::vector<AlignedGroup> aligned_pairs(const CollaborationMap& map)
{
    std::vector<AlignedGroup> groups;
    for (const CollaborationNote& note : map.notes)
        if (note.kind == NoteKind::Priority && note_is_aligned(map, note))
            groups.push_back({note, {}});
    for (const CollaborationNote& note : map.notes) {
        if (note.kind != NoteKind::Strength || !note_is_aligned(map, note))
            continue;
        for (AlignedGroup& group : groups)
            if (group.priority.id == note.aligned_with) {
                group.strengths.push_back(note);
                break;
            }
    }
    return groups;
}

std::vector<CollaborationNote> margin_notes(const CollaborationMap& map)
{
    std::vector<CollaborationNote> notes;
    for (const CollaborationNote& note : map.notes)
        if (!note_is_aligned(map, note))
            notes.push_back(note);
    return notes;
}

bool same_name(std::string_view a, std::string_view b)
{
    const auto words = [](std::string_view text) {
        std::string folded;
        bool gap = false;
        for (const char c : text) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                gap = !folded.empty();
                continue;
            }
            if (gap)
                folded += ' ';
            gap = false;
            folded += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        }
        return folded;
    };
    return words(a) == words(b);
}

std::vector<AreaRef> strengths_to_offer(const CollaborationMap& map, const std::vector<AreaRef>& strengths)
{
    const auto same = [](const AreaRef& area, const std::string& area_id, const std::string& name) {
        return (!area.area_id.empty() && area.area_id == area_id) || same_name(area.area_name, name);
    };
    std::vector<AreaRef> offered;
    for (const AreaRef& area : strengths) {
        const bool on_map = std::any_of(map.notes.begin(), map.notes.end(), [&](const CollaborationNote& note) {
            return note.kind == NoteKind::Strength && same(area, note.area_id, note.text);
        });
        const bool already_offered = std::any_of(offered.begin(), offered.end(), [&](const AreaRef& other) {
            return same(area, other.area_id, other.area_name);
        });
        if (!same_name(area.area_name, "") && !on_map && !already_offered)
            offered.push_back(area);
    }
    return offered;
}

} // namespace wf
