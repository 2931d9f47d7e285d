// PNG snapshots of a page (ui/snapshot_export): their size, the frames that draw them, and what is
// saved and said for each outcome. Only the GPU's part stays in the web adapter.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "core/png_snapshot.hpp"
#include "ui/snapshot_export.hpp"
#include "ui/widgets.hpp"

using namespace wf;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

TEST_CASE("a snapshot is 960 pixels wide per scale step, at 1x to 3x, and no taller than the GPU can draw") {
    const ui::SnapshotPlan two = ui::plan_snapshot(2, 8192);
    CHECK(two.scale == 2.0f);
    CHECK(two.width == 1920.0f);
    CHECK(two.max_height == 8192);
    CHECK(ui::plan_snapshot(0, 4096).width == 960.0f);
    CHECK(ui::plan_snapshot(9, 4096).width == 2880.0f);
    CHECK(ui::plan_snapshot(1, 0).max_height == 4096);   // the GPU said nothing: WebGL2's guaranteed size

    // A page longer than the GPU's largest texture is cut there; a page is at least a pixel tall.
    const ui::SnapshotPlan one = ui::plan_snapshot(1, 4096);
    CHECK(ui::snapshot_height(one, 812.2f) == 813);
    CHECK(ui::snapshot_height(one, 30000.0f) == 4096);
    CHECK(ui::snapshot_height(one, 0.0f) == 1);
}

TEST_CASE("a snapshot that could not be drawn says so and saves nothing") {
    SharedStore store;
    Tab tab(store);
    ui::UiState state;
    const ui::SnapshotPlan plan = ui::plan_snapshot(1, 4096);
    ui::save_snapshot(tab.wb, state, plan, 20, {});
    CHECK(tab.platform.downloads.empty());
    REQUIRE(tab.wb.notices().size() == 1);
    CHECK(tab.wb.notices()[0].kind == Notice::Kind::Error);
    CHECK(tab.wb.notices()[0].text == "The snapshot could not be drawn. Try a smaller snapshot size in Data & settings.");
}

TEST_CASE("a drawn snapshot is saved as a PNG named for the page and the day, carrying the workspace, and its size is said") {
    SharedStore store;
    Tab tab(store);
    tab.edit_profile("name", "Ada");
    ui::UiState state;
    const ui::SnapshotPlan plan = ui::plan_snapshot(1, 4096);
    const std::vector<uint8_t> pixels((size_t)960 * 20 * 4, 0xFF);
    ui::save_snapshot(tab.wb, state, plan, 20, pixels);

    REQUIRE(tab.platform.downloads.size() == 1);
    const std::string name = tab.platform.downloads[0].name;
    CHECK(name == "wayfinder-snapshot-home-" + tab.wb.today() + ".png");
    REQUIRE(tab.wb.notices().size() == 1);
    CHECK(tab.wb.notices()[0].kind == Notice::Kind::Success);
    CHECK(tab.wb.notices()[0].text == "Saved the picture " + name + " (960 × 20 pixels).");

    const std::string& png = tab.platform.downloads[0].text;
    const PngText carried = read_png_text(reinterpret_cast<const uint8_t*>(png.data()), png.size(), kSnapshotKeyword);
    REQUIRE(carried.ok);
    CHECK(carried.width == 960);
    CHECK(carried.height == 20);
    CHECK(carried.text == tab.wb.workspace_share_text());
    CHECK(carried.text.find("Ada") != std::string::npos);
}

TEST_CASE("a snapshot draws the page alone, settled, at the snapshot's scale, without automation records or an editor") {
    SharedStore store;
    Tab tab(store);
    HeadlessImGui imgui;
    ui::UiState state;
    imgui.frame([] { ui::heading("Before"); });
    REQUIRE(wf::test::find_item("Before", "heading"));

    const ui::SnapshotPlan plan = ui::plan_snapshot(1, 4096);
    const int height = ui::draw_snapshot(tab.wb, state, plan);
    CHECK(height > 100);
    CHECK(height < 4096);
    CHECK(state.snapshot_frame);
    CHECK(state.scale == 1.0f);
    CHECK(ImGui::GetDrawData()->DisplaySize.y == (float)height);
    CHECK(ImGui::GetDrawData()->DisplaySize.x == 960.0f);
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
    CHECK(state.editor.action == ui::EditorRequest::Action::None);
    CHECK(wf::test::find_item("Before", "heading"));   // the screen's records stay as they were
}
