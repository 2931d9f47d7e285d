#include "core/assessment.hpp"
#include "core/assessment_results.hpp"
#include "core/document_merge.hpp"
#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/item_file.hpp"
#include "core/journey.hpp"
#include "core/journey_maps.hpp"
#include "core/workspace_file.hpp"

#include "sample_assessment.hpp"
#include "sample_journey.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using nlohmann::json;
using namespace wf;
using namespace wf::test;

namespace {

const ExportInfo kInfo{"2026-11-22T14:05:09Z", "0.3.0"};

using Ids = std::vector<std::string>;

json filled_doc()
{
    json doc = new_journey_doc(sample_journey_pack(), "j1", "2026–27 with Ms. Rivera", "2026-09-14T15:00:00Z");
    Journey journey = filled_journey();
    settle_map_notes(journey);   // as every command leaves it
    journey_write(doc, journey);
    return doc;
}

// Strengths: reading culture (highest), spaces. Stretches: partnerships (marked to grow), creators (low).
Assessment rated_assessment()
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 4, 3});
    answer_area(assessment, "partnerships", {3, 3, 3, 3});
    answer_area(assessment, "creators", {1, 1, 2});
    answer_area(assessment, "spaces", {3, 3, 3});
    assessment.areas["partnerships"] = {true, "Co-teach with Sra. Núñez."};
    assessment.areas["reading-culture"] = {false, "Book tasting in every class."};
    return assessment;
}

