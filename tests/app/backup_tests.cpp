// Backups from the app layer: the exported file, the file kept up to date, and the refusal to write
// a backup that could not be opened again.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "core/workspace_file.hpp"

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;

TEST_CASE("an exported backup opens again with everything in it") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("name", "Ana Pérez");
    a.wb.export_workspace();
    REQUIRE(a.platform.downloads.size() == 1);
    CHECK(a.platform.downloads[0].name.rfind("wayfinder-workspace-", 0) == 0);
    const ImportPlan plan = plan_workspace_import(a.platform.downloads[0].text);
    REQUIRE(plan.ok);
    CHECK(plan.documents.at("profile")["name"] == "Ana Pérez");
}

TEST_CASE("a backup that could not be opened again is not written, and the librarian is told why") {
    SharedStore store;
    Tab a(store);
    a.edit_profile("focus", std::string(40u << 20, 'x')); // 40 MB of text: past what an import opens
    a.wb.export_workspace();
    CHECK(a.platform.downloads.empty());
    REQUIRE_FALSE(a.wb.notices().empty());
    CHECK(a.wb.notices().back().text.rfind("No backup was written", 0) == 0);
    CHECK(a.wb.last_backup_ms() == 0);
}

TEST_CASE("a backup file kept up to date is rewritten when every change is saved") {
    SharedStore store;
    Tab a(store);
    a.wb.on_live_backup(Workbench::LiveBackup::On, "wayfinder-backup.json", "");
    CHECK(a.platform.live_backup_text.find("\"documents\"") != std::string::npos);
    a.edit_profile("role", "Teacher librarian");
    CHECK(a.platform.live_backup_text.find("Teacher librarian") == std::string::npos); // not before it is saved
    a.settle();
    CHECK(a.platform.live_backup_text.find("Teacher librarian") != std::string::npos);
    CHECK_FALSE(a.wb.backup_reminder_due());
}
