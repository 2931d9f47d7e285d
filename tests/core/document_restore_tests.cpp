#include "core/document_restore.hpp"
#include "core/json_fields.hpp"

#include <doctest/doctest.h>
#include "test_support.hpp"

using namespace wf::test;

using nlohmann::json;
using wf::DocumentSchema;
using wf::restore_document;

namespace {

// A test-only "note" at version 3: version 2 renamed "text" to "body"; version 3 added "pinned".
bool rename_text_to_body(json& doc, std::string& why)
{
    auto text = doc.find("text");
    if (text == doc.end() || !text->is_string()) {
        why = "its text is missing or is not text.";
        return false;
    }
    doc["body"] = *text;
    doc.erase("text");
    return true;
}

bool add_pinned(json& doc, std::string&)
{
    doc["pinned"] = wf::json_string(doc, "body").rfind("!", 0) == 0; // notes written as "!..." were pinned by hand
    return true;
}

void fill_note_defaults(json& doc)
{
    if (!doc["body"].is_string())
        doc["body"] = "";
    if (!doc["pinned"].is_boolean())
        doc["pinned"] = false;
    if (!doc["color"].is_string())
        doc["color"] = "yellow";
}

const DocumentSchema kNoteSchema{"test.note", "note", 3, {rename_text_to_body, add_pinned}, fill_note_defaults};

} // namespace

TEST_CASE("an old document is upgraded step by step to the current version")
{
    const auto restored = restore_document(json{{"type", "test.note"}, {"version", 1}, {"text", "!Call Ms. Ruiz"}},
                                           kNoteSchema);
    REQUIRE(restored.ok);
    CHECK(restored.migrated);
    CHECK(restored.from_version == 1);
    CHECK(restored.doc == json{{"type", "test.note"},
                               {"version", 3},
                               {"body", "!Call Ms. Ruiz"},
                               {"pinned", true},
                               {"color", "yellow"}});
}

TEST_CASE("a version 2 document runs only the steps after version 2")
{
    const auto restored = restore_document(json{{"type", "test.note"}, {"version", 2}, {"body", "Plan"}}, kNoteSchema);
    REQUIRE(restored.ok);
    CHECK(restored.from_version == 2);
    CHECK(restored.doc["body"] == "Plan");
    CHECK(restored.doc["pinned"] == false);
    CHECK(restored.doc["version"] == 3);
}

TEST_CASE("a document without a version is read as version 1")
{
    const auto restored = restore_document(json{{"type", "test.note"}, {"text", "Old"}}, kNoteSchema);
    REQUIRE(restored.ok);
    CHECK(restored.from_version == 1);
    CHECK(restored.doc["body"] == "Old");
}

TEST_CASE("a current document is not migrated, and missing fields get their defaults")
{
    const auto restored = restore_document(json{{"type", "test.note"}, {"version", 3}, {"body", "Hi"}}, kNoteSchema);
    REQUIRE(restored.ok);
    CHECK_FALSE(restored.migrated);
    CHECK(restored.from_version == 3);
    CHECK(restored.doc["pinned"] == false);
    CHECK(restored.doc["color"] == "yellow");
}

TEST_CASE("fields this build does not know survive restore and migration")
{
    const json input = {{"type", "test.note"}, {"version", 1}, {"text", "x"}, {"added_later", {{"a", 1}}}};
    const auto restored = restore_document(input, kNoteSchema);
    REQUIRE(restored.ok);
    CHECK(restored.doc["added_later"] == json{{"a", 1}});
}

TEST_CASE("restoring never changes the input")
{
    const json input = {{"type", "test.note"}, {"version", 1}, {"text", "x"}};
    const json copy = input;
    restore_document(input, kNoteSchema);
    CHECK(input == copy);
}

TEST_CASE("a document from a newer version is refused and says so")
{
    const auto restored = restore_document(json{{"type", "test.note"}, {"version", 7}}, kNoteSchema);
    CHECK_FALSE(restored.ok);
    CHECK(restored.from_version == 7);
    CHECK(restored.error == "This note was made by a newer version of Wayfinder (note version 7; this copy reads up "
                            "to version 3). Reload Wayfinder while online to update it, then try again.");
}

TEST_CASE("a failing upgrade step says which step failed and why")
{
    const auto restored = restore_document(json{{"type", "test.note"}, {"version", 1}, {"text", 42}}, kNoteSchema);
    CHECK_FALSE(restored.ok);
    CHECK(contains(restored.error, "Wayfinder could not update this note from version 1 to version 2: "
                                   "its text is missing or is not text."));
    CHECK(restored.doc.is_null()); // no half-upgraded document to use by mistake
}

TEST_CASE("a document of another type is refused, naming what was expected")
{
    const auto restored = restore_document(json{{"type", "wayfinder.profile"}, {"version", 1}}, kNoteSchema);
    CHECK_FALSE(restored.ok);
    CHECK(restored.error == "This is not a Wayfinder note (it holds \"wayfinder.profile\", not \"test.note\"). "
                            "Choose a note exported from Wayfinder.");
}

TEST_CASE("a document that does not say what it holds is refused")
{
    for (const json& input : {json{{"version", 1}}, json{{"type", 5}}}) {
        const auto restored = restore_document(input, kNoteSchema);
        CHECK_FALSE(restored.ok);
        CHECK(contains(restored.error, "it does not say what it holds"));
    }
}

TEST_CASE("something that is not a document at all is refused")
{
    for (const json& input : {json(nullptr), json::array({1, 2}), json("test.note"), json(3)}) {
        const auto restored = restore_document(input, kNoteSchema);
        CHECK_FALSE(restored.ok);
        CHECK(contains(restored.error, "This is not a Wayfinder note"));
    }
}

TEST_CASE("a version that is not a positive whole number is refused")
{
    for (const json& version : {json(0), json(-1), json("2"), json(1.5), json(true), json(nullptr)}) {
        const auto restored = restore_document(json{{"type", "test.note"}, {"version", version}}, kNoteSchema);
        CHECK_FALSE(restored.ok);
        CHECK(contains(restored.error, "unreadable version number"));
    }
}
