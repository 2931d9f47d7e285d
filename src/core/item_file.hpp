#pragma once
// The single-item file: one document travelling on its own between devices or people (a
// self-assessment, a conversation journey), as a file or inside a PNG snapshot. Which types travel
// this way, how each is made fit to share and how an import describes it is in
// document_registry.hpp.

#include "core/document_restore.hpp"
#include "core/json_limits.hpp"
#include "core/workspace_file.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kItemType = "wayfinder.item"; // a file carrying one document

// {"type":"wayfinder.item","version":1,"exported_at":..,"app_version":..,"item":<document>},
// indented like a workspace file. The document goes out as it is, less this device's unsettled
// two-tab conflicts.
std::string item_export_text(const nlohmann::json& doc, const ExportInfo& info);

// What Export and Share write: the document made fit to share by its type (a private continuum
// emptied) unless `include_private`: private reflections never leave in a shared file by default.
std::string item_share_text(const nlohmann::json& doc, const ExportInfo& info, bool include_private = false);

struct ItemImport {
    bool ok = false;
    std::string error;                // when !ok: what happened and what to do
    RestoreReason reason = RestoreReason::None; // when !ok and the file or its item could not be restored: why
    std::string key;                  // storage key to add the document under
    nlohmann::json doc;               // restored (migrated, defaults filled) document
    std::vector<std::string> summary; // user-facing lines, e.g. "Self-assessment: Fall check-in"
};

// Reads a single-item file (or a bare item document, as a PNG snapshot may carry) without touching
// the current data. It carries any type the registry lets travel alone. With `fresh_id` the item
// gets `new_id`, so importing a copy never replaces the original; an item without an id always gets
// `new_id`. The type's own checks may refuse it (an assessment whose framework copy cannot be read,
// a journey whose pack copy cannot be read), as may the backup check: once added, it must fit a
// backup that opens again.
ItemImport plan_item_import(std::string_view text, bool fresh_id, const std::string& new_id,
                            const ParseLimits& limits = {});

} // namespace wf
