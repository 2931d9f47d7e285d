#include "core/document_types.hpp"
#include "core/workspace_file.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include "test_support.hpp"

using namespace wf::test;

using nlohmann::json;
using namespace wf;

namespace {

DocumentMap sample_workspace()
{
    json profile = new_document(profile_schema());
    profile_write(profile, Profile{"Ana Pérez", "Teacher librarian", "Lincoln Elementary", "Río Verde Unified",
                                   "Start “research buddies” — co-teach two units.\nñ ü"});
    json prefs = new_document(prefs_schema());
    prefs_write(prefs, Prefs{"dark", 150, 3});
    return {{"profile", profile}, {"prefs", prefs}};
}

const ExportInfo kInfo{"2026-11-22T14:05:09Z", "0.1.0"};

} // namespace

TEST_CASE("an export holds every document except this device's preferences")
{
    const json file = json::parse(workspace_export_text(sample_workspace(), kInfo));
    CHECK(file["type"] == "wayfinder.workspace");
    CHECK(file["version"] == 1);
    CHECK(file["app_version"] == "0.1.0");
    CHECK(file["exported_at"] == "2026-11-22T14:05:09Z");
    CHECK(file["documents"].contains("profile"));
    CHECK_FALSE(file["documents"].contains("prefs"));
    CHECK(file["documents"]["profile"] == sample_workspace()["profile"]);
}

TEST_CASE("an export is indented for people and says what it is first")
{
    const std::string text = workspace_export_text(sample_workspace(), kInfo);
    CHECK(text.rfind("{\n  \"type\": \"wayfinder.workspace\",\n  \"version\": 1,", 0) == 0);
    CHECK(contains(text, "\"name\": \"Ana Pérez\"")); // accents stay readable, not \u escapes
}

TEST_CASE("the caller decides which keys stay on the device")
{
    const json file = json::parse(workspace_export_text(sample_workspace(), kInfo, {"profile"}));
    CHECK(file["documents"].contains("prefs"));
    CHECK_FALSE(file["documents"].contains("profile"));
}

TEST_CASE("text with broken UTF-8 still exports, with the broken bytes replaced")
{
    DocumentMap docs = sample_workspace();
    docs["profile"]["focus"] = "caf\xE9";
    const std::string text = workspace_export_text(docs, kInfo);
    CHECK(contains(text, "caf\xEF\xBF\xBD")); // U+FFFD REPLACEMENT CHARACTER
    CHECK(plan_workspace_import(text).ok);
}

TEST_CASE("an exported workspace imports back to the same documents")
{
    const DocumentMap docs = sample_workspace();
    const ImportPlan plan = plan_workspace_import(workspace_export_text(docs, kInfo));
    REQUIRE(plan.ok);
    CHECK(plan.error.empty());
    CHECK(plan.documents == DocumentMap{{"profile", docs.at("profile")}});
    CHECK(plan.summary == std::vector<std::string>{"Profile of Ana Pérez (Lincoln Elementary)", "Exported 2026-11-22"});
    CHECK(plan.warnings.empty());
}

TEST_CASE("the frozen version 1 workspace file still opens, with accents and unknown fields intact")
{
    const ImportPlan plan = plan_workspace_import(read_fixture("workspace-v1.json"));
    REQUIRE(plan.ok);
    REQUIRE(plan.documents.count("profile") == 1);
    const json& doc = plan.documents.at("profile");
    const Profile profile = profile_from_doc(doc);
    CHECK(profile.name == "Ana Pérez");
    CHECK(profile.district == "Río Verde Unified");
    CHECK(profile.focus == "Start “research buddies” with 4th grade — co-teach two units.\n"
                           "Ask Sra. Núñez about the makerspace budget.");
    CHECK(doc["signature_color"] == "#3a7f5c");
    CHECK(plan.summary == std::vector<std::string>{"Profile of Ana Pérez (Lincoln Elementary)", "Exported 2026-11-20"});
    CHECK(plan.warnings.empty());
}

TEST_CASE("a workspace file from a newer Wayfinder is refused and says so")
{
    const ImportPlan plan = plan_workspace_import(read_fixture("workspace-newer.json"));
    CHECK_FALSE(plan.ok);
    CHECK(plan.documents.empty());
    CHECK(plan.error == "This workspace was made by a newer version of Wayfinder (workspace version 2; this copy "
                        "reads up to version 1). Reload Wayfinder while online to update it, then try again.");
}

TEST_CASE("a workspace holding one item from a newer Wayfinder imports nothing at all")
{
    const ImportPlan plan = plan_workspace_import(read_fixture("workspace-profile-newer.json"));
    CHECK_FALSE(plan.ok);
    CHECK(plan.documents.empty()); // the unknown item listed before the profile is not half-applied
    CHECK(plan.error == "Nothing was imported. This profile was made by a newer version of Wayfinder (profile "
                        "version 9; this copy reads up to version 1). Reload Wayfinder while online to update it, "
                        "then try again.");
}

