// [SECTION] Schema
// [SECTION] Reading and writing
// [SECTION] Goals from stretches

#include "core/goal.hpp"

#include "core/enum_names.hpp"
#include "core/json_fields.hpp"

namespace wf {

using nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Schema
//-------------------------------------------------------------------------------------------------

namespace {

// As for the profile, the defaults live in one place: the struct's member initializers.
void fill_goal_defaults(json& doc) { goal_write(doc, goal_from_doc(doc)); }

constexpr EnumName<GoalStatus> kStatusNames[] = {
    {GoalStatus::NotStarted, "not-started", "Not started"},
    {GoalStatus::InProgress, "in-progress", "In progress"},
    {GoalStatus::Done, "done", "Done"},
};

const EnumName<GoalStatus>& status_name(GoalStatus status) { return name_of(kStatusNames, status); }

} // namespace

const DocumentSchema& goal_schema()
{
    static const DocumentSchema schema{kGoalType, "goal", 1, {}, fill_goal_defaults, "goal:"};
    return schema;
}

std::string goal_key(const std::string& id) { return goal_schema().key + id; }

const char* goal_status_label(GoalStatus status) { return status_name(status).label; }

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading and writing
//-------------------------------------------------------------------------------------------------

Goal goal_from_doc(const json& doc)
{
    Goal goal;
    goal.id = json_string(doc, "id");
    goal.statement = json_string(doc, "statement");
    goal.from_assessment = json_string(doc, "from_assessment");
    goal.created_at = json_string(doc, "created_at");
    if (const std::optional<GoalStatus> status = value_stored_as(kStatusNames, json_string(doc, "status")))
        goal.status = *status;

    if (const json* area = json_field(doc, "area")) {
        goal.area.pack_id = json_string(*area, "pack_id");
        goal.area.area_id = json_string(*area, "area_id");
        goal.area.area_name = json_string(*area, "area_name");
    }
    if (const json* steps = json_field(doc, "steps"); steps && steps->is_array())
        for (const json& entry : *steps) {
            if (!entry.is_object())
                continue;
            GoalStep step;
            step.text = json_string(entry, "text");
            // Kept as the librarian wrote it, even when it is not a calendar date ("next week"): the
            // view flags it with is_iso_calendar_date; dropping it would lose their words.
            step.target_date = json_string(entry, "target_date");
            const json* done = json_field(entry, "done");
            step.done = done && *done == true;
            goal.steps.push_back(std::move(step));
        }
    return goal;
}

void goal_write(json& doc, const Goal& goal)
{
    if (!doc.is_object())
        doc = json{{"type", kGoalType}, {"version", goal_schema().current_version}};
    doc["id"] = goal.id;
    doc["statement"] = goal.statement;
    doc["from_assessment"] = goal.from_assessment;
    doc["created_at"] = goal.created_at;
    doc["status"] = status_name(goal.status).stored;

    json area = json::object();
    if (const json* stored = json_field(doc, "area"); stored && stored->is_object())
        area = *stored;
    area["pack_id"] = goal.area.pack_id;
    area["area_id"] = goal.area.area_id;
    area["area_name"] = goal.area.area_name;
    doc["area"] = std::move(area);

    // Steps the reader skipped (not objects) are not counted, so positions match what was read.
    std::vector<json> stored_steps;
    if (const json* stored = json_field(doc, "steps"); stored && stored->is_array())
        for (const json& entry : *stored)
            if (entry.is_object())
                stored_steps.push_back(entry);
    json steps = json::array();
    for (size_t i = 0; i < goal.steps.size(); i++) {
        json entry = i < stored_steps.size() ? stored_steps[i] : json::object();
        entry["text"] = goal.steps[i].text;
        entry["target_date"] = goal.steps[i].target_date;
        entry["done"] = goal.steps[i].done;
        steps.push_back(std::move(entry));
    }
    doc["steps"] = std::move(steps);
}

json new_goal_doc(const Goal& goal)
{
    json doc = nullptr;
    goal_write(doc, goal);
    return doc;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Goals from stretches
//-------------------------------------------------------------------------------------------------

Goal goal_from_stretch(const AreaResult& area, const FrameworkPack& pack, const std::string& assessment_id,
                       const std::string& goal_id, const std::string& created_at)
{
    Goal goal;
    goal.id = goal_id;
    // Quoted, because area names are verb phrases in some packs ("Builds partnerships") and nouns in others.
    goal.statement = "Grow my practice in \xE2\x80\x9C" + area.name + "\xE2\x80\x9D.";
    goal.area = {pack.id, area.area_id, area.name};
    goal.from_assessment = assessment_id;
    goal.steps.push_back(GoalStep{});
    goal.created_at = created_at;
    return goal;
}

} // namespace wf
