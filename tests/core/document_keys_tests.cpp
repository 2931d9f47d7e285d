#include "core/assessment.hpp"
#include "core/document_keys.hpp"
#include "core/document_types.hpp"
#include "core/goal.hpp"
#include "core/workspace_file.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using nlohmann::json;
using namespace wf;
using namespace wf::test;

namespace {

json doc_of_type(const char* type) { return {{"type", type}, {"version", 1}}; }

// A workspace file holding `doc` under `key`, as text.
std::string workspace_with(const std::string& key, const json& doc)
{
    return json{{"type", "wayfinder.workspace"}, {"version", 1}, {"documents", {{key, doc}}}}.dump();
}

} // namespace

TEST_CASE("each type's documents are stored under its own key")
{
    CHECK(document_key_problem("profile", doc_of_type(kProfileType)).empty());
    CHECK(document_key_problem("assessment:2026-11-20-0a1b", doc_of_type(kAssessmentType)).empty());
    CHECK(document_key_problem("goal:g1", doc_of_type(kGoalType)).empty());
    CHECK(document_key_problem("journey:j1", doc_of_type("wayfinder.journey")).empty());
    CHECK(document_key_problem("framework:frl-remix", doc_of_type("wayfinder.loaded-framework")).empty());
    CHECK(document_key_problem("map:1", doc_of_type("wayfinder.venn-map")).empty()); // a type from a newer build
    CHECK(document_key_problem("odd", "not even an object").empty());
}

TEST_CASE("a key of another type is refused, in either direction")
{
    CHECK(document_key_problem("goal:g1", doc_of_type(kAssessmentType)) ==
          "a self-assessment must be stored under \u201Cassessment:\u201D followed by its id");
    CHECK(document_key_problem("assessment:", doc_of_type(kAssessmentType)) ==
          "a self-assessment must be stored under \u201Cassessment:\u201D followed by its id");
    CHECK(document_key_problem("me", doc_of_type(kProfileType)) == "a profile must be stored as \u201Cprofile\u201D");
    CHECK(document_key_problem("profile", doc_of_type("wayfinder.venn-map")) ==
          "the name belongs to a profile, but the item is something else");
    CHECK(document_key_problem("assessment:x", json::array()) ==
          "the name belongs to a self-assessment, but the item is something else");
}

TEST_CASE("a key with a NUL, another control character, broken UTF-8 or no end is refused")
{
    const json goal = doc_of_type(kGoalType);
    CHECK(document_key_problem(std::string("goal:a\0b", 8), goal) == "its name contains control characters");
    CHECK(document_key_problem("goal:a\nb", goal) == "its name contains control characters");
    CHECK(document_key_problem("goal:a\x7F", goal) == "its name contains control characters");
    CHECK(document_key_problem("goal:a\xC2\x85", goal) == "its name contains control characters"); // U+0085, NEL
    CHECK(document_key_problem("goal:caf\xE9", goal) == "its name is not valid text");
    CHECK(document_key_problem("", goal) == "its name is empty");
    CHECK(document_key_problem("goal:" + std::string(196, 'a'), goal) == "its name is longer than 200 characters");
    CHECK(document_key_problem("goal:" + std::string(195, 'a'), goal).empty());
    CHECK(document_key_problem("goal:café — “ñ”", goal).empty());
}

TEST_CASE("a workspace file with a key holding a NUL imports nothing, so it never reaches storage as another key")
{
    // "goal:a\u0000b" would reach the browser's storage as "goal:a" through a C string.
    const std::string text = R"({"type": "wayfinder.workspace", "version": 1, "documents": {
        "goal:a": {"type": "wayfinder.goal", "version": 1, "statement": "Keep me"},
        "goal:a\u0000b": {"type": "wayfinder.goal", "version": 1, "statement": "Replace it"}}})";
    const ImportPlan plan = plan_workspace_import(text);
    CHECK_FALSE(plan.ok);
    CHECK(plan.documents.empty());
    CHECK(plan.error == "This workspace file is damaged: the item stored as \u201Cgoal:a?b\u201D cannot be imported (its "
                        "name contains control characters). Nothing was imported; choose another backup.");
}

TEST_CASE("a workspace file putting an item under another type's key imports nothing")
{
    const ImportPlan plan = plan_workspace_import(workspace_with("profile", doc_of_type(kGoalType)));
    CHECK_FALSE(plan.ok);
    CHECK(plan.error == "This workspace file is damaged: the item stored as \u201Cprofile\u201D cannot be imported (a "
                        "goal must be stored under \u201Cgoal:\u201D followed by its id). Nothing was imported; choose "
                        "another backup.");
    CHECK(contains(plan_workspace_import(workspace_with("assessment:1", doc_of_type("wayfinder.venn-map"))).error,
                   "(the name belongs to a self-assessment, but the item is something else)"));
    CHECK(plan_workspace_import(workspace_with("map:1", doc_of_type("wayfinder.venn-map"))).ok);
}

TEST_CASE("preferences are left out of an import before their key is looked at")
{
    CHECK(plan_workspace_import(workspace_with("settings", doc_of_type(kPrefsType))).ok);
}
