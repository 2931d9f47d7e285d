// [SECTION] Notes of each map, in list order
// [SECTION] Settling: every note in its region
// [SECTION] The scene
// [SECTION] Map commands

#include "core/journey_maps.hpp"
#include "core/stable_order.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

using canvas::Rect;
using canvas::Vec2;

//-------------------------------------------------------------------------------------------------
// [SECTION] Notes of each map, in list order
//-------------------------------------------------------------------------------------------------

namespace {

// What placing a note needs besides its MapNote.
struct PlaceHint {
    bool keeps_x = false;     // a phrase on the line: its x is its position
    double x = 0;             // when keeps_x: where its position puts it
    int beside = -1;          // an aligned strength: the index of its priority in the same list
};

Vec2 pos_of(const NotePlace& place) { return {place.x, place.y}; }

// Every note of the map as a MapNote, in the order of the journey's lists (the order they were added),
// with what placing each needs. apply_positions() walks the lists in the same order. Without
// `texts`, the notes' texts are left empty: settling, on every read and edit, needs only places.
void collect(const Journey& j, MapKind kind, std::vector<MapNote>& notes, std::vector<PlaceHint>& hints, bool texts = true)
{
    notes.clear();
    hints.clear();
    const auto add = [&](MapNote note, const NotePlace& place, PlaceHint hint = {}) {
        note.pos = pos_of(place);
        note.colour = place.colour;
        notes.push_back(std::move(note));
        hints.push_back(hint);
    };
    switch (kind) {
    case MapKind::Continuum:
        for (const ContinuumPhrase& p : j.continuum.phrases) {
            MapNote n;
            n.id = p.id;
            if (texts)
                n.text = p.text;
            n.role = NoteRole::Phrase;
            n.region = p.below_line ? kBelowLine : kOnLine;
            n.highlighted = p.highlighted;
            n.is_private = j.continuum.is_private;
            add(std::move(n), p.place, {!p.below_line, continuum_x(p.position), -1});
        }
        break;
    case MapKind::Venn:
        for (const VennItem& v : j.research.venn) {
            MapNote n;
            n.id = v.id;
            if (texts)
                n.text = v.text;
            n.role = NoteRole::VennNote;
            n.region = is_venn_region(v.region) ? v.region : kVennNotPlaced;
            add(std::move(n), v.place);
        }
        break;
    case MapKind::Collaboration: {
        const CollaborationMap& map = j.collaboration;
        for (const CollaborationNote& c : map.notes) {
            MapNote n;
            n.id = c.id;
            if (texts)
                n.text = c.text;
            n.role = c.kind == NoteKind::Strength ? NoteRole::Strength : NoteRole::Priority;
            const bool aligned = note_is_aligned(map, c);
            n.region = aligned ? kInCircle : kMargins;
            PlaceHint hint;
            if (aligned && c.kind == NoteKind::Strength) {
                n.joined_to = c.aligned_with;
                for (size_t i = 0; i < map.notes.size(); i++)
                    if (map.notes[i].id == c.aligned_with)
                        hint.beside = int(i);
            }
            add(std::move(n), c.place, hint);
        }
        break;
    }
    case MapKind::Agreement:
        for (const AgreementCandidate& c : j.agreement.candidates) {
            MapNote n;
            n.id = c.id;
            if (texts)
                n.text = c.title;
            n.role = NoteRole::Candidate;
            n.region = c.id == j.agreement.center ? kCenter : kParkingLot;
            add(std::move(n), c.place);
        }
        for (const PlanNote& p : j.agreement.notes) {
            MapNote n;
            n.id = p.id;
            if (texts)
                n.text = p.text;
            n.role = NoteRole::PlanNote;
            n.region = is_plan_region(p.region) ? p.region : kWho;
            add(std::move(n), p.place);
        }
        break;
    }
}

template <typename Each>
void for_each_place(Journey& j, MapKind kind, Each each)
{
    switch (kind) {
    case MapKind::Continuum:
        for (ContinuumPhrase& p : j.continuum.phrases) each(p.place);
        break;
    case MapKind::Venn:
        for (VennItem& v : j.research.venn) each(v.place);
        break;
    case MapKind::Collaboration:
        for (CollaborationNote& c : j.collaboration.notes) each(c.place);
        break;
    case MapKind::Agreement:
        for (AgreementCandidate& c : j.agreement.candidates) each(c.place);
        for (PlanNote& p : j.agreement.notes) each(p.place);
        break;
    }
}

void apply_positions(Journey& j, MapKind kind, const std::vector<MapNote>& notes)
{
    size_t i = 0;
    for_each_place(j, kind, [&](NotePlace& place) {
        place.x = notes[i].pos.x;
        place.y = notes[i].pos.y;
        i++;
    });
}

constexpr MapKind kAllMaps[] = {MapKind::Continuum, MapKind::Venn, MapKind::Collaboration, MapKind::Agreement};

//-------------------------------------------------------------------------------------------------
// [SECTION] Settling: every note in its region
//-------------------------------------------------------------------------------------------------

// A place the note can keep: a number, inside the map, in the note's region, and for a phrase on
// the line, where its position says (half a unit of rounding allowed).
bool usable(MapKind kind, const MapNote& note, const PlaceHint& hint)
{
    const Vec2 p = note.pos;
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !map_template(kind).bounds.contains(p))
        return false;
    if (region_at(kind, p) != note.region)
        return false;
    return !hint.keeps_x || std::fabs(p.x - hint.x) <= 0.5;
}

