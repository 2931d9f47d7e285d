#include "core/review_draft.hpp"

#include "core/json_fields.hpp"

#include <algorithm>

namespace wf {

using nlohmann::json;

namespace {

// The words credential.cpp writes for verdicts and decisions, so a draft reads like the review it becomes.
constexpr const char* kMeets = "meets";
constexpr const char* kNotYet = "not-yet";
constexpr const char* kEarned = "earned";

// Filling defaults is reading the typed view and writing it back: the defaults live in ReviewDraft.
void fill_review_draft_defaults(json& doc) { review_draft_write(doc, review_draft_from_doc(doc)); }

} // namespace

const DocumentSchema& review_draft_schema()
{
    // The noun reads after "a": "Choose a review in progress …".
    static const DocumentSchema schema{kReviewDraftType, "review in progress", 1, {}, fill_review_draft_defaults,
                                       "review-draft:"};
    return schema;
}

std::string review_draft_key(const std::string& submission_id, int round)
{
    return review_draft_schema().key + submission_id + ":" + std::to_string(round);
}

ReviewDraft review_draft_from_doc(const json& doc)
{
    ReviewDraft draft;
    json_read_string(doc, "submission", draft.submission_text);
    json_read_string(doc, "opened_at", draft.opened_at);
    json_read_string(doc, "reviewer", draft.reviewer);
    json_read_string(doc, "feedback", draft.feedback);
    json_read_string(doc, "exported_at", draft.exported_at);
    json_read_string(doc, "reviewed_at", draft.reviewed_at);
    json_read_string(doc, "signed_credential", draft.signed_credential);
    const std::string decision = json_string(doc, "decision");
    if (decision == kEarned) draft.decision = ReviewDecision::Earned;
    else if (decision == kNotYet) draft.decision = ReviewDecision::NotYet;
    if (const json* rows = json_field(doc, "rows"); rows && rows->is_object())
        for (const auto& [id, row] : rows->items())
            draft.rows[id] = {id, json_string(row, "verdict") == kMeets ? RowVerdict::Meets : RowVerdict::NotYet,
                              json_string(row, "comment")};
    return draft;
}

void review_draft_write(json& doc, const ReviewDraft& draft)
{
    if (!doc.is_object()) {
        doc = json::object();
        json_put(doc, "type", kReviewDraftType);
        json_put(doc, "version", review_draft_schema().current_version);
    }
    json_put(doc, "submission", draft.submission_text);
    json_put(doc, "opened_at", draft.opened_at);
    json_put(doc, "reviewer", draft.reviewer);
    json_put(doc, "feedback", draft.feedback);
    json_put(doc, "exported_at", draft.exported_at);
    json_put(doc, "reviewed_at", draft.reviewed_at);
    json_put(doc, "signed_credential", draft.signed_credential);
    json_put(doc, "decision", !draft.decision ? "" : *draft.decision == ReviewDecision::Earned ? kEarned : kNotYet);
    json rows = json::object();
    for (const auto& [id, row] : draft.rows) {
        json& entry = rows[id] = json::object();
        json_put(entry, "verdict", row.verdict == RowVerdict::Meets ? kMeets : kNotYet);
        json_put(entry, "comment", row.comment);
    }
    json_put(doc, "rows", std::move(rows));
}

json new_review_draft_doc(std::string submission_text, std::string reviewer, std::string opened_at)
{
    ReviewDraft draft;
    draft.submission_text = std::move(submission_text);
    draft.reviewer = std::move(reviewer);
    draft.opened_at = std::move(opened_at);
    json doc;
    review_draft_write(doc, draft);
    return doc;
}

CredentialReview draft_review(const ReviewDraft& draft, const Submission& submission)
{
    CredentialReview review = start_review(submission, draft.reviewer, draft.reviewed_at);
    for (ReviewRow& row : review.rows)
        if (const auto marked = draft.rows.find(row.row_id); marked != draft.rows.end()) {
            row.verdict = marked->second.verdict;
            row.comment = marked->second.comment;
        }
    review.feedback = draft.feedback;
    review.decision = draft.decision.value_or(ReviewDecision::NotYet);
    review.signed_credential = draft.signed_credential;
    return review;
}

bool every_row_meets(const ReviewDraft& draft, const Submission& submission)
{
    return !submission.pack.rubric.empty() &&
           std::all_of(submission.pack.rubric.begin(), submission.pack.rubric.end(), [&](const RubricRow& row) {
               const auto marked = draft.rows.find(row.id);
               return marked != draft.rows.end() && marked->second.verdict == RowVerdict::Meets;
           });
}

} // namespace wf
