#pragma once
// A micro-credential a librarian works on: the answers to the pack's overview and reflection
// questions, the evidence attached to each evidence item, and every round of submission and review.
// Like a journey, the document keeps a full copy of the pack it was started with, written once at
// creation, so the questions and the rubric read the same on any device and after the shipped pack
// changes.
//
// The status is never stored: it follows from the rounds (submitted, reviewed, earned) and, before
// the first submission, from the work itself (nothing yet, some, or all the self-check asks for), so
// it can never disagree with what the document holds.

#include "core/credential_pack.hpp"
#include "core/document_restore.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kCredentialType = "wayfinder.credential";

// {type, version, id, candidate, created_at, pack (credential pack JSON),
//  answers: {question id: text},
//  evidence: {evidence item id: [{id, kind: "text"|"link"|"image"|"item", caption, private,
//             text?, url?, image?: {blob_key, size, mime, width, height}, item?: <shared document>}]},
//  resubmission_note,
//  rounds: [{round, submission_id, hash, submitted_at, review?: <review, as credential_review_to_json>}]}
const DocumentSchema& credential_schema();

// Storage key of a credential: "credential:" + id.
std::string credential_key(const std::string& id);

// An image is resized in the browser before it is stored; past this it is refused, so one submission
// of a few images stays a file a reviewer can open (json_limits.hpp reads up to 32 MB).
inline constexpr uint64_t kMaxEvidenceImageBytes = 2u << 20;
// The image types every browser shows.
inline constexpr const char* kEvidenceImageTypes[] = {"image/png", "image/jpeg", "image/webp"};
// Per evidence item: enough for "samples from each grade level", few enough to review.
inline constexpr size_t kMaxEntriesPerEvidenceItem = 12;

// An image is kept in browser storage as a blob; the document holds only where and what it is.
struct EvidenceImage {
    std::string blob_key;        // where the bytes are stored on this device
    uint64_t size = 0;           // bytes
    std::string mime;            // one of kEvidenceImageTypes
    int width = 0, height = 0;   // pixels, as stored
};

struct EvidenceEntry {
    std::string id;              // unique within the credential
    EvidenceKind kind = EvidenceKind::Text;
    std::string caption;         // "": what the reviewer should look at in it
    bool is_private = false;     // true: kept for the librarian only; a submission leaves it out
    std::string text;            // Text: the evidence written out
    std::string url;             // Link: as typed (http or https), never fetched
    EvidenceImage image;         // Image
    nlohmann::json item;         // Item: the shared copy of a Wayfinder document (null otherwise)
};

enum class RowVerdict { Meets, NotYet };
enum class ReviewDecision { Earned, NotYet };

struct ReviewRow {
    std::string row_id;          // a rubric row of the pack
    RowVerdict verdict = RowVerdict::NotYet;
    std::string comment;         // "": the reviewer's note on this row
};

// A peer's review of one round of one submission. Travels in the review file (credential_files.hpp)
// and is kept in the candidate's rounds and the reviewer's list of reviews.
struct CredentialReview {
    std::string submission_id;
    int round = 0;               // 1 for the first submission
    std::string submission_hash; // the SHA-256 of the submission it reviewed
    std::string pack_id, pack_version;
    std::string credential_title;
    std::string candidate;
    std::vector<ReviewRow> rows; // one per rubric row, in the rubric's order
    std::string feedback;        // "": overall feedback
    ReviewDecision decision = ReviewDecision::NotYet; // Earned only when every row meets
    std::string reviewer;
    std::string reviewed_at;     // ISO 8601 date
    std::string signed_credential; // "": the badge credential the reviewer signed (open_badge.hpp), kept as it came
};

nlohmann::json credential_review_to_json(const CredentialReview& review);
// False, with `problem` set to a sentence naming the first thing wrong, when `value` is no complete review.
bool credential_review_from_json(const nlohmann::json& value, CredentialReview& review, std::string& problem);

struct CredentialRound {
    int number = 1;              // 1, 2, …: the first submission and each resubmission
    std::string submission_id;
    std::string hash;            // SHA-256 of the submission's content, as the file carries it
    std::string submitted_at;    // ISO 8601 UTC
    std::optional<CredentialReview> review; // none until the review file is opened
};

struct Credential {
    std::string id;
    std::string candidate;       // "": the librarian's name as the reviewer and the badge will read it
    std::string created_at;      // ISO 8601 UTC
    CredentialPack pack;         // the copy the credential was started with
    std::string pack_error;      // "": the copy is valid; else why not (set by reading, never stored)
    std::map<std::string, std::string> answers;               // question id -> answer
    std::map<std::string, std::vector<EvidenceEntry>> evidence; // evidence item id -> entries, in order added
    std::string resubmission_note; // "": what changed since the last round, for the reviewer
    std::vector<CredentialRound> rounds; // oldest first
};

