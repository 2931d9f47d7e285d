// The list views of each Let's Talk step's own work. Every change is one of LetsTalk's named commands,
// so it is saved and undoable like any other; text typed before pressing "Add" lives in the view state.
#include "ui/lets_talk_steps.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <unordered_map>

#include "app/lets_talk.hpp"
#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "core/stable_order.hpp"
#include "ui/canvas_view.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] Shared pieces
// [SECTION] Long lists: only the rows on screen are laid out
// [SECTION] Step 1: the mindset continuum
// [SECTION] Step 2: strengths and stretches
// [SECTION] Step 3: research and the Venn
// [SECTION] Step 4: the interview
// [SECTION] Step 5: the collaboration map
// [SECTION] Step 6: the agreement

namespace {

// [SECTION] Shared pieces ---------------------------------------------------------------------------

std::string& draft(UiState& ui, const std::string& key) { return ui.lets_talk.drafts[key]; }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

TextFieldOptions short_text(const char* hint = "", int max_chars = 200) {
    TextFieldOptions o;
    o.hint = hint;
    o.max_chars = max_chars;
    return o;
}

TextFieldOptions long_text(const char* hint = "", int lines = 2) {
    TextFieldOptions o;
    o.multiline = true;
    o.min_lines = lines;
    o.hint = hint;
    return o;
}

// A field and an "Add" button beside it: returns the trimmed text when the button is pressed with
// something typed (and clears the field), else "".
std::string add_row(UiState& ui, const char* field_label, const char* button_label, const std::string& key, const char* hint) {
    std::string& text = draft(ui, key);
    text_field(ui, field_label, text, short_text(hint));
    if (button(ui, button_label, ButtonKind::Secondary) && !blank(text)) {
        std::string added = trimmed(text);
        text.clear();
        return added;
    }
    return "";
}

// The entry with `id` in a list of entries that have ids (phrases, Venn notes), or nullptr.
template <typename List>
auto find_id(List& list, const std::string& id) -> decltype(&list[0]) {
    for (auto& entry : list)
        if (entry.id == id) return &entry;
    return nullptr;
}

// An item of a list: its text with a bullet, in the body colour (or the accent for emphasis).
void item_line(const std::string& text, bool emphasis = false) {
    ImGui::PushStyleColor(ImGuiCol_Text, emphasis ? palette().accent : palette().text);
    paragraph("• " + text);
    ImGui::PopStyleColor();
}

// The step's map as a canvas of sticky notes, above its list: the full width, about 60 % of the
// window's height (never under 360 px), so the page still scrolls past it.
void map_area(Workbench& wb, UiState& ui, const Journey& j, MapKind kind) {
    const float k = ui.scale > 0 ? ui.scale : 1.0f;
    const float height = std::max(360.0f, ImGui::GetMainViewport()->Size.y / k * 0.6f);
    map_canvas(wb, ui, j, kind, canvas::Vec2{ImGui::GetContentRegionAvail().x / k, height});
}

// A row of radio choices that wraps on narrow screens; returns the index chosen this frame, or -1.
int choice_row(UiState& ui, const std::vector<const char*>& labels, int selected, const std::string& group) {
    int chosen = -1;
    for (size_t i = 0; i < labels.size(); i++) {
        if (i > 0) flow(radio_width(labels[i]));
        if (radio(ui, labels[i], (int)i == selected, group)) chosen = (int)i;
    }
    return chosen;
}

// [SECTION] Long lists: only the rows on screen are laid out ---------------------------------------

// A map can hold thousands of notes, and laying out each one's row (wrapped text, buttons, records)
// every frame cost most of a frame while a note was dragged. A row off screen whose height is known
// is only a gap of that height and its places in the Tab order (Tab to it draws it, which scrolls it
// into view). Rows on screen, the focused row and its neighbours (so the arrow keys find them), the
// row being edited or asked to take focus, and rows not measured yet are drawn.
struct RowMemo {
    ImGuiID shape = 0;                  // what the height depends on (see row_shape); another shape: measure again
    float height = 0;                   // from the row's top to the next row's, spacing included
    std::vector<ImGuiID> focusables;    // the row's places in the Tab order, in order
    int frame = -1;                     // the last frame the row was listed: older ones are forgotten
};

struct ListMemo {
    std::unordered_map<std::string, RowMemo> rows;   // by row id
};

struct RowsLaidOut { int frame = -1; size_t rows = 0; };
RowsLaidOut rows_laid_out;

// A row's shape: its place in the ID stack (window and group), the width and font it wraps at, and
// whatever else of the row the caller names (its text, whether it is open).
ImGuiID row_shape(const std::string& row_id, const std::string& content) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float font = ImGui::GetFontSize();
    ImGuiID h = ImGui::GetID(row_id.c_str());
    h = ImHashData(&width, sizeof width, h);
    h = ImHashData(&font, sizeof font, h);
    return ImHashStr(content.c_str(), content.size(), h);
}

