// The map canvas (ui/canvas_view) in a headless ImGui: what it draws, what it records for the
// browser tests, and what the mouse and keyboard do to the journey through LetsTalk's map commands.
#include <doctest/doctest.h>

#include <cmath>

#include "app/builtin_packs.hpp"
#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "app/lets_talk.hpp"
#include "ui/canvas_view.hpp"
#include "ui/input_queue.hpp"
#include "ui/ui_state.hpp"
#include "ui/widgets.hpp"

using namespace wf;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

// A journey with a Venn map on a canvas filling most of a 1000x700 screen.
struct VennCanvas {
    HeadlessImGui imgui;
    SharedStore store;
    Tab tab{store};
    LetsTalk& lt = tab.wb.lets_talk();
    ui::UiState ui;
    std::string id;

    VennCanvas() {
        use_builtin_packs(tab.wb);
        id = lt.start("Canvas");
    }
    void draw() {
        ui::begin_widgets_frame(ui);
        const std::shared_ptr<const Journey> j = lt.journey(id);
        ui::map_canvas(tab.wb, ui, *j, MapKind::Venn, canvas::Vec2{900, 500});
        ui::end_widgets_frame(ui);
    }
    void frames(int n = 3) { for (int i = 0; i < n; i++) imgui.frame([&] { draw(); }); }
    void settle() { imgui.frames_until_idle([&] { draw(); }); }

    const automation::Record* note(const std::string& text) { return test::find_item(text, "note"); }
    const automation::Record* region(const std::string& label) { return test::find_item(label, "region"); }
    static ImVec2 centre(const automation::Record& r) { return ImVec2(r.x + r.w / 2, r.y + r.h / 2); }

    void drag(ImVec2 from, ImVec2 to) {
        imgui.move(from.x, from.y);
        frames(1);
        imgui.press(from.x, from.y);
        settle();
        for (int k = 1; k <= 8; k++) {
            imgui.move(from.x + (to.x - from.x) * k / 8, from.y + (to.y - from.y) * k / 8);
            frames(1);
        }
        imgui.release(to.x, to.y);
        settle();
    }
    void key(int k, bool shift = false, bool ctrl = false) {
        ui::on_key(tab.wb, ui, imgui.input, k, true, ctrl, shift, false);
        ui::on_key(tab.wb, ui, imgui.input, k, false, ctrl, shift, false);
        settle();
    }
};

} // namespace

TEST_CASE("every note on a map is recorded with role note, its text and its region; each region at a free spot in it") {
    VennCanvas c;
    const std::string note = c.lt.add_venn_note(c.id, "Family literacy nights");
    c.lt.place_venn_note(c.id, note, kVennSchool);
    c.frames();
    const automation::Record* n = c.note("Family literacy nights");
    REQUIRE(n);
    CHECK(n->region == std::optional<std::string>("School only"));
    CHECK(n->w > 0);
    for (int region : all_regions()) CHECK(c.region(region_name(region)));
    CHECK(c.region("Not placed yet"));
}

TEST_CASE("a note dragged across the canvas lands in the region under it, as one undo step that puts it back") {
    VennCanvas c;
    const std::string note = c.lt.add_venn_note(c.id, "Family literacy nights");
    c.lt.place_venn_note(c.id, note, kVennSchool);
    c.tab.platform.clock += 5;
    c.frames();
    const automation::Record from = *c.note("Family literacy nights");
    const automation::Record lens = *c.region("District and school");
    c.drag(VennCanvas::centre(from), VennCanvas::centre(lens));
    REQUIRE(c.note("Family literacy nights"));
    CHECK(c.note("Family literacy nights")->region == std::optional<std::string>("District and school"));
    CHECK(c.lt.journey(c.id)->research.venn.front().region == (kVennDistrict | kVennSchool));

    c.tab.wb.undo();
    c.frames();
    CHECK(c.note("Family literacy nights")->region == std::optional<std::string>("School only"));
    CHECK(c.note("Family literacy nights")->x == doctest::Approx(from.x).epsilon(0.001));
}

TEST_CASE("while a note is dragged the region it would land in is named beside it, and nothing changes before the drop") {
    VennCanvas c;
    const std::string note = c.lt.add_venn_note(c.id, "Book fair");
    c.lt.place_venn_note(c.id, note, kVennSchool);
    c.frames();
    const ImVec2 from = VennCanvas::centre(*c.note("Book fair")), to = VennCanvas::centre(*c.region("District and school"));
    c.imgui.move(from.x, from.y);
    c.frames(1);
    c.imgui.press(from.x, from.y);
    c.settle();
    for (int k = 1; k <= 8; k++) {
        c.imgui.move(from.x + (to.x - from.x) * k / 8, from.y + (to.y - from.y) * k / 8);
        c.frames(1);
    }
    CHECK(test::find_item("Into: District and school", "status"));
    CHECK(c.lt.journey(c.id)->research.venn.front().region == kVennSchool);
    c.imgui.release(to.x, to.y);
    c.settle();
    CHECK_FALSE(test::find_item("Into: District and school", "status"));
}

