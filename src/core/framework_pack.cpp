// [SECTION] Limits
// [SECTION] Reading fields (text rules and problem sentences: core/pack_reading.hpp)
// [SECTION] Envelope
// [SECTION] Scale
// [SECTION] Gears
// [SECTION] Areas and statements
// [SECTION] load_framework_pack / framework_pack_from_json
// [SECTION] framework_pack_to_json
// [SECTION] Lookups

#include "core/framework_pack.hpp"

#include "core/colour.hpp"
#include "core/document_restore.hpp"

#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/pack_reading.hpp"
#include "core/text_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>

namespace wf {

using nlohmann::json;

namespace {

using namespace pack_reading;

//-------------------------------------------------------------------------------------------------
// [SECTION] Limits
//-------------------------------------------------------------------------------------------------

constexpr const char* kPackType = "wayfinder.framework";
constexpr int kPackFormat = 1; // the newest pack format this build reads

// The wheel, the survey and the one-page report are laid out for these ranges: fewer areas or levels
// make a meaningless chart, more make labels collide or a survey nobody finishes.
constexpr size_t kMinLevels = 3, kMaxLevels = 6;
constexpr int kLowestLevelValue = 0, kHighestLevelValue = 100;
constexpr size_t kMinGears = 1, kMaxGears = 12;
constexpr size_t kMinAreas = 3, kMaxAreas = 16;
constexpr size_t kMinStatements = 3, kMaxStatements = 5;
constexpr size_t kMaxExampleIdeas = 10;

// Lengths in code points. Short names are wheel labels read over a screen share; the rest only need
// a ceiling so that a damaged or hostile pack cannot swamp the layout.
constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxVersionLength = 32;
constexpr size_t kMaxNameLength = 160;
constexpr size_t kMaxShortNameLength = 24;
constexpr size_t kMaxTextLength = 2000;

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading fields
//-------------------------------------------------------------------------------------------------

constexpr TextRule kIdRule{"id", kMaxIdLength, Presence::required};

// The array under `key`, or nullptr (with the reason recorded) when it is missing or not a list.
const json* read_list(const json& object, std::string_view key, const std::string& missing_problem,
                      const std::string& not_a_list_problem, Problems& problems)
{
    const json* value = json_field(object, key);
    if (!value || value->is_null()) {
        problems.push_back(missing_problem);
        return nullptr;
    }
    if (!value->is_array()) {
        problems.push_back(not_a_list_problem);
        return nullptr;
    }
    return value;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Envelope
//-------------------------------------------------------------------------------------------------

void read_pack_fields(const json& pack, FrameworkPack& out, Problems& problems)
{
    const std::string owner = "the pack";
    read_text(pack, "id", kIdRule, owner, problems, out.id);
    read_text(pack, "version", {"version", kMaxVersionLength, Presence::required}, owner, problems, out.version);
    read_text(pack, "title", {"title", kMaxNameLength, Presence::required}, owner, problems, out.title);
    read_text(pack, "description", {"description", kMaxTextLength, Presence::optional},
              owner, problems, out.description);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Scale
//-------------------------------------------------------------------------------------------------

void read_scale(const json& pack, FrameworkPack& out, Problems& problems)
{
    const json* scale = read_list(pack, "scale", "The pack has no rating scale.",
                                  "The rating scale must be a list of levels.", problems);
    if (!scale)
        return;
    if (scale->size() < kMinLevels || scale->size() > kMaxLevels)
        problems.push_back("The rating scale has " + plural(scale->size(), "level", "levels") + "; a scale needs " +
                           std::to_string(kMinLevels) + " to " + std::to_string(kMaxLevels) + ".");

    std::optional<int> previous_value;
    for (size_t i = 0; i < scale->size(); i++) {
        const json& level = (*scale)[i];
        const std::string owner = "level " + std::to_string(i + 1) + " of the scale";
        RatingLevel read;
        const std::optional<double> value = json_number(level, "value");
        if (!value) {
            problems.push_back("The value of " + owner + " is missing or not a number.");
        } else if (*value != std::floor(*value) || *value < kLowestLevelValue || *value > kHighestLevelValue) {
            problems.push_back("The value of " + owner + " must be a whole number from " +
                               std::to_string(kLowestLevelValue) + " to " + std::to_string(kHighestLevelValue) + ".");
        } else {
            read.value = int(*value);
            if (previous_value && read.value <= *previous_value)
                problems.push_back("The scale's values must go up from level to level, but " + owner + " (" +
                                   std::to_string(read.value) + ") is not above the level before it (" +
                                   std::to_string(*previous_value) + ").");
            previous_value = read.value;
        }
        read_text(level, "name", {"name", kMaxNameLength, Presence::required}, owner, problems, read.name);
        read_text(level, "description", {"description", kMaxTextLength, Presence::optional},
                  owner, problems, read.description);
        out.scale.push_back(std::move(read));
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Gears
//-------------------------------------------------------------------------------------------------

void read_gears(const json& pack, FrameworkPack& out, Problems& problems)
{
    const json* gears = read_list(pack, "gears", "The pack has no gears; every area needs one.",
                                  "The pack's gears must be a list.", problems);
    if (!gears)
        return;
    if (gears->size() < kMinGears)
        problems.push_back("The pack has no gears; every area needs one.");
    if (gears->size() > kMaxGears)
        problems.push_back("The pack has " + std::to_string(gears->size()) + " gears; at most " +
                           std::to_string(kMaxGears) + " are allowed.");

    std::set<std::string> seen_ids;
    for (size_t i = 0; i < gears->size(); i++) {
        const json& gear = (*gears)[i];
        Gear read;
        read_text(gear, "id", kIdRule, "gear " + std::to_string(i + 1), problems, read.id);
        const std::string owner = named("gear", read.id, i);
        if (!read.id.empty() && !seen_ids.insert(read.id).second)
            problems.push_back("Two gears share the id " + in_quotes(read.id) + ".");
        read_text(gear, "name", {"name", kMaxNameLength, Presence::required}, owner, problems, read.name);
        read_text(gear, "color", {"color", kMaxIdLength, Presence::required}, owner, problems, read.color);
        if (!read.color.empty() && !parse_hex_colour(read.color)) {
            problems.push_back("The color of " + owner + " must be written #RRGGBB (for example #3C7CD4), not " +
                               in_quotes(read.color) + ".");
            read.color.clear();
        }
        out.gears.push_back(std::move(read));
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Areas and statements
//-------------------------------------------------------------------------------------------------

void read_statements(const json& area, const std::string& area_owner, FrameworkArea& out,
                     std::vector<std::pair<std::string, std::string>>& statement_homes, Problems& problems)
{
    const json* statements = read_list(area, "statements", "The " + area_owner + " has no practice statements.",
                                       "The practice statements of " + area_owner + " must be a list.", problems);
    if (!statements)
        return;
    if (statements->size() < kMinStatements || statements->size() > kMaxStatements)
        problems.push_back("The " + area_owner + " has " +
                           plural(statements->size(), "practice statement", "practice statements") +
                           "; each area needs " + std::to_string(kMinStatements) + " to " +
                           std::to_string(kMaxStatements) + ".");

    for (size_t i = 0; i < statements->size(); i++) {
        const json& statement = (*statements)[i];
        const std::string position = "statement " + std::to_string(i + 1) + " in " + area_owner;
        PracticeStatement read;
        read_text(statement, "id", kIdRule, position, problems, read.id);
        const std::string owner = read.id.empty() ? position : "statement " + in_quotes(read.id) + " in " + area_owner;
        if (!read.id.empty()) {
            const auto home = std::find_if(statement_homes.begin(), statement_homes.end(),
                                           [&](const auto& entry) { return entry.first == read.id; });
            if (home != statement_homes.end())
                problems.push_back("The statement id " + in_quotes(read.id) + " is used more than once (in " + home->second +
                                   " and in " + area_owner + "); each statement needs its own id.");
            else
                statement_homes.emplace_back(read.id, area_owner);
        }
        read_text(statement, "text", {"text", kMaxTextLength, Presence::required}, owner, problems, read.text);
        out.statements.push_back(std::move(read));
    }
}

void read_example_ideas(const json& area, const std::string& owner, FrameworkArea& out, Problems& problems)
{
    const json* ideas = json_field(area, "example_ideas");
    if (!ideas || ideas->is_null())
        return;
    if (!ideas->is_array()) {
        problems.push_back("The example ideas of " + owner + " must be a list of text.");
        return;
    }
    if (ideas->size() > kMaxExampleIdeas)
        problems.push_back("The " + owner + " has " + std::to_string(ideas->size()) + " example ideas; at most " +
                           std::to_string(kMaxExampleIdeas) + " are allowed.");
    for (size_t i = 0; i < ideas->size(); i++) {
        const json& idea = (*ideas)[i];
        const std::string which = "Example idea " + std::to_string(i + 1) + " of " + owner;
        if (!idea.is_string() || is_blank(idea.get_ref<const std::string&>()))
            problems.push_back(which + " must be text that is not empty.");
        else if (utf8_length(idea.get_ref<const std::string&>()) > kMaxTextLength)
            problems.push_back(which + " is longer than " + std::to_string(kMaxTextLength) + " characters.");
        else
            out.example_ideas.push_back(idea.get_ref<const std::string&>());
    }
}

void read_areas(const json& pack, FrameworkPack& out, Problems& problems)
{
    const json* areas =
        read_list(pack, "areas", "The pack has no areas.", "The pack's areas must be a list.", problems);
    if (!areas)
        return;
    if (areas->size() < kMinAreas || areas->size() > kMaxAreas)
        problems.push_back("The pack has " + plural(areas->size(), "area", "areas") + "; a framework needs " +
                           std::to_string(kMinAreas) + " to " + std::to_string(kMaxAreas) + ".");

    std::set<std::string> seen_ids;
    std::vector<std::pair<std::string, std::string>> statement_homes; // id -> the area it first appeared in
    for (size_t i = 0; i < areas->size(); i++) {
        const json& area = (*areas)[i];
        FrameworkArea read;
        read_text(area, "id", kIdRule, "area " + std::to_string(i + 1), problems, read.id);
        const std::string owner = named("area", read.id, i);
        if (!read.id.empty() && !seen_ids.insert(read.id).second)
            problems.push_back("Two areas share the id " + in_quotes(read.id) + ".");

        read_text(area, "gear", {"gear", kMaxIdLength, Presence::required}, owner, problems, read.gear);
        if (!read.gear.empty() && !out.find_gear(read.gear))
            problems.push_back("The " + owner + " belongs to the gear " + in_quotes(read.gear) +
                               ", which the pack does not define.");
        read_text(area, "name", {"name", kMaxNameLength, Presence::required}, owner, problems, read.name);
        read_text(area, "short_name", {"short name", kMaxShortNameLength, Presence::required},
                  owner, problems, read.short_name);
        read_text(area, "description", {"description", kMaxTextLength, Presence::optional},
                  owner, problems, read.description);
        read_statements(area, owner, read, statement_homes, problems);
        read_example_ideas(area, owner, read, problems);
        out.areas.push_back(std::move(read));
    }
}

PackLoad refused(Problems problems, const std::string& advice)
{
    PackLoad result;
    result.error = refusal_message("framework pack", problems, advice);
    result.problems = std::move(problems);
    return result;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] load_framework_pack / framework_pack_from_json
//-------------------------------------------------------------------------------------------------

PackLoad framework_pack_from_json(const json& pack)
{
    const EnvelopeCheck envelope = check_pack_envelope(pack, kPackType, "framework pack", kPackFormat);
    if (!envelope.problem.empty())
        return refused({envelope.problem}, envelope_advice(envelope, kPackType, "framework pack"));

    FrameworkPack read;
    Problems problems;
    read_pack_fields(pack, read, problems);
    read_scale(pack, read, problems);
    read_gears(pack, read, problems);
    read_areas(pack, read, problems);
    if (!problems.empty())
        return refused(std::move(problems), kFixPackAdvice);

    PackLoad result;
    result.ok = true;
    result.pack = std::move(read);
    return result;
}

PackLoad load_framework_pack(std::string_view json_text)
{
    const ParsedJson parsed = parse_json_limited(json_text);
    if (!parsed.ok) {
        PackLoad result;
        result.error = "This framework pack cannot be used. " + parsed.error;
        result.problems = {parsed.error};
        return result;
    }
    return framework_pack_from_json(parsed.value);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] framework_pack_to_json
//-------------------------------------------------------------------------------------------------

json framework_pack_to_json(const FrameworkPack& pack)
{
    json scale = json::array();
    for (const RatingLevel& level : pack.scale) {
        json& entry = json_append_object(scale);
        json_put(entry, "value", level.value);
        json_put(entry, "name", level.name);
        json_put(entry, "description", level.description);
    }

    json gears = json::array();
    for (const Gear& gear : pack.gears) {
        json& entry = json_append_object(gears);
        json_put(entry, "id", gear.id);
        json_put(entry, "name", gear.name);
        json_put(entry, "color", gear.color);
    }

    json areas = json::array();
    for (const FrameworkArea& area : pack.areas) {
        json statements = json::array();
        for (const PracticeStatement& statement : area.statements) {
            json& entry = json_append_object(statements);
            json_put(entry, "id", statement.id);
            json_put(entry, "text", statement.text);
        }
        json& entry = json_append_object(areas);
        json_put(entry, "id", area.id);
        json_put(entry, "gear", area.gear);
        json_put(entry, "name", area.name);
        json_put(entry, "short_name", area.short_name);
        json_put(entry, "description", area.description);
        json_put(entry, "statements", std::move(statements));
        json_put(entry, "example_ideas", area.example_ideas);
    }

    json out = pack_reading::pack_envelope(kPackType, kPackFormat, pack.id, pack.version, pack.title, pack.description);
    json_put(out, "scale", std::move(scale));
    json_put(out, "gears", std::move(gears));
    json_put(out, "areas", std::move(areas));
    return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Lookups
//-------------------------------------------------------------------------------------------------

const FrameworkArea* FrameworkPack::find_area(std::string_view area_id) const
{
    const auto it = std::find_if(areas.begin(), areas.end(), [&](const FrameworkArea& a) { return a.id == area_id; });
    return it == areas.end() ? nullptr : &*it;
}

const Gear* FrameworkPack::find_gear(std::string_view gear_id) const
{
    const auto it = std::find_if(gears.begin(), gears.end(), [&](const Gear& g) { return g.id == gear_id; });
    return it == gears.end() ? nullptr : &*it;
}

// A validated scale is ascending, but a pack built in code need not be; 0 keeps an empty one harmless.
int FrameworkPack::min_rating() const
{
    const auto lowest = std::min_element(scale.begin(), scale.end(),
                                         [](const RatingLevel& a, const RatingLevel& b) { return a.value < b.value; });
    return lowest == scale.end() ? 0 : lowest->value;
}

int FrameworkPack::max_rating() const
{
    const auto highest = std::max_element(scale.begin(), scale.end(),
                                          [](const RatingLevel& a, const RatingLevel& b) { return a.value < b.value; });
    return highest == scale.end() ? 0 : highest->value;
}

const FrameworkPack* BuiltinPacks::find(std::string_view id) const
{
    const auto it = std::find_if(packs.begin(), packs.end(), [&](const FrameworkPack& p) { return p.id == id; });
    return it == packs.end() ? nullptr : &*it;
}

const FrameworkPack& BuiltinPacks::default_pack() const
{
    // Only a build that failed to embed its packs has none; an empty pack then beats undefined behaviour.
    static const FrameworkPack no_pack;
    return packs.empty() ? no_pack : packs.front();
}

// [SECTION] Loaded packs as documents ----------------------------------------------------------------

const DocumentSchema& loaded_framework_schema() {
    // The pack inside is validated when it is used (framework_pack_from_json), not on restore, so a
    // damaged copy is kept and reported rather than dropped.
    static const DocumentSchema schema{kLoadedFrameworkType, "framework pack", 1, {}, nullptr, kFrameworkKeyPrefix};
    return schema;
}

nlohmann::json loaded_framework_doc(const FrameworkPack& pack) {
    return document_with_pack(loaded_framework_schema(), framework_pack_to_json(pack));
}

} // namespace wf
