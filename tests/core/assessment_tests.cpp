#include "core/assessment.hpp"
#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/goal.hpp"
#include "core/item_file.hpp"
#include "core/workspace_file.hpp"

#include "sample_assessment.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include "test_support.hpp"

using nlohmann::json;
using namespace wf;
using namespace wf::test;

namespace {

const ExportInfo kInfo{"2026-11-22T14:05:09Z", "0.2.0"};

// A stored assessment with some of everything: ratings, not applicable, a grow mark, a note.
json answered_doc()
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 3, kNotApplicable});
    answer_area(assessment, "partnerships", {2, 2, 1, 2});
    assessment.areas["partnerships"] = {true, "Co-plan a unit with 4th grade — “research buddies”."};
    assessment.current_area = 2;
    json doc = new_assessment_doc(assessment.pack, assessment.id, assessment.title, assessment.created_at);
    assessment_write(doc, assessment);
    return doc;
}

} // namespace

TEST_CASE("assessments are stored under assessment: and their id")
{
    CHECK(assessment_key("fall") == "assessment:fall");
    CHECK(schema_for_type("wayfinder.assessment") == &assessment_schema());
}

TEST_CASE("a new assessment carries a copy of its framework and has nothing answered yet")
{
    const json doc = new_assessment_doc(sample_pack(), "fall", "Fall check-in", "2026-09-14T15:00:00Z");
    CHECK(doc["type"] == "wayfinder.assessment");
    CHECK(doc["version"] == 1);
    CHECK(doc["completed_at"].is_null());
    CHECK(doc["current_area"] == 0);
    CHECK(doc["answers"] == json::object());
    CHECK(doc["areas"] == json::object());

    const Assessment assessment = assessment_from_doc(doc);
    CHECK(assessment.pack_error.empty());
    CHECK(assessment.id == "fall");
    CHECK(assessment.title == "Fall check-in");
    CHECK(assessment.created_at == "2026-09-14T15:00:00Z");
    CHECK_FALSE(assessment.completed());
    CHECK(assessment.pack.id == "sample");
    CHECK(assessment.pack.version == "1.0");
    REQUIRE(assessment.pack.areas.size() == 5);
    CHECK(assessment.pack.areas[3].short_name == "Spaces & time");
    CHECK(assessment.answers.empty());
    CHECK(assessment.areas.empty());
}

TEST_CASE("answers, grow marks, notes and where to resume survive writing and reading")
{
    const Assessment assessment = assessment_from_doc(answered_doc());
    CHECK(assessment.current_area == 2);
    CHECK(assessment.answers.size() == 7);
    CHECK(assessment.answers.at("reading-culture-1").kind == Answer::Kind::Rated);
    CHECK(assessment.answers.at("reading-culture-1").rating == 4);
    CHECK(assessment.answers.at("reading-culture-3").kind == Answer::Kind::NotApplicable);
    CHECK(assessment.areas.at("partnerships").grow);
    CHECK(assessment.areas.at("partnerships").note == "Co-plan a unit with 4th grade — “research buddies”.");
    CHECK(answered_doc()["answers"]["reading-culture-3"] == json{{"not_applicable", true}});
    CHECK(answered_doc()["answers"]["partnerships-3"] == json{{"rating", 1}});
}

TEST_CASE("finishing an assessment stores the date it was finished")
{
    json doc = answered_doc();
    Assessment assessment = assessment_from_doc(doc);
    assessment.completed_at = "2026-09-20T18:30:00Z";
    assessment_write(doc, assessment);
    CHECK(doc["completed_at"] == "2026-09-20T18:30:00Z");
    CHECK(assessment_from_doc(doc).completed());
}

TEST_CASE("changing an answer to not applicable, or clearing it, rewrites only that answer")
{
    json doc = answered_doc();
    Assessment assessment = assessment_from_doc(doc);
    assessment.answers["reading-culture-1"] = {Answer::Kind::NotApplicable, 0};
    assessment.answers["reading-culture-2"] = {Answer::Kind::Unanswered, 0};
    assessment_write(doc, assessment);
    CHECK(doc["answers"]["reading-culture-1"] == json{{"not_applicable", true}});
    CHECK_FALSE(doc["answers"].contains("reading-culture-2"));
    CHECK(doc["answers"]["partnerships-1"] == json{{"rating", 2}});
}

