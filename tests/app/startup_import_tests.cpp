// Start-up, autosave and import, from the app layer over the fake platform: what a librarian sees
// and what storage holds when documents are damaged, writes fail, or a file replaces the workspace.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "core/assessment.hpp"
#include "core/document_registry.hpp"
#include "core/goal.hpp"
#include "core/item_file.hpp"
#include "core/journey.hpp"
#include "core/json_fields.hpp"
#include "core/sample_assessment.hpp"
#include "core/workspace_file.hpp"

#include <algorithm>

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;
using nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string goal_text(const std::string& id, const std::string& statement) {
    json goal = new_document(goal_schema());
    goal["id"] = id;
    goal["statement"] = statement;
    return goal.dump();
}

std::string profile_text(const std::string& name) {
    json profile = new_document(profile_schema());
    profile["name"] = name;
    return profile.dump();
}

std::vector<uint8_t> bytes(const std::string& text) { return std::vector<uint8_t>(text.begin(), text.end()); }

// The profile's name as storage holds it ("" when none is stored).
std::string stored_name(const SharedStore& store) {
    const std::optional<std::string> text = store.text("profile");
    return text ? json_string(json::parse(*text), "name") : std::string();
}

const std::string kQuotaReason = "the browser's storage for this site is full.";

} // namespace

// [SECTION] Start-up -------------------------------------------------------------------------------

TEST_CASE("start-up opens good documents and keeps unreadable and unknown ones byte for byte, each with its reason") {
    SharedStore store;
    const std::string cut = R"({"type":"wayfinder.journey","version":1,"name":"Spr)";
    const std::string unknown = R"({"type":"wayfinder.canvas","version":1,"title":"Made later"})";
    const std::string newer = R"({"type":"wayfinder.goal","version":42,"statement":"From the future"})";
    const std::string not_a_document = R"(["a", "list"])";
    store.records["profile"] = {profile_text("Ana"), 4};
    store.records["goal:g1"] = {goal_text("g1", "Read more"), 2};
    store.records["journey:j1"] = {cut, 3};
    store.records["canvas:c1"] = {unknown, 1};
    store.records["goal:g2"] = {newer, 5};
    store.records["goal:g3"] = {not_a_document, 1};
    store.records["goal:gone"] = {std::nullopt, 6}; // removed: not a document, not unreadable

    Tab a(store);
    CHECK(a.wb.loaded());
    CHECK(a.wb.profile().name == "Ana");
    REQUIRE(a.wb.document("goal:g1"));
    CHECK((*a.wb.document("goal:g1"))["statement"] == "Read more");
    CHECK_FALSE(a.wb.document("goal:gone"));

    const auto& unreadable = a.wb.unreadable();
    REQUIRE(unreadable.size() == 4);
    CHECK(unreadable.at("journey:j1").why == RestoreReason::NotJson);
    CHECK(unreadable.at("canvas:c1").why == RestoreReason::UnknownType);
    CHECK(unreadable.at("goal:g2").why == RestoreReason::NewerVersion);
    CHECK(unreadable.at("goal:g3").why == RestoreReason::UnknownType); // a list says no type
    // The sentence Data & settings shows is the one restore_failure_text() makes of the reason.
    for (const auto& entry : unreadable) {
        const Workbench::Unreadable& item = entry.second;
        CAPTURE(entry.first);
        CHECK(item.reason == restore_stored_document(item.text).error);
        CHECK_FALSE(item.reason.empty());
    }
    CHECK(unreadable.at("canvas:c1").reason == "It holds \"wayfinder.canvas\", which this version of Wayfinder does not "
                                               "know. It was probably made by a newer Wayfinder: reload while online to update.");
    CHECK(contains(unreadable.at("goal:g2").reason, "made by a newer version of Wayfinder (goal version 42"));
    CHECK(contains(unreadable.at("journey:j1").reason, "It is damaged: "));
    REQUIRE_FALSE(a.wb.notices().empty());
    CHECK(a.wb.notices().back().kind == Notice::Kind::Error);
    CHECK(contains(a.wb.notices().back().text, "4 saved items could not be read"));
    CHECK_FALSE(a.wb.workspace_empty());

    // Edits of the good documents are saved; the unreadable ones are never replaced, not even by a
    // default on the next edit, nor by a new document made under the same key.
    a.edit_profile("name", "Ana Pérez");
    a.wb.update_document("goal:g2", json::parse(goal_text("g2", "Overwrite")), "Edit goal");
    a.wb.update_document("journey:j1", new_document(journey_schema()), "Start journey");
    a.settle();
    CHECK(stored_name(store) == "Ana Pérez");
    CHECK(*store.text("journey:j1") == cut);
    CHECK(*store.text("canvas:c1") == unknown);
    CHECK(*store.text("goal:g2") == newer);
    CHECK(*store.text("goal:g3") == not_a_document);
    CHECK(store.records["goal:g2"].revision == 5);
    CHECK(contains(a.wb.notices().back().text, "never overwrites it"));

    // The next start finds them as they were, with the same reasons.
    Tab again(store);
    CHECK(again.wb.unreadable().size() == 4);
    CHECK(again.wb.unreadable().at("goal:g2").text == newer);
    CHECK(again.wb.profile().name == "Ana Pérez");
}

