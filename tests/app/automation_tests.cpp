// The automation records (ui/automation): typed records built by the widgets each frame, turned into
// the JSON window.wayfinder.items() gives the browser tests (and, later, the screen-reader mirror).
// Also the native editor, asked for through UiState rather than from the platform.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "app/headless_imgui.hpp"
#include "ui/ui_state.hpp"
#include "ui/widgets.hpp"

using namespace wf;
using automation::Record;
using wf::test::find_item;
using wf::test::HeadlessImGui;

namespace {
nlohmann::json json_of(const std::vector<Record>& records, float ratio = 1.0f) {
    return nlohmann::json::parse(automation::to_json(records, ratio));
}
} // namespace

TEST_CASE("records read as JSON with the fields the browser tests read, in CSS pixels") {
    Record box;
    box.id = 42;
    box.parent = 7;
    box.role = "checkbox";
    box.label = "Shared the plan";
    box.checked = true;
    box.x = 20; box.y = 40; box.w = 30; box.h = 10;
    Record field;
    field.id = 43;
    field.role = "textbox-multiline";
    field.label = "Reflection";
    field.value = std::string("caf\xC3\xA9 \xFF");   // broken UTF-8 as typed is replaced, not a failure
    field.hint = "e.g. What went well?";
    field.editing = false;
    Record nameless;   // ImGui's own unlabelled items (a spacer) are left out
    const nlohmann::json items = json_of({box, field, nameless}, 2.0f);
    REQUIRE(items.size() == 2);

    const nlohmann::json& b = items[0];
    CHECK(b["role"] == "checkbox");
    CHECK(b["label"] == "Shared the plan");
    CHECK(b["checked"] == true);
    CHECK(b["id"] == 42);
    CHECK(b["parent"] == 7);
    CHECK(b["x"] == 10.0);
    CHECK(b["y"] == 20.0);
    CHECK(b["w"] == 15.0);
    CHECK(b["h"] == 5.0);
    CHECK(b["disabled"] == false);
    CHECK(b["focused"] == false);
    CHECK(b["clipped"] == false);
    CHECK(b["cut"] == false);
    CHECK_FALSE(b.contains("value"));
    CHECK_FALSE(b.contains("editing"));
    CHECK_FALSE(b.contains("selected"));

    const nlohmann::json& f = items[1];
    CHECK(f["value"] == "caf\xC3\xA9 \xEF\xBF\xBD");
    CHECK(f["hint"] == "e.g. What went well?");
    CHECK(f["editing"] == false);
    CHECK_FALSE(f.contains("checked"));
}

TEST_CASE("a record without a role reads as a button; a progress bar's value and a wedge's score read as numbers") {
    Record plain;
    plain.label = "Open";
    Record progress;
    progress.role = "progressbar";
    progress.label = "3 of 10 answered";
    progress.amount = 0.3f;
    Record rated, unrated;
    rated.role = unrated.role = "wedge";
    rated.label = "Spaces";
    unrated.label = "Creators (not rated)";
    rated.wedge = automation::Wedge{2.0 / 3.0, true, std::string("Developing"), 0.0f, 1.0471976f};
    unrated.wedge = automation::Wedge{std::nullopt, false, std::nullopt, 1.0471976f, 2.0943951f};
    const nlohmann::json items = json_of({plain, progress, rated, unrated});
    CHECK(items[0]["role"] == "button");
    CHECK(items[1]["value"] == 0.3);
    CHECK(items[2]["score"] == 0.6667);
    CHECK(items[2]["rated"] == true);
    CHECK(items[2]["level"] == "Developing");
    CHECK(items[2]["start"] == 0.0);
    CHECK(items[2]["end"] == 1.047198);
    CHECK(items[3]["score"].is_null());
    CHECK(items[3]["level"].is_null());
    CHECK(items[3]["rated"] == false);
}