TEST_CASE("a rating that is not a level of the pack's scale reads as unanswered")
{
    json doc = answered_doc();
    doc["answers"]["creators-1"] = {{"rating", 7}};
    doc["answers"]["creators-2"] = {{"rating", 0}};
    doc["answers"]["creators-3"] = {{"rating", 2.5}};
    doc["answers"]["spaces-1"] = {{"rating", "3"}};
    doc["answers"]["spaces-2"] = {{"rating", 3.0}};
    doc["answers"]["spaces-3"] = "3";
    const Assessment assessment = assessment_from_doc(doc);
    for (const char* unreadable : {"creators-1", "creators-2", "creators-3", "spaces-1", "spaces-3"})
        CHECK_MESSAGE(assessment.answers.count(unreadable) == 0, unreadable);
    CHECK(assessment.answers.at("spaces-2").rating == 3);
    CHECK(effective_answer(assessment, "creators-1").kind == Answer::Kind::Unanswered);
    CHECK(assessment_progress(assessment).area_answered[2] == 0);
}

TEST_CASE("an answer made in code with a rating off the scale counts as unanswered")
{
    Assessment assessment = sample_assessment();
    assessment.answers["spaces-1"] = {Answer::Kind::Rated, 5};
    assessment.answers["spaces-2"] = {Answer::Kind::Rated, 4};
    CHECK(effective_answer(assessment, "spaces-1").kind == Answer::Kind::Unanswered);
    CHECK(effective_answer(assessment, "spaces-2").rating == 4);
    CHECK(effective_answer(assessment, "never-answered").kind == Answer::Kind::Unanswered);
}

TEST_CASE("where to resume stays within the framework's areas")
{
    json doc = answered_doc();
    doc["current_area"] = 99;
    CHECK(assessment_from_doc(doc).current_area == 4);
    doc["current_area"] = -3;
    CHECK(assessment_from_doc(doc).current_area == 0);
    doc["current_area"] = "third";
    CHECK(assessment_from_doc(doc).current_area == 0);
}

TEST_CASE("writing keeps fields a newer Wayfinder added, at the top and inside answers and areas")
{
    json doc = answered_doc();
    doc["shared_with"] = "principal";
    doc["answers"]["partnerships-1"]["confidence"] = "high";
    doc["areas"]["partnerships"]["example_link"] = "evidence-3";
    Assessment assessment = assessment_from_doc(doc);
    assessment.answers["partnerships-1"] = {Answer::Kind::Rated, 3};
    assessment.areas["partnerships"].note = "Changed.";
    assessment_write(doc, assessment);

    CHECK(doc["shared_with"] == "principal");
    CHECK(doc["answers"]["partnerships-1"] == json{{"rating", 3}, {"confidence", "high"}});
    CHECK(doc["areas"]["partnerships"]["example_link"] == "evidence-3");
    CHECK(doc["areas"]["partnerships"]["note"] == "Changed.");
}

TEST_CASE("writing never rewrites the framework copy the assessment was taken with")
{
    json doc = answered_doc();
    const json framework = doc["framework"];
    Assessment assessment = assessment_from_doc(doc);
    assessment.pack.title = "Something else";
    assessment_write(doc, assessment);
    CHECK(doc["framework"] == framework);
}

TEST_CASE("writing over something that is not a document makes a whole assessment")
{
    json doc = json::array();
    Assessment assessment = sample_assessment();
    answer_area(assessment, "spaces", {3});
    assessment_write(doc, assessment);
    CHECK(doc["type"] == "wayfinder.assessment");
    const Assessment reread = assessment_from_doc(doc);
    CHECK(reread.pack_error.empty());
    CHECK(reread.answers.at("spaces-1").rating == 3);
}

TEST_CASE("an assessment whose framework copy is damaged says so, and keeps every answer")
{
    json doc = answered_doc();
    doc["framework"] = {{"type", "wayfinder.framework"}, {"id", 3}};
    const Assessment damaged = assessment_from_doc(doc);
    CHECK_FALSE(damaged.pack_error.empty());
    CHECK(damaged.answers.at("partnerships-3").rating == 1); // the scale is unknown, so ratings are kept as written

    const Restored restored = restore_document(doc, assessment_schema());
    REQUIRE(restored.ok);
    CHECK(restored.doc["answers"] == doc["answers"]);
    CHECK(restored.doc["framework"] == doc["framework"]);

    doc.erase("framework");
    CHECK(assessment_from_doc(doc).pack_error ==
          "This self-assessment has lost its copy of the framework it was taken with.");
}

