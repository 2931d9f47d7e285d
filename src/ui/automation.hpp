// What is on screen, in words: each frame records the visible widgets (role, label, value, state,
// rectangle, the window they are in) through Dear ImGui's test-engine item hooks plus explicit
// records for text and status. Read-only from JS as window.wayfinder.items(); browser tests find
// widgets through it, and the screen-reader mirror (library_wayfinder.js) is built from the same
// records, to which mark_area and announce add the page's areas (landmarks, dialogs) and what is to
// be said: records of roles "area" and "say", which only the mirror's JSON (mirror_json) carries.
#pragma once
#include <optional>
#include <string>
#include <vector>

struct ImRect;
typedef unsigned int ImGuiID;

namespace wf::automation {

// A wedge of a results wheel: an area and how it was rated.
struct Wedge {
    std::optional<double> score;      // the wedge's fill, 0..1; none: the area is not rated
    bool rated = false;
    std::optional<std::string> level; // the nearest rating level's name
    float start = 0, end = 0;         // angles, radians
};

// One thing on screen. Rectangles are in device pixels; items_json() gives CSS pixels.
struct Record {
    ImGuiID id = 0;                   // the widget's ImGui id: stable from frame to frame; 0 for text
    ImGuiID parent = 0;               // the ImGui id of the window (or child window) it is drawn in
    ImGuiID area = 0;                 // the window marked as its area (see mark_area); 0: none
    std::string role;                 // "" = "button"
    std::string label;                // what a person reads (icon glyphs left out)
    bool named = false;               // the label was given by the widget, not read from ImGui's item label
    std::optional<std::string> value; // a text field's text; a picture's state (ui/image_view.hpp)
    std::optional<float> amount;      // a progress bar's fraction, 0..1 (read as "value")
    std::optional<std::string> hint;  // a text field's hint
    std::optional<std::string> shown; // a date field's value as shown ("March 15, 2027")
    std::optional<std::string> group; // a choice: what it is about (the statement being rated)
    std::optional<std::string> region; // a note on a map: the region it is in ("District and school")
    int index = 0, count = 0;         // a note on a map: its place in reading order, 1-based, of how many
    std::optional<float> text_px;     // a note on a map: its text's size as drawn (device px; CSS px in items_json)
    std::optional<float> font_px;     // ...and the size its font was rasterised at: smaller, the text is blurred
    std::optional<bool> checked, selected, expanded, editing;
    std::optional<Wedge> wedge;
    float x = 0, y = 0, w = 0, h = 0;
    bool disabled = false, focused = false;
    bool clipped = false;   // partly outside its window's visible area (scrolled under an edge)
    bool cut = false;       // partly beyond its window's left or right edge: a layout fault, not scrolling
};

void begin_frame(bool recording);         // snapshot frames are not recorded
void end_frame();                         // publishes the frame's records (items(), items_json())

// Describes the next hooked item (the next ImGui item added): its role, and whatever of label, value
// and state the widget knows. Cleared when that item is added. A text field's value is kept as it is
// and quoted only when the records are read: a 5,000-word reflection is not turned into JSON on
// every frame and keystroke.
Record& next_item();

// Records a non-interactive item (heading, text, status) with its bounds, if it is in view. Returns
// the record (valid until the next one is made) to add to, or nullptr when nothing was recorded.
Record* record_text(const char* role, const char* text, const char* end, const ImRect& rect);
Record* record_text(const char* role, const std::string& text, const ImRect& rect);

// Marks the current window, and the child windows in it, as one area of the page: a record of role
// "area" whose group is the area's role ("navigation", "main", "region", or "dialog": a modal
// dialog), whose label is its accessible name and whose parent is the window; its items' `area`.
void mark_area(const char* role, const char* label);

// Something a screen reader is to say once (a save, a notice, a new step): a record of role "say",
// `checked` when it is to interrupt (errors). Made in a recorded frame, read with it.
void announce(std::string text, bool assertive = false);

// Converts device pixels to CSS pixels in the output.
void set_pixel_ratio(float device_pixels_per_css_pixel);

// The last recorded frame's records, in drawing order.
const std::vector<Record>& items();

// Records as the JSON array JS reads: [{"label","role","id","parent","x","y","w","h",...state}],
// rectangles in CSS pixels (`device_pixels_per_css_pixel`). Records with neither label nor role are
// left out. "id" is unique among interactive items (two widgets with one id in one window act as
// one: the browser tests fail on any such pair).
// `mirror`: for the screen-reader mirror, which takes a map's notes one at a time, as focus reaches them
// (each map's list view has them all): a note without the keyboard focus is left out, so a 2,000-note
// map costs the mirror nothing while it is only looked at; so is the field being edited, whose editor
// is a real text field.
std::string to_json(const std::vector<Record>& records, float device_pixels_per_css_pixel, bool mirror = false);

// The last recorded frame as JSON (to_json), made when first asked for after a frame; and as the
// screen-reader mirror reads it.
const std::string& items_json();
const std::string& mirror_json();

} // namespace wf::automation
