#include "ui/input_queue.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>

#include "app/workbench.hpp"
#include "ui/ui_state.hpp"

namespace wf::ui {

// [SECTION] Key map
// [SECTION] Trickling
// [SECTION] Keys and shortcuts

// [SECTION] Key map ---------------------------------------------------------------------------------

void map_keys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = KeyTab;
    io.KeyMap[ImGuiKey_LeftArrow] = KeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = KeyRight;
    io.KeyMap[ImGuiKey_UpArrow] = KeyUp;
    io.KeyMap[ImGuiKey_DownArrow] = KeyDown;
    io.KeyMap[ImGuiKey_PageUp] = KeyPageUp;
    io.KeyMap[ImGuiKey_PageDown] = KeyPageDown;
    io.KeyMap[ImGuiKey_Home] = KeyHome;
    io.KeyMap[ImGuiKey_End] = KeyEnd;
    io.KeyMap[ImGuiKey_Delete] = KeyDelete;
    io.KeyMap[ImGuiKey_Backspace] = KeyBackspace;
    io.KeyMap[ImGuiKey_Space] = KeySpace;
    io.KeyMap[ImGuiKey_Enter] = KeyEnter;
    io.KeyMap[ImGuiKey_Escape] = KeyEscape;
    io.KeyMap[ImGuiKey_A] = KeyA;
    io.KeyMap[ImGuiKey_C] = KeyC;
    io.KeyMap[ImGuiKey_V] = KeyV;
    io.KeyMap[ImGuiKey_X] = KeyX;
    io.KeyMap[ImGuiKey_Y] = KeyY;
    io.KeyMap[ImGuiKey_Z] = KeyZ;
}

namespace {
// The keys a map canvas takes while it holds the keyboard.
bool canvas_takes(int key, bool ctrl) {
    if (ctrl) return key == KeyA || key == KeyD;
    switch (key) {
        case KeyLeft: case KeyRight: case KeyUp: case KeyDown: case KeyDelete: case KeyBackspace: case KeyEnter:
        case KeyEscape: case KeySpace: case KeyN: case KeyK: case KeyP: case Key0: case Key1: case Key2:
        case KeyPlus: case KeyMinus:
            return true;
        default:
            return false;
    }
}
} // namespace

// [SECTION] Trickling -------------------------------------------------------------------------------

bool InputQueue::apply(ImGuiIO& io, float k) {
    bool buttons_changed[5] = {}, keys_changed[KeyCount] = {};
    bool moved = false;
    while (!events_.empty()) {
        const InputEvent e = events_.front();
        if (e.type == InputEvent::Type::Button) {
            if (e.code < 0 || e.code >= 5) { events_.pop_front(); continue; }
            if (buttons_changed[e.code]) return true;
            // ImGui floors io.MousePos in NewFrame; compare like with like, or the press waits forever.
            const ImVec2 at(ImFloor(e.x * k), ImFloor(e.y * k));
            if (at.x != io.MousePos.x || at.y != io.MousePos.y) {
                io.MousePos = at;
                moved = true;
            }
            if (moved) return true;
            buttons_changed[e.code] = true;
            io.MouseDown[e.code] = e.down;
            // The mouse takes over from the keyboard: hide the focus ring first, as browsers do. A
            // ring left showing makes ImGui nudge the page toward its (maybe scrolled-away) item.
            if (e.down) GImGui->NavDisableHighlight = true;
        } else if (e.type == InputEvent::Type::Key) {
            if (e.code <= KeyNone || e.code >= KeyCount) { events_.pop_front(); continue; }
            if (keys_changed[e.code]) return true;
            keys_changed[e.code] = true;
            io.KeysDown[e.code] = e.down;
        } else if (e.type == InputEvent::Type::Move) {
            const ImVec2 at(ImFloor(e.x * k), ImFloor(e.y * k));
            moved = moved || at.x != io.MousePos.x || at.y != io.MousePos.y;
            io.MousePos = at;
        } else if (e.type == InputEvent::Type::Leave) {
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        } else if (e.type == InputEvent::Type::Wheel) {
            GImGui->NavDisableHighlight = true;
            // ImGui scrolls min(5 lines, 67 % of the window) per unit: convert pixels so trackpads scroll 1:1.
            const float step = ImMax(1.0f, 5.0f * ImGui::GetFontSize());
            io.MouseWheel -= e.y * k / step;
            io.MouseWheelH -= e.x * k / step;
        } else if (e.type == InputEvent::Type::Focus) {
            io.AddFocusEvent(e.down);
        }
        events_.pop_front();
    }
    io.KeyCtrl = ctrl_;
    io.KeyShift = shift_;
    io.KeyAlt = alt_;
    return false;
}

// [SECTION] Keys and shortcuts ----------------------------------------------------------------------

KeyResult on_key(Workbench& wb, UiState& ui, InputQueue& input, int key, bool down, bool ctrl, bool shift, bool alt) {
    KeyResult r;
    input.set_modifiers(ctrl, shift, alt);
    if (key <= KeyNone || key >= KeyCount) { r.redraw = true; return r; }   // a modifier: ImGui sees it next frame
    if (key == KeySpace) ui.space_held = down;
    // The canvas held the keyboard in the last frame (the frame count moves on only in NewFrame).
    if (GImGui && ui.canvas_keys_frame == ImGui::GetFrameCount() && canvas_takes(key, ctrl)) {
        r.handled = true;
        if (down && key != KeySpace) {
            ui.canvas_keys.push_back(CanvasKey{key, shift, ctrl});
            r.redraw = r.settle = r.frame_now = true;
        }
        return r;
    }
    if (ctrl) {
        if (!down) return r;
        if (key == KeyZ && !shift) wb.undo();
        else if ((key == KeyZ && shift) || key == KeyY) wb.redo();
        else if (key == KeyS) wb.flush();
        else return r;
        r.handled = true;
        return r;
    }
    r.handled = true;
    if (key == KeyTab) {
        if (down) {
            ui.tab_request = shift ? -1 : 1;
            r.redraw = r.settle = true;
        }
        return r;
    }
    // Enter activates the focused control, as Space does (ImGui 1.86 keeps Enter for text input).
    if (key == KeyEnter) key = KeySpace;
    input.push({InputEvent::Type::Key, 0, 0, key, down});
    r.redraw = r.settle = true;
    r.frame_now = down;
    return r;
}

} // namespace wf::ui
