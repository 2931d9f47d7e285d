// The Let's Talk page: the librarian's conversation journeys, and one step at a time with its
// guidance, process checklist and reflection prompts (answers autosave, with word counts).
#include "ui/pages.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "app/lets_talk.hpp"
#include "app/workbench.hpp"
#include "ui/automation.hpp"
#include "ui/icons.hpp"
#include "ui/lets_talk_steps.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] Sharing
// [SECTION] Journeys
// [SECTION] A step

namespace {

void bullets(const std::vector<std::string>& lines, bool dim = false) {
    for (const std::string& line : lines) paragraph("• " + line, dim);
}

// [SECTION] Sharing --------------------------------------------------------------------------------

// The Reflection Guide (HTML to print, or Markdown) and the journey file that imports back.
void share_buttons(Workbench& wb, UiState& ui, const std::string& id) {
    LetsTalk& lt = wb.lets_talk();
    const bool with_private = ui.lets_talk.include_private;
    if (button(ui, "Reflection Guide (HTML)", ButtonKind::Secondary, icon::kDownload)) lt.export_guide(id, false, with_private);
    flow(button_width("Markdown", icon::kDownload));
    if (button(ui, "Markdown", ButtonKind::Secondary, icon::kDownload)) lt.export_guide(id, true, with_private);
    flow(button_width("Journey file (JSON)", icon::kDownload));
    if (button(ui, "Journey file (JSON)", ButtonKind::Secondary, icon::kDownload)) lt.export_json(id, with_private);
}

void private_option(UiState& ui) {
    checkbox(ui, "Include my private continuum in guides and journey files", &ui.lets_talk.include_private);
}

// [SECTION] Journeys --------------------------------------------------------------------------------

void journey_list(Workbench& wb, UiState& ui) {
    LetsTalk& lt = wb.lets_talk();
    const JourneyPack* pack = lt.pack();
    paragraph("Seven steps toward a conversation with a building leader: your mindset, your strengths, your "
              "school's plans, an interview, shared priorities, a plan you agree on, and what you learned. Work "
              "through them over weeks; everything you write becomes your Reflection Guide.", true);
    show_view(ui, "journeys");
    if (!pack) {
        status_text("The journey's guide could not be read in this version of Wayfinder.", palette().error);
        return;
    }
    if (button(ui, "Start a new journey", ButtonKind::Primary, icon::kTalk)) ui.lets_talk.journey_id = lt.start("");
    const std::vector<std::string> ids = lt.journey_ids();
    if (!ids.empty()) subheading("Your journeys");
    for (const std::string& id : ids) {
        const std::shared_ptr<const Journey> j = lt.journey(id);
        if (!j) continue;
        ImGui::PushID(id.c_str());
        ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
        const JourneyProgress progress = journey_progress(*j);
        paragraph(lt.display_name(*j) + " · " + std::to_string(progress.steps_done) + " of " +
                  std::to_string(progress.steps_total) + " steps done");
        status_text("Started " + j->created_at.substr(0, 10) + (j->leader.empty() ? "" : " · with " + j->leader) +
                        (j->school.empty() ? "" : " · " + j->school), palette().text_dim);
        if (button(ui, "Open journey", ButtonKind::Primary)) ui.lets_talk.journey_id = id;
        flow(button_width("Reflection Guide (HTML)", icon::kDownload));
        share_buttons(wb, ui, id);
        flow(button_width("Delete"));
        if (ui.lets_talk.deleting_id != id) {
            if (button(ui, "Delete", ButtonKind::Quiet)) ui.lets_talk.deleting_id = id;
        } else {
            if (button(ui, "Delete this journey", ButtonKind::Primary)) {
                lt.remove(id);
                ui.lets_talk.deleting_id.clear();
            }
            flow(button_width("Keep it"));
            if (button(ui, "Keep it", ButtonKind::Secondary)) ui.lets_talk.deleting_id.clear();
        }
        ImGui::PopID();
    }
    if (!ids.empty()) private_option(ui);
}

// [SECTION] A step ----------------------------------------------------------------------------------

// What the step asks the librarian to make, and what of it is still to do; counted in the progress.
void step_work_status(const StepProgress& progress) {
    if (progress.work.empty()) return;
    if (progress.work_done == (int)progress.work.size()) {
        status_text(std::string(icon::kCheck) + "  This step's work is done.", palette().success);
        return;
    }
    std::string to_do;
    for (const StepWork& work : progress.work)
        if (!work.done) to_do += (to_do.empty() ? "" : " ") + work.to_do;
    paragraph("Still to do in this step: " + to_do, true);
}

void step_view(Workbench& wb, UiState& ui, const Journey& j) {
    LetsTalk& lt = wb.lets_talk();
    const std::string& id = j.id;
    if (j.pack.steps.empty()) {
        paragraph("This journey's guide cannot be read: " + j.pack_error);
        if (button(ui, "Back to your journeys")) ui.lets_talk.journey_id.clear();
        return;
    }
    const JourneyStep* step = j.pack.find_step(j.current_step);
    if (!step) step = &j.pack.steps.front();
    const JourneyProgress progress = journey_progress(j);
    show_view(ui, "journey " + id + " step " + step->id);

    std::string name = j.name;
    TextFieldOptions name_options;
    name_options.hint = "e.g. 2026–27 with our principal";
    name_options.max_chars = 120;
    if (text_field(ui, "Journey name", name, name_options)) lt.rename(id, name);
    status_text("Started " + j.created_at.substr(0, 10), palette().text_dim);
    progress_bar((float)progress.fraction(), std::to_string(progress.steps_done) + " of " + std::to_string(progress.steps_total) +
                                                 " steps done · " + std::to_string(progress.items_done) + " of " +
                                                 std::to_string(progress.items_total) + " items");

    // Every step, to move freely between them; a tick marks the done ones.
    for (size_t i = 0; i < j.pack.steps.size(); i++) {
        const JourneyStep& s = j.pack.steps[i];
        const bool done = i < progress.steps.size() && progress.steps[i].done;
        const std::string chip = std::to_string(i + 1) + " " + s.title + (done ? std::string(" ") + icon::kCheck : "");
        ImGui::PushID((int)i);
        if (i > 0) flow(button_width(chip.c_str()));
        if (button(ui, chip.c_str(), &s == step ? ButtonKind::Primary : ButtonKind::Secondary)) lt.set_current_step(id, s.id);
        ImGui::PopID();
    }

    const size_t index = (size_t)(step - j.pack.steps.data());
    const std::string step_heading = "Step " + std::to_string(index + 1) + ": " + step->title;
    subheading(step_heading);
    if (const std::string shown = id + "/" + step->id; ui.spoken.step != shown) {
        ui.spoken.step = shown;
        automation::announce(step_heading);
    }
    paragraph(step->question);
    paragraph(step->introduction, true);
    step_work_status(progress.steps[index]);
    if (!step->competencies.empty()) { subheading("Key competencies"); bullets(step->competencies, true); }

    const auto responses = j.steps.count(step->id) ? j.steps.at(step->id) : StepResponses{};
    if (!step->checklist.empty()) subheading("Process checklist");
    for (const JourneyItem& item : step->checklist) {
        ImGui::PushID(item.id.c_str());
        bool ticked = responses.checklist.count(item.id) && responses.checklist.at(item.id);
        if (checkbox(ui, item.text.c_str(), &ticked)) lt.set_checklist(id, step->id, item.id, ticked);
        ImGui::PopID();
    }

    step_work(wb, ui, j, step->id);

    if (!step->reflections.empty()) subheading("Reflect");
    for (const ReflectionPrompt& prompt : step->reflections) {
        ImGui::PushID(prompt.id.c_str());
        std::string answer = responses.answers.count(prompt.id) ? responses.answers.at(prompt.id) : std::string();
        TextFieldOptions long_text;
        long_text.multiline = true;
        long_text.min_lines = 3;
        long_text.word_count = true;
        long_text.hint = prompt.example.c_str();
        if (text_field(ui, prompt.text.c_str(), answer, long_text)) lt.set_answer(id, step->id, prompt.id, answer);
        ImGui::PopID();
    }

    if (!step->tips.empty()) { subheading("Tips"); bullets(step->tips, true); }
    if (!step->think_aloud.empty()) { subheading("Think out loud"); bullets(step->think_aloud, true); }
    if (!step->sidebar.empty()) { subheading("The current conversation"); bullets(step->sidebar, true); }
    if (!step->resources.empty()) { subheading("Resources"); bullets(step->resources, true); }

    // From any step: the guide is worth having (or showing a leader) long before the last one.
    subheading("Your Reflection Guide");
    paragraph("Everything you wrote in this journey so far, step by step: print it, keep it, or share it with your "
              "building leader. The journey file opens in Wayfinder on another device.", true);
    share_buttons(wb, ui, id);
    private_option(ui);

    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    if (index > 0 && button(ui, "Previous step", ButtonKind::Secondary)) lt.set_current_step(id, j.pack.steps[index - 1].id);
    if (index > 0) ImGui::SameLine();
    if (index + 1 < j.pack.steps.size() && button(ui, "Next step", ButtonKind::Primary)) lt.set_current_step(id, j.pack.steps[index + 1].id);
    if (button(ui, "Back to your journeys", ButtonKind::Quiet)) ui.lets_talk.journey_id.clear();
}
} // namespace

void page_lets_talk(Workbench& wb, UiState& ui) {
    // Held for the whole frame: a command below replaces the cached journey, never this snapshot.
    const std::shared_ptr<const Journey> j = ui.lets_talk.journey_id.empty() ? nullptr : wb.lets_talk().journey(ui.lets_talk.journey_id);
    if (j) step_view(wb, ui, *j);
    else {
        ui.lets_talk.journey_id.clear();
        journey_list(wb, ui);
    }
}

} // namespace wf::ui
