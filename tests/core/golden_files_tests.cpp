// The golden corpus (tests/fixtures/golden/<version>/, see its README.md): one file of every kind as
// each released version wrote it. Every version's files must open through the real importers with
// nothing lost, in every later version. The checks below are the same for all versions, so a new
// version only adds its folder (with the generator at the end of this file).

#include "core/assessment.hpp"
#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/framework_pack.hpp"
#include "core/goal.hpp"
#include "core/item_file.hpp"
#include "core/journey.hpp"
#include "core/journey_pack.hpp"
#include "core/json_fields.hpp"
#include "core/png_snapshot.hpp"
#include "core/workspace_file.hpp"

#include "sample_assessment.hpp"
#include "sample_journey.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <stb/stb_image.h> // declarations only: the implementation is compiled into the core library

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

using nlohmann::json;
using namespace wf;
using namespace wf::test;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(WF_FIXTURES_DIR) / "golden";

std::vector<fs::path> version_folders()
{
    std::vector<fs::path> folders;
    for (const fs::directory_entry& entry : fs::directory_iterator(kGoldenDir))
        if (entry.is_directory())
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    REQUIRE_MESSAGE(!folders.empty(), "no golden files in ", kGoldenDir.string());
    return folders;
}

std::string read_file(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    REQUIRE_MESSAGE(file.good(), "missing golden file ", path.string());
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// Every field of `original`, at any depth, is in `now` with the same value (`now` may have more:
// fields a later version fills with defaults). Lists must match entry by entry.
bool keeps_every_field(const json& original, const json& now, const std::string& path = "")
{
    if (original.is_object() && now.is_object()) {
        for (const auto& [name, value] : original.items()) {
            const auto found = now.find(name);
            if (found == now.end()) {
                MESSAGE("lost: ", path, "/", name);
                return false;
            }
            if (!keeps_every_field(value, *found, path + "/" + name))
                return false;
        }
        return true;
    }
    if (original.is_array() && now.is_array() && original.size() == now.size()) {
        for (size_t i = 0; i < original.size(); i++)
            if (!keeps_every_field(original[i], now[i], path + "/" + std::to_string(i)))
                return false;
        return true;
    }
    if (original != now)
        MESSAGE("changed: ", path, ": ", original.dump(), " is now ", now.dump());
    return original == now;
}

// What the file holds once the migrations reshaped it on purpose. Journey version 2 (the map
// canvases): a note's x and y are its place, given anew to every version 1 note, and the four
// quadrant texts became notes, whose texts in reading order are the old texts.
json as_migrated(const json& in_file, const json& imported)
{
    json expected = in_file;
    if (json_string(in_file, "type") != kJourneyType || !in_file.contains("version") || in_file["version"] != 1)
        return expected;
    expected.erase("version");
    const std::pair<const char*, const char*> lists[] = {
        {"continuum", "phrases"}, {"research", "venn"}, {"collaboration", "notes"}, {"agreement", "candidates"}};
    for (const auto& [object, list] : lists)
        if (expected.contains(object) && expected[object].contains(list))
            for (json& note : expected[object][list]) {
                note.erase("x");
                note.erase("y");
            }
    const Agreement agreement = journey_from_doc(imported).agreement;
    const std::pair<const char*, int> quadrants[] = {{"who", kWho}, {"when", kWhen}, {"what", kWhat}, {"where", kWhere}};
    for (const auto& [key, region] : quadrants) {
        CHECK(plan_text(agreement, region) == json_string(in_file.value("agreement", json::object()), key));
        expected["agreement"].erase(key);
    }
    return expected;
}

// The document as imported keeps everything the file held (as the migrations reshaped it), and its
// typed view reads all of it: writing what was read back over the document changes nothing.
void check_document(const json& in_file, const json& imported)
{
    CHECK(keeps_every_field(as_migrated(in_file, imported), imported));
    const std::string type = json_string(imported, "type");
    CAPTURE(type);
    json rewritten = imported;
    if (type == kProfileType) {
        const Profile profile = profile_from_doc(imported);
        CHECK_FALSE(profile.name.empty());
        profile_write(rewritten, profile);
    } else if (type == kAssessmentType) {
        const Assessment assessment = assessment_from_doc(imported);
        CHECK(assessment.pack_error.empty());
        CHECK_FALSE(assessment.answers.empty());
        CHECK_FALSE(assessment.areas.empty());
        assessment_write(rewritten, assessment);
    } else if (type == kGoalType) {
        const Goal goal = goal_from_doc(imported);
        CHECK_FALSE(goal.steps.empty());
        goal_write(rewritten, goal);
    } else if (type == kJourneyType) {
        const Journey journey = journey_from_doc(imported);
        CHECK(journey.pack_error.empty());
        CHECK_FALSE(journey.steps.empty());
        CHECK_FALSE(journey.continuum.phrases.empty());
        CHECK_FALSE(journey.collaboration.notes.empty());
        journey_write(rewritten, journey);
    } else if (type == kLoadedFrameworkType) {
        const PackLoad load = framework_pack_from_json(imported["pack"]);
        REQUIRE_MESSAGE(load.ok, load.error);
        rewritten["pack"] = framework_pack_to_json(load.pack);
    } else {
        FAIL("a golden document of a type this test does not know: ", type);
    }
    CHECK(keeps_every_field(imported, rewritten));
}

void check_item_file(const std::string& text, const char* expected_type)
{
    const json file = json::parse(text);
    const json& in_file = file.contains("item") ? file["item"] : file;
    const ItemImport item = plan_item_import(text, false, "unused");
    REQUIRE_MESSAGE(item.ok, item.error);
    CHECK(item.doc["type"] == expected_type);
    CHECK(item.key == schema_for_type(expected_type)->key + json_string(in_file, "id"));
    check_document(in_file, item.doc);
}

} // namespace

