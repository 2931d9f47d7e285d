// Screen-share mode (ui/present_mode): the map alone, private notes hidden until asked for, notes
// revealed one at a time, and text sized for a 1280x720 share.
#include <doctest/doctest.h>

#include "app/builtin_packs.hpp"
#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "app/lets_talk.hpp"
#include "core/venn_regions.hpp"
#include "ui/app_view.hpp"
#include "ui/present_mode.hpp"

using namespace wf;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {
size_t notes_on_screen() {
    size_t n = 0;
    for (const automation::Record& r : automation::items()) n += r.role == "note";
    return n;
}
bool any_role(const std::string& role) {
    for (const automation::Record& r : automation::items())
        if (r.role == role) return true;
    return false;
}
} // namespace

TEST_CASE("screen-share mode draws the map without the sidebar, hides the private continuum until asked, and reveals notes one at a time") {
    SharedStore store;
    Tab tab(store);
    use_builtin_packs(tab.wb);
    LetsTalk& lt = tab.wb.lets_talk();
    const std::string id = lt.start("With Ms. Rivera");
    lt.add_guide_phrase(id, "cp-feedback");
    lt.add_continuum_phrase(id, "Trying a new tool in front of a class");
    HeadlessImGui imgui(1280, 720);
    imgui.own_window = false;
    ui::UiState state;
    state.page = ui::Page::LetsTalk;
    state.lets_talk.journey_id = id;
    const auto draw = [&] { ui::draw_app(tab.wb, state); };
    imgui.frame(draw);
    REQUIRE(any_role("tab"));

    ui::start_presenting(state, id, MapKind::Continuum);
    imgui.frame(draw);
    CHECK_FALSE(any_role("tab"));
    CHECK(notes_on_screen() == 0);                    // the continuum is private by default
    CHECK(wf::test::find_item("2 private notes hidden", "status") != nullptr);
    CHECK(state.present.text_scale > 1.0f);          // a 2,400-unit map on 1280 px: larger text to read

    state.present.show_private = true;
    imgui.frame(draw);
    CHECK(notes_on_screen() == 2);

    state.present.revealed = 0;
    state.canvas_keys.push_back({ui::KeyRight, false, false});
    imgui.frame(draw);
    CHECK(notes_on_screen() == 1);
    CHECK(wf::test::find_item("1 of 2 notes shown", "status") != nullptr);

    state.canvas_keys.push_back({ui::KeyEscape, false, false});
    imgui.frame(draw);
    imgui.frame(draw);
    CHECK_FALSE(state.present.active);
    CHECK(any_role("tab"));
}

TEST_CASE("on a 1280x720 share every map's notes read at 16 CSS px or more, and no map's text goes past 250 %") {
    SharedStore store;
    Tab tab(store);
    use_builtin_packs(tab.wb);
    LetsTalk& lt = tab.wb.lets_talk();
    const std::string id = lt.start("");
    // Each map as a librarian fills it: a row of habits, a note in every part of the Venn and one
    // still to place, priorities with strengths beside them, two possible areas and a plan.
    lt.add_guide_phrase(id, "cp-feedback");
    for (int i = 0; i < 8; i++) lt.add_continuum_phrase(id, "A habit I notice in meetings, number " + std::to_string(i));
    for (const int region : all_regions()) lt.place_venn_note(id, lt.add_venn_note(id, std::string("Plans meet: ") + region_name(region)), region);
    lt.add_venn_note(id, "Digital citizenship week");
    const std::string reading = lt.add_priority(id, "Every student reading at grade level");
    lt.add_priority(id, "Students as creators");
    lt.place_beside(id, lt.add_map_strength(id, "Book clubs in every grade"), reading);
    lt.add_map_strength(id, "Maker space after school");
    lt.add_candidate(id, AgreementCandidate{});
    lt.set_candidate_title(id, 0, "A school-wide reading challenge");
    lt.add_candidate(id, AgreementCandidate{});
    lt.set_candidate_title(id, 1, "Research skills in science");
    lt.agree_on(id, lt.journey(id)->agreement.candidates[0].id);
    for (const auto field : {LetsTalk::PlanField::Who, LetsTalk::PlanField::When, LetsTalk::PlanField::What, LetsTalk::PlanField::Where})
        lt.add_plan_note(id, field, "Decided together at the meeting");

    HeadlessImGui imgui(1280, 720);
    const canvas::Vec2 share{1280, 658};   // the window less the controls' row
    for (const MapKind kind : {MapKind::Continuum, MapKind::Venn, MapKind::Collaboration, MapKind::Agreement}) {
        CAPTURE(int(kind));
        const MapScene scene = map_scene(*lt.journey(id), kind);
        REQUIRE(scene.notes.size() >= 4);
        const float t = ui::readable_text_scale(scene, share);
        ui::CanvasLook look;
        look.text_scale = t;
        const double css_px = ui::kNoteTextPx * t * ui::present_view(scene, look, share).scale;
        CHECK(css_px >= ui::kSharedTextCssPx - 0.01);
        CHECK(t <= ui::kMaxPresentTextScale);
    }
}

