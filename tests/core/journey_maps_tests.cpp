// The journey's maps as notes that know where they are: the version 1 to 2 migration of the frozen
// files (every note placed in its region, nothing lost, the guide unchanged), reading files with bad
// places (NaN, huge, outside, contradicting the region, 10,000 notes) and the scene the canvas draws.
#include "core/document_registry.hpp"
#include "core/item_file.hpp"
#include "core/journey.hpp"
#include "core/journey_maps.hpp"
#include "core/reflection_guide.hpp"

#include "sample_journey.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <set>

using nlohmann::json;
using namespace wf;
using namespace wf::test;

namespace {

constexpr MapKind kAllMaps[] = {MapKind::Continuum, MapKind::Venn, MapKind::Collaboration, MapKind::Agreement};

size_t note_count(const Journey& j)
{
    return j.continuum.phrases.size() + j.research.venn.size() + j.collaboration.notes.size() + j.agreement.candidates.size() +
           j.agreement.notes.size();
}

// Every note of every map has its centre inside the map and in its own region.
void check_every_note_in_its_region(const Journey& journey)
{
    for (const MapKind map : kAllMaps) {
        const MapScene scene = map_scene(journey, map);
        for (const MapNote& note : scene.notes) {
            CAPTURE(int(map));
            CAPTURE(note.id);
            CAPTURE(note.pos.x);
            CAPTURE(note.pos.y);
            CHECK(map_template(map).bounds.contains(note.pos));
            CHECK(region_at(map, note.pos) == note.region);
            CHECK(note_may_go(note.role, note.region));
        }
    }
}

// No two notes of a map overlap (a file whose notes all needed a spot).
void check_no_overlaps(const Journey& journey)
{
    for (const MapKind map : kAllMaps) {
        const MapScene scene = map_scene(journey, map);
        for (size_t a = 0; a < scene.notes.size(); a++)
            for (size_t b = a + 1; b < scene.notes.size(); b++) {
                CAPTURE(scene.notes[a].id);
                CAPTURE(scene.notes[b].id);
                CHECK_FALSE(canvas::box_around(scene.notes[a].pos, kNoteSize).overlaps(canvas::box_around(scene.notes[b].pos, kNoteSize)));
            }
    }
}

size_t listed(const json& item, const char* object, const char* list)
{
    return item.contains(object) && item[object].contains(list) ? item[object][list].size() : 0;
}

// The version 1 file, its journey as imported now, and the guide the version 1 code wrote of it.
struct FrozenV1 {
    json item;            // the journey in the file, as version 1 wrote it
    ItemImport import;
    Journey journey;
};

FrozenV1 open_v1(const char* name)
{
    FrozenV1 v1;
    const std::string text = read_fixture(name);
    v1.item = json::parse(text)["item"];
    REQUIRE(v1.item["version"] == 1);
    v1.import = plan_item_import(text, false, "unused");
    REQUIRE_MESSAGE(v1.import.ok, v1.import.error);
    v1.journey = journey_from_doc(v1.import.doc);
    return v1;
}

void check_guide_unchanged(const Journey& journey, const std::string& base)
{
    GuideOptions all;
    all.include_private = true;
    CHECK(reflection_guide_markdown(journey, "Alex Librarian", all) == read_fixture(("guides-v1/" + base + ".md").c_str()));
    CHECK(reflection_guide_html(journey, "Alex Librarian", all) == read_fixture(("guides-v1/" + base + ".html").c_str()));
    CHECK(interview_email(journey, "Alex Librarian").text() == read_fixture(("guides-v1/" + base + ".email.txt").c_str()));
}

json v2_doc(const Journey& journey)
{
    json doc = new_journey_doc(journey.pack, journey.id, journey.name, journey.created_at);
    journey_write(doc, journey);
    return doc;
}

} // namespace

TEST_CASE("a version 1 journey with all four maps filled opens with every note placed in its region and nothing lost")
{
    const FrozenV1 v1 = open_v1("journey-v1-maps.json");
    const json& doc = v1.import.doc;
    CHECK(doc["version"] == 2);
    const Journey& j = v1.journey;
    CHECK(j.continuum.phrases.size() == listed(v1.item, "continuum", "phrases"));
    CHECK(j.research.venn.size() == listed(v1.item, "research", "venn"));
    CHECK(j.collaboration.notes.size() == listed(v1.item, "collaboration", "notes"));
    CHECK(j.agreement.candidates.size() == listed(v1.item, "agreement", "candidates"));
    REQUIRE(j.continuum.phrases.size() >= 6);
    REQUIRE(j.research.venn.size() >= 9);
    REQUIRE(j.agreement.candidates.size() == 3);
    // Every note's place is written into the migrated document, so it reads the same everywhere.
    for (const json& phrase : doc["continuum"]["phrases"]) {
        CHECK(phrase["x"].is_number());
        CHECK(phrase["colour"] == "yellow");
    }
    // The quadrants' texts became one note each.
    CHECK_FALSE(doc["agreement"].contains("who"));
    REQUIRE(j.agreement.notes.size() == 4);
    CHECK(plan_text(j.agreement, kWho) == v1.item["agreement"]["who"]);
    CHECK(plan_text(j.agreement, kWhat) == v1.item["agreement"]["what"]);
    CHECK(plan_text(j.agreement, kWhere) == v1.item["agreement"]["where"]);
    check_every_note_in_its_region(j);
    check_no_overlaps(j);
    // A phrase on the line sits where its position says; the positions themselves are untouched.
    for (size_t i = 0; i < j.continuum.phrases.size(); i++) {
        const ContinuumPhrase& p = j.continuum.phrases[i];
        CHECK(p.position == v1.item["continuum"]["phrases"][i]["position"].get<double>());
        if (!p.below_line)
            CHECK(p.place.x == doctest::Approx(continuum_x(p.position)));
    }
    check_guide_unchanged(j, "journey-v1-maps");
}

