// [SECTION] Schema
// [SECTION] Reading and writing
// [SECTION] Progress
// [SECTION] Single-item files

#include "core/assessment.hpp"
#include "core/document_merge.hpp"

#include "core/goal.hpp"
#include "core/journey.hpp"
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
// [SECTION] Single-item files
//-------------------------------------------------------------------------------------------------

namespace {

const DocumentSchema& item_file_schema()
{
    // No defaults: a file without its item is refused, not read as empty.
    static const DocumentSchema schema{kItemType, "single-item file", 1, {}, nullptr};
    return schema;
}

// "2026-11-20T14:05:09Z" -> "2026-11-20"; empty when the text does not start with a date.
std::string date_part(const std::string& iso)
{
    const std::string date = iso.substr(0, 10);
    return is_iso_calendar_date(date) ? date : std::string();
}

// Checks beyond the schema, and the lines that tell the user what they are about to add.
// Returns an error for the user, or "" when the item can be added.
std::string describe_assessment(const json& doc, std::vector<std::string>& summary)
{
    const Assessment assessment = assessment_from_doc(doc);
    if (!assessment.pack_error.empty())
        return "Wayfinder cannot read this self-assessment's copy of the framework it was taken with, so its "
               "results cannot be shown. Nothing was imported. (" + assessment.pack_error + ")";
    summary.push_back(assessment.title.empty() ? "Self-assessment (no title)"
                                               : "Self-assessment: " + assessment.title);
    summary.push_back("Framework: " + assessment.pack.title + ", version " + assessment.pack.version);
    const std::string completed_on = date_part(assessment.completed_at);
    if (assessment.completed() && !completed_on.empty()) {
        summary.push_back("Finished " + completed_on);
    } else if (!assessment.completed()) {
        const AssessmentProgress progress = assessment_progress(assessment);
        summary.push_back("Not finished: " + std::to_string(progress.statements_answered) + " of " +
                          std::to_string(progress.statements_total) + " statements answered");
    }
    return {};
}

// One row per kind of document that travels on its own; goals join here when they do.
struct ItemKind {
    const DocumentSchema& (*schema)();
    std::string (*key)(const std::string& id);
    std::string (*describe)(const json& doc, std::vector<std::string>& summary);
};

const ItemKind kItemKinds[] = {
    {assessment_schema, assessment_key, describe_assessment},
    {journey_schema, journey_key, describe_journey_import},
};

const ItemKind* item_kind_for_type(const std::string& type)
{
    for (const ItemKind& kind : kItemKinds)
        if (type == kind.schema().type)
            return &kind;
    return nullptr;
}

} // namespace

std::string item_export_text(const json& doc, const ExportInfo& info)
{
    // ordered_json keeps the envelope's fields first and the item last, for a person reading the file.
    nlohmann::ordered_json file;
    file["type"] = kItemType;
    file["version"] = item_file_schema().current_version;
    file["app_version"] = info.app_version;
    file["exported_at"] = info.exported_at;
    // A shared copy carries the document, not this device's unsettled two-tab conflicts: the other
    // text may be a private reflection (the workspace backup keeps them).
    nlohmann::ordered_json item(doc);
    if (item.is_object())
        item.erase(kConflictsField);
    file["item"] = std::move(item);
    // Replacing invalid UTF-8 (instead of the default throw, which would abort) keeps the export
    // possible even if some text arrived damaged.
    return file.dump(2, ' ', /*ensure_ascii=*/false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string assessment_export_text(const json& assessment_doc, const ExportInfo& info)
{
    return item_export_text(assessment_doc, info);
}

ItemImport plan_item_import(std::string_view text, bool fresh_id, const std::string& new_id,
                            const ParseLimits& limits)
{
    ItemImport plan;
    ParsedJson parsed = parse_json_limited(text, limits);
    if (!parsed.ok) {
        plan.error = parsed.error;
        return plan;
    }

    const std::string file_type = json_string(parsed.value, "type");
    if (file_type == kWorkspaceType) {
        plan.error = "This file is a whole workspace backup, not a single item. Import it as a workspace backup "
                     "instead (that replaces everything in this workspace).";
        return plan;
    }
    // A bare document (as a PNG snapshot may carry) is read as if it came in an item file. Moved, not
    // copied, from here on: an import holds its item once.
    Restored envelope;
    json* item = &parsed.value;
    if (!item_kind_for_type(file_type)) {
        envelope = restore_document(std::move(parsed.value), item_file_schema());
        if (!envelope.ok) {
            plan.error = envelope.error;
            return plan;
        }
        const auto carried = envelope.doc.find("item");
        item = carried == envelope.doc.end() ? nullptr : &*carried;
        if (!item || !item->is_object()) {
            plan.error = "This file is damaged: the item it should carry is missing. Nothing was imported; choose "
                         "another copy.";
            return plan;
        }
    }

    const std::string item_type = json_string(*item, "type");
    const ItemKind* kind = item_kind_for_type(item_type);
    if (!kind) {
        plan.error = item_type.rfind("wayfinder.", 0) == 0
                         ? "This file holds a kind of item this copy of Wayfinder cannot add (\"" +
                               pack_reading::excerpt(item_type, 40) + "\"). Reload Wayfinder while online to update it, then try again."
                         : "This file is damaged: the item it carries does not say what it is. Nothing was "
                           "imported; choose another copy.";
        return plan;
    }
    Restored restored = restore_document(std::move(*item), kind->schema());
    if (!restored.ok) {
        plan.error = restored.error;
        return plan;
    }

    std::string id = json_string(restored.doc, "id");
    if (fresh_id || id.empty())
        id = new_id;
    restored.doc["id"] = id;
    const std::string problem = kind->describe(restored.doc, plan.summary);
    if (!problem.empty()) {
        plan.summary.clear();
        plan.error = problem;
        return plan;
    }
    // Once added, the item is part of every later backup, which must open again.
    const std::string key = kind->key(id);
    const std::string backup_problem = document_backup_problem(key, restored.doc, limits);
    if (!backup_problem.empty()) {
        plan.summary.clear();
        plan.error = "Nothing was imported: Wayfinder could not keep this " + std::string(kind->schema().noun) +
                     " safely, since a backup holding it could not be opened again (" + backup_problem +
                     "). Choose another copy.";
        return plan;
    }
    const std::string exported_on = date_part(json_string(envelope.doc, "exported_at"));
    if (!exported_on.empty())
        plan.summary.push_back("Exported " + exported_on);

    plan.key = key;
    plan.doc = std::move(restored.doc);
    plan.ok = true;
    return plan;
}

} // namespace wf
