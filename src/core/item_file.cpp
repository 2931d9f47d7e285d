// [SECTION] Export
// [SECTION] Import plan

#include "core/item_file.hpp"

#include "core/dates.hpp"
#include "core/document_merge.hpp"
#include "core/document_registry.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"

namespace wf {

using nlohmann::json;

namespace {

const DocumentSchema& item_file_schema()
{
    // No defaults: a file without its item is refused, not read as empty.
    static const DocumentSchema schema{kItemType, "single-item file", 1, {}, nullptr};
    return schema;
}

// The registry entry of a type that travels alone, or nullptr.
const DocumentKind* single_item_kind(const std::string& type)
{
    const DocumentKind* kind = document_kind(type);
    return kind && kind->single_item ? kind : nullptr;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Export
//-------------------------------------------------------------------------------------------------

std::string item_export_text(const json& doc, const ExportInfo& info)
{
    // Replacing invalid UTF-8 (instead of the default throw, which would abort) keeps the export
    // possible even if some text arrived damaged.
    const auto text = [](const json& value) { return value.dump(2, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace); };
    // A shared copy carries the document, not this device's unsettled two-tab conflicts: the other
    // text may be a private reflection (the workspace backup keeps them).
    json item = doc;
    if (item.is_object())
        item.erase(kConflictsField);
    // The envelope's fields come first and the item last, for a person reading the file; written by
    // hand, since nlohmann::json sorts keys and its ordered_json would bring a second copy of the
    // whole library into the web app (1.7 KB gzip). Every line break of a dump lies between tokens (a
    // string holds them escaped), so indenting the item's lines nests it.
    const std::string item_text = text(item);
    std::string nested;
    nested.reserve(item_text.size() + item_text.size() / 8);
    for (const char c : item_text) {
        nested += c;
        if (c == '\n')
            nested += "  ";
    }
    return "{\n  \"type\": " + text(kItemType) + ",\n  \"version\": " + text(item_file_schema().current_version) +
           ",\n  \"app_version\": " + text(info.app_version) + ",\n  \"exported_at\": " + text(info.exported_at) +
           ",\n  \"item\": " + nested + "\n}\n";
}

std::string item_share_text(const json& doc, const ExportInfo& info, bool include_private)
{
    return item_export_text(include_private ? doc : shared_document(doc), info);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Import plan
//-------------------------------------------------------------------------------------------------

ItemImport plan_item_import(std::string_view text, bool fresh_id, const std::string& new_id,
                            const ParseLimits& limits)
{
    ItemImport plan;
    ParsedJson parsed = parse_json_limited(text, limits);
    if (!parsed.ok) {
        plan.error = parsed.error;
        plan.reason = unparsed_reason(parsed);
        return plan;
    }

    const std::string file_type = json_string(parsed.value, "type");
    if (file_type == kWorkspaceType) {
        plan.error = "This file is a whole workspace backup, not a single item. Import it as a workspace backup "
                     "instead (that replaces everything in this workspace).";
        plan.reason = RestoreReason::WrongType;
        return plan;
    }
    // A bare document (as a PNG snapshot may carry) is read as if it came in an item file. Moved, not
    // copied, from here on: an import holds its item once.
    Restored envelope;
    json* item = &parsed.value;
    if (!single_item_kind(file_type)) {
        envelope = restore_document(std::move(parsed.value), item_file_schema());
        if (!envelope.ok) {
            plan.error = envelope.error;
            plan.reason = envelope.failure.reason;
            return plan;
        }
        const auto carried = envelope.doc.find("item");
        item = carried == envelope.doc.end() ? nullptr : &*carried;
        if (!item || !item->is_object()) {
            plan.error = "This file is damaged: the item it should carry is missing. Nothing was imported; choose "
                         "another copy.";
            plan.reason = RestoreReason::NotAnObject;
            return plan;
        }
    }

    const std::string item_type = json_string(*item, "type");
    const DocumentKind* kind = single_item_kind(item_type);
    if (!kind) {
        const bool ours = item_type.rfind("wayfinder.", 0) == 0;
        plan.error = ours ? "This file holds a kind of item this copy of Wayfinder cannot add (\"" +
                                pack_reading::excerpt(item_type, 40) + "\"). Reload Wayfinder while online to update it, then try again."
                          : "This file is damaged: the item it carries does not say what it is. Nothing was "
                            "imported; choose another copy.";
        plan.reason = ours ? RestoreReason::UnknownType : RestoreReason::NoType;
        return plan;
    }
    const DocumentSchema& schema = kind->schema();
    Restored restored = restore_document(std::move(*item), schema);
    if (!restored.ok) {
        plan.error = restored.error;
        plan.reason = restored.failure.reason;
        return plan;
    }

    std::string id = json_string(restored.doc, "id");
    if (fresh_id || id.empty())
        id = new_id;
    restored.doc["id"] = id;
    const std::string problem = kind->describe_item(restored.doc, plan.summary);
    if (!problem.empty()) {
        plan.summary.clear();
        plan.error = problem;
        return plan;
    }
    // Once added, the item is part of every later backup, which must open again.
    const std::string key = schema.key + id;
    const std::string backup_problem = document_backup_problem(key, restored.doc, limits);
    if (!backup_problem.empty()) {
        plan.summary.clear();
        plan.error = "Nothing was imported: Wayfinder could not keep this " + std::string(schema.noun) +
                     " safely, since a backup holding it could not be opened again (" + backup_problem +
                     "). Choose another copy.";
        return plan;
    }
    const std::string exported_on = iso_date_part(json_string(envelope.doc, "exported_at"));
    if (!exported_on.empty())
        plan.summary.push_back("Exported " + exported_on);

    plan.key = key;
    plan.doc = std::move(restored.doc);
    plan.ok = true;
    return plan;
}

} // namespace wf