Ids item_ids(const std::vector<VennItem>& items)
{
    Ids ids;
    for (const VennItem& item : items)
        ids.push_back(item.id);
    return ids;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// The document
//-------------------------------------------------------------------------------------------------

TEST_CASE("journeys are stored under journey: and their id, as a type this build knows")
{
    CHECK(journey_key("j1") == "journey:j1");
    CHECK(schema_for_type("wayfinder.journey") == &journey_schema());
}

TEST_CASE("a new journey carries a copy of its pack, starts at the first step and has nothing answered")
{
    const json doc = new_journey_doc(sample_journey_pack(), "j1", "Fall", "2026-09-14T15:00:00Z");
    CHECK(doc["type"] == "wayfinder.journey");
    CHECK(doc["version"] == 2);
    CHECK(doc["pack"] == journey_pack_to_json(sample_journey_pack()));
    CHECK(doc["current_step"] == "mindset");
    CHECK(doc["continuum"] == json{{"private", true}, {"phrases", json::array()}});
    CHECK(doc["steps"] == json::object());

    const Journey journey = journey_from_doc(doc);
    CHECK(journey.pack_error.empty());
    CHECK(journey.pack.steps.size() == 7);
    CHECK(journey.name == "Fall");
    CHECK(journey.continuum.is_private);
    CHECK(journey_progress(journey).items_done == 0);
}

TEST_CASE("a new journey is already what restoring would make of it")
{
    const json doc = new_journey_doc(sample_journey_pack(), "j1", "Fall", "2026-09-14T15:00:00Z");
    const Restored restored = restore_document(doc, journey_schema());
    REQUIRE(restored.ok);
    CHECK(restored.doc == doc);
}

TEST_CASE("every step's ticks and answers and each step's material survive writing and reading")
{
    const Journey written = filled_journey();
    const Journey read = journey_from_doc(filled_doc());

    CHECK(read.leader == "Ms. Rivera");
    CHECK(read.school == "Escuela Peña");
    CHECK(read.current_step == "research");
    CHECK(read.steps.at("mindset").checklist == written.steps.at("mindset").checklist);
    CHECK(read.steps.at("mindset").answers == written.steps.at("mindset").answers);
    REQUIRE(read.continuum.phrases.size() == 3);
    CHECK(read.continuum.phrases[2].text == "I interrupt when excited");
    CHECK(read.continuum.phrases[2].below_line);
    CHECK(read.continuum.phrases[0].highlighted);
    CHECK(read.continuum.phrases[0].position == doctest::Approx(0.1));
    REQUIRE(read.future_ready.strengths.size() == 1);
    CHECK(read.future_ready.strengths[0].shared == "Newsletter");
    CHECK(read.future_ready.stretches[0].reason == "Media literacy is a school focus.");
    CHECK(read.research.status.at("plan-school") == ResearchStatus::Requested);
    CHECK(item_ids(read.research.venn) == Ids{"v1", "v2", "v3", "v4", "v5"});
    CHECK(read.research.venn[0].region == (kVennDistrict | kVennSchool));
    CHECK(read.interview.questions == Ids{"q-needs", "q-future"});
    CHECK(read.interview.norms.at("norm-listen"));
    CHECK(read.interview.notes == written.interview.notes);
    REQUIRE(read.collaboration.notes.size() == 3);
    CHECK(aligned_pairs(read.collaboration).front().strengths.front().id == "s1");
    CHECK(read.collaboration.notes[1].area_id == "creators");
    CHECK(read.agreement.center == "a1");
    CHECK(read.agreement.candidates[1].description == "Open makerspace time.");
    CHECK(plan_text(read.agreement, kWhen) == "Next Tuesday");
    CHECK(read.agreement.next_step_owner == "Me");
}

TEST_CASE("the document stores research status, regions and note placements as plain words and numbers")
{
    const json doc = filled_doc();
    CHECK(doc["research"]["status"] == json{{"plan-district", "found"}, {"plan-school", "requested"}});
    json venn = doc["research"]["venn"][0];
    CHECK(venn["x"].is_number());
    CHECK(venn["y"].is_number());
    venn.erase("x");
    venn.erase("y");
    CHECK(venn == json{{"id", "v1"}, {"text", "Literacy across subjects"}, {"region", 3}, {"colour", "yellow"}});
    json strength = doc["collaboration"]["notes"][1];
    strength.erase("x");
    strength.erase("y");
    CHECK(strength == json{{"id", "s1"},
                           {"text", "Helps students create"},
                           {"kind", "strength"},
                           {"placement", "aligned"},
                           {"aligned_with", "p1"},
                           {"area_id", "creators"},
                           {"colour", "yellow"}});
    CHECK(doc["agreement"]["notes"][1] == json{{"id", "plan-" + std::to_string(kWhen)},
                                               {"text", "Next Tuesday"},
                                               {"region", "when"},
                                               {"x", doc["agreement"]["notes"][1]["x"]},
                                               {"y", doc["agreement"]["notes"][1]["y"]},
                                               {"colour", "yellow"}});
}

TEST_CASE("writing keeps fields a newer Wayfinder added, at the top, inside parts and inside entries")
{
    json doc = filled_doc();
    doc["color_tag"] = "teal";
    doc["steps"]["mindset"]["visited_at"] = "2026-09-15";
    doc["research"]["venn"][1]["tilt"] = 3;
    doc["collaboration"]["notes"][0]["color"] = "yellow";
    doc["agreement"]["candidates"][0]["votes"] = 2;
    doc["future_ready"]["strengths"][0]["evidence"] = "photo-3";
    doc["continuum"]["line_style"] = "dotted";

    Journey journey = journey_from_doc(doc);
    journey.research.venn[1].text = "New makerspace (spring)";
    journey.agreement.candidates[0].title = "Reading buddies 2.0";
    journey_write(doc, journey);

    CHECK(doc["color_tag"] == "teal");
    CHECK(doc["steps"]["mindset"]["visited_at"] == "2026-09-15");
    CHECK(doc["research"]["venn"][1]["tilt"] == 3);
    CHECK(doc["research"]["venn"][1]["text"] == "New makerspace (spring)");
    CHECK(doc["collaboration"]["notes"][0]["color"] == "yellow");
    CHECK(doc["agreement"]["candidates"][0]["votes"] == 2);
    CHECK(doc["agreement"]["candidates"][0]["title"] == "Reading buddies 2.0");
    CHECK(doc["future_ready"]["strengths"][0]["evidence"] == "photo-3");
    CHECK(doc["continuum"]["line_style"] == "dotted");
}

TEST_CASE("writing never rewrites the pack copy the journey was started with")
{
    json doc = filled_doc();
    Journey journey = journey_from_doc(doc);
    journey.pack.title = "Changed in memory";
    journey.pack.steps.pop_back();
    journey_write(doc, journey);
    CHECK(doc["pack"] == journey_pack_to_json(sample_journey_pack()));
}

TEST_CASE("writing over something that is not a document makes a whole journey")
{
    json doc = "not a journey";
    journey_write(doc, filled_journey());
    CHECK(doc["type"] == "wayfinder.journey");
    CHECK(doc["pack"] == journey_pack_to_json(sample_journey_pack()));
    CHECK(journey_from_doc(doc).interview.notes == filled_journey().interview.notes);
}

TEST_CASE("values that make no sense read as the nearest sensible ones")
{
    json doc = filled_doc();
    doc["current_step"] = "no-such-step";
    doc["research"]["venn"] = json::array({json{{"id", "a"}, {"region", 0}}, json{{"id", "b"}, {"region", 9}},
                                            json{{"id", "c"}, {"region", 2.5}}, json{{"id", "d"}, {"region", "3"}},
                                            json{{"id", "e"}, {"region", 6}}, "not an item"});
    doc["continuum"]["phrases"] = json::array({json{{"id", "low"}, {"position", -3}},
                                               json{{"id", "high"}, {"position", 7.5}},
                                               json{{"id", "none"}, {"position", "far"}}});
    doc["interview"]["questions"] = json::array({"q-needs", "q-needs", 4, "q-future", "q-support", "q-teachers"});
    doc["agreement"]["center"] = "no-such-candidate";
    doc["research"]["status"] = json{{"plan-district", "lost"}, {"plan-school", "found"}};
    doc["collaboration"]["notes"] = json::array({json{{"id", "n"}, {"kind", "idea"}, {"placement", "floating"},
                                                      {"aligned_with", "p1"}}});

    const Journey journey = journey_from_doc(doc);
    CHECK(journey.current_step == "mindset");
    REQUIRE(journey.research.venn.size() == 5);
    CHECK(journey.research.venn[0].region == kVennNotPlaced);
    CHECK(journey.research.venn[1].region == kVennNotPlaced);
    CHECK(journey.research.venn[2].region == kVennNotPlaced);
    CHECK(journey.research.venn[3].region == kVennNotPlaced);
    CHECK(journey.research.venn[4].region == (kVennSchool | kVennLibrary));
    CHECK(journey.continuum.phrases[0].position == 0.0);
    CHECK(journey.continuum.phrases[1].position == 1.0);
    CHECK(journey.continuum.phrases[2].position == 0.5);
    CHECK(journey.interview.questions == Ids{"q-needs", "q-future", "q-support"});
    CHECK(journey.agreement.center.empty());
    CHECK(journey.research.status.count("plan-district") == 0);
    CHECK(journey.research.status.at("plan-school") == ResearchStatus::Found);
    CHECK(journey.collaboration.notes[0].kind == NoteKind::Priority);
    CHECK(journey.collaboration.notes[0].placement == NotePlacement::Margin);
    CHECK(journey.collaboration.notes[0].aligned_with.empty());
}

TEST_CASE("a journey whose pack copy is damaged says so, and keeps every answer")
{
    json doc = filled_doc();
    doc["pack"]["steps"] = "lost";
    const Journey journey = journey_from_doc(doc);
    CHECK_FALSE(journey.pack_error.empty());
    CHECK(journey.current_step == "research"); // kept: there is no step list to check it against
    CHECK(journey.steps.at("mindset").answers.size() == 2);

    doc.erase("pack");
    CHECK(journey_from_doc(doc).pack_error ==
          "This conversation journey has lost its copy of the steps it was started with.");
}

TEST_CASE("restoring fills every missing part with its default and keeps what is there")
{
    const json bare = {{"type", "wayfinder.journey"}, {"version", 1}, {"id", "j9"}, {"steps", "garbage"},
                       {"continuum", {{"private", false}}}};
    const Restored restored = restore_document(bare, journey_schema());
    REQUIRE(restored.ok);
    const json& doc = restored.doc;
    CHECK(doc["id"] == "j9");
    CHECK(doc["name"] == "");
    CHECK(doc["steps"] == json::object());
    CHECK(doc["continuum"] == json{{"private", false}, {"phrases", json::array()}});
    CHECK(doc["research"] == json{{"status", json::object()}, {"venn", json::array()}});
    CHECK(doc["interview"] == json{{"questions", json::array()}, {"norms", json::object()}, {"notes", ""}});
    CHECK(doc["collaboration"] == json{{"notes", json::array()}});
    CHECK(doc["agreement"]["candidates"] == json::array());
    CHECK(doc["agreement"]["next_step_owner"] == "");
    CHECK(doc["future_ready"]["strengths"] == json::array());
}

//-------------------------------------------------------------------------------------------------
// Progress
//-------------------------------------------------------------------------------------------------

TEST_CASE("a step is done when every checklist item is ticked and every prompt answered")
{
    Journey journey = new_journey();
    journey.steps["mindset"].checklist = {{"mindset-do-1", true}, {"mindset-do-2", true}};
    journey.steps["mindset"].answers = {{"mindset-ask-1", "Feedback."}, {"mindset-ask-2", "New things."}};
    journey.steps["research"].checklist = {{"research-do-1", true}};
    journey.steps["research"].answers = {{"research-ask-1", "Reading across subjects."}};
    const JourneyProgress progress = journey_progress(journey);
    REQUIRE(progress.steps.size() == 7);
    const StepProgress& mindset = progress.steps[0];
    CHECK(mindset.step_id == "mindset");
    CHECK(mindset.checklist_ticked == 2);
    CHECK(mindset.checklist_total == 2);
    CHECK(mindset.prompts_answered == 2);
    CHECK(mindset.prompts_total == 2);
    CHECK(mindset.work_done == 0);
    CHECK(mindset.done);

    const StepProgress& research = progress.steps[2];
    CHECK(research.checklist_ticked == 1);
    CHECK(research.prompts_answered == 1);
    CHECK(research.prompts_total == 2);
    CHECK_FALSE(research.done);

    CHECK(progress.steps_done == 1);
    CHECK(progress.steps_total == 7);
}

TEST_CASE("a step is also done when all the work it asks for is made, with nothing ticked or answered")
{
    Journey journey = new_journey();
    add_note(journey.collaboration, "p1", "Reading across subjects", NoteKind::Priority);
    add_note(journey.collaboration, "s1", "Book clubs", NoteKind::Strength);
    CHECK_FALSE(journey_progress(journey).steps[4].done);
    place_beside(journey.collaboration, "s1", "p1");
    const JourneyProgress progress = journey_progress(journey);
    const StepProgress& connect = progress.steps[4];
    CHECK(connect.step_id == "connect");
    CHECK(connect.checklist_ticked == 0);
    CHECK(connect.prompts_answered == 0);
    CHECK(connect.work_done == 2);
    CHECK(connect.done);
    CHECK(progress.steps_done == 1);
    CHECK(progress.items_done == 2);
}

TEST_CASE("overall progress counts every tick, answer and piece of work against everything the steps ask for")
{
    const JourneyProgress progress = journey_progress(filled_journey());
    // Checklists 2+1+1+2+1+1+0 = 8, prompts 2+2+2+1+1+2+2 = 12, work 3+2+3+2+2+4+0 = 16.
    CHECK(progress.items_total == 36);
    // Ticks and answers 6; work: mindset 2 (one phrase on the fixed side, not two), future readiness 2,
    // research 3, interview 2, connect 2, agree 3 (what and where are not decided).
    CHECK(progress.items_done == 6 + 2 + 2 + 3 + 2 + 2 + 3);
    CHECK(progress.fraction() == doctest::Approx(20.0 / 36));
    CHECK(progress.steps_done == 5);
}

TEST_CASE("step 1 asks for phrases on the continuum, at least two on the fixed side and a highlight")
{
    Journey journey = new_journey();
    const auto work = [&journey] { return journey_progress(journey).steps[0]; };
    CHECK(work().work.size() == 3);
    CHECK(work().work_done == 0);
    journey.continuum.phrases = {{"c1", "Feedback", 0.5, false, false}};
    CHECK(work().work_done == 1);  // placed, in between
    journey.continuum.phrases.push_back({"c2", "Asking for help", 0.25, false, false});
    journey.continuum.phrases.push_back({"c3", "Interrupting", 0.0, false, true}); // below the line: not on the fixed side
    CHECK(work().work_done == 1);
    journey.continuum.phrases.push_back({"c4", "New tools", 0.0, false, false});
    CHECK(work().work_done == 2);
    journey.continuum.phrases[3].highlighted = true;
    CHECK(work().work_done == 3);
    CHECK(work().done);
}

TEST_CASE("step 2 asks for every strength described in full and a stretch with its reason")
{
    Journey journey = new_journey();
    const Assessment assessment = rated_assessment();
    seed_from_assessment(journey, assessment, assessment_results(assessment));
    const auto work = [&journey] { return journey_progress(journey).steps[1]; };
    // The lists from the self-assessment are a start, not the work: the seeded reasons count, the bare strengths do not.
    CHECK(work().work_done == 1);
    for (JourneyStrength& strength : journey.future_ready.strengths)
        strength.example = strength.alignment = "Something real.";
    CHECK(work().work_done == 1);
    for (JourneyStrength& strength : journey.future_ready.strengths)
        strength.shared = "A staff newsletter.";
    CHECK(work().work_done == 2);
    CHECK(work().done);
    journey.future_ready.stretches.clear();
    CHECK(work().work_done == 1);
}

TEST_CASE("step 3 asks for every plan found or requested, every note placed, and a connection")
{
    Journey journey = new_journey();
    const auto work = [&journey] { return journey_progress(journey).steps[2]; };
    CHECK(work().work.size() == 3);
    journey.research.status = {{"plan-district", ResearchStatus::Found}};
    CHECK(work().work_done == 0);
    journey.research.status["plan-school"] = ResearchStatus::Requested;
    CHECK(work().work_done == 1);
    journey.research.venn = {{"v1", "Makerspace", kVennLibrary}, {"v2", "Reading", kVennNotPlaced}};
    CHECK(work().work_done == 1);  // a note not placed yet
    journey.research.venn[1].region = kVennDistrict;
    CHECK(work().work_done == 2);
    journey.research.venn[1].region = kVennDistrict | kVennSchool;
    CHECK(work().work_done == 3);
    CHECK(work().done);
}

TEST_CASE("step 4 asks for two chosen questions and notes from the meeting")
{
    Journey journey = new_journey();
    const auto work = [&journey] { return journey_progress(journey).steps[3]; };
    choose_interview_question(journey, "q-needs", true);
    CHECK(work().work_done == 0);
    choose_interview_question(journey, "q-future", true);
    CHECK(work().work_done == 1);
    journey.interview.notes = "  \n ";
    CHECK(work().work_done == 1);
    journey.interview.notes = "She hopes for more reading time.";
    CHECK(work().work_done == 2);
    CHECK(work().done);
}

TEST_CASE("step 5 asks for a priority in the circle and a library strength beside one")
{
    Journey journey = new_journey();
    const auto work = [&journey] { return journey_progress(journey).steps[4]; };
    add_note(journey.collaboration, "s1", "Book clubs", NoteKind::Strength);
    CHECK(work().work_done == 0);  // a strength on the margins
    add_note(journey.collaboration, "p1", "Reading", NoteKind::Priority);
    CHECK(work().work_done == 1);
    place_beside(journey.collaboration, "s1", "p1");
    CHECK(work().work_done == 2);
    move_to_margin(journey.collaboration, "p1");
    CHECK(work().work_done == 0);
}

TEST_CASE("step 6 asks for two named areas, one in the center, who, when, what and where, and who starts")
{
    Journey journey = new_journey();
    const auto work = [&journey] { return journey_progress(journey).steps[5]; };
    CHECK(work().work.size() == 4);
    journey.agreement.candidates = {{"a1", "Reading buddies", ""}, {"a2", " ", ""}};
    CHECK(work().work_done == 0);  // an area without a title is not named yet
    journey.agreement.candidates[1].title = "Maker Fridays";
    CHECK(work().work_done == 1);
    journey.agreement.center = "a2";
    CHECK(work().work_done == 2);
    for (const int quadrant : {kWho, kWhen, kWhat})
        set_quadrant(journey.agreement, quadrant, "Us");
    CHECK(work().work_done == 2);
    set_quadrant(journey.agreement, kWhere, "The library");
    CHECK(work().work_done == 3);
    journey.agreement.next_step_owner = "Me";
    CHECK(work().work_done == 4);
    CHECK(work().done);
}

TEST_CASE("step 7 and steps Wayfinder does not know have only ticks and answers")
{
    Journey journey = new_journey();
    CHECK(journey_progress(journey).steps[6].work.empty());
    CHECK(work_of_step(journey, "extra").empty());
    journey.steps["reflect"].answers = {{"reflect-ask-1", "Listening."}, {"reflect-ask-2", "Patience."}};
    CHECK(journey_progress(journey).steps[6].done);
}

TEST_CASE("what a step still asks for is said in the librarian's words")
{
    Journey journey = new_journey();
    std::vector<std::string> to_do;
    for (const StepWork& work : work_of_step(journey, "connect"))
        to_do.push_back(work.to_do);
    CHECK(to_do == Ids{"Put a priority in the circle.", "Place a library strength beside a priority."});
    CHECK(work_of_step(journey, "interview").front().to_do == "Choose 2 or 3 questions to send ahead.");
    CHECK(work_of_step(journey, "agree").front().to_do == "Name 2 or 3 possible areas.");
}

TEST_CASE("blank answers, unticked items and ids the pack does not have do not count as progress")
{
    Journey journey = new_journey();
    journey.steps["mindset"].answers = {{"mindset-ask-1", "  \n\t"}, {"not-a-prompt", "Stray answer"}};
    journey.steps["mindset"].checklist = {{"mindset-do-1", false}, {"not-an-item", true}};
    journey.steps["no-such-step"].answers = {{"x", "Words"}};
    const JourneyProgress progress = journey_progress(journey);
    CHECK(progress.items_done == 0);
    CHECK(progress.steps_done == 0);
    CHECK(progress.fraction() == 0.0);
}

TEST_CASE("a step with nothing to tick or answer is never counted as done")
{
    Journey journey = new_journey();
    journey.pack.steps.push_back(sample_step("extra", "Extra", 0, 0));
    const JourneyProgress progress = journey_progress(journey);
    CHECK_FALSE(progress.steps.back().done);
    CHECK(progress.steps_total == 8);
}

TEST_CASE("a step whose last item is ticked becomes done; unticking it undoes that")
{
    Journey journey = filled_journey();
    journey.research.venn.clear(); // its work not made, so the ticks and answers decide
    journey.steps["research"].answers["research-ask-2"] = "The school wants more writing.";
    CHECK(journey_progress(journey).steps[2].done);
    journey.steps["research"].checklist["research-do-1"] = false;
    CHECK_FALSE(journey_progress(journey).steps[2].done);
}

//-------------------------------------------------------------------------------------------------
// Step 3: the Venn
//-------------------------------------------------------------------------------------------------

TEST_CASE("the Venn lists all seven regions in reading order, each with its items")
{
    const std::vector<VennGroup> groups = venn_groups(filled_journey());
    REQUIRE(groups.size() == 7);
    for (size_t i = 0; i < groups.size(); i++)
        CHECK(groups[i].region == all_regions()[i]);
    CHECK(item_ids(groups[0].items) == Ids{"v4"});
    CHECK(groups[1].items.empty());
    CHECK(item_ids(groups[2].items) == Ids{"v2"});
    CHECK(item_ids(groups[3].items) == Ids{"v1"});
    CHECK(item_ids(groups[6].items) == Ids{"v3"});
}

TEST_CASE("items in overlaps are the connections, grouped by region; single-circle items are not")
{
    const std::vector<VennGroup> connections = venn_connections(filled_journey());
    REQUIRE(connections.size() == 3);
    CHECK(connections[0].region == (kVennDistrict | kVennSchool));
    CHECK(item_ids(connections[0].items) == Ids{"v1"});
    CHECK(connections[1].region == (kVennSchool | kVennLibrary));
    CHECK(item_ids(connections[1].items) == Ids{"v5"});
    CHECK(connections[2].region == kVennAllThree);
    CHECK(item_ids(connections[2].items) == Ids{"v3"});
}

TEST_CASE("a note dragged from the library circle into the school and library lens becomes a connection")
{
    Journey journey = filled_journey();
    const VennLayout layout = venn_layout_in_box(0, 0, 400, 400);
    const VennPoint lens = venn_region_anchor(kVennSchool | kVennLibrary, layout);
    journey.research.venn[1].region = venn_region_at(lens.x, lens.y, layout); // v2, was library only
    const std::vector<VennGroup> connections = venn_connections(journey);
    CHECK(item_ids(connections[1].items) == Ids{"v2", "v5"});
}

TEST_CASE("items not placed yet are listed after the seven regions and are never connections")
{
    Journey journey = new_journey();
    journey.research.venn = {{"loose", "Check the bond dates", kVennNotPlaced}};
    const std::vector<VennGroup> groups = venn_groups(journey);
    REQUIRE(groups.size() == 8);
    CHECK(groups.back().region == kVennNotPlaced);
    CHECK(item_ids(groups.back().items) == Ids{"loose"});
    CHECK(venn_connections(journey).empty());
    CHECK(venn_groups(new_journey()).size() == 7);
}

//-------------------------------------------------------------------------------------------------
// Step 2: seeding from the self-assessment
//-------------------------------------------------------------------------------------------------


TEST_CASE("step 2 starts with the latest self-assessment's strengths and stretches")
{
    Journey journey = new_journey();
    const Assessment assessment = rated_assessment();
    REQUIRE(seed_from_assessment(journey, assessment, assessment_results(assessment)));

    const FutureReadiness& seeded = journey.future_ready;
    CHECK(seeded.from_assessment == "fall");
    REQUIRE(seeded.strengths.size() == 2);
    CHECK(seeded.strengths[0].area_id == "reading-culture");
    CHECK(seeded.strengths[0].area_name == "Builds a reading culture");
    CHECK(seeded.strengths[0].example == "Book tasting in every class.");
    CHECK(seeded.strengths[0].alignment.empty());
    CHECK(seeded.strengths[1].area_id == "spaces");
    REQUIRE(seeded.stretches.size() == 2);
    CHECK(seeded.stretches[0].area_id == "partnerships");
    CHECK(seeded.stretches[0].reason == "I marked “I want to grow here” in my self-assessment.");
    CHECK(seeded.stretches[1].area_id == "creators");
    CHECK(seeded.stretches[1].reason == "It is one of the areas I rated lowest in my self-assessment.");
}

TEST_CASE("seeding never replaces strengths or stretches the librarian already has")
{
    Journey journey = new_journey();
    journey.future_ready.strengths = {{"", "Storytelling", "Weekly story time", "", ""}};
    const Assessment assessment = rated_assessment();
    CHECK(seed_from_assessment(journey, assessment, assessment_results(assessment)));
    REQUIRE(journey.future_ready.strengths.size() == 1);
    CHECK(journey.future_ready.strengths[0].area_name == "Storytelling");
    CHECK(journey.future_ready.stretches.size() == 2);

    CHECK_FALSE(seed_from_assessment(journey, assessment, assessment_results(assessment)));
}

TEST_CASE("an assessment with nothing rated seeds nothing and is not recorded as the source")
{
    Journey journey = new_journey();
    const Assessment empty = sample_assessment();
    CHECK_FALSE(seed_from_assessment(journey, empty, assessment_results(empty)));
    CHECK(journey.future_ready.strengths.empty());
    CHECK(journey.future_ready.from_assessment.empty());
}

TEST_CASE("the collaboration map offers step 2's strengths until each is on the map")
{
    Journey journey = new_journey();
    const Assessment assessment = rated_assessment();
    seed_from_assessment(journey, assessment, assessment_results(assessment));
    std::vector<AreaRef> offered = strengths_to_offer(journey.collaboration, journey_strength_areas(journey));
    REQUIRE(offered.size() == 2);
    add_strength_from_area(journey.collaboration, "n1", offered[0]);
    offered = strengths_to_offer(journey.collaboration, journey_strength_areas(journey));
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].area_id == "spaces");
}