TEST_CASE("restoring fills missing fields and leaves answers as they were stored")
{
    json stored = answered_doc();
    stored.erase("title");
    stored.erase("areas");
    stored["completed_at"] = 42;
    stored["answers"]["creators-1"] = {{"rating", 9}}; // off the scale: unanswered, but not erased by a load
    const Restored restored = restore_document(stored, assessment_schema());
    REQUIRE(restored.ok);
    CHECK(restored.doc["title"] == "");
    CHECK(restored.doc["areas"] == json::object());
    CHECK(restored.doc["completed_at"].is_null());
    CHECK(restored.doc["answers"] == stored["answers"]);
}

TEST_CASE("progress counts rated and not-applicable statements; an area is complete when all are answered")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, kNotApplicable, 2});
    answer_area(assessment, "partnerships", {3, kUnanswered, 3, 3});
    answer_area(assessment, "spaces", {kNotApplicable, kNotApplicable, kNotApplicable});
    const AssessmentProgress progress = assessment_progress(assessment);
    CHECK(progress.statements_total == 16);
    CHECK(progress.statements_answered == 9);
    CHECK(progress.areas_total == 5);
    CHECK(progress.areas_complete == 2);
    CHECK(progress.area_answered == std::vector<int>{3, 3, 0, 3, 0});
}

//-------------------------------------------------------------------------------------------------
// Single-item files
//-------------------------------------------------------------------------------------------------

TEST_CASE("an exported assessment says what it is first and imports back as the same document")
{
    const json doc = answered_doc();
    const std::string text = item_share_text(doc, kInfo);
    CHECK(text.rfind("{\n  \"type\": \"wayfinder.item\",\n  \"version\": 1,", 0) == 0);
    CHECK(contains(text, "“research buddies”")); // readable, not \u escapes

    const ItemImport plan = plan_item_import(text, false, "unused");
    REQUIRE(plan.ok);
    CHECK(plan.error.empty());
    CHECK(plan.key == "assessment:fall");
    CHECK(plan.doc == doc);
    CHECK(plan.summary == std::vector<std::string>{"Self-assessment: Fall check-in",
                                                   "Framework: Sample framework, version 1.0",
                                                   "Not finished: 7 of 16 statements answered", "Exported 2026-11-22"});
}

TEST_CASE("an assessment imported with a fresh id gets a new key and id, everything else unchanged")
{
    json doc = answered_doc();
    doc["completed_at"] = "2026-09-20T18:30:00Z";
    const ItemImport plan = plan_item_import(item_share_text(doc, kInfo), true, "copy-7");
    REQUIRE(plan.ok);
    CHECK(plan.key == "assessment:copy-7");
    CHECK(plan.doc["id"] == "copy-7");
    CHECK(plan.doc["answers"] == doc["answers"]);
    CHECK(plan.summary[2] == "Finished 2026-09-20");
}

TEST_CASE("an assessment without an id gets the new id even when ids are kept")
{
    json doc = answered_doc();
    doc.erase("id");
    const ItemImport plan = plan_item_import(item_share_text(doc, kInfo), false, "given-1");
    REQUIRE(plan.ok);
    CHECK(plan.key == "assessment:given-1");
}

TEST_CASE("a bare assessment document, as a PNG snapshot may carry, imports like an item file")
{
    const ItemImport plan = plan_item_import(answered_doc().dump(), false, "unused");
    REQUIRE(plan.ok);
    CHECK(plan.key == "assessment:fall");
    CHECK(plan.summary.back() == "Not finished: 7 of 16 statements answered"); // no export date to tell
}

