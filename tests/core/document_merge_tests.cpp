// The merge rules for one document changed in two tabs (core/document_merge.hpp).
#include <doctest/doctest.h>

#include "core/document_merge.hpp"
#include "core/document_registry.hpp"
#include "core/item_file.hpp"
#include "core/journey.hpp"

using namespace wf;
using nlohmann::json;

namespace {

json merge(const json& base, const json& ours, const json& theirs, std::vector<FieldConflict>& conflicts) {
    std::optional<json> merged = merge_documents({base, ours, theirs}, conflicts);
    REQUIRE(merged);
    return *merged;
}

const json kBase = {{"type", "wayfinder.profile"}, {"name", "Ana"}, {"role", ""}, {"school", ""}};

} // namespace

TEST_CASE("fields only one side changed are taken from that side") {
    json ours = kBase, theirs = kBase;
    ours["role"] = "Librarian";
    theirs["school"] = "Lincoln";
    std::vector<FieldConflict> conflicts;
    const json merged = merge(kBase, ours, theirs, conflicts);
    CHECK(conflicts.empty());
    CHECK(merged["name"] == "Ana");
    CHECK(merged["role"] == "Librarian");
    CHECK(merged["school"] == "Lincoln");
}

TEST_CASE("the same change on both sides is no conflict") {
    json ours = kBase, theirs = kBase;
    ours["role"] = theirs["role"] = "Librarian";
    std::vector<FieldConflict> conflicts;
    CHECK(merge(kBase, ours, theirs, conflicts)["role"] == "Librarian");
    CHECK(conflicts.empty());
}

TEST_CASE("a field both sides changed differently keeps ours and reports theirs") {
    json ours = kBase, theirs = kBase;
    ours["name"] = "Ana P.";
    theirs["name"] = "Ana Pérez";
    std::vector<FieldConflict> conflicts;
    const json merged = merge(kBase, ours, theirs, conflicts);
    CHECK(merged["name"] == "Ana P.");
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].path == "/name");
    CHECK(conflicts[0].ours == "Ana P.");
    CHECK(conflicts[0].theirs == "Ana Pérez");
}

TEST_CASE("a field added on one side and a field removed on the other are both kept as changes") {
    json base = kBase, ours = kBase, theirs = kBase;
    ours["district"] = "Northside";
    theirs.erase("school");
    std::vector<FieldConflict> conflicts;
    const json merged = merge(base, ours, theirs, conflicts);
    CHECK(merged["district"] == "Northside");
    CHECK_FALSE(merged.contains("school"));
    CHECK(conflicts.empty());
}

TEST_CASE("lists of notes with ids merge note by note") {
    const json base = {{"notes", json::array({{{"id", "a"}, {"text", "Reading"}}, {{"id", "b"}, {"text", "Makerspace"}}})}};
    json ours = base, theirs = base;
    ours["notes"].push_back({{"id", "c"}, {"text", "Coding club"}});  // added here
    ours["notes"][0]["text"] = "Reading for fun";                    // changed here
    theirs["notes"].erase(1);                                        // b removed there, unchanged here
    theirs["notes"].push_back({{"id", "d"}, {"text", "Podcasts"}});  // added there
    std::vector<FieldConflict> conflicts;
    const json merged = merge(base, ours, theirs, conflicts);
    CHECK(conflicts.empty());
    REQUIRE(merged["notes"].size() == 3);
    CHECK(merged["notes"][0] == json{{"id", "a"}, {"text", "Reading for fun"}});
    CHECK(merged["notes"][1]["id"] == "d");
    CHECK(merged["notes"][2]["id"] == "c");
}

TEST_CASE("a note removed on one side and changed on the other stays, with the change") {
    const json base = {{"notes", json::array({{{"id", "a"}, {"text", "Reading"}}})}};
    json ours = base, theirs = base;
    ours["notes"][0]["text"] = "Reading for fun";
    theirs["notes"] = json::array();
    std::vector<FieldConflict> conflicts;
    const json merged = merge(base, ours, theirs, conflicts);
    REQUIRE(merged["notes"].size() == 1);
    CHECK(merged["notes"][0]["text"] == "Reading for fun");
}

TEST_CASE("the same note's text changed on both sides is a conflict named by the note's id") {
    const json base = {{"notes", json::array({{{"id", "n1"}, {"text", "Reading"}}})}};
    json ours = base, theirs = base;
    ours["notes"][0]["text"] = "Mine";
    theirs["notes"][0]["text"] = "Theirs";
    std::vector<FieldConflict> conflicts;
    json merged = merge(base, ours, theirs, conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].path == "/notes/n1/text");
    record_conflicts(merged, conflicts, "2026-11-29T10:00:00Z");
    const std::vector<FieldConflict> kept = document_conflicts(merged);
    REQUIRE(kept.size() == 1);
    CHECK(resolve_conflict(merged, kept[0].index, ConflictChoice::Theirs));
    CHECK(merged["notes"][0]["text"] == "Theirs");
    CHECK_FALSE(merged.contains(kConflictsField));
}