TEST_CASE("strengths the librarian typed in step 2 are offered on the map too, each name once")
{
    Journey journey = new_journey();
    journey.future_ready.strengths = {{"creators", "Helps students create", "", "", ""},
                                      {"", "Book clubs for reluctant readers", "", "", ""},
                                      {"", "book clubs for reluctant readers ", "", "", ""},
                                      {"", "   ", "", "", ""}};
    const std::vector<AreaRef> areas = journey_strength_areas(journey);
    REQUIRE(areas.size() == 2);
    CHECK(areas[0].area_id == "creators");
    CHECK(areas[1].area_id.empty());
    CHECK(areas[1].area_name == "Book clubs for reluctant readers");
    add_strength_from_area(journey.collaboration, "n1", areas[1]);
    const std::vector<AreaRef> offered = strengths_to_offer(journey.collaboration, journey_strength_areas(journey));
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].area_id == "creators");
}

//-------------------------------------------------------------------------------------------------
// Step 4: questions and the email
//-------------------------------------------------------------------------------------------------

TEST_CASE("up to three questions can be chosen from the pack's bank, and any can be let go")
{
    Journey journey = new_journey();
    CHECK(choose_interview_question(journey, "q-needs", true));
    CHECK(choose_interview_question(journey, "q-needs", true)); // already chosen: no duplicate
    CHECK(choose_interview_question(journey, "q-teachers", true));
    CHECK(choose_interview_question(journey, "q-future", true));
    CHECK_FALSE(choose_interview_question(journey, "q-support", true));
    CHECK(journey.interview.questions == Ids{"q-needs", "q-teachers", "q-future"});

    CHECK(choose_interview_question(journey, "q-teachers", false));
    CHECK(choose_interview_question(journey, "q-support", true));
    CHECK(journey.interview.questions == Ids{"q-needs", "q-future", "q-support"});
    CHECK_FALSE(choose_interview_question(journey, "not-in-bank", true));
    CHECK_FALSE(choose_interview_question(journey, "not-in-bank", false));
}

