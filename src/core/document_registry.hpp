#pragma once
// The document types this build knows, each in one entry: where it is stored, its schema and
// migrations, whether it goes into the workspace file, whether it travels alone as a single-item
// file, what leaves it before it is shared, and how an import describes it. The workspace file,
// the single-item file, storage keys and the app all ask here, so a new type is one entry plus its
// own file (see the checklist in document_registry.cpp).

#include "core/document_restore.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

using DocumentMap = std::map<std::string, nlohmann::json>; // storage key -> document

struct DocumentKind {
    // Type, user-facing noun, version, migrations, defaults and storage key (document_restore.hpp).
    const DocumentSchema& (*schema)();
    // false: kept per device (the preferences); never written to a workspace file nor replaced by an
    // import, and its key is a whole key, not a prefix.
    bool in_workspace_file = true;
    // true: it can travel alone in a single-item file (item_file.hpp); then `describe_item` is set.
    bool single_item = false;
    // Empties what must not leave in a shared copy (a private continuum); nullptr: nothing private.
    void (*remove_private)(nlohmann::json& doc) = nullptr;
    // For a single-item import: checks beyond the schema (returns why it is refused, for the user, or
    // "") and adds the lines that say what is about to be added ("Self-assessment: Fall check-in").
    std::string (*describe_item)(const nlohmann::json& doc, std::vector<std::string>& summary) = nullptr;
    // Its line in a workspace import's summary ("Profile of Ana Pérez"); nullptr: not listed.
    std::string (*workspace_line)(const nlohmann::json& doc) = nullptr;
};

// Every type this build knows. registry_problems() of it is checked by the unit tests, which every
// build must pass before it ships (restore_document() still refuses a schema without its migrations
// at run time), so the app does not check it again at every start-up on every device.
const std::vector<DocumentKind>& document_kinds();

// What is wrong with a registry, one sentence each for the developer; empty when nothing is. Checks
// each schema (exactly current_version-1 migrations, a "wayfinder." type, a noun, a key), that no
// two types share a type or a key, and that each entry's facts agree with each other.
std::vector<std::string> registry_problems(const std::vector<DocumentKind>& kinds);

// nullptr when this build does not know `type`.
const DocumentKind* document_kind(std::string_view type);
const DocumentSchema* schema_for_type(std::string_view type);
// Every schema of document_kinds(), in one list.
const std::vector<const DocumentSchema*>& document_schemas();

// Whether the schema's key is a prefix its documents' ids follow ("assessment:"), not a whole key.
bool has_key_prefix(const DocumentSchema& schema);
// Whether `key` follows the schema's key: equal to a whole key, or the prefix and an id.
bool key_fits(std::string_view key, const DocumentSchema& schema);
// A key kept per device (today "prefs"): never exported, never replaced by an import, never merged.
bool device_only_key(std::string_view key);
// The keys device_only_key() accepts, for workspace_export().
const std::vector<std::string>& device_only_keys();

// A copy fit to share: this device's unsettled two-tab conflicts removed (the other text may be a
// private reflection), and the type's private parts emptied. Anything else is returned as it is.
nlohmann::json shared_document(const nlohmann::json& doc);
DocumentMap shared_documents(const DocumentMap& docs);

// A stored record's text as a document of a type this build knows (migrated, defaults filled), or
// the reason it cannot be read: not JSON, too large, a type this build does not know, or whatever
// restore_document() refuses.
Restored restore_stored_document(std::string_view text);

} // namespace wf