TEST_CASE("a stored document too large to open is kept and listed as too large") {
    SharedStore store;
    const std::string huge = R"({"type":"wayfinder.goal","version":1,"statement":")" + std::string(33u << 20, 'x') + "\"}";
    store.records["goal:big"] = {huge, 1};
    Tab a(store);
    REQUIRE(a.wb.unreadable().count("goal:big"));
    CHECK(a.wb.unreadable().at("goal:big").why == RestoreReason::TooLarge);
    CHECK(contains(a.wb.unreadable().at("goal:big").reason, "too large to open"));
    CHECK(contains(a.wb.notices().back().text, "One saved item could not be read"));
    a.edit_profile("name", "Ana");
    a.settle();
    CHECK(store.text("goal:big")->size() == huge.size());
}

TEST_CASE("when storage cannot be opened, nothing is written and the status says so") {
    SharedStore store;
    {
        wf::test::FakePlatform platform(store);
        Workbench wb(platform, "test");
        platform.workbench = &wb;
        wb.on_storage_unavailable("this browser is in private mode.");
        CHECK(wb.loaded());
        CHECK(wb.storage_temporary());
        Profile p = wb.profile();
        p.name = "Ana";
        wb.set_profile(p, "name");
        platform.clock += 5;
        wb.tick();
        CHECK(platform.queued() == 0);
        CHECK(wb.save_status().state == SaveState::Failed);
        CHECK(contains(wb.save_status().text, "this browser is in private mode."));
        CHECK(store.records.empty());
    }
}

// [SECTION] Autosave -------------------------------------------------------------------------------

TEST_CASE("a failed write leaves the change unsaved, says why, and is tried again until it is saved") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    CHECK(a.wb.save_status().state == SaveState::Pending);
    CHECK(a.platform.unsaved_guard);
    CHECK(a.platform.queued() == 0); // typing does not write on every key: the pause comes first

    store.failing_writes = {"the disk could not be written.", "the disk could not be written."};
    a.platform.clock += 1.5;
    a.wb.tick();
    CHECK(a.platform.deliver() == 2); // the profile, and the prefs noting the first edit since a backup
    CHECK(a.wb.save_status().state == SaveState::Failed);
    CHECK(contains(a.wb.save_status().text, "Not saved: the disk could not be written."));
    CHECK(a.wb.has_unsaved());
    CHECK(a.platform.unsaved_guard);
    CHECK_FALSE(store.text("profile"));
    REQUIRE(a.platform.wake);
    CHECK(*a.platform.wake > a.platform.clock); // a retry is scheduled, not a busy loop

    a.platform.clock = *a.platform.wake;
    a.wb.tick();
    CHECK(a.platform.deliver() == 2);
    CHECK(a.wb.save_status().text == "Saved");
    CHECK_FALSE(a.platform.unsaved_guard);
    CHECK(stored_name(store) == "Ana");
}

TEST_CASE("a full storage quota is said in the browser's words, nothing is lost, and the next change is saved once there is room") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    store.failing_writes.assign(6, kQuotaReason);
    for (int attempt = 0; attempt < 3; attempt++) {
        a.platform.clock += 6;
        a.wb.tick();
        CHECK(a.platform.deliver() == 2); // the profile and the prefs, each refused
        CHECK(a.wb.save_status().state == SaveState::Failed);
        CHECK(contains(a.wb.save_status().text, kQuotaReason));
    }
    CHECK(a.wb.profile().name == "Ana"); // still here to be saved, or exported
    a.edit_profile("role", "Teacher librarian");
    a.settle();
    CHECK(a.wb.save_status().text == "Saved");
    const json stored = json::parse(*store.text("profile"));
    CHECK(stored["name"] == "Ana");
    CHECK(stored["role"] == "Teacher librarian");
}

TEST_CASE("a flush writes every change at once, and an update waits for it to be saved") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    a.wb.update_document("goal:g1", json::parse(goal_text("g1", "Read more")), "Add goal");
    a.wb.flush(); // the page is being hidden: no pause
    CHECK(a.platform.queued() == 3); // the profile, the goal, and the prefs noting the first edit since a backup
    CHECK(a.wb.save_status().state == SaveState::Saving);

    a.wb.on_update_ready();
    a.wb.apply_update_when_saved();
    CHECK(a.platform.updates_applied == 0); // never reloads over unsaved work
    CHECK(a.wb.update_waiting_for_save());
    a.platform.deliver();
    CHECK(a.wb.save_status().text == "Saved");
    CHECK(a.platform.updates_applied == 1);
    CHECK(stored_name(store) == "Ana");
    CHECK(store.text("goal:g1"));
}

