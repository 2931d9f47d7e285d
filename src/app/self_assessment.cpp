#include "app/self_assessment.hpp"

#include <algorithm>

#include "app/workbench.hpp"
#include "core/assessment_report.hpp"
#include "core/document_types.hpp"
#include "core/iso_date.hpp"
#include "core/item_file.hpp"
#include "core/json_fields.hpp"
#include "core/workspace_file.hpp"

namespace wf {

// [SECTION] Frameworks
// [SECTION] Assessments
// [SECTION] Goals
// [SECTION] Sharing

namespace {
const std::string kAssessmentPrefix = "assessment:";
const std::string kGoalPrefix = "goal:";
const std::string kFrameworkPrefix = "framework:";

std::vector<std::string> ids_newest_first(const Workbench& wb, const std::string& prefix) {
    std::vector<std::string> ids;
    for (const std::string& key : wb.keys_with_prefix(prefix)) ids.push_back(key.substr(prefix.size()));
    std::reverse(ids.begin(), ids.end());   // ids begin with their creation time
    return ids;
}
} // namespace

// [SECTION] Frameworks --------------------------------------------------------------------------------

std::vector<const FrameworkPack*> SelfAssessment::frameworks() {
    if (!builtin_parsed_) {
        builtin_parsed_ = true;
        for (const char* text : builtin_texts_) {
            PackLoad load = load_framework_pack(text);
            if (load.ok) builtin_.push_back(std::move(load.pack));
        }
    }
    std::vector<const FrameworkPack*> packs;
    for (const FrameworkPack& pack : builtin_) packs.push_back(&pack);
    for (const std::string& key : wb_.keys_with_prefix(kFrameworkPrefix)) {
        auto& cached = loaded_[key];
        if (cached.first != wb_.document_revision(key)) {
            const nlohmann::json* pack = json_field(*wb_.document(key), "pack");
            PackLoad load = pack ? framework_pack_from_json(*pack) : PackLoad{};
            cached = {wb_.document_revision(key), load.ok ? load.pack : FrameworkPack{}};
        }
        if (!cached.second.areas.empty()) packs.push_back(&cached.second);
    }
    return packs;
}

// [SECTION] Assessments -------------------------------------------------------------------------------

std::vector<std::string> SelfAssessment::assessment_ids() const { return ids_newest_first(wb_, kAssessmentPrefix); }

// An assessment is read once per revision, and its framework copy once per assessment: answers never
// change the copy, so a new revision with the same copy reuses what was read (no second validation).
std::shared_ptr<const Assessment> SelfAssessment::assessment(const std::string& id) {
    const std::string key = assessment_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) return nullptr;
    CachedAssessment& cached = assessments_[key];
    const uint64_t revision = wb_.document_revision(key);
    if (cached.assessment && cached.revision == revision) return cached.assessment;
    const PackLoad& framework = cached.framework.of(*doc, "framework", assessment_framework_copy, framework_copy_reads_);
    auto read = std::make_shared<const Assessment>(assessment_from_doc(*doc, framework));
    cached.revision = revision;
    cached.results = std::make_shared<const std::vector<AreaResult>>(
        read->pack_error.empty() ? assessment_results(*read) : std::vector<AreaResult>{});
    cached.assessment = std::move(read);
    return cached.assessment;
}

std::shared_ptr<const std::vector<AreaResult>> SelfAssessment::results(const std::string& id) {
    return assessment(id) ? assessments_[assessment_key(id)].results : nullptr;
}

std::shared_ptr<const SelfAssessment::Comparison> SelfAssessment::comparison(const std::string& earlier_id, const std::string& later_id) {
    const std::shared_ptr<const Assessment> earlier = assessment(earlier_id), later = assessment(later_id);
    if (!earlier || !later) return nullptr;
    const uint64_t earlier_revision = wb_.document_revision(assessment_key(earlier_id));
    const uint64_t later_revision = wb_.document_revision(assessment_key(later_id));
    CachedComparison& c = comparison_;
    if (!c.comparison || c.earlier != earlier_id || c.later != later_id || c.earlier_revision != earlier_revision ||
        c.later_revision != later_revision) {
        Comparison made{compare_assessments(*earlier, *later), scores_on_pack(*results(earlier_id), later->pack)};
        c = CachedComparison{earlier_id, later_id, earlier_revision, later_revision, std::make_shared<const Comparison>(std::move(made))};
    }
    return c.comparison;
}