TEST_CASE("the first frozen version 1 journey opens with its notes placed, a stray x from a newer build ignored")
{
    const FrozenV1 v1 = open_v1("journey-v1.json");
    CHECK(v1.item["research"]["venn"][0]["x"] == 140);
    const json& venn = v1.import.doc["research"]["venn"][0];
    CHECK(venn["x"] != 140);
    CHECK(venn["id"] == "v-literacy");
    CHECK(note_count(v1.journey) == listed(v1.item, "continuum", "phrases") + listed(v1.item, "research", "venn") +
                                        listed(v1.item, "collaboration", "notes") + listed(v1.item, "agreement", "candidates") + 1);
    check_every_note_in_its_region(v1.journey);
    check_guide_unchanged(v1.journey, "journey-v1");
}

TEST_CASE("the golden journey of 0.1.0 reads the same guide after the migration")
{
    const std::string text = read_fixture("golden/0.1.0/journey-item.json");
    const ItemImport item = plan_item_import(text, false, "unused");
    REQUIRE_MESSAGE(item.ok, item.error);
    const Journey journey = journey_from_doc(item.doc);
    check_every_note_in_its_region(journey);
    check_guide_unchanged(journey, "journey-item");
}

TEST_CASE("migrating a journey twice gives the same places: placing is deterministic")
{
    const std::string text = read_fixture("journey-v1-maps.json");
    const ItemImport a = plan_item_import(text, false, "unused");
    const ItemImport b = plan_item_import(text, false, "unused");
    CHECK(a.doc == b.doc);
    // And reading the migrated document again moves nothing.
    json again = a.doc;
    journey_write(again, journey_from_doc(a.doc));
    CHECK(again == a.doc);
}

TEST_CASE("a journey from a newer Wayfinder is refused with a clear message")
{
    json doc = v2_doc(filled_journey());
    doc["version"] = 3;
    const Restored restored = restore_document(doc, journey_schema());
    REQUIRE_FALSE(restored.ok);
    CHECK(restored.failure.reason == RestoreReason::NewerVersion);
    CHECK(contains(restored.error, "conversation journey version 3; this copy reads up to version 2"));
}

TEST_CASE("notes with NaN, huge, outside or unreadable places, or places that contradict their region, open placed in their region")
{
    Journey journey = filled_journey();
    settle_map_notes(journey);
    json doc = v2_doc(journey);
    // Kept: a usable place in its own region.
    const json kept_phrase = doc["continuum"]["phrases"][0];
    json& venn = doc["research"]["venn"];
    REQUIRE(venn.size() >= 5);
    venn[0]["x"] = std::numeric_limits<double>::quiet_NaN();
    venn[1]["x"] = 1e308;
    venn[1]["y"] = -1e308;
    venn[2]["x"] = -5000;                 // outside the map
    venn[3]["x"] = "left";                // not a number
    venn[3].erase("y");
    // In the library-only part of the map, but the note says district only.
    const canvas::Vec2 library_spot = place_in(MapKind::Venn, kVennLibrary, {});
    REQUIRE(venn[4]["region"] != kVennLibrary);
    venn[4]["x"] = library_spot.x;
    venn[4]["y"] = library_spot.y;
    // On the line, but far from where its position puts it.
    json& phrase = doc["continuum"]["phrases"][1];
    REQUIRE_FALSE(phrase["below_line"].get<bool>());
    phrase["x"] = continuum_x(phrase["position"].get<double>()) + 700;
    doc["agreement"]["candidates"][0]["y"] = std::numeric_limits<double>::infinity();
    doc["collaboration"]["notes"][0]["colour"] = "tartan";

    const Journey read = journey_from_doc(doc);
    CHECK(note_count(read) == note_count(journey));
    check_every_note_in_its_region(read);
    CHECK(read.research.venn[4].region == journey.research.venn[4].region);   // the region is the meaning
    CHECK(read.continuum.phrases[1].place.x == doctest::Approx(continuum_x(read.continuum.phrases[1].position)));
    CHECK(read.continuum.phrases[0].place.x == kept_phrase["x"].get<double>());
    CHECK(read.continuum.phrases[0].place.y == kept_phrase["y"].get<double>());
    CHECK(read.collaboration.notes[0].place.colour == NoteColour::Yellow);
}

