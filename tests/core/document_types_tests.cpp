#include "core/assessment.hpp"
#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/framework_pack.hpp"
#include "core/goal.hpp"
#include "core/journey.hpp"

#include <doctest/doctest.h>

using nlohmann::json;
using namespace wf;

TEST_CASE("this build knows the profile, preferences, assessment, goal, journey and loaded-framework types and nothing else")
{
    CHECK(schema_for_type("wayfinder.loaded-framework") == &loaded_framework_schema());
    CHECK(schema_for_type("wayfinder.profile") == &profile_schema());
    CHECK(schema_for_type("wayfinder.prefs") == &prefs_schema());
    CHECK(schema_for_type("wayfinder.assessment") == &assessment_schema());
    CHECK(schema_for_type("wayfinder.goal") == &goal_schema());
    CHECK(schema_for_type("wayfinder.journey") == &journey_schema());
    CHECK(schema_for_type("wayfinder.workspace") == nullptr);
    CHECK(schema_for_type("wayfinder.map") == nullptr);
    CHECK(schema_for_type("") == nullptr);
}

TEST_CASE("a new profile is a current, versioned document with every field empty")
{
    const json doc = new_document(profile_schema());
    CHECK(doc == json{{"type", "wayfinder.profile"},
                      {"version", 1},
                      {"name", ""},
                      {"role", ""},
                      {"school", ""},
                      {"district", ""},
                      {"focus", ""}});
}

TEST_CASE("new preferences are light theme, 100 % scale and 2x snapshots")
{
    const Prefs prefs = prefs_from_doc(new_document(prefs_schema()));
    CHECK(prefs.theme == "light");
    CHECK(prefs.ui_scale == 100);
    CHECK(prefs.snapshot_scale == 2);
    CHECK(new_document(prefs_schema())["type"] == "wayfinder.prefs");
}

TEST_CASE("editing the profile changes its fields and keeps fields a newer build added")
{
    json doc = new_document(profile_schema());
    doc["pronouns"] = "she/her";
    Profile profile = profile_from_doc(doc);
    profile.name = "Ana Pérez";
    profile.school = "Lincoln Elementary";
    profile.focus = "Co-teach research units with 4th grade.\nStart a makerspace club.";
    profile_write(doc, profile);

    CHECK(doc["pronouns"] == "she/her");
    CHECK(doc["type"] == "wayfinder.profile");
    const Profile reread = profile_from_doc(doc);
    CHECK(reread.name == "Ana Pérez");
    CHECK(reread.school == "Lincoln Elementary");
    CHECK(reread.focus == profile.focus);
    CHECK(reread.role.empty());
}

TEST_CASE("profile fields of the wrong kind read as empty instead of failing")
{
    const Profile profile = profile_from_doc(json{{"name", 42}, {"school", json::array()}, {"role", "Librarian"}});
    CHECK(profile.name.empty());
    CHECK(profile.school.empty());
    CHECK(profile.role == "Librarian");
    CHECK(profile_from_doc(json("not a document")).name.empty());
}

TEST_CASE("writing a profile over something that is not a document makes a proper profile")
{
    json doc = json::array();
    profile_write(doc, Profile{"Ana", "", "", "", ""});
    CHECK(doc["type"] == "wayfinder.profile");
    CHECK(doc["version"] == 1);
    CHECK(doc["name"] == "Ana");
}

TEST_CASE("restoring a stored profile fills missing fields and keeps unknown ones")
{
    const auto restored =
        restore_document(json{{"type", "wayfinder.profile"}, {"name", "Ana"}, {"extra", true}}, profile_schema());
    REQUIRE(restored.ok);
    CHECK(restored.doc["name"] == "Ana");
    CHECK(restored.doc["district"] == "");
    CHECK(restored.doc["extra"] == true);
}

TEST_CASE("an unknown theme reads as light")
{
    CHECK(prefs_from_doc(json{{"theme", "dark"}}).theme == "dark");
    CHECK(prefs_from_doc(json{{"theme", "high-contrast"}}).theme == "high-contrast");
    CHECK(prefs_from_doc(json{{"theme", "solarized"}}).theme == "light");
    CHECK(prefs_from_doc(json{{"theme", 3}}).theme == "light");
}

TEST_CASE("the UI scale stays between 100 % and 250 %")
{
    CHECK(prefs_from_doc(json{{"ui_scale", 150}}).ui_scale == 150);
    CHECK(prefs_from_doc(json{{"ui_scale", 137.6}}).ui_scale == 138);
    CHECK(prefs_from_doc(json{{"ui_scale", 40}}).ui_scale == 100);
    CHECK(prefs_from_doc(json{{"ui_scale", 1e300}}).ui_scale == 250);
    CHECK(prefs_from_doc(json{{"ui_scale", "big"}}).ui_scale == 100);
}

TEST_CASE("a snapshot scale other than 1x, 2x or 3x reads as 2x")
{
    CHECK(prefs_from_doc(json{{"snapshot_scale", 1}}).snapshot_scale == 1);
    CHECK(prefs_from_doc(json{{"snapshot_scale", 3}}).snapshot_scale == 3);
    CHECK(prefs_from_doc(json{{"snapshot_scale", 4}}).snapshot_scale == 2);
    CHECK(prefs_from_doc(json{{"snapshot_scale", 0}}).snapshot_scale == 2);
}

TEST_CASE("stored preferences with bad values are corrected on restore, other fields kept")
{
    const json stored = {{"type", "wayfinder.prefs"}, {"version", 1}, {"theme", "neon"}, {"ui_scale", 900}, {"x", 1}};
    const auto restored = restore_document(stored, prefs_schema());
    REQUIRE(restored.ok);
    CHECK(restored.doc["theme"] == "light");
    CHECK(restored.doc["ui_scale"] == 250);
    CHECK(restored.doc["snapshot_scale"] == 2);
    CHECK(restored.doc["x"] == 1);
}

TEST_CASE("writing preferences stores corrected values")
{
    json doc = new_document(prefs_schema());
    prefs_write(doc, Prefs{"dark", 300, 3});
    CHECK(doc["theme"] == "dark");
    CHECK(doc["ui_scale"] == 250);
    CHECK(doc["snapshot_scale"] == 3);
}