TEST_CASE("the email to the building leader carries the leader, school, name and chosen questions")
{
    const InterviewEmail email = interview_email(filled_journey(), "Ana Pérez");
    CHECK(email.missing.empty());
    CHECK(email.subject == "Could we meet about the library at Escuela Peña?");
    CHECK(email.body == "Dear Ms. Rivera,\n\nI am the librarian at Escuela Peña. Before we meet, here are my "
                        "questions:\n- What do students need most right now?\n- What will students need next "
                        "year?\n\nThank you,\nAna Pérez");
}

TEST_CASE("the email names what is still missing, each with what to do about it")
{
    Journey journey = new_journey();
    const InterviewEmail email = interview_email(journey, "");
    CHECK(email.missing == Ids{"leader", "school", "questions", "name"});
    CHECK(contains(email.body, "Dear {{leader}},"));
    CHECK(contains(email.subject, "{{school}}"));
    CHECK(email_field_prompt("leader") == "Fill in your building leader’s name.");
    CHECK(email_field_prompt("school") == "Fill in your school’s name.");
    CHECK(email_field_prompt("name") == "Fill in your name in your profile.");
    CHECK(email_field_prompt("questions") == "Choose two or three questions to send ahead of the meeting.");
    CHECK(email_field_prompt("room") == "Replace “{{room}}” by hand after copying the email.");
}