bool holds_focus(const UiState& ui, const RowMemo& row) {
    const ImGuiID nav = GImGui->NavId, request = ui.focus_request, edited = ui.edit.field_id;
    for (ImGuiID id : row.focusables)
        if (id == nav || id == request || (edited && id == edited)) return true;
    return false;
}

// Draws rows 0..n-1 of a list: `row_id(i)` names row i (unique in the memo), `content(i)` says what
// its height depends on besides width and font, `draw(i)` lays it out.
template <typename IdFn, typename ContentFn, typename DrawFn>
void lazy_rows(UiState& ui, ListMemo& memo, size_t n, IdFn row_id, ContentFn content, DrawFn draw) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const int frame = ImGui::GetFrameCount();
    std::vector<RowMemo*> rows(n);
    std::vector<ImGuiID> shapes(n);
    size_t focused = n;
    for (size_t i = 0; i < n; i++) {
        const std::string id = row_id(i);
        rows[i] = &memo.rows[id];
        shapes[i] = row_shape(id, content(i));
        rows[i]->frame = frame;
        if (rows[i]->shape == shapes[i] && holds_focus(ui, *rows[i])) focused = i;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float gap = 0;   // the height of the rows skipped since the last one drawn
    const auto close_gap = [&] {
        if (gap > 0) ImGui::Dummy(ImVec2(0, gap - spacing));
        gap = 0;
    };
    for (size_t i = 0; i < n; i++) {
        RowMemo& row = *rows[i];
        const bool near_focus = focused < n && i + 1 >= focused && i <= focused + 1;
        if (row.shape == shapes[i] && !near_focus && !holds_focus(ui, row)) {
            const float top = ImGui::GetCursorScreenPos().y + gap;
            const bool on_screen = top < window->ClipRect.Max.y && top + row.height > window->ClipRect.Min.y;
            if (!on_screen) {
                for (ImGuiID id : row.focusables) ui.focus_order.push_back(Focusable{id, window});
                gap += row.height;
                continue;
            }
        }
        close_gap();
        if (rows_laid_out.frame != frame) rows_laid_out = RowsLaidOut{frame, 0};
        rows_laid_out.rows++;
        const float top = ImGui::GetCursorPosY();
        const size_t first = ui.focus_order.size();
        draw(i);
        row.height = ImGui::GetCursorPosY() - top;
        row.shape = shapes[i];
        row.focusables.clear();
        for (size_t k = first; k < ui.focus_order.size(); k++) row.focusables.push_back(ui.focus_order[k].id);
    }
    close_gap();
}

// Rows of notes no longer listed are forgotten once the whole list has been drawn without them.
void forget_unlisted(ListMemo& memo) {
    const int frame = ImGui::GetFrameCount();
    for (auto it = memo.rows.begin(); it != memo.rows.end();)
        it = it->second.frame == frame ? std::next(it) : memo.rows.erase(it);
}

// [SECTION] Step 1: the mindset continuum ---------------------------------------------------------

// Five stops along the line from fixed (0) to growth (1).
const std::vector<const char*> kStops = {"Fixed", "Leaning fixed", "In between", "Leaning growth", "Growth"};
constexpr const char* kBelowLine = "Below the line";

int stop_of(const ContinuumPhrase& p) { return p.below_line ? (int)kStops.size() : (int)std::lround(p.position * 4.0); }

