// [SECTION] Writing
// [SECTION] Checking a backup before it is written
// [SECTION] Export
// [SECTION] Import plan
// [SECTION] File names

#include "core/workspace_file.hpp"

#include "core/document_keys.hpp"
#include "core/document_restore.hpp"
#include "core/file_size_text.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"

#include <algorithm>
#include <memory>
#include <utility>

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
// [SECTION] Writing
//-------------------------------------------------------------------------------------------------

namespace {

// The documents a file holds, in key order, without copying them.
using DocumentList = std::vector<std::pair<std::string_view, const nlohmann::json*>>;

DocumentList exported_documents(const DocumentMap& docs, const std::vector<std::string>& left_out)
{
    DocumentList list;
    for (const auto& [key, doc] : docs)
        if (std::find(left_out.begin(), left_out.end(), key) == left_out.end())
            list.emplace_back(key, &doc);
    return list;
}

// Where the text goes: kept in a string, or only counted, so an export is measured before it is
// written and never held twice.
class TextSink final : public nlohmann::detail::output_adapter_protocol<char> {
public:
    explicit TextSink(std::string* text) : text_(text) {}
    void write_character(char c) override
    {
        size_++;
        if (text_)
            text_->push_back(c);
    }
    void write_characters(const char* s, std::size_t length) override
    {
        size_ += length;
        if (text_)
            text_->append(s, length);
    }
    size_t size() const { return size_; }

private:
    std::string* text_;
    size_t size_ = 0;
};

// Writes the file as the whole envelope's dump(2) would be written, but document by document through
// nlohmann's own serializer (the one dump() uses), so no copy of the documents is made. The envelope's
// fields come first and "documents" last, for a person reading the file.
void write_workspace(const DocumentList& docs, const ExportInfo& info, const std::shared_ptr<TextSink>& sink)
{
    // Replacing invalid UTF-8 (instead of the default throw, which would abort) keeps a backup possible
    // even if some text arrived damaged.
    nlohmann::detail::serializer<nlohmann::json> serializer(sink, ' ', nlohmann::json::error_handler_t::replace);
    const auto raw = [&sink](std::string_view text) { sink->write_characters(text.data(), text.size()); };
    const auto value = [&serializer](const nlohmann::json& value, unsigned indent) {
        serializer.dump(value, /*pretty_print=*/true, /*ensure_ascii=*/false, /*indent_step=*/2, indent);
    };
    raw("{\n  \"type\": ");
    value(kWorkspaceType, 2);
    raw(",\n  \"version\": ");
    value(workspace_schema().current_version, 2);
    raw(",\n  \"app_version\": ");
    value(info.app_version, 2);
    raw(",\n  \"exported_at\": ");
    value(info.exported_at, 2);
    raw(",\n  \"documents\": ");
    for (size_t i = 0; i < docs.size(); i++) {
        raw(i == 0 ? "{\n    " : ",\n    ");
        value(std::string(docs[i].first), 4);
        raw(": ");
        value(*docs[i].second, 4);
    }
    raw(docs.empty() ? "{}\n}\n" : "\n  }\n}\n");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Checking a backup before it is written
//-------------------------------------------------------------------------------------------------

std::string document_noun(const nlohmann::json& doc)
{
    const DocumentSchema* schema = schema_for_type(json_string(doc, "type"));
    return schema ? schema->noun : "item";
}

constexpr int kEnvelopeDepth = 2; // the file's object and its "documents" object

struct BackupCheck {
    enum class Problem { none, key, depth, memory, size };
    Problem problem = Problem::none;
    std::string key;        // the document at fault (key, depth)
    std::string noun;       // what it is: "self-assessment", "item" when its type is unknown
    std::string key_reason; // for Problem::key: why its key cannot be used
    size_t bytes = 0;       // the file's size, once measured
};

// Runs, on the documents in memory, every check parse_json_limited() would run on the file written
// from them, charging the same amounts, so the two agree exactly.
BackupCheck check_backup(const DocumentList& docs, const ExportInfo& info, const ParseLimits& limits)
{
    BackupCheck check;
    nlohmann::json envelope = {{"type", kWorkspaceType},
                               {"version", workspace_schema().current_version},
                               {"app_version", info.app_version},
                               {"exported_at", info.exported_at},
                               {"documents", nlohmann::json::object()}};
    uint64_t memory = json_footprint(envelope, limits.max_depth).memory;
    for (const auto& [key, doc] : docs) {
        check.key = key;
        check.noun = document_noun(*doc);
        check.key_reason = document_key_problem(key, *doc);
        if (!check.key_reason.empty()) {
            check.problem = BackupCheck::Problem::key;
            return check;
        }
        const JsonFootprint member = json_member_footprint(key, *doc, limits.max_depth - kEnvelopeDepth);
        if (kEnvelopeDepth + member.depth > limits.max_depth) {
            check.problem = BackupCheck::Problem::depth;
            return check;
        }
        memory += member.memory;
    }
    check.key.clear();
    check.noun.clear();
    if (memory > limits.max_memory) {
        check.problem = BackupCheck::Problem::memory;
        return check;
    }
    const auto counter = std::make_shared<TextSink>(nullptr);
    write_workspace(docs, info, counter);
    check.bytes = counter->size();
    if (check.bytes > limits.max_bytes)
        check.problem = BackupCheck::Problem::size;
    return check;
}

// Why the backup could not be opened again, as a clause.
std::string backup_reason(const BackupCheck& check, const ParseLimits& limits)
{
    switch (check.problem) {
    case BackupCheck::Problem::key:
        return "the " + check.noun + " stored as " + pack_reading::in_quotes(check.key) +
               " has a name no backup can hold (" + check.key_reason + ")";
    case BackupCheck::Problem::depth:
        return "the " + check.noun + " stored as " +
               pack_reading::in_quotes(check.key) + " is nested more than " +
               std::to_string(limits.max_depth - kEnvelopeDepth) + " levels deep";
    case BackupCheck::Problem::memory:
        return "it would take more than " + file_size_text(limits.max_memory) + " of memory once opened";
    case BackupCheck::Problem::size:
        return "it would make a backup of " + file_size_text(check.bytes) + ", and Wayfinder opens backups up to " +
               file_size_text(limits.max_bytes);
    case BackupCheck::Problem::none:
        break;
    }
    return {};
}

// Assurance that an import check allows for the envelope any real export writes around the
// documents: "exported_at" is 20 characters, the app version a few.
const ExportInfo kLongestExportInfo{std::string(64, '0'), std::string(64, '0')};

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Export
//-------------------------------------------------------------------------------------------------

std::string workspace_export_text(const DocumentMap& docs, const ExportInfo& info,
                                  const std::vector<std::string>& left_out)
{
    std::string text;
    write_workspace(exported_documents(docs, left_out), info, std::make_shared<TextSink>(&text));
    return text;
}

WorkspaceExport workspace_export(const DocumentMap& docs, const ExportInfo& info,
                                 const std::vector<std::string>& left_out, const ParseLimits& limits)
{
    WorkspaceExport result;
    const DocumentList list = exported_documents(docs, left_out);
    const BackupCheck check = check_backup(list, info, limits);
    switch (check.problem) {
    case BackupCheck::Problem::none:
        result.text.reserve(check.bytes);
        write_workspace(list, info, std::make_shared<TextSink>(&result.text));
        result.ok = true;
        return result;
    case BackupCheck::Problem::key:
        result.error = "No backup was written: the " + check.noun + " stored as " + pack_reading::in_quotes(check.key) + " could not be read back from a backup (" +
                       check.key_reason + "). Reload Wayfinder while online to update it, then export again.";
        return result;
    case BackupCheck::Problem::depth:
        result.error = "No backup was written: Wayfinder could not open it again, because " +
                       backup_reason(check, limits) + ". Delete that item, then export again.";
        return result;
    case BackupCheck::Problem::memory:
    case BackupCheck::Problem::size:
        result.error = "No backup was written: Wayfinder could not open it again, because " +
                       backup_reason(check, limits) + ". Delete items you no longer need, then export again.";
        return result;
    }
    return result;
}

std::string document_backup_problem(const std::string& key, const nlohmann::json& doc, const ParseLimits& limits)
{
    return backup_reason(check_backup({{key, &doc}}, kLongestExportInfo, limits), limits);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Import plan
//-------------------------------------------------------------------------------------------------

namespace {

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
    ParsedJson parsed = parse_json_limited(file_bytes, limits);
    if (!parsed.ok) {
        plan.error = parsed.error;
        plan.reason = unparsed_reason(parsed);
        return plan;
    }

    const std::string type = json_string(parsed.value, "type");
    if (const DocumentSchema* item = schema_for_type(type)) { // a single document, not a workspace
        plan.error = std::string("This file holds a ") + item->noun + ", not a whole workspace. Choose a workspace "
                     "backup instead (its name starts with \"wayfinder-workspace-\").";
        plan.reason = RestoreReason::WrongType;
        return plan;
    }
    // Moved, not copied, from here on: an import holds its documents once.
    Restored envelope = restore_document(std::move(parsed.value), workspace_schema());
    if (!envelope.ok) {
        plan.error = envelope.error;
        plan.reason = envelope.failure.reason;
        return plan;
    }
    const auto documents = envelope.doc.find("documents");
    if (documents == envelope.doc.end() || !documents->is_object()) {
        plan.error = "This workspace file is damaged: its list of items is missing. Nothing was imported; choose "
                     "another backup.";
        return plan;
    }

    size_t kept_verbatim = 0;
    for (auto& [key, doc] : documents->items()) {
        const DocumentKind* kind = document_kind(json_string(doc, "type"));
        if (kind && !kind->in_workspace_file)
            continue;
        const std::string key_problem = document_key_problem(key, doc);
        if (!key_problem.empty()) {
            plan.documents.clear();
            plan.error = "This workspace file is damaged: the item stored as " + pack_reading::in_quotes(key) +
                         " cannot be imported (" + key_problem + "). Nothing was imported; choose another backup.";
            return plan;
        }
        if (!kind) {
            plan.documents[key] = std::move(doc);
            kept_verbatim++;
            continue;
        }
        Restored restored = restore_document(std::move(doc), kind->schema());
        if (!restored.ok) {
            plan.documents.clear();
            plan.error = "Nothing was imported. " + restored.error;
            plan.reason = restored.failure.reason;
            return plan;
        }
        if (kind->workspace_line)
            plan.summary.push_back(kind->workspace_line(restored.doc));
        plan.documents[key] = std::move(restored.doc);
    }

    // Restoring may have added fields: what is imported must still fit a backup this Wayfinder can
    // open, or every later backup would fail.
    const BackupCheck backup = check_backup(exported_documents(plan.documents, {}), kLongestExportInfo, limits);
    if (backup.problem != BackupCheck::Problem::none) {
        plan.documents.clear();
        plan.summary.clear();
        plan.error = "Nothing was imported: once imported, this workspace could not be saved again as one backup "
                     "Wayfinder can open (" + backup_reason(backup, limits) + "). Open it in the Wayfinder that made "
                     "it, delete items no longer needed, and export a new backup to import.";
        return plan;
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