TEST_CASE("the email has a subject line, and as one text the subject comes first")
{
    const InterviewEmail email = interview_email(filled_journey(), "Ana Pérez");
    CHECK(email.text() == "Subject: Could we meet about the library at Escuela Peña?\n\n" + email.body);
    CHECK_FALSE(email.edited);
}

TEST_CASE("a reworded email is the librarian's: names and questions no longer change it")
{
    Journey journey = filled_journey();
    edit_email_subject(journey, "Ana Pérez", "Coffee next week?");
    edit_email_body(journey, "Ana Pérez", "Hi Ms. Rivera, could we talk?");
    choose_interview_question(journey, "q-teachers", true);
    journey.leader = "Dr. Ortiz";
    const InterviewEmail email = interview_email(journey, "Ana Pérez");
    CHECK(email.edited);
    CHECK(email.subject == "Coffee next week?");
    CHECK(email.body == "Hi Ms. Rivera, could we talk?");
    CHECK(email.missing.empty());
}

TEST_CASE("an email reworded back to Wayfinder's wording follows the names and questions again")
{
    Journey journey = filled_journey();
    edit_email_body(journey, "Ana Pérez", "Something else");
    REQUIRE(journey.interview.email_body.has_value());
    edit_email_body(journey, "Ana Pérez", interview_email(filled_journey(), "Ana Pérez").body);
    CHECK_FALSE(journey.interview.email_body.has_value());
    CHECK_FALSE(interview_email(journey, "Ana Pérez").edited);
    journey.leader = "Dr. Ortiz";
    CHECK(contains(interview_email(journey, "Ana Pérez").body, "Dear Dr. Ortiz,"));
}