void step_mindset(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    subheading("Your mindset continuum");
    paragraph("Place each phrase on the line between a fixed and a growth mindset, as it feels for you today. "
              "Highlight the ones where you lean fixed: those are the habits to plan around. Habits that do not "
              "fit the line go below it.", true);
    bool is_private = j.continuum.is_private;
    if (checkbox(ui, "Keep my continuum private: leave it out of the Reflection Guide and shared files", &is_private))
        lt.set_continuum_private(id, is_private);
    if (j.continuum.is_private) status_text(std::string(icon::kLock) + "  Private: only you see this.", palette().text_dim);
    map_area(wb, ui, j, MapKind::Continuum);

    std::vector<const char*> stops = kStops;
    stops.push_back(kBelowLine);
    for (const ContinuumPhrase& phrase : j.continuum.phrases) {
        ImGui::PushID(phrase.id.c_str());
        ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
        item_line(phrase.text, phrase.highlighted);
        const int chosen = choice_row(ui, stops, stop_of(phrase), phrase.text);
        if (chosen >= 0) lt.move_continuum_phrase(id, phrase.id, chosen / 4.0, chosen == (int)kStops.size());
        bool highlighted = phrase.highlighted;
        if (checkbox(ui, "Highlight: a fixed habit to watch", &highlighted))
            lt.highlight_phrase(id, phrase.id, highlighted);
        if (button(ui, "Remove phrase", ButtonKind::Quiet)) lt.remove_phrase(id, phrase.id);
        ImGui::PopID();
    }

    // The phrases of the guide not on the line yet, each one press away.
    std::vector<const JourneyItem*> offered;
    for (const JourneyItem& item : j.pack.continuum_phrases) {
        if (!find_id(j.continuum.phrases, item.id)) offered.push_back(&item);
    }
    if (!offered.empty()) {
        subheading("Phrases to place");
        for (size_t i = 0; i < offered.size(); i++) {
            const JourneyItem& item = *offered[i];
            ImGui::PushID(item.id.c_str());
            const std::string label = "+ " + item.text;
            if (i > 0) flow(button_width(label.c_str()));
            if (button(ui, label.c_str(), ButtonKind::Secondary)) lt.add_guide_phrase(id, item.id);
            ImGui::PopID();
        }
    }
    const std::string own = add_row(ui, "A phrase of your own", "Add phrase", "phrase:" + id, "e.g. Trying a new tool in front of a class");
    if (!own.empty()) lt.add_continuum_phrase(id, own);
}

// [SECTION] Step 2: strengths and stretches -------------------------------------------------------

// A field and a button that add a strength or stretch of the librarian's own naming; "" until pressed.
std::string add_area_row(UiState& ui, const Journey& j, const char* field, const char* button_label, const char* hint) {
    return add_row(ui, field, button_label, std::string(button_label) + ":" + j.id, hint);
}

