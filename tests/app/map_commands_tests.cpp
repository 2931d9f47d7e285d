// The map canvases' commands through the Let's Talk tool: each is one undo step under its label, a
// note's region and its place stay in step whatever is done from the map or the list (a property
// test over random commands checks the saved document after each), and a whole drag undoes at once.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <random>

#include "app/builtin_packs.hpp"
#include "app/fake_platform.hpp"
#include "app/lets_talk.hpp"
#include "app/workbench.hpp"

using namespace wf;
using nlohmann::json;
using canvas::Vec2;

namespace {

constexpr MapKind kAllMaps[] = {MapKind::Continuum, MapKind::Venn, MapKind::Collaboration, MapKind::Agreement};

struct MapTab {
    wf::test::SharedStore store;
    wf::test::Tab tab{store};
    LetsTalk& lt = tab.wb.lets_talk();
    std::string id;
    MapTab() {
        use_builtin_packs(tab.wb);
        id = lt.start("With Ms. Rivera");
    }
    json doc() const { return *tab.wb.document(journey_key(id)); }
    std::shared_ptr<const Journey> journey() { return lt.journey(id); }
    void next_step() { tab.platform.clock += 5; }   // each command its own undo step
    MapNote note(MapKind map, const std::string& note_id) {
        for (const MapNote& n : map_scene(*journey(), map).notes)
            if (n.id == note_id) return n;
        FAIL("no note ", note_id);
        return {};
    }
};

// Every note in the saved document has the place its region asks for: reading the document finds
// nothing to mend (so the command itself kept them in step), and that place is inside the map and in
// the note's region.
void check_saved_places(const json& doc) {
    const Journey journey = journey_from_doc(doc);
    const std::pair<const char*, const char*> lists[] = {
        {"continuum", "phrases"}, {"research", "venn"}, {"collaboration", "notes"}, {"agreement", "candidates"}, {"agreement", "notes"}};
    std::map<std::string, std::pair<double, double>> saved;
    for (const auto& [object, list] : lists)
        for (const json& entry : doc[object][list]) {
            REQUIRE_MESSAGE(entry.contains("x"), entry.dump());
            saved[entry["id"].get<std::string>()] = {entry["x"].get<double>(), entry["y"].get<double>()};
        }
    for (const MapKind map : kAllMaps)
        for (const MapNote& note : map_scene(journey, map).notes) {
            CAPTURE(int(map));
            CAPTURE(note.id);
            REQUIRE(saved.count(note.id));
            CHECK(saved[note.id].first == note.pos.x);
            CHECK(saved[note.id].second == note.pos.y);
            CHECK(map_template(map).bounds.contains(note.pos));
            CHECK(region_at(map, note.pos) == note.region);
        }
}

Vec2 spot_in(MapKind map, int region) { return place_in(map, region, {}); }

} // namespace

TEST_CASE("a Venn note dragged from school only into the district and school overlap joins the connections") {
    MapTab t;
    const std::string note = t.lt.add_venn_note(t.id, "Family literacy nights");
    t.next_step();
    t.lt.place_venn_note(t.id, note, kVennSchool);
    t.next_step();
    CHECK(venn_connections(*t.journey()).empty());
    CHECK(region_at(MapKind::Venn, t.note(MapKind::Venn, note).pos) == kVennSchool);

    const Vec2 lens = spot_in(MapKind::Venn, kVennDistrict | kVennSchool);
    t.lt.move_map_notes(t.id, MapKind::Venn, {{note, lens}});
    CHECK(t.tab.wb.undo_label() == "Move note");
    const std::vector<VennGroup> connections = venn_connections(*t.journey());
    REQUIRE(connections.size() == 1);
    CHECK(connections[0].region == (kVennDistrict | kVennSchool));
    CHECK(t.note(MapKind::Venn, note).pos.x == lens.x);
    CHECK(t.note(MapKind::Venn, note).pos.y == lens.y);
    check_saved_places(t.doc());
}

