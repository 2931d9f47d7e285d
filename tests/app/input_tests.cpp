// The browser's input as ImGui sees it (ui/input_queue): events trickled into frames so no click is
// lost, and what keys do before ImGui sees them (undo, redo, save, Tab).
#include <doctest/doctest.h>

#include <cmath>

#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "ui/ui_state.hpp"

using namespace wf;
using ui::InputEvent;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {
// A button at the window's top left; counts the frames in which it reported a click.
struct CountedButton {
    int clicks = 0;
    ImVec2 centre;
    void operator()() {
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        if (ImGui::Button("Add a note", ImVec2(120, 40))) clicks++;
        centre = ImGui::GetItemRectMin() + ImVec2(60, 20);
    }
};
} // namespace

TEST_CASE("a press and its release in one frame both reach ImGui, a frame apart: the click is not lost") {
    HeadlessImGui imgui;
    CountedButton button;
    imgui.frame([&] { button(); });
    imgui.move(button.centre.x, button.centre.y);
    imgui.frame([&] { button(); });   // the pointer is over the button before the click

    imgui.click(button.centre.x, button.centre.y);   // both arrive before the next frame
    CHECK(imgui.frame([&] { button(); }));            // the press is seen; the release waits
    CHECK(ImGui::GetIO().MouseDown[0]);
    CHECK(button.clicks == 0);
    CHECK_FALSE(imgui.frame([&] { button(); }));      // the release: the button is clicked
    CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
    CHECK(button.clicks == 1);
    imgui.frame([&] { button(); });
    CHECK(button.clicks == 1);
}

TEST_CASE("a press at a new pointer position waits one frame, so ImGui sees the pointer over the item first") {
    HeadlessImGui imgui;
    CountedButton button;
    imgui.frame([&] { button(); });
    imgui.click(button.centre.x, button.centre.y);   // a tap: no move before it

    CHECK(imgui.frame([&] { button(); }));
    CHECK(ImGui::GetIO().MousePos.x == std::floor(button.centre.x));
    CHECK_FALSE(ImGui::GetIO().MouseDown[0]);          // not yet pressed: the pointer moved this frame
    imgui.frames_until_idle([&] { button(); });
    CHECK(button.clicks == 1);
}

TEST_CASE("positions are floored to device pixels, the wheel moves by pixels, and a key press and release are both seen") {
    HeadlessImGui imgui;
    imgui.frame([] {});
    ImGuiIO& io = ImGui::GetIO();
    imgui.input.push({InputEvent::Type::Move, 10.3f, 20.8f});
    CHECK_FALSE(imgui.input.apply(io, 2.0f));
    CHECK(io.MousePos.x == 20.0f);
    CHECK(io.MousePos.y == 41.0f);

    // ImGui scrolls 5 lines per wheel unit: 5 lines' worth of pixels down is one unit.
    const float step = 5.0f * ImGui::GetFontSize();
    imgui.input.push({InputEvent::Type::Wheel, 0, step});
    CHECK_FALSE(imgui.input.apply(io, 1.0f));
    CHECK(io.MouseWheel == doctest::Approx(-1.0f));

    imgui.input.push({InputEvent::Type::Key, 0, 0, ui::KeySpace, true});
    imgui.input.push({InputEvent::Type::Key, 0, 0, ui::KeySpace, false});
    CHECK(imgui.input.apply(io, 1.0f));
    CHECK(io.KeysDown[ui::KeySpace]);
    CHECK_FALSE(imgui.input.apply(io, 1.0f));
    CHECK_FALSE(io.KeysDown[ui::KeySpace]);

    imgui.input.push({InputEvent::Type::Leave});
    imgui.input.apply(io, 1.0f);
    CHECK_FALSE(ImGui::IsMousePosValid(&io.MousePos));
}

TEST_CASE("Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, Ctrl+S saves now; the browser keeps its own shortcuts") {
    SharedStore store;
    Tab tab(store);
    tab.settle();
    ui::UiState state;
    ui::InputQueue input;
    tab.edit_profile("name", "Ada");
    REQUIRE(tab.wb.profile().name == "Ada");

    const ui::KeyResult undo = ui::on_key(tab.wb, state, input, ui::KeyZ, true, true, false, false);
    CHECK(undo.handled);
    CHECK(tab.wb.profile().name.empty());
    CHECK_FALSE(ui::on_key(tab.wb, state, input, ui::KeyZ, false, true, false, false).handled);   // the release

    CHECK(ui::on_key(tab.wb, state, input, ui::KeyY, true, true, false, false).handled);
    CHECK(tab.wb.profile().name == "Ada");
    tab.wb.undo();
    CHECK(ui::on_key(tab.wb, state, input, ui::KeyZ, true, true, true, false).handled);
    CHECK(tab.wb.profile().name == "Ada");

    // Saved at once, without waiting for the autosave pause.
    CHECK(tab.platform.queued() == 0);
    CHECK(ui::on_key(tab.wb, state, input, ui::KeyS, true, true, false, false).handled);
    CHECK(tab.platform.queued() > 0);

    // Copy, paste, select all: the browser's (a text editor over a field does them).
    for (int key : {ui::KeyC, ui::KeyV, ui::KeyX, ui::KeyA}) {
        const ui::KeyResult r = ui::on_key(tab.wb, state, input, key, true, true, false, false);
        CHECK_FALSE(r.handled);
        CHECK_FALSE(r.frame_now);
    }
    CHECK(input.empty());
    CHECK(tab.wb.profile().name == "Ada");
}

TEST_CASE("Tab and Shift+Tab move focus; Enter presses as Space does; other keys go to ImGui in a frame run at once") {
    SharedStore store;
    Tab tab(store);
    HeadlessImGui imgui;
    ui::UiState state;

    ui::KeyResult r = ui::on_key(tab.wb, state, imgui.input, ui::KeyTab, true, false, false, false);
    CHECK(r.handled);
    CHECK(r.settle);
    CHECK(state.tab_request == 1);
    r = ui::on_key(tab.wb, state, imgui.input, ui::KeyTab, true, false, true, false);
    CHECK(state.tab_request == -1);
    r = ui::on_key(tab.wb, state, imgui.input, ui::KeyTab, false, false, true, false);
    CHECK(r.handled);   // the release is the app's too, but asks for nothing
    CHECK_FALSE(r.redraw);
    CHECK(imgui.input.empty());

    r = ui::on_key(tab.wb, state, imgui.input, ui::KeyEnter, true, false, false, false);
    CHECK(r.handled);
    CHECK(r.frame_now);   // inside the key's gesture: a field it opens can take the browser's focus
    imgui.input.apply(ImGui::GetIO(), 1.0f);
    CHECK(ImGui::GetIO().KeysDown[ui::KeySpace]);
    CHECK_FALSE(ImGui::GetIO().KeysDown[ui::KeyEnter]);

    // A modifier alone is not a key the app knows: ImGui hears of it with the next frame.
    r = ui::on_key(tab.wb, state, imgui.input, ui::KeyNone, true, true, false, false);
    CHECK_FALSE(r.handled);
    CHECK(r.redraw);
    imgui.input.apply(ImGui::GetIO(), 1.0f);
    CHECK(ImGui::GetIO().KeyCtrl);
}
