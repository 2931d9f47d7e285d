// Parsing and restoring documents as storage and files deliver them: the parser's promises (size,
// depth and memory within the limits; what parses dumps and parses back the same), restoring through
// every schema (migrations included) is stable, and every typed view and report built from a restored
// document survives it.
#include "fuzz_support.hpp"

#include "core/assessment.hpp"
#include "core/assessment_report.hpp"
#include "core/assessment_results.hpp"
#include "core/document_registry.hpp"
#include "core/document_types.hpp"
#include "core/goal.hpp"
#include "core/journey.hpp"
#include "core/journey_maps.hpp"
#include "core/reflection_guide.hpp"

using namespace wf;
using namespace wf::fuzz;

namespace {

void check_parse(std::string_view text, const ParseLimits& limits)
{
    const ParsedJson parsed = parse_json_limited(text, limits);
    if (!parsed.ok) {
        require(!parsed.error.empty(), "a refused file says why");
        return;
    }
    const JsonFootprint footprint = json_footprint(parsed.value, limits.max_depth);
    require(footprint.depth <= limits.max_depth, "a parsed value is within the depth limit");
    require(footprint.memory <= limits.max_memory, "a parsed value is within the memory budget");
    const ParsedJson again = parse_json_limited(parsed.value.dump(), limits);
    require(again.ok, "a parsed value's dump parses", again.error);
    require(again.value == parsed.value, "a parsed value's dump parses to the same value");
}

void use_every_view(const nlohmann::json& doc)
{
    const Profile profile = profile_from_doc(doc);
    prefs_from_doc(doc);
    const Goal goal = goal_from_doc(doc);
    const Assessment assessment = assessment_from_doc(doc);
    if (assessment.pack_error.empty()) {
        const std::vector<AreaResult> results = assessment_results(assessment);
        rank_strengths(results);
        rank_stretches(results);
        overall_score(results);
        assessment_progress(assessment);
        assessment_summary_html(assessment, profile, {goal});
    }
    const Journey journey = journey_from_doc(doc);
    if (journey.pack_error.empty()) {
        journey_progress(journey);
        reflection_guide_html(journey, profile.name, {true});
        reflection_guide_markdown(journey, profile.name);
        venn_groups(journey);
    }
    // Whatever the file said about places, every note read is on its map, in its own region.
    for (const MapKind map : {MapKind::Continuum, MapKind::Venn, MapKind::Collaboration, MapKind::Agreement})
        for (const MapNote& note : map_scene(journey, map).notes)
            require(map_template(map).bounds.contains(note.pos) && region_at(map, note.pos) == note.region,
                    "every note of a journey read is in its region");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text = as_text(data, size);
    check_parse(text, small_limits());
    const ParsedJson parsed = parse_json_limited(text);
    check_parse(text, ParseLimits{});
    if (!parsed.ok)
        return 0;
    for (const DocumentSchema* schema : document_schemas()) {
        const Restored restored = restore_document(parsed.value, *schema);
        if (!restored.ok) {
            require(!restored.error.empty(), "a refused document says why");
            continue;
        }
        require(restored.doc.is_object() && restored.doc["version"] == schema->current_version,
                "a restored document is at the current version");
        const Restored again = restore_document(restored.doc, *schema);
        require(again.ok && again.doc == restored.doc, "restoring a restored document changes nothing",
                schema->type);
        use_every_view(restored.doc);
    }
    return 0;
}