TEST_CASE("on a 1280x720 share the Venn's circles fill the height, with the notes inside them") {
    SharedStore store;
    Tab tab(store);
    use_builtin_packs(tab.wb);
    LetsTalk& lt = tab.wb.lets_talk();
    const std::string id = lt.start("");
    lt.place_venn_note(id, lt.add_venn_note(id, "Family literacy nights"), kVennSchool);
    HeadlessImGui imgui(1280, 720);
    const canvas::Vec2 share{1280, 658};
    const MapScene scene = map_scene(*lt.journey(id), MapKind::Venn);
    ui::CanvasLook look;
    look.text_scale = ui::readable_text_scale(scene, share);
    const canvas::ViewTransform view = ui::present_view(scene, look, share);
    double top = 1e9, bottom = -1e9;
    for (const TemplateShape& s : map_template(MapKind::Venn).shapes)
        if (s.kind == TemplateShape::Kind::Circle) {
            top = std::min(top, view.to_screen({0, s.box.y0}, {0, 0}).y);
            bottom = std::max(bottom, view.to_screen({0, s.box.y1}, {0, 0}).y);
        }
    CHECK(top >= 0);
    CHECK(bottom <= share.y);
    CHECK(bottom - top >= share.y - 2 * 16 - 0.5);   // all but the margin
}

TEST_CASE("with reduced motion asked for, the laser pointer shows where it points and leaves no trail to fade") {
    SharedStore store;
    Tab tab(store);
    use_builtin_packs(tab.wb);
    const std::string id = tab.wb.lets_talk().start("With Ms. Rivera");
    HeadlessImGui imgui(1280, 720);
    imgui.own_window = false;
    ui::UiState state;
    state.page = ui::Page::LetsTalk;
    state.lets_talk.journey_id = id;
    const auto draw = [&] { ui::draw_app(tab.wb, state); };
    ui::start_presenting(state, id, MapKind::Venn);
    state.present.laser = true;
    // The pointer swept across the map, a frame for each step, as the web layer draws them: the
    // platform's setting and the clock copied in before each frame.
    const auto sweep = [&] {
        for (float x = 300; x <= 900; x += 50) {
            tab.platform.clock += 0.016;
            state.now_ms = tab.platform.epoch_ms();
            state.reduced_motion = tab.platform.prefers_reduced_motion();
            imgui.move(x, 400);
            imgui.frame(draw);
        }
    };

    sweep();
    REQUIRE(state.present.laser);
    CHECK(state.present.trail.size() > 1);      // without the setting, the path is kept while it fades
    CHECK(state.present.fading);

    tab.platform.reduced_motion = true;
    sweep();
    CHECK(state.present.laser);
    CHECK(state.present.trail.empty());
    CHECK_FALSE(state.present.fading);          // so no frames are drawn to fade it
}
