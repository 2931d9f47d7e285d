// Views never call the platform: what a button asks of it waits in UiState for the platform layer,
// and what views read of it (the time) is put there before each frame.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "ui/app_view.hpp"
#include "ui/ui_state.hpp"

using namespace wf;
using wf::test::find_item;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

TEST_CASE("the backup file's buttons ask the platform through UiState, for the platform layer to carry out after the frame") {
    SharedStore store;
    Tab tab(store);
    HeadlessImGui imgui(1000, 5000);   // tall enough for the whole settings page
    imgui.own_window = false;
    ui::UiState state;
    state.page = ui::Page::Settings;
    state.now_ms = tab.platform.epoch_ms();
    state.today = tab.wb.today();
    tab.wb.on_live_backup(Workbench::LiveBackup::Off, "", "");
    const auto draw = [&] { ui::draw_app(tab.wb, state); };
    imgui.frames_until_idle(draw);
    imgui.frames_until_idle(draw);

    const automation::Record* keep = find_item("Keep a backup file up to date…", "button");
    REQUIRE(keep);
    CHECK(find_item("No backup has been exported from this browser yet.", "status"));
    imgui.point_and_click(keep->x + keep->w / 2, keep->y + keep->h / 2, draw);
    REQUIRE(state.platform_requests.size() == 1);
    CHECK(state.platform_requests[0] == ui::PlatformRequest::LiveBackupChoose);
    state.platform_requests.clear();

    tab.wb.on_live_backup(Workbench::LiveBackup::On, "wayfinder-backup.json", "");
    imgui.frames_until_idle(draw);
    const automation::Record* stop = find_item("Stop updating the backup file", "button");
    REQUIRE(stop);
    imgui.point_and_click(stop->x + 5, stop->y + 5, draw);
    REQUIRE(state.platform_requests.size() == 1);
    CHECK(state.platform_requests[0] == ui::PlatformRequest::LiveBackupStop);
}

TEST_CASE("how long ago the last backup was exported is read from the time UiState gives") {
    SharedStore store;
    Tab tab(store);
    tab.wb.export_workspace();
    HeadlessImGui imgui(1000, 5000);
    imgui.own_window = false;
    ui::UiState state;
    state.page = ui::Page::Settings;
    state.now_ms = tab.platform.epoch_ms() + 3 * 24 * 3600 * 1000LL;
    const auto draw = [&] { ui::draw_app(tab.wb, state); };
    imgui.frames_until_idle(draw);
    bool found = false;
    for (const automation::Record& r : automation::items())
        if (r.role == "status" && r.label.find("Last backup exported from this browser") == 0) {
            found = true;
            CHECK(r.label.find("(3 days ago).") != std::string::npos);
        }
    CHECK(found);
}