TEST_CASE("the frozen version 1 assessment file still opens, with accents and unknown fields intact")
{
    const ItemImport plan = plan_item_import(read_fixture("assessment-v1.json"), false, "unused");
    REQUIRE_MESSAGE(plan.ok, plan.error);
    CHECK(plan.key == "assessment:2026-fall");
    const Assessment assessment = assessment_from_doc(plan.doc);
    CHECK(assessment.pack_error.empty());
    CHECK(assessment.title == "Otoño: first check-in");
    CHECK(assessment.completed_at == "2026-09-20T18:30:00Z");
    CHECK(assessment.pack.title == "Sample framework");
    CHECK(assessment.answers.at("reading-culture-1").rating == 4);
    CHECK(assessment.answers.at("reading-culture-3").kind == Answer::Kind::NotApplicable);
    CHECK(assessment.areas.at("partnerships").grow);
    CHECK(assessment.areas.at("partnerships").note == "Co-teach with Sra. Núñez — “research buddies”.");
    CHECK(plan.doc["device_hint"] == "chromebook-cart-3");
    CHECK(plan.summary == std::vector<std::string>{"Self-assessment: Otoño: first check-in",
                                                   "Framework: Sample framework, version 1.0", "Finished 2026-09-20",
                                                   "Exported 2026-11-20"});
}

TEST_CASE("an item file from a newer Wayfinder is refused and says so")
{
    const ItemImport plan = plan_item_import(read_fixture("assessment-item-newer.json"), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.key.empty());
    CHECK(plan.error == "This single-item file was made by a newer version of Wayfinder (single-item file version "
                        "2; this copy reads up to version 1). Reload Wayfinder while online to update it, then try "
                        "again.");
}

TEST_CASE("an assessment from a newer Wayfinder is refused and says so")
{
    json doc = answered_doc();
    doc["version"] = 3;
    const ItemImport plan = plan_item_import(item_share_text(doc, kInfo), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.error == "This self-assessment was made by a newer version of Wayfinder (self-assessment version "
                        "3; this copy reads up to version 1). Reload Wayfinder while online to update it, then try "
                        "again.");
}

TEST_CASE("an assessment whose framework copy cannot be read is not imported")
{
    json doc = answered_doc();
    doc["framework"]["areas"] = json::array();
    const ItemImport plan = plan_item_import(item_share_text(doc, kInfo), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.summary.empty());
    CHECK(contains(plan.error, "Wayfinder cannot read this self-assessment's copy of the framework it was taken "
                               "with, so its results cannot be shown. Nothing was imported. ("));
}

TEST_CASE("a workspace backup is refused as an item, with a pointer to importing it as a workspace")
{
    const ItemImport plan = plan_item_import(R"({"type": "wayfinder.workspace", "version": 1, "documents": {}})",
                                             false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.error == "This file is a whole workspace backup, not a single item. Import it as a workspace backup "
                        "instead (that replaces everything in this workspace).");
}

TEST_CASE("an item of a kind this Wayfinder cannot add is refused")
{
    const ItemImport unknown = plan_item_import(
        R"({"type": "wayfinder.item", "version": 1, "item": {"type": "wayfinder.map", "version": 1}})", false, "x");
    CHECK_FALSE(unknown.ok);
    CHECK(unknown.error == "This file holds a kind of item this copy of Wayfinder cannot add (\"wayfinder.map\"). "
                           "Reload Wayfinder while online to update it, then try again.");

    const ItemImport untyped =
        plan_item_import(R"({"type": "wayfinder.item", "version": 1, "item": {"answers": {}}})", false, "x");
    CHECK(untyped.error == "This file is damaged: the item it carries does not say what it is. Nothing was "
                           "imported; choose another copy.");
}

TEST_CASE("an item file without its item is refused")
{
    for (const char* text : {R"({"type": "wayfinder.item", "version": 1})",
                             R"({"type": "wayfinder.item", "version": 1, "item": [1, 2]})"}) {
        const ItemImport plan = plan_item_import(text, false, "x");
        CHECK_FALSE(plan.ok);
        CHECK(plan.error == "This file is damaged: the item it should carry is missing. Nothing was imported; choose "
                            "another copy.");
    }
}

TEST_CASE("files that are not Wayfinder items are refused with the reason")
{
    CHECK(contains(plan_item_import(read_fixture("malformed.json"), false, "x").error, "This file is incomplete"));
    CHECK(contains(plan_item_import(R"({"hello": "world"})", false, "x").error,
                   "This is not a Wayfinder single-item file"));
    CHECK(contains(plan_item_import(R"({"type": "wayfinder.profile", "version": 1})", false, "x").error,
                   "This is not a Wayfinder single-item file"));
}