TEST_CASE("every golden workspace opens with every document and everything in them")
{
    for (const fs::path& folder : version_folders()) {
        CAPTURE(folder.filename().string());
        const std::string text = read_file(folder / "workspace.json");
        const ImportPlan plan = plan_workspace_import(text);
        REQUIRE_MESSAGE(plan.ok, plan.error);
        CHECK(plan.warnings.empty());
        std::set<std::string> types;
        const json file = json::parse(text);
        for (const auto& entry : file["documents"].items()) {
            const std::string& key = entry.key();
            const json& in_file = entry.value();
            CAPTURE(key);
            REQUIRE(plan.documents.count(key) == 1);
            check_document(in_file, plan.documents.at(key));
            types.insert(json_string(in_file, "type"));
        }
        CHECK(types == std::set<std::string>{kProfileType, kAssessmentType, kGoalType, kJourneyType,
                                             kLoadedFrameworkType});
    }
}

TEST_CASE("every golden item file opens as the same assessment or journey")
{
    for (const fs::path& folder : version_folders()) {
        CAPTURE(folder.filename().string());
        check_item_file(read_file(folder / "assessment-item.json"), kAssessmentType);
        check_item_file(read_file(folder / "journey-item.json"), kJourneyType);
    }
}

TEST_CASE("an item file written again from a golden item file's contents is that file, byte for byte")
{
    // The envelope is written by hand (src/core/item_file.cpp): its order, indentation and escapes
    // must stay what every version wrote, for people who compare files.
    for (const fs::path& folder : version_folders())
        for (const char* name : {"assessment-item.json", "journey-item.json"}) {
            CAPTURE(folder.filename().string());
            CAPTURE(name);
            const std::string bytes = read_file(folder / name);
            const json file = json::parse(bytes);
            const ExportInfo info{json_string(file, "exported_at"), json_string(file, "app_version")};
            CHECK(item_export_text(file.at("item"), info) == bytes);
        }
}

TEST_CASE("every golden pack loads with every field it holds")
{
    for (const fs::path& folder : version_folders()) {
        CAPTURE(folder.filename().string());
        const std::string framework_text = read_file(folder / "framework-pack.json");
        const PackLoad framework = load_framework_pack(framework_text);
        REQUIRE_MESSAGE(framework.ok, framework.error);
        CHECK(keeps_every_field(json::parse(framework_text), framework_pack_to_json(framework.pack)));

        const std::string journey_text = read_file(folder / "journey-pack.json");
        const JourneyPackLoad journey = load_journey_pack(journey_text);
        REQUIRE_MESSAGE(journey.ok, journey.error);
        CHECK(keeps_every_field(json::parse(journey_text), journey_pack_to_json(journey.pack)));
    }
}

TEST_CASE("every golden snapshot is a picture whose text chunk opens as its assessment")
{
    for (const fs::path& folder : version_folders()) {
        CAPTURE(folder.filename().string());
        const std::string png = read_file(folder / "snapshot-assessment.png");
        const auto* bytes = reinterpret_cast<const uint8_t*>(png.data());
        const PngText text = read_png_text(bytes, png.size(), kSnapshotKeyword);
        REQUIRE_MESSAGE(text.ok, text.error);
        int width = 0, height = 0, channels = 0;
        stbi_uc* pixels = stbi_load_from_memory(bytes, int(png.size()), &width, &height, &channels, 4);
        CHECK(pixels != nullptr);
        CHECK((width == int(text.width) && height == int(text.height)));
        stbi_image_free(pixels);
        check_item_file(text.text, kAssessmentType);
    }
}

