#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>

#include "core/dates.hpp"
#include "core/iso_date.hpp"
#include "core/text_stats.hpp"
#include "ui/automation.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"

namespace wf::ui {

// [SECTION] Focus order
// [SECTION] Text
// [SECTION] Side by side
// [SECTION] Buttons
// [SECTION] Text fields
// [SECTION] Date fields

namespace {
CssRect to_css(const UiState& ui, const ImRect& r) {
    const float k = 1.0f / ui.pixel_ratio;
    return CssRect{r.Min.x * k, r.Min.y * k, r.GetWidth() * k, r.GetHeight() * k};
}

uint32_t to_rgba(ImU32 c) { // ImGui packs ABGR; the platform wants 0xRRGGBBAA
    return ((c & 0xFF) << 24) | (((c >> 8) & 0xFF) << 16) | (((c >> 16) & 0xFF) << 8) | (c >> 24);
}

// Returns true when this item just received focus from the keyboard (Tab).
bool apply_focus(UiState& ui, ImGuiID id, const ImRect& bb) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) return false;   // disabled controls are skipped, as in a browser
    ui.focus_order.push_back(Focusable{id, window});
    if (ui.focus_request != id) return false;
    ui.focus_request = 0;
    ImGuiContext& g = *GImGui;
    // Tab moves focus and brings the item into view. Escape leaves focus where it is (a field being
    // edited already holds it) and only shows the ring.
    if (ui.focus_opens_editor) {
        ImGui::FocusWindow(window);
        ImGui::SetFocusID(id, window);
        g.NavDisableMouseHover = true;
        ImGui::ScrollToRect(window, bb, ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    g.NavDisableHighlight = false;   // after SetFocusID, which hides the ring when the mouse was last used
    return true;
}
} // namespace

// [SECTION] Focus order ---------------------------------------------------------------------------

void begin_widgets_frame(UiState& ui) {
    ui.last_focus_order.swap(ui.focus_order);
    ui.focus_order.clear();
    ui.edit.seen_this_frame = false;
    if (ui.tab_request == 0 || ui.last_focus_order.empty()) { ui.tab_request = 0; return; }
    // Tab stays inside an open modal dialog, as in a browser dialog.
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    std::vector<ImGuiID> order;
    for (const Focusable& f : ui.last_focus_order)
        if (!modal || f.window->RootWindow == modal) order.push_back(f.id);
    if (order.empty()) { ui.tab_request = 0; return; }
    const ImGuiID current = ui.edit.field_id ? ui.edit.field_id : GImGui->NavId;
    int index = -1;
    for (int i = 0; i < (int)order.size(); i++)
        if (order[(size_t)i] == current) index = i;
    const int n = (int)order.size();
    const int next = index < 0 ? (ui.tab_request > 0 ? 0 : n - 1) : ((index + ui.tab_request) % n + n) % n;
    ui.focus_request = order[(size_t)next];
    ui.focus_opens_editor = true;
    ui.tab_request = 0;
}

void show_view(UiState& ui, const std::string& view) {
    if (ui.shown_view == view) return;
    ImGui::SetScrollY(0);
    ui.shown_view = view;
}

void end_widgets_frame(UiState& ui) {
    if (ui.edit.field_id && !ui.edit.seen_this_frame && !ui.snapshot_frame) {
        ui.edit = TextEditSession{};
        ui.editor = EditorRequest{EditorRequest::Action::Hide, {}};
    }
    ui.memos.wrapped_height.forget_unused();
    ui.memos.word_count.forget_unused();
}

void track_focusable(UiState& ui) {
    apply_focus(ui, ImGui::GetItemID(), GImGui->LastItemData.Rect);
}

// [SECTION] Text ------------------------------------------------------------------------------------

static void recorded_text(const char* role, const char* text, const char* end, ImFont* font, ImU32 colour, bool wrap) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    // Wrap at the window's edge, unless the caller set a narrower wrap (a notice leaves room for its
    // close button there).
    wrap = wrap && GImGui->CurrentWindow->DC.TextWrapPos < 0.0f;
    if (wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text, end);
    if (wrap) ImGui::PopTextWrapPos();
    automation::record_text(role, text, end, ImRect(start, ImGui::GetItemRectMax()));
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void heading(const char* text, bool compact) {
    recorded_text("heading", text, text + std::strlen(text), compact ? fonts().body : fonts().heading, palette().text, true);
}
void subheading(const char* text) {
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    recorded_text("heading", text, text + std::strlen(text), fonts().body, palette().accent, true);
}
void paragraph(const char* text, bool dim) {
    recorded_text("text", text, text + std::strlen(text), fonts().body, dim ? palette().text_dim : palette().text, true);
}
void status_text(const char* text, unsigned colour) {
    recorded_text("status", text, text + std::strlen(text), fonts().small, colour, false);
}
void heading(const std::string& text, bool compact) { heading(text.c_str(), compact); }
void subheading(const std::string& text) { subheading(text.c_str()); }
void paragraph(const std::string& text, bool dim) { paragraph(text.c_str(), dim); }
void status_text(const std::string& text, unsigned colour) { status_text(text.c_str(), colour); }
void alert_text(const std::string& text) {
    recorded_text("alert", text.c_str(), text.c_str() + text.size(), fonts().body, palette().text, true);
}

// [SECTION] Side by side ----------------------------------------------------------------------------

// The arithmetic is ImGui 1.86's TableUpdateLayout() and TableBeginCell() for two stretched columns of
// equal weight, so that the cells, their fields and their wrapped text keep their place to the pixel.
SideBySide::SideBySide(const char* id, bool two, bool divider) : two_(two), divider_(divider) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushID(id);
    origin_ = window->DC.CursorPos;
    width_ = ImMax(ImGui::GetContentRegionAvail().x, 1.0f);
    // Between the cells, a table puts the cell padding on both sides, and its border takes a pixel.
    gap_ = style.CellPadding.x * 2 + (divider ? 1.0f : 0.0f);
    if (two) {
        const float shared = width_ - gap_;
        first_width_ = IM_FLOOR(shared * 0.5f + 0.01f);
        // What rounding down left over goes to the right-hand cell.
        second_width_ = first_width_ + (shared - 2 * first_width_ >= 1.0f ? 1.0f : 0.0f);
    } else {
        first_width_ = second_width_ = IM_FLOOR(width_ + 0.01f);
    }
    backup_work_min_ = window->WorkRect.Min;
    backup_work_max_ = window->WorkRect.Max;
    backup_content_right_ = window->ContentRegionRect.Max.x;
    backup_item_width_ = window->DC.ItemWidth;
    backup_columns_offset_ = window->DC.ColumnsOffset.x;
    backup_cursor_max_ = window->DC.CursorMaxPos;
    backup_prev_line_ = window->DC.PrevLineSize;
    backup_curr_line_ = window->DC.CurrLineSize;
    window->DC.PrevLineSize = window->DC.CurrLineSize = ImVec2(0, 0);
    window->DC.PrevLineTextBaseOffset = 0;
    window->DC.CursorMaxPos.y = origin_.y;
    row_top_ = bottom_ = origin_.y;
    content_right_ = origin_.x;
    begin_cell(origin_.x, first_width_);
}

