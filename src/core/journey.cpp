// [SECTION] Schema
// [SECTION] Reading
// [SECTION] Writing
// [SECTION] Migrations
// [SECTION] Steps' material
// [SECTION] Progress
// [SECTION] Sharing and single-item import

#include "core/journey.hpp"
#include "core/document_merge.hpp"
#include "core/journey_maps.hpp"

#include "core/enum_names.hpp"
#include "core/json_fields.hpp"
#include "core/text_stats.hpp"
#include "core/stable_order.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

using nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Schema
//-------------------------------------------------------------------------------------------------

namespace {

// Only fills what is missing or of the wrong kind. Like the assessment's, it does not round-trip the
// typed view: restoring runs on every load and import and must not drop anything, whatever the pack
// copy holds (it may not validate in this build).
void fill_journey_defaults(json& doc)
{
    for (const char* key : {"id", "name", "created_at", "leader", "school", "current_step"})
        json_ensure(doc, key, &json::is_string, "");
    json_ensure(doc, "steps", &json::is_object, json::object());

    json& continuum = json_ensure(doc, "continuum", &json::is_object, json::object());
    json_ensure(continuum, "private", &json::is_boolean, true);
    json_ensure(continuum, "phrases", &json::is_array, json::array());

    json& future_ready = json_ensure(doc, "future_ready", &json::is_object, json::object());
    json_ensure(future_ready, "from_assessment", &json::is_string, "");
    json_ensure(future_ready, "strengths", &json::is_array, json::array());
    json_ensure(future_ready, "stretches", &json::is_array, json::array());

    json& research = json_ensure(doc, "research", &json::is_object, json::object());
    json_ensure(research, "status", &json::is_object, json::object());
    json_ensure(research, "venn", &json::is_array, json::array());

    json& interview = json_ensure(doc, "interview", &json::is_object, json::object());
    json_ensure(interview, "questions", &json::is_array, json::array());
    json_ensure(interview, "norms", &json::is_object, json::object());
    json_ensure(interview, "notes", &json::is_string, "");

    json& collaboration = json_ensure(doc, "collaboration", &json::is_object, json::object());
    json_ensure(collaboration, "notes", &json::is_array, json::array());

    json& agreement = json_ensure(doc, "agreement", &json::is_object, json::object());
    json_ensure(agreement, "candidates", &json::is_array, json::array());
    json_ensure(agreement, "notes", &json::is_array, json::array());
    for (const char* key : {"center", "next_step_owner"})
        json_ensure(agreement, key, &json::is_string, "");
}

constexpr EnumName<NoteColour> kColourNames[] = {
    {NoteColour::Yellow, "yellow", "Yellow"}, {NoteColour::Pink, "pink", "Pink"},     {NoteColour::Blue, "blue", "Blue"},
    {NoteColour::Green, "green", "Green"},    {NoteColour::Purple, "purple", "Purple"},
};

constexpr EnumName<int> kPlanRegionNames[] = {
    {kWho, "who", "Who"}, {kWhen, "when", "When"}, {kWhat, "what", "What"}, {kWhere, "where", "Where"},
};

bool migrate_v1_to_v2(json& doc, std::string& why);

constexpr EnumName<ResearchStatus> kStatusNames[] = {
    {ResearchStatus::NotStarted, "not-started", "Not started"},
    {ResearchStatus::Requested, "requested", "Requested"},
    {ResearchStatus::Found, "found", "Found"},
};

const EnumName<ResearchStatus>& status_name(ResearchStatus status) { return name_of(kStatusNames, status); }

} // namespace

const DocumentSchema& journey_schema()
{
    // The noun reads after "a": restore messages say "Choose a conversation journey exported from Wayfinder."
    static const DocumentSchema schema{kJourneyType, "conversation journey", 2, {migrate_v1_to_v2}, fill_journey_defaults, "journey:"};
    return schema;
}

std::string journey_key(const std::string& id) { return journey_schema().key + id; }

const char* research_status_label(ResearchStatus status) { return status_name(status).label; }

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading
//-------------------------------------------------------------------------------------------------