TEST_CASE("changing a note's region from the list moves it to a free spot in its new region") {
    MapTab t;
    const std::string a = t.lt.add_venn_note(t.id, "Attendance");
    const std::string b = t.lt.add_venn_note(t.id, "Bond vote");
    t.next_step();
    CHECK(t.note(MapKind::Venn, a).region == kVennNotPlaced);
    t.lt.place_venn_note(t.id, a, kVennLibrary);
    t.next_step();
    t.lt.place_venn_note(t.id, b, kVennLibrary);
    const MapNote na = t.note(MapKind::Venn, a), nb = t.note(MapKind::Venn, b);
    CHECK(region_at(MapKind::Venn, na.pos) == kVennLibrary);
    CHECK(region_at(MapKind::Venn, nb.pos) == kVennLibrary);
    CHECK_FALSE(canvas::box_around(na.pos, kNoteSize).overlaps(canvas::box_around(nb.pos, kNoteSize)));
    check_saved_places(t.doc());
}

TEST_CASE("moving a phrase along the continuum changes its position, and below the line it becomes another habit") {
    MapTab t;
    const std::string p = t.lt.add_continuum_phrase(t.id, "I wait to be asked");
    t.next_step();
    t.lt.move_map_notes(t.id, MapKind::Continuum, {{p, {continuum_x(0.2), 200}}});
    CHECK(t.journey()->continuum.phrases[0].position == doctest::Approx(0.2));
    CHECK_FALSE(t.journey()->continuum.phrases[0].below_line);
    t.next_step();
    t.lt.move_map_notes(t.id, MapKind::Continuum, {{p, {800, 700}}});
    CHECK(t.journey()->continuum.phrases[0].below_line);
    CHECK(t.journey()->continuum.phrases[0].position == doctest::Approx(0.2));   // kept for when it goes back
    t.next_step();
    // From the list: back on the line at 0.9, and the note goes where 0.9 is.
    t.lt.move_continuum_phrase(t.id, p, 0.9, false);
    CHECK(t.note(MapKind::Continuum, p).pos.x == doctest::Approx(continuum_x(0.9)));
    check_saved_places(t.doc());
}

TEST_CASE("a strength dropped in the circle is aligned with the nearest priority and sits beside it; the priority takes it along") {
    MapTab t;
    const std::string p1 = t.lt.add_priority(t.id, "Reading at grade level");
    const std::string p2 = t.lt.add_priority(t.id, "Students as creators");
    const std::string s = t.lt.add_map_strength(t.id, "Book clubs");
    t.next_step();
    CHECK(t.note(MapKind::Collaboration, s).region == kMargins);
    const Vec2 at2 = t.note(MapKind::Collaboration, p2).pos;
    t.lt.move_map_notes(t.id, MapKind::Collaboration, {{s, {at2.x + 10, at2.y + 10}}});
    const MapNote strength = t.note(MapKind::Collaboration, s);
    CHECK(strength.region == kInCircle);
    CHECK(strength.joined_to == p2);
    CHECK(std::hypot(strength.pos.x - at2.x, strength.pos.y - at2.y) < 2.5 * kNoteSize.x);
    CHECK_FALSE(canvas::box_around(strength.pos, kNoteSize).overlaps(canvas::box_around(at2, kNoteSize)));

    t.next_step();
    const Vec2 to{at2.x - 40, at2.y + 30};
    t.lt.move_map_notes(t.id, MapKind::Collaboration, {{p2, to}});
    const MapNote moved = t.note(MapKind::Collaboration, s);
    CHECK(moved.pos.x == doctest::Approx(strength.pos.x - 40));
    CHECK(moved.pos.y == doctest::Approx(strength.pos.y + 30));
    CHECK(moved.joined_to == p2);

    // A priority dropped on the margins takes its strengths with it: unsure together.
    t.next_step();
    t.lt.move_map_notes(t.id, MapKind::Collaboration, {{p2, {80, 80}}});
    CHECK(t.note(MapKind::Collaboration, p2).region == kMargins);
    CHECK(t.note(MapKind::Collaboration, s).region == kMargins);
    CHECK(t.note(MapKind::Collaboration, p1).region == kInCircle);
    check_saved_places(t.doc());
}

