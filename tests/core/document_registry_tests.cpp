// The registry of document types, restore reasons, and the small shared helpers (blank text, enum
// names, hex colours) that replaced per-file copies.
#include "core/assessment.hpp"
#include "core/colour.hpp"
#include "core/document_merge.hpp"
#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/enum_names.hpp"
#include "core/goal.hpp"
#include "core/journey.hpp"
#include "core/text_stats.hpp"
#include "core/workspace_file.hpp"

#include <doctest/doctest.h>
#include "test_support.hpp"

#include <algorithm>

using namespace wf;
using namespace wf::test;
using nlohmann::json;

namespace {

bool keep(json&, std::string&) { return true; }

const DocumentSchema& two_versions_no_migration()
{
    static const DocumentSchema schema{"wayfinder.canvas", "canvas", 2, {}, nullptr, "canvas:"};
    return schema;
}

const DocumentSchema& canvas_schema()
{
    static const DocumentSchema schema{"wayfinder.canvas", "canvas", 2, {keep}, nullptr, "canvas:"};
    return schema;
}

const DocumentSchema& second_assessment_prefix()
{
    static const DocumentSchema schema{"wayfinder.assessment-copy", "copy", 1, {}, nullptr, "assessment:"};
    return schema;
}

std::string no_lines(const json&, std::vector<std::string>&) { return {}; }

bool mentions(const std::vector<std::string>& problems, const std::string& part)
{
    for (const std::string& problem : problems)
        if (contains(problem, part))
            return true;
    return false;
}

} // namespace

TEST_CASE("the shipped registry passes its own checks")
{
    CHECK(registry_problems(document_kinds()).empty());
    CHECK(document_kinds().size() == document_schemas().size());
    for (const DocumentKind& kind : document_kinds()) {
        const DocumentSchema& schema = kind.schema();
        CAPTURE(schema.type);
        CHECK(schema.migrations.size() == size_t(schema.current_version - 1));
        CHECK(schema_for_type(schema.type) == &schema);
    }
}

TEST_CASE("a registry whose schema lacks a migration, or whose keys overlap, is reported")
{
    std::vector<DocumentKind> kinds = document_kinds();
    kinds.push_back({two_versions_no_migration});
    const std::vector<std::string> missing = registry_problems(kinds);
    REQUIRE(missing.size() == 1);
    CHECK(contains(missing[0], "wayfinder.canvas: version 2 needs 1 migrations, but it has 0."));

    kinds.back() = {canvas_schema};
    CHECK(registry_problems(kinds).empty()); // one migration per version past the first

    kinds.push_back({canvas_schema});
    CHECK(mentions(registry_problems(kinds), "registered twice"));
    kinds.pop_back();

    kinds.push_back({second_assessment_prefix});
    CHECK(mentions(registry_problems(kinds), "overlaps the key \"assessment:\""));
    kinds.pop_back();

    kinds.push_back({canvas_schema, /*in_workspace_file=*/false});
    kinds.erase(kinds.end() - 2);
    CHECK(mentions(registry_problems(kinds), "per-device type must have a whole key"));
    kinds.back() = {canvas_schema, true, /*single_item=*/true};
    CHECK(mentions(registry_problems(kinds), "cannot describe an import"));
    kinds.back() = {canvas_schema, true, false, nullptr, no_lines};
    CHECK(mentions(registry_problems(kinds), "not marked as travelling alone"));
}

TEST_CASE("restoring with a schema that lacks a migration is refused in every build, not read past its end")
{
    const Restored restored = restore_document(json{{"type", "wayfinder.canvas"}, {"version", 1}}, two_versions_no_migration());
    CHECK_FALSE(restored.ok);
    CHECK(restored.failure.reason == RestoreReason::BrokenSchema);
    CHECK(restored.error == restore_failure_text(restored.failure));
    CHECK(contains(restored.error, "cannot open a canvas"));
}

TEST_CASE("the registry holds each type's facts: workspace file, single item, sharing, import lines")
{
    CHECK(device_only_keys() == std::vector<std::string>{kPrefsKey});
    CHECK(device_only_key("prefs"));
    CHECK_FALSE(device_only_key("profile"));
    CHECK_FALSE(device_only_key("prefs:x"));

    CHECK(document_kind(kAssessmentType)->single_item);
    CHECK(document_kind(kJourneyType)->single_item);
    CHECK_FALSE(document_kind(kGoalType)->single_item);
    CHECK_FALSE(document_kind(kProfileType)->single_item);
    CHECK(document_kind("wayfinder.map") == nullptr);

    CHECK(key_fits("assessment:a1", assessment_schema()));
    CHECK_FALSE(key_fits("assessment:", assessment_schema()));
    CHECK(key_fits("profile", profile_schema()));
    CHECK_FALSE(key_fits("profile2", profile_schema()));

    json profile = new_document(profile_schema());
    profile["name"] = "Ana Pérez";
    profile["school"] = "Lincoln Elementary";
    CHECK(document_kind(kProfileType)->workspace_line(profile) == "Profile of Ana Pérez (Lincoln Elementary)");
    const bool assessments_unlisted = document_kind(kAssessmentType)->workspace_line == nullptr;
    CHECK(assessments_unlisted);
}