TEST_CASE("widgets record their role, label and state, with the window they are in as parent") {
    HeadlessImGui imgui;
    ui::UiState state;
    bool shared = true;
    std::string note = "Met the head of science.";
    const auto draw = [&] {
        ui::begin_widgets_frame(state);
        ui::heading("Getting started");
        ui::checkbox(state, "Shared the plan##plan", &shared);
        ui::radio(state, "Often", true, "I model curiosity");
        ui::radio(state, "Rarely", false, "I model curiosity");
        ui::nav_item(state, "", "Home", true);
        ui::icon_button(state, "Undo", ui::ButtonKind::Quiet, "U");
        ui::text_field(state, "Note", note, {});
        ui::progress_bar(0.25f, "1 of 4 answered");
        ImGui::BeginDisabled();
        ui::button(state, "Not yet");
        ImGui::EndDisabled();
        ui::end_widgets_frame(state);
    };
    imgui.frame(draw);
    const ImGuiID window = ImGui::FindWindowByName("##test")->ID;

    const Record* box = find_item("Shared the plan", "checkbox");
    REQUIRE(box);
    CHECK(box->checked == true);
    CHECK(box->parent == window);
    CHECK(box->id != 0);
    const Record* often = find_item("Often", "radio");
    REQUIRE(often);
    CHECK(often->checked == true);
    CHECK(often->group == "I model curiosity");
    CHECK(find_item("Rarely", "radio")->checked == false);
    const Record* home = find_item("Home", "tab");
    REQUIRE(home);
    CHECK(home->selected == true);
    CHECK(find_item("Undo", "button"));   // named by its label, not its icon
    const Record* field = find_item("Note", "textbox");
    REQUIRE(field);
    CHECK(field->value == note);
    CHECK(field->editing == false);
    const Record* progress = find_item("1 of 4 answered", "progressbar");
    REQUIRE(progress);
    CHECK(progress->amount == 0.25f);
    CHECK(progress->parent == window);
    CHECK(find_item("Getting started", "heading"));
    CHECK(find_item("Not yet", "button")->disabled);

    // The JSON says the same.
    const nlohmann::json items = nlohmann::json::parse(automation::items_json());
    bool seen = false;
    for (const auto& item : items)
        if (item["label"] == "Shared the plan") {
            seen = true;
            CHECK(item["role"] == "checkbox");
            CHECK(item["checked"] == true);
            CHECK(item["parent"] == window);
        }
    CHECK(seen);

    // Unticked, the record says so on the next frame; ids are stable from frame to frame.
    const ImGuiID id = box->id;
    shared = false;
    imgui.frame(draw);
    CHECK(find_item("Shared the plan", "checkbox")->checked == false);
    CHECK(find_item("Shared the plan", "checkbox")->id == id);
}

TEST_CASE("a text field asks for the native editor through UiState, over the field, and for it to go when the field does") {
    HeadlessImGui imgui;
    ui::UiState state;
    std::string note = "Met the head of science.";
    bool shown = true;
    const auto draw = [&] {
        ui::begin_widgets_frame(state);
        if (shown) ui::text_field(state, "Note", note, {});
        ui::end_widgets_frame(state);
    };
    imgui.frame(draw);
    CHECK(state.editor.action == ui::EditorRequest::Action::None);
    const Record* field = find_item("Note", "textbox");
    REQUIRE(field);
    const ImGuiID id = field->id;
    const float field_x = field->x, field_w = field->w;
    imgui.point_and_click(field->x + 10, field->y + field->h / 2, draw);
    CHECK(state.edit.field_id == id);
    CHECK(find_item("Note", "textbox")->editing == true);
    REQUIRE(state.editor.action == ui::EditorRequest::Action::Show);
    CHECK(state.editor.show.field_id == id);
    CHECK(state.editor.show.value == note);
    CHECK(state.editor.show.label == "Note");
    CHECK(state.editor.show.rect.x == doctest::Approx(field_x));
    CHECK(state.editor.show.rect.w == doctest::Approx(field_w));

    // The editor sends text; the field takes it on its next frame, and the editor stays over it.
    state.editor = {};
    state.edit.text = "Met the head of science and the librarian.";
    state.edit.has_new_text = true;
    imgui.frame(draw);
    CHECK(note == "Met the head of science and the librarian.");
    CHECK(state.editor.action == ui::EditorRequest::Action::Show);
    CHECK_FALSE(state.editor.show.replace_value);

    // The field is gone (another page): the session ends and the editor is asked to go.
    shown = false;
    imgui.frame(draw);
    CHECK(state.edit.field_id == 0);
    CHECK(state.editor.action == ui::EditorRequest::Action::Hide);
}

TEST_CASE("a date field reads typed dates against the day and order UiState gives, and its calendar asks for the date input") {
    HeadlessImGui imgui;
    ui::UiState state;
    state.today = "2026-11-29";
    state.date_order = DateOrder::DayMonthYear;
    std::string date;
    const auto draw = [&] {
        ui::begin_widgets_frame(state);
        ui::date_field(state, "Target date", date);
        ui::end_widgets_frame(state);
    };
    imgui.frame(draw);
    const Record* field = find_item("Target date", "textbox");
    REQUIRE(field);
    CHECK(field->shown == "");
    CHECK(field->hint == "e.g. March 15, 2027");
    const Record* calendar = find_item("Calendar: Target date", "button");
    REQUIRE(calendar);
    CHECK(calendar->expanded == false);

    // Typed: 1/12/2027 is the 1st of December where the day comes first; read when the editor closes.
    imgui.point_and_click(field->x + 5, field->y + field->h / 2, draw);
    REQUIRE(state.editor.action == ui::EditorRequest::Action::Show);
    CHECK_FALSE(state.editor.show.date_input);
    state.edit.text = "1/12/2027";
    state.edit.has_new_text = true;
    state.edit.closing = true;
    imgui.frame(draw);
    CHECK(date == "2027-12-01");
    state.edit = {};

    // The calendar button opens the browser's date input.
    calendar = find_item("Calendar: Target date", "button");
    REQUIRE(calendar);
    imgui.point_and_click(calendar->x + calendar->w / 2, calendar->y + calendar->h / 2, draw);
    REQUIRE(state.editor.action == ui::EditorRequest::Action::Show);
    CHECK(state.editor.show.date_input);
    CHECK(state.editor.show.value == "2027-12-01");
    CHECK(find_item("Calendar: Target date", "button")->expanded == true);
}
