// The step lists under a map (ui/lets_talk_steps) in a headless ImGui: a long list lays out and
// records only the rows on screen, and the keyboard and scrolling still reach every row.
#include <doctest/doctest.h>

#include <string>

#include "app/builtin_packs.hpp"
#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "app/lets_talk.hpp"
#include "ui/input_queue.hpp"
#include "ui/lets_talk_steps.hpp"
#include "ui/ui_state.hpp"
#include "ui/widgets.hpp"

using namespace wf;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

// Step 3 of a journey with `count` notes ("Note 1", "Note 2", ...) in the district circle, on a
// 1000x700 screen.
struct ResearchStep {
    HeadlessImGui imgui;
    SharedStore store;
    Tab tab{store};
    LetsTalk& lt = tab.wb.lets_talk();
    ui::UiState ui;
    std::string id;
    bool scroll_to_end = false;   // the next frame scrolls the page to its end, as the wheel would
    float scroll_max = 0;         // how far the page scrolled, as of the last frame

    explicit ResearchStep(int count) {
        use_builtin_packs(tab.wb);
        id = lt.start("Long list");
        for (int i = 1; i <= count; i++) lt.place_venn_note(id, lt.add_venn_note(id, "Note " + std::to_string(i)), kVennDistrict);
    }
    void draw() {
        ui::begin_widgets_frame(ui);
        if (scroll_to_end) ImGui::SetScrollY(ImGui::GetScrollMaxY());
        scroll_to_end = false;
        ui::step_work(tab.wb, ui, *lt.journey(id), "research");
        ui::end_widgets_frame(ui);
        scroll_max = ImGui::GetScrollMaxY();
    }
    void frames(int n = 3) { for (int i = 0; i < n; i++) imgui.frame([&] { draw(); }); }
    void key(int k, bool shift = false) {
        ui::on_key(tab.wb, ui, imgui.input, k, true, false, shift, false);
        ui::on_key(tab.wb, ui, imgui.input, k, false, false, shift, false);
        imgui.frames_until_idle([&] { draw(); });
    }

    static const automation::Record* row(int n) { return test::find_item("• Note " + std::to_string(n), "text"); }
    static int rows_recorded() {
        int rows = 0;
        for (const automation::Record& r : automation::items())
            if (r.label.rfind("• Note ", 0) == 0) rows++;
        return rows;
    }
    static int buttons_recorded(const std::string& label) {
        int buttons = 0;
        for (const automation::Record& r : automation::items())
            if (r.label == label && r.role == "button") buttons++;
        return buttons;
    }
    // The focused record, when it is the "Choose region" button of row n.
    static bool choosing_row_focused(int n) {
        const automation::Record* text = row(n);
        if (!text) return false;
        for (const automation::Record& r : automation::items())
            if (r.focused && r.label == "Choose region" && r.y > text->y && r.y < text->y + text->h + 40) return true;
        return false;
    }
};

} // namespace

TEST_CASE("a long list under the Venn map lays out and records only the rows on screen, and the page is as long as with every row") {
    ResearchStep step(200);
    step.frames(2);
    const float full_length = step.scroll_max;   // the page as the first frame laid it out, every row measured
    REQUIRE(full_length > 0);
    step.frames();
    CHECK(step.scroll_max == full_length);
    CHECK_FALSE(step.row(200));
    CHECK(step.rows_recorded() < 40);
    CHECK(ui::list_rows_laid_out() < 40);
    CHECK(step.buttons_recorded("Remove") < 40);

    step.scroll_to_end = true;
    step.frames();
    CHECK(step.scroll_max == full_length);
    const automation::Record* last = step.row(200);
    REQUIRE(last);
    CHECK_FALSE(last->clipped);
    CHECK(step.row(199));
    CHECK_FALSE(step.row(1));
    CHECK(step.rows_recorded() > 0);
    CHECK(ui::list_rows_laid_out() < 40);
}

TEST_CASE("Tab walks a long list row by row into the rows below the screen and brings each into view") {
    ResearchStep step(120);
    step.frames();
    REQUIRE_FALSE(step.row(100));
    int presses = 0;
    while (!step.choosing_row_focused(100) && presses < 1000) {
        step.key(ui::KeyTab);
        presses++;
    }
    REQUIRE(step.choosing_row_focused(100));
    CHECK_FALSE(step.row(100)->clipped);
    CHECK(ui::list_rows_laid_out() < 40);

    step.key(ui::KeyTab);   // on to the row's Remove button, then the next row
    step.key(ui::KeyTab);
    CHECK(step.choosing_row_focused(101));
    step.key(ui::KeyTab, true);
    step.key(ui::KeyTab, true);
    CHECK(step.choosing_row_focused(100));
}
