// Two tabs of one browser over one store: nothing either tab saved is ever lost.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "core/json_fields.hpp"
#include "core/workspace_file.hpp"

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

nlohmann::json stored_doc(const SharedStore& store, const std::string& key) {
    const std::optional<std::string> text = store.text(key);
    REQUIRE(text);
    return nlohmann::json::parse(*text);
}

std::string stored_field(const SharedStore& store, const std::string& key, const std::string& field) {
    return json_string(stored_doc(store, key), field);
}

} // namespace

TEST_CASE("a stale tab's write is refused, and both tabs' edits of different fields are kept") {
    SharedStore store;
    Tab a(store), b(store);
    a.edit_profile("name", "Ana");
    a.settle();
    CHECK(a.wb.save_status().text == "Saved");
    // b heard about a's write and, having no changes of its own, shows it at once.
    CHECK(b.wb.profile().name == "Ana");

    // Now a race: both change the profile before either write lands.
    a.edit_profile("role", "Teacher librarian");
    b.edit_profile("school", "Lincoln Elementary");
    a.settle();
    b.settle();
    a.settle();
    CHECK(stored_field(store, "profile", "name") == "Ana");
    CHECK(stored_field(store, "profile", "role") == "Teacher librarian");
    CHECK(stored_field(store, "profile", "school") == "Lincoln Elementary");
    CHECK(a.wb.profile().school == "Lincoln Elementary");
    CHECK(b.wb.profile().role == "Teacher librarian");
    CHECK(a.wb.conflicts().empty());
    CHECK(b.wb.conflicts().empty());
    CHECK(a.wb.save_status().text == "Saved");
    CHECK(b.wb.save_status().text == "Saved");
}

TEST_CASE("without the compare-and-swap the second tab would have dropped the first tab's name") {
    // The same race, checked at the storage level, with b missing a's announcement (as a frozen tab
    // does): b's write is based on a revision that is no longer stored, so the store refuses it
    // rather than taking b's stale copy.
    SharedStore store;
    Tab a(store), b(store);
    b.platform.hears_announcements = false;
    b.edit_profile("role", "Librarian");
    a.edit_profile("name", "Ana");
    a.settle();
    b.platform.clock += 2;
    b.wb.tick(); // b's write is queued with base revision 0, but storage now holds revision 1
    REQUIRE(b.platform.queued() == 2); // the profile and this device's preferences
    const uint64_t stored_revision = store.records["profile"].revision;
    b.platform.deliver();
    CHECK(store.records["profile"].revision == stored_revision + 1); // refused, merged, then written on top
    CHECK(stored_field(store, "profile", "name") == "Ana");
    b.settle();
    CHECK(stored_field(store, "profile", "name") == "Ana");
    CHECK(stored_field(store, "profile", "role") == "Librarian");
}

TEST_CASE("when both tabs change the same field, the losing tab keeps both texts and says so") {
    SharedStore store;
    Tab a(store), b(store);
    a.edit_profile("focus", "Co-teach research with grade 5.");
    b.edit_profile("focus", "Start a maker club.");
    a.settle();
    b.settle();
    // b lost the race: its text stays in the field, the other tab's is kept beside it.
    CHECK(b.wb.profile().focus == "Start a maker club.");
    const auto conflicts = b.wb.conflicts();
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].key == "profile");
    CHECK(conflicts[0].conflict.path == "/focus");
    CHECK(conflicts[0].conflict.theirs == "Co-teach research with grade 5.");
    bool told = false;
    for (const Notice& n : b.wb.notices()) told |= n.text.find("also changed in another tab; both versions are kept") != std::string::npos;
    CHECK(told);
    // Stored: one record with both texts, so nothing is lost even if b closes now.
    const nlohmann::json doc = stored_doc(store, "profile");
    CHECK(json_string(doc, "focus") == "Start a maker club.");
    CHECK(doc["_conflicts"][0]["theirs"] == "Co-teach research with grade 5.");
    // a picks up the stored version, conflict included, so either tab can settle it.
    CHECK(a.wb.profile().focus == "Start a maker club.");
    CHECK(a.wb.conflicts().size() == 1);

    SUBCASE("keeping both joins the texts") {
        b.wb.resolve_conflict("profile", conflicts[0].conflict.index, ConflictChoice::Both);
        b.settle();
        CHECK(stored_field(store, "profile", "focus") == "Start a maker club.\n\nCo-teach research with grade 5.");
        CHECK_FALSE(stored_doc(store, "profile").contains("_conflicts"));
        CHECK(a.wb.conflicts().empty());
    }
    SUBCASE("keeping the other tab's text, then undoing the choice") {
        b.wb.resolve_conflict("profile", conflicts[0].conflict.index, ConflictChoice::Theirs);
        CHECK(b.wb.profile().focus == "Co-teach research with grade 5.");
        b.wb.undo();
        CHECK(b.wb.profile().focus == "Start a maker club.");
        CHECK(b.wb.conflicts().size() == 1);
    }
}

