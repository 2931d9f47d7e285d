// [SECTION] Schema
// [SECTION] Reviews as JSON
// [SECTION] Reading
// [SECTION] Writing
// [SECTION] Status
// [SECTION] Answers and evidence
// [SECTION] Word counts and the self-check

#include "core/credential.hpp"

#include "core/document_registry.hpp"
#include "core/file_size_text.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"
#include "core/text_stats.hpp"

#include <algorithm>
#include <cstdint>

namespace wf {

using nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Schema
//-------------------------------------------------------------------------------------------------

namespace {

// Only fills what is missing or of the wrong kind: restoring runs on every load and import and must
// not drop anything, whatever the pack copy holds.
void fill_credential_defaults(json& doc)
{
    for (const char* key : {"id", "candidate", "created_at", "resubmission_note"})
        json_ensure(doc, key, &json::is_string, "");
    json_ensure(doc, "answers", &json::is_object, json::object());
    json_ensure(doc, "evidence", &json::is_object, json::object());
    json_ensure(doc, "rounds", &json::is_array, json::array());
}

int json_int(const json& obj, const char* key, int fallback)
{
    const json* value = json_field(obj, key);
    if (!value || !(value->is_number_integer() || value->is_number_unsigned()))
        return fallback;
    const int64_t number = value->get<int64_t>();
    return number >= 0 && number <= INT32_MAX ? int(number) : fallback;
}

} // namespace

const DocumentSchema& credential_schema()
{
    // The noun reads after "a": "Choose a micro-credential exported from Wayfinder."
    static const DocumentSchema schema{kCredentialType, "micro-credential", 1, {}, fill_credential_defaults, "credential:"};
    return schema;
}

std::string credential_key(const std::string& id) { return credential_schema().key + id; }

//-------------------------------------------------------------------------------------------------
// [SECTION] Reviews as JSON
//-------------------------------------------------------------------------------------------------

namespace {

constexpr const char* kMeets = "meets";
constexpr const char* kNotYet = "not-yet";
constexpr const char* kEarned = "earned";

} // namespace

json credential_review_to_json(const CredentialReview& review)
{
    json rows = json::array();
    for (const ReviewRow& row : review.rows) {
        json& entry = json_append_object(rows);
        json_put(entry, "row", row.row_id);
        json_put(entry, "verdict", row.verdict == RowVerdict::Meets ? kMeets : kNotYet);
        json_put(entry, "comment", row.comment);
    }
    json out = json::object();
    json_put(out, "submission_id", review.submission_id);
    json_put(out, "round", review.round);
    json_put(out, "submission_hash", review.submission_hash);
    json_put(out, "pack_id", review.pack_id);
    json_put(out, "pack_version", review.pack_version);
    json_put(out, "credential_title", review.credential_title);
    json_put(out, "candidate", review.candidate);
    json_put(out, "rows", std::move(rows));
    json_put(out, "feedback", review.feedback);
    json_put(out, "decision", review.decision == ReviewDecision::Earned ? kEarned : kNotYet);
    json_put(out, "reviewer", review.reviewer);
    json_put(out, "reviewed_at", review.reviewed_at);
    json_put(out, "signed_credential", review.signed_credential);
    return out;
}

bool credential_review_from_json(const json& value, CredentialReview& review, std::string& problem)
{
    CredentialReview read;
    if (!value.is_object()) {
        problem = "The review is not in the form Wayfinder writes.";
        return false;
    }
    // A field of the wrong kind reads as missing: either way the review cannot be trusted to say it.
    const auto text = [&](const char* key, std::string& out, bool required, const char* label) {
        const json* field = json_field(value, key);
        if (field && field->is_string())
            out = field->get<std::string>();
        const bool wrong_kind = field && !field->is_null() && !field->is_string();
        if (problem.empty() && (wrong_kind || (required && is_blank(out))))
            problem = std::string("The review does not say ") + label + ".";
    };
    text("submission_id", read.submission_id, true, "which submission it reviews");
    text("submission_hash", read.submission_hash, true, "the fingerprint of the submission it reviews");
    text("pack_id", read.pack_id, false, "the micro-credential's id");
    text("pack_version", read.pack_version, false, "the micro-credential's version");
    text("credential_title", read.credential_title, false, "the micro-credential's title");
    text("candidate", read.candidate, false, "the candidate's name");
    text("feedback", read.feedback, false, "its overall feedback");
    text("reviewer", read.reviewer, true, "who reviewed it");
    text("reviewed_at", read.reviewed_at, true, "when it was reviewed");
    text("signed_credential", read.signed_credential, false, "the credential it signed");
    if (!problem.empty())
        return false;
    read.round = json_int(value, "round", 0);
    if (read.round < 1) {
        problem = "The review does not say which round of the submission it reviews.";
        return false;
    }
    const std::string decision = json_string(value, "decision");
    if (decision != kEarned && decision != kNotYet) {
        problem = "The review has no decision (it should be earned or not yet).";
        return false;
    }
    read.decision = decision == kEarned ? ReviewDecision::Earned : ReviewDecision::NotYet;
    const json* rows = json_field(value, "rows");
    if (!rows || !rows->is_array() || rows->empty()) {
        problem = "The review scores no rubric row.";
        return false;
    }
    for (const json& row : *rows) {
        const std::string verdict = json_string(row, "verdict");
        if (!row.is_object() || is_blank(json_string(row, "row")) || (verdict != kMeets && verdict != kNotYet)) {
            problem = "A row of the review does not say which criterion it scores, or whether it meets it.";
            return false;
        }
        read.rows.push_back({json_string(row, "row"), verdict == kMeets ? RowVerdict::Meets : RowVerdict::NotYet,
                             json_string(row, "comment")});
    }
    const bool all_meet = std::all_of(read.rows.begin(), read.rows.end(), [](const ReviewRow& r) { return r.verdict == RowVerdict::Meets; });
    if (read.decision == ReviewDecision::Earned && !all_meet) {
        problem = "The review says the micro-credential is earned, yet marks a criterion “not yet”.";
        return false;
    }
    review = std::move(read);
    return true;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading
//-------------------------------------------------------------------------------------------------

namespace {

bool kind_from_name(const std::string& name, EvidenceKind& kind)
{
    for (EvidenceKind k : {EvidenceKind::Text, EvidenceKind::Link, EvidenceKind::Image, EvidenceKind::Item})
        if (name == evidence_kind_name(k)) {
            kind = k;
            return true;
        }
    return false;
}

} // namespace

bool evidence_entry_from_json(const json& value, EvidenceEntry& entry)
{
    if (!value.is_object() || !kind_from_name(json_string(value, "kind"), entry.kind))
        return false;
    json_read_string(value, "id", entry.id);
    json_read_string(value, "caption", entry.caption);
    entry.is_private = json_bool(value, "private", false);
    json_read_string(value, "text", entry.text);
    json_read_string(value, "url", entry.url);
    const json& image = json_object_at(value, "image");
    json_read_string(image, "blob_key", entry.image.blob_key);
    entry.image.size = uint64_t(std::max(0.0, json_number(image, "size").value_or(0)));
    json_read_string(image, "mime", entry.image.mime);
    entry.image.width = json_int(image, "width", 0);
    entry.image.height = json_int(image, "height", 0);
    if (const json* item = json_field(value, "item"); item && item->is_object())
        entry.item = *item;
    return true;
}

Credential credential_from_doc(const json& doc)
{
    Credential credential;
    json_read_string(doc, "id", credential.id);
    json_read_string(doc, "candidate", credential.candidate);
    json_read_string(doc, "created_at", credential.created_at);
    json_read_string(doc, "resubmission_note", credential.resubmission_note);
    const json* pack = json_field(doc, "pack");
    CredentialPackLoad load = pack ? credential_pack_from_json(*pack) : CredentialPackLoad{};
    if (load.ok)
        credential.pack = std::move(load.pack);
    else
        credential.pack_error = pack ? load.error : "The micro-credential's copy of its pack is missing.";

    for (const auto& [id, answer] : json_members(json_object_at(doc, "answers")))
        if (answer.is_string())
            credential.answers[id] = answer.get<std::string>();
    for (const auto& [id, entries] : json_members(json_object_at(doc, "evidence"))) {
        if (!entries.is_array())
            continue;
        std::vector<EvidenceEntry>& read = credential.evidence[id];
        for (const json& value : entries) {
            EvidenceEntry entry;
            if (evidence_entry_from_json(value, entry))
                read.push_back(std::move(entry));
        }
    }
    if (const json* rounds = json_field(doc, "rounds"); rounds && rounds->is_array()) {
        for (const json& value : *rounds) {
            if (!value.is_object())
                continue;
            CredentialRound round;
            round.number = json_int(value, "round", int(credential.rounds.size()) + 1);
            json_read_string(value, "submission_id", round.submission_id);
            json_read_string(value, "hash", round.hash);
            json_read_string(value, "submitted_at", round.submitted_at);
            CredentialReview review;
            std::string problem;
            if (const json* stored = json_field(value, "review"); stored && credential_review_from_json(*stored, review, problem))
                round.review = std::move(review);
            credential.rounds.push_back(std::move(round));
        }
    }
    return credential;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Writing
//-------------------------------------------------------------------------------------------------

namespace {

json entry_to_json(json stored, const EvidenceEntry& entry)
{
    for (const char* field : {"text", "url", "image", "item"})
        stored.erase(field);
    json_put(stored, "id", entry.id);
    json_put(stored, "kind", evidence_kind_name(entry.kind));
    json_put(stored, "caption", entry.caption);
    json_put(stored, "private", entry.is_private);
    switch (entry.kind) {
    case EvidenceKind::Text: json_put(stored, "text", entry.text); break;
    case EvidenceKind::Link: json_put(stored, "url", entry.url); break;
    case EvidenceKind::Image: {
        json image = json::object();
        json_put(image, "blob_key", entry.image.blob_key);
        json_put(image, "size", json(entry.image.size));
        json_put(image, "mime", entry.image.mime);
        json_put(image, "width", entry.image.width);
        json_put(image, "height", entry.image.height);
        json_put(stored, "image", std::move(image));
        break;
    }
    case EvidenceKind::Item: json_put(stored, "item", json(entry.item)); break;
    }
    return stored;
}

// The stored entry with this id in the stored list (to keep what a newer build added), or {}.
json stored_entry(const json& doc, const std::string& evidence_id, const std::string& entry_id)
{
    const json* entries = json_field(json_object_at(doc, "evidence"), evidence_id);
    if (entries && entries->is_array())
        for (const json& entry : *entries)
            if (entry.is_object() && json_string(entry, "id") == entry_id)
                return entry;
    return json::object();
}

} // namespace

void credential_write(json& doc, const Credential& credential)
{
    if (!doc.is_object())
        doc = new_credential_doc(credential.pack, credential.id, credential.candidate, credential.created_at);
    json_put(doc, "id", credential.id);
    json_put(doc, "candidate", credential.candidate);
    json_put(doc, "created_at", credential.created_at);
    json_put(doc, "resubmission_note", credential.resubmission_note);
    json_put(doc, "answers", json(credential.answers));

    json evidence = json::object();
    for (const auto& [id, entries] : credential.evidence) {
        json list = json::array();
        for (const EvidenceEntry& entry : entries)
            list.push_back(entry_to_json(stored_entry(doc, id, entry.id), entry));
        evidence[id] = std::move(list);
    }
    json_put(doc, "evidence", std::move(evidence));

    json rounds = json::array();
    for (const CredentialRound& round : credential.rounds) {
        json& entry = json_append_object(rounds);
        json_put(entry, "round", round.number);
        json_put(entry, "submission_id", round.submission_id);
        json_put(entry, "hash", round.hash);
        json_put(entry, "submitted_at", round.submitted_at);
        if (round.review)
            json_put(entry, "review", credential_review_to_json(*round.review));
    }
    json_put(doc, "rounds", std::move(rounds));
}

json new_credential_doc(const CredentialPack& pack, std::string id, std::string candidate, std::string created_at)
{
    json doc = document_with_pack(credential_schema(), credential_pack_to_json(pack));
    Credential credential;
    credential.id = std::move(id);
    credential.candidate = std::move(candidate);
    credential.created_at = std::move(created_at);
    credential_write(doc, credential);
    return doc;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Status
//-------------------------------------------------------------------------------------------------

const char* credential_status_label(CredentialStatus status)
{
    switch (status) {
    case CredentialStatus::NotStarted: return "Not started";
    case CredentialStatus::InProgress: return "In progress";
    case CredentialStatus::ReadyToSubmit: return "Ready to submit";
    case CredentialStatus::Submitted: return "Submitted";
    case CredentialStatus::NotYet: return "Not yet";
    case CredentialStatus::Resubmitted: return "Resubmitted";
    case CredentialStatus::Earned: return "Earned";
    }
    return "Not started";
}

namespace {

bool has_work(const Credential& credential)
{
    for (const auto& [id, answer] : credential.answers)
        if (!is_blank(answer))
            return true;
    for (const auto& [id, entries] : credential.evidence)
        if (!entries.empty())
            return true;
    return false;
}

} // namespace

CredentialStatus credential_status(const Credential& credential)
{
    if (credential.rounds.empty()) {
        if (!has_work(credential))
            return CredentialStatus::NotStarted;
        return self_check(credential).ready() ? CredentialStatus::ReadyToSubmit : CredentialStatus::InProgress;
    }
    const CredentialRound& last = credential.rounds.back();
    if (!last.review)
        return credential.rounds.size() == 1 ? CredentialStatus::Submitted : CredentialStatus::Resubmitted;
    return last.review->decision == ReviewDecision::Earned ? CredentialStatus::Earned : CredentialStatus::NotYet;
}

TransitionCheck check_transition(CredentialStatus from, CredentialStatus to)
{
    using S = CredentialStatus;
    const auto allow = [](const char* why) { return TransitionCheck{true, why}; };
    const auto refuse = [](const char* why) { return TransitionCheck{false, why}; };
    if (from == to)
        return refuse("The status is already that.");
    if (from == S::Earned)
        return refuse("An earned micro-credential is final.");
    switch (to) {
    case S::NotStarted:
        return refuse("Once something is written or attached, the work has started.");
    case S::InProgress:
        if (from == S::NotStarted)
            return allow("Something was written or attached.");
        if (from == S::ReadyToSubmit)
            return allow("A change left something the rubric needs missing or over its limit.");
        return refuse("After a submission, the work goes on as a revision of it.");
    case S::ReadyToSubmit:
        if (from == S::InProgress || from == S::NotStarted)
            return allow("Everything the rubric judges is there and within its limits.");
        return refuse("A revision after a review is resubmitted, not submitted afresh.");
    case S::Submitted:
        if (from == S::ReadyToSubmit)
            return allow("The self-check passed and the submission was sent.");
        return refuse("Only work that passes the self-check can be submitted, and only once; later rounds are resubmissions.");
    case S::NotYet:
    case S::Earned:
        if (from == S::Submitted || from == S::Resubmitted)
            return allow("A reviewer's review of the waiting submission came back.");
        return refuse("Only a submission waiting for its review can be reviewed.");
    case S::Resubmitted:
        if (from == S::NotYet)
            return allow("The work was revised after a “not yet” and sent again.");
        return refuse("Only work that a reviewer marked “not yet” can be resubmitted.");
    }
    return refuse("That is not a status.");
}

bool credential_editable(CredentialStatus status)
{
    return status != CredentialStatus::Submitted && status != CredentialStatus::Resubmitted &&
           status != CredentialStatus::Earned;
}

std::string why_not_editable(const Credential& credential)
{
    switch (credential_status(credential)) {
    case CredentialStatus::Submitted:
    case CredentialStatus::Resubmitted:
        return "This micro-credential is waiting for its review: the reviewer is reading what you sent, so it cannot "
               "change until the review comes back.";
    case CredentialStatus::Earned:
        return "This micro-credential is earned; what earned it stays as it was reviewed.";
    default:
        return {};
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Answers and evidence
//-------------------------------------------------------------------------------------------------

namespace {

EditResult refused_edit(std::string why) { return {false, std::move(why)}; }

bool accepts(const EvidenceItem& item, EvidenceKind kind)
{
    return std::find(item.kinds.begin(), item.kinds.end(), kind) != item.kinds.end();
}

// "an image, a link or text": what an evidence item accepts, for a sentence.
std::string accepted_kinds(const EvidenceItem& item)
{
    std::string list;
    for (size_t i = 0; i < item.kinds.size(); i++) {
        if (i > 0)
            list += i + 1 == item.kinds.size() ? " or " : ", ";
        list += evidence_kind_phrase(item.kinds[i]);
    }
    return list;
}

bool is_web_address(const std::string& url)
{
    const bool scheme = (url.rfind("https://", 0) == 0 && url.size() > 8) || (url.rfind("http://", 0) == 0 && url.size() > 7);
    return scheme && std::none_of(url.begin(), url.end(), [](char c) { return uint8_t(c) <= 0x20; });
}

std::string check_entry(const EvidenceEntry& entry)
{
    switch (entry.kind) {
    case EvidenceKind::Text:
        return is_blank(entry.text) ? "A piece of text cannot be empty; write it out or remove it." : "";
    case EvidenceKind::Link:
        return is_web_address(entry.url) ? ""
                                         : "A link is a web address starting with https:// (or http://), without spaces; " +
                                               pack_reading::in_quotes(entry.url) + " is not one.";
    case EvidenceKind::Image: {
        if (entry.image.blob_key.empty())
            return "The image was not stored on this device; add it again.";
        const bool known = std::any_of(std::begin(kEvidenceImageTypes), std::end(kEvidenceImageTypes),
                                       [&](const char* mime) { return entry.image.mime == mime; });
        if (!known)
            return "Images are added as PNG, JPEG or WebP pictures; this one is " +
                   (entry.image.mime.empty() ? std::string("of an unknown type") : pack_reading::in_quotes(entry.image.mime)) + ".";
        if (entry.image.size > kMaxEvidenceImageBytes)
            return "The image is too large to submit (" + file_size_text(entry.image.size) + "; at most " +
                   file_size_text(kMaxEvidenceImageBytes) + "). Add a smaller copy.";
        return {};
    }
    case EvidenceKind::Item: {
        const DocumentKind* kind = document_kind(json_string(entry.item, "type"));
        if (!kind || !kind->single_item)
            return "Only a Wayfinder item that can be shared on its own (a self-assessment, a conversation journey) "
                   "can be attached.";
        return {};
    }
    }
    return {};
}

} // namespace

EditResult set_answer(Credential& credential, const std::string& question_id, std::string text)
{
    if (std::string why = why_not_editable(credential); !why.empty())
        return refused_edit(std::move(why));
    if (!credential.pack.find_question(question_id))
        return refused_edit("This micro-credential asks no such question.");
    credential.answers[question_id] = std::move(text);
    return {true, {}};
}

EditResult add_evidence(Credential& credential, const std::string& evidence_id, EvidenceEntry entry)
{
    if (std::string why = why_not_editable(credential); !why.empty())
        return refused_edit(std::move(why));
    const EvidenceItem* item = credential.pack.find_evidence(evidence_id);
    if (!item)
        return refused_edit("This micro-credential asks for no such evidence.");
    const std::string name = submission_piece_subject(credential.pack, evidence_id);
    if (!accepts(*item, entry.kind))
        return refused_edit(name + " takes " + accepted_kinds(*item) + ", not " + evidence_kind_phrase(entry.kind) + ".");
    std::vector<EvidenceEntry>& entries = credential.evidence[evidence_id];
    if (entries.size() >= kMaxEntriesPerEvidenceItem)
        return refused_edit(name + " already holds " + std::to_string(kMaxEntriesPerEvidenceItem) +
                            " pieces, as many as one evidence item takes; remove one first.");
    if (std::string problem = check_entry(entry); !problem.empty())
        return refused_edit(std::move(problem));
    if (entry.kind == EvidenceKind::Item)
        entry.item = shared_document(entry.item);
    entries.push_back(std::move(entry));
    return {true, {}};
}

EditResult remove_evidence(Credential& credential, const std::string& evidence_id, const std::string& entry_id)
{
    if (std::string why = why_not_editable(credential); !why.empty())
        return refused_edit(std::move(why));
    const auto found = credential.evidence.find(evidence_id);
    if (found == credential.evidence.end())
        return refused_edit("That evidence is no longer attached.");
    std::vector<EvidenceEntry>& entries = found->second;
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const EvidenceEntry& e) { return e.id == entry_id; });
    if (it == entries.end())
        return refused_edit("That evidence is no longer attached.");
    entries.erase(it);
    return {true, {}};
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Word counts and the self-check
//-------------------------------------------------------------------------------------------------

namespace {

std::string answer_of(const Credential& credential, const std::string& question_id)
{
    const auto found = credential.answers.find(question_id);
    return found == credential.answers.end() ? std::string() : found->second;
}

void add_counts(const Credential& credential, const std::vector<CredentialQuestion>& questions,
                std::vector<AnswerCount>& counts)
{
    for (const CredentialQuestion& question : questions)
        counts.push_back({question.id, submission_piece_name(credential.pack, question.id),
                          count_words(answer_of(credential, question.id)), question.word_limit});
}

std::string words(int count) { return pack_reading::plural(size_t(count), "word", "words"); }

// What keeps one judged piece from being ready, or "".
std::string check_piece(const Credential& credential, const std::string& id)
{
    const std::string name = submission_piece_subject(credential.pack, id);
    if (const CredentialQuestion* question = credential.pack.find_question(id)) {
        const std::string answer = answer_of(credential, id);
        if (is_blank(answer))
            return name + " has no answer yet.";
        const int count = count_words(answer);
        if (count > question->word_limit)
            return name + " is " + words(count) + "; the limit is " + std::to_string(question->word_limit) + ".";
        return {};
    }
    const EvidenceItem* item = credential.pack.find_evidence(id);
    if (!item)
        return {};
    const auto found = credential.evidence.find(id);
    const std::vector<EvidenceEntry> none;
    const std::vector<EvidenceEntry>& entries = found == credential.evidence.end() ? none : found->second;
    if (entries.empty())
        return name + " has nothing attached yet.";
    bool any_private = false;
    for (const EvidenceEntry& entry : entries) {
        if (entry.is_private) {
            any_private = true;
            continue;
        }
        if (!accepts(*item, entry.kind))
            return name + " holds " + evidence_kind_phrase(entry.kind) + ", which it does not take; it takes " +
                   accepted_kinds(*item) + ".";
        if (std::string problem = check_entry(entry); !problem.empty())
            return submission_piece_name(credential.pack, id) + ": " + pack_reading::lowercase_first(problem);
    }
    const bool all_private = any_private && std::all_of(entries.begin(), entries.end(), [](const EvidenceEntry& e) { return e.is_private; });
    if (all_private)
        return name + " holds only private pieces, which a submission leaves out; attach one you can share.";
    return {};
}

} // namespace

std::vector<AnswerCount> answer_counts(const Credential& credential)
{
    std::vector<AnswerCount> counts;
    add_counts(credential, credential.pack.overview, counts);
    add_counts(credential, credential.pack.reflection, counts);
    return counts;
}

bool SelfCheck::ready() const
{
    return !rows.empty() && std::all_of(rows.begin(), rows.end(), [](const SelfCheckRow& row) { return row.ready; });
}

SelfCheck self_check(const Credential& credential)
{
    SelfCheck check;
    for (const RubricRow& row : credential.pack.rubric) {
        SelfCheckRow checked;
        checked.row_id = row.id;
        checked.criterion = row.criterion;
        for (const std::string& id : row.judges)
            if (std::string message = check_piece(credential, id); !message.empty())
                checked.messages.push_back(std::move(message));
        checked.ready = checked.messages.empty();
        check.rows.push_back(std::move(checked));
    }
    return check;
}

} // namespace wf