TEST_CASE("a flush whose writes fail for want of room keeps the changes, and waits before trying again") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana");
    store.failing_writes.assign(50, kQuotaReason);
    a.wb.flush();
    // One attempt per document, then the retry timer: a full disk is not hammered write after write.
    CHECK(a.platform.deliver() == 2);
    CHECK(store.failing_writes.size() == 48);
    CHECK(a.wb.has_unsaved());
    CHECK(a.platform.unsaved_guard);
    CHECK(contains(a.wb.save_status().text, kQuotaReason));
    a.wb.on_update_ready();
    a.wb.apply_update_when_saved(); // flushes again: one more attempt each
    CHECK(a.platform.deliver() == 2);
    CHECK(a.platform.updates_applied == 0);

    store.failing_writes.clear(); // room again
    REQUIRE(a.platform.wake);
    a.platform.clock = *a.platform.wake;
    a.wb.tick();
    a.platform.deliver();
    CHECK(a.wb.save_status().text == "Saved");
    CHECK(stored_name(store) == "Ana");
    CHECK(a.platform.updates_applied == 1); // the update went ahead once everything was saved
}

// [SECTION] Import -----------------------------------------------------------------------------------

namespace {

std::string workspace_file(const std::string& name, const std::string& goal_key, const std::string& statement) {
    return R"({"type":"wayfinder.workspace","version":1,"exported_at":"2026-11-20T14:05:09Z","documents":{)"
           R"("profile":)" + profile_text(name) + R"(,")" + goal_key + R"(":)" + goal_text(goal_key.substr(5), statement) +
           R"(,"prefs":{"type":"wayfinder.prefs","version":1,"theme":"dark"}}})";
}

// Ana's workspace, saved: her profile, one goal, and a dark theme on this device.
void ana_workspace(Tab& a) {
    a.edit_profile("name", "Ana");
    a.wb.update_document("goal:mine", json::parse(goal_text("mine", "Read more")), "Add goal");
    Prefs prefs = a.wb.prefs();
    prefs.theme = "high-contrast";
    a.wb.set_prefs(prefs);
    a.settle();
}

} // namespace

TEST_CASE("a workspace file is staged with what it holds, and nothing changes until it is confirmed") {
    SharedStore store;
    Tab a(store);
    ana_workspace(a);
    a.wb.on_file_opened("bea.json", bytes(workspace_file("Bea", "goal:hers", "Write more")));
    const ImportPlan* staged = a.wb.staged_import();
    REQUIRE(staged);
    CHECK(a.wb.staged_import_name() == "bea.json");
    CHECK(staged->summary == std::vector<std::string>{"Profile of Bea", "Exported 2026-11-20"});
    CHECK_FALSE(staged->documents.count("prefs")); // the other device's settings stay there
    CHECK(a.wb.profile().name == "Ana");
    CHECK(a.wb.document("goal:mine"));
    CHECK_FALSE(a.wb.document("goal:hers"));

    a.wb.cancel_import();
    CHECK_FALSE(a.wb.staged_import());
    a.platform.deliver();
    CHECK(store.backups.empty());
    CHECK(a.wb.profile().name == "Ana");
    const bool import_undoable = a.wb.can_undo() && contains(a.wb.undo_label(), "Import");
    CHECK_FALSE(import_undoable);
}

TEST_CASE("a confirmed import replaces the workspace after a copy is kept, and one undo brings all of it back") {
    SharedStore store;
    Tab a(store);
    ana_workspace(a);
    a.wb.on_file_opened("bea.json", bytes(workspace_file("Bea", "goal:hers", "Write more")));
    a.wb.confirm_import();
    a.platform.deliver(); // the copy of Ana's data is committed first
    REQUIRE(store.backups.size() == 1);
    CHECK(contains(store.backups.begin()->second, "Read more"));
    CHECK(a.wb.profile().name == "Bea");
    CHECK(a.wb.document("goal:hers"));
    CHECK_FALSE(a.wb.document("goal:mine"));
    CHECK(a.wb.prefs().theme == "high-contrast"); // this device's settings are not the file's
    CHECK(contains(a.wb.notices().back().text, "Imported bea.json. Your previous data was kept as a copy"));
    a.settle();
    CHECK(stored_name(store) == "Bea");
    CHECK_FALSE(store.text("goal:mine")); // removed in storage too
    CHECK(store.text("goal:hers"));

    REQUIRE(a.wb.can_undo());
    CHECK(a.wb.undo_label() == "Import bea.json");
    a.wb.undo();
    CHECK(a.wb.profile().name == "Ana");
    CHECK(a.wb.document("goal:mine"));
    CHECK_FALSE(a.wb.document("goal:hers"));
    a.settle();
    CHECK(stored_name(store) == "Ana");
    CHECK(store.text("goal:mine"));
    CHECK_FALSE(store.text("goal:hers"));
    CHECK(json::parse(*store.text("prefs"))["theme"] == "high-contrast");

    a.wb.redo();
    a.settle();
    CHECK(stored_name(store) == "Bea");
}