// Where an aligned strength goes: just right of its priority.
Vec2 beside(Vec2 priority) { return {priority.x + kNoteSize.x + 12, priority.y}; }

// Gives the notes without a usable place a free spot, in list order: first everything but aligned
// strengths, then those, so each finds its priority already placed. Returns whether any moved.
bool settle(MapKind kind, std::vector<MapNote>& notes, const std::vector<PlaceHint>& hints)
{
    std::vector<size_t> to_place;
    for (size_t i = 0; i < notes.size(); i++)
        if (!usable(kind, notes[i], hints[i]))
            to_place.push_back(i);
    if (to_place.empty())
        return false;
    SpotFinder finder(kind);
    std::vector<char> placed(notes.size(), true);
    for (const size_t i : to_place)
        placed[i] = false;
    for (size_t i = 0; i < notes.size(); i++)
        if (placed[i])
            finder.occupy(canvas::box_around(notes[i].pos, kNoteSize));
    for (const bool strengths : {false, true})
        for (const size_t i : to_place) {
            const PlaceHint& hint = hints[i];
            if ((hint.beside >= 0) != strengths)
                continue;
            Vec2 near{hint.x, 0};
            const Vec2* wanted = nullptr;
            if (hint.keeps_x)
                wanted = &near;
            else if (hint.beside >= 0) {
                near = beside(notes[size_t(hint.beside)].pos);
                wanted = &near;
            }
            notes[i].pos = finder.place(notes[i].region, wanted);
        }
    return true;
}

} // namespace

