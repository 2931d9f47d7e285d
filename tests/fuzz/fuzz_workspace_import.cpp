// Workspace backups: whatever plan_workspace_import() accepts exports through workspace_export()
// and imports back to the same documents, under the real limits and under small ones.
#include "fuzz_support.hpp"

#include "core/workspace_file.hpp"

using namespace wf;
using namespace wf::fuzz;

namespace {

void import_and_back(std::string_view text, const ParseLimits& limits)
{
    const ImportPlan plan = plan_workspace_import(text, limits);
    if (!plan.ok) {
        require(plan.documents.empty(), "a refused import holds no documents");
        require(!plan.error.empty(), "a refused import says why");
        return;
    }
    require(plan.documents.count("prefs") == 0, "an import never replaces this device's preferences");
    const WorkspaceExport exported = workspace_export(plan.documents, kInfo, {"prefs"}, limits);
    require(exported.ok, "what imports exports", exported.error);
    require(exported.text.size() <= limits.max_bytes, "an export fits the size limit");
    const ImportPlan again = plan_workspace_import(exported.text, limits);
    require(again.ok, "an export imports", again.error);
    require(again.documents == plan.documents, "an export gives the same documents back");
    require(again.warnings == plan.warnings, "an export gives the same warnings");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text = as_text(data, size);
    import_and_back(text, ParseLimits{});
    import_and_back(text, small_limits());
    // The same data without indentation, as another tool might save it: mutations of indented seeds
    // seldom strip it, and an indented backup of compact text is where sizes grow.
    const ParsedJson parsed = parse_json_limited(text);
    if (parsed.ok)
        import_and_back(parsed.value.dump(), small_limits());
    return 0;
}