void step_future_ready(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    const FutureReadiness& fr = j.future_ready;
    subheading("Strengths and stretches");
    if (!fr.from_assessment.empty()) {
        const std::shared_ptr<const Assessment> a = wb.self_assessment().assessment(fr.from_assessment);
        paragraph("Filled from your self-assessment" + (a ? " \"" + wb.self_assessment().display_title(*a) + "\"" : std::string()) +
                  ". Add what shows each one in practice; edit, add or remove freely.", true);
    }
    if (fr.strengths.empty() || fr.stretches.empty()) {
        if (wb.self_assessment().latest_id().empty())
            paragraph("Take a self-assessment to fill these lists from your results, or add your own below.", true);
        else if (button(ui, "Fill from my latest self-assessment", ButtonKind::Secondary, icon::kRefresh))
            lt.fill_from_assessment(id);
    }

    subheading("Strengths to build on");
    for (size_t i = 0; i < fr.strengths.size(); i++) {
        const JourneyStrength& s = fr.strengths[i];
        ImGui::PushID((int)i);
        item_line(s.area_name, true);
        using Field = LetsTalk::StrengthField;
        std::string example = s.example, alignment = s.alignment, shared = s.shared;
        if (text_field(ui, "An example of this in your practice", example, long_text("e.g. Co-taught a research unit with grade 7 science")))
            lt.set_strength_text(id, i, Field::Example, example);
        if (text_field(ui, "How it fits classroom, school or district priorities", alignment, long_text()))
            lt.set_strength_text(id, i, Field::Alignment, alignment);
        if (text_field(ui, "How you share it beyond the library", shared, long_text("e.g. A slide at each staff meeting")))
            lt.set_strength_text(id, i, Field::Shared, shared);
        if (button(ui, "Remove strength", ButtonKind::Quiet)) lt.remove_strength(id, i);
        ImGui::PopID();
    }
    const std::string strength = add_area_row(ui, j, "Another strength", "Add strength", "e.g. Digital citizenship lessons");
    if (!strength.empty()) lt.add_strength(id, strength);

    subheading("Stretches to grow into");
    for (size_t i = 0; i < fr.stretches.size(); i++) {
        const JourneyStretch& s = fr.stretches[i];
        ImGui::PushID(1000 + (int)i);
        item_line(s.area_name, true);
        std::string reason = s.reason;
        if (text_field(ui, "Why this interests you", reason, long_text())) lt.set_stretch_reason(id, i, reason);
        if (button(ui, "Remove stretch", ButtonKind::Quiet)) lt.remove_stretch(id, i);
        ImGui::PopID();
    }
    const std::string stretch = add_area_row(ui, j, "Another stretch", "Add stretch", "e.g. Leading professional learning");
    if (!stretch.empty()) lt.add_stretch(id, stretch);
}

// [SECTION] Step 3: research and the Venn ---------------------------------------------------------

void venn_item_row(Workbench& wb, UiState& ui, const Journey& j, const VennItem& item) {
    LetsTalk& lt = wb.lets_talk();
    ImGui::PushID(item.id.c_str());
    item_line(item.text);
    const bool moving = ui.lets_talk.moving_item == item.id;
    if (button(ui, moving ? "Done choosing" : "Choose region", ButtonKind::Secondary))
        ui.lets_talk.moving_item = moving ? std::string() : item.id;
    flow(button_width("Remove"));
    if (button(ui, "Remove", ButtonKind::Quiet)) lt.remove_venn_note(j.id, item.id);
    if (moving) {
        ImGui::Indent();
        for (int region : all_regions())
            if (radio(ui, region_name(region), item.region == region, item.text)) {
                lt.place_venn_note(j.id, item.id, region);
                ui.lets_talk.moving_item.clear();
            }
        ImGui::Unindent();
    }
    ImGui::PopID();
}

// The Venn's groups and connections of one journey revision: derived once, not every frame.
struct VennLists {
    std::shared_ptr<const Journey> source;   // held, so its address is not reused by a later revision
    std::vector<VennGroup> groups, connections;
};

std::shared_ptr<const VennLists> venn_lists(Workbench& wb, const Journey& j) {
    static std::map<std::string, std::shared_ptr<const VennLists>> cache;   // by journey id
    std::shared_ptr<const VennLists>& cached = cache[j.id];
    if (cached && cached->source.get() == &j) return cached;
    auto made = std::make_shared<VennLists>();
    made->groups = venn_groups(j);
    for (const VennGroup& group : made->groups)
        if (is_connection(group.region) && !group.items.empty()) made->connections.push_back(group);
    // Only the journey as LetsTalk has it now is worth keeping: an older one (or a copy) is drawn once.
    std::shared_ptr<const Journey> current = wb.lets_talk().journey(j.id);
    if (current.get() != &j) return made;
    made->source = std::move(current);
    cached = made;
    return made;
}

