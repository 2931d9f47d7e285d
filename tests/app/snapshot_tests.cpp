// PNG snapshots of a page (ui/snapshot_export): their size, the frames that draw them, and what is
// saved and said for each outcome. Only the GPU's part stays in the web adapter.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>

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

// --- map snapshots -------------------------------------------------------------------------------

TEST_CASE("a map snapshot is the map's whole size times the scale, and the GPU's smallest limit sets its tiles") {
    const canvas::Rect world{-24, -24, 1176, 776};   // 1200 x 800 world units
    const ui::MapSnapshotPlan one = ui::plan_map_snapshot(1, world, 4096);
    const ui::MapSnapshotPlan three = ui::plan_map_snapshot(3, world, 4096);
    CHECK(one.width == 1200);
    CHECK(one.height == 800);
    CHECK(three.width == 3 * one.width);
    CHECK(three.height == 3 * one.height);
    CHECK(three.scale == 3.0f);
    CHECK_FALSE(three.scaled_down);
    CHECK(three.tiles.size() == 1);   // 3600 x 2400 fits one 4096 target
    // The biggest map, the Venn, at 3x is drawn at 3x.
    CHECK_FALSE(ui::plan_map_snapshot(3, canvas::Rect{-24, -24, 2924, 2124}, 4096).scaled_down);

    // The least of the texture, renderbuffer and viewport limits; a test may ask for less; never tiny.
    CHECK(ui::snapshot_tile_limit(4000, 2048, 4000, 3000, 0) == 2048);
    CHECK(ui::snapshot_tile_limit(4000, 4000, 4000, 1500, 0) == 1500);
    CHECK(ui::snapshot_tile_limit(16384, 16384, 16384, 16384, 0) == ui::kMaxSnapshotTile);   // memory, not the GPU, limits
    CHECK(ui::snapshot_tile_limit(0, 0, 0, 0, 0) == 4096);   // nothing reported: WebGL2's guaranteed size
    CHECK(ui::snapshot_tile_limit(8192, 8192, 8192, 8192, 500) == 500);
    CHECK(ui::snapshot_tile_limit(8192, 8192, 8192, 8192, 3) == 64);
    CHECK(ui::snapshot_tile_limit(2048, 8192, 8192, 8192, 4000) == 2048);
}

TEST_CASE("a map bigger than the GPU's largest target is drawn in tiles that cover the picture exactly once") {
    const canvas::Rect world{0, 0, 1200, 800};
    const ui::MapSnapshotPlan plan = ui::plan_map_snapshot(3, world, 1000);   // 3600 x 2400 in 1000 px tiles
    REQUIRE(plan.tiles.size() == 4 * 3);
    std::vector<int> covered((size_t)plan.width * (size_t)plan.height, 0);
    for (const ui::SnapshotTile& t : plan.tiles) {
        CHECK(t.width > 0);
        CHECK(t.height > 0);
        CHECK(t.width <= 1000);
        CHECK(t.height <= 1000);
        for (int y = t.y; y < t.y + t.height; y++)
            for (int x = t.x; x < t.x + t.width; x++) covered[(size_t)y * (size_t)plan.width + (size_t)x]++;
    }
    CHECK(std::all_of(covered.begin(), covered.end(), [](int n) { return n == 1; }));
    CHECK(plan.tiles.back().width == 600);
    CHECK(plan.tiles.back().height == 400);
}

TEST_CASE("tiles pasted into the picture give back the picture, with nothing doubled or missing at the seams") {
    const ui::MapSnapshotPlan plan = ui::plan_map_snapshot(1, canvas::Rect{0, 0, 150, 70}, 64);
    REQUIRE(plan.tiles.size() == 3 * 2);
    auto colour_at = [](int x, int y) { return std::array<uint8_t, 4>{(uint8_t)x, (uint8_t)y, (uint8_t)(x ^ y), 255}; };
    std::vector<uint8_t> picture((size_t)plan.width * (size_t)plan.height * 4, 0);
    for (const ui::SnapshotTile& t : plan.tiles) {
        std::vector<uint8_t> pixels;
        for (int y = 0; y < t.height; y++)
            for (int x = 0; x < t.width; x++)
                for (uint8_t c : colour_at(t.x + x, t.y + y)) pixels.push_back(c);
        ui::paste_tile(picture, plan, t, pixels);
    }
    for (int y = 0; y < plan.height; y++)
        for (int x = 0; x < plan.width; x++) {
            const auto want = colour_at(x, y);
            const uint8_t* got = &picture[((size_t)y * (size_t)plan.width + (size_t)x) * 4];
            CAPTURE(x);
            CAPTURE(y);
            REQUIRE(std::equal(want.begin(), want.end(), got));
        }
}

TEST_CASE("a map too big to hold at 3x is drawn smaller, whole, and no wider than Wayfinder opens again") {
    const ui::MapSnapshotPlan plan = ui::plan_map_snapshot(3, canvas::Rect{0, 0, 9000, 7000}, 4096);
    CHECK(plan.scaled_down);
    CHECK(plan.scale < 3.0f);
    CHECK((double)plan.width * plan.height <= ui::kMaxSnapshotPixels * 1.001);
    CHECK(plan.width <= (int)PngLimits{}.max_width);
    CHECK(plan.width == doctest::Approx(9000 * plan.scale).epsilon(0.001));
    CHECK(plan.tiles.size() > 1);
    const ui::MapSnapshotPlan wide = ui::plan_map_snapshot(1, canvas::Rect{0, 0, 20000, 100}, 4096);
    CHECK(wide.width <= (int)PngLimits{}.max_width);
    CHECK(wide.scaled_down);
}
