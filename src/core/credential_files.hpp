#pragma once
// The files a micro-credential travels in between two librarians, and the reviewer's own list.
//  - The submission file (candidate -> reviewer): everything the reviewer needs in one JSON file: the
//    pack (so the rubric is beside the work), the candidate's name, the answers, the evidence with
//    images inlined, the round and the submission's id, and the SHA-256 of its content. Private
//    evidence is left out.
//  - The review file (reviewer -> candidate): per rubric row "meets" or "not yet" with a comment,
//    overall feedback, the decision, and the hash of the submission it reviewed.
//  - "Reviews I wrote": the reviewer's own document, listing the reviews they wrote. A submission the
//    reviewer opens is read into a value (Submission), never stored among their own documents.

#include "core/credential.hpp"
#include "core/document_restore.hpp"
#include "core/json_limits.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kSubmissionFileType = "wayfinder.credential-submission";
inline constexpr const char* kReviewFileType = "wayfinder.credential-review";
inline constexpr const char* kReviewsWrittenType = "wayfinder.reviews-written";

// A submission stays a file a reviewer's Wayfinder opens (json_limits.hpp reads up to 32 MB), with
// room left for the base64 that images grow by.
inline constexpr size_t kMaxSubmissionBytes = 24u << 20;

//-------------------------------------------------------------------------------------------------
// Submitting (the candidate)
//-------------------------------------------------------------------------------------------------

// The bytes of a stored image by its blob key, or nullopt when this device no longer has them.
using BlobLookup = std::function<std::optional<std::string>(const std::string& blob_key)>;

struct SubmitResult {
    bool ok = false;
    std::string error;           // when !ok: why, as a sentence; the document is unchanged
    std::string file_text;       // the submission file
    std::string submission_id;
    int round = 0;
    std::string hash;            // SHA-256 of the content, 64 hex digits
};

// Submits (round 1, from Ready to submit) or resubmits (from Not yet, once the self-check passes
// again): writes the submission file and records the round in `credential_doc`. The submission's id
// is `new_submission_id` for round 1; later rounds keep the first round's id. The hash is of the
// content's canonical text: its compact JSON with names in sorted order (nlohmann's dump), as UTF-8.
SubmitResult submit_credential(nlohmann::json& credential_doc, const BlobLookup& blobs,
                               const std::string& new_submission_id, const std::string& submitted_at);

//-------------------------------------------------------------------------------------------------
// Reading a submission (the reviewer)
//-------------------------------------------------------------------------------------------------

struct SubmittedEvidence {
    EvidenceEntry entry;         // as the candidate attached it; an image has no blob key here
    std::string image_data;      // Image: the bytes
};

struct Submission {
    std::string submission_id;
    int round = 0;
    std::string submitted_at;
    std::string hash;
    std::string candidate;
    CredentialPack pack;
    std::map<std::string, std::string> answers;                  // question id -> answer
    std::map<std::string, std::vector<SubmittedEvidence>> evidence; // evidence item id -> pieces
    std::string resubmission_note;
};

struct SubmissionRead {
    bool ok = false;
    std::string error;           // when !ok: what happened and what to do
    Submission submission;
};

// Refuses, saying why: text that is not JSON (cut off, garbled, too large), another kind of file, a
// newer version, a pack copy that cannot be read, and content whose hash does not match (changed
// since it was submitted).
SubmissionRead read_submission(std::string_view text, const ParseLimits& limits = {});

// Standard base64 with padding: how the submission file carries images, and how a data: URL shows one.
std::string base64_encode(std::string_view bytes);

// A review of the submission with every rubric row "not yet" and no comments, for the reviewer to fill.
CredentialReview start_review(const Submission& submission, std::string reviewer, std::string reviewed_at);

//-------------------------------------------------------------------------------------------------
// The review file
//-------------------------------------------------------------------------------------------------

struct ReviewFileResult {
    bool ok = false;
    std::string error;           // when !ok: what is missing, as a sentence
    std::string file_text;
};

// Checks the review against the submission it reviews (its id, round and hash; one verdict per rubric
// row; "earned" only when every row meets; a reviewer's name) and writes the file.
ReviewFileResult review_file_text(const Submission& submission, const CredentialReview& review);

struct ReviewRead {
    bool ok = false;
    std::string error;
    CredentialReview review;
};

ReviewRead read_review_file(std::string_view text, const ParseLimits& limits = {});

struct AttachResult {
    bool ok = false;
    std::string error;           // when !ok: why, as a sentence; the document is unchanged
};

// Records the review in its round of `credential_doc`. Refused when the review is of another
// submission, of an older round (or a round not yet submitted), of content with another hash, scores
// other criteria than the pack's rubric, or when the round already has a different review.
AttachResult attach_review(nlohmann::json& credential_doc, const CredentialReview& review);
// read_review_file, then attach_review.
AttachResult attach_review_file(nlohmann::json& credential_doc, std::string_view text);

//-------------------------------------------------------------------------------------------------
// Reviews I wrote (the reviewer's document)
//-------------------------------------------------------------------------------------------------

// {type, version, reviews: [<review, as credential_review_to_json>]}: what each review said and of
// which submission, never the candidate's answers or evidence.
const DocumentSchema& reviews_written_schema();

// Adds the review, or replaces the one of the same submission and round (a review exported again).
void record_written_review(nlohmann::json& reviews_doc, const CredentialReview& review);
// The reviews in the order they were first recorded; entries that are not complete reviews are skipped.
std::vector<CredentialReview> written_reviews(const nlohmann::json& reviews_doc);

} // namespace wf
