// The self-assessment tool's commands and cached views, over the Workbench's documents
// ("assessment:<id>", "goal:<id>", "framework:<id>"). Views read parsed assessments from here (cached
// by document revision, so nothing is parsed per frame) and call these named commands; each records
// one undo step under its own label. Parsed documents are shared snapshots a view may hold for its
// frame: a command in the same frame replaces the cached one without freeing what the view reads.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/pack_copy.hpp"
#include "core/assessment.hpp"
#include "core/assessment_results.hpp"
#include "core/framework_pack.hpp"
#include "core/goal.hpp"

namespace wf {

class Workbench;

class SelfAssessment {
public:
    explicit SelfAssessment(Workbench& wb) : wb_(wb) {}

    // --- frameworks: the packs this build ships (parsed on first use), then the ones the user loaded
    void set_builtin_pack_texts(std::vector<const char*> texts) { builtin_texts_ = std::move(texts); }
    std::vector<const FrameworkPack*> frameworks();

    // --- assessments, newest first
    std::vector<std::string> assessment_ids() const;
    std::shared_ptr<const Assessment> assessment(const std::string& id);           // null when there is none
    std::shared_ptr<const std::vector<AreaResult>> results(const std::string& id);
    std::string display_title(const Assessment& assessment) const;   // its title, or one from its date
    std::string in_progress_id() const;     // the newest unfinished assessment, or ""
    std::string latest_id() const;          // the newest finished assessment, else the newest, or ""
    std::string start(const FrameworkPack& pack);
    void set_answer(const std::string& id, const std::string& statement_id, Answer answer);
    void set_grow(const std::string& id, const std::string& area_id, bool grow);
    void set_note(const std::string& id, const std::string& area_id, const std::string& note);
    void set_current_area(const std::string& id, int area_index);
    void finish(const std::string& id);
    void rename(const std::string& id, const std::string& title);
    void remove(const std::string& id);

    // The earlier assessment's scores against the later one, area by area, and placed on the later
    // one's wheel; computed once per pair of revisions. Null when either is missing.
    struct Comparison { std::vector<AreaChange> changes; std::vector<std::optional<double>> earlier_scores; };
    std::shared_ptr<const Comparison> comparison(const std::string& earlier_id, const std::string& later_id);

    // --- goals, newest first
    std::vector<std::string> goal_ids() const;
    std::shared_ptr<const Goal> goal(const std::string& id);
    // The goal made from this area's stretch in this assessment, or "". A stretch has at most one.
    std::string goal_for_stretch(const std::string& assessment_id, const std::string& area_id);
    // Makes the stretch's goal, or returns the one it already has (never a second, blank one).
    std::string add_goal_from_stretch(const std::string& assessment_id, const AreaResult& area);
    void set_goal_statement(const std::string& id, const std::string& statement);
    void set_goal_status(const std::string& id, GoalStatus status);
    void add_goal_step(const std::string& id);
    void set_goal_step_text(const std::string& id, size_t step, const std::string& text);
    void set_goal_step_date(const std::string& id, size_t step, const std::string& target_date);
    void set_goal_step_done(const std::string& id, size_t step, bool done);
    void remove_goal_step(const std::string& id, size_t step);
    void remove_goal(const std::string& id);

    // --- sharing
    std::string export_text(const std::string& id) const;  // the assessment as a single-item file
    void export_json(const std::string& id) const;
    void export_summary(const std::string& id);           // printable one-page HTML for a principal

    // How many times an assessment's framework copy was read and validated: once per assessment,
    // not per answer.
    size_t framework_copy_reads() const { return framework_copy_reads_; }

private:
    bool is_completed(const std::string& id) const;
    template <typename Edit> void edit(const std::string& id, const std::string& label, const std::string& coalesce, Edit change);
    // One undo step per burst on `field` of the goal.
    template <typename Edit> void edit_goal(const std::string& id, const std::string& field, Edit change);

    struct CachedAssessment {
        uint64_t revision = 0;
        std::shared_ptr<const Assessment> assessment;
        std::shared_ptr<const std::vector<AreaResult>> results;
        PackCopy<PackLoad> framework;
    };
    struct CachedGoal { uint64_t revision = 0; std::shared_ptr<const Goal> goal; };
    struct CachedComparison { std::string earlier, later; uint64_t earlier_revision = 0, later_revision = 0; std::shared_ptr<const Comparison> comparison; };
    Workbench& wb_;
    std::vector<const char*> builtin_texts_;
    std::vector<FrameworkPack> builtin_;
    bool builtin_parsed_ = false;
    std::map<std::string, std::pair<uint64_t, FrameworkPack>> loaded_;   // key -> (revision, pack)
    std::map<std::string, CachedAssessment> assessments_;
    std::map<std::string, CachedGoal> goals_;
    CachedComparison comparison_;
    size_t framework_copy_reads_ = 0;
};

} // namespace wf
