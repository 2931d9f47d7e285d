#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/goal.hpp"

#include "sample_assessment.hpp"

#include <doctest/doctest.h>

using nlohmann::json;
using namespace wf;
using namespace wf::test;

TEST_CASE("goals are stored under goal: and their id, as a type this build knows")
{
    CHECK(goal_key("g1") == "goal:g1");
    CHECK(schema_for_type("wayfinder.goal") == &goal_schema());
}

TEST_CASE("a goal survives writing and reading with its area, steps and status")
{
    const json doc = new_goal_doc(sample_goal());
    CHECK(doc["type"] == "wayfinder.goal");
    CHECK(doc["version"] == 1);
    CHECK(doc["status"] == "in-progress");
    CHECK(doc["area"] ==
          json{{"pack_id", "sample"}, {"area_id", "partnerships"}, {"area_name", "Teaches with partners"}});
    CHECK(doc["steps"][1] ==
          json{{"text", "Plan the first lesson together."}, {"target_date", "2026-10-15"}, {"done", false}});

    const Goal goal = goal_from_doc(doc);
    const Goal expected = sample_goal();
    CHECK(goal.id == expected.id);
    CHECK(goal.statement == expected.statement);
    CHECK(goal.area.area_id == "partnerships");
    CHECK(goal.area.area_name == "Teaches with partners");
    CHECK(goal.from_assessment == "fall");
    CHECK(goal.status == GoalStatus::InProgress);
    CHECK(goal.created_at == expected.created_at);
    REQUIRE(goal.steps.size() == 3);
    CHECK(goal.steps[0].text == "Ask Sra. Núñez which unit fits.");
    CHECK(goal.steps[0].done);
    CHECK(goal.steps[2].target_date.empty());
}

TEST_CASE("each status is stored by name and an unknown status reads as not started")
{
    json doc = new_goal_doc(sample_goal());
    for (const auto& [stored, status] : {std::pair{"not-started", GoalStatus::NotStarted},
                                         std::pair{"in-progress", GoalStatus::InProgress},
                                         std::pair{"done", GoalStatus::Done}}) {
        doc["status"] = stored;
        CHECK(goal_from_doc(doc).status == status);
    }
    doc["status"] = "abandoned";
    CHECK(goal_from_doc(doc).status == GoalStatus::NotStarted);
    doc["status"] = 2;
    CHECK(goal_from_doc(doc).status == GoalStatus::NotStarted);
    CHECK(std::string(goal_status_label(GoalStatus::InProgress)) == "In progress");
}

TEST_CASE("a target date that is not a calendar date is kept as written, and known not to be one")
{
    json doc = new_goal_doc(sample_goal());
    doc["steps"][0]["target_date"] = "2026-02-30";
    doc["steps"][1]["target_date"] = "next week";
    doc["steps"][2]["target_date"] = 20261001;
    const Goal goal = goal_from_doc(doc);
    CHECK(goal.steps[0].target_date == "2026-02-30");
    CHECK(goal.steps[1].target_date == "next week");
    CHECK(goal.steps[2].target_date.empty());   // not text at all
    CHECK_FALSE(is_iso_calendar_date(goal.steps[0].target_date));
    CHECK_FALSE(is_iso_calendar_date(goal.steps[1].target_date));
}

TEST_CASE("steps that are not objects are skipped; missing fields read as empty")
{
    json doc = new_goal_doc(sample_goal());
    doc["steps"] = json::array({"loose text", {{"text", "Real step"}}, 7});
    const Goal goal = goal_from_doc(doc);
    REQUIRE(goal.steps.size() == 1);
    CHECK(goal.steps[0].text == "Real step");
    CHECK_FALSE(goal.steps[0].done);
    CHECK(goal.steps[0].target_date.empty());
}

TEST_CASE("writing a goal keeps fields a newer Wayfinder added, in the goal, its area and its steps")
{
    json doc = new_goal_doc(sample_goal());
    doc["color"] = "teal";
    doc["area"]["gear_id"] = "teaching";
    doc["steps"][1]["evidence"] = "photo-2";
    Goal goal = goal_from_doc(doc);
    goal.steps[1].done = true;
    goal.status = GoalStatus::Done;
    goal_write(doc, goal);

    CHECK(doc["color"] == "teal");
    CHECK(doc["area"]["gear_id"] == "teaching");
    CHECK(doc["steps"][1]["evidence"] == "photo-2");
    CHECK(doc["steps"][1]["done"] == true);
    CHECK(doc["status"] == "done");
}

TEST_CASE("removing the last step removes it from the document")
{
    json doc = new_goal_doc(sample_goal());
    Goal goal = goal_from_doc(doc);
    goal.steps.pop_back();
    goal_write(doc, goal);
    CHECK(doc["steps"].size() == 2);
}

TEST_CASE("restoring a stored goal fills missing fields and corrects an unknown status")
{
    const json stored = {{"type", "wayfinder.goal"}, {"statement", "Open the library at lunch."}, {"status", "??"},
                         {"future", 1}};
    const Restored restored = restore_document(stored, goal_schema());
    REQUIRE(restored.ok);
    CHECK(restored.doc["statement"] == "Open the library at lunch.");
    CHECK(restored.doc["status"] == "not-started");
    CHECK(restored.doc["steps"] == json::array());
    CHECK(restored.doc["area"]["area_id"] == "");
    CHECK(restored.doc["from_assessment"] == "");
    CHECK(restored.doc["future"] == 1);
}

TEST_CASE("a goal made from a stretch links the area and assessment and starts with one empty step")
{
    AreaResult stretch;
    stretch.area_id = "creators";
    stretch.name = "Helps students create";
    const Goal goal = goal_from_stretch(stretch, sample_pack(), "fall", "g9", "2026-09-21T09:00:00Z");

    CHECK(goal.id == "g9");
    CHECK(goal.statement == "Grow my practice in “Helps students create”.");
    CHECK(goal.area.pack_id == "sample");
    CHECK(goal.area.area_id == "creators");
    CHECK(goal.area.area_name == "Helps students create");
    CHECK(goal.from_assessment == "fall");
    CHECK(goal.created_at == "2026-09-21T09:00:00Z");
    CHECK(goal.status == GoalStatus::NotStarted);
    REQUIRE(goal.steps.size() == 1);
    CHECK(goal.steps[0].text.empty());
    CHECK(goal.steps[0].target_date.empty());
    CHECK_FALSE(goal.steps[0].done);
}

TEST_CASE("only real calendar dates written YYYY-MM-DD count as ISO dates")
{
    CHECK(is_iso_calendar_date("2027-02-28"));
    CHECK(is_iso_calendar_date("2028-02-29")); // leap year
    CHECK(is_iso_calendar_date("2000-02-29")); // divisible by 400
    CHECK_FALSE(is_iso_calendar_date("2100-02-29"));
    CHECK_FALSE(is_iso_calendar_date("2027-02-30"));
    CHECK_FALSE(is_iso_calendar_date("2027-13-01"));
    CHECK_FALSE(is_iso_calendar_date("2027-00-10"));
    CHECK_FALSE(is_iso_calendar_date("2027-04-31"));
    CHECK_FALSE(is_iso_calendar_date("2027-2-28"));
    CHECK_FALSE(is_iso_calendar_date("2027-02-28T10:00:00Z"));
    CHECK_FALSE(is_iso_calendar_date("2027/02/28"));
    CHECK_FALSE(is_iso_calendar_date(""));
}
