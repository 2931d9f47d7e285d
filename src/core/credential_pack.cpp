// [SECTION] Limits
// [SECTION] Names of kinds and parts
// [SECTION] Ids shared by the whole pack
// [SECTION] Lists
// [SECTION] The credential's description (competency, method, rationale, resources)
// [SECTION] The submission's three parts
// [SECTION] The rubric
// [SECTION] load_credential_pack / credential_pack_from_json
// [SECTION] credential_pack_to_json
// [SECTION] Lookups

#include "core/credential_pack.hpp"

#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/pack_reading.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace wf {

using nlohmann::json;

namespace {

using namespace pack_reading;

//-------------------------------------------------------------------------------------------------
// [SECTION] Limits
//-------------------------------------------------------------------------------------------------

constexpr int kPackFormat = 1; // the newest pack format this build reads

constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxVersionLength = 32;
constexpr size_t kMaxTitleLength = 160;   // titles head pages, evidence cards and the rubric's rows
constexpr size_t kMaxTextLength = 4000;
constexpr size_t kMaxLinkLength = 500;

// A submission a peer reviews in one sitting: a few questions per part, a handful of evidence items,
// a rubric that fits beside them on one screen.
constexpr size_t kMaxQuestions = 6;       // per written part
constexpr size_t kMaxEvidenceItems = 8;
constexpr size_t kMaxRubricRows = 12;
constexpr size_t kMaxComponents = 12;
constexpr size_t kMaxResources = 20;

// Below 20 words no answer can show anything; past 2,000 it is an essay, not a micro-credential.
constexpr int kMinWordLimit = 20, kMaxWordLimit = 2000;

constexpr TextRule kIdRule{"id", kMaxIdLength, Presence::required};

//-------------------------------------------------------------------------------------------------
// [SECTION] Names of kinds and parts
//-------------------------------------------------------------------------------------------------

struct KindName {
    EvidenceKind kind;
    const char* stored;
    const char* phrase;
};
constexpr KindName kKindNames[] = {
    {EvidenceKind::Text, "text", "text"},
    {EvidenceKind::Link, "link", "a link"},
    {EvidenceKind::Image, "image", "an image"},
    {EvidenceKind::Item, "item", "a Wayfinder item"},
};

const KindName& kind_name(EvidenceKind kind)
{
    for (const KindName& name : kKindNames)
        if (name.kind == kind)
            return name;
    return kKindNames[0];
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Ids shared by the whole pack
//-------------------------------------------------------------------------------------------------

// Answers, evidence and the reviewer's verdicts are stored under these ids, and rubric rows point at
// questions and evidence by id, so one id must never name two things.
class PackIds {
public:
    void claim(const std::string& id, const std::string& where, Problems& problems)
    {
        if (id.empty())
            return;
        const auto [home, inserted] = first_use_.emplace(id, where);
        if (!inserted)
            problems.push_back("The id " + in_quotes(id) + " is used more than once (by " + home->second + " and by " +
                               where + "); every question, evidence item, component and rubric row needs its own id.");
    }

private:
    std::map<std::string, std::string> first_use_; // id -> where it first appeared
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Lists
//-------------------------------------------------------------------------------------------------

// The array under `key` with its size checked, or nullptr when there is nothing to read. `min` 0: the
// list may be left out.
const json* read_list(const json& object, const char* key, const char* singular, const char* plural_form, size_t min,
                      size_t max, const std::string& owner, Problems& problems)
{
    const json* value = json_field(object, key);
    const std::string range = min == 0 ? "at most " + std::to_string(max) : std::to_string(min) + " to " + std::to_string(max);
    if (!value || value->is_null()) {
        if (min > 0)
            problems.push_back(uppercase_first(owner) + " has no " + plural_form + "; it needs " + range + ".");
        return nullptr;
    }
    if (!value->is_array()) {
        problems.push_back("The " + std::string(plural_form) + " of " + owner + " must be a list.");
        return nullptr;
    }
    if (value->size() < min || value->size() > max)
        problems.push_back(uppercase_first(owner) + " has " + plural(value->size(), singular, plural_form) + "; it needs " +
                           range + ".");
    return value;
}

bool is_entry_object(const json& entry, const std::string& position, const char* fields, Problems& problems)
{
    if (entry.is_object())
        return true;
    problems.push_back(uppercase_first(position) + " must be an object with " + fields + ".");
    return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The credential's description (competency, method, rationale, resources)
//-------------------------------------------------------------------------------------------------

void read_pack_fields(const json& pack, CredentialPack& out, Problems& problems)
{
    const std::string owner = "the pack";
    read_text(pack, "id", kIdRule, owner, problems, out.id);
    read_text(pack, "version", {"version", kMaxVersionLength, Presence::required}, owner, problems, out.version);
    read_text(pack, "title", {"title", kMaxTitleLength, Presence::required}, owner, problems, out.title);
    read_text(pack, "description", {"description", kMaxTextLength, Presence::optional},
              owner, problems, out.description);
    read_text(pack, "competency", {"competency", kMaxTextLength, Presence::required}, owner, problems, out.competency);
    read_text(pack, "rationale", {"rationale", kMaxTextLength, Presence::required}, owner, problems, out.rationale);
}

void read_method(const json& pack, CredentialPack& out, PackIds& ids, Problems& problems)
{
    const json* method = json_field(pack, "key_method");
    if (!method || !method->is_object()) {
        problems.push_back("The key method of the pack is missing; it needs a name, a description and its components.");
        return;
    }
    const std::string owner = "the key method";
    read_text(*method, "name", {"name", kMaxTitleLength, Presence::required}, owner, problems, out.method_name);
    read_text(*method, "description", {"description", kMaxTextLength, Presence::required},
              owner, problems, out.method_description);
    const json* list = read_list(*method, "components", "component", "components", 1, kMaxComponents, owner, problems);
    if (!list)
        return;
    for (size_t i = 0; i < list->size(); i++) {
        const std::string position = "component " + std::to_string(i + 1) + " of the key method";
        if (!is_entry_object((*list)[i], position, "an id and a text", problems))
            continue;
        CredentialComponent component;
        read_text((*list)[i], "id", kIdRule, position, problems, component.id);
        ids.claim(component.id, position, problems);
        read_text((*list)[i], "text", {"text", kMaxTextLength, Presence::required}, position, problems, component.text);
        out.components.push_back(std::move(component));
    }
}

// Links are shown for the librarian to open in their own browser; only a web address is one.
void check_link(const std::string& link, const std::string& owner, Problems& problems)
{
    if (link.empty())
        return;
    const bool https = link.rfind("https://", 0) == 0 && link.size() > 8;
    const bool one_word = std::none_of(link.begin(), link.end(), [](char c) { return uint8_t(c) <= 0x20; });
    if (!https || !one_word)
        problems.push_back("The link of " + owner + " must be a web address starting with https:// and without spaces; " +
                           in_quotes(link) + " is not.");
}

void read_resources(const json& pack, CredentialPack& out, Problems& problems)
{
    const json* list = read_list(pack, "resources", "resource", "resources", 0, kMaxResources, "the pack", problems);
    if (!list)
        return;
    for (size_t i = 0; i < list->size(); i++) {
        const std::string position = "resource " + std::to_string(i + 1);
        if (!is_entry_object((*list)[i], position, "a title and a purpose", problems))
            continue;
        CredentialResource resource;
        read_text((*list)[i], "title", {"title", kMaxTitleLength, Presence::required},
                  position, problems, resource.title);
        read_text((*list)[i], "purpose", {"purpose", kMaxTextLength, Presence::required},
                  position, problems, resource.purpose);
        read_text((*list)[i], "link", {"link", kMaxLinkLength, Presence::optional}, position, problems, resource.link);
        check_link(resource.link, position, problems);
        out.resources.push_back(std::move(resource));
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The submission's three parts
//-------------------------------------------------------------------------------------------------

int read_word_limit(const json& entry, const std::string& owner, Problems& problems)
{
    const json* value = json_field(entry, "word_limit");
    const std::string range = std::to_string(kMinWordLimit) + " to " + std::to_string(kMaxWordLimit);
    if (!value || value->is_null()) {
        problems.push_back("The word limit of " + owner + " is missing; it needs a whole number from " + range + ".");
        return 0;
    }
    const bool whole = value->is_number_integer() || value->is_number_unsigned();
    if (!whole || value->get<int64_t>() < kMinWordLimit || value->get<int64_t>() > kMaxWordLimit) {
        problems.push_back("The word limit of " + owner + " must be a whole number from " + range + ".");
        return 0;
    }
    return int(value->get<int64_t>());
}

std::vector<CredentialQuestion> read_questions(const json& submission, const char* key, const char* label,
                                               PackIds& ids, Problems& problems)
{
    std::vector<CredentialQuestion> read;
    const std::string owner = std::string("the ") + key + " part";
    const json* list = read_list(submission, key, "question", "questions", 1, kMaxQuestions, owner, problems);
    if (!list)
        return read;
    for (size_t i = 0; i < list->size(); i++) {
        const std::string position = std::string(label) + " question " + std::to_string(i + 1);
        if (!is_entry_object((*list)[i], position, "an id, a text and a word limit", problems))
            continue;
        CredentialQuestion question;
        read_text((*list)[i], "id", kIdRule, position, problems, question.id);
        ids.claim(question.id, position, problems);
        read_text((*list)[i], "text", {"text", kMaxTextLength, Presence::required}, position, problems, question.text);
        question.word_limit = read_word_limit((*list)[i], position, problems);
        read.push_back(std::move(question));
    }
    return read;
}

std::vector<EvidenceKind> read_kinds(const json& entry, const std::string& owner, Problems& problems)
{
    std::vector<EvidenceKind> kinds;
    const json* list = json_field(entry, "kinds");
    const std::string allowed = "\"text\", \"link\", \"image\" or \"item\"";
    if (!list || !list->is_array() || list->empty()) {
        problems.push_back("The kinds of " + owner + " must be a list of at least one of " + allowed + ".");
        return kinds;
    }
    for (const json& name : *list) {
        const auto known = std::find_if(std::begin(kKindNames), std::end(kKindNames), [&](const KindName& k) {
            return name.is_string() && name.get_ref<const std::string&>() == k.stored;
        });
        if (known == std::end(kKindNames)) {
            problems.push_back("The kinds of " + owner + " list " + in_quotes(name.is_string() ? name.get<std::string>() : name.dump()) +
                               ", which is not a kind of evidence; the kinds are " + allowed + ".");
        } else if (std::find(kinds.begin(), kinds.end(), known->kind) != kinds.end()) {
            problems.push_back("The kinds of " + owner + " list \"" + known->stored + "\" twice.");
        } else {
            kinds.push_back(known->kind);
        }
    }
    return kinds;
}

std::vector<EvidenceItem> read_evidence(const json& submission, PackIds& ids, Problems& problems)
{
    std::vector<EvidenceItem> read;
    const json* list = read_list(submission, "evidence", "evidence item", "evidence items", 1, kMaxEvidenceItems,
                                 "the evidence part", problems);
    if (!list)
        return read;
    for (size_t i = 0; i < list->size(); i++) {
        const std::string position = "evidence item " + std::to_string(i + 1);
        if (!is_entry_object((*list)[i], position, "an id, a title, what it must show and its kinds", problems))
            continue;
        EvidenceItem item;
        read_text((*list)[i], "id", kIdRule, position, problems, item.id);
        ids.claim(item.id, position, problems);
        read_text((*list)[i], "title", {"title", kMaxTitleLength, Presence::required}, position, problems, item.title);
        read_text((*list)[i], "must_show", {"“must show” text", kMaxTextLength, Presence::required},
                  position, problems, item.must_show);
        item.kinds = read_kinds((*list)[i], position, problems);
        read.push_back(std::move(item));
    }
    return read;
}

void read_submission(const json& pack, CredentialPack& out, PackIds& ids, Problems& problems)
{
    const json* submission = json_field(pack, "submission");
    if (!submission || !submission->is_object()) {
        problems.push_back("The submission of the pack is missing; it needs its overview, evidence and reflection parts.");
        return;
    }
    out.overview = read_questions(*submission, "overview", "overview", ids, problems);
    out.evidence = read_evidence(*submission, ids, problems);
    out.reflection = read_questions(*submission, "reflection", "reflection", ids, problems);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The rubric
//-------------------------------------------------------------------------------------------------

// Every row judges at least one question or evidence item of the submission, and every question and
// evidence item is judged by some row: a piece nobody scores would be work asked for nothing.
void read_rubric(const json& pack, CredentialPack& out, PackIds& ids, Problems& problems)
{
    const json* list = read_list(pack, "rubric", "rubric row", "rubric rows", 1, kMaxRubricRows, "the pack", problems);
    if (!list)
        return;
    std::set<std::string> judged;
    for (size_t i = 0; i < list->size(); i++) {
        const json& entry = (*list)[i];
        const std::string position = "rubric row " + std::to_string(i + 1);
        if (!is_entry_object(entry, position, "an id, a criterion, what meets looks like and what it judges", problems))
            continue;
        RubricRow row;
        read_text(entry, "id", kIdRule, position, problems, row.id);
        ids.claim(row.id, position, problems);
        read_text(entry, "criterion", {"criterion", kMaxTitleLength, Presence::required},
                  position, problems, row.criterion);
        read_text(entry, "meets", {"“meets” text", kMaxTextLength, Presence::required}, position, problems, row.meets);
        const json* judges = json_field(entry, "judges");
        if (!judges || !judges->is_array() || judges->empty()) {
            problems.push_back("The judges list of " + position +
                               " must name at least one question or evidence item by its id.");
        } else {
            for (const json& id : *judges) {
                const std::string text = id.is_string() ? id.get<std::string>() : id.dump();
                SubmissionPlace place;
                if (!id.is_string() || !find_submission_place(out, text, place))
                    problems.push_back(uppercase_first(position) + " judges " + in_quotes(text) +
                                       ", which is no question or evidence item of the submission.");
                else if (std::find(row.judges.begin(), row.judges.end(), text) != row.judges.end())
                    problems.push_back(uppercase_first(position) + " judges " + in_quotes(text) + " twice.");
                else
                    row.judges.push_back(text);
                judged.insert(text);
            }
        }
        out.rubric.push_back(std::move(row));
    }
    const auto unjudged = [&](const std::string& id, const std::string& name) {
        if (!id.empty() && !judged.count(id))
            problems.push_back(uppercase_first(name) + " (" + in_quotes(id) + ") is judged by no rubric row; every "
                               "question and evidence item needs a row that scores it.");
    };
    for (size_t i = 0; i < out.overview.size(); i++)
        unjudged(out.overview[i].id, "overview question " + std::to_string(i + 1));
    for (size_t i = 0; i < out.evidence.size(); i++)
        unjudged(out.evidence[i].id, "evidence item " + std::to_string(i + 1));
    for (size_t i = 0; i < out.reflection.size(); i++)
        unjudged(out.reflection[i].id, "reflection question " + std::to_string(i + 1));
}

CredentialPackLoad refused(Problems problems, const std::string& advice)
{
    CredentialPackLoad result;
    result.error = refusal_message("micro-credential pack", problems, advice);
    result.problems = std::move(problems);
    return result;
}

json questions_to_json(const std::vector<CredentialQuestion>& questions)
{
    json list = json::array();
    for (const CredentialQuestion& q : questions) {
        json& entry = json_append_object(list);
        json_put(entry, "id", q.id);
        json_put(entry, "text", q.text);
        json_put(entry, "word_limit", q.word_limit);
    }
    return list;
}

} // namespace

const char* evidence_kind_name(EvidenceKind kind) { return kind_name(kind).stored; }
const char* evidence_kind_phrase(EvidenceKind kind) { return kind_name(kind).phrase; }

const char* submission_part_label(SubmissionPart part)
{
    switch (part) {
    case SubmissionPart::Overview: return "Overview";
    case SubmissionPart::Evidence: return "Evidence";
    case SubmissionPart::Reflection: return "Reflection";
    }
    return "Overview";
}

//-------------------------------------------------------------------------------------------------
// [SECTION] load_credential_pack / credential_pack_from_json
//-------------------------------------------------------------------------------------------------

CredentialPackLoad credential_pack_from_json(const json& pack)
{
    const char* noun = "micro-credential pack";
    const EnvelopeCheck envelope = check_pack_envelope(pack, kCredentialPackType, noun, kPackFormat);
    if (!envelope.problem.empty())
        return refused({envelope.problem}, envelope_advice(envelope, kCredentialPackType, noun));

    CredentialPack read;
    Problems problems;
    PackIds ids;
    read_pack_fields(pack, read, problems);
    read_method(pack, read, ids, problems);
    read_resources(pack, read, problems);
    read_submission(pack, read, ids, problems);
    read_rubric(pack, read, ids, problems);
    if (!problems.empty())
        return refused(std::move(problems), kFixPackAdvice);

    CredentialPackLoad result;
    result.ok = true;
    result.pack = std::move(read);
    return result;
}

CredentialPackLoad load_credential_pack(std::string_view json_text)
{
    return pack_reading::load_pack_text<CredentialPackLoad>(json_text, "This micro-credential pack cannot be used. ",
                                              [](const json& pack) { return credential_pack_from_json(pack); });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] credential_pack_to_json
//-------------------------------------------------------------------------------------------------

json credential_pack_to_json(const CredentialPack& pack)
{
    json components = json::array();
    for (const CredentialComponent& c : pack.components) {
        json& entry = json_append_object(components);
        json_put(entry, "id", c.id);
        json_put(entry, "text", c.text);
    }
    json resources = json::array();
    for (const CredentialResource& r : pack.resources) {
        json& entry = json_append_object(resources);
        json_put(entry, "title", r.title);
        json_put(entry, "purpose", r.purpose);
        if (!r.link.empty())
            json_put(entry, "link", r.link);
    }
    json evidence = json::array();
    for (const EvidenceItem& item : pack.evidence) {
        json& entry = json_append_object(evidence);
        json_put(entry, "id", item.id);
        json_put(entry, "title", item.title);
        json_put(entry, "must_show", item.must_show);
        json& kinds = entry["kinds"] = json::array();
        for (EvidenceKind kind : item.kinds)
            kinds.push_back(evidence_kind_name(kind));
    }
    json rubric = json::array();
    for (const RubricRow& row : pack.rubric) {
        json& entry = json_append_object(rubric);
        json_put(entry, "id", row.id);
        json_put(entry, "criterion", row.criterion);
        json_put(entry, "meets", row.meets);
        json_put(entry, "judges", row.judges);
    }
    json method = json::object();
    json_put(method, "name", pack.method_name);
    json_put(method, "description", pack.method_description);
    json_put(method, "components", std::move(components));
    json submission = json::object();
    json_put(submission, "overview", questions_to_json(pack.overview));
    json_put(submission, "evidence", std::move(evidence));
    json_put(submission, "reflection", questions_to_json(pack.reflection));

    json out = pack_reading::pack_envelope(kCredentialPackType, kPackFormat, pack.id, pack.version, pack.title, pack.description);
    json_put(out, "competency", pack.competency);
    json_put(out, "key_method", std::move(method));
    json_put(out, "rationale", pack.rationale);
    json_put(out, "resources", std::move(resources));
    json_put(out, "submission", std::move(submission));
    json_put(out, "rubric", std::move(rubric));
    return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Lookups
//-------------------------------------------------------------------------------------------------

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& list, std::string_view id)
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const T& entry) { return entry.id == id; });
    return it == list.end() ? nullptr : &*it;
}

template <typename T>
bool index_of(const std::vector<T>& list, std::string_view id, size_t& index)
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const T& entry) { return entry.id == id; });
    index = size_t(it - list.begin());
    return it != list.end();
}

