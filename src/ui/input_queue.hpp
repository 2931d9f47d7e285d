// The browser's input, turned into what ImGui sees each frame. Events queue as they arrive (several
// may come between two frames) and are "trickled" into ImGui's IO: a press and its release in one
// frame would be a lost click, and a press at a new pointer position must wait until ImGui has seen
// the pointer there. Also what a key does before ImGui sees it: the app's shortcuts (undo, redo,
// save), Tab, and the browser's own shortcuts left alone.
#pragma once
#include <deque>

struct ImGuiIO;

namespace wf { class Workbench; }

namespace wf::ui {

struct UiState;

// ImGui 1.86 keys are indices into io.KeysDown; library_wayfinder.js sends these. The letters, digits
// and +/- after KeyS are the map canvases' shortcuts (N new note, D duplicate, K laser, P present,
// Shift+0 / Shift+1 / Shift+2 zoom to 100 %, fit all, fit the selection; + and - zoom).
enum Key { KeyNone, KeyTab, KeyLeft, KeyRight, KeyUp, KeyDown, KeyPageUp, KeyPageDown, KeyHome, KeyEnd, KeyDelete,
           KeyBackspace, KeySpace, KeyEnter, KeyEscape, KeyA, KeyC, KeyV, KeyX, KeyY, KeyZ, KeyS,
           KeyN, KeyD, KeyK, KeyP, Key0, Key1, Key2, KeyPlus, KeyMinus, KeyCount };

// Points ImGui's key map at the Key values above.
void map_keys(ImGuiIO& io);

struct InputEvent {
    enum class Type { Move, Button, Leave, Wheel, Key, Focus } type;
    float x = 0, y = 0;     // Move/Button: CSS px; Wheel: CSS px deltas
    int code = 0;           // Button: mouse button (0 left, 1 right, 2 middle); Key: a Key
    bool down = false;      // Button/Key: pressed; Focus: the page gained focus
};

class InputQueue {
public:
    void push(const InputEvent& e) { events_.push_back(e); }
    void set_modifiers(bool ctrl, bool shift, bool alt) { ctrl_ = ctrl; shift_ = shift; alt_ = alt; }
    bool empty() const { return events_.empty(); }

    // Applies queued events to `io` for the coming frame, as ImGui 1.87's own input queue does: it
    // stops before a second transition of the same button or key, and a press that comes with a new
    // pointer position waits one frame, so ImGui sees the pointer over the item first (after
    // keyboard focus moved, ImGui ignores hover until the mouse has moved). `device_per_css`: device
    // pixels per CSS pixel. Returns true when events are left for the next frame.
    bool apply(ImGuiIO& io, float device_per_css);

private:
    std::deque<InputEvent> events_;
    bool ctrl_ = false, shift_ = false, alt_ = false;
};

// What the web adapter does after a key went through on_key.
struct KeyResult {
    bool handled = false;    // the app took the key: the browser's default is prevented
    bool redraw = false;     // a frame is wanted
    bool settle = false;     // ...and a couple after it, for hover and layout (focus moved or input queued)
    bool frame_now = false;  // run a frame at once, inside the user's gesture (a field may open its editor)
};

// A key from the browser (`key` a Key; down or up; the modifiers held). Ctrl+Z undoes, Ctrl+Y and
// Ctrl+Shift+Z redo, Ctrl+S saves now; other Ctrl keys are the browser's (Ctrl+L, Ctrl+T, Ctrl+R,
// zoom, copy and paste are never taken), except Ctrl+A and Ctrl+D while a map canvas holds the
// keyboard. Tab and Shift+Tab move focus through UiState. While a map canvas holds the keyboard,
// its keys (arrows, Delete, Enter, Escape, Space, N, +, -, digits, K, P) go to it (UiState's
// canvas_keys), not to ImGui's navigation. Enter activates the focused control as Space does (ImGui
// 1.86 keeps Enter for text input); every other key is queued for ImGui.
KeyResult on_key(Workbench& wb, UiState& ui, InputQueue& input, int key, bool down, bool ctrl, bool shift, bool alt);

} // namespace wf::ui
