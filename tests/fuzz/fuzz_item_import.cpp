// Single-item files (and bare documents, as a PNG carries them): whatever plan_item_import() accepts
// fits a backup on its own, and its own item file imports back to the same document under the same key.
#include "fuzz_support.hpp"

#include "core/assessment.hpp"
#include "core/document_keys.hpp"
#include "core/item_file.hpp"

using namespace wf;
using namespace wf::fuzz;

namespace {

void import_and_back(std::string_view text, bool fresh_id, const ParseLimits& limits)
{
    const ItemImport item = plan_item_import(text, fresh_id, "fuzz-copy", limits);
    if (!item.ok) {
        require(!item.error.empty(), "a refused item says why");
        return;
    }
    require(document_key_problem(item.key, item.doc).empty(), "an item's key can be stored", item.key);
    require(!fresh_id || (item.key.size() > 10 && item.key.substr(item.key.size() - 10) == ":fuzz-copy"),
            "a fresh id gives a fresh key", item.key);

    const WorkspaceExport backup = workspace_export({{item.key, item.doc}}, kInfo, {}, limits);
    require(backup.ok, "an imported item fits a backup", backup.error);
    const ImportPlan restored = plan_workspace_import(backup.text, limits);
    require(restored.ok, "a backup holding the item imports", restored.error);
    require(restored.documents == DocumentMap{{item.key, item.doc}}, "the backup gives the item back");

    const ItemImport again = plan_item_import(item_export_text(item.doc, kInfo), false, "unused", limits);
    require(again.ok, "an item's own file imports", again.error);
    require(again.key == item.key && again.doc == item.doc, "an item's own file gives it back");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text = as_text(data, size);
    import_and_back(text, false, ParseLimits{});
    import_and_back(text, true, ParseLimits{});
    import_and_back(text, false, small_limits());
    // The same data without indentation, as another tool might save it (see fuzz_workspace_import.cpp).
    const ParsedJson parsed = parse_json_limited(text);
    if (parsed.ok)
        import_and_back(parsed.value.dump(), false, small_limits());
    return 0;
}