void settle_map_notes(Journey& journey)
{
    std::vector<MapNote> notes;
    std::vector<PlaceHint> hints;
    for (const MapKind kind : kAllMaps) {
        collect(journey, kind, notes, hints, false);
        if (settle(kind, notes, hints))
            apply_positions(journey, kind, notes);
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The scene
//-------------------------------------------------------------------------------------------------

MapScene map_scene(const Journey& journey, MapKind kind)
{
    MapScene scene;
    scene.kind = kind;
    scene.is_private = kind == MapKind::Continuum && journey.continuum.is_private;
    std::vector<PlaceHint> hints;
    collect(journey, kind, scene.notes, hints);
    // A journey read from a document is settled already; one made in code may not be.
    settle(kind, scene.notes, hints);
    // Sorted by index, then moved once: a note carries strings, and a sort would move each many times.
    const std::vector<size_t> order =
        stable_order(scene.notes.size(), [&](size_t a, size_t b) { return reads_before(scene.notes[a].pos, scene.notes[b].pos); });
    std::vector<MapNote> sorted;
    sorted.reserve(order.size());
    for (const size_t i : order)
        sorted.push_back(std::move(scene.notes[i]));
    scene.notes = std::move(sorted);
    return scene;
}

bool note_may_go(NoteRole role, int region)
{
    switch (role) {
    case NoteRole::Phrase: return region == kOnLine || region == kBelowLine;
    case NoteRole::VennNote: return region == kVennNotPlaced || is_venn_region(region);
    case NoteRole::Priority:
    case NoteRole::Strength: return region == kInCircle || region == kMargins;
    case NoteRole::Candidate: return region == kCenter || region == kParkingLot;
    case NoteRole::PlanNote: return is_plan_region(region);
    }
    return false;
}

bool step_map(const std::string& step_id, MapKind& kind)
{
    static const std::pair<const char*, MapKind> maps[] = {
        {"mindset", MapKind::Continuum}, {"research", MapKind::Venn}, {"connect", MapKind::Collaboration}, {"agree", MapKind::Agreement}};
    for (const auto& [step, map] : maps)
        if (step_id == step) {
            kind = map;
            return true;
        }
    return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Map commands
//-------------------------------------------------------------------------------------------------

namespace {

template <typename List>
auto find_by_id(List& list, const std::string& id) -> decltype(&list[0])
{
    for (auto& entry : list)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

// The place of a note of the map, or nullptr.
NotePlace* place_of(Journey& j, MapKind kind, const std::string& id)
{
    switch (kind) {
    case MapKind::Continuum:
        if (ContinuumPhrase* p = find_by_id(j.continuum.phrases, id)) return &p->place;
        break;
    case MapKind::Venn:
        if (VennItem* v = find_by_id(j.research.venn, id)) return &v->place;
        break;
    case MapKind::Collaboration:
        if (CollaborationNote* c = find_note(j.collaboration, id)) return &c->place;
        break;
    case MapKind::Agreement:
        if (AgreementCandidate* c = find_by_id(j.agreement.candidates, id)) return &c->place;
        if (PlanNote* p = find_by_id(j.agreement.notes, id)) return &p->place;
        break;
    }
    return nullptr;
}

void set_place(NotePlace& place, Vec2 at)
{
    place.x = at.x;
    place.y = at.y;
}

Vec2 inside_map(MapKind kind, Vec2 p)
{
    const Rect& b = map_template(kind).bounds;
    const auto within = [](double v, double lo, double hi) { return std::isfinite(v) ? std::clamp(v, lo, hi) : (lo + hi) / 2; };
    return {within(p.x, b.x0, b.x1), within(p.y, b.y0, b.y1)};
}

// A finder with every note of the map but `except` occupied.
SpotFinder finder_without(const Journey& j, MapKind kind, const std::vector<std::string>& except)
{
    SpotFinder finder(kind);
    std::vector<MapNote> notes;
    std::vector<PlaceHint> hints;
    collect(j, kind, notes, hints, false);
    for (const MapNote& n : notes)
        if (std::find(except.begin(), except.end(), n.id) == except.end() && std::isfinite(n.pos.x) && std::isfinite(n.pos.y))
            finder.occupy(canvas::box_around(n.pos, kNoteSize));
    return finder;
}

// The one candidate in the center goes to the parking lot: a free spot there at the next settle.
void park_center(Agreement& a)
{
    if (AgreementCandidate* old = find_by_id(a.candidates, a.center))
        old->place = NotePlace{NAN, NAN, old->place.colour};
    a.center.clear();
}

void move_phrase(ContinuumPhrase& p, int region, Vec2 to)
{
    p.below_line = region == kBelowLine;
    if (!p.below_line) {
        p.position = continuum_position(to.x);
        to.x = continuum_x(p.position);
    }
    set_place(p.place, to);
}

// A strength dropped in the circle: aligned with the nearest priority there, on a free spot beside
// it. False when the circle holds no priority.
bool align_dropped_strength(Journey& j, CollaborationNote& strength, Vec2 to)
{
    const CollaborationNote* nearest = nullptr;
    double best = 0;
    for (const CollaborationNote& c : j.collaboration.notes) {
        if (c.kind != NoteKind::Priority || c.placement != NotePlacement::Aligned)
            continue;
        const double d = std::hypot(c.place.x - to.x, c.place.y - to.y);
        if (!nearest || d < best) {
            nearest = &c;
            best = d;
        }
    }
    if (!nearest)
        return false;
    const Vec2 priority = pos_of(nearest->place);
    const Vec2 near = to.x >= priority.x ? beside(priority) : Vec2{priority.x - kNoteSize.x - 12, priority.y};
    const std::string priority_id = nearest->id;
    SpotFinder finder = finder_without(j, MapKind::Collaboration, {strength.id});
    place_beside(j.collaboration, strength.id, priority_id);
    set_place(strength.place, finder.find(kInCircle, &near));
    return true;
}

} // namespace

void unplace_map_note(Journey& journey, MapKind map, const std::string& note_id)
{
    if (NotePlace* place = place_of(journey, map, note_id))
        *place = NotePlace{NAN, NAN, place->colour};
}

void move_map_notes(Journey& j, MapKind kind, const std::vector<MapNoteMove>& moves)
{
    // Strengths last: one dropped beside a priority moved in the same drag finds it where it landed.
    std::vector<MapNoteMove> ordered = moves;
    if (kind == MapKind::Collaboration)
        stable_sort_by(ordered, [&](const MapNoteMove& a, const MapNoteMove& b) {
            const auto strength = [&](const MapNoteMove& m) {
                const CollaborationNote* c = find_note(j.collaboration, m.note_id);
                return c && c->kind != NoteKind::Priority;
            };
            return !strength(a) && strength(b);
        });
    const auto moved = [&](const std::string& id) {
        return std::any_of(moves.begin(), moves.end(), [&](const MapNoteMove& m) { return m.note_id == id; });
    };
    for (const MapNoteMove& move : ordered) {
        const Vec2 to = inside_map(kind, move.to);
        const int region = region_at(kind, to);
        switch (kind) {
        case MapKind::Continuum:
            if (ContinuumPhrase* p = find_by_id(j.continuum.phrases, move.note_id))
                move_phrase(*p, region, to);
            break;
        case MapKind::Venn:
            if (VennItem* v = find_by_id(j.research.venn, move.note_id)) {
                v->region = region;
                set_place(v->place, to);
            }
            break;
        case MapKind::Collaboration: {
            CollaborationNote* c = find_note(j.collaboration, move.note_id);
            if (!c)
                break;
            if (c->kind == NoteKind::Strength) {
                if (region == kMargins) {
                    move_to_margin(j.collaboration, c->id);
                    set_place(c->place, to);
                } else {
                    align_dropped_strength(j, *c, to);   // no priority in the circle: it stays where it was
                }
                break;
            }
            // A priority takes the strengths beside it along (unless they were dragged themselves).
            const Vec2 delta{to.x - c->place.x, to.y - c->place.y};
            const std::string priority_id = c->id;
            if (region == kInCircle)
                place_in_circle(j.collaboration, priority_id);
            for (CollaborationNote& s : j.collaboration.notes)
                if (s.kind == NoteKind::Strength && s.aligned_with == priority_id && !moved(s.id) &&
                    std::isfinite(delta.x) && std::isfinite(delta.y))
                    set_place(s.place, {s.place.x + delta.x, s.place.y + delta.y});
            if (region == kMargins)
                move_to_margin(j.collaboration, priority_id);
            if (CollaborationNote* again = find_note(j.collaboration, priority_id))
                set_place(again->place, to);
            break;
        }
        case MapKind::Agreement:
            if (AgreementCandidate* c = find_by_id(j.agreement.candidates, move.note_id)) {
                if (!note_may_go(NoteRole::Candidate, region))
                    break;
                if (region == kCenter && j.agreement.center != c->id) {
                    park_center(j.agreement);
                    j.agreement.center = c->id;
                } else if (region == kParkingLot && j.agreement.center == c->id) {
                    j.agreement.center.clear();
                }
                set_place(c->place, to);
            } else if (PlanNote* p = find_by_id(j.agreement.notes, move.note_id)) {
                if (!note_may_go(NoteRole::PlanNote, region))
                    break;
                p->region = region;
                set_place(p->place, to);
            }
            break;
        }
    }
    settle_map_notes(j);
}

bool add_map_note(Journey& j, MapKind kind, Vec2 at, const std::string& text, const std::string& new_id)
{
    at = inside_map(kind, at);
    const int region = region_at(kind, at);
    switch (kind) {
    case MapKind::Continuum: {
        ContinuumPhrase p;
        p.id = new_id;
        p.text = text;
        move_phrase(p, region, at);
        j.continuum.phrases.push_back(std::move(p));
        break;
    }
    case MapKind::Venn: {
        VennItem v;
        v.id = new_id;
        v.text = text;
        v.region = region;
        set_place(v.place, at);
        j.research.venn.push_back(std::move(v));
        break;
    }
    case MapKind::Collaboration: {
        CollaborationNote& c = add_note(j.collaboration, new_id, text, NoteKind::Priority);
        if (region == kMargins)
            c.placement = NotePlacement::Margin;
        set_place(c.place, at);
        break;
    }
    case MapKind::Agreement:
        if (region == kCenter || region == kParkingLot) {
            AgreementCandidate c;
            c.id = new_id;
            c.title = text;
            set_place(c.place, at);
            if (!add_candidate(j.agreement, c))
                return false;
            if (region == kCenter) {
                park_center(j.agreement);
                j.agreement.center = new_id;
            }
        } else {
            PlanNote p;
            p.id = new_id;
            p.text = text;
            p.region = region;
            set_place(p.place, at);
            j.agreement.notes.push_back(std::move(p));
        }
        break;
    }
    settle_map_notes(j);
    return true;
}

void set_map_note_text(Journey& j, MapKind kind, const std::string& note_id, const std::string& text)
{
    switch (kind) {
    case MapKind::Continuum:
        if (ContinuumPhrase* p = find_by_id(j.continuum.phrases, note_id)) p->text = text;
        break;
    case MapKind::Venn:
        if (VennItem* v = find_by_id(j.research.venn, note_id)) v->text = text;
        break;
    case MapKind::Collaboration:
        if (CollaborationNote* c = find_note(j.collaboration, note_id)) c->text = text;
        break;
    case MapKind::Agreement:
        if (AgreementCandidate* c = find_by_id(j.agreement.candidates, note_id)) c->title = text;
        else if (PlanNote* p = find_by_id(j.agreement.notes, note_id)) p->text = text;
        break;
    }
}

void set_map_note_colour(Journey& j, MapKind kind, const std::vector<std::string>& note_ids, NoteColour colour)
{
    for (const std::string& id : note_ids)
        if (NotePlace* place = place_of(j, kind, id))
            place->colour = colour;
}

std::vector<std::string> duplicate_map_notes(Journey& j, MapKind kind, const std::vector<std::string>& note_ids,
                                             const std::vector<std::string>& new_ids)
{
    std::vector<std::string> made;
    SpotFinder finder = finder_without(j, kind, {});
    // A copy goes on the free spot nearest a little down and right of its original.
    const auto copy_place = [&](const NotePlace& original, int region) {
        const Vec2 near{original.x + kNoteSize.x / 4, original.y + kNoteSize.y / 2};
        NotePlace place = original;
        set_place(place, finder.place(region, &near));
        return place;
    };
    for (size_t i = 0; i < note_ids.size() && i < new_ids.size(); i++) {
        const std::string& id = note_ids[i];
        const std::string& copy_id = new_ids[i];
        switch (kind) {
        case MapKind::Continuum:
            if (const ContinuumPhrase* p = find_by_id(j.continuum.phrases, id)) {
                ContinuumPhrase copy = *p;
                copy.id = copy_id;
                copy.place = copy_place(p->place, p->below_line ? kBelowLine : kOnLine);
                j.continuum.phrases.push_back(std::move(copy));
                made.push_back(copy_id);
            }
            break;
        case MapKind::Venn:
            if (const VennItem* v = find_by_id(j.research.venn, id)) {
                VennItem copy = *v;
                copy.id = copy_id;
                copy.place = copy_place(v->place, v->region);
                j.research.venn.push_back(std::move(copy));
                made.push_back(copy_id);
            }
            break;
        case MapKind::Collaboration:
            if (const CollaborationNote* c = find_note(j.collaboration, id)) {
                CollaborationNote copy = *c;
                copy.id = copy_id;
                copy.place = copy_place(c->place, note_is_aligned(j.collaboration, *c) ? kInCircle : kMargins);
                j.collaboration.notes.push_back(std::move(copy));
                made.push_back(copy_id);
            }
            break;
        case MapKind::Agreement:
            if (const AgreementCandidate* c = find_by_id(j.agreement.candidates, id)) {
                // The center holds one idea: a copy of it waits in the parking lot.
                AgreementCandidate copy = *c;
                copy.id = copy_id;
                copy.from_priority.clear();
                copy.place = copy_place(c->place, kParkingLot);
                if (add_candidate(j.agreement, copy))
                    made.push_back(copy_id);
            } else if (const PlanNote* p = find_by_id(j.agreement.notes, id)) {
                PlanNote copy = *p;
                copy.id = copy_id;
                copy.place = copy_place(p->place, p->region);
                j.agreement.notes.push_back(std::move(copy));
                made.push_back(copy_id);
            }
            break;
        }
    }
    settle_map_notes(j);
    return made;
}

void remove_map_notes(Journey& j, MapKind kind, const std::vector<std::string>& note_ids)
{
    const auto listed = [&](const auto& entry) { return std::find(note_ids.begin(), note_ids.end(), entry.id) != note_ids.end(); };
    switch (kind) {
    case MapKind::Continuum:
        j.continuum.phrases.erase(std::remove_if(j.continuum.phrases.begin(), j.continuum.phrases.end(), listed), j.continuum.phrases.end());
        break;
    case MapKind::Venn:
        j.research.venn.erase(std::remove_if(j.research.venn.begin(), j.research.venn.end(), listed), j.research.venn.end());
        break;
    case MapKind::Collaboration:
        for (const std::string& id : note_ids)
            remove_note(j.collaboration, id);
        break;
    case MapKind::Agreement: {
        Agreement& a = j.agreement;
        if (std::find(note_ids.begin(), note_ids.end(), a.center) != note_ids.end())
            a.center.clear();
        a.candidates.erase(std::remove_if(a.candidates.begin(), a.candidates.end(), listed), a.candidates.end());
        a.notes.erase(std::remove_if(a.notes.begin(), a.notes.end(), listed), a.notes.end());
        break;
    }
    }
    settle_map_notes(j);
}

} // namespace wf