void SideBySide::begin_cell(float x, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->DC.CursorPos = ImVec2(x, row_top_ + ImGui::GetStyle().CellPadding.y);
    window->DC.CursorMaxPos.x = x;
    // New lines in the cell start at its left edge.
    window->DC.ColumnsOffset.x = x - window->Pos.x - window->DC.Indent.x;
    // Text on the cell's first line sits on the baseline of the line beside it.
    window->DC.CurrLineTextBaseOffset = baseline_;
    window->WorkRect.Min = window->DC.CursorPos;
    window->WorkRect.Max.x = x + width;
    // Fields take the available width and text wraps at the cell's right edge, also in a page
    // snapshot, whose window wraps text at a set position.
    window->ContentRegionRect.Max.x = x + width;
    window->DC.ItemWidth = IM_FLOOR(width * 0.65f);
    ImGui::PushTextWrapPos(0.0f);
}

void SideBySide::end_cell() {
    ImGui::PopTextWrapPos();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    bottom_ = ImMax(bottom_, window->DC.CursorMaxPos.y + ImGui::GetStyle().CellPadding.y);
    content_right_ = ImMax(content_right_, window->DC.CursorMaxPos.x);
    baseline_ = ImMax(baseline_, window->DC.PrevLineTextBaseOffset);
}

