#pragma once
// The whole-workspace JSON file: a backup, or the way to move everything to another device.
// Export writes every document except device-only ones (document_registry.hpp); import builds a plan from a file without
// touching the current data (the caller shows the plan, backs up, then applies it).

#include "core/document_registry.hpp"
#include "core/json_limits.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kWorkspaceType = "wayfinder.workspace";

struct ExportInfo {
    std::string exported_at; // ISO 8601 UTC, e.g. "2026-11-22T14:05:09Z"
    std::string app_version; // the build that wrote the file, for support questions
};

// {"type":"wayfinder.workspace","version":1,"app_version":..,"exported_at":..,"documents":{key:doc,...}}
// pretty-printed with a 2-space indent. Keys in `left_out` are left out: by default the registry's
// device-only keys. Writes whatever it is
// given: use workspace_export() for a file the user keeps.
std::string workspace_export_text(const DocumentMap& docs, const ExportInfo& info,
                                  const std::vector<std::string>& left_out = device_only_keys());

struct WorkspaceExport {
    bool ok = false;
    std::string text;  // when ok: the file, as workspace_export_text() writes it
    std::string error; // when !ok: why no file was written and what to do, for the user
};

// The export, checked before a byte is written: refused, with no text, when plan_workspace_import()
// could not open the file under the same `limits` (too large, nested too deeply, over the memory
// budget, or a key no import accepts). Measured without being held twice. Whatever
// plan_workspace_import() accepts exports here and imports back to the same documents.
WorkspaceExport workspace_export(const DocumentMap& docs, const ExportInfo& info,
                                 const std::vector<std::string>& left_out = device_only_keys(),
                                 const ParseLimits& limits = {});

// Why a backup holding only `doc` under `key` could not be opened again under `limits`, as a clause
// for a sentence ("it would make a backup of 40.5 MB, and Wayfinder opens backups up to 32 MB"), or
// "" when it could. A document accepted on its own must pass, or every later backup would fail.
std::string document_backup_problem(const std::string& key, const nlohmann::json& doc, const ParseLimits& limits = {});

struct ImportPlan {
    bool ok = false;
    std::string error;                 // when !ok: what happened and what to do
    RestoreReason reason = RestoreReason::None; // when !ok because the file or a document in it could not be restored: why
    DocumentMap documents;             // restored (migrated, defaults filled) documents to replace the current ones
    std::vector<std::string> summary;  // user-facing lines, e.g. "Profile of Ana Pérez (Lincoln Elementary)", "Exported 2026-11-20"
    std::vector<std::string> warnings; // e.g. "2 items need a newer Wayfinder to show; they will be kept unchanged."
};

// All or nothing: if any document cannot be read (for example one made by a newer Wayfinder) or its
// key cannot be used (see document_keys.hpp) the plan fails and holds no documents. So does a plan
// whose own backup could not be opened again (see workspace_export()). Documents of types this build
// does not know are kept verbatim. Per-device documents found in the file (preferences) are left
// out: they belong to the device that made them.
ImportPlan plan_workspace_import(std::string_view file_bytes, const ParseLimits& limits = {});

// ("workspace", "2026-11-22", "json") -> "wayfinder-workspace-2026-11-22.json". `what` is lower-cased
// and each run of characters other than [a-z0-9] becomes one '-'.
std::string export_file_name(std::string_view what, std::string_view iso_date, std::string_view ext);

} // namespace wf