TEST_CASE("an email cleared on purpose stays cleared, and only the reworded part stops following")
{
    Journey journey = filled_journey();
    edit_email_subject(journey, "Ana Pérez", "");
    const InterviewEmail email = interview_email(journey, "Ana Pérez");
    CHECK(email.subject.empty());
    CHECK(email.edited);
    CHECK(contains(email.body, "Dear Ms. Rivera,"));
}

TEST_CASE("the librarian's email is kept in the journey document, and left out until there is one")
{
    json doc = filled_doc();
    CHECK_FALSE(doc["interview"].contains("email_subject"));
    CHECK_FALSE(doc["interview"].contains("email_body"));

    Journey journey = journey_from_doc(doc);
    edit_email_subject(journey, "Ana Pérez", "Coffee next week?");
    edit_email_body(journey, "Ana Pérez", "");
    journey_write(doc, journey);
    CHECK(doc["interview"]["email_subject"] == "Coffee next week?");
    CHECK(doc["interview"]["email_body"] == "");
    const Journey read = journey_from_doc(doc);
    CHECK(read.interview.email_subject == std::optional<std::string>("Coffee next week?"));
    CHECK(read.interview.email_body == std::optional<std::string>(""));

    Journey reset = read;
    reset.interview.email_subject.reset();
    reset.interview.email_body.reset();
    journey_write(doc, reset);
    CHECK_FALSE(doc["interview"].contains("email_subject"));
    CHECK_FALSE(doc["interview"].contains("email_body"));
}