namespace {

// The object entries of the array under `key`; entries of other kinds are skipped.
std::vector<const json*> objects_in(const json& obj, const char* key)
{
    std::vector<const json*> entries;
    const json* list = json_field(obj, key);
    if (list && list->is_array())
        for (const json& entry : *list)
            if (entry.is_object())
                entries.push_back(&entry);
    return entries;
}

std::map<std::string, bool> ticks_from(const json& obj)
{
    std::map<std::string, bool> ticks;
    for (const auto& [id, value] : json_members(obj))
        if (value.is_boolean())
            ticks[id] = value == true;
    return ticks;
}

// A text that is there only once the librarian wrote it; anything but text reads as not written.
// A note's place as stored; a missing or unreadable coordinate reads as none (NaN), which
// settle_map_notes() then replaces with a free spot in the note's region.
NotePlace place_from(const json& entry)
{
    NotePlace place;
    if (const std::optional<double> x = json_number(entry, "x"))
        place.x = *x;
    if (const std::optional<double> y = json_number(entry, "y"))
        place.y = *y;
    if (const std::optional<NoteColour> colour = value_stored_as(kColourNames, json_string(entry, "colour")))
        place.colour = *colour;
    return place;
}

std::optional<std::string> optional_string(const json& obj, const char* key)
{
    const json* value = json_field(obj, key);
    if (!value || !value->is_string())
        return std::nullopt;
    return value->get<std::string>();
}

int region_from(const json& entry)
{
    const std::optional<double> region = json_number(entry, "region");
    if (!region || *region < 1 || *region > kVennAllThree || std::trunc(*region) != *region)
        return kVennNotPlaced;
    return int(*region);
}

double position_from(const json& entry)
{
    const std::optional<double> position = json_number(entry, "position");
    if (!position || !std::isfinite(*position))
        return ContinuumPhrase{}.position;
    return std::clamp(*position, 0.0, 1.0);
}

void read_steps(const json& doc, Journey& journey)
{
    for (const auto& [step_id, entry] : json_members(json_object_at(doc, "steps"))) {
        if (!entry.is_object())
            continue;
        StepResponses responses;
        responses.checklist = ticks_from(json_object_at(entry, "checklist"));
        for (const auto& [prompt_id, answer] : json_members(json_object_at(entry, "answers")))
            if (answer.is_string())
                responses.answers[prompt_id] = answer.get_ref<const std::string&>();
        journey.steps[step_id] = std::move(responses);
    }
}

void read_continuum(const json& doc, Journey& journey)
{
    const json& continuum = json_object_at(doc, "continuum");
    journey.continuum.is_private = json_bool(continuum, "private", true);
    for (const json* entry : objects_in(continuum, "phrases")) {
        ContinuumPhrase& phrase = journey.continuum.phrases.emplace_back();
        json_read_string(*entry, "id", phrase.id);
        json_read_string(*entry, "text", phrase.text);
        phrase.position = position_from(*entry);
        phrase.highlighted = json_bool(*entry, "highlighted", false);
        phrase.below_line = json_bool(*entry, "below_line", false);
        phrase.place = place_from(*entry);
    }
}

void read_future_ready(const json& doc, Journey& journey)
{
    const json& future_ready = json_object_at(doc, "future_ready");
    json_read_string(future_ready, "from_assessment", journey.future_ready.from_assessment);
    for (const json* entry : objects_in(future_ready, "strengths")) {
        JourneyStrength& strength = journey.future_ready.strengths.emplace_back();
        json_read_string(*entry, "area_id", strength.area_id);
        json_read_string(*entry, "area_name", strength.area_name);
        json_read_string(*entry, "example", strength.example);
        json_read_string(*entry, "alignment", strength.alignment);
        json_read_string(*entry, "shared", strength.shared);
    }
    for (const json* entry : objects_in(future_ready, "stretches")) {
        JourneyStretch& stretch = journey.future_ready.stretches.emplace_back();
        json_read_string(*entry, "area_id", stretch.area_id);
        json_read_string(*entry, "area_name", stretch.area_name);
        json_read_string(*entry, "reason", stretch.reason);
    }
}

void read_research(const json& doc, Journey& journey)
{
    const json& research = json_object_at(doc, "research");
    for (const auto& [item_id, value] : json_members(json_object_at(research, "status")))
        if (value.is_string())
            if (const std::optional<ResearchStatus> status = value_stored_as(kStatusNames, value.get_ref<const std::string&>()))
                journey.research.status[item_id] = *status;
    for (const json* entry : objects_in(research, "venn")) {
        VennItem& item = journey.research.venn.emplace_back();
        json_read_string(*entry, "id", item.id);
        json_read_string(*entry, "text", item.text);
        item.region = region_from(*entry);
        item.place = place_from(*entry);
    }
}

void read_interview(const json& doc, Journey& journey)
{
    const json& interview = json_object_at(doc, "interview");
    std::vector<std::string>& questions = journey.interview.questions;
    if (const json* chosen = json_field(interview, "questions"); chosen && chosen->is_array())
        for (const json& id : *chosen) {
            if (!id.is_string() || questions.size() == kMaxInterviewQuestions)
                continue;
            const std::string& text = id.get_ref<const std::string&>();
            if (std::find(questions.begin(), questions.end(), text) == questions.end())
                questions.push_back(text);
        }
    journey.interview.norms = ticks_from(json_object_at(interview, "norms"));
    json_read_string(interview, "notes", journey.interview.notes);
    journey.interview.email_subject = optional_string(interview, "email_subject");
    journey.interview.email_body = optional_string(interview, "email_body");
}

void read_collaboration(const json& doc, Journey& journey)
{
    for (const json* entry : objects_in(json_object_at(doc, "collaboration"), "notes")) {
        CollaborationNote note;
        json_read_string(*entry, "id", note.id);
        json_read_string(*entry, "text", note.text);
        note.kind = json_string(*entry, "kind") == "strength" ? NoteKind::Strength : NoteKind::Priority;
        note.placement = json_string(*entry, "placement") == "aligned" ? NotePlacement::Aligned : NotePlacement::Margin;
        if (note.kind == NoteKind::Strength)
            json_read_string(*entry, "aligned_with", note.aligned_with);
        json_read_string(*entry, "area_id", note.area_id);
        note.place = place_from(*entry);
        journey.collaboration.notes.push_back(std::move(note));
    }
}

void read_agreement(const json& doc, Journey& journey)
{
    const json& agreement = json_object_at(doc, "agreement");
    Agreement& read = journey.agreement;
    for (const json* entry : objects_in(agreement, "candidates")) {
        AgreementCandidate& candidate = read.candidates.emplace_back();
        json_read_string(*entry, "id", candidate.id);
        json_read_string(*entry, "title", candidate.title);
        json_read_string(*entry, "description", candidate.description);
        json_read_string(*entry, "from_priority", candidate.from_priority);
        candidate.place = place_from(*entry);
    }
    json_read_string(agreement, "center", read.center);
    if (!agreement_center(read))
        read.center.clear();
    for (const json* entry : objects_in(agreement, "notes")) {
        const std::optional<int> region = value_stored_as(kPlanRegionNames, json_string(*entry, "region"));
        PlanNote& note = read.notes.emplace_back();
        json_read_string(*entry, "id", note.id);
        json_read_string(*entry, "text", note.text);
        note.region = region.value_or(kWho);
        note.place = place_from(*entry);
    }
    json_read_string(agreement, "next_step_owner", read.next_step_owner);
}

} // namespace

