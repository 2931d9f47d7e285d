// [SECTION] Limits
// [SECTION] Reading fields (text rules and problem sentences: core/pack_reading.hpp)
// [SECTION] Ids shared by the whole pack
// [SECTION] Lists of text and lists of items
// [SECTION] Envelope
// [SECTION] Steps
// [SECTION] Step material (continuum, research, interview, email, norms)
// [SECTION] load_journey_pack / journey_pack_from_json
// [SECTION] journey_pack_to_json
// [SECTION] Lookups

#include "core/journey_pack.hpp"

#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/pack_reading.hpp"
#include "core/template_merge.hpp"
#include "core/text_stats.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace wf {

using nlohmann::json;

namespace {

using namespace pack_reading;

//-------------------------------------------------------------------------------------------------
// [SECTION] Limits
//-------------------------------------------------------------------------------------------------

constexpr int kPackFormat = 1; // the newest pack format this build reads

// A journey is worked through over weeks; past a dozen steps the step list stops fitting on a
// Chromebook screen and nobody finishes.
constexpr size_t kMinSteps = 1, kMaxSteps = 12;

// Ceiling per list (a step's tips, the question bank, …): far above what a guide needs, low enough
// that a damaged pack cannot make a step page nobody can scroll through.
constexpr size_t kMaxListItems = 40;

// Lengths in code points. Titles sit in the step list and on the printed guide's headings; every
// other text only needs a ceiling so a damaged or hostile pack cannot swamp the layout.
constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxVersionLength = 32;
constexpr size_t kMaxTitleLength = 160;
constexpr size_t kMaxTextLength = 4000;

// What step 4 fills in; any other placeholder would reach the leader's inbox unfilled.
constexpr const char* kPlaceholders[] = {"leader", "school", "name", "questions"};

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading fields
//-------------------------------------------------------------------------------------------------

constexpr TextRule kIdRule{"id", kMaxIdLength, Presence::required};
constexpr TextRule kTextRule{"text", kMaxTextLength, Presence::required};

//-------------------------------------------------------------------------------------------------
// [SECTION] Ids shared by the whole pack
//-------------------------------------------------------------------------------------------------

// Answers, ticks and map notes are stored under these ids, in one journey document, so one id
// must never mean two things anywhere in the pack, whatever kind of thing it names.
class PackIds {
public:
    void claim(const std::string& id, const std::string& where, Problems& problems)
    {
        if (id.empty())
            return;
        const auto [home, inserted] = first_use_.emplace(id, where);
        if (!inserted)
            problems.push_back("The id " + in_quotes(id) + " is used more than once (by " + home->second + " and by " +
                               where + "); every step, item and prompt needs its own id.");
    }

private:
    std::map<std::string, std::string> first_use_; // id -> where it first appeared
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Lists of text and lists of items
//-------------------------------------------------------------------------------------------------

struct ListRule {
    const char* key;        // the JSON field: "think_aloud"
    const char* singular;   // "“think out loud” prompt"
    const char* plural;     // "“think out loud” prompts"
};

// The array under rule.key, or nullptr when there is nothing to read. A missing list is an empty
// one: a district may drop the tips of a step, or a whole kind of step material, without a stub.
const json* read_list(const json& object, const ListRule& rule, const std::string& owner, Problems& problems)
{
    const json* value = json_field(object, rule.key);
    if (!value || value->is_null())
        return nullptr;
    if (!value->is_array()) {
        problems.push_back("The " + std::string(rule.plural) + " of " + owner + " must be a list.");
        return nullptr;
    }
    if (value->size() > kMaxListItems)
        problems.push_back(uppercase_first(owner) + " has " + plural(value->size(), rule.singular, rule.plural) +
                           "; at most " + std::to_string(kMaxListItems) + " are allowed.");
    return value;
}

std::vector<std::string> read_text_list(const json& object, const ListRule& rule, const std::string& owner,
                                        Problems& problems)
{
    std::vector<std::string> read;
    const json* list = read_list(object, rule, owner, problems);
    if (!list)
        return read;
    for (size_t i = 0; i < list->size(); i++) {
        const json& entry = (*list)[i];
        const std::string which = uppercase_first(rule.singular) + " " + std::to_string(i + 1) + " of " + owner;
        if (!entry.is_string()) {
            problems.push_back(which + " must be text.");
            continue;
        }
        const std::string& text = entry.get_ref<const std::string&>();
        if (is_blank(text))
            problems.push_back(which + " is empty.");
        else if (utf8_length(text) > kMaxTextLength)
            problems.push_back(which + " is too long: " + std::to_string(utf8_length(text)) +
                               " characters, where at most " + std::to_string(kMaxTextLength) + " are allowed.");
        else
            read.push_back(text);
    }
    return read;
}

// An entry of an item list that is not an object has no fields to report on one by one.
bool is_item_object(const json& entry, const std::string& position, const char* fields, Problems& problems)
{
    if (entry.is_object())
        return true;
    problems.push_back(uppercase_first(position) + " must be an object with " + fields + ".");
    return false;
}

std::vector<JourneyItem> read_items(const json& object, const ListRule& rule, const std::string& owner, PackIds& ids,
                                    Problems& problems)
{
    std::vector<JourneyItem> read;
    const json* list = read_list(object, rule, owner, problems);
    if (!list)
        return read;
    for (size_t i = 0; i < list->size(); i++) {
        const json& entry = (*list)[i];
        const std::string position = std::string(rule.singular) + " " + std::to_string(i + 1) + " of " + owner;
        if (!is_item_object(entry, position, "an id and a text", problems))
            continue;
        JourneyItem item;
        read_text(entry, "id", kIdRule, position, problems, item.id);
        ids.claim(item.id, position, problems);
        read_text(entry, "text", kTextRule, position, problems, item.text);
        read.push_back(std::move(item));
    }
    return read;
}

std::vector<ReflectionPrompt> read_reflections(const json& step, const std::string& owner, PackIds& ids,
                                               Problems& problems)
{
    std::vector<ReflectionPrompt> read;
    const json* list = read_list(step, {"reflections", "reflection prompt", "reflection prompts"}, owner, problems);
    if (!list)
        return read;
    for (size_t i = 0; i < list->size(); i++) {
        const json& entry = (*list)[i];
        const std::string position = "reflection prompt " + std::to_string(i + 1) + " of " + owner;
        if (!is_item_object(entry, position, "an id, a text and an example", problems))
            continue;
        ReflectionPrompt prompt;
        read_text(entry, "id", kIdRule, position, problems, prompt.id);
        ids.claim(prompt.id, position, problems);
        read_text(entry, "text", kTextRule, position, problems, prompt.text);
        // The example is the hint that shows what a useful answer looks like; a prompt without one
        // leaves a librarian facing a blank box.
        read_text(entry, "example", {"example", kMaxTextLength, Presence::required},
                  position, problems, prompt.example);
        read.push_back(std::move(prompt));
    }
    return read;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Envelope
//-------------------------------------------------------------------------------------------------

void read_pack_fields(const json& pack, JourneyPack& out, Problems& problems)
{
    const std::string owner = "the pack";
    read_text(pack, "id", kIdRule, owner, problems, out.id);
    read_text(pack, "version", {"version", kMaxVersionLength, Presence::required}, owner, problems, out.version);
    read_text(pack, "title", {"title", kMaxTitleLength, Presence::required}, owner, problems, out.title);
    read_text(pack, "description", {"description", kMaxTextLength, Presence::optional},
              owner, problems, out.description);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Steps
//-------------------------------------------------------------------------------------------------

JourneyStep read_step(const json& step, const std::string& owner, PackIds& ids, Problems& problems)
{
    JourneyStep read;
    read_text(step, "title", {"title", kMaxTitleLength, Presence::required}, owner, problems, read.title);
    read_text(step, "question", {"question", kMaxTextLength, Presence::required}, owner, problems, read.question);
    read_text(step, "introduction", {"introduction", kMaxTextLength, Presence::required},
              owner, problems, read.introduction);
    read.competencies = read_text_list(step, {"competencies", "key competency", "key competencies"}, owner, problems);
    read.checklist = read_items(step, {"checklist", "checklist item", "checklist items"}, owner, ids, problems);
    read.reflections = read_reflections(step, owner, ids, problems);
    read.tips = read_text_list(step, {"tips", "tip", "tips"}, owner, problems);
    read.think_aloud =
        read_text_list(step, {"think_aloud", "“think out loud” prompt", "“think out loud” prompts"}, owner, problems);
    read.sidebar = read_text_list(step, {"sidebar", "sidebar paragraph", "sidebar paragraphs"}, owner, problems);
    read.resources = read_text_list(step, {"resources", "resource", "resources"}, owner, problems);
    return read;
}

void read_steps(const json& pack, JourneyPack& out, PackIds& ids, Problems& problems)
{
    const json* steps = json_field(pack, "steps");
    if (!steps || steps->is_null()) {
        problems.push_back("The pack has no steps; a journey needs " + std::to_string(kMinSteps) + " to " +
                           std::to_string(kMaxSteps) + ".");
        return;
    }
    if (!steps->is_array()) {
        problems.push_back("The pack's steps must be a list.");
        return;
    }
    if (steps->size() < kMinSteps || steps->size() > kMaxSteps)
        problems.push_back("The pack has " + plural(steps->size(), "step", "steps") + "; a journey needs " +
                           std::to_string(kMinSteps) + " to " + std::to_string(kMaxSteps) + ".");

    for (size_t i = 0; i < steps->size(); i++) {
        const json& step = (*steps)[i];
        const std::string position = "step " + std::to_string(i + 1);
        if (!is_item_object(step, position, "an id, a title, a question and an introduction", problems))
            continue;
        std::string id;
        read_text(step, "id", kIdRule, position, problems, id);
        const std::string owner = named("step", id, i);
        ids.claim(id, owner, problems);
        JourneyStep read = read_step(step, owner, ids, problems);
        read.id = id;
        out.steps.push_back(std::move(read));
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Step material (continuum, research, interview, email, norms)
//-------------------------------------------------------------------------------------------------

// Validated with the same merge the app sends the email with, so the pack and the email can never
// disagree about what a placeholder is ("{{ school }}" fills; "{{School}}" does not).
void check_placeholders(const std::string& email, Problems& problems)
{
    const std::string allowed = "{{leader}}, {{school}}, {{name}} and {{questions}}";
    std::map<std::string, std::string> fields;
    for (const char* name : kPlaceholders)
        fields[name] = "x"; // any non-blank value without braces

    const MergeResult merged = merge_template(email, fields);
    for (const std::string& name : merged.unknown) {
        problems.push_back("The email template uses the placeholder " + in_quotes("{{" + name + "}}") +
                           ", which Wayfinder cannot fill; the placeholders it fills are " + allowed + ".");
        fields[name] = "x";
    }
    // Whatever double brace is left once every placeholder is filled is not a placeholder at all
    // ("{{questions" with no end, "{{two words}}") and would reach the building leader as typed.
    if (merge_template(email, fields).text.find("{{") != std::string::npos)
        problems.push_back("The email template has a “{{” that does not start a placeholder (a placeholder is one "
                           "name in double braces on one line, such as {{leader}}); the placeholders Wayfinder fills "
                           "are " + allowed + ".");
}

void read_material(const json& pack, JourneyPack& out, PackIds& ids, Problems& problems)
{
    const std::string owner = "the pack";
    out.continuum_phrases =
        read_items(pack, {"continuum_phrases", "continuum phrase", "continuum phrases"}, owner, ids, problems);
    out.research_items = read_items(pack, {"research_items", "research item", "research items"}, owner, ids, problems);
    out.interview_questions =
        read_items(pack, {"interview_questions", "interview question", "interview questions"}, owner, ids, problems);
    read_text(pack, "email_template", {"email template", kMaxTextLength, Presence::optional},
              owner, problems, out.email_template);
    check_placeholders(out.email_template, problems);
    out.meeting_norms = read_items(pack, {"meeting_norms", "meeting norm", "meeting norms"}, owner, ids, problems);
}

JourneyPackLoad refused(Problems problems, const std::string& advice)
{
    JourneyPackLoad result;
    result.error = refusal_message("journey pack", problems, advice);
    result.problems = std::move(problems);
    return result;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] load_journey_pack / journey_pack_from_json
//-------------------------------------------------------------------------------------------------

JourneyPackLoad journey_pack_from_json(const json& pack)
{
    const EnvelopeCheck envelope = check_pack_envelope(pack, kJourneyFileType, "journey pack", kPackFormat);
    if (!envelope.problem.empty())
        return refused({envelope.problem}, envelope_advice(envelope, kJourneyFileType, "journey pack"));

    JourneyPack read;
    Problems problems;
    PackIds ids;
    read_pack_fields(pack, read, problems);
    read_steps(pack, read, ids, problems);
    read_material(pack, read, ids, problems);
    if (!problems.empty())
        return refused(std::move(problems), kFixPackAdvice);

    JourneyPackLoad result;
    result.ok = true;
    result.pack = std::move(read);
    return result;
}

JourneyPackLoad load_journey_pack(std::string_view json_text)
{
    return pack_reading::load_pack_text<JourneyPackLoad>(json_text, "This journey pack cannot be used. ",
                                              [](const json& pack) { return journey_pack_from_json(pack); });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] journey_pack_to_json
//-------------------------------------------------------------------------------------------------

namespace {

json items_to_json(const std::vector<JourneyItem>& items)
{
    json list = json::array();
    for (const JourneyItem& item : items) {
        json& entry = json_append_object(list);
        json_put(entry, "id", item.id);
        json_put(entry, "text", item.text);
    }
    return list;
}

} // namespace

json journey_pack_to_json(const JourneyPack& pack)
{
    json steps = json::array();
    for (const JourneyStep& step : pack.steps) {
        json reflections = json::array();
        for (const ReflectionPrompt& prompt : step.reflections) {
            json& entry = json_append_object(reflections);
            json_put(entry, "id", prompt.id);
            json_put(entry, "text", prompt.text);
            json_put(entry, "example", prompt.example);
        }
        json& entry = json_append_object(steps);
        json_put(entry, "id", step.id);
        json_put(entry, "title", step.title);
        json_put(entry, "question", step.question);
        json_put(entry, "introduction", step.introduction);
        json_put(entry, "competencies", step.competencies);
        json_put(entry, "checklist", items_to_json(step.checklist));
        json_put(entry, "reflections", std::move(reflections));
        json_put(entry, "tips", step.tips);
        json_put(entry, "think_aloud", step.think_aloud);
        json_put(entry, "sidebar", step.sidebar);
        json_put(entry, "resources", step.resources);
    }

    json out = pack_reading::pack_envelope(kJourneyFileType, kPackFormat, pack.id, pack.version, pack.title, pack.description);
    json_put(out, "steps", std::move(steps));
    json_put(out, "continuum_phrases", items_to_json(pack.continuum_phrases));
    json_put(out, "research_items", items_to_json(pack.research_items));
    json_put(out, "interview_questions", items_to_json(pack.interview_questions));
    json_put(out, "email_template", pack.email_template);
    json_put(out, "meeting_norms", items_to_json(pack.meeting_norms));
    return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Lookups
//-------------------------------------------------------------------------------------------------

const JourneyStep* JourneyPack::find_step(std::string_view step_id) const
{
    const auto it = std::find_if(steps.begin(), steps.end(), [&](const JourneyStep& s) { return s.id == step_id; });
    return it == steps.end() ? nullptr : &*it;
}

} // namespace wf