void step_research(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    if (!j.pack.research_items.empty()) {
        subheading("Plans to find");
        const std::vector<const char*> statuses = {research_status_label(ResearchStatus::NotStarted),
                                                   research_status_label(ResearchStatus::Requested),
                                                   research_status_label(ResearchStatus::Found)};
        for (const JourneyItem& item : j.pack.research_items) {
            ImGui::PushID(item.id.c_str());
            const auto it = j.research.status.find(item.id);
            const ResearchStatus status = it == j.research.status.end() ? ResearchStatus::NotStarted : it->second;
            item_line(item.text);
            const int chosen = choice_row(ui, statuses, (int)status, item.text);
            if (chosen >= 0) lt.set_research_status(id, item.id, (ResearchStatus)chosen);
            ImGui::PopID();
        }
    }

    subheading("District, school and library");
    paragraph("Note what matters to each from the plans, and place every note in the region where it belongs: in "
              "one circle, or where two or three overlap. The overlaps are your connections.", true);
    map_area(wb, ui, j, MapKind::Venn);
    static std::map<std::string, ListMemo> memos;   // by journey id
    ListMemo& memo = memos[id];
    // Held for the whole frame: a command run from a row makes a new revision, never changes these.
    const std::shared_ptr<const VennLists> lists = venn_lists(wb, j);
    const std::string& moving = ui.lets_talk.moving_item;
    for (const VennGroup& group : lists->groups) {
        if (group.region == kVennNotPlaced && group.items.empty()) continue;
        ImGui::PushID(group.region);
        paragraph(std::string(region_name(group.region)) + (group.items.empty() ? ": nothing yet" : ""), group.items.empty());
        ImGui::Indent();
        const std::vector<VennItem>& items = group.items;
        lazy_rows(ui, memo, items.size(), [&](size_t i) { return items[i].id; },
                  [&](size_t i) { return (items[i].id == moving ? "choosing:" : "") + items[i].text; },
                  [&](size_t i) { venn_item_row(wb, ui, j, items[i]); });
        ImGui::Unindent();
        ImGui::PopID();
    }
    const std::string added = add_row(ui, "A note from the plans", "Add to the map", "venn:" + id, "e.g. Family literacy nights");
    if (!added.empty()) ui.lets_talk.moving_item = lt.add_venn_note(id, added);   // straight on to choosing its region

    subheading("Connections");
    if (lists->connections.empty())
        paragraph("None yet. A connection is a note placed where two or three circles overlap.", true);
    for (const VennGroup& group : lists->connections) {
        paragraph(region_name(group.region));
        ImGui::Indent();
        const std::vector<VennItem>& items = group.items;
        lazy_rows(ui, memo, items.size(), [&](size_t i) { return "connection:" + items[i].id; },
                  [&](size_t i) { return items[i].text; }, [&](size_t i) { item_line(items[i].text, true); });
        ImGui::Unindent();
    }
    forget_unlisted(memo);
}

// [SECTION] Step 4: the interview -----------------------------------------------------------------

void step_interview(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    subheading("Questions to bring");
    const size_t count = j.interview.questions.size();
    paragraph("Choose " + std::to_string(kMinInterviewQuestions) + " or " + std::to_string(kMaxInterviewQuestions) +
                  " questions to send ahead, so your leader can think about them before you meet.", true);
    status_text(std::to_string(count) + " of " + std::to_string(kMaxInterviewQuestions) + " chosen",
                count >= kMinInterviewQuestions ? palette().success : palette().text_dim);
    for (const JourneyItem& q : j.pack.interview_questions) {
        ImGui::PushID(q.id.c_str());
        bool chosen = std::find(j.interview.questions.begin(), j.interview.questions.end(), q.id) != j.interview.questions.end();
        const bool full = !chosen && count >= kMaxInterviewQuestions;
        if (full) ImGui::BeginDisabled();
        if (checkbox(ui, q.text.c_str(), &chosen)) lt.choose_question(id, q.id, chosen);
        if (full) ImGui::EndDisabled();
        ImGui::PopID();
    }

    subheading("The email to your building leader");
    std::string leader = j.leader, school = j.school;
    if (text_field(ui, "Your building leader's name", leader, short_text("e.g. Dr. Rivera", 120))) lt.set_leader(id, leader);
    if (text_field(ui, "School", school, short_text("e.g. Lincoln Middle School", 120))) lt.set_school(id, school);
    const InterviewEmail email = lt.email(j);
    for (const std::string& field : email.missing) status_text(email_field_prompt(field), palette().warning);
    if (wb.profile().name.empty())
        paragraph("Your name comes from your profile on Home.", true);
    std::string subject = email.subject, body = email.body;
    if (text_field(ui, "Subject", subject, short_text("", 200))) lt.set_email_subject(id, subject);
    TextFieldOptions body_options = long_text("", 12);
    if (text_field(ui, "The email", body, body_options)) lt.set_email_body(id, body);
    if (email.edited) {
        paragraph("You reworded this email, so changes to the names and questions above no longer change it.", true);
        if (button(ui, "Use the suggested email again", ButtonKind::Quiet, icon::kRefresh)) lt.reset_email(id);
    }
    if (button(ui, "Copy email", ButtonKind::Primary, icon::kCopy)) lt.copy_email(id);
    flow(button_width("Copy subject", icon::kCopy));
    if (button(ui, "Copy subject", ButtonKind::Secondary, icon::kCopy)) lt.copy_email_subject(id);
    flow(button_width("Download email", icon::kDownload));
    if (button(ui, "Download email", ButtonKind::Secondary, icon::kDownload)) lt.download_email(id);

    if (!j.pack.meeting_norms.empty()) subheading("Meeting norms");
    for (const JourneyItem& norm : j.pack.meeting_norms) {
        ImGui::PushID(norm.id.c_str());
        bool ticked = j.interview.norms.count(norm.id) && j.interview.norms.at(norm.id);
        if (checkbox(ui, norm.text.c_str(), &ticked)) lt.set_norm(id, norm.id, ticked);
        ImGui::PopID();
    }

    subheading("Meeting notes");
    std::string notes = j.interview.notes;
    TextFieldOptions notes_options = long_text("What did your leader say matters most right now?", 5);
    notes_options.word_count = true;
    if (text_field(ui, "Notes from the conversation", notes, notes_options)) lt.set_meeting_notes(id, notes);
}

