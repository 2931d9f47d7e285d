#include "core/document_types.hpp"
#include "core/json_limits.hpp"
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

//-------------------------------------------------------------------------------------------------
// Exports that must open again
//-------------------------------------------------------------------------------------------------

namespace {

// A value nested `depth` levels deep: {"n": {"n": … 1}}.
json nested(int depth)
{
    json value = 1;
    for (int i = 0; i < depth; i++)
        value = json{{"n", std::move(value)}};
    return value;
}

json unknown_item(json payload)
{
    return {{"type", "wayfinder.venn-map"}, {"version", 1}, {"payload", std::move(payload)}};
}

} // namespace

TEST_CASE("a checked export writes exactly what the unchecked one writes")
{
    const WorkspaceExport exported = workspace_export(sample_workspace(), kInfo);
    REQUIRE(exported.ok);
    CHECK(exported.error.empty());
    CHECK(exported.text == workspace_export_text(sample_workspace(), kInfo));
}

TEST_CASE("an export too large to open again is refused before it is written, saying what to do")
{
    ParseLimits limits;
    limits.max_bytes = 1u << 20;
    DocumentMap docs = sample_workspace();
    docs["profile"]["focus"] = std::string((1u << 20) + (1u << 19), 'a');
    const WorkspaceExport exported = workspace_export(docs, kInfo, {"prefs"}, limits);
    CHECK_FALSE(exported.ok);
    CHECK(exported.text.empty());
    CHECK(exported.error == "No backup was written: Wayfinder could not open it again, because it would make a backup "
                            "of 1.5 MB, and Wayfinder opens backups up to 1 MB. Delete items you no longer need, then "
                            "export again.");
}

TEST_CASE("an export over the memory budget is refused before it is written")
{
    ParseLimits limits;
    limits.max_memory = 1u << 20;
    DocumentMap docs = sample_workspace();
    docs["notes:1"] = unknown_item(json::array());
    for (int i = 0; i < 20000; i++)
        docs["notes:1"]["payload"].push_back(i);
    const WorkspaceExport exported = workspace_export(docs, kInfo, {"prefs"}, limits);
    CHECK_FALSE(exported.ok);
    CHECK(exported.error == "No backup was written: Wayfinder could not open it again, because it would take more "
                            "than 1 MB of memory once opened. Delete items you no longer need, then export again.");
}

TEST_CASE("an export holding an item nested too deeply is refused, naming the item")
{
    DocumentMap docs = sample_workspace();
    docs["notes:1"] = unknown_item(nested(62)); // 63 levels with the item's own object: 65 in a backup
    const WorkspaceExport exported = workspace_export(docs, kInfo);
    CHECK_FALSE(exported.ok);
    CHECK(exported.error == "No backup was written: Wayfinder could not open it again, because the item stored as "
                            "\u201Cnotes:1\u201D is nested more than 62 levels deep. Delete that item, then export again.");
    docs["notes:1"] = unknown_item(nested(61));
    CHECK(workspace_export(docs, kInfo).ok);
    CHECK(plan_workspace_import(workspace_export(docs, kInfo).text).ok);
}

TEST_CASE("an export holding a key no import accepts is refused, not written")
{
    DocumentMap docs = sample_workspace();
    docs[std::string("goal:a\0b", 8)] = unknown_item(1);
    const WorkspaceExport exported = workspace_export(docs, kInfo);
    CHECK_FALSE(exported.ok);
    CHECK(exported.error == "No backup was written: the item stored as \u201Cgoal:a?b\u201D could not be read back from "
                            "a backup (its name contains control characters). Reload Wayfinder while online to update "
                            "it, then export again.");
}

TEST_CASE("the memory a backup would take is the memory its import charges, to the byte")
{
    DocumentMap docs = sample_workspace();
    docs["notes:1"] = unknown_item({{"list", {1, 2.5, "three", nullptr, json::object(), json::array()}}});
    const std::string text = workspace_export_text(docs, kInfo);
    ParseLimits limits;
    limits.max_memory = json_footprint(json::parse(text), 64).memory;
    CHECK(workspace_export(docs, kInfo, {"prefs"}, limits).ok);
    CHECK(parse_json_limited(text, limits).ok);
    limits.max_memory--;
    CHECK_FALSE(workspace_export(docs, kInfo, {"prefs"}, limits).ok);
    CHECK_FALSE(parse_json_limited(text, limits).ok);
}

TEST_CASE("a compact workspace file that would outgrow the size limit once indented is refused on import")
{
    // 100,000 numbers four levels down: 600 KB as written here, 1.5 MB as a backup indents it.
    json file = {{"type", "wayfinder.workspace"}, {"version", 1}, {"documents", {{"notes:1", unknown_item(json::array())}}}};
    for (int i = 0; i < 100000; i++)
        file["documents"]["notes:1"]["payload"].push_back(i);
    ParseLimits limits;
    limits.max_bytes = 1u << 20;
    const std::string compact = file.dump();
    REQUIRE(compact.size() < limits.max_bytes);
    const ImportPlan plan = plan_workspace_import(compact, limits);
    CHECK_FALSE(plan.ok);
    CHECK(plan.documents.empty());
    CHECK(plan.summary.empty());
    CHECK(contains(plan.error, "Nothing was imported: once imported, this workspace could not be saved again as one "
                               "backup Wayfinder can open (it would make a backup of "));
    CHECK(contains(plan.error, "Open it in the Wayfinder that made it, delete items no longer needed, and export a new "
                               "backup to import."));
}