JourneyPackLoad journey_pack_copy(const json& doc)
{
    if (const json* pack = json_field(doc, "pack"))
        return journey_pack_from_json(*pack);
    JourneyPackLoad lost;
    lost.error = "This conversation journey has lost its copy of the steps it was started with.";
    return lost;
}

Journey journey_from_doc(const json& doc) { return journey_from_doc(doc, journey_pack_copy(doc)); }

Journey journey_from_doc(const json& doc, const JourneyPackLoad& pack_copy)
{
    Journey journey;
    json_read_string(doc, "id", journey.id);
    json_read_string(doc, "name", journey.name);
    json_read_string(doc, "created_at", journey.created_at);
    json_read_string(doc, "leader", journey.leader);
    json_read_string(doc, "school", journey.school);

    if (pack_copy.ok)
        journey.pack = pack_copy.pack;
    else
        journey.pack_error = pack_copy.error;

    json_read_string(doc, "current_step", journey.current_step);
    if (journey.pack_error.empty() && !journey.pack.find_step(journey.current_step) && !journey.pack.steps.empty())
        journey.current_step = journey.pack.steps.front().id;

    read_steps(doc, journey);
    read_continuum(doc, journey);
    read_future_ready(doc, journey);
    read_research(doc, journey);
    read_interview(doc, journey);
    read_collaboration(doc, journey);
    read_agreement(doc, journey);
    settle_map_notes(journey);
    return journey;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Writing
//-------------------------------------------------------------------------------------------------

namespace {

// The stored object under `key`, taken out of `obj` to be rewritten and put back (so what a newer
// build put in it is kept, and nothing large is copied), or an empty object.
json take_object(json& obj, const char* key)
{
    const auto value = obj.is_object() ? obj.find(key) : obj.end();
    return value != obj.end() && value->is_object() ? std::move(*value) : json::object();
}

// Each sets obj[key] only when it differs (in kind or value): rewriting a map of thousands of notes
// touches only what an edit changed, and allocates nothing for the rest.
void set_field(json& obj, const char* key, const std::string& value)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string() || it->get_ref<const std::string&>() != value)
        obj[key] = value;
}
void set_field(json& obj, const char* key, const char* value) { set_field(obj, key, std::string(value)); }
void set_field(json& obj, const char* key, double value)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_float() || it->get<double>() != value)
        obj[key] = value;
}
void set_field(json& obj, const char* key, int value)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_integer() || it->get<json::number_integer_t>() != value)
        obj[key] = value;
}
void set_field(json& obj, const char* key, bool value)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_boolean() || it->get<bool>() != value)
        obj[key] = value;
}

// Stored list entries by id, so a rewritten entry keeps the fields a newer build added to it. Points
// into `obj`, which must outlive it unchanged: a map of thousands of notes is copied once, not twice.
class StoredById {
public:
    StoredById(const json& obj, const char* key)
    {
        for (const json* entry : objects_in(obj, key))
            by_id_.emplace(json_string(*entry, "id"), entry);
    }
    json entry(const std::string& id) const
    {
        const auto found = by_id_.find(id);
        return found == by_id_.end() ? json::object() : *found->second;
    }

private:
    std::map<std::string, const json*> by_id_;
};

// The list of notes under doc[object][list], or nullptr (nothing is added to look).
json* note_list(json& doc, const char* object, const char* list)
{
    if (!doc.is_object())
        return nullptr;
    const auto parent = doc.find(object);
    if (parent == doc.end() || !parent->is_object())
        return nullptr;
    const auto notes = parent->find(list);
    return notes != parent->end() && notes->is_array() ? &*notes : nullptr;
}

// Every list of notes in a journey document.
constexpr std::pair<const char*, const char*> kNoteLists[] = {
    {"continuum", "phrases"}, {"research", "venn"}, {"collaboration", "notes"}, {"agreement", "candidates"}, {"agreement", "notes"}};

// A place that is no number (never settled) is not written: reading gives it a spot again.
void write_place(json& entry, const NotePlace& place)
{
    if (std::isfinite(place.x) && std::isfinite(place.y)) {
        set_field(entry, "x", place.x);
        set_field(entry, "y", place.y);
    } else {
        entry.erase("x");
        entry.erase("y");
    }
    set_field(entry, "colour", name_of(kColourNames, place.colour).stored);
}

