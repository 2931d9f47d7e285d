// View state: which page is shown, the text field being edited, keyboard focus order, requests the
// platform layer carries out after the frame. None of it is saved (documents live in Workbench).
// Views and widgets never call the platform: what they want of it (the native editor, a snapshot, a
// file picker) is asked for here, and what they read of it (today's date) is put here for them.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/canvas.hpp"
#include "core/dates.hpp"
#include "core/text_memo.hpp"
#include "platform/platform.hpp"
#include "ui/present_state.hpp"

struct ImGuiWindow;
typedef unsigned int ImGuiID;

namespace wf::ui {

enum class Page { Home, SelfAssessment, LetsTalk, MicroCredential, Reviewing, Settings };

// The native editor placed over one field while it is edited. The model owns the value: the
// editor's changes arrive here and the field applies them on its next frame.
struct TextEditSession {
    ImGuiID field_id = 0;          // 0 = no field is being edited
    bool date_input = false;       // true: the browser's date input (<input type=date>), else its text editor
    bool has_new_text = false;     // text arrived from the editor since the field last looked
    std::string text;              // the editor's text; a date input's value ("2026-12-01", or "")
    bool date_complete = true;     // date input only: false while a date is partly typed in it
    bool open_calendar = false;    // date input only: its calendar is to open with it (asked for with the mouse)
    bool read_on_close = false;    // the field takes the text only when the editor closes (a typed date)
    bool closing = false;          // the editor is closing: this frame is the field's last look at the text
    std::string shown;             // what the editor holds, as far as the app knows: the field's value
                                   // differing from it means the model changed under the editor (undo, another tab)
    float content_height_css = 0;  // the editor's scroll height, so the field can grow to fit
    bool seen_this_frame = false;  // a session whose field vanished (page change) is closed
};

// What the native editor is to do when the frame ends. The last request of a frame stands: a field
// being edited asks again every frame (the page may have scrolled), and a frame that lost the field
// asks for the editor to be hidden.
struct EditorRequest {
    enum class Action { None, Show, Hide } action = Action::None;
    TextEditRequest show;          // Action::Show: where and how (also moves an open editor)
};

// What a button asks of the platform itself, carried out by the platform layer after the frame
// (still inside the click, so a browser that wants a user gesture for it sees one).
enum class PlatformRequest { ReloadPage, LiveBackupChoose, LiveBackupResume, LiveBackupStop };

struct Focusable { ImGuiID id; ImGuiWindow* window; };

// What text fields work out from their text, kept per paragraph (see ParagraphSums).
struct TextFieldMemos {
    ParagraphSums<float, std::pair<float, float>> wrapped_height;   // by wrap width and font size
    ParagraphSums<int> word_count;
};

// What a date field says about the last text typed into it that could not be taken as a date (the
// field's value is unchanged), by field id; cleared when a date is taken.
using FieldProblems = std::map<ImGuiID, std::string>;

// Where the librarian is inside the Self-assessment page.
enum class AssessmentView { Overview, Take, Results, Goal };
// Where the librarian is inside the Let's Talk page: "" = the list of journeys.
struct LetsTalkUi {
    std::string journey_id;
    std::map<std::string, std::string> drafts; // text typed into an "Add …" field, not yet added
    std::string moving_item;       // the Venn note whose region is being chosen
    std::string deleting_id;       // the journey whose deletion is being confirmed
    bool include_private = false;  // guides and journey files include the private continuum
};

// One map canvas as its viewer left it: where it looks, what is selected, what the pointer is doing.
// View state only: never saved, never shared.
struct CanvasUi {
    canvas::ViewTransform view;    // scale 1 = 100 % (world units are CSS px at 100 %)
    bool fitted = false;           // false: fit the map to the canvas when it is next drawn
    std::vector<std::string> selection;   // note ids
    std::string focused;           // the note with keyboard focus (Tab, arrows); "" = the canvas itself
    enum class Drag { None, Pending, Notes, Pan, Box } drag = Drag::None;
    canvas::Vec2 press_screen;     // where the press was (device px)
    canvas::Vec2 press_world;      // ...in world units, with the view at the press
    std::string pressed_note;      // the note under the press; "" = empty space
    bool press_shift = false;      // Shift was held at the press (box select, add to the selection)
    canvas::Vec2 drag_delta;       // Notes: how far the selection has been dragged (world units)
};

// A zoom asked for by a gesture the page itself would otherwise take (a trackpad pinch, which the
// browser sends as Ctrl+wheel; a two-finger touch pinch), gathered between two frames and taken by
// the canvas under its centre.
struct CanvasGesture {
    double factor = 1;             // 1 = none
    canvas::Vec2 at;               // CSS px
    canvas::Vec2 pan;              // CSS px the fingers' centre moved (a touch pinch also pans)
};

// A key pressed while a map canvas held the keyboard: the canvas, not ImGui's navigation, takes it.
struct CanvasKey {
    int key = 0;                   // input_queue.hpp's Key
    bool shift = false, ctrl = false;
};

// --- issue 12, reviewer: where the librarian is inside the Reviews page: "" = the list of reviews.
struct ReviewingUi {
    std::string id;                // the review in progress shown ("<submission id>:<round>")
    std::string removing_id;       // the review whose removal is being confirmed
};

struct AssessmentUi {
    AssessmentView view = AssessmentView::Overview;
    std::string id;                // the assessment being taken or viewed
    std::string compare_id;        // an earlier assessment drawn over the results; "" = none
    std::string goal_id;           // the goal being edited
    AssessmentView goal_return = AssessmentView::Overview; // where closing the goal form goes back to
    std::string pack_id;           // framework chosen for a new assessment; "" = the default
    std::string renaming_id;       // the assessment whose title is being edited
    std::string wedge_area;        // the area last tapped on the results wheel: its score is shown; "" = none
    bool fit_wheel = false;        // the results wheel is sized to fit the window, labels and all
    int results_frame = -1;        // the ImGui frame that last drew the results (to tell when they appear)
};

// The micro-credential page (candidate): what is being added to each evidence item, not yet added.
struct CredentialUi {
    std::map<std::string, int> adding;         // evidence item id -> the kind being added (EvidenceKind), -1 none
    std::map<std::string, std::string> drafts; // "<evidence id>/<field>" -> text typed, not yet added
    bool show_about = false;                   // the competency, method and resources are unfolded
    std::string removing;                      // the entry whose removal is being confirmed
    int badge_scale = 2;                       // 1, 2 or 3: the size of the badge PNG
};

// What the screen-reader mirror has been told (automation::announce), so each change is said once.
struct Spoken {
    bool saved = true;                 // "Saved" was said since the last change (or nothing changed yet)
    double notices_until = 0;          // notices shown up to this time were said
    std::string step;                  // the Let's Talk step last shown: "<journey>/<step>"
    std::vector<std::string> banners, banners_now;   // banners shown last frame, and this frame
};

struct UiState {
    Page page = Page::Home;
    Page shown_page = Page::Home;  // the page drawn last frame
    std::string shown_view;        // what the page showed last frame (see show_view)
    TextEditSession edit;
    EditorRequest editor;          // carried out by the platform layer after the frame
    TextFieldMemos memos;
    FieldProblems date_problems;
    float pixel_ratio = 1.0f;      // device pixels per CSS pixel (devicePixelRatio)
    float scale = 1.0f;            // device pixels per design pixel (devicePixelRatio x UI scale)
    bool snapshot_frame = false;   // drawing offscreen for a PNG: no chrome, no editor, no records
    // Keyboard focus: Tab walks the focusables in drawing order (ImGui 1.86 only tabs between text inputs).
    std::vector<Focusable> focus_order, last_focus_order;
    int tab_request = 0;           // +1 Tab, -1 Shift+Tab, consumed at the start of the next frame
    ImGuiID focus_request = 0;     // the item that takes focus when it is next drawn
    bool focus_opens_editor = true; // Tab into a text field edits it; Escape leaves it focused, closed
    AssessmentUi assessment;
    LetsTalkUi lets_talk;
    ReviewingUi reviewing;         // issue 12, reviewer
    CredentialUi credential;       // the micro-credential page (candidate)
    std::map<std::string, CanvasUi> canvases;   // by journey id and map ("<journey>/<map>")
    CanvasGesture gesture;         // taken (and reset) by the canvas under it in the next frame
    std::vector<CanvasKey> canvas_keys;   // keys for the canvas that held the keyboard last frame
    int canvas_keys_frame = -1;    // the ImGui frame in which a map canvas last held the keyboard
    bool space_held = false;       // Space is down: a drag pans, wherever it starts
    CssRect touch_area;            // where a touch drags a note or pans a map (the visible canvas); w 0 = none
    // The clock and calendar as views read them, set by the platform layer before each frame: the
    // time, the local time zone, today's local date ("2026-11-29") and how the browser's language
    // writes numeric dates (1/12/2026).
    int64_t now_ms = 0;
    int tz_offset_minutes = 0;
    std::string today;
    DateOrder date_order = DateOrder::MonthDayYear;
    bool reduced_motion = false;   // prefers-reduced-motion, set the same way: nothing animates (no laser trail)
    std::vector<PlatformRequest> platform_requests;
    int snapshot_request = 0;      // 1, 2 or 3: export a PNG of the current page at that scale
    MapSnapshotRequest map_snapshot;   // export a PNG of a whole map (present_state.hpp)
    PresentUi present;             // screen-share mode (present_state.hpp)
    bool open_file_request = false;
    Spoken spoken;
};

} // namespace wf::ui