void SideBySide::next() {
    end_cell();
    if (two_) {
        begin_cell(origin_.x + first_width_ + gap_, second_width_);
        return;
    }
    // Stacked: the second cell is a row of its own, under the first.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    row_top_ = bottom_;
    baseline_ = 0;
    window->DC.PrevLineTextBaseOffset = 0;
    window->DC.CursorMaxPos.y = row_top_;
    begin_cell(origin_.x, first_width_);
}

void SideBySide::end() {
    end_cell();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (two_ && divider_) {
        const float x = origin_.x + first_width_ + ImGui::GetStyle().CellPadding.x;
        // The theme's border colour: ImGui's table colours are not part of the app's style (the web
        // build's ImGui starts with no colours, and tables are gone).
        window->DrawList->AddLine(ImVec2(x, origin_.y), ImVec2(x, bottom_), palette().border);
    }
    window->WorkRect.Min = backup_work_min_;
    window->WorkRect.Max = backup_work_max_;
    window->ContentRegionRect.Max.x = backup_content_right_;
    window->DC.ItemWidth = backup_item_width_;
    window->DC.ColumnsOffset.x = backup_columns_offset_;
    window->DC.CursorMaxPos = backup_cursor_max_;
    window->DC.PrevLineSize = backup_prev_line_;
    window->DC.CurrLineSize = backup_curr_line_;
    window->DC.CursorPos = origin_;
    const ImRect bb(origin_, ImVec2(origin_.x + width_, bottom_));
    ImGui::ItemSize(bb.GetSize());
    ImGui::ItemAdd(bb, 0);
    // Like a table, the row widens the page's content only as far as the cells' contents reach.
    window->DC.CursorMaxPos.x = ImMax(backup_cursor_max_.x, ImMin(bb.Max.x, content_right_));
    window->DC.CursorMaxPos.y = ImMax(backup_cursor_max_.y, bottom_);
    ImGui::PopID();
}

// [SECTION] Buttons ---------------------------------------------------------------------------------

bool button(UiState& ui, const char* label, ButtonKind kind, const char* icon) {
    const Palette& p = palette();
    int colours = 0;
    if (kind == ButtonKind::Primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
        colours = 4;
    } else if (kind == ButtonKind::Quiet) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
        colours = 1;
    }
    std::string text = icon ? std::string(icon) + "  " + label : std::string(label);
    automation::next_item().role = "button";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    const char* end = ImGui::FindRenderedTextEnd(text.c_str());
    bool pressed;
    if (avail <= 0 || ImGui::CalcTextSize(text.c_str(), end).x + style.FramePadding.x * 2 <= avail) {
        pressed = ImGui::Button(text.c_str());
    } else {
        // Wider than the line (large text on a small screen): the label wraps inside a button as wide
        // as the line, rather than being cut. Same label, so the same id, as at other sizes.
        const float wrap = avail - style.FramePadding.x * 2;
        const ImVec2 size = ImGui::CalcTextSize(text.c_str(), end, false, wrap);
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
        pressed = ImGui::ButtonEx(text.c_str(), ImVec2(avail, size.y + style.FramePadding.y * 2));
        ImGui::PopStyleColor();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImGui::GetItemRectMin() + style.FramePadding,
                                            ink, text.c_str(), end, wrap);
    }
    ImGui::PopStyleColor(colours);
    track_focusable(ui);
    return pressed;
}