// "student work": an evidence title as it reads mid-sentence.
std::string mid_sentence(std::string title) { return lowercase_first(std::move(title)); }

} // namespace

const CredentialQuestion* CredentialPack::find_question(std::string_view question_id) const
{
    if (const CredentialQuestion* q = find_by_id(overview, question_id))
        return q;
    return find_by_id(reflection, question_id);
}

const EvidenceItem* CredentialPack::find_evidence(std::string_view item_id) const { return find_by_id(evidence, item_id); }
const RubricRow* CredentialPack::find_row(std::string_view row_id) const { return find_by_id(rubric, row_id); }

bool find_submission_place(const CredentialPack& pack, std::string_view id, SubmissionPlace& place)
{
    if (index_of(pack.overview, id, place.index)) {
        place.part = SubmissionPart::Overview;
        return true;
    }
    if (index_of(pack.evidence, id, place.index)) {
        place.part = SubmissionPart::Evidence;
        return true;
    }
    if (index_of(pack.reflection, id, place.index)) {
        place.part = SubmissionPart::Reflection;
        return true;
    }
    return false;
}

std::string submission_piece_name(const CredentialPack& pack, std::string_view id)
{
    SubmissionPlace place;
    if (!find_submission_place(pack, id, place))
        return std::string(id);
    std::string name = std::string(submission_part_label(place.part)) + " " + std::to_string(place.index + 1);
    if (place.part == SubmissionPart::Evidence)
        name += ", " + mid_sentence(pack.evidence[place.index].title);
    return name;
}

std::string submission_piece_subject(const CredentialPack& pack, std::string_view id)
{
    return submission_piece_name(pack, id) + (pack.find_evidence(id) ? "," : "");
}

} // namespace wf
