// [SECTION] Schema
// [SECTION] Reading and writing
// [SECTION] Progress
// [SECTION] Single-item import

#include "core/assessment.hpp"
#include "core/dates.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

using nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Schema
//-------------------------------------------------------------------------------------------------

namespace {

// Only fills what is missing or of the wrong kind. Unlike the profile, it does not round-trip the
// typed view: restoring runs on every load and import, and must not drop answers whatever the
// framework copy holds (it may not validate in this build).
void fill_assessment_defaults(json& doc)
{
    const auto ensure = [&doc](const char* key, bool (json::*is_kind)() const noexcept, json fallback) {
        const json* value = json_field(doc, key);
        if (!value || !(value->*is_kind)())
            doc[key] = std::move(fallback);
    };
    ensure("id", &json::is_string, "");
    ensure("title", &json::is_string, "");
    ensure("created_at", &json::is_string, "");
    ensure("current_area", &json::is_number, 0);
    ensure("answers", &json::is_object, json::object());
    ensure("areas", &json::is_object, json::object());
    const json* completed_at = json_field(doc, "completed_at");
    if (!completed_at || !(completed_at->is_string() || completed_at->is_null()))
        doc["completed_at"] = nullptr;
}

} // namespace

const DocumentSchema& assessment_schema()
{
    // The noun reads after "a": restore messages say "Choose a self-assessment exported from Wayfinder."
    static const DocumentSchema schema{kAssessmentType, "self-assessment", 1, {}, fill_assessment_defaults, "assessment:"};
    return schema;
}

std::string assessment_key(const std::string& id) { return assessment_schema().key + id; }

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading and writing
//-------------------------------------------------------------------------------------------------

namespace {

bool is_scale_value(const FrameworkPack& pack, int value)
{
    return std::any_of(pack.scale.begin(), pack.scale.end(), [value](const RatingLevel& level) {
        return level.value == value;
    });
}

// A whole number that fits an int, or nullopt.
std::optional<int> stored_whole_number(const json& obj, const char* key)
{
    const std::optional<double> value = json_number(obj, key);
    if (!value || std::trunc(*value) != *value || std::fabs(*value) > 1e9)
        return std::nullopt;
    return int(*value);
}

Answer answer_from_entry(const json& entry, const Assessment& assessment)
{
    Answer answer;
    const json* not_applicable = json_field(entry, "not_applicable");
    if (not_applicable && *not_applicable == true) {
        answer.kind = Answer::Kind::NotApplicable;
        return answer;
    }
    const std::optional<int> rating = stored_whole_number(entry, "rating");
    const bool scale_known = assessment.pack_error.empty();
    if (rating && (!scale_known || is_scale_value(assessment.pack, *rating))) {
        answer.kind = Answer::Kind::Rated;
        answer.rating = *rating;
    }
    return answer;
}

// The existing entry (to keep what a newer build stored in it), or an empty object.
json existing_entry(const json& doc, const char* map_key, const std::string& id)
{
    const json* entry = json_field(doc, map_key);
    entry = entry ? json_field(*entry, id) : nullptr;
    return entry && entry->is_object() ? *entry : json::object();
}

} // namespace

PackLoad assessment_framework_copy(const json& doc)
{
    if (const json* framework = json_field(doc, "framework"))
        return framework_pack_from_json(*framework);
    PackLoad lost;
    lost.error = "This self-assessment has lost its copy of the framework it was taken with.";
    return lost;
}

Assessment assessment_from_doc(const json& doc) { return assessment_from_doc(doc, assessment_framework_copy(doc)); }

Assessment assessment_from_doc(const json& doc, const PackLoad& framework_copy)
{
    Assessment assessment;
    assessment.id = json_string(doc, "id");
    assessment.title = json_string(doc, "title");
    assessment.created_at = json_string(doc, "created_at");
    assessment.completed_at = json_string(doc, "completed_at");

    if (framework_copy.ok)
        assessment.pack = framework_copy.pack;
    else
        assessment.pack_error = framework_copy.error;

    const int last_area = std::max(0, int(assessment.pack.areas.size()) - 1);
    const std::optional<double> current_area = json_number(doc, "current_area");
    if (current_area && std::isfinite(*current_area))
        assessment.current_area = int(std::clamp(std::round(*current_area), 0.0, double(last_area)));

    if (const json* answers = json_field(doc, "answers"); answers && answers->is_object())
        for (const auto& [statement_id, entry] : answers->items()) {
            const Answer answer = answer_from_entry(entry, assessment);
            if (answer.kind != Answer::Kind::Unanswered)
                assessment.answers[statement_id] = answer;
        }

    if (const json* areas = json_field(doc, "areas"); areas && areas->is_object())
        for (const auto& [area_id, entry] : areas->items()) {
            if (!entry.is_object())
                continue;
            AreaReflection reflection;
            const json* grow = json_field(entry, "grow");
            reflection.grow = grow && *grow == true;
            reflection.note = json_string(entry, "note");
            assessment.areas[area_id] = std::move(reflection);
        }
    return assessment;
}