TEST_CASE("a reworded email in one tab and meeting notes in another both survive the merge")
{
    const json base = filled_doc();
    Journey mine = journey_from_doc(base), theirs = journey_from_doc(base);
    edit_email_body(mine, "Ana Pérez", "Hi Ms. Rivera, could we talk?");
    theirs.interview.notes = "She wants a reading challenge.";
    json ours_doc = base, theirs_doc = base;
    journey_write(ours_doc, mine);
    journey_write(theirs_doc, theirs);
    std::vector<FieldConflict> conflicts;
    const std::optional<json> merged = merge_documents({base, ours_doc, theirs_doc}, conflicts);
    REQUIRE(merged);
    CHECK(conflicts.empty());
    const Journey both = journey_from_doc(*merged);
    CHECK(both.interview.email_body == std::optional<std::string>("Hi Ms. Rivera, could we talk?"));
    CHECK(both.interview.notes == "She wants a reading challenge.");

    // Back to Wayfinder's wording in one tab while the other tab only wrote notes: the email follows again.
    Journey reset = both;
    reset.interview.email_body.reset();
    json reset_doc = *merged;
    journey_write(reset_doc, reset);
    json notes_doc = *merged;
    notes_doc["interview"]["notes"] = "She wants a reading challenge in May.";
    const std::optional<json> again = merge_documents({*merged, reset_doc, notes_doc}, conflicts);
    REQUIRE(again);
    CHECK(conflicts.empty());
    CHECK_FALSE(journey_from_doc(*again).interview.email_body.has_value());
}

TEST_CASE("a journey stored before the email could be edited has Wayfinder's email, and a mistyped edit reads as none")
{
    json doc = filled_doc();
    const Restored restored = restore_document(doc, journey_schema());
    REQUIRE(restored.ok);
    CHECK_FALSE(restored.doc["interview"].contains("email_body")); // restoring adds no edit the librarian did not make
    doc["interview"]["email_body"] = 42;
    const Journey journey = journey_from_doc(doc);
    CHECK_FALSE(journey.interview.email_body.has_value());
    CHECK(contains(interview_email(journey, "Ana Pérez").body, "Dear Ms. Rivera,"));
}

//-------------------------------------------------------------------------------------------------
// Step 6: the agreement
//-------------------------------------------------------------------------------------------------

TEST_CASE("step 5's priorities with a strength beside them are offered as step 6 candidates")
{
    Journey journey = new_journey();
    add_note(journey.collaboration, "p1", "Reading across subjects", NoteKind::Priority);
    add_note(journey.collaboration, "p2", "Attendance", NoteKind::Priority);          // nothing beside it
    add_note(journey.collaboration, "s1", "Book clubs", NoteKind::Strength);
    add_note(journey.collaboration, "s2", "Helps students create", NoteKind::Strength);
    add_note(journey.collaboration, "s3", "Podcasts", NoteKind::Strength);            // on the margins
    place_beside(journey.collaboration, "s1", "p1");
    place_beside(journey.collaboration, "s2", "p1");
    const std::vector<AgreementCandidate> offered = candidates_to_offer(journey);
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].id.empty());
    CHECK(offered[0].title == "Reading across subjects");
    CHECK(offered[0].description == "Building on the library’s strengths: Book clubs; Helps students create.");
    CHECK(offered[0].from_priority == "p1");
}

TEST_CASE("an offered candidate, once added, is not offered again, even retitled; nor is a title already there")
{
    Journey journey = new_journey();
    add_note(journey.collaboration, "p1", "Reading across subjects", NoteKind::Priority);
    add_note(journey.collaboration, "s1", "Book clubs", NoteKind::Strength);
    place_beside(journey.collaboration, "s1", "p1");
    AgreementCandidate added = candidates_to_offer(journey).at(0);
    added.id = "a1";
    REQUIRE(add_candidate(journey.agreement, added));
    CHECK(candidates_to_offer(journey).empty());
    journey.agreement.candidates[0].title = "Reading buddies";
    CHECK(candidates_to_offer(journey).empty());

    Journey typed = new_journey();
    typed.collaboration = journey.collaboration;
    typed.agreement.candidates = {{"a1", " reading across SUBJECTS", "", ""}};
    CHECK(candidates_to_offer(typed).empty());
}

TEST_CASE("no more than three candidates can be added")
{
    Agreement agreement;
    for (const char* id : {"a1", "a2", "a3"})
        CHECK(add_candidate(agreement, {id, id, "", ""}));
    CHECK_FALSE(add_candidate(agreement, {"a4", "One too many", "", ""}));
    CHECK(agreement.candidates.size() == kMaxAgreementCandidates);
}

TEST_CASE("where a candidate was offered from is kept in the document; older candidates read as typed")
{
    Journey journey = filled_journey();
    journey.agreement.candidates[1].from_priority = "p1";
    json doc = filled_doc();
    journey_write(doc, journey);
    CHECK(doc["agreement"]["candidates"][1]["from_priority"] == "p1");
    CHECK(journey_from_doc(doc).agreement.candidates[1].from_priority == "p1");
    doc["agreement"]["candidates"][1].erase("from_priority");
    CHECK(journey_from_doc(doc).agreement.candidates[1].from_priority.empty());
}

TEST_CASE("the idea in the center is one candidate and the others wait in the parking lot")
{
    Agreement agreement = filled_journey().agreement;
    REQUIRE(agreement_center(agreement) != nullptr);
    CHECK(agreement_center(agreement)->title == "Reading buddies");
    std::vector<AgreementCandidate> parked = parking_lot(agreement);
    REQUIRE(parked.size() == 1);
    CHECK(parked[0].id == "a2");

    agreement.center.clear();
    CHECK(agreement_center(agreement) == nullptr);
    CHECK(parking_lot(agreement).size() == 2);
}

//-------------------------------------------------------------------------------------------------
// Single-item files
//-------------------------------------------------------------------------------------------------

TEST_CASE("an exported journey leaves the private continuum out unless it is included")
{
    const json doc = filled_doc();
    const json shared = json::parse(item_share_text(doc, kInfo));
    CHECK(shared["item"]["continuum"] == json{{"private", true}, {"phrases", json::array()}});
    CHECK_FALSE(contains(item_share_text(doc, kInfo), "Feedback from others"));
    CHECK(shared["item"]["steps"] == doc["steps"]);

    const json included = json::parse(item_share_text(doc, kInfo, true));
    CHECK(included["item"] == doc);
}