// One evidence entry as a document stores it; false for what is no entry (not an object, an unknown kind).
bool evidence_entry_from_json(const nlohmann::json& value, EvidenceEntry& entry);

// Missing or mistyped fields read as their defaults; entries of an unknown kind, and rounds that are
// not objects, are skipped; a review that is not complete reads as none.
Credential credential_from_doc(const nlohmann::json& doc);
// Writes every field except the pack copy, which is kept as it is. Fields a newer build added are
// kept at the top level and inside each evidence entry (matched by id).
void credential_write(nlohmann::json& doc, const Credential& credential);
nlohmann::json new_credential_doc(const CredentialPack& pack, std::string id, std::string candidate,
                                  std::string created_at);

//-------------------------------------------------------------------------------------------------
// Status
//-------------------------------------------------------------------------------------------------

enum class CredentialStatus { NotStarted, InProgress, ReadyToSubmit, Submitted, NotYet, Resubmitted, Earned };

// "Not started", "In progress", "Ready to submit", "Submitted", "Not yet", "Resubmitted", "Earned".
const char* credential_status_label(CredentialStatus status);

// No rounds: Not started (nothing answered or attached), Ready to submit (the self-check passes), else
// In progress. With rounds, the last one decides: waiting for its review (Submitted for round 1,
// Resubmitted after), or its review's decision (Not yet, Earned).
CredentialStatus credential_status(const Credential& credential);

struct TransitionCheck {
    bool allowed = false;
    std::string why;             // the reason, either way, as a sentence
};
// Whether the status may move from `from` to `to`, and why. The moves: Not started -> In progress
// (something written); Not started or In progress -> Ready to submit (the self-check passes); Ready to
// submit -> In progress (it no longer does); Ready to submit -> Submitted; Submitted and Resubmitted
// -> Not yet or Earned (a review); Not yet -> Resubmitted (revised). Nothing leaves Earned.
TransitionCheck check_transition(CredentialStatus from, CredentialStatus to);

// Answers and evidence can change before a submission and after a "not yet"; while a submission
// waits for its review they are what the reviewer reads, and an earned credential is final.
bool credential_editable(CredentialStatus status);
// "" when the work may change; else why not, as a sentence.
std::string why_not_editable(const Credential& credential);

//-------------------------------------------------------------------------------------------------
// Working on it: answers, evidence (each refused with the reason, changing nothing)
//-------------------------------------------------------------------------------------------------

struct EditResult {
    bool ok = false;
    std::string error;           // when !ok: why, as a sentence
};

EditResult set_answer(Credential& credential, const std::string& question_id, std::string text);
// Checks the entry against the evidence item's accepted kinds and the limits (an image's size and
// type, a link's scheme, entries per item). An item entry's document is stored as its shared copy
// (document_registry.hpp), so a private continuum never becomes evidence. The entry keeps its id.
EditResult add_evidence(Credential& credential, const std::string& evidence_id, EvidenceEntry entry);
EditResult remove_evidence(Credential& credential, const std::string& evidence_id, const std::string& entry_id);

//-------------------------------------------------------------------------------------------------
// Word counts and the self-check
//-------------------------------------------------------------------------------------------------

struct AnswerCount {
    std::string question_id;
    std::string name;            // "Overview 1", "Reflection 2"
    int words = 0;               // text_stats.hpp's count_words
    int limit = 0;
    bool over() const { return words > limit; }
};
// Every overview question, then every reflection question, in the pack's order.
std::vector<AnswerCount> answer_counts(const Credential& credential);

struct SelfCheckRow {
    std::string row_id;
    std::string criterion;
    bool ready = false;          // everything the row judges is there and within its limits
    std::vector<std::string> messages; // what is missing or over, one sentence each, in submission order
};

struct SelfCheck {
    std::vector<SelfCheckRow> rows; // one per rubric row, in the rubric's order
    bool ready() const;          // every row is ready (and there is at least one)
};

// Per rubric row, whether the questions it judges are answered within their word limits and the
// evidence items it judges hold at least one entry that a submission carries (not private, of an
// accepted kind, not empty). Messages name the piece: "Evidence 2, student work, has nothing attached
// yet." / "Reflection 1 is 312 words; the limit is 250."
SelfCheck self_check(const Credential& credential);

} // namespace wf