// Writes `notes` as the list obj[list], each by `write` into the stored entry with its id, which
// keeps the fields a newer build added to it. When the stored list holds the same ids in the same
// order (an edit that moved, recoloured or retyped notes, not one that added or removed one), each
// entry is written where it is: a move among thousands of notes rewrites a few numbers.
template <typename Note, typename Write>
void write_notes(json& obj, const char* list, const std::vector<Note>& notes, Write write)
{
    const auto stored = obj.find(list);
    const auto same_id = [&](size_t i) {
        const json& entry = (*stored)[i];
        const auto id = entry.is_object() ? entry.find("id") : entry.end();
        return id != entry.end() && id->is_string() && id->template get_ref<const std::string&>() == notes[i].id;
    };
    bool in_place = stored != obj.end() && stored->is_array() && stored->size() == notes.size();
    for (size_t i = 0; in_place && i < notes.size(); i++)
        in_place = same_id(i);
    if (in_place) {
        for (size_t i = 0; i < notes.size(); i++)
            write((*stored)[i], notes[i]);
        return;
    }
    const StoredById by_id(obj, list);
    json entries = json::array();
    for (const Note& note : notes) {
        json entry = by_id.entry(note.id);
        set_field(entry, "id", note.id);
        write(entry, note);
        entries.push_back(std::move(entry));
    }
    obj[list] = std::move(entries);
}

template <typename Value>
json map_to_json(const std::map<std::string, Value>& map)
{
    json obj = json::object();
    for (const auto& [key, value] : map)
        obj[key] = value;
    return obj;
}

json steps_to_json(json& doc, const Journey& journey)
{
    json stored = take_object(doc, "steps");
    json steps = json::object();
    for (const auto& [step_id, responses] : journey.steps) {
        json entry = take_object(stored, step_id.c_str());
        json_put(entry, "checklist", map_to_json(responses.checklist));
        json_put(entry, "answers", map_to_json(responses.answers));
        steps[step_id] = std::move(entry);
    }
    return steps;
}

json continuum_to_json(json& doc, const Journey& journey)
{
    json continuum = take_object(doc, "continuum");
    write_notes(continuum, "phrases", journey.continuum.phrases, [](json& entry, const ContinuumPhrase& phrase) {
        set_field(entry, "text", phrase.text);
        set_field(entry, "position", std::isfinite(phrase.position) ? std::clamp(phrase.position, 0.0, 1.0) : 0.5);
        set_field(entry, "highlighted", phrase.highlighted);
        set_field(entry, "below_line", phrase.below_line);
        write_place(entry, phrase.place);
    });
    json_put(continuum, "private", journey.continuum.is_private);
    return continuum;
}

// Strengths and stretches have no ids of their own; an area appears once in each list, so entries
// are matched by area id.
json future_ready_to_json(json& doc, const Journey& journey)
{
    json future_ready = take_object(doc, "future_ready");
    std::map<std::string, json> stored_strengths, stored_stretches;
    for (const json* entry : objects_in(future_ready, "strengths"))
        stored_strengths.emplace(json_string(*entry, "area_id"), *entry);
    for (const json* entry : objects_in(future_ready, "stretches"))
        stored_stretches.emplace(json_string(*entry, "area_id"), *entry);
    const auto stored_or_new = [](const std::map<std::string, json>& stored, const std::string& area_id) {
        const auto found = area_id.empty() ? stored.end() : stored.find(area_id);
        return found == stored.end() ? json::object() : found->second;
    };

    json strengths = json::array();
    for (const JourneyStrength& strength : journey.future_ready.strengths) {
        json entry = stored_or_new(stored_strengths, strength.area_id);
        json_put(entry, "area_id", strength.area_id);
        json_put(entry, "area_name", strength.area_name);
        json_put(entry, "example", strength.example);
        json_put(entry, "alignment", strength.alignment);
        json_put(entry, "shared", strength.shared);
        strengths.push_back(std::move(entry));
    }
    json stretches = json::array();
    for (const JourneyStretch& stretch : journey.future_ready.stretches) {
        json entry = stored_or_new(stored_stretches, stretch.area_id);
        json_put(entry, "area_id", stretch.area_id);
        json_put(entry, "area_name", stretch.area_name);
        json_put(entry, "reason", stretch.reason);
        stretches.push_back(std::move(entry));
    }
    json_put(future_ready, "from_assessment", journey.future_ready.from_assessment);
    json_put(future_ready, "strengths", std::move(strengths));
    json_put(future_ready, "stretches", std::move(stretches));
    return future_ready;
}

json research_to_json(json& doc, const Journey& journey)
{
    json research = take_object(doc, "research");
    json status = json::object();
    for (const auto& [item_id, value] : journey.research.status)
        status[item_id] = status_name(value).stored;
    json_put(research, "status", std::move(status));
    write_notes(research, "venn", journey.research.venn, [](json& entry, const VennItem& item) {
        set_field(entry, "text", item.text);
        set_field(entry, "region", is_venn_region(item.region) ? item.region : kVennNotPlaced);
        write_place(entry, item.place);
    });
    return research;
}

json interview_to_json(json& doc, const Journey& journey)
{
    json interview = take_object(doc, "interview");
    json_put(interview, "questions", journey.interview.questions);
    json_put(interview, "norms", map_to_json(journey.interview.norms));
    json_put(interview, "notes", journey.interview.notes);
    // Absent, not empty, when not reworded: an email cleared on purpose is the librarian's too.
    const std::pair<const char*, const std::optional<std::string>*> email[] = {
        {"email_subject", &journey.interview.email_subject}, {"email_body", &journey.interview.email_body}};
    for (const auto& [key, text] : email) {
        if (*text)
            json_put(interview, key, **text);
        else
            interview.erase(key);
    }
    return interview;
}