bool icon_button(UiState& ui, const char* label, ButtonKind kind, const char* icon) {
    ImGui::PushStyleColor(ImGuiCol_Button, kind == ButtonKind::Quiet ? IM_COL32(0, 0, 0, 0) : ImGui::GetColorU32(ImGuiCol_Button));
    automation::Record& record = automation::next_item();
    record.role = "button";
    record.label = label;
    const bool pressed = ImGui::Button((std::string(icon) + "###" + label).c_str(), ImVec2(ImGui::GetFrameHeight(), 0));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", label);
    track_focusable(ui);
    return pressed;
}

float icon_button_width() { return ImGui::GetFrameHeight(); }

float button_width(const char* label, const char* icon) {
    const std::string text = icon ? std::string(icon) + "  " + label : std::string(label);
    return ImGui::CalcTextSize(text.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

float radio_width(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void flow(float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float right = window->Pos.x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

bool nav_item(UiState& ui, const char* icon, const char* label, bool selected, bool compact) {
    const std::string text = compact ? std::string(icon) + "###" + label : std::string(icon) + "   " + label;
    automation::Record& record = automation::next_item();
    record.role = "tab";
    record.label = label;
    record.selected = selected;
    const bool pressed = ImGui::Selectable(text.c_str(), selected, 0, ImVec2(0, ImGui::GetFrameHeight()));
    track_focusable(ui);
    if (compact && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);
    return pressed;
}

bool radio(UiState& ui, const char* label, bool selected, const std::string& group) {
    automation::Record& record = automation::next_item();
    record.role = "radio";
    record.checked = selected;
    if (!group.empty()) record.group = group;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail <= 0 || radio_width(label) <= avail) {
        const bool pressed = ImGui::RadioButton(label, selected);
        track_focusable(ui);
        return pressed;
    }
    // Longer than the line (large text on a small screen): the circle, then its label wrapped beside
    // it; clicking the label chooses too, as with an HTML <label>.
    const std::string text(label, ImGui::FindRenderedTextEnd(label));
    record.label = text;
    bool pressed = ImGui::RadioButton((std::string("##") + label).c_str(), selected);
    track_focusable(ui);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    pressed = pressed || ImGui::IsItemClicked();
    return pressed;
}

// The box, then its label wrapped beside it (checklist items are whole sentences); clicking the
// label toggles too, as with an HTML <label>.
bool checkbox(UiState& ui, const char* label, bool* value) {
    const std::string text(label, ImGui::FindRenderedTextEnd(label));
    automation::Record& record = automation::next_item();
    record.role = "checkbox";
    record.label = text;
    bool pressed = ImGui::Checkbox((std::string("##") + label).c_str(), value);
    track_focusable(ui);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {
        *value = !*value;
        pressed = true;
    }
    return pressed;
}

void progress_bar(float fraction, const std::string& text) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().accent);
    ImGui::ProgressBar(ImClamp(fraction, 0.0f, 1.0f), ImVec2(-FLT_MIN, ImGui::GetFontSize() * 0.6f), "");
    ImGui::PopStyleColor();
    if (automation::Record* record = automation::record_text("progressbar", text, ImRect(start, ImGui::GetItemRectMax())))
        record->amount = ImClamp(fraction, 0.0f, 1.0f);
    paragraph(text, true);
}

// [SECTION] Text fields -----------------------------------------------------------------------------

// What an empty field shows: an example answer reads as one ("e.g. …"); a question stays a question.
static std::string hint_text(const char* hint) {
    const std::string text = hint ? hint : "";
    if (text.empty() || text.back() == '?' || text.compare(0, 4, "e.g.") == 0) return text;
    return "e.g. " + text;
}

// Hints are drawn in the hint colour and slanted (a synthetic italic, as a browser draws a font that
// has no italic face), so an example never reads as something already written. Each glyph's quad
// leans from the bottom of its own line.
static void add_hint_text(ImDrawList* draw, ImVec2 pos, const std::string& text, float wrap_width) {
    const int first = draw->VtxBuffer.Size;
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, palette().hint, text.c_str(), text.c_str() + text.size(), wrap_width);
    const float line_h = ImGui::GetFontSize(), slant = 0.2f;
    for (int quad = first; quad + 3 < draw->VtxBuffer.Size; quad += 4) {
        float top = draw->VtxBuffer[quad].pos.y;
        for (int k = 1; k < 4; k++) top = ImMin(top, draw->VtxBuffer[quad + k].pos.y);
        const float line_bottom = pos.y + (ImFloor((top - pos.y) / line_h + 0.01f) + 1.0f) * line_h;
        for (int k = 0; k < 4; k++) draw->VtxBuffer[quad + k].pos.x += (line_bottom - draw->VtxBuffer[quad + k].pos.y) * slant;
    }
}