TEST_CASE("a shared copy loses the device's conflicts and the type's private parts, nothing else")
{
    json journey = new_document(journey_schema());
    journey["continuum"]["private"] = true;
    journey["continuum"]["phrases"] = json::array({{{"id", "p1"}, {"text", "A private phrase"}}});
    journey[kConflictsField] = json::array();
    const json shared = shared_document(journey);
    CHECK_FALSE(shared.contains(kConflictsField));
    CHECK(shared["continuum"]["phrases"] == json::array());
    CHECK(shared["continuum"]["private"] == true);

    journey["continuum"]["private"] = false;
    CHECK(shared_document(journey)["continuum"]["phrases"].size() == 1);

    json goal = new_document(goal_schema());
    goal["statement"] = "Read more";
    CHECK(shared_document(goal) == goal);
    CHECK(shared_document(json("not an object")) == json("not an object"));
}

TEST_CASE("a stored text is restored through its type, or refused with a reason and its sentence")
{
    const Restored good = restore_stored_document(R"({"type":"wayfinder.profile","version":1,"name":"Ana"})");
    REQUIRE(good.ok);
    CHECK(good.failure.reason == RestoreReason::None);
    CHECK(good.doc["name"] == "Ana");

    const Restored cut = restore_stored_document(R"({"type":"wayfinder.profile","version":1,"name":"An)");
    CHECK(cut.failure.reason == RestoreReason::NotJson);
    CHECK(contains(cut.error, "It is damaged: "));

    const Restored unknown = restore_stored_document(R"({"type":"wayfinder.map","version":1})");
    CHECK(unknown.failure.reason == RestoreReason::UnknownType);
    CHECK(unknown.failure.found_type == "wayfinder.map");
    CHECK(unknown.error == "It holds \"wayfinder.map\", which this version of Wayfinder does not know. It was probably "
                           "made by a newer Wayfinder: reload while online to update.");

    const Restored newer = restore_stored_document(R"({"type":"wayfinder.goal","version":42})");
    CHECK(newer.failure.reason == RestoreReason::NewerVersion);
    CHECK(newer.failure.version == 42);
    CHECK(contains(newer.error, "made by a newer version of Wayfinder (goal version 42"));

    const Restored bad_version = restore_stored_document(R"({"type":"wayfinder.goal","version":"two"})");
    CHECK(bad_version.failure.reason == RestoreReason::UnreadableVersion);
}

TEST_CASE("each restore reason has its own sentence, and only one function writes them")
{
    const RestoreReason reasons[] = {RestoreReason::NotJson,       RestoreReason::TooLarge,         RestoreReason::NotAnObject,
                                     RestoreReason::NoType,        RestoreReason::WrongType,        RestoreReason::UnknownType,
                                     RestoreReason::UnreadableVersion, RestoreReason::NewerVersion, RestoreReason::MigrationFailed,
                                     RestoreReason::BrokenSchema};
    std::vector<std::string> sentences;
    for (const RestoreReason reason : reasons) {
        RestoreFailure failure;
        failure.reason = reason;
        failure.noun = "goal";
        failure.found_type = "wayfinder.other";
        failure.version = 3;
        failure.current_version = 1;
        failure.detail = "Detail " + std::to_string(int(reason)) + ".";
        const std::string sentence = restore_failure_text(failure);
        CAPTURE(int(reason));
        CHECK_FALSE(sentence.empty());
        CHECK(std::find(sentences.begin(), sentences.end(), sentence) == sentences.end());
        sentences.push_back(sentence);
    }
    CHECK(restore_failure_text(RestoreFailure{}).empty());
}

TEST_CASE("one blank test, one enum-name table, one colour parser")
{
    CHECK(is_blank(""));
    CHECK(is_blank(" \t\r\n"));
    CHECK_FALSE(is_blank(" a "));

    enum class Light { Off, On };
    static constexpr EnumName<Light> kLights[] = {{Light::Off, "off", "Off"}, {Light::On, "on", "On"}};
    CHECK(std::string(name_of(kLights, Light::On).label) == "On");
    CHECK(std::string(name_of(kLights, Light(7)).stored) == "off"); // unknown value: the default row
    CHECK(value_stored_as(kLights, "on") == Light::On);
    CHECK_FALSE(value_stored_as(kLights, "On").has_value());

    const std::optional<Rgba> blue = parse_hex_colour("#3C7cD4");
    REQUIRE(blue);
    CHECK(int(blue->r) == 0x3C);
    CHECK(int(blue->g) == 0x7C);
    CHECK(int(blue->b) == 0xD4);
    CHECK(int(blue->a) == 255);
    for (const char* bad : {"", "#3C7CD", "3C7CD4", "#3C7CD4 ", "#3G7CD4", "#3c7cd4ff", "#fff"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_hex_colour(bad));
    }
}