TEST_CASE("a strength dropped in a circle with no priority goes back where it was") {
    MapTab t;
    const std::string s = t.lt.add_map_strength(t.id, "Book clubs");
    t.next_step();
    const json before = t.doc();
    t.lt.move_map_notes(t.id, MapKind::Collaboration, {{s, spot_in(MapKind::Collaboration, kInCircle)}});
    CHECK(t.doc() == before);
}

TEST_CASE("an idea dropped in the center is the one agreed on, and the one there goes to the parking lot") {
    MapTab t;
    AgreementCandidate a, b;
    a.title = "Reading buddies";
    b.title = "Maker Fridays";
    t.lt.add_candidate(t.id, a);
    t.lt.add_candidate(t.id, b);
    t.next_step();
    const std::string ia = t.journey()->agreement.candidates[0].id, ib = t.journey()->agreement.candidates[1].id;
    t.lt.agree_on(t.id, ia);
    CHECK(t.note(MapKind::Agreement, ia).region == kCenter);
    t.next_step();
    t.lt.move_map_notes(t.id, MapKind::Agreement, {{ib, spot_in(MapKind::Agreement, kCenter)}});
    CHECK(t.journey()->agreement.center == ib);
    CHECK(t.note(MapKind::Agreement, ia).region == kParkingLot);
    CHECK(region_at(MapKind::Agreement, t.note(MapKind::Agreement, ia).pos) == kParkingLot);
    // An idea may not go into a quadrant: it stays where it was.
    t.next_step();
    const json before = t.doc();
    t.lt.move_map_notes(t.id, MapKind::Agreement, {{ia, spot_in(MapKind::Agreement, kWho)}});
    CHECK(t.doc() == before);
    check_saved_places(t.doc());
}

TEST_CASE("a new note on the agreement is an idea in the center or parking lot, or a note in the quadrant it is put in") {
    MapTab t;
    const std::string who = t.lt.add_map_note(t.id, MapKind::Agreement, spot_in(MapKind::Agreement, kWho), "The grade 4 team");
    CHECK(t.note(MapKind::Agreement, who).role == NoteRole::PlanNote);
    CHECK(plan_text(t.journey()->agreement, kWho) == "The grade 4 team");
    const std::string idea = t.lt.add_map_note(t.id, MapKind::Agreement, spot_in(MapKind::Agreement, kCenter), "Reading buddies");
    CHECK(t.journey()->agreement.center == idea);
    t.lt.add_map_note(t.id, MapKind::Agreement, spot_in(MapKind::Agreement, kParkingLot), "Maker Fridays");
    t.lt.add_map_note(t.id, MapKind::Agreement, spot_in(MapKind::Agreement, kParkingLot), "Podcasts");
    CHECK(t.journey()->agreement.candidates.size() == kMaxAgreementCandidates);
    CHECK(t.lt.add_map_note(t.id, MapKind::Agreement, spot_in(MapKind::Agreement, kParkingLot), "One too many").empty());
    check_saved_places(t.doc());
}

TEST_CASE("the plan's quadrant fields edit the quadrant's notes, and the guide reads them as before") {
    MapTab t;
    t.lt.set_plan(t.id, LetsTalk::PlanField::When, "Fridays");
    REQUIRE(t.journey()->agreement.notes.size() == 1);
    t.next_step();
    t.lt.set_plan(t.id, LetsTalk::PlanField::When, "Fridays after lunch");
    CHECK(t.journey()->agreement.notes.size() == 1);
    CHECK(plan_text(t.journey()->agreement, kWhen) == "Fridays after lunch");
    t.next_step();
    const std::string second = t.lt.add_plan_note(t.id, LetsTalk::PlanField::When, "From October");
    CHECK(t.tab.wb.undo_label() == "Add a note to the plan");
    CHECK(plan_text(t.journey()->agreement, kWhen) == "Fridays after lunch\nFrom October");
    check_saved_places(t.doc());
    t.next_step();
    t.lt.move_plan_note(t.id, second, LetsTalk::PlanField::Where);
    CHECK(t.tab.wb.undo_label() == "Move a note to another quadrant");
    CHECK(plan_text(t.journey()->agreement, kWhere) == "From October");
    CHECK(region_at(MapKind::Agreement, t.note(MapKind::Agreement, second).pos) == kWhere);
    check_saved_places(t.doc());
    t.next_step();
    t.lt.remove_map_notes(t.id, MapKind::Agreement, {second});
    CHECK(plan_text(t.journey()->agreement, kWhen) == "Fridays after lunch");
    CHECK(plan_text(t.journey()->agreement, kWhere).empty());
}