json collaboration_to_json(json& doc, const Journey& journey)
{
    json collaboration = take_object(doc, "collaboration");
    write_notes(collaboration, "notes", journey.collaboration.notes, [](json& entry, const CollaborationNote& note) {
        set_field(entry, "text", note.text);
        set_field(entry, "kind", note.kind == NoteKind::Strength ? "strength" : "priority");
        set_field(entry, "placement", note.placement == NotePlacement::Aligned ? "aligned" : "margin");
        set_field(entry, "aligned_with", note.kind == NoteKind::Strength ? note.aligned_with : std::string());
        set_field(entry, "area_id", note.area_id);
        write_place(entry, note.place);
    });
    return collaboration;
}

json agreement_to_json(json& doc, const Journey& journey)
{
    json agreement = take_object(doc, "agreement");
    write_notes(agreement, "candidates", journey.agreement.candidates, [](json& entry, const AgreementCandidate& candidate) {
        set_field(entry, "title", candidate.title);
        set_field(entry, "description", candidate.description);
        set_field(entry, "from_priority", candidate.from_priority);
        write_place(entry, candidate.place);
    });
    write_notes(agreement, "notes", journey.agreement.notes, [](json& entry, const PlanNote& note) {
        set_field(entry, "text", note.text);
        set_field(entry, "region", name_of(kPlanRegionNames, note.region).stored);
        write_place(entry, note.place);
    });
    json_put(agreement, "center", agreement_center(journey.agreement) ? journey.agreement.center : std::string());
    json_put(agreement, "next_step_owner", journey.agreement.next_step_owner);
    return agreement;
}

// Writes only the notes' places into the entries with their ids.
void journey_write_places(json& doc, const Journey& journey)
{
    const auto write_list = [&](const char* object, const char* list, const auto& notes) {
        json* entries = note_list(doc, object, list);
        if (!entries)
            return;
        std::map<std::string, const NotePlace*> by_id;
        for (const auto& note : notes)
            by_id.emplace(note.id, &note.place);
        for (json& entry : *entries)
            if (entry.is_object())
                if (const auto found = by_id.find(json_string(entry, "id")); found != by_id.end())
                    write_place(entry, *found->second);
    };
    write_list("continuum", "phrases", journey.continuum.phrases);
    write_list("research", "venn", journey.research.venn);
    write_list("collaboration", "notes", journey.collaboration.notes);
    write_list("agreement", "candidates", journey.agreement.candidates);
    write_list("agreement", "notes", journey.agreement.notes);
}

} // namespace

