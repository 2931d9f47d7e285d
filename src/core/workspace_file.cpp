// [SECTION] Export
// [SECTION] Import plan
// [SECTION] File names

#include "core/workspace_file.hpp"

#include "core/document_restore.hpp"
#include "core/document_types.hpp"
#include "core/json_fields.hpp"

#include <algorithm>

namespace wf {

namespace {

const DocumentSchema& workspace_schema()
{
    // No defaults to fill: a file without "documents" is refused rather than read as empty, since
    // importing it would replace the user's work with nothing.
    static const DocumentSchema schema{kWorkspaceType, "workspace", 1, {}, nullptr};
    return schema;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Export
//-------------------------------------------------------------------------------------------------

std::string workspace_export_text(const DocumentMap& docs, const ExportInfo& info,
                                  const std::vector<std::string>& device_only_keys)
{
    // ordered_json keeps the envelope's fields first and "documents" last, for a person reading the file.
    nlohmann::ordered_json file;
    file["type"] = kWorkspaceType;
    file["version"] = workspace_schema().current_version;
    file["app_version"] = info.app_version;
    file["exported_at"] = info.exported_at;
    nlohmann::ordered_json documents = nlohmann::ordered_json::object();
    for (const auto& [key, doc] : docs)
        if (std::find(device_only_keys.begin(), device_only_keys.end(), key) == device_only_keys.end())
            documents[key] = doc;
    file["documents"] = std::move(documents);
    // Replacing invalid UTF-8 (instead of the default throw, which would abort) keeps a backup possible
    // even if some text arrived damaged.
    return file.dump(2, ' ', /*ensure_ascii=*/false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Import plan
//-------------------------------------------------------------------------------------------------

namespace {

std::string profile_summary(const Profile& profile)
{
    std::string line = profile.name.empty() ? "Profile (no name yet)" : "Profile of " + profile.name;
    if (!profile.school.empty())
        line += " (" + profile.school + ")";
    return line;
}

// "2026-11-20T14:05:09Z" -> "2026-11-20"; empty when the text does not start with a date.
std::string date_part(const std::string& iso)
{
    if (iso.size() < 10)
        return {};
    for (size_t i = 0; i < 10; i++) {
        const bool dash = i == 4 || i == 7;
        if (dash ? iso[i] != '-' : (iso[i] < '0' || iso[i] > '9'))
            return {};
    }
    return iso.substr(0, 10);
}

std::string kept_unchanged_warning(size_t count)
{
    if (count == 1)
        return "1 item needs a newer Wayfinder to show; it will be kept unchanged.";
    return std::to_string(count) + " items need a newer Wayfinder to show; they will be kept unchanged.";
}

} // namespace

ImportPlan plan_workspace_import(std::string_view file_bytes, const ParseLimits& limits)
{
    ImportPlan plan;
    const ParsedJson parsed = parse_json_limited(file_bytes, limits);
    if (!parsed.ok) {
        plan.error = parsed.error;
        return plan;
    }

    const std::string type = json_string(parsed.value, "type");
    if (const DocumentSchema* item = schema_for_type(type)) {
        plan.error = std::string("This file holds a ") + item->noun + ", not a whole workspace. Choose a workspace "
                     "backup instead (its name starts with \"wayfinder-workspace-\").";
        return plan;
    }
    const Restored envelope = restore_document(parsed.value, workspace_schema());
    if (!envelope.ok) {
        plan.error = envelope.error;
        return plan;
    }
    const nlohmann::json* documents = json_field(envelope.doc, "documents");
    if (!documents || !documents->is_object()) {
        plan.error = "This workspace file is damaged: its list of items is missing. Nothing was imported; choose "
                     "another backup.";
        return plan;
    }

    size_t kept_verbatim = 0;
    for (const auto& [key, doc] : documents->items()) {
        const DocumentSchema* schema = schema_for_type(json_string(doc, "type"));
        if (!schema) {
            plan.documents[key] = doc;
            kept_verbatim++;
            continue;
        }
        if (schema == &prefs_schema())
            continue;
        Restored restored = restore_document(doc, *schema);
        if (!restored.ok) {
            plan.documents.clear();
            plan.error = "Nothing was imported. " + restored.error;
            return plan;
        }
        if (schema == &profile_schema())
            plan.summary.push_back(profile_summary(profile_from_doc(restored.doc)));
        plan.documents[key] = std::move(restored.doc);
    }

    const std::string exported_on = date_part(json_string(envelope.doc, "exported_at"));
    if (!exported_on.empty())
        plan.summary.push_back("Exported " + exported_on);
    if (kept_verbatim > 0)
        plan.warnings.push_back(kept_unchanged_warning(kept_verbatim));
    if (plan.documents.empty())
        plan.warnings.push_back("This backup holds no items: importing it would leave your workspace empty.");
    plan.ok = true;
    return plan;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] File names
//-------------------------------------------------------------------------------------------------

std::string export_file_name(std::string_view what, std::string_view iso_date, std::string_view ext)
{
    std::string slug;
    for (const char c : what) {
        const char lower = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9'))
            slug += lower;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    if (!slug.empty() && slug.back() == '-')
        slug.pop_back();

    std::string name = "wayfinder-";
    if (!slug.empty())
        name += slug + "-";
    name += iso_date;
    name += ".";
    name += ext;
    return name;
}

} // namespace wf