TEST_CASE("undo never brings back a version another tab replaced") {
    SharedStore store;
    Tab a(store), b(store);
    a.edit_profile("name", "Ana");
    a.settle();
    REQUIRE(a.wb.can_undo());
    b.edit_profile("name", "Ana Pérez");
    b.settle();
    CHECK(a.wb.profile().name == "Ana Pérez");
    // a's "Edit name" step would write back a version b replaced: it is gone from a's history.
    CHECK_FALSE(a.wb.can_undo());
    a.wb.undo();
    a.settle();
    CHECK(stored_field(store, "profile", "name") == "Ana Pérez");
}

TEST_CASE("a change made while the same document's write is in flight is written when the page is hidden") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    a.settle();
    a.edit_profile("role", "Librarian");
    a.platform.clock += 2;
    a.wb.tick();
    REQUIRE(a.platform.queued() == 1); // the role's write is in flight
    a.edit_profile("school", "Lincoln");
    a.wb.flush();                      // the page is hidden; no timer will run after this
    a.platform.deliver();              // the first write completes...
    a.platform.deliver();              // ...and the second starts at once, without a timer
    CHECK(stored_field(store, "profile", "school") == "Lincoln");
    CHECK(a.wb.save_status().text == "Saved");
}

TEST_CASE("a document written by a newer Wayfinder in another tab stops this tab writing") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    a.settle();
    a.edit_profile("role", "Librarian");
    // A newer build in another tab stored a profile version this build cannot read.
    store.records["profile"] = {R"({"type":"wayfinder.profile","version":99,"name":"Ana","role":"x"})", 7};
    a.wb.on_external_write("profile", 7, store.records["profile"].text);
    a.settle();
    CHECK(a.wb.reload_required());
    CHECK(a.wb.save_status().text.find("Reload this tab") != std::string::npos);
    CHECK(store.records["profile"].revision == 7); // never overwritten
    // The change this tab could not save is kept aside.
    REQUIRE(store.backups.size() == 1);
    CHECK(store.backups.begin()->second.find("Librarian") != std::string::npos);
}

TEST_CASE("a stored document this build cannot read is kept byte for byte through edits") {
    SharedStore store;
    const std::string damaged = R"({"type":"wayfinder.profile","version":"two","name":"Ana")"; // cut off
    const std::string newer = R"({"type":"wayfinder.goal","version":42,"title":"From the future"})";
    store.records["profile"] = {damaged, 3};
    store.records["goal/2027-01-01-x"] = {newer, 2};
    Tab a(store);
    CHECK(a.wb.unreadable().size() == 2);
    CHECK_FALSE(a.wb.readable("profile"));
    a.edit_profile("name", "Someone");
    a.wb.update_document("goal/2027-01-01-x", nlohmann::json{{"type", "wayfinder.goal"}}, "Edit goal");
    a.settle();
    CHECK(*store.text("profile") == damaged);
    CHECK(*store.text("goal/2027-01-01-x") == newer);
    // The backup carries them, and Export this item gives the stored bytes.
    a.wb.export_workspace();
    REQUIRE(a.platform.downloads.size() == 1);
    const ImportPlan reopened = plan_workspace_import(a.platform.downloads[0].text);
    CHECK(reopened.ok); // the backup still opens here
    const nlohmann::json file = nlohmann::json::parse(a.platform.downloads[0].text);
    CHECK(file["unreadable"]["profile"] == damaged);
    CHECK_FALSE(file["documents"].contains("profile")); // no default standing in for it
    CHECK(file["unreadable"]["goal/2027-01-01-x"] == newer);
    a.platform.downloads.clear();
    a.wb.export_unreadable("profile");
    REQUIRE(a.platform.downloads.size() == 1);
    CHECK(a.platform.downloads[0].text == damaged);
}

TEST_CASE("an import goes ahead only after the copy of the current data is committed") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    a.settle();
    const std::string file = R"({"type":"wayfinder.workspace","version":1,"documents":{"profile":{"type":"wayfinder.profile","version":1,"name":"Bea"}}})";
    a.wb.on_file_opened("backup.json", std::vector<uint8_t>(file.begin(), file.end()));
    REQUIRE(a.wb.staged_import());
    a.wb.confirm_import();
    CHECK(a.wb.import_waiting_for_backup());
    CHECK(a.wb.profile().name == "Ana"); // nothing replaced before the copy is safe
    a.platform.deliver();
    CHECK(store.backups.size() == 1);
    CHECK(store.backups.begin()->second.find("\"Ana\"") != std::string::npos);
    CHECK(a.wb.profile().name == "Bea");
    a.settle();
    CHECK(stored_field(store, "profile", "name") == "Bea");
}

TEST_CASE("the backup reminder comes after a week of edits with no backup, and not before") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    a.settle();
    CHECK_FALSE(a.wb.backup_reminder_due());
    a.platform.clock += 6.9 * 24 * 3600;
    CHECK_FALSE(a.wb.backup_reminder_due());
    a.platform.clock += 0.2 * 24 * 3600;
    CHECK(a.wb.backup_reminder_due());
    a.wb.snooze_backup_reminder();
    CHECK_FALSE(a.wb.backup_reminder_due());
    a.platform.clock += 7.1 * 24 * 3600;
    CHECK(a.wb.backup_reminder_due());
    a.wb.export_workspace();
    CHECK_FALSE(a.wb.backup_reminder_due());
    CHECK(a.wb.last_backup_ms() == a.platform.epoch_ms());
}