TEST_CASE("a cut-off workspace file is refused as incomplete")
{
    const ImportPlan plan = plan_workspace_import(read_fixture("malformed.json"));
    CHECK_FALSE(plan.ok);
    CHECK(contains(plan.error, "This file is incomplete"));
}

TEST_CASE("a single profile file is refused as not being a whole workspace")
{
    const ImportPlan plan = plan_workspace_import(new_document(profile_schema()).dump());
    CHECK_FALSE(plan.ok);
    CHECK(plan.error == "This file holds a profile, not a whole workspace. Choose a workspace backup instead (its "
                        "name starts with \"wayfinder-workspace-\").");
}

TEST_CASE("JSON that is not a Wayfinder workspace is refused")
{
    CHECK(contains(plan_workspace_import("[1, 2, 3]").error, "This is not a Wayfinder workspace"));
    CHECK(contains(plan_workspace_import(R"({"hello": "world"})").error, "This is not a Wayfinder workspace"));
    CHECK(contains(plan_workspace_import(R"({"type": "excalidraw"})").error, "This is not a Wayfinder workspace"));
}

TEST_CASE("a workspace file without its list of items is refused rather than emptying the workspace")
{
    for (const char* text : {R"({"type": "wayfinder.workspace", "version": 1})",
                             R"({"type": "wayfinder.workspace", "version": 1, "documents": [1]})"}) {
        const ImportPlan plan = plan_workspace_import(text);
        CHECK_FALSE(plan.ok);
        CHECK(contains(plan.error, "its list of items is missing"));
    }
}

TEST_CASE("items this Wayfinder does not know are kept unchanged, with a warning")
{
    const json one = {{"type", "wayfinder.workspace"},
                      {"version", 1},
                      {"documents", {{"map-1", {{"type", "wayfinder.venn-map"}, {"version", 1}, {"notes", {1, 2}}}}}}};
    const ImportPlan single = plan_workspace_import(one.dump());
    REQUIRE(single.ok);
    CHECK(single.documents.at("map-1") == one["documents"]["map-1"]);
    CHECK(single.warnings == std::vector<std::string>{
                                 "1 item needs a newer Wayfinder to show; it will be kept unchanged."});

    json two = one;
    two["documents"]["odd"] = "not even an object";
    const ImportPlan pair = plan_workspace_import(two.dump());
    REQUIRE(pair.ok);
    CHECK(pair.documents.at("odd") == "not even an object");
    CHECK(pair.warnings == std::vector<std::string>{
                               "2 items need a newer Wayfinder to show; they will be kept unchanged."});
}

TEST_CASE("preferences inside an imported file are left out: they belong to the device that made them")
{
    const DocumentMap docs = sample_workspace();
    const ImportPlan plan = plan_workspace_import(workspace_export_text(docs, kInfo, {}));
    REQUIRE(plan.ok);
    CHECK(plan.documents.count("prefs") == 0);
    CHECK(plan.documents.count("profile") == 1);
}

TEST_CASE("an empty workspace imports, with a warning that it would leave nothing")
{
    const ImportPlan plan = plan_workspace_import(workspace_export_text({}, kInfo));
    REQUIRE(plan.ok);
    CHECK(plan.documents.empty());
    CHECK(plan.warnings ==
          std::vector<std::string>{"This backup holds no items: importing it would leave your workspace empty."});
}

TEST_CASE("an unnamed profile and a missing export date are summarised plainly")
{
    const json file = {{"type", "wayfinder.workspace"},
                       {"version", 1},
                       {"documents", {{"profile", {{"type", "wayfinder.profile"}, {"version", 1}}}}}};
    const ImportPlan plan = plan_workspace_import(file.dump());
    REQUIRE(plan.ok);
    CHECK(plan.summary == std::vector<std::string>{"Profile (no name yet)"});
    CHECK(plan.documents.at("profile")["focus"] == ""); // defaults filled
}

TEST_CASE("export file names are lower-case, dashed and dated")
{
    CHECK(export_file_name("workspace", "2026-11-22", "json") == "wayfinder-workspace-2026-11-22.json");
    CHECK(export_file_name("Reflection Guide", "2026-11-22", "html") == "wayfinder-reflection-guide-2026-11-22.html");
    CHECK(export_file_name("  Venn map: District/School!  ", "2026-01-05", "png") ==
          "wayfinder-venn-map-district-school-2026-01-05.png");
    CHECK(export_file_name("", "2026-01-05", "json") == "wayfinder-2026-01-05.json");
}