TEST_CASE("each map command is one undo step with its label, and undo and redo give the document back exactly") {
    MapTab t;
    const std::string a = t.lt.add_venn_note(t.id, "One");
    const std::string b = t.lt.add_venn_note(t.id, "Two");
    t.next_step();
    const auto check = [&](const std::string& label, const std::function<void()>& command) {
        CAPTURE(label);
        t.next_step();
        const json before = t.doc();
        command();
        const json after = t.doc();
        CHECK(after != before);
        CHECK(t.tab.wb.undo_label() == label);
        t.tab.wb.undo();
        CHECK(t.doc() == before);
        t.tab.wb.redo();
        CHECK(t.doc() == after);
    };
    check("Move notes", [&] { t.lt.move_map_notes(t.id, MapKind::Venn, {{a, spot_in(MapKind::Venn, 1)}, {b, spot_in(MapKind::Venn, 7)}}); });
    check("Add a note", [&] { t.lt.add_map_note(t.id, MapKind::Venn, spot_in(MapKind::Venn, 2), "Three"); });
    check("Edit a note", [&] { t.lt.set_map_note_text(t.id, MapKind::Venn, a, "One, again"); });
    check("Change the notes' colour", [&] { t.lt.set_map_note_colour(t.id, MapKind::Venn, {a, b}, NoteColour::Blue); });
    check("Duplicate a note", [&] { t.lt.duplicate_map_notes(t.id, MapKind::Venn, {a}); });
    check("Remove notes", [&] { t.lt.remove_map_notes(t.id, MapKind::Venn, {a, b}); });
}

TEST_CASE("an undo after a drag puts every moved note back, in one step") {
    MapTab t;
    std::vector<std::string> ids;
    for (int i = 0; i < 5; i++) ids.push_back(t.lt.add_venn_note(t.id, "Note " + std::to_string(i)));
    t.next_step();
    const json before = t.doc();
    std::vector<Vec2> where;
    for (const std::string& n : ids) where.push_back(t.note(MapKind::Venn, n).pos);
    std::vector<LetsTalk::NoteMove> moves;
    for (size_t i = 0; i < ids.size(); i++) moves.push_back({ids[i], {where[i].x - 900, where[i].y + 300 - 60.0 * double(i)}});
    t.lt.move_map_notes(t.id, MapKind::Venn, moves);
    CHECK(t.doc() != before);
    t.tab.wb.undo();
    CHECK(t.doc() == before);
    for (size_t i = 0; i < ids.size(); i++) {
        CHECK(t.note(MapKind::Venn, ids[i]).pos.x == where[i].x);
        CHECK(t.note(MapKind::Venn, ids[i]).pos.y == where[i].y);
    }
}

TEST_CASE("typing into a note is one undo step") {
    MapTab t;
    const std::string n = t.lt.add_map_note(t.id, MapKind::Venn, spot_in(MapKind::Venn, 3), "");
    t.next_step();
    for (const char* text : {"F", "Fam", "Family nights"}) {
        t.tab.platform.clock += 0.3;
        t.lt.set_map_note_text(t.id, MapKind::Venn, n, text);
    }
    t.tab.wb.undo();
    CHECK(t.note(MapKind::Venn, n).text.empty());
}

