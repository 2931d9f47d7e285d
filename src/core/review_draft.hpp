#pragma once
// A review in progress: the reviewer's own document for one round of one colleague's submission.
// It holds the submission file exactly as it was opened (so the review survives a reload and reads
// the same after it) and what the reviewer has marked so far. It is a document of its own type, never
// a credential: opening a colleague's work never mixes it into the reviewer's own micro-credential.
// Once exported it is kept as it was sent, so exporting it again gives the same file and badge.

#include "core/credential_files.hpp"
#include "core/document_restore.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace wf {

inline constexpr const char* kReviewDraftType = "wayfinder.review-draft";

// {type, version, submission: <the submission file's text>, opened_at, reviewer,
//  rows: {rubric row id: {verdict: "meets"|"not-yet", comment}}, feedback,
//  decision: ""|"earned"|"not-yet", exported_at, reviewed_at, signed_credential}
const DocumentSchema& review_draft_schema();

// "review-draft:" + submission id + ":" + round: one draft per round of a submission.
std::string review_draft_key(const std::string& submission_id, int round);

struct ReviewDraft {
    std::string submission_text;   // the submission file as opened, byte for byte
    std::string opened_at;         // ISO 8601 UTC
    std::string reviewer;          // "": the reviewer has not given their name yet
    std::map<std::string, ReviewRow> rows; // by rubric row id; a row not here is "not yet", no comment
    std::string feedback;          // "": no overall feedback yet
    std::optional<ReviewDecision> decision; // none: not decided yet
    std::string exported_at;       // "": not exported yet; else when (ISO 8601 UTC), and the draft is final
    std::string reviewed_at;       // the review's date as exported (ISO date)
    std::string signed_credential; // the signed badge credential an earned review carried when exported
    bool exported() const { return !exported_at.empty(); }
};

// Missing or mistyped fields read as their defaults.
ReviewDraft review_draft_from_doc(const nlohmann::json& doc);
// Writes every field; fields a newer build added are kept.
void review_draft_write(nlohmann::json& doc, const ReviewDraft& draft);
nlohmann::json new_review_draft_doc(std::string submission_text, std::string reviewer, std::string opened_at);

// The review the draft stands for, over the submission it reviews: every rubric row in the rubric's
// order ("not yet" where unmarked), an undecided draft reading as "not yet".
CredentialReview draft_review(const ReviewDraft& draft, const Submission& submission);

// Whether every rubric row of the submission is marked "meets": the only case a decision may be Earned.
bool every_row_meets(const ReviewDraft& draft, const Submission& submission);

} // namespace wf
