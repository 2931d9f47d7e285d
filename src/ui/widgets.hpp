// Wayfinder's widgets on top of Dear ImGui: every interactive one joins the Tab order and is
// recorded for automation with a role and its state.
#pragma once
#include <string>

#include <imgui.h>

#include "ui/ui_state.hpp"

namespace wf::ui {

struct TextFieldOptions {
    bool multiline = false;
    int min_lines = 3;             // multiline only: height when empty
    int max_chars = 0;             // 0 = no limit
    bool word_count = false;       // multiline only: show "N words" under the field
    // What an empty field shows, lighter and slanted: an example answer ("e.g. " is put in front of
    // one that lacks it) or, when it ends with "?", a question to answer. Never saved.
    const char* hint = "";
    float width = 0;               // 0 = full available width
};

// A labelled text field. Typing happens in the browser's own text editor placed over the field
// (spellcheck, IME, dead keys, on-screen keyboard, undo). Returns true when `value` changed.
bool text_field(UiState& ui, const char* label, std::string& value, const TextFieldOptions& options = {});

// A labelled date field and its calendar button. `value` is "" (no date) or an ISO date "2027-03-15";
// shown as "March 15, 2027". Clicking or tabbing into the field lets the librarian type a date in
// any common form (read when the editor closes; what is understood shows as they type); the button
// opens the browser's own date input and calendar. Text that is not a date is never stored: the
// field says what to type and keeps its value. A value that is not an ISO date (written by an older
// version) is shown as it is, with an offer to fix it. Returns true when `value` changed.
bool date_field(UiState& ui, const char* label, std::string& value);

enum class ButtonKind { Secondary, Primary, Quiet };
bool button(UiState& ui, const char* label, ButtonKind kind = ButtonKind::Secondary, const char* icon = nullptr);
// Only the icon, for tight spots (the top bar at large text sizes); the label is the tooltip and the
// accessible name.
bool icon_button(UiState& ui, const char* label, ButtonKind kind, const char* icon);
float icon_button_width();
// The width button() or radio() will take for `label`.
float button_width(const char* label, const char* icon = nullptr);
float radio_width(const char* label);
// Keeps the next item, `width` wide, on the line of the previous one when it still fits; otherwise
// it starts a new line. For rows of buttons or choices that wrap on narrow screens.
void flow(float width);
// A page tab; `compact` shows only the icon (label in a tooltip and in the automation record).
bool nav_item(UiState& ui, const char* icon, const char* label, bool selected, bool compact = false);
// `group` names what the choice is about (e.g. the statement being rated), for assistive tech and tests.
bool radio(UiState& ui, const char* label, bool selected, const std::string& group = "");
bool checkbox(UiState& ui, const char* label, bool* value);
void progress_bar(float fraction, const std::string& text);     // recorded with role "progressbar"

// Two cells side by side, laid out exactly as Dear ImGui lays out a table of two equal stretched
// columns (the same widths, gap, cell padding, wrapping width and default item width), or stacked
// one under the other, full width, when `two` is false. `divider` draws the thin line a table's inner
// vertical border draws between the cells. In a page snapshot, whose window sizes itself, a table
// would size its columns to their contents; these cells keep the screen's halves. Not a table: the
// table code it replaces weighed 18 KB of wasm for these two uses. Items keep their order, so Tab goes through the first cell, then the
// second. Usage: SideBySide cells("##id", two); ...first...; cells.next(); ...second...; cells.end();
class SideBySide {
public:
    SideBySide(const char* id, bool two, bool divider = false);
    void next();
    void end();

private:
    void begin_cell(float x, float width);
    void end_cell();
    bool two_, divider_;
    ImVec2 origin_;
    float width_, first_width_, second_width_, gap_;
    float row_top_, bottom_, content_right_, baseline_ = 0;
    ImVec2 backup_work_min_, backup_work_max_;
    float backup_content_right_, backup_item_width_, backup_columns_offset_;
    ImVec2 backup_cursor_max_, backup_prev_line_, backup_curr_line_;
};

void heading(const std::string& text, bool compact = false);   // page title (heading font; body font if compact)
void subheading(const std::string& text);                       // section title
void paragraph(const std::string& text, bool dim = false);      // wrapped body text
void status_text(const std::string& text, unsigned colour);     // recorded with role "status"
void alert_text(const std::string& text);                       // a notice or banner message, role "alert"
// The same for the app's own words: a literal is passed as one pointer, with no string made at each of
// the many call sites (a string_view would travel through memory: wasm passes structs by address).
void heading(const char* text, bool compact = false);
void subheading(const char* text);
void paragraph(const char* text, bool dim = false);
void status_text(const char* text, unsigned colour);

// Called at the start of a frame (resolves Tab requests) and its end (closes vanished editors).
// A page names what it shows (e.g. which step of which journey); when that changes, the page starts
// again at its top, as a newly opened web page does.
void show_view(UiState& ui, const std::string& view);

void begin_widgets_frame(UiState& ui);
void end_widgets_frame(UiState& ui);
// Joins the last item to the Tab order and applies a pending focus request to it.
void track_focusable(UiState& ui);

} // namespace wf::ui