std::string SelfAssessment::display_title(const Assessment& a) const {
    if (!a.title.empty()) return a.title;
    return "Self-assessment of " + a.created_at.substr(0, 10);
}

// Read from the stored document, without parsing the whole assessment.
bool SelfAssessment::is_completed(const std::string& id) const {
    const nlohmann::json* doc = wb_.document(assessment_key(id));
    const nlohmann::json* completed = doc ? json_field(*doc, "completed_at") : nullptr;
    return completed && completed->is_string();
}

std::string SelfAssessment::in_progress_id() const {
    for (const std::string& id : assessment_ids())
        if (!is_completed(id)) return id;
    return "";
}

std::string SelfAssessment::latest_id() const {
    const std::vector<std::string> ids = assessment_ids();
    for (const std::string& id : ids)
        if (is_completed(id)) return id;
    return ids.empty() ? std::string() : ids.front();
}

std::string SelfAssessment::start(const FrameworkPack& pack) {
    const std::string id = wb_.new_id();
    wb_.update_document(assessment_key(id), new_assessment_doc(pack, id, "", wb_.now_iso()), "Start a self-assessment");
    return id;
}

// Every change is one read-modify-write of the document, undoable; typing in a note coalesces.
template <typename Edit>
void SelfAssessment::edit(const std::string& id, const std::string& label, const std::string& coalesce, Edit change) {
    const std::shared_ptr<const Assessment> current = assessment(id);
    if (!current) return;
    Assessment next = *current;
    change(next);
    nlohmann::json doc = *wb_.document(assessment_key(id));
    assessment_write(doc, next);
    wb_.update_document(assessment_key(id), std::move(doc), label, coalesce.empty() ? "" : assessment_key(id) + "." + coalesce);
}

void SelfAssessment::set_answer(const std::string& id, const std::string& statement_id, Answer answer) {
    edit(id, "Answer a statement", "", [&](Assessment& a) { a.answers[statement_id] = answer; });
}
void SelfAssessment::set_grow(const std::string& id, const std::string& area_id, bool grow) {
    edit(id, grow ? "Mark an area to grow" : "Unmark an area", "", [&](Assessment& a) { a.areas[area_id].grow = grow; });
}
void SelfAssessment::set_note(const std::string& id, const std::string& area_id, const std::string& note) {
    edit(id, "Edit a note", "note." + area_id, [&](Assessment& a) { a.areas[area_id].note = note; });
}
void SelfAssessment::set_current_area(const std::string& id, int area_index) {
    const std::shared_ptr<const Assessment> a = assessment(id);
    if (!a || a->current_area == area_index) return;
    // Where to resume is saved but is not an edit worth undoing: written without an undo step.
    Assessment next = *a;
    next.current_area = area_index;
    nlohmann::json doc = *wb_.document(assessment_key(id));
    assessment_write(doc, next);
    wb_.replace_document_quietly(assessment_key(id), std::move(doc));
}
void SelfAssessment::finish(const std::string& id) {
    edit(id, "Finish the self-assessment", "", [&](Assessment& a) { a.completed_at = wb_.now_iso(); });
}
void SelfAssessment::rename(const std::string& id, const std::string& title) {
    edit(id, "Rename", "title", [&](Assessment& a) { a.title = title; });
}
void SelfAssessment::remove(const std::string& id) {
    const std::shared_ptr<const Assessment> a = assessment(id);
    if (a) wb_.remove_document(assessment_key(id), "Delete " + display_title(*a));
}

// [SECTION] Goals -------------------------------------------------------------------------------------

std::vector<std::string> SelfAssessment::goal_ids() const { return ids_newest_first(wb_, kGoalPrefix); }

std::shared_ptr<const Goal> SelfAssessment::goal(const std::string& id) {
    const std::string key = goal_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) return nullptr;
    CachedGoal& cached = goals_[key];
    if (!cached.goal || cached.revision != wb_.document_revision(key))
        cached = {wb_.document_revision(key), std::make_shared<const Goal>(goal_from_doc(*doc))};
    return cached.goal;
}

