// [SECTION] The registry
// [SECTION] Checking a registry
// [SECTION] Looking up
// [SECTION] Sharing
// [SECTION] Restoring stored text

#include "core/document_registry.hpp"

#include "core/assessment.hpp"
#include "core/credential.hpp"
#include "core/credential_files.hpp"
#include "core/document_merge.hpp"
#include "core/document_types.hpp"
#include "core/framework_pack.hpp"
#include "core/goal.hpp"
#include "core/journey.hpp"
#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/review_draft.hpp"

#include <set>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] The registry
//-------------------------------------------------------------------------------------------------
//
// Adding a document type (a micro-credential, a canvas):
//  1. In its own core/<type>.hpp/.cpp: a type name "wayfinder.<type>", a DocumentSchema with a noun
//     that reads after "a", version 1, no migrations, fill_defaults, and a key prefix ending in ':'
//     ("canvas:"); its typed view (<type>_from_doc, <type>_write) and its key function.
//  2. One entry below. Decide: in the workspace file (almost always yes), a single-item file (give
//     describe_item), private parts (give remove_private), a line in the workspace import summary.
//  3. Later versions: raise current_version and append one migration per version (the registry
//     test fails otherwise, and the app stops at start-up rather than misread documents).
//  4. Tests in tests/core/<type>_tests.cpp; a golden file if it travels alone. Nothing in
//     workspace_file.cpp, item_file.cpp or app/workbench.cpp changes.

namespace {

std::vector<DocumentKind> shipped_kinds()
{
    std::vector<DocumentKind> kinds;
    kinds.push_back({profile_schema, true, false, nullptr, nullptr, profile_workspace_line});
    kinds.push_back({prefs_schema, /*in_workspace_file=*/false});
    kinds.push_back({assessment_schema, true, true, nullptr, describe_assessment_item});
    kinds.push_back({goal_schema});
    kinds.push_back({journey_schema, true, true, remove_journey_private_parts, describe_journey_item});
    kinds.push_back({loaded_framework_schema});
    // Not single items: a credential's images are blobs in browser storage, which an item file does not
    // carry; it travels as a submission file instead (credential_files.hpp).
    kinds.push_back({credential_schema});
    kinds.push_back({reviews_written_schema});
    // A reviewer's review in progress, with the colleague's submission it reviews: the reviewer's own
    // work, so it is in their backups, but never a single item (it is opened from the submission file).
    kinds.push_back({review_draft_schema});
    return kinds;
}

} // namespace