TEST_CASE("the canvas takes its keys only while it holds the keyboard: N adds a note there and opens the editor over it") {
    VennCanvas c;
    c.frames();
    // Nothing holds the keyboard: N is an ordinary key, for ImGui.
    ui::on_key(c.tab.wb, c.ui, c.imgui.input, ui::KeyN, true, false, false, false);
    CHECK(c.ui.canvas_keys.empty());
    ui::on_key(c.tab.wb, c.ui, c.imgui.input, ui::KeyN, false, false, false, false);

    const automation::Record spot = *c.region("District only");
    c.imgui.point_and_click(spot.x + spot.w / 2, spot.y + spot.h / 2, [&] { c.draw(); });
    c.key(ui::KeyN);
    REQUIRE(c.lt.journey(c.id)->research.venn.size() == 1);
    CHECK(c.ui.edit.field_id != 0);
    CHECK(c.ui.editor.action == ui::EditorRequest::Action::Show);

    // What the editor sends is the note's text; Enter closes it, the note keeps the keyboard.
    c.ui.edit.text = "Summer reading";
    c.ui.edit.has_new_text = true;
    c.frames(1);
    CHECK(c.lt.journey(c.id)->research.venn.front().text == "Summer reading");
    const ImGuiID field = c.ui.edit.field_id;
    c.ui.edit = ui::TextEditSession{};
    c.ui.focus_request = field;
    c.ui.focus_opens_editor = false;
    c.frames();
    REQUIRE(c.note("Summer reading"));
    CHECK(c.note("Summer reading")->region == std::optional<std::string>("District only"));

    // Shift+Right steps right until the note crosses into the overlap.
    for (int i = 0; i < 12 && c.note("Summer reading")->region == std::optional<std::string>("District only"); i++)
        c.key(ui::KeyRight, true);
    CHECK(c.note("Summer reading")->region == std::optional<std::string>("District and school"));
}

TEST_CASE("Ctrl+A selects every note and Delete removes them in one step") {
    VennCanvas c;
    c.lt.add_venn_note(c.id, "One");
    c.lt.add_venn_note(c.id, "Two");
    c.tab.platform.clock += 5;
    c.frames();
    const automation::Record canvas = *test::find_item("District, school and library map", "canvas");
    c.imgui.point_and_click(canvas.x + 5, canvas.y + canvas.h - 5, [&] { c.draw(); });
    c.key(ui::KeyA, false, true);
    CHECK(c.note("One")->selected == std::optional<bool>(true));
    CHECK(c.note("Two")->selected == std::optional<bool>(true));
    c.key(ui::KeyDelete);
    CHECK(c.lt.journey(c.id)->research.venn.empty());
    c.tab.wb.undo();
    CHECK(c.lt.journey(c.id)->research.venn.size() == 2);
}

TEST_CASE("a zoom gesture (pinch, Ctrl+wheel) zooms around its centre: the world point under it stays") {
    VennCanvas c;
    c.lt.add_venn_note(c.id, "Book fair");
    c.frames();
    const automation::Record before = *c.note("Book fair");
    const ImVec2 at(before.x + before.w + 10, before.y + before.h / 2);
    c.ui.gesture.factor = 1.5;
    c.ui.gesture.at = canvas::Vec2{at.x, at.y};
    c.frames();
    const automation::Record after = *c.note("Book fair");
    CHECK(after.w == doctest::Approx(before.w * 1.5).epsilon(0.01));
    CHECK(after.x == doctest::Approx(at.x + (before.x - at.x) * 1.5).epsilon(0.002));
    CHECK(after.y == doctest::Approx(at.y + (before.y - at.y) * 1.5).epsilon(0.002));
}

TEST_CASE("draw_map draws only what is in view: a view moved away from every note draws far less") {
    VennCanvas c;
    for (int i = 0; i < 60; i++) c.lt.add_venn_note(c.id, "A note with a few words in it, number " + std::to_string(i));
    const std::shared_ptr<const Journey> j = c.lt.journey(c.id);
    const MapScene scene = map_scene(*j, MapKind::Venn);
    const auto vertices = [&](canvas::ViewTransform view) {
        int n = 0;
        c.imgui.frame([&] {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const int start = dl->VtxBuffer.Size;
            ui::draw_map(dl, scene, view, canvas::Vec2{0, 0}, canvas::Vec2{1000, 700}, ui::CanvasLook{});
            n = dl->VtxBuffer.Size - start;
        });
        return n;
    };
    const canvas::ViewTransform all = canvas::fit_to_content(map_template(MapKind::Venn).bounds, canvas::Vec2{1000, 700}, 0, 1);
    canvas::ViewTransform away = all;
    away.origin = canvas::Vec2{-20000, -20000};
    CHECK(vertices(away) * 20 < vertices(all));
}