std::string SelfAssessment::goal_for_stretch(const std::string& assessment_id, const std::string& area_id) {
    for (const std::string& id : goal_ids())
        if (const std::shared_ptr<const Goal> g = goal(id); g && g->from_assessment == assessment_id && g->area.area_id == area_id) return id;
    return "";
}

std::string SelfAssessment::add_goal_from_stretch(const std::string& assessment_id, const AreaResult& area) {
    const std::shared_ptr<const Assessment> a = assessment(assessment_id);
    if (!a) return "";
    if (std::string existing = goal_for_stretch(assessment_id, area.area_id); !existing.empty()) return existing;
    const std::string id = wb_.new_id();
    Goal goal = goal_from_stretch(area, a->pack, assessment_id, id, wb_.now_iso());
    wb_.update_document(goal_key(id), new_goal_doc(goal), "Create a goal");
    return id;
}

template <typename Edit>
void SelfAssessment::edit_goal(const std::string& id, const std::string& field, Edit change) {
    const std::shared_ptr<const Goal> current = goal(id);
    const nlohmann::json* stored = current ? wb_.document(goal_key(id)) : nullptr;
    if (!stored) return;
    Goal next = *current;
    change(next);
    nlohmann::json doc = *stored;
    goal_write(doc, next);
    wb_.update_document(goal_key(id), std::move(doc), "Edit a goal", goal_key(id) + "." + field);
}

void SelfAssessment::set_goal_statement(const std::string& id, const std::string& statement) {
    edit_goal(id, "statement", [&](Goal& g) { g.statement = statement; });
}
void SelfAssessment::set_goal_status(const std::string& id, GoalStatus status) {
    edit_goal(id, "status", [&](Goal& g) { g.status = status; });
}
void SelfAssessment::add_goal_step(const std::string& id) {
    edit_goal(id, "add", [&](Goal& g) { g.steps.push_back(GoalStep{}); });
}
// Steps are addressed by their place in the list as drawn; each field's typing coalesces per step.
void SelfAssessment::set_goal_step_text(const std::string& id, size_t step, const std::string& text) {
    edit_goal(id, "step" + std::to_string(step + 1), [&](Goal& g) { if (step < g.steps.size()) g.steps[step].text = text; });
}
void SelfAssessment::set_goal_step_date(const std::string& id, size_t step, const std::string& target_date) {
    edit_goal(id, "date" + std::to_string(step + 1), [&](Goal& g) { if (step < g.steps.size()) g.steps[step].target_date = target_date; });
}
void SelfAssessment::set_goal_step_done(const std::string& id, size_t step, bool done) {
    edit_goal(id, "done" + std::to_string(step + 1), [&](Goal& g) { if (step < g.steps.size()) g.steps[step].done = done; });
}
void SelfAssessment::remove_goal_step(const std::string& id, size_t step) {
    edit_goal(id, "remove", [&](Goal& g) { if (step < g.steps.size()) g.steps.erase(g.steps.begin() + (std::ptrdiff_t)step); });
}

void SelfAssessment::remove_goal(const std::string& id) { wb_.remove_document(goal_key(id), "Delete a goal"); }

// [SECTION] Sharing -----------------------------------------------------------------------------------

std::string SelfAssessment::export_text(const std::string& id) const {
    const nlohmann::json* doc = wb_.document(assessment_key(id));
    return doc ? item_share_text(*doc, ExportInfo{wb_.now_iso(), wb_.app_version()}) : std::string();
}

void SelfAssessment::export_json(const std::string& id) const {
    const std::string text = export_text(id);
    if (text.empty()) return;
    const std::string name = export_file_name("assessment", wb_.today(), "json");
    wb_.download_text(name, "application/json", text);
}

void SelfAssessment::export_summary(const std::string& id) {
    const std::shared_ptr<const Assessment> a = assessment(id);
    if (!a) return;
    std::vector<Goal> goals;
    for (const std::string& goal_id : goal_ids())
        if (const std::shared_ptr<const Goal> g = goal(goal_id); g && g->from_assessment == id) goals.push_back(*g);
    const std::string html = assessment_summary_html(*a, wb_.profile(), goals);
    const std::string name = export_file_name("summary", wb_.today(), "html");
    wb_.download_text(name, "text/html", html);
    wb_.notify(Notice::Kind::Success, "Saved " + name + ". Open it in the browser and print it, or attach it to an email.");
}

} // namespace wf