TEST_CASE("copies of notes go beside the originals, in the same regions") {
    MapTab t;
    const std::string p = t.lt.add_priority(t.id, "Reading");
    const std::string s = t.lt.add_map_strength(t.id, "Book clubs");
    t.lt.place_beside(t.id, s, p);
    t.next_step();
    const std::vector<std::string> copies = t.lt.duplicate_map_notes(t.id, MapKind::Collaboration, {p, s});
    REQUIRE(copies.size() == 2);
    CHECK(t.note(MapKind::Collaboration, copies[0]).region == kInCircle);
    CHECK(t.note(MapKind::Collaboration, copies[1]).joined_to == p);
    check_saved_places(t.doc());
}

TEST_CASE("whatever is done from the map or the lists, every note stays in its region (random commands)") {
    MapTab t;
    std::mt19937 rng(20261129);
    const auto pick = [&](int n) { return n > 0 ? int(rng() % unsigned(n)) : 0; };
    const auto any_point = [&](MapKind map) {
        const canvas::Rect b = map_template(map).bounds;
        // Mostly on the map, sometimes far off it.
        const double spread = pick(10) == 0 ? 5.0 : 1.0;
        return Vec2{b.x0 - b.width() * (spread - 1) / 2 + double(rng() % 10000) / 10000 * b.width() * spread,
                    b.y0 - b.height() * (spread - 1) / 2 + double(rng() % 10000) / 10000 * b.height() * spread};
    };
    const auto ids_of = [&](MapKind map) {
        std::vector<std::string> ids;
        for (const MapNote& n : map_scene(*t.journey(), map).notes) ids.push_back(n.id);
        return ids;
    };
    const auto some = [&](MapKind map) {
        std::vector<std::string> ids = ids_of(map), chosen;
        for (const std::string& id : ids)
            if (pick(3) == 0) chosen.push_back(id);
        if (chosen.empty() && !ids.empty()) chosen.push_back(ids[size_t(pick(int(ids.size())))]);
        return chosen;
    };
    const auto one = [&](MapKind map) {
        const std::vector<std::string> ids = ids_of(map);
        return ids.empty() ? std::string("none") : ids[size_t(pick(int(ids.size())))];
    };
    const auto of_kind = [&](NoteKind kind) {
        std::vector<std::string> ids;
        for (const CollaborationNote& n : t.journey()->collaboration.notes)
            if (n.kind == kind) ids.push_back(n.id);
        return ids.empty() ? std::string("none") : ids[size_t(pick(int(ids.size())))];
    };
    const std::vector<JourneyItem> guide_phrases = t.journey()->pack.continuum_phrases;
    for (int step = 0; step < 600; step++) {
        t.next_step();
        const MapKind map = kAllMaps[pick(4)];
        const int command = pick(26);
        CAPTURE(step);
        CAPTURE(command);
        switch (command) {
        case 0: case 1: case 2: {
            std::vector<LetsTalk::NoteMove> moves;
            for (const std::string& id : some(map)) moves.push_back({id, any_point(map)});
            t.lt.move_map_notes(t.id, map, moves);
            break;
        }
        case 3: case 4: t.lt.add_map_note(t.id, map, any_point(map), "Note " + std::to_string(step)); break;
        case 5: t.lt.set_map_note_text(t.id, map, one(map), "Edited " + std::to_string(step)); break;
        case 6: t.lt.set_map_note_colour(t.id, map, some(map), NoteColour(pick(5))); break;
        case 7: t.lt.duplicate_map_notes(t.id, map, some(map)); break;
        case 8: t.lt.remove_map_notes(t.id, map, some(map)); break;
        case 9: t.lt.add_continuum_phrase(t.id, "Phrase " + std::to_string(step)); break;
        case 10:
            if (!guide_phrases.empty()) t.lt.add_guide_phrase(t.id, guide_phrases[size_t(pick(int(guide_phrases.size())))].id);
            break;
        case 11: t.lt.move_continuum_phrase(t.id, one(MapKind::Continuum), double(pick(101)) / 100, pick(3) == 0); break;
        case 12: t.lt.highlight_phrase(t.id, one(MapKind::Continuum), pick(2) == 0); break;
        case 13: t.lt.add_venn_note(t.id, "Venn " + std::to_string(step)); break;
        case 14: t.lt.place_venn_note(t.id, one(MapKind::Venn), pick(8)); break;
        case 15: t.lt.add_priority(t.id, "Priority " + std::to_string(step)); break;
        case 16: t.lt.add_map_strength(t.id, "Strength " + std::to_string(step)); break;
        case 17: t.lt.place_beside(t.id, of_kind(NoteKind::Strength), of_kind(NoteKind::Priority)); break;
        case 18: t.lt.bring_into_circle(t.id, of_kind(NoteKind::Priority)); break;
        case 19: t.lt.move_to_margins(t.id, one(MapKind::Collaboration)); break;
        case 20: t.lt.remove_map_note(t.id, one(MapKind::Collaboration)); break;
        case 21: {
            AgreementCandidate c;
            c.title = "Idea " + std::to_string(step);
            t.lt.add_candidate(t.id, c);
            break;
        }
        case 22: t.lt.agree_on(t.id, one(MapKind::Agreement)); break;
        case 23: t.lt.set_plan(t.id, LetsTalk::PlanField(pick(4)), "Plan " + std::to_string(step)); break;
        case 24:
            if (pick(2)) t.lt.add_plan_note(t.id, LetsTalk::PlanField(pick(4)), "More " + std::to_string(step));
            else t.lt.move_plan_note(t.id, one(MapKind::Agreement), LetsTalk::PlanField(pick(4)));
            break;
        case 25:
            if (pick(2)) t.tab.wb.undo();
            else t.tab.wb.redo();
            break;
        }
        check_saved_places(t.doc());
        if (step % 100 == 99) {
            // Keep the maps from growing past what a person makes, so a failure is readable.
            for (const MapKind m : kAllMaps) {
                const std::vector<std::string> ids = ids_of(m);
                if (ids.size() > 40) t.lt.remove_map_notes(t.id, m, std::vector<std::string>(ids.begin(), ids.begin() + 20));
            }
        }
    }
}

