// The Self-assessment page: an overview (continue, start with a chosen framework, history, goals),
// taking it one area at a time, the results (wheel, strengths, stretches, comparison), and goals.
#include "ui/pages.hpp"

#include <cmath>
#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "core/framework_wheel.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/wheel_view.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] Helpers
// [SECTION] Overview
// [SECTION] Taking it
// [SECTION] Results
// [SECTION] Goals

namespace {

// [SECTION] Helpers ---------------------------------------------------------------------------------

// What each level of the scale means, in words on the page: a touch screen has no hover to show them.
void level_definitions(const FrameworkPack& pack) {
    for (const RatingLevel& level : pack.scale)
        if (!level.description.empty()) paragraph(level.name + ": " + level.description, true);
}

void open_results(UiState& ui, const std::string& id) {
    ui.assessment.view = AssessmentView::Results;
    ui.assessment.id = id;
    ui.assessment.compare_id.clear();
}

void open_goal(UiState& ui, const std::string& goal_id, AssessmentView back_to) {
    ui.page = Page::SelfAssessment;
    ui.assessment.view = AssessmentView::Goal;
    ui.assessment.goal_id = goal_id;
    ui.assessment.goal_return = back_to;
}

// [SECTION] Overview --------------------------------------------------------------------------------

void overview(Workbench& wb, UiState& ui) {
    SelfAssessment& sa = wb.self_assessment();
    show_view(ui, "assessment overview");
    paragraph("Rate your practice in each area of the framework, one area at a time. You can stop at any point "
              "and carry on later; every answer is saved as you go. At the end you see your strengths, the areas "
              "to stretch into, and a wheel to share with your principal.", true);

    const std::string open_id = sa.in_progress_id();
    if (const std::shared_ptr<const Assessment> current = open_id.empty() ? nullptr : sa.assessment(open_id)) {
        subheading("Carry on where you left off");
        const AssessmentProgress progress = assessment_progress(*current);
        paragraph(sa.display_title(*current) + " (" + current->pack.title + ")");
        progress_bar(progress.statements_total ? (float)progress.statements_answered / (float)progress.statements_total : 0.0f,
                     std::to_string(progress.statements_answered) + " of " + std::to_string(progress.statements_total) +
                         " statements answered");
        if (button(ui, "Continue the self-assessment", ButtonKind::Primary, icon::kPencil)) {
            ui.assessment.view = AssessmentView::Take;
            ui.assessment.id = open_id;
        }
    }

    subheading("Start a new self-assessment");
    const std::vector<const FrameworkPack*> packs = sa.frameworks();
    const FrameworkPack* chosen = packs.empty() ? nullptr : packs.front();
    for (const FrameworkPack* pack : packs)
        if (pack->id == ui.assessment.pack_id) chosen = pack;
    for (const FrameworkPack* pack : packs) {
        ImGui::PushID(pack->id.c_str());
        // The count, unless the title already gives it ("... (current, 11 areas)").
        const std::string count = std::to_string(pack->areas.size());
        const std::string label = pack->title.find(count + " ") != std::string::npos ? pack->title : pack->title + " (" + count + " areas)";
        if (radio(ui, label.c_str(), pack == chosen, "Framework")) ui.assessment.pack_id = pack->id;
        ImGui::PopID();
    }
    if (chosen && button(ui, "Start", ButtonKind::Primary, icon::kAssessment)) {
        ui.assessment.id = sa.start(*chosen);
        ui.assessment.view = AssessmentView::Take;
    }
    flow(button_width("Load a framework pack…", icon::kUpload));
    if (button(ui, "Load a framework pack…", ButtonKind::Secondary, icon::kUpload)) ui.open_file_request = true;
    paragraph("A district can remix the framework as a pack file (see the guide that comes with Wayfinder); load it here "
              "to assess against it.", true);

    const std::vector<std::string> ids = sa.assessment_ids();
    if (!ids.empty()) subheading("Your assessments");
    for (const std::string& id : ids) {
        const std::shared_ptr<const Assessment> a = sa.assessment(id);
        if (!a) continue;
        ImGui::PushID(id.c_str());
        if (ui.assessment.renaming_id == id) {
            std::string title = a->title.empty() ? sa.display_title(*a) : a->title;
            if (text_field(ui, "New name", title)) sa.rename(id, title);
            if (button(ui, "Done renaming")) ui.assessment.renaming_id.clear();
        } else {
            const std::shared_ptr<const std::vector<AreaResult>> results = sa.results(id);
            std::string line = sa.display_title(*a) + " · " + a->pack.title;
            line += a->completed() ? " · finished " + a->completed_at.substr(0, 10) : " · not finished";
            if (a->completed() && results && !results->empty()) line += " · overall " + overall_figure_text(overall_figure(*results));
            paragraph(line);
            if (a->completed() && button(ui, "View results", ButtonKind::Secondary)) open_results(ui, id);
            else if (!a->completed() && button(ui, "Continue", ButtonKind::Secondary)) {
                ui.assessment.view = AssessmentView::Take;
                ui.assessment.id = id;
            }
            ImGui::SameLine();
            if (button(ui, "Rename", ButtonKind::Quiet)) ui.assessment.renaming_id = id;
            ImGui::SameLine();
            if (button(ui, "Delete", ButtonKind::Quiet)) sa.remove(id);
        }
        ImGui::PopID();
    }
    subheading("Your goals");
    goals_summary(wb, ui);
}

// [SECTION] Taking it -------------------------------------------------------------------------------

void take(Workbench& wb, UiState& ui) {
    SelfAssessment& sa = wb.self_assessment();
    const std::string id = ui.assessment.id;
    const std::shared_ptr<const Assessment> a = sa.assessment(id);   // held for the frame
    if (!a || !a->pack_error.empty() || a->pack.areas.empty()) {
        paragraph(a ? "This assessment's framework cannot be read: " + a->pack_error : "This assessment no longer exists.");
        if (button(ui, "Back to the overview")) ui.assessment.view = AssessmentView::Overview;
        return;
    }
    const FrameworkPack& pack = a->pack;
    const int area_count = (int)pack.areas.size();
    const int index = ImClamp(a->current_area, 0, area_count - 1);
    const FrameworkArea& area = pack.areas[(size_t)index];
    const AssessmentProgress progress = assessment_progress(*a);
    show_view(ui, "assessment " + a->id + " area " + std::to_string(index));

    paragraph(sa.display_title(*a) + " · " + pack.title, true);
    progress_bar((float)progress.statements_answered / (float)ImMax(1, progress.statements_total),
                 std::to_string(progress.statements_answered) + " of " + std::to_string(progress.statements_total) +
                     " statements answered · " + std::to_string(progress.areas_complete) + " of " +
                     std::to_string(area_count) + " areas complete");

    // Every area, to jump to (skip now, come back later); a tick marks the complete ones.
    for (int i = 0; i < area_count; i++) {
        ImGui::PushID(i);
        const bool complete = progress.area_answered[(size_t)i] == (int)pack.areas[(size_t)i].statements.size();
        const std::string chip = std::to_string(i + 1) + (complete ? std::string(" ") + icon::kCheck : std::string());
        const float width = ImGui::CalcTextSize(chip.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0 && ImGui::GetItemRectMax().x + width + ImGui::GetStyle().ItemSpacing.x < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
        if (button(ui, (chip + "###area").c_str(), i == index ? ButtonKind::Primary : ButtonKind::Secondary)) sa.set_current_area(id, i);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", pack.areas[(size_t)i].name.c_str());
        ImGui::PopID();
    }

    const Gear* gear = pack.find_gear(area.gear);
    subheading("Area " + std::to_string(index + 1) + " of " + std::to_string(area_count) + ": " + area.name);
    if (gear) paragraph(gear->name, true);
    paragraph(area.description);
    level_definitions(pack);

    for (const PracticeStatement& statement : area.statements) {
        ImGui::PushID(statement.id.c_str());
        ImGui::Dummy(ImVec2(0, 4 * ui.scale));
        paragraph(statement.text);
        const Answer answer = effective_answer(*a, statement.id);
        for (const RatingLevel& level : pack.scale) {
            // The choices wrap as a row when the screen is narrow.
            if (&level != &pack.scale.front()) flow(radio_width(level.name.c_str()));
            // A remixed pack may name two levels alike, or one "Not applicable": each keeps its own id.
            ImGui::PushID(level.value);
            const bool selected = answer.kind == Answer::Kind::Rated && answer.rating == level.value;
            if (radio(ui, level.name.c_str(), selected, statement.text))
                sa.set_answer(id, statement.id, Answer{Answer::Kind::Rated, level.value});
            if (ImGui::IsItemHovered() && !level.description.empty()) ImGui::SetTooltip("%s", level.description.c_str());
            ImGui::PopID();
        }
        flow(radio_width("Not applicable"));
        if (radio(ui, "Not applicable", answer.kind == Answer::Kind::NotApplicable, statement.text))
            sa.set_answer(id, statement.id, Answer{Answer::Kind::NotApplicable, 0});
        ImGui::PopID();
    }

    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    const auto reflection = a->areas.count(area.id) ? a->areas.at(area.id) : AreaReflection{};
    bool grow = reflection.grow;
    if (checkbox(ui, "I want to grow here", &grow)) sa.set_grow(id, area.id, grow);
    std::string note = reflection.note;
    TextFieldOptions note_options;
    note_options.multiline = true;
    note_options.min_lines = 3;
    note_options.word_count = true;
    note_options.hint = area.example_ideas.empty() ? "" : area.example_ideas.front().c_str();
    if (text_field(ui, "An example from your practice (optional)", note, note_options)) sa.set_note(id, area.id, note);
    if (area.example_ideas.size() > 1) {
        std::string ideas = "Ideas: ";
        for (size_t i = 0; i < area.example_ideas.size(); i++) ideas += (i ? "; " : "") + area.example_ideas[i];
        paragraph(ideas, true);
    }

    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    if (index > 0 && button(ui, "Previous area", ButtonKind::Secondary)) sa.set_current_area(id, index - 1);
    if (index > 0) ImGui::SameLine();
    if (index + 1 < area_count && button(ui, "Next area", ButtonKind::Primary)) sa.set_current_area(id, index + 1);
    if (index + 1 < area_count) ImGui::SameLine();
    if (button(ui, "Finish and see results", index + 1 == area_count ? ButtonKind::Primary : ButtonKind::Secondary, icon::kCheck)) {
        sa.finish(id);
        open_results(ui, id);
    }
    if (progress.statements_answered < progress.statements_total)
        paragraph("Statements you leave unanswered are simply left out of your results.", true);
}

// [SECTION] Results ---------------------------------------------------------------------------------

void results(Workbench& wb, UiState& ui) {
    SelfAssessment& sa = wb.self_assessment();
    const std::string id = ui.assessment.id;
    // Held for the frame: a command below replaces the cached ones, never these snapshots.
    const std::shared_ptr<const Assessment> a = sa.assessment(id);
    const std::shared_ptr<const std::vector<AreaResult>> rs = sa.results(id);
    if (!a || !rs || rs->empty()) {
        paragraph("These results cannot be shown: the assessment is missing or its framework cannot be read.");
        if (!ui.snapshot_frame && button(ui, "Back to the overview")) ui.assessment.view = AssessmentView::Overview;
        return;
    }
    const FrameworkPack& pack = a->pack;
    // Choosing a comparison redraws the wheel with the earlier scores: the view starts at its top.
    show_view(ui, "assessment " + id + " results compared with " + ui.assessment.compare_id);
    subheading(sa.display_title(*a));
    std::string when = a->completed() ? "Finished " + a->completed_at.substr(0, 10) : "Not finished yet";
    paragraph(when + " · " + pack.title + " (version " + pack.version + ")", true);
    paragraph("Overall: " + overall_figure_text(overall_figure(*rs)));

    // Comparison with an earlier assessment: its scores drawn as arcs on the same wheel.
    // Both computed once per pair of revisions, not every frame.
    const std::shared_ptr<const Assessment> earlier = ui.assessment.compare_id.empty() ? nullptr : sa.assessment(ui.assessment.compare_id);
    if (earlier) paragraph("The dark arcs on the wheel show " + sa.display_title(*earlier) + ".", true);
    const std::shared_ptr<const SelfAssessment::Comparison> comparison = earlier ? sa.comparison(ui.assessment.compare_id, id) : nullptr;
    WheelOptions wheel;
    wheel.earlier_scores = comparison ? &comparison->earlier_scores : nullptr;
    wheel.max_width = ImGui::GetContentRegionAvail().x;
    if (!ui.snapshot_frame) {
        // Fitting starts the view at this checkbox, with the wheel sized to the height left under it:
        // when it is ticked, and whenever the results appear again with it ticked (not drawn last frame).
        const bool appeared = ui.assessment.results_frame != ImGui::GetFrameCount() - 1;
        ui.assessment.results_frame = ImGui::GetFrameCount();
        const float fit_top = ImGui::GetCursorPosY();
        if ((checkbox(ui, "Fit the wheel to the window", &ui.assessment.fit_wheel) || appeared) && ui.assessment.fit_wheel)
            ImGui::SetScrollY(fit_top);
        // The page's visible height: its window can reach below the edge its parent clips it at.
        const float visible = ImGui::GetCurrentWindow()->InnerClipRect.GetHeight();
        if (ui.assessment.fit_wheel) wheel.max_height = visible - (ImGui::GetCursorPosY() - fit_top);
    }
    framework_wheel(ui, pack, *rs, wheel);
    for (const Gear& gear : pack.gears) {
        unsigned v = 0x888888;
        if (gear.color.size() == 7) {
            // strtoul, not sscanf: the web app links no scanf family (1.7 KB gzip).
            char* end = nullptr;
            const unsigned long parsed = std::strtoul(gear.color.c_str() + 1, &end, 16);
            if (end != gear.color.c_str() + 1) v = (unsigned)parsed;
        }
        const ImVec2 dot = ImGui::GetCursorScreenPos();
        const float r = ImGui::GetFontSize() * 0.35f;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(dot.x + r, dot.y + ImGui::GetFontSize() * 0.5f), r,
                                                    IM_COL32((v >> 16) & 255, (v >> 8) & 255, v & 255, 255));
        ImGui::Dummy(ImVec2(r * 2.5f, ImGui::GetFontSize()));
        ImGui::SameLine();
        paragraph(gear.name, true);
    }
    paragraph("The rings, from the middle out: " + [&] {
        std::string names;
        for (const RatingLevel& level : pack.scale) names += (names.empty() ? "" : ", ") + level.name;
        return names;
    }() + ". A grey wedge with a dashed edge is an area with nothing rated.", true);
    level_definitions(pack);

    subheading("Your superpowers");
    const std::vector<AreaResult> strengths = rank_strengths(*rs);
    if (strengths.empty()) paragraph("No area scored high enough yet to count as a strength. That is a fine place to start.", true);
    for (size_t i = 0; i < strengths.size(); i++) {
        paragraph(std::to_string(i + 1) + ". " + strengths[i].name + ": " + area_score_text(pack, strengths[i]));
        if (!strengths[i].note.empty()) paragraph("“" + strengths[i].note + "”", true);
    }

    subheading("Your stretches");
    const std::vector<Stretch> stretches = rank_stretches(*rs);
    if (stretches.empty()) paragraph("No stretches: no area is marked for growth or scored low.", true);
    for (size_t i = 0; i < stretches.size(); i++) {
        const Stretch& s = stretches[i];
        ImGui::PushID((int)i);
        paragraph(std::to_string(i + 1) + ". " + s.area.name + ": " + area_score_text(pack, s.area) +
                  (s.reason == StretchReason::MarkedToGrow ? " · you want to grow here" : " · a lower score"));
        // A stretch has one goal: once made, the stretch shows it and opens it.
        const std::string goal_id = sa.goal_for_stretch(id, s.area.area_id);
        const std::shared_ptr<const Goal> goal = goal_id.empty() ? nullptr : sa.goal(goal_id);
        if (goal)
            paragraph(std::string(icon::kCheck) + " Your goal: " + (goal->statement.empty() ? "not written yet" : goal->statement) +
                          " · " + goal_status_label(goal->status), true);
        if (!ui.snapshot_frame && button(ui, goal ? "Open its goal" : "Make this a goal", ButtonKind::Secondary, icon::kPencil))
            open_goal(ui, goal ? goal_id : sa.add_goal_from_stretch(id, s.area), AssessmentView::Results);
        ImGui::PopID();
    }
    if (ui.snapshot_frame) return;   // the picture holds the wheel, strengths and stretches

    subheading("Compare with an earlier assessment");
    if (radio(ui, "No comparison", !earlier, "Compare with")) ui.assessment.compare_id.clear();
    for (const std::string& other : sa.assessment_ids()) {
        const std::shared_ptr<const Assessment> o = other == id ? nullptr : sa.assessment(other);
        if (!o || !o->completed()) continue;
        ImGui::PushID(other.c_str());
        if (radio(ui, sa.display_title(*o).c_str(), ui.assessment.compare_id == other, "Compare with")) ui.assessment.compare_id = other;
        ImGui::PopID();
    }
    if (comparison) {
        for (const AreaChange& change : comparison->changes) {
            std::string line = change.name + ": ";
            line += change.earlier ? percent_text(*change.earlier) : std::string("not rated");
            line += " → ";
            line += change.later ? percent_text(*change.later) : std::string("not rated");
            if (change.change) {
                const int points = (int)std::lround(*change.change * 100);
                line += points > 0 ? " (up " + std::to_string(points) + ")" : points < 0 ? " (down " + std::to_string(-points) + ")" : " (same)";
            }
            paragraph(line);
        }
    }

    subheading("Area by area");
    for (const AreaResult& r : *rs) {
        std::string counts = std::to_string(r.rated) + " rated";
        if (r.not_applicable) counts += ", " + std::to_string(r.not_applicable) + " not applicable";
        if (r.unanswered) counts += ", " + std::to_string(r.unanswered) + " unanswered";
        paragraph(r.name + ": " + area_score_text(pack, r) + " (" + counts + ")" + (r.grow ? " · want to grow" : ""));
        if (!r.note.empty()) paragraph("“" + r.note + "”", true);
    }

    subheading("Share");
    paragraph("The snapshot picture carries these results: dropping it into Wayfinder on any device adds them back.", true);
    if (button(ui, "Snapshot (PNG)", ButtonKind::Primary, icon::kCamera)) ui.snapshot_request = wb.prefs().snapshot_scale;
    flow(button_width("Export results (JSON)", icon::kDownload));
    if (button(ui, "Export results (JSON)", ButtonKind::Secondary, icon::kDownload)) sa.export_json(id);
    flow(button_width("Printable summary", icon::kDownload));
    if (button(ui, "Printable summary", ButtonKind::Secondary, icon::kDownload)) sa.export_summary(id);
    if (!a->completed() && button(ui, "Back to the questions")) ui.assessment.view = AssessmentView::Take;
    if (button(ui, "Back to the overview", ButtonKind::Quiet)) ui.assessment.view = AssessmentView::Overview;
}

// [SECTION] Goals -----------------------------------------------------------------------------------

void goal_editor(Workbench& wb, UiState& ui) {
    SelfAssessment& sa = wb.self_assessment();
    const std::shared_ptr<const Goal> current = sa.goal(ui.assessment.goal_id);
    if (!current) {
        paragraph("This goal no longer exists.");
        if (button(ui, "Back to the overview")) ui.assessment.view = AssessmentView::Overview;
        return;
    }
    Goal goal = *current;   // the fields as typed this frame
    const std::string& id = current->id;
    show_view(ui, "goal " + goal.id);
    subheading("Goal for " + goal.area.area_name);
    TextFieldOptions long_text;
    long_text.multiline = true;
    long_text.min_lines = 2;
    if (text_field(ui, "What you want to achieve", goal.statement, long_text)) sa.set_goal_statement(id, goal.statement);
    paragraph("Status", true);
    const GoalStatus statuses[] = {GoalStatus::NotStarted, GoalStatus::InProgress, GoalStatus::Done};
    for (GoalStatus status : statuses) {
        if (status != statuses[0]) flow(radio_width(goal_status_label(status)));
        if (radio(ui, goal_status_label(status), goal.status == status, "Status")) sa.set_goal_status(id, status);
    }
    subheading("Action steps");
    for (size_t i = 0; i < goal.steps.size(); i++) {
        ImGui::PushID((int)i);
        GoalStep& step = goal.steps[i];
        const std::string n = std::to_string(i + 1);
        if (text_field(ui, ("Step " + n).c_str(), step.text)) sa.set_goal_step_text(id, i, step.text);
        if (date_field(ui, ("Target date for step " + n).c_str(), step.target_date)) sa.set_goal_step_date(id, i, step.target_date);
        if (checkbox(ui, ("Step " + n + " done").c_str(), &step.done)) sa.set_goal_step_done(id, i, step.done);
        ImGui::SameLine();
        if (button(ui, ("Remove step " + n).c_str(), ButtonKind::Quiet)) {
            sa.remove_goal_step(id, i);
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (button(ui, "Add a step", ButtonKind::Secondary)) sa.add_goal_step(id);
    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    // Every edit is saved as it is made: closing the form only leaves it. Its label names where it
    // goes, and is no status's name ("Done" was both, and a click on one reached the other).
    const bool from_results = ui.assessment.goal_return == AssessmentView::Results;
    if (button(ui, from_results ? "Back to the results" : "Back to the overview", ButtonKind::Primary))
        ui.assessment.view = ui.assessment.goal_return;
    flow(button_width("Delete this goal"));
    if (button(ui, "Delete this goal", ButtonKind::Quiet)) {
        sa.remove_goal(goal.id);
        ui.assessment.view = ui.assessment.goal_return;
    }
}
} // namespace

void goals_summary(Workbench& wb, UiState& ui) {
    SelfAssessment& sa = wb.self_assessment();
    const std::vector<std::string> ids = sa.goal_ids();
    if (ids.empty()) {
        paragraph("No goals yet. After a self-assessment, turn one of your stretches into a goal.", true);
        return;
    }
    for (const std::string& id : ids) {
        const std::shared_ptr<const Goal> goal = sa.goal(id);
        if (!goal) continue;
        ImGui::PushID(id.c_str());
        std::string line = goal->statement.empty() ? "A goal for " + goal->area.area_name : goal->statement;
        line += std::string(" · ") + goal_status_label(goal->status);
        paragraph(line);
        for (const GoalStep& step : goal->steps)
            if (!step.done && !step.text.empty()) {
                paragraph("Next step: " + step.text + (step.target_date.empty() ? "" : " (by " + date_text(step.target_date) + ")"), true);
                break;
            }
        if (button(ui, "Open goal", ButtonKind::Quiet, icon::kPencil)) open_goal(ui, id, AssessmentView::Overview);
        ImGui::PopID();
    }
}

void page_self_assessment(Workbench& wb, UiState& ui) {
    switch (ui.assessment.view) {
        case AssessmentView::Take: take(wb, ui); break;
        case AssessmentView::Results: results(wb, ui); break;
        case AssessmentView::Goal: goal_editor(wb, ui); break;
        default: overview(wb, ui); break;
    }
}

} // namespace wf::ui