// A field's box as one item: added, labelled through the test-engine hook (as ImGui's own widgets
// are), joined to the Tab order, and clicked like a button. `opened`: a click, or Tab arriving in it
// when Tab opens editors.
struct FieldItem { bool visible, hovered, opened; };
static FieldItem field_item(UiState& ui, const ImRect& bb, ImGuiID id, const std::string& label) {
    ImGuiContext& g = *GImGui;   // read by IMGUI_TEST_ENGINE_ITEM_INFO
    (void)g;
    const bool visible = ImGui::ItemAdd(bb, id);
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label.c_str(), 0);
    const bool opens_editor = ui.focus_opens_editor;   // as it was before this item took focus
    const bool tabbed_in = apply_focus(ui, id, bb) && opens_editor;
    bool hovered = false, held = false;
    const bool pressed = visible && ImGui::ButtonBehavior(bb, id, &hovered, &held);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    return {visible, hovered, pressed || tabbed_in};
}

bool text_field(UiState& ui, const char* label, std::string& value, const TextFieldOptions& options) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    const Palette& p = palette();
    const ImGuiID id = window->GetID(label);
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    const std::string visible_label(label, label_end);

    // Apply what the editor sent before anything else, even if the field is scrolled out of view.
    bool changed = false;
    bool editing = ui.edit.field_id == id && !ui.snapshot_frame;
    if (editing) {
        ui.edit.seen_this_frame = true;
        if (ui.edit.has_new_text) {
            value = ui.edit.text;
            ui.edit.shown = value;
            ui.edit.has_new_text = false;
            changed = true;
        }
    }

    if (!visible_label.empty()) {
        // A table cell inherits the row's text baseline from the framed box in the previous cell,
        // which would push this label down; labels of fields side by side line up.
        window->DC.CurrLineTextBaseOffset = 0;
        ImGui::PushStyleColor(ImGuiCol_Text, p.text);
        ImGui::TextUnformatted(visible_label.c_str());
        ImGui::PopStyleColor();
    }
    const float width = options.width > 0 ? options.width : ImGui::GetContentRegionAvail().x;
    const float line_h = ImGui::GetTextLineHeight();
    const float wrap_w = ImMax(1.0f, width - style.FramePadding.x * 2);
    const std::string hint = hint_text(options.hint);
    const std::string& shown = value.empty() ? hint : value;
    float inner_h = line_h;
    if (options.multiline) {
        const float text_h = ui.memos.wrapped_height.sum(id, shown, {wrap_w, ImGui::GetFontSize()}, [&](std::string_view paragraph) {
            return ImGui::CalcTextSize(paragraph.data(), paragraph.data() + paragraph.size(), false, wrap_w).y;
        });
        inner_h = ImMax(line_h * (float)options.min_lines, text_h);
        if (editing) inner_h = ImMax(inner_h, ui.edit.content_height_css * ui.pixel_ratio - style.FramePadding.y * 2);
    }
    const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + ImVec2(width, inner_h + style.FramePadding.y * 2));
    ImGui::ItemSize(bb, style.FramePadding.y);
    automation::Record& record = automation::next_item();
    record.role = options.multiline ? "textbox-multiline" : "textbox";
    record.value = value;
    record.hint = hint;
    record.editing = editing;
    const FieldItem item = field_item(ui, bb, id, visible_label);
    const bool visible = item.visible, hovered = item.hovered;
    if (item.opened && !editing && !ui.snapshot_frame) {
        ui.edit = TextEditSession{};
        ui.edit.field_id = id;
        ui.edit.shown = value;
        ui.edit.seen_this_frame = true;
        editing = true;
        ImGui::SetFocusID(id, window);
    }

    if (editing) {
        // Keep the native editor over the field every frame: the page may have scrolled or resized.
        const ImRect clip = window->ClipRect;
        TextEditRequest request;
        request.field_id = id;
        request.value = value;
        request.label = visible_label;
        request.hint = hint;
        request.multiline = options.multiline;
        request.max_chars = options.max_chars;
        request.rect = to_css(ui, bb);
        request.clip = to_css(ui, clip);
        const float k = 1.0f / ui.pixel_ratio;
        request.font_px = ImGui::GetFontSize() * fonts().em_per_line * k;
        request.line_height_px = line_h * k;
        request.pad_x = style.FramePadding.x * k;
        request.pad_y = style.FramePadding.y * k;
        request.text_rgba = to_rgba(p.text);
        request.background_rgba = to_rgba(p.field);
        request.border_rgba = to_rgba(p.focus);
        request.hint_rgba = to_rgba(p.hint);
        if (value != ui.edit.shown) {
            request.replace_value = true;
            ui.edit.shown = value;
        }
        ui.editor = EditorRequest{EditorRequest::Action::Show, std::move(request)};
    }
    // The word count is laid out whether or not the field is in view: a field scrolled out of sight
    // must keep its height, or the page below it jumps by a line.
    const auto word_count = [&] {
        if (!options.multiline || !options.word_count) return;
        const int words = ui.memos.word_count.sum(id, value, 0, [](std::string_view paragraph) { return count_words(paragraph); });
        status_text(std::to_string(words) + (words == 1 ? " word" : " words"), p.text_dim);
    };
    if (!visible) {
        word_count();
        return changed;
    }

    const ImU32 border = editing ? p.focus : (hovered ? p.accent : p.field_border);
    window->DrawList->AddRectFilled(bb.Min, bb.Max, p.field, style.FrameRounding);
    window->DrawList->AddRect(bb.Min, bb.Max, border, style.FrameRounding, 0, editing ? 2.0f * ui.scale : 1.0f * ui.scale);
    ImGui::RenderNavHighlight(bb, id);
    if (!editing) {
        const ImVec2 text_pos = bb.Min + style.FramePadding;
        window->DrawList->PushClipRect(bb.Min, bb.Max, true);
        if (value.empty())
            add_hint_text(window->DrawList, text_pos, hint, options.multiline ? wrap_w : 0.0f);
        else if (options.multiline)
            window->DrawList->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, p.text, value.c_str(),
                                      value.c_str() + value.size(), wrap_w);
        else
            window->DrawList->AddText(text_pos, p.text, value.c_str(), value.c_str() + value.size());
        window->DrawList->PopClipRect();
    }
    word_count();
    return changed;
}