TEST_CASE("a journey of 10,000 notes opens with every note in its region and none lost")
{
    Journey journey = filled_journey();
    journey.research.venn.clear();
    json doc = v2_doc(journey);
    json venn = json::array();
    const double garbage[] = {std::numeric_limits<double>::quiet_NaN(), 1e300, -40, 600, 1234.5};
    for (int i = 0; i < 10000; i++) {
        json note = {{"id", "n" + std::to_string(i)}, {"text", "Note " + std::to_string(i)}, {"region", i % 8}};
        if (i % 3)
            note["x"] = garbage[i % 5];
        if (i % 7)
            note["y"] = garbage[(i / 5) % 5];
        venn.push_back(std::move(note));
    }
    doc["research"]["venn"] = std::move(venn);
    const Journey read = journey_from_doc(doc);
    REQUIRE(read.research.venn.size() == 10000);
    const MapScene scene = map_scene(read, MapKind::Venn);
    REQUIRE(scene.notes.size() == 10000);
    std::set<std::string> ids;
    size_t misplaced = 0;
    for (const MapNote& note : scene.notes) {
        ids.insert(note.id);
        misplaced += !map_template(MapKind::Venn).bounds.contains(note.pos) || region_at(MapKind::Venn, note.pos) != note.region;
    }
    CHECK(ids.size() == 10000);
    CHECK(misplaced == 0);
}

TEST_CASE("reading a journey keeps every usable place exactly and writes it back unchanged")
{
    Journey journey = filled_journey();
    settle_map_notes(journey);
    const json doc = v2_doc(journey);
    const Journey read = journey_from_doc(doc);
    for (size_t i = 0; i < journey.research.venn.size(); i++) {
        CHECK(read.research.venn[i].place.x == journey.research.venn[i].place.x);
        CHECK(read.research.venn[i].place.y == journey.research.venn[i].place.y);
    }
    json again = doc;
    journey_write(again, read);
    CHECK(again == doc);
}

TEST_CASE("a note's colour is kept in the file as a word")
{
    Journey journey = filled_journey();
    journey.research.venn[0].place.colour = NoteColour::Purple;
    const json doc = v2_doc(journey);
    CHECK(doc["research"]["venn"][0]["colour"] == "purple");
    CHECK(journey_from_doc(doc).research.venn[0].place.colour == NoteColour::Purple);
}

TEST_CASE("a quadrant reads as its notes in reading order, one per line, blank ones left out")
{
    Agreement a;
    a.notes = {{"n1", "Second row", kWho, {100, 400}}, {"n2", "First row, right", kWho, {500, 100}},
               {"n3", "First row, left", kWho, {100, 110}}, {"n4", "  ", kWho, {50, 50}}, {"n5", "Elsewhere", kWhen, {1200, 100}}};
    CHECK(plan_text(a, kWho) == "First row, left\nFirst row, right\nSecond row");
    CHECK(plan_text(a, kWhen) == "Elsewhere");
    CHECK(plan_text(a, kWhere).empty());
}

TEST_CASE("the scene of a map lists its notes in reading order, with what each is and where it may go")
{
    Journey journey = filled_journey();
    settle_map_notes(journey);
    const MapScene venn = map_scene(journey, MapKind::Venn);
    CHECK(venn.notes.size() == journey.research.venn.size());
    for (size_t i = 1; i < venn.notes.size(); i++)
        CHECK_FALSE(reads_before(venn.notes[i].pos, venn.notes[i - 1].pos));
    const MapScene map = map_scene(journey, MapKind::Collaboration);
    bool joined = false;
    for (const MapNote& note : map.notes)
        if (note.role == NoteRole::Strength && note.region == kInCircle) {
            CHECK(note.joined_to == "p1");
            joined = true;
        }
    CHECK(joined);
    const MapScene continuum = map_scene(journey, MapKind::Continuum);
    CHECK(continuum.is_private == journey.continuum.is_private);
    CHECK_FALSE(map_scene(journey, MapKind::Venn).is_private);

    CHECK(note_may_go(NoteRole::VennNote, kVennNotPlaced));
    CHECK_FALSE(note_may_go(NoteRole::Candidate, kWho));
    CHECK_FALSE(note_may_go(NoteRole::PlanNote, kCenter));
    CHECK(note_may_go(NoteRole::Strength, kInCircle));
    MapKind kind;
    CHECK(step_map("research", kind));
    CHECK(kind == MapKind::Venn);
    CHECK(step_map("agree", kind));
    CHECK(kind == MapKind::Agreement);
    CHECK_FALSE(step_map("interview", kind));
}