TEST_CASE("on a 2,000-note map each arrow-key move is its own undo step, and undoing them all puts the map back as it was") {
    MapTab t;
    Journey big = *t.journey();
    for (int i = 0; i < 2000; i++) {
        VennItem item;
        item.id = "n" + std::to_string(i);
        item.text = "Note " + std::to_string(i);
        item.region = i % 8;
        big.research.venn.push_back(item);
    }
    json doc = t.doc();
    journey_write(doc, big);
    t.tab.wb.update_document(journey_key(t.id), doc, "Add notes");
    t.next_step();
    const json start = t.doc();
    const MapNote note = t.note(MapKind::Venn, "n1000");
    for (int i = 0; i < 31; i++) {
        const MapNote now = t.note(MapKind::Venn, "n1000");
        t.lt.move_map_notes(t.id, MapKind::Venn, {{"n1000", Vec2{now.pos.x + (i % 2 ? -10 : 10), now.pos.y}}});
        t.next_step();
    }
    CHECK(t.note(MapKind::Venn, "n1000").pos.x == note.pos.x + 10);
    check_saved_places(t.doc());
    // A command that changes nothing is no step: the last move stays the one to undo.
    t.lt.set_leader(t.id, t.journey()->leader);
    CHECK(t.tab.wb.undo_label() == "Move note");
    for (int i = 0; i < 31; i++) {
        CHECK(t.tab.wb.undo_label() == "Move note");
        t.tab.wb.undo();
    }
    CHECK(t.tab.wb.undo_label() == "Add notes");
    CHECK(t.doc() == start);
    CHECK(t.note(MapKind::Venn, "n1000").pos.x == note.pos.x);
    for (int i = 0; i < 31; i++) t.tab.wb.redo();
    CHECK(t.note(MapKind::Venn, "n1000").pos.x == note.pos.x + 10);
    check_saved_places(t.doc());
}