//-------------------------------------------------------------------------------------------------
// The generator: run once per released version, by hand, then commit the folder it writes:
//   build-helper/core_tests -tc="write the golden files*" --no-skip
// It refuses to touch a folder that exists: golden files are never rewritten.
//-------------------------------------------------------------------------------------------------

namespace {

Assessment golden_assessment()
{
    Assessment assessment = sample_assessment();
    assessment.title = "Fall check-in — “first look”";
    assessment.completed_at = "2026-09-20T18:30:00Z";
    answer_area(assessment, "reading-culture", {4, 3, kNotApplicable});
    answer_area(assessment, "partnerships", {2, 2, 1, 2});
    answer_area(assessment, "creators", {3, 4, 4});
    answer_area(assessment, "spaces", {1, kNotApplicable, 2});
    answer_area(assessment, "leadership", {2, 3, 3});
    assessment.areas["partnerships"] = {true, "Co-plan a unit with 4th grade — “research buddies”.\nAsk Sra. Núñez."};
    assessment.areas["creators"] = {false, "Robotics club 🤖 every Friday."};
    assessment.current_area = 4;
    return assessment;
}

json golden_journey_doc()
{
    Journey journey = filled_journey();
    journey.continuum.is_private = false; // shared, so the journey's own file keeps the phrases
    journey.future_ready.from_assessment = "fall";
    set_quadrant(journey.agreement, kWhat, "Pair 5th and 2nd graders");
    set_quadrant(journey.agreement, kWhere, "The library, after lunch");
    json doc = new_journey_doc(journey.pack, journey.id, journey.name, journey.created_at);
    journey_write(doc, journey);
    return doc;
}

std::vector<uint8_t> golden_pixels(int width, int height)
{
    std::vector<uint8_t> rgba;
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            rgba.insert(rgba.end(), {uint8_t(40 + x * 12), uint8_t(90 + y * 10), uint8_t(160), uint8_t(255)});
    return rgba;
}

void write_new_file(const fs::path& path, const std::string& bytes)
{
    REQUIRE_FALSE_MESSAGE(fs::exists(path), path.string(), " exists: golden files are never rewritten");
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace

TEST_CASE("write the golden files of this version (by hand, once per release)" * doctest::skip())
{
    std::string version = read_file(fs::path(WF_FIXTURES_DIR) / ".." / ".." / "VERSION");
    version.erase(version.find_last_not_of(" \n\r\t") + 1);
    const fs::path folder = kGoldenDir / version;
    REQUIRE_FALSE_MESSAGE(fs::exists(folder), folder.string(), " exists: golden files are never rewritten");
    fs::create_directories(folder);
    const ExportInfo info{"2026-11-22T14:05:09Z", version};

    Profile profile{"Ana Pérez", "Teacher librarian", "Lincoln Elementary", "Río Verde Unified",
                    "Start “research buddies” with 4th grade — co-teach two units.\nAsk Sra. Núñez 📚."};
    json profile_doc = new_document(profile_schema());
    profile_write(profile_doc, profile);
    const Assessment assessment = golden_assessment();
    json assessment_doc = new_assessment_doc(assessment.pack, assessment.id, assessment.title, assessment.created_at);
    assessment_write(assessment_doc, assessment);
    const json goal_doc = new_goal_doc(sample_goal());
    const json journey_doc = golden_journey_doc();
    FrameworkPack remix = sample_pack();
    remix.id = "sample-remix";
    remix.title = "Sample framework, our district’s remix";
    const DocumentMap docs{{kProfileKey, profile_doc},
                           {kPrefsKey, new_document(prefs_schema())},
                           {assessment_key(assessment.id), assessment_doc},
                           {goal_key(json_string(goal_doc, "id")), goal_doc},
                           {journey_key(json_string(journey_doc, "id")), journey_doc},
                           {framework_key(remix.id), loaded_framework_doc(remix)}};

    const WorkspaceExport workspace = workspace_export(docs, info);
    REQUIRE_MESSAGE(workspace.ok, workspace.error);
    write_new_file(folder / "workspace.json", workspace.text);
    const std::string assessment_file = item_share_text(assessment_doc, info);
    write_new_file(folder / "assessment-item.json", assessment_file);
    write_new_file(folder / "journey-item.json", item_share_text(journey_doc, info));
    write_new_file(folder / "framework-pack.json", framework_pack_to_json(remix).dump(2) + "\n");
    write_new_file(folder / "journey-pack.json", journey_pack_to_json(sample_journey_pack()).dump(2) + "\n");
    const std::vector<uint8_t> pixels = golden_pixels(16, 10);
    const std::vector<uint8_t> png = encode_png_with_text(pixels.data(), 16, 10, kSnapshotKeyword, assessment_file);
    write_new_file(folder / "snapshot-assessment.png", std::string(png.begin(), png.end()));
}