// [SECTION] Step 5: the collaboration map ---------------------------------------------------------

void note_buttons(Workbench& wb, UiState& ui, const Journey& j, const CollaborationNote& note, bool aligned) {
    LetsTalk& lt = wb.lets_talk();
    bool first = true;
    const auto next = [&](const char* label) { if (!first) flow(button_width(label)); first = false; };
    if (aligned) {
        next("Move to the margins");
        if (button(ui, "Move to the margins", ButtonKind::Secondary)) lt.move_to_margins(j.id, note.id);
    } else if (note.kind == NoteKind::Priority) {
        next("Into the circle");
        if (button(ui, "Into the circle", ButtonKind::Secondary)) lt.bring_into_circle(j.id, note.id);
    }
    next("Remove");
    if (button(ui, "Remove", ButtonKind::Quiet)) lt.remove_map_note(j.id, note.id);
}

void step_connect(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    const CollaborationMap& map = j.collaboration;
    subheading("Priorities in the circle");
    paragraph("Put two or three priorities you heard from your leader in the circle, then place the library's "
              "strengths beside the ones they serve. Whatever you are unsure about waits on the margins.", true);
    map_area(wb, ui, j, MapKind::Collaboration);
    const std::vector<AlignedGroup> groups = aligned_pairs(map);
    if (groups.empty()) paragraph("No priorities in the circle yet.", true);
    for (const AlignedGroup& group : groups) {
        ImGui::PushID(group.priority.id.c_str());
        item_line(group.priority.text, true);
        note_buttons(wb, ui, j, group.priority, true);
        ImGui::Indent();
        for (const CollaborationNote& s : group.strengths) {
            ImGui::PushID(s.id.c_str());
            paragraph("Library strength: " + s.text);
            note_buttons(wb, ui, j, s, true);
            ImGui::PopID();
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    const std::string priority = add_row(ui, "A school or district priority", "Add priority", "priority:" + id,
                                         "e.g. Every student reading at grade level");
    if (!priority.empty()) lt.add_priority(id, priority);

    subheading("On the margins");
    const std::vector<CollaborationNote> margins = margin_notes(map);
    if (margins.empty()) paragraph("Nothing on the margins.", true);
    std::vector<const CollaborationNote*> priorities;
    for (const CollaborationNote& n : map.notes)
        if (n.kind == NoteKind::Priority) priorities.push_back(&n);
    for (const CollaborationNote& note : margins) {
        ImGui::PushID(note.id.c_str());
        paragraph((note.kind == NoteKind::Priority ? "Priority: " : "Library strength: ") + note.text);
        if (note.kind == NoteKind::Strength && !priorities.empty()) {
            ImGui::Indent();
            paragraph("Place beside:", true);
            for (const CollaborationNote* p : priorities) {
                ImGui::PushID(p->id.c_str());
                if (radio(ui, p->text.c_str(), false, note.text)) lt.place_beside(id, note.id, p->id);
                ImGui::PopID();
            }
            ImGui::Unindent();
        }
        note_buttons(wb, ui, j, note, false);
        ImGui::PopID();
    }

    subheading("Library strengths");
    const std::vector<AreaRef> offered = strengths_to_offer(map, journey_strength_areas(j));
    if (!offered.empty()) paragraph("From your strengths in step 2:", true);
    for (size_t i = 0; i < offered.size(); i++) {
        const AreaRef& area = offered[i];
        ImGui::PushID((int)i);
        const std::string label = "+ " + area.area_name;
        if (i > 0) flow(button_width(label.c_str()));
        if (button(ui, label.c_str(), ButtonKind::Secondary)) lt.add_offered_strength(id, area);
        ImGui::PopID();
    }
    const std::string strength = add_row(ui, "Another library strength", "Add library strength", "cstrength:" + id,
                                         "e.g. Book clubs for reluctant readers");
    if (!strength.empty()) lt.add_map_strength(id, strength);
}

// [SECTION] Step 6: the agreement -----------------------------------------------------------------

// A plan note's quadrant, chosen from the list as the Venn's regions are: the note moves on the map too.
void plan_note_quadrant(Workbench& wb, UiState& ui, const std::string& journey_id, const PlanNote& note) {
    ImGui::PushID(note.id.c_str());
    const bool moving = ui.lets_talk.moving_item == note.id;
    if (button(ui, moving ? "Done choosing" : "Move to another quadrant", ButtonKind::Quiet))
        ui.lets_talk.moving_item = moving ? std::string() : note.id;
    if (moving) {
        ImGui::Indent();
        for (int quadrant = kWho; quadrant <= kWhere; quadrant++)
            if (radio(ui, region_label(MapKind::Agreement, quadrant).c_str(), note.region == quadrant, note.id)) {
                wb.lets_talk().move_plan_note(journey_id, note.id, LetsTalk::PlanField(quadrant - kWho));
                ui.lets_talk.moving_item.clear();
            }
        ImGui::Unindent();
    }
    ImGui::PopID();
}

void step_agree(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    const Agreement& ag = j.agreement;
    subheading("Possible areas to work on together");
    paragraph("Name two or three areas you could take on together. Agree on one for the center; the others wait "
              "in the parking lot for another time.", true);
    map_area(wb, ui, j, MapKind::Agreement);
    for (size_t i = 0; i < ag.candidates.size(); i++) {
        const AgreementCandidate& c = ag.candidates[i];
        ImGui::PushID(c.id.c_str());
        ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
        std::string title = c.title, description = c.description;
        const std::string n = std::to_string(i + 1);
        if (text_field(ui, ("Area " + n + "##title").c_str(), title, short_text("e.g. A school-wide reading challenge", 120)))
            lt.set_candidate_title(id, i, title);
        if (text_field(ui, ("What it would involve##" + n).c_str(), description, long_text()))
            lt.set_candidate_description(id, i, description);
        const std::string group = "Center";
        if (radio(ui, ("In the center##" + n).c_str(), ag.center == c.id, group)) lt.agree_on(id, c.id);
        flow(button_width("Remove area"));
        if (button(ui, "Remove area", ButtonKind::Quiet)) lt.remove_candidate(id, i);
        ImGui::PopID();
    }
    const bool room = ag.candidates.size() < kMaxAgreementCandidates;
    if (room && button(ui, "Add a possible area", ButtonKind::Secondary)) lt.add_candidate(id, AgreementCandidate{});

    // Step 5's priorities with a strength beside them, each one press away.
    const std::vector<AgreementCandidate> offered = candidates_to_offer(j);
    if (!offered.empty())
        paragraph(room ? "From your collaboration map in step 5:"
                       : "From your collaboration map in step 5 (remove an area to add one of these):", true);
    for (size_t i = 0; i < offered.size(); i++) {
        const AgreementCandidate& c = offered[i];
        ImGui::PushID(c.from_priority.c_str());
        const std::string label = "+ " + c.title;
        if (i > 0) flow(button_width(label.c_str()));
        if (!room) ImGui::BeginDisabled();
        if (button(ui, label.c_str(), ButtonKind::Secondary)) lt.add_candidate(id, c);
        if (!room) ImGui::EndDisabled();
        ImGui::PopID();
    }

    const AgreementCandidate* center = agreement_center(ag);
    const std::vector<AgreementCandidate> parked = parking_lot(ag);
    if (center) paragraph("In the center: " + (center->title.empty() ? std::string("(untitled)") : center->title));
    if (center && !parked.empty()) {
        std::string names;
        for (const AgreementCandidate& c : parked) names += (names.empty() ? "" : "; ") + (c.title.empty() ? std::string("(untitled)") : c.title);
        paragraph("In the parking lot: " + names, true);
    }

    subheading("The plan around it");
    paragraph("Each quadrant holds notes; on the map they are the Who, When, What and Where around the idea in the center.", true);
    using Plan = LetsTalk::PlanField;
    struct Quadrant { const char* label; const char* hint; const char* add; Plan plan; };
    static const Quadrant quadrants[] = {
        {"Who is involved", "e.g. Grade 4 team, the reading coach and me", "Add a note to Who", Plan::Who},
        {"When it happens", "e.g. Starting in January, every other Friday", "Add a note to When", Plan::When},
        {"What we will do", "e.g. A reading challenge with a family night", "Add a note to What", Plan::What},
        {"Where it happens", "e.g. The library and grade 4 classrooms", "Add a note to Where", Plan::Where},
    };
    for (const Quadrant& q : quadrants) {
        const int region = kWho + int(q.plan);
        std::vector<const PlanNote*> notes;
        for (const PlanNote& note : ag.notes)
            if (note.region == region) notes.push_back(&note);
        stable_sort_by(notes, [](const PlanNote* a, const PlanNote* b) {
            return reads_before({a->place.x, a->place.y}, {b->place.x, b->place.y});
        });
        // The first field keeps one id whether or not its note exists yet, so typing into an empty
        // quadrant (which makes the note) never loses the field's focus.
        std::string first = notes.empty() ? std::string() : notes[0]->text;
        if (text_field(ui, q.label, first, long_text(q.hint))) lt.set_plan(id, q.plan, first);
        if (!notes.empty()) plan_note_quadrant(wb, ui, id, *notes[0]);
        for (size_t n = 1; n < notes.size(); n++) {
            ImGui::PushID(notes[n]->id.c_str());
            std::string text = notes[n]->text;
            const std::string label = std::string(q.label) + ", note " + std::to_string(n + 1);
            if (text_field(ui, label.c_str(), text, long_text())) lt.set_map_note_text(id, MapKind::Agreement, notes[n]->id, text);
            if (button(ui, "Remove note", ButtonKind::Quiet)) lt.remove_map_notes(id, MapKind::Agreement, {notes[n]->id});
            ImGui::PopID();
            plan_note_quadrant(wb, ui, id, *notes[n]);
        }
        if (!notes.empty() && button(ui, q.add, ButtonKind::Quiet)) lt.add_plan_note(id, q.plan, "");
    }
    std::string owner = ag.next_step_owner;
    if (text_field(ui, "Who starts the next step", owner, short_text("e.g. I send a draft plan by Friday", 200)))
        lt.set_next_step_owner(id, owner);
}

} // namespace

size_t list_rows_laid_out() { return rows_laid_out.frame == ImGui::GetFrameCount() ? rows_laid_out.rows : 0; }

void step_work(Workbench& wb, UiState& ui, const Journey& j, const std::string& step_id) {
    if (step_id == "mindset") step_mindset(wb, ui, j);
    else if (step_id == "future-ready") step_future_ready(wb, ui, j);
    else if (step_id == "research") step_research(wb, ui, j);
    else if (step_id == "interview") step_interview(wb, ui, j);
    else if (step_id == "connect") step_connect(wb, ui, j);
    else if (step_id == "agree") step_agree(wb, ui, j);
}

} // namespace wf::ui