void journey_write(json& doc, const Journey& journey)
{
    if (!doc.is_object())
        doc = new_journey_doc(journey.pack, journey.id, journey.name, journey.created_at);
    json_put(doc, "id", journey.id);
    json_put(doc, "name", journey.name);
    json_put(doc, "created_at", journey.created_at);
    json_put(doc, "leader", journey.leader);
    json_put(doc, "school", journey.school);
    json_put(doc, "current_step", journey.current_step);
    json_put(doc, "steps", steps_to_json(doc, journey));
    json_put(doc, "continuum", continuum_to_json(doc, journey));
    json_put(doc, "future_ready", future_ready_to_json(doc, journey));
    json_put(doc, "research", research_to_json(doc, journey));
    json_put(doc, "interview", interview_to_json(doc, journey));
    json_put(doc, "collaboration", collaboration_to_json(doc, journey));
    json_put(doc, "agreement", agreement_to_json(doc, journey));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Migrations
//-------------------------------------------------------------------------------------------------

namespace {

// Every list of notes in a journey document, by where it sits.
// Version 2 gives every note of the four maps a place. Version 1 had none, though a note may carry
// an x or y a newer build wrote: they are not trusted (nothing kept them in step with the region).
// The four quadrant texts become one note each, so the guide and the texts read exactly as before.
// The places are given the way reading gives them (settle_map_notes), in list order, and written.
bool migrate_v1_to_v2(json& doc, std::string& why)
{
    if (!doc.is_object()) {
        why = "its contents are not in the expected form.";
        return false;
    }
    for (const auto& [object, list] : kNoteLists)
        if (json* notes = note_list(doc, object, list))
            for (json& note : *notes)
                if (note.is_object()) {
                    note.erase("x");
                    note.erase("y");
                }
    json& agreement = doc["agreement"];
    if (agreement.is_object()) {
        json notes = json::array();
        for (const EnumName<int>& quadrant : kPlanRegionNames) {
            const std::string text = json_string(agreement, quadrant.stored);
            agreement.erase(quadrant.stored);
            if (!text.empty()) {
                json& note = json_append_object(notes);
                json_put(note, "id", std::string("plan-") + quadrant.stored);
                json_put(note, "text", text);
                json_put(note, "region", quadrant.stored);
            }
        }
        agreement["notes"] = std::move(notes);
    }
    const Journey placed = journey_from_doc(doc);
    journey_write_places(doc, placed);
    return true;
}

} // namespace

json new_journey_doc(const JourneyPack& pack, std::string id, std::string name, std::string created_at)
{
    json doc = document_with_pack(journey_schema(), journey_pack_to_json(pack));
    Journey journey;
    journey.id = std::move(id);
    journey.name = std::move(name);
    journey.created_at = std::move(created_at);
    if (!pack.steps.empty())
        journey.current_step = pack.steps.front().id;
    journey_write(doc, journey);
    return doc;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Steps' material
//-------------------------------------------------------------------------------------------------

bool seed_from_assessment(Journey& journey, const Assessment& assessment, const std::vector<AreaResult>& results)
{
    FutureReadiness& future_ready = journey.future_ready;
    const size_t before = future_ready.strengths.size() + future_ready.stretches.size();
    if (future_ready.strengths.empty())
        for (const AreaResult& area : rank_strengths(results))
            future_ready.strengths.push_back({area.area_id, area.name, area.note, "", ""});
    if (future_ready.stretches.empty())
        for (const Stretch& stretch : rank_stretches(results)) {
            // A starting point in the librarian's own voice, for them to say more.
            const char* reason = stretch.reason == StretchReason::MarkedToGrow
                                     ? "I marked \xE2\x80\x9CI want to grow here\xE2\x80\x9D in my self-assessment."
                                     : "It is one of the areas I rated lowest in my self-assessment.";
            future_ready.stretches.push_back({stretch.area.area_id, stretch.area.name, reason});
        }
    const bool added = future_ready.strengths.size() + future_ready.stretches.size() > before;
    if (added)
        future_ready.from_assessment = assessment.id;
    return added;
}

std::vector<AreaRef> journey_strength_areas(const Journey& journey)
{
    std::vector<AreaRef> areas;
    for (const JourneyStrength& strength : journey.future_ready.strengths) {
        if (is_blank(strength.area_name))
            continue;
        const bool listed = std::any_of(areas.begin(), areas.end(),
                                        [&strength](const AreaRef& area) { return same_name(area.area_name, strength.area_name); });
        if (!listed)
            areas.push_back({strength.area_id, strength.area_name});
    }
    return areas;
}

std::vector<VennGroup> venn_groups(const Journey& journey)
{
    std::vector<VennGroup> groups;
    for (const int region : all_regions()) {
        VennGroup group{region, {}};
        for (const VennItem& item : journey.research.venn)
            if (item.region == region)
                group.items.push_back(item);
        groups.push_back(std::move(group));
    }
    VennGroup not_placed{kVennNotPlaced, {}};
    for (const VennItem& item : journey.research.venn)
        if (!is_venn_region(item.region))
            not_placed.items.push_back(item);
    if (!not_placed.items.empty())
        groups.push_back(std::move(not_placed));
    return groups;
}

std::vector<VennGroup> venn_connections(const Journey& journey)
{
    std::vector<VennGroup> connections;
    for (VennGroup& group : venn_groups(journey))
        if (is_connection(group.region) && !group.items.empty())
            connections.push_back(std::move(group));
    return connections;
}

bool choose_interview_question(Journey& journey, const std::string& question_id, bool chosen)
{
    const std::vector<JourneyItem>& bank = journey.pack.interview_questions;
    const bool in_bank =
        std::any_of(bank.begin(), bank.end(), [&question_id](const JourneyItem& item) { return item.id == question_id; });
    if (!in_bank)
        return false;
    std::vector<std::string>& questions = journey.interview.questions;
    const auto found = std::find(questions.begin(), questions.end(), question_id);
    if (!chosen) {
        if (found != questions.end())
            questions.erase(found);
        return true;
    }
    if (found != questions.end())
        return true;
    if (questions.size() >= kMaxInterviewQuestions)
        return false;
    questions.push_back(question_id);
    return true;
}

namespace {

// Our own words, not the pack's: packs carry the body only, so every journey, older ones included,
// gets a subject the leader can recognise in an inbox.
constexpr const char* kEmailSubject = "Could we meet about the library at {{school}}?";

std::map<std::string, std::string> email_fields(const Journey& journey, const std::string& librarian_name)
{
    std::vector<std::string> questions;
    for (const std::string& id : journey.interview.questions)
        for (const JourneyItem& item : journey.pack.interview_questions)
            if (item.id == id)
                questions.push_back(item.text);
    return {{"leader", journey.leader},
            {"school", journey.school},
            {"name", librarian_name},
            {"questions", bulleted_list(questions)}};
}

} // namespace

std::string InterviewEmail::text() const { return "Subject: " + subject + "\n\n" + body; }

InterviewEmail interview_email(const Journey& journey, const std::string& librarian_name)
{
    const std::map<std::string, std::string> fields = email_fields(journey, librarian_name);
    const Interview& interview = journey.interview;
    InterviewEmail email;
    email.edited = interview.email_subject || interview.email_body;
    const auto add_missing = [&email](const MergeResult& merged) {
        for (const std::string& field : merged.missing)
            if (std::find(email.missing.begin(), email.missing.end(), field) == email.missing.end())
                email.missing.push_back(field);
    };
    // The body first: its gaps are listed in the order the leader would read them.
    if (interview.email_body) {
        email.body = *interview.email_body;
    } else {
        MergeResult body = merge_template(journey.pack.email_template, fields);
        add_missing(body);
        email.body = std::move(body.text);
    }
    if (interview.email_subject) {
        email.subject = *interview.email_subject;
    } else {
        MergeResult subject = merge_template(kEmailSubject, fields);
        add_missing(subject);
        email.subject = std::move(subject.text);
    }
    return email;
}

void edit_email_subject(Journey& journey, const std::string& librarian_name, const std::string& subject)
{
    journey.interview.email_subject.reset();
    if (subject != interview_email(journey, librarian_name).subject)
        journey.interview.email_subject = subject;
}

void edit_email_body(Journey& journey, const std::string& librarian_name, const std::string& body)
{
    journey.interview.email_body.reset();
    if (body != interview_email(journey, librarian_name).body)
        journey.interview.email_body = body;
}

std::string email_field_prompt(std::string_view field)
{
    if (field == "leader")
        return "Fill in your building leader\xE2\x80\x99s name.";
    if (field == "school")
        return "Fill in your school\xE2\x80\x99s name.";
    if (field == "name")
        return "Fill in your name in your profile.";
    if (field == "questions")
        return "Choose two or three questions to send ahead of the meeting.";
    return "Replace \xE2\x80\x9C{{" + std::string(field) + "}}\xE2\x80\x9D by hand after copying the email.";
}

const AgreementCandidate* agreement_center(const Agreement& agreement)
{
    if (agreement.center.empty())
        return nullptr;
    for (const AgreementCandidate& candidate : agreement.candidates)
        if (candidate.id == agreement.center)
            return &candidate;
    return nullptr;
}

std::string plan_text(const Agreement& agreement, int region)
{
    std::vector<const PlanNote*> notes;
    for (const PlanNote& note : agreement.notes)
        if (note.region == region && !is_blank(note.text))
            notes.push_back(&note);
    stable_sort_by(notes, [](const PlanNote* a, const PlanNote* b) {
        return reads_before({a->place.x, a->place.y}, {b->place.x, b->place.y});
    });
    std::string text;
    for (const PlanNote* note : notes)
        text += (text.empty() ? "" : "\n") + note->text;
    return text;
}

std::vector<AgreementCandidate> parking_lot(const Agreement& agreement)
{
    const AgreementCandidate* center = agreement_center(agreement);
    std::vector<AgreementCandidate> parked;
    for (const AgreementCandidate& candidate : agreement.candidates)
        if (&candidate != center)
            parked.push_back(candidate);
    return parked;
}

std::vector<AgreementCandidate> candidates_to_offer(const Journey& journey)
{
    const std::vector<AgreementCandidate>& candidates = journey.agreement.candidates;
    std::vector<AgreementCandidate> offered;
    for (const AlignedGroup& group : aligned_pairs(journey.collaboration)) {
        if (group.strengths.empty() || is_blank(group.priority.text))
            continue;
        const bool taken = std::any_of(candidates.begin(), candidates.end(), [&group](const AgreementCandidate& candidate) {
            return candidate.from_priority == group.priority.id || same_name(candidate.title, group.priority.text);
        });
        if (taken)
            continue;
        std::string strengths;
        for (const CollaborationNote& strength : group.strengths)
            strengths += (strengths.empty() ? "" : "; ") + strength.text;
        offered.push_back({"", group.priority.text, "Building on the library\xE2\x80\x99s strengths: " + strengths + ".",
                           group.priority.id, {}});
    }
    return offered;
}

bool add_candidate(Agreement& agreement, AgreementCandidate candidate)
{
    if (agreement.candidates.size() >= kMaxAgreementCandidates)
        return false;
    agreement.candidates.push_back(std::move(candidate));
    return true;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Progress
//-------------------------------------------------------------------------------------------------

namespace {

// Which stop of the line a phrase is at: below 0.5 leans fixed.
bool on_fixed_side(const ContinuumPhrase& phrase) { return !phrase.below_line && phrase.position < 0.5; }

template <typename List, typename Test>
size_t count_where(const List& list, Test test)
{
    return size_t(std::count_if(list.begin(), list.end(), test));
}

template <typename List, typename Test>
bool every(const List& list, Test test)
{
    return std::all_of(list.begin(), list.end(), test);
}

std::vector<StepWork> mindset_work(const Journey& journey)
{
    const std::vector<ContinuumPhrase>& phrases = journey.continuum.phrases;
    return {{"Place phrases on the continuum.", !phrases.empty()},
            {"Place at least " + std::to_string(kMinFixedSidePhrases) + " phrases on the fixed side.",
             count_where(phrases, on_fixed_side) >= kMinFixedSidePhrases},
            {"Highlight a habit to watch.", count_where(phrases, [](const ContinuumPhrase& p) { return p.highlighted; }) > 0}};
}

std::vector<StepWork> future_ready_work(const Journey& journey)
{
    const FutureReadiness& future_ready = journey.future_ready;
    const bool described = !future_ready.strengths.empty() && every(future_ready.strengths, [](const JourneyStrength& s) {
        return !is_blank(s.example) && !is_blank(s.alignment) && !is_blank(s.shared);
    });
    const bool stretch = count_where(future_ready.stretches, [](const JourneyStretch& s) { return !is_blank(s.reason); }) > 0;
    return {{"Give each strength an example, how it fits priorities and how you share it.", described},
            {"Say why a stretch interests you.", stretch}};
}

std::vector<StepWork> research_work(const Journey& journey)
{
    std::vector<StepWork> work;
    if (!journey.pack.research_items.empty()) {
        const bool all_marked = every(journey.pack.research_items, [&journey](const JourneyItem& item) {
            const auto status = journey.research.status.find(item.id);
            return status != journey.research.status.end() && status->second != ResearchStatus::NotStarted;
        });
        work.push_back({"Mark each plan found or requested.", all_marked});
    }
    const std::vector<VennItem>& venn = journey.research.venn;
    work.push_back({"Place notes from the plans on the three circles.",
                    !venn.empty() && every(venn, [](const VennItem& item) { return is_venn_region(item.region); })});
    work.push_back({"Find a connection where the circles overlap.", !venn_connections(journey).empty()});
    return work;
}

std::vector<StepWork> interview_work(const Journey& journey)
{
    return {{"Choose " + std::to_string(kMinInterviewQuestions) + " or " + std::to_string(kMaxInterviewQuestions) +
                 " questions to send ahead.",
             journey.interview.questions.size() >= kMinInterviewQuestions},
            {"Write notes from the meeting.", !is_blank(journey.interview.notes)}};
}

std::vector<StepWork> connect_work(const Journey& journey)
{
    const std::vector<AlignedGroup> circle = aligned_pairs(journey.collaboration);
    return {{"Put a priority in the circle.", !circle.empty()},
            {"Place a library strength beside a priority.",
             std::any_of(circle.begin(), circle.end(), [](const AlignedGroup& group) { return !group.strengths.empty(); })}};
}

std::vector<StepWork> agree_work(const Journey& journey)
{
    const Agreement& agreement = journey.agreement;
    const size_t named = count_where(agreement.candidates, [](const AgreementCandidate& c) { return !is_blank(c.title); });
    return {{"Name " + std::to_string(kMinAgreementCandidates) + " or " + std::to_string(kMaxAgreementCandidates) +
                 " possible areas.",
             named >= kMinAgreementCandidates},
            {"Agree on one for the center.", agreement_center(agreement) != nullptr},
            {"Answer who, when, what and where.",
             std::all_of(std::begin(kPlanRegionNames), std::end(kPlanRegionNames),
                         [&](const EnumName<int>& quadrant) { return !is_blank(plan_text(agreement, quadrant.value)); })},
            {"Decide who starts the next step.", !is_blank(agreement.next_step_owner)}};
}

struct WorkOfStep {
    const char* step_id;   // the Let's Talk pack's step ids (journey_pack.hpp)
    std::vector<StepWork> (*work)(const Journey&);
};

constexpr WorkOfStep kWorkOfSteps[] = {
    {"mindset", mindset_work},     {"future-ready", future_ready_work}, {"research", research_work},
    {"interview", interview_work}, {"connect", connect_work},           {"agree", agree_work},
};

} // namespace

std::vector<StepWork> work_of_step(const Journey& journey, std::string_view step_id)
{
    for (const WorkOfStep& entry : kWorkOfSteps)
        if (step_id == entry.step_id)
            return entry.work(journey);
    return {};
}

JourneyProgress journey_progress(const Journey& journey)
{
    JourneyProgress progress;
    for (const JourneyStep& step : journey.pack.steps) {
        StepProgress made;
        made.step_id = step.id;
        const auto responses = journey.steps.find(step.id);
        const StepResponses none;
        const StepResponses& given = responses == journey.steps.end() ? none : responses->second;
        for (const JourneyItem& item : step.checklist) {
            const auto tick = given.checklist.find(item.id);
            made.checklist_ticked += tick != given.checklist.end() && tick->second;
        }
        for (const ReflectionPrompt& prompt : step.reflections) {
            const auto answer = given.answers.find(prompt.id);
            made.prompts_answered += answer != given.answers.end() && !is_blank(answer->second);
        }
        made.checklist_total = int(step.checklist.size());
        made.prompts_total = int(step.reflections.size());
        made.work = work_of_step(journey, step.id);
        made.work_done = int(count_where(made.work, [](const StepWork& work) { return work.done; }));
        const bool work_made = !made.work.empty() && made.work_done == int(made.work.size());
        const bool ticked_and_answered = made.checklist_total + made.prompts_total > 0 &&
                                         made.checklist_ticked == made.checklist_total &&
                                         made.prompts_answered == made.prompts_total;
        made.done = work_made || ticked_and_answered;

        progress.steps_total++;
        progress.steps_done += made.done;
        progress.items_total += made.items_total();
        progress.items_done += made.items_done();
        progress.steps.push_back(std::move(made));
    }
    return progress;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Sharing and single-item import
//-------------------------------------------------------------------------------------------------

void remove_journey_private_parts(json& journey_doc)
{
    if (!journey_doc.is_object() || !journey_from_doc(journey_doc).continuum.is_private)
        return;
    json& continuum = journey_doc["continuum"];
    if (!continuum.is_object())
        continuum = json::object();
    continuum["phrases"] = json::array();
}

std::string describe_journey_item(const json& doc, std::vector<std::string>& summary)
{
    const Journey journey = journey_from_doc(doc);
    if (!journey.pack_error.empty())
        return "Wayfinder cannot read this conversation journey\xE2\x80\x99s copy of the steps it was started with, so "
               "its steps cannot be shown. Nothing was imported. (" + journey.pack_error + ")";
    summary.push_back(journey.name.empty() ? "Conversation journey (no name)" : "Conversation journey: " + journey.name);
    if (!journey.leader.empty())
        summary.push_back("With " + journey.leader + (journey.school.empty() ? "" : " at " + journey.school));
    else if (!journey.school.empty())
        summary.push_back("At " + journey.school);
    const JourneyProgress progress = journey_progress(journey);
    summary.push_back(std::to_string(progress.steps_done) + " of " + std::to_string(progress.steps_total) +
                      (progress.steps_total == 1 ? " step done" : " steps done"));
    return {};
}

} // namespace wf
