#pragma once
// A growth goal: what the librarian wants to change, the framework area it serves, and dated
// action steps. Usually made from a stretch of a self-assessment; shown on Home.

#include "core/assessment_results.hpp"
#include "core/dates.hpp"
#include "core/document_restore.hpp"
#include "core/framework_pack.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kGoalType = "wayfinder.goal";

// {type, version, id, statement, area: {pack_id, area_id, area_name}, from_assessment,
//  steps: [{text, target_date, done}], status: "not-started" | "in-progress" | "done", created_at}
const DocumentSchema& goal_schema();

// Storage key of a goal: "goal:" + id.
std::string goal_key(const std::string& id);

enum class GoalStatus { NotStarted, InProgress, Done };

// "Not started", "In progress", "Done".
const char* goal_status_label(GoalStatus status);

struct GoalStep {
    std::string text;
    std::string target_date; // "": no date; else an ISO calendar date "2027-03-15"
    bool done = false;
};

// The area a goal serves. The name is copied so the goal reads the same if the pack changes.
struct GoalArea {
    std::string pack_id;
    std::string area_id;
    std::string area_name;
};

struct Goal {
    std::string id;
    std::string statement;             // "": what the librarian wants to achieve, one sentence
    GoalArea area;
    std::string from_assessment;       // "": the id of the assessment it came from, if any
    std::vector<GoalStep> steps;
    GoalStatus status = GoalStatus::NotStarted;
    std::string created_at;            // ISO 8601 UTC
};

// Missing or mistyped fields read as their defaults; an unknown status reads as not started and a
// target date that is not a real calendar date reads as no date.
Goal goal_from_doc(const nlohmann::json& doc);

// Writes the goal's fields; other fields are kept, and so are fields a newer build added inside a
// step (matched by position). A `doc` that is not an object is replaced by a new goal document.
void goal_write(nlohmann::json& doc, const Goal& goal);

nlohmann::json new_goal_doc(const Goal& goal);

// A goal to grow in a stretch area: a statement to edit, the area linked, one empty step.
Goal goal_from_stretch(const AreaResult& area, const FrameworkPack& pack, const std::string& assessment_id,
                       const std::string& goal_id, const std::string& created_at);

} // namespace wf