TEST_CASE("a document removed on one side and changed on the other is kept") {
    json ours = kBase;
    ours["name"] = "Ana P.";
    std::vector<FieldConflict> conflicts;
    std::optional<json> merged = merge_documents({kBase, ours, std::nullopt}, conflicts);
    REQUIRE(merged);
    CHECK((*merged)["name"] == "Ana P.");
    merged = merge_documents({kBase, std::nullopt, kBase}, conflicts);
    CHECK_FALSE(merged); // removed here, untouched there: removed
}

TEST_CASE("unresolved conflicts from both sides are kept through a later merge") {
    json ours = kBase, theirs = kBase;
    record_conflicts(ours, {FieldConflict{"/name", "x", "y"}}, "t1");
    record_conflicts(theirs, {FieldConflict{"/role", "p", "q"}}, "t2");
    std::vector<FieldConflict> conflicts;
    const json merged = merge(kBase, ours, theirs, conflicts);
    CHECK(document_conflicts(merged).size() == 2);
}

TEST_CASE("keeping both texts joins them, ours first; other values keep ours") {
    json doc = {{"focus", "Mine"}, {"rating", 3}};
    record_conflicts(doc, {FieldConflict{"/focus", "Mine", "Theirs"}, FieldConflict{"/rating", 3, 4}}, "t");
    CHECK(resolve_conflict(doc, 0, ConflictChoice::Both));
    CHECK(doc["focus"] == "Mine\n\nTheirs");
    const std::vector<FieldConflict> left = document_conflicts(doc);
    REQUIRE(left.size() == 1);
    CHECK(resolve_conflict(doc, left[0].index, ConflictChoice::Both));
    CHECK(doc["rating"] == 3);
    CHECK_FALSE(resolve_conflict(doc, 0, ConflictChoice::Ours)); // none left
}

TEST_CASE("lists of texts merge as sets, and strengths merge by their area") {
    const json base = {{"questions", {"q-needs"}},
                       {"strengths", json::array({{{"area_id", "reading"}, {"example", ""}}, {{"area_id", "creators"}, {"example", ""}}})}};
    json ours = base, theirs = base;
    ours["questions"].push_back("q-support");
    theirs["questions"] = json::array({"q-needs", "q-vision"});
    ours["strengths"][0]["example"] = "A lunchtime book club.";
    theirs["strengths"][1]["example"] = "A robotics club.";
    std::vector<FieldConflict> conflicts;
    const json merged = merge(base, ours, theirs, conflicts);
    CHECK(conflicts.empty());
    CHECK(merged["questions"] == json({"q-needs", "q-vision", "q-support"}));
    CHECK(merged["strengths"][0]["example"] == "A lunchtime book club.");
    CHECK(merged["strengths"][1]["example"] == "A robotics club.");
}

TEST_CASE("a conflict settled after more typing keeps the text as it is now, not as it was at the merge") {
    json doc = {{"focus", "Start a maker club"}};
    record_conflicts(doc, {FieldConflict{"/focus", "Start a maker club", "Co-teach research."}}, "t");
    doc["focus"] = "Start a maker club.";
    CHECK(document_conflicts(doc)[0].ours == "Start a maker club.");
    json both = doc;
    CHECK(resolve_conflict(both, 0, ConflictChoice::Both));
    CHECK(both["focus"] == "Start a maker club.\n\nCo-teach research.");
    CHECK(resolve_conflict(doc, 0, ConflictChoice::Ours));
    CHECK(doc["focus"] == "Start a maker club.");
}

TEST_CASE("shared copies leave unsettled conflicts out, so a private text kept there never travels") {
    json journey = {{"type", "wayfinder.journey"}, {"version", 1}, {"id", "j"}, {"continuum", {{"private", true}, {"phrases", json::array()}}}};
    record_conflicts(journey, {FieldConflict{"/continuum/phrases/p1/text", "Mine", "A private phrase"}}, "t");
    CHECK(shared_document(journey).contains(kConflictsField) == false);
    CHECK(item_share_text(journey, ExportInfo{"2026-11-29T10:00:00Z", "test"}, true).find("A private phrase") == std::string::npos);
    CHECK(shared_documents({{"journey/j", journey}}).at("journey/j").contains(kConflictsField) == false);
}