TEST_CASE("an import whose copy of the current data could not be kept changes nothing and says why") {
    SharedStore store;
    Tab a(store);
    ana_workspace(a);
    a.wb.on_file_opened("bea.json", bytes(workspace_file("Bea", "goal:hers", "Write more")));
    store.fail_next_backup = "the storage is full.";
    a.wb.confirm_import();
    a.platform.deliver();
    CHECK_FALSE(a.wb.staged_import());
    CHECK_FALSE(a.wb.import_waiting_for_backup());
    CHECK(a.wb.profile().name == "Ana");
    CHECK(a.wb.document("goal:mine"));
    CHECK(a.wb.notices().back().text == "Nothing was imported: Wayfinder could not first keep a copy of your current "
                                        "data (the storage is full.). Export a backup from Data & settings, then try again.");
    a.settle();
    CHECK(stored_name(store) == "Ana");
}

TEST_CASE("a file that cannot be restored is not staged; the message carries the reason's sentence") {
    SharedStore store;
    Tab a(store);
    ana_workspace(a);
    const std::string newer = R"({"type":"wayfinder.workspace","version":1,"documents":{"goal:x":{"type":"wayfinder.goal","version":9}}})";
    const ImportPlan plan = plan_workspace_import(newer);
    CHECK(plan.reason == RestoreReason::NewerVersion);
    a.wb.on_file_opened("future.json", bytes(newer));
    CHECK_FALSE(a.wb.staged_import());
    CHECK(a.wb.notices().back().kind == Notice::Kind::Error);
    CHECK(a.wb.notices().back().text == "\"future.json\" was not opened. " + plan.error + " Nothing was changed.");
    CHECK(contains(plan.error, "made by a newer version of Wayfinder (goal version 9"));

    a.wb.on_file_opened("cut.json", bytes(R"({"type":"wayfinder.workspace","version":1,"docu)"));
    CHECK_FALSE(a.wb.staged_import());
    CHECK(contains(a.wb.notices().back().text, "\"cut.json\" was not opened."));
    CHECK(a.wb.profile().name == "Ana");
}

TEST_CASE("a single-item file is added as a copy beside what is there, and undo removes it") {
    SharedStore store;
    Tab a(store);
    ana_workspace(a);
    json assessment = new_assessment_doc(wf::test::sample_pack(), "a1", "Fall check-in", "2026-09-01T10:00:00Z");
    const std::string file = item_share_text(assessment, ExportInfo{"2026-11-20T14:05:09Z", "test"});
    a.wb.on_file_opened("fall.json", bytes(file));
    const std::vector<std::string> first = a.wb.keys_with_prefix("assessment:");
    a.wb.on_file_opened("fall.json", bytes(file)); // twice: two copies, never an overwrite
    std::vector<std::string> added = a.wb.keys_with_prefix("assessment:");
    REQUIRE(first.size() == 1);
    REQUIRE(added.size() == 2);
    added.erase(std::find(added.begin(), added.end(), first[0]));
    added.insert(added.begin(), first[0]); // added[1] is the second copy
    CHECK(added[0] != "assessment:a1");
    CHECK(json_string(*a.wb.document(added[0]), "title") == "Fall check-in");
    CHECK(json_string(*a.wb.document(added[1]), "title") == "Fall check-in");
    CHECK(contains(a.wb.notices().back().text, "Added Self-assessment: Fall check-in from \"fall.json\". Undo removes it."));
    CHECK(a.wb.profile().name == "Ana"); // nothing else changed
    a.settle();
    CHECK(store.text(added[1]));

    a.wb.undo();
    CHECK(a.wb.keys_with_prefix("assessment:") == std::vector<std::string>{added[0]});
    a.settle();
    CHECK_FALSE(store.text(added[1]));

    // An item of a newer version is refused with its reason's sentence.
    assessment["version"] = 7;
    const std::string newer = item_export_text(assessment, ExportInfo{"2026-11-20T14:05:09Z", "test"});
    CHECK(plan_item_import(newer, true, "x").reason == RestoreReason::NewerVersion);
    a.wb.on_file_opened("newer.json", bytes(newer));
    CHECK(contains(a.wb.notices().back().text, "\"newer.json\" was not opened. This self-assessment was made by a newer version"));
    CHECK(a.wb.keys_with_prefix("assessment:").size() == 1);
}