const std::vector<DocumentKind>& document_kinds()
{
    static const std::vector<DocumentKind> kinds = shipped_kinds();
    return kinds;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Checking a registry
//-------------------------------------------------------------------------------------------------

namespace {

bool is_prefix_key(const char* key) { return key && *key && std::string_view(key).back() == ':'; }

// Whether some key could fit both: equal whole keys, or one prefix starting the other's key.
bool keys_overlap(std::string_view a, bool a_prefix, std::string_view b, bool b_prefix)
{
    if (a_prefix && b_prefix)
        return a.substr(0, b.size()) == b.substr(0, a.size());
    if (a_prefix)
        return b.size() > a.size() && b.substr(0, a.size()) == a;
    if (b_prefix)
        return a.size() > b.size() && a.substr(0, b.size()) == b;
    return a == b;
}

} // namespace

std::vector<std::string> registry_problems(const std::vector<DocumentKind>& kinds)
{
    std::vector<std::string> problems;
    std::set<std::string> types;
    for (size_t i = 0; i < kinds.size(); i++) {
        const DocumentKind& kind = kinds[i];
        if (!kind.schema) {
            problems.push_back("entry " + std::to_string(i + 1) + " has no schema.");
            continue;
        }
        const DocumentSchema& schema = kind.schema();
        const std::string type = schema.type ? schema.type : "";
        const std::string name = type.empty() ? "entry " + std::to_string(i + 1) : type;
        if (type.rfind("wayfinder.", 0) != 0)
            problems.push_back(name + ": its type does not start with \"wayfinder.\".");
        if (!types.insert(type).second)
            problems.push_back(name + ": the type is registered twice.");
        if (!schema.noun || !*schema.noun)
            problems.push_back(name + ": it has no noun for messages.");
        if (schema.current_version < 1)
            problems.push_back(name + ": its current version is below 1.");
        else if (schema.migrations.size() != size_t(schema.current_version - 1))
            problems.push_back(name + ": version " + std::to_string(schema.current_version) + " needs " +
                               std::to_string(schema.current_version - 1) + " migrations, but it has " +
                               std::to_string(schema.migrations.size()) + ".");
        for (size_t m = 0; m < schema.migrations.size(); m++)
            if (!schema.migrations[m])
                problems.push_back(name + ": migration " + std::to_string(m + 1) + " is missing.");
        if (!schema.key || !*schema.key) {
            problems.push_back(name + ": it has no storage key.");
        } else {
            for (size_t j = 0; j < i; j++) {
                if (!kinds[j].schema || !kinds[j].schema().key)
                    continue;
                const char* other = kinds[j].schema().key;
                if (keys_overlap(schema.key, is_prefix_key(schema.key), other, is_prefix_key(other)))
                    problems.push_back(name + ": its key \"" + schema.key + "\" overlaps the key \"" + other + "\" of " +
                                       kinds[j].schema().type + ".");
            }
            if (!kind.in_workspace_file && is_prefix_key(schema.key))
                problems.push_back(name + ": a per-device type must have a whole key, not a prefix.");
            if (kind.single_item && !is_prefix_key(schema.key))
                problems.push_back(name + ": a single item needs a key prefix, since an import gives it a fresh id.");
        }
        if (kind.single_item && !kind.describe_item)
            problems.push_back(name + ": it travels as a single item but cannot describe an import of one.");
        if (!kind.single_item && kind.describe_item)
            problems.push_back(name + ": it describes single-item imports, but is not marked as travelling alone.");
        if (kind.single_item && !kind.in_workspace_file)
            problems.push_back(name + ": a per-device type cannot travel as a single item.");
    }
    return problems;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Looking up
//-------------------------------------------------------------------------------------------------

const DocumentKind* document_kind(std::string_view type)
{
    for (const DocumentKind& kind : document_kinds())
        if (type == kind.schema().type)
            return &kind;
    return nullptr;
}

const DocumentSchema* schema_for_type(std::string_view type)
{
    const DocumentKind* kind = document_kind(type);
    return kind ? &kind->schema() : nullptr;
}

const std::vector<const DocumentSchema*>& document_schemas()
{
    static const std::vector<const DocumentSchema*> schemas = [] {
        std::vector<const DocumentSchema*> all;
        for (const DocumentKind& kind : document_kinds())
            all.push_back(&kind.schema());
        return all;
    }();
    return schemas;
}

bool has_key_prefix(const DocumentSchema& schema) { return is_prefix_key(schema.key); }

bool key_fits(std::string_view key, const DocumentSchema& schema)
{
    if (!is_prefix_key(schema.key))
        return schema.key && key == schema.key;
    const std::string_view prefix = schema.key;
    return key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix;
}

const std::vector<std::string>& device_only_keys()
{
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> whole;
        for (const DocumentKind& kind : document_kinds())
            if (!kind.in_workspace_file)
                whole.push_back(kind.schema().key);
        return whole;
    }();
    return keys;
}

bool device_only_key(std::string_view key)
{
    for (const std::string& device_key : device_only_keys())
        if (key == device_key)
            return true;
    return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Sharing
//-------------------------------------------------------------------------------------------------

nlohmann::json shared_document(const nlohmann::json& doc)
{
    nlohmann::json shared = doc;
    if (!shared.is_object())
        return shared;
    shared.erase(kConflictsField);
    const DocumentKind* kind = document_kind(json_string(shared, "type"));
    if (kind && kind->remove_private)
        kind->remove_private(shared);
    return shared;
}

DocumentMap shared_documents(const DocumentMap& docs)
{
    DocumentMap shared;
    for (const auto& [key, doc] : docs)
        shared.emplace(key, shared_document(doc));
    return shared;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Restoring stored text
//-------------------------------------------------------------------------------------------------

Restored restore_stored_document(std::string_view text)
{
    ParsedJson parsed = parse_json_limited(text);
    RestoreFailure failure;
    if (!parsed.ok) {
        failure.reason = unparsed_reason(parsed);
        failure.detail = parsed.error;
    } else {
        const std::string type = json_string(parsed.value, "type");
        if (const DocumentSchema* schema = schema_for_type(type))
            return restore_document(std::move(parsed.value), *schema);
        failure.reason = RestoreReason::UnknownType;
        failure.found_type = type;
    }
    return restore_refused(std::move(failure));
}

} // namespace wf