TEST_CASE("a workspace backup holding an assessment restores it through the assessment schema")
{
    json stored = answered_doc();
    stored.erase("areas");
    const std::string text = workspace_export_text({{assessment_key("fall"), stored}}, kInfo);
    const ImportPlan plan = plan_workspace_import(text);
    REQUIRE(plan.ok);
    const json& doc = plan.documents.at("assessment:fall");
    CHECK(doc["areas"] == json::object());
    CHECK(doc["answers"] == stored["answers"]);
    CHECK(plan.warnings.empty());
}

TEST_CASE("the frozen version 1 workspace with an assessment and a goal made from it imports both")
{
    const ImportPlan plan = plan_workspace_import(read_fixture("assessment-workspace-v1.json"));
    REQUIRE_MESSAGE(plan.ok, plan.error);
    CHECK(plan.warnings.empty()); // both types are known, none kept verbatim
    const Assessment assessment = assessment_from_doc(plan.documents.at("assessment:2026-fall"));
    CHECK(assessment.pack_error.empty());
    CHECK(assessment.areas.at("partnerships").grow);
    const Goal goal = goal_from_doc(plan.documents.at("goal:g-maker"));
    CHECK(goal.from_assessment == assessment.id);
    CHECK(goal.status == GoalStatus::InProgress);
    CHECK(goal.steps.at(1).target_date == "2027-01-10");
}

//-------------------------------------------------------------------------------------------------
// Items that every later backup must hold
//-------------------------------------------------------------------------------------------------

TEST_CASE("an item nested as deeply as a file allows is refused: no backup holding it could be opened")
{
    // A PNG carries the bare document, so its 64 levels all fit the file; a backup puts it two deeper.
    json doc = answered_doc();
    json deep = 1;
    for (int i = 0; i < 63; i++)
        deep = json::array({std::move(deep)});
    doc["extra"] = deep;
    const ItemImport plan = plan_item_import(doc.dump(), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.summary.empty());
    CHECK(plan.error == "Nothing was imported: Wayfinder could not keep this self-assessment safely, since a backup "
                        "holding it could not be opened again (the self-assessment stored as \u201Cassessment:fall\u201D "
                        "is nested more than 62 levels deep). Choose another copy.");

    doc["extra"] = deep[0]; // 63 levels with the document's own object: 64 as an item file, 65 in a backup
    CHECK_FALSE(plan_item_import(item_export_text(doc, kInfo), false, "unused").ok);
    doc["extra"] = deep[0][0];
    const ItemImport fits = plan_item_import(item_export_text(doc, kInfo), false, "unused");
    REQUIRE(fits.ok);
    CHECK(workspace_export({{fits.key, fits.doc}}, kInfo).ok);
}

TEST_CASE("an item that would outgrow the size limit once indented in a backup is refused")
{
    json doc = answered_doc();
    doc["extra"] = json::array();
    for (int i = 0; i < 100000; i++)
        doc["extra"].push_back(i);
    ParseLimits limits;
    limits.max_bytes = 1u << 20;
    const std::string compact = doc.dump();
    REQUIRE(compact.size() < limits.max_bytes);
    const ItemImport plan = plan_item_import(compact, false, "unused", limits);
    CHECK_FALSE(plan.ok);
    CHECK(contains(plan.error, "since a backup holding it could not be opened again (it would make a backup of "));
}

TEST_CASE("an item whose id cannot be a storage key is refused when ids are kept")
{
    json doc = answered_doc();
    doc["id"] = std::string("fall\0evil", 9);
    const ItemImport plan = plan_item_import(item_export_text(doc, kInfo), false, "unused");
    CHECK_FALSE(plan.ok);
    CHECK(plan.error == "Nothing was imported: Wayfinder could not keep this self-assessment safely, since a backup "
                        "holding it could not be opened again (the self-assessment stored as \u201Cassessment:fall?evil"
                        "\u201D has a name no backup can hold (its name contains control characters)). Choose another "
                        "copy.");
    CHECK(plan_item_import(item_export_text(doc, kInfo), true, "copy-1").ok); // a fresh id replaces it
}