namespace {
// Frames as the web adapter runs them for the zoomed font: the text sizes the frame asked for are
// weighed after it, `seconds` apart; a rebuild of the atlas happens between two frames.
ui::ZoomedFontStep zoomed_frame(VennCanvas& c, double& now) {
    c.imgui.frame([&] {
        ui::begin_text_sizes();
        c.draw();
    });
    const ui::ZoomedFontStep step = ui::zoomed_font_after_frame(now);
    if (step == ui::ZoomedFontStep::Rebuild) ui::build_fonts(1.0f);
    now += 0.05;
    return step;
}
} // namespace

TEST_CASE("note text zoomed to 200 % is drawn with a font rasterised at its size once the zoom settles; zoomed out, that font goes") {
    VennCanvas c;
    c.lt.add_venn_note(c.id, "Book fair");
    c.frames();
    ui::CanvasUi& cu = c.ui.canvases[c.id + "/venn"];
    // Zoomed around the note: it stays on the canvas.
    const auto zoom_to = [&](double scale) {
        const automation::Record n = *c.note("Book fair");
        c.ui.gesture.factor = scale / cu.view.scale;
        c.ui.gesture.at = canvas::Vec2{n.x + n.w / 2, n.y + n.h / 2};
        c.frames(1);
    };
    double now = 100;
    zoom_to(0.5);   // text 8.5 px: the test's body font is ImGui's own, 13 px
    for (int i = 0; i < 20 && zoomed_frame(c, now) != ui::ZoomedFontStep::Ready; i++) {}
    const automation::Record small = *c.note("Book fair");
    REQUIRE(small.text_px);
    CHECK(*small.font_px == 9);

    zoom_to(2.0);
    REQUIRE(cu.view.scale == doctest::Approx(2.0));
    // At first the text is drawn bigger than its font (blurred), for as long as the zoom may still move.
    CHECK(zoomed_frame(c, now) == ui::ZoomedFontStep::Settling);
    const automation::Record zooming = *c.note("Book fair");
    CHECK(*zooming.text_px == doctest::Approx(ui::kNoteTextPx * 2));
    CHECK(*zooming.font_px < *zooming.text_px);
    int frames = 0;
    while (zoomed_frame(c, now) != ui::ZoomedFontStep::Rebuild && frames < 20) frames++;
    CHECK(frames >= 2);   // 0.2 s of frames 0.05 s apart
    CHECK(zoomed_frame(c, now) == ui::ZoomedFontStep::Ready);
    const automation::Record zoomed = *c.note("Book fair");
    REQUIRE(ui::fonts().zoomed);
    CHECK(*zoomed.font_px == std::round(*zoomed.text_px));

    // Text the body font's own size needs no other font: the zoomed one is dropped from the atlas.
    zoom_to(12.5 / ui::kNoteTextPx);
    for (int i = 0; i < 20 && ui::fonts().zoomed; i++) zoomed_frame(c, now);
    CHECK_FALSE(ui::fonts().zoomed);
    CHECK(*c.note("Book fair")->font_px == 13);
}

TEST_CASE("the zoomed font is made at the text's own size, to the pixel; none for text the body font's size or too small to read") {
    CHECK(ui::zoomed_font_px(17, 20) == 17);
    CHECK(ui::zoomed_font_px(34.6f, 20) == 35);
    CHECK(ui::zoomed_font_px(34.2f, 20) == 34);
    CHECK(ui::zoomed_font_px(20, 20) == 0);
    CHECK(ui::zoomed_font_px(19.5f, 20) == 0);
    CHECK(ui::zoomed_font_px(3, 20) == 0);
    CHECK(ui::zoomed_font_px(5000, 20) == ui::kZoomedFontMaxPx);
    CHECK(ui::zoomed_font_px(std::nanf(""), 20) == 0);
}

TEST_CASE("a note scrolled off the canvas is not recorded, and Tab still reaches it and brings it into view") {
    VennCanvas c;
    const std::string a = c.lt.add_venn_note(c.id, "Book fair");
    c.lt.place_venn_note(c.id, a, kVennDistrict);
    const std::string b = c.lt.add_venn_note(c.id, "Maker Fridays");
    c.lt.place_venn_note(c.id, b, kVennLibrary);
    c.frames();
    const automation::Record first = *c.note("Book fair");
    c.ui.gesture.factor = 6;
    c.ui.gesture.at = canvas::Vec2{first.x + first.w / 2, first.y + first.h / 2};
    c.frames();
    REQUIRE(c.note("Book fair"));
    CHECK_FALSE(c.note("Maker Fridays"));

    const automation::Record zoomed = *c.note("Book fair");
    c.imgui.point_and_click(zoomed.x + zoomed.w / 2, zoomed.y + zoomed.h / 2, [&] { c.draw(); });
    REQUIRE(c.note("Book fair")->selected == std::optional<bool>(true));
    c.key(ui::KeyTab);
    const automation::Record* reached = c.note("Maker Fridays");
    REQUIRE(reached);
    CHECK(reached->selected == std::optional<bool>(true));
}