// [SECTION] Date fields -----------------------------------------------------------------------------

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

DateReading read_typed_date(const UiState& ui, const std::string& text) {
    return read_date(text, ui.date_order, ui.today);
}

std::string not_a_date(const std::string& typed, const DateReading& reading) {
    const std::string what = reading.problem.empty() ? "\xE2\x80\x9C" + typed + "\xE2\x80\x9D is not a date." : reading.problem;
    return what + " Type a date such as March 15, 2027 or 2027-03-15, or pick it on the calendar. The date was not changed.";
}
} // namespace

bool date_field(UiState& ui, const char* label, std::string& value) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGuiContext& g = *GImGui;   // for the test-engine hook macros
    const ImGuiStyle& style = ImGui::GetStyle();
    const Palette& p = palette();
    const ImGuiID id = window->GetID(label);
    ImGui::PushOverrideID(id);
    const ImGuiID pick_id = window->GetID("calendar");
    ImGui::PopID();
    const std::string visible_label(label, ImGui::FindRenderedTextEnd(label));
    TextEditSession& edit = ui.edit;

    // What the editor sent, before anything else (as for text fields).
    bool changed = false;
    const auto take = [&](const std::string& iso) {
        if (value != iso) { value = iso; changed = true; }
        ui.date_problems.erase(id);
    };
    bool typing = edit.field_id == id && !ui.snapshot_frame;
    bool picking = edit.field_id == pick_id && !ui.snapshot_frame;
    DateReading typed;   // what the text being typed reads as
    if (typing || picking) edit.seen_this_frame = true;
    if (picking && edit.has_new_text) {
        edit.has_new_text = false;
        // The date input's value is ISO, but a year half typed into it ("0202") is no date yet.
        const DateReading picked = read_typed_date(ui, edit.text);
        if (edit.text.empty() && edit.date_complete) take("");
        else if (!picked.iso.empty()) take(picked.iso);
    }
    if (picking && edit.closing && !edit.date_complete)
        ui.date_problems[id] = "That date is not complete: fill in its month, day and year, or pick it on the calendar. "
                               "The date was not changed.";
    if (typing) {
        edit.has_new_text = false;   // the text is read below, and taken only when the editor closes
        typed = read_typed_date(ui, edit.text);
        if (edit.closing) {
            if (blank(edit.text)) take("");
            else if (!typed.iso.empty()) take(typed.iso);
            else ui.date_problems[id] = not_a_date(edit.text, typed);
        }
    }

    if (!visible_label.empty()) {
        window->DC.CurrLineTextBaseOffset = 0;
        ImGui::PushStyleColor(ImGuiCol_Text, p.text);
        ImGui::TextUnformatted(visible_label.c_str());
        ImGui::PopStyleColor();
    }
    const float height = ImGui::GetFrameHeight();
    const float width = ImMax(height, ImMin(ImGui::GetFontSize() * 12.0f, ImGui::GetContentRegionAvail().x - height - style.ItemInnerSpacing.x));
    const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + ImVec2(width, height));
    const ImRect pick_bb(ImVec2(bb.Max.x + style.ItemInnerSpacing.x, bb.Min.y), ImVec2(bb.Max.x + style.ItemInnerSpacing.x + height, bb.Max.y));
    ImGui::ItemSize(ImRect(bb.Min, pick_bb.Max), style.FramePadding.y);

    const std::string shown = date_text(value);
    const std::string hint = "e.g. March 15, 2027";
    automation::Record& record = automation::next_item();
    record.role = "textbox";
    record.value = value;
    record.shown = shown;
    record.hint = hint;
    record.editing = typing;
    const FieldItem item = field_item(ui, bb, id, visible_label);
    const bool visible = item.visible, hovered = item.hovered;

    const std::string pick_label = "Calendar: " + visible_label;
    automation::Record& pick_record = automation::next_item();
    pick_record.role = "button";
    pick_record.expanded = picking;
    const bool pick_visible = ImGui::ItemAdd(pick_bb, pick_id);
    IMGUI_TEST_ENGINE_ITEM_INFO(pick_id, pick_label.c_str(), 0);
    apply_focus(ui, pick_id, pick_bb);
    bool pick_hovered = false, pick_held = false;
    const bool pick_pressed = pick_visible && ImGui::ButtonBehavior(pick_bb, pick_id, &pick_hovered, &pick_held);
    if (pick_hovered && !picking) ImGui::SetTooltip("Pick the date on a calendar");
    const bool pick_from_keyboard = g.NavActivateId == pick_id;

    if (!ui.snapshot_frame && (item.opened && !typing)) {
        edit = TextEditSession{};
        edit.field_id = id;
        edit.text = shown;
        edit.read_on_close = true;
        edit.seen_this_frame = true;
        typing = true;
        picking = false;
        typed = read_typed_date(ui, edit.text);
        ImGui::SetFocusID(id, window);
    } else if (!ui.snapshot_frame && pick_pressed && !picking) {
        edit = TextEditSession{};
        edit.field_id = pick_id;
        edit.date_input = true;
        edit.open_calendar = !pick_from_keyboard;
        edit.text = is_iso_calendar_date(value) ? value : "";
        edit.read_on_close = true;
        edit.seen_this_frame = true;
        picking = true;
        typing = false;
        ImGui::SetFocusID(pick_id, window);
    }

    if ((typing || picking) && !edit.closing) {
        const float k = 1.0f / ui.pixel_ratio;
        TextEditRequest request;
        request.field_id = edit.field_id;
        request.date_input = picking;
        request.open_calendar = edit.open_calendar;
        request.value = picking ? (is_iso_calendar_date(value) ? value : "") : edit.text;
        request.label = visible_label;
        request.hint = hint;
        request.max_chars = 60;
        request.rect = to_css(ui, bb);
        request.clip = to_css(ui, window->ClipRect);
        request.font_px = ImGui::GetFontSize() * fonts().em_per_line * k;
        request.line_height_px = ImGui::GetTextLineHeight() * k;
        request.pad_x = style.FramePadding.x * k;
        request.pad_y = style.FramePadding.y * k;
        request.text_rgba = to_rgba(p.text);
        request.background_rgba = to_rgba(p.field);
        request.border_rgba = to_rgba(p.focus);
        request.hint_rgba = to_rgba(p.hint);
        ui.editor = EditorRequest{EditorRequest::Action::Show, std::move(request)};
    }

    if (visible) {
        const bool open = typing || picking;
        const ImU32 border = open ? p.focus : (hovered ? p.accent : p.field_border);
        window->DrawList->AddRectFilled(bb.Min, bb.Max, p.field, style.FrameRounding);
        window->DrawList->AddRect(bb.Min, bb.Max, border, style.FrameRounding, 0, (open ? 2.0f : 1.0f) * ui.scale);
        ImGui::RenderNavHighlight(bb, id);
        if (!open) {
            window->DrawList->PushClipRect(bb.Min, bb.Max, true);
            if (value.empty()) add_hint_text(window->DrawList, bb.Min + style.FramePadding, hint, 0.0f);
            else window->DrawList->AddText(bb.Min + style.FramePadding, p.text, shown.c_str(), shown.c_str() + shown.size());
            window->DrawList->PopClipRect();
        }
    }
    if (pick_visible) {
        const ImU32 fill = ImGui::GetColorU32(pick_held ? ImGuiCol_ButtonActive : pick_hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button);
        ImGui::RenderFrame(pick_bb.Min, pick_bb.Max, fill, true, style.FrameRounding);
        ImGui::RenderNavHighlight(pick_bb, pick_id);
        ImGui::RenderTextClipped(pick_bb.Min, pick_bb.Max, icon::kCalendar, nullptr, nullptr, ImVec2(0.5f, 0.5f));
    }

    // Below the field: what the typed text reads as, why it was not taken, or an old value to fix.
    // Laid out whether or not the field is in view, so the page below keeps its place.
    if (typing) {
        if (!typed.iso.empty())
            status_text("Reads as " + weekday_name(typed.iso) + ", " + long_date(typed.iso) + ".", p.text_dim);
        else if (!typed.problem.empty())
            status_text(typed.problem, p.error);
    } else if (const auto problem = ui.date_problems.find(id); problem != ui.date_problems.end()) {
        status_text(problem->second, p.error);
    } else if (!value.empty() && !is_iso_calendar_date(value) && !picking) {
        // Kept from an older version, which stored any text: shown, never dropped, and offered as a date.
        const DateReading reading = read_typed_date(ui, value);
        ImGui::PushID((int)id);
        if (!reading.iso.empty()) {
            status_text(std::string(icon::kWarning) + "  This was saved as text. Is it this date?", p.warning);
            if (button(ui, ("Use " + long_date(reading.iso)).c_str())) take(reading.iso);
        } else {
            status_text(std::string(icon::kWarning) + "  This was saved as text, not as a date. Type the date, or pick "
                        "it on the calendar.", p.warning);
        }
        ImGui::PopID();
    }
    return changed;
}

} // namespace wf::ui