TEST_CASE("shared copies of a workspace leave out every private continuum and nothing else")
{
    const json journey = filled_doc();
    json open_journey = filled_doc();
    open_journey["continuum"]["private"] = false;
    const json profile = {{"type", "wayfinder.profile"}, {"version", 1}, {"name", "Ana"}, {"continuum", "not a journey"}};
    const DocumentMap docs = {{"journey:a", journey}, {"journey:b", open_journey}, {"profile", profile}};

    const DocumentMap shared = shared_documents(docs);
    REQUIRE(shared.size() == 3);
    CHECK(shared.at("journey:a")["continuum"] == json{{"private", true}, {"phrases", json::array()}});
    json rest = shared.at("journey:a");
    rest.erase("continuum");
    json expected = journey;
    expected.erase("continuum");
    CHECK(rest == expected);
    CHECK(shared.at("journey:b") == open_journey);
    CHECK(shared.at("profile") == profile);
    CHECK(docs.at("journey:a") == journey);   // the originals are untouched
}

TEST_CASE("a continuum the librarian made shareable is exported like everything else")
{
    json doc = filled_doc();
    doc["continuum"]["private"] = false;
    CHECK(json::parse(item_share_text(doc, kInfo))["item"] == doc);
}

TEST_CASE("an exported journey imports back with a fresh id, everything else unchanged")
{
    const json doc = filled_doc();
    const std::string text = item_share_text(doc, kInfo, true);
    CHECK(text.rfind("{\n  \"type\": \"wayfinder.item\",\n  \"version\": 1,", 0) == 0);
    CHECK(contains(text, "Escuela Peña")); // readable, not \u escapes

    const ItemImport plan = plan_item_import(text, true, "copy-2");
    REQUIRE_MESSAGE(plan.ok, plan.error);
    CHECK(plan.key == "journey:copy-2");
    CHECK(plan.doc["id"] == "copy-2");
    json expected = doc;
    expected["id"] = "copy-2";
    CHECK(plan.doc == expected);
    CHECK(plan.summary == Ids{"Conversation journey: 2026–27 with Ms. Rivera", "With Ms. Rivera at Escuela Peña",
                              "5 of 7 steps done", "Exported 2026-11-22"});
}

TEST_CASE("a journey keeps its id when ids are kept, and a bare journey document imports too")
{
    const ItemImport kept = plan_item_import(item_share_text(filled_doc(), kInfo), false, "unused");
    REQUIRE(kept.ok);
    CHECK(kept.key == "journey:j1");

    const ItemImport bare = plan_item_import(filled_doc().dump(), false, "unused");
    REQUIRE(bare.ok);
    CHECK(bare.key == "journey:j1");
    CHECK(bare.summary.back() == "5 of 7 steps done"); // no export date to tell
}

TEST_CASE("a journey whose pack copy cannot be read is not imported")
{
    json doc = filled_doc();
    doc["pack"]["steps"] = json::array();
    const ItemImport plan = plan_item_import(item_share_text(doc, kInfo), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.summary.empty());
    CHECK(contains(plan.error, "Wayfinder cannot read this conversation journey’s copy of the steps it was started "
                               "with, so its steps cannot be shown. Nothing was imported."));
}

TEST_CASE("a journey from a newer Wayfinder is refused and says so")
{
    json doc = filled_doc();
    doc["version"] = 3;
    const ItemImport plan = plan_item_import(item_share_text(doc, kInfo), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.error == "This conversation journey was made by a newer version of Wayfinder (conversation journey "
                        "version 3; this copy reads up to version 2). Reload Wayfinder while online to update it, "
                        "then try again.");
}

TEST_CASE("a journey file is not taken for a whole workspace")
{
    const ImportPlan plan = plan_workspace_import(filled_doc().dump());
    CHECK_FALSE(plan.ok);
    CHECK(contains(plan.error, "This file holds a conversation journey, not a whole workspace."));
}

TEST_CASE("a workspace backup restores its journeys, private continuum included")
{
    const DocumentMap docs = {{"journey:j1", filled_doc()}};
    const ImportPlan plan = plan_workspace_import(workspace_export_text(docs, kInfo));
    REQUIRE(plan.ok);
    CHECK(plan.documents.at("journey:j1") == filled_doc());
}

TEST_CASE("the frozen version 1 journey file still opens, with accents and unknown fields intact")
{
    const ItemImport plan = plan_item_import(read_fixture("journey-v1.json"), false, "unused");
    REQUIRE_MESSAGE(plan.ok, plan.error);
    CHECK(plan.key == "journey:2026-rivera");
    const Journey journey = journey_from_doc(plan.doc);
    CHECK(journey.pack_error.empty());
    CHECK(journey.name == "Año escolar 2026–27");
    CHECK(journey.leader == "Sra. Núñez");
    CHECK(journey.current_step == "interview");
    CHECK(journey.steps.at("mindset").answers.at("mindset-ask-1") == "I go quiet when I’m criticised — “always”.");
    CHECK(journey.research.status.at("plan-district") == ResearchStatus::Found);
    CHECK(item_ids(venn_connections(journey).front().items) == Ids{"v-literacy"});
    CHECK(journey.interview.questions == Ids{"q-needs", "q-support"});
    CHECK(aligned_pairs(journey.collaboration).front().strengths.front().text == "Helps students create");
    CHECK(agreement_center(journey.agreement)->title == "Reading buddies");
    CHECK(journey.continuum.phrases.empty()); // exported without the private continuum
    CHECK_FALSE(journey.interview.email_subject.has_value()); // written before emails could be reworded
    CHECK_FALSE(journey.interview.email_body.has_value());
    CHECK(journey.agreement.candidates.front().from_priority.empty());
    CHECK(plan.doc["sticker"] == "owl");
    CHECK(plan.doc["research"]["venn"][0]["x"] != 140);   // a stray place from a newer build is not trusted
    CHECK(plan.summary == Ids{"Conversation journey: Año escolar 2026–27", "With Sra. Núñez at Escuela Peña",
                              "4 of 7 steps done", "Exported 2026-11-20"});
}