void assessment_write(json& doc, const Assessment& assessment)
{
    if (!doc.is_object())
        doc = new_assessment_doc(assessment.pack, assessment.id, assessment.title, assessment.created_at);
    doc["id"] = assessment.id;
    doc["title"] = assessment.title;
    doc["created_at"] = assessment.created_at;
    doc["completed_at"] = assessment.completed() ? json(assessment.completed_at) : json(nullptr);
    doc["current_area"] = assessment.current_area;

    json answers = json::object();
    for (const auto& [statement_id, answer] : assessment.answers) {
        if (answer.kind == Answer::Kind::Unanswered)
            continue;
        json entry = existing_entry(doc, "answers", statement_id);
        if (answer.kind == Answer::Kind::Rated) {
            entry.erase("not_applicable");
            entry["rating"] = answer.rating;
        } else {
            entry.erase("rating");
            entry["not_applicable"] = true;
        }
        answers[statement_id] = std::move(entry);
    }
    doc["answers"] = std::move(answers);

    json areas = json::object();
    for (const auto& [area_id, reflection] : assessment.areas) {
        json entry = existing_entry(doc, "areas", area_id);
        entry["grow"] = reflection.grow;
        entry["note"] = reflection.note;
        areas[area_id] = std::move(entry);
    }
    doc["areas"] = std::move(areas);
}

json new_assessment_doc(const FrameworkPack& pack, std::string id, std::string title, std::string created_at)
{
    return json{{"type", kAssessmentType},
                {"version", assessment_schema().current_version},
                {"id", std::move(id)},
                {"title", std::move(title)},
                {"created_at", std::move(created_at)},
                {"completed_at", nullptr},
                {"framework", framework_pack_to_json(pack)},
                {"current_area", 0},
                {"answers", json::object()},
                {"areas", json::object()}};
}

Answer effective_answer(const Assessment& assessment, const std::string& statement_id)
{
    const auto found = assessment.answers.find(statement_id);
    if (found == assessment.answers.end())
        return {};
    const Answer& answer = found->second;
    if (answer.kind == Answer::Kind::Rated && !is_scale_value(assessment.pack, answer.rating))
        return {};
    return answer;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Progress
//-------------------------------------------------------------------------------------------------

AssessmentProgress assessment_progress(const Assessment& assessment)
{
    AssessmentProgress progress;
    progress.areas_total = int(assessment.pack.areas.size());
    for (const FrameworkArea& area : assessment.pack.areas) {
        int answered = 0;
        for (const PracticeStatement& statement : area.statements)
            if (effective_answer(assessment, statement.id).kind != Answer::Kind::Unanswered)
                answered++;
        progress.area_answered.push_back(answered);
        progress.statements_total += int(area.statements.size());
        progress.statements_answered += answered;
        if (answered == int(area.statements.size()))
            progress.areas_complete++;
    }
    return progress;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Single-item import
//-------------------------------------------------------------------------------------------------

std::string describe_assessment_item(const json& doc, std::vector<std::string>& summary)
{
    const Assessment assessment = assessment_from_doc(doc);
    if (!assessment.pack_error.empty())
        return "Wayfinder cannot read this self-assessment's copy of the framework it was taken with, so its "
               "results cannot be shown. Nothing was imported. (" + assessment.pack_error + ")";
    summary.push_back(assessment.title.empty() ? "Self-assessment (no title)"
                                               : "Self-assessment: " + assessment.title);
    summary.push_back("Framework: " + assessment.pack.title + ", version " + assessment.pack.version);
    const std::string completed_on = iso_date_part(assessment.completed_at);
    if (assessment.completed() && !completed_on.empty()) {
        summary.push_back("Finished " + completed_on);
    } else if (!assessment.completed()) {
        const AssessmentProgress progress = assessment_progress(assessment);
        summary.push_back("Not finished: " + std::to_string(progress.statements_answered) + " of " +
                          std::to_string(progress.statements_total) + " statements answered");
    }
    return {};
}

} // namespace wf
