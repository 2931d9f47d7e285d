// [SECTION] Helpers
// [SECTION] Submitting
// [SECTION] Reading a submission
// [SECTION] The review file
// [SECTION] Attaching a review
// [SECTION] Files that cannot be opened
// [SECTION] Frozen files of version 1
// [SECTION] Reviews I wrote

#include "core/credential_files.hpp"
#include "core/document_registry.hpp"
#include "core/sha256.hpp"

#include <doctest/doctest.h>

#include "credential_sample.hpp"
#include "test_support.hpp"

using nlohmann::json;
using namespace wf;
using namespace wf::test;

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------

namespace {

// Six bytes with a zero and high bytes in them, so base64 and the byte-exact round trip are both tested.
const std::string kImageBytes = std::string("\x89PNG\0\xff", 6);

BlobLookup stored_blobs()
{
    return [](const std::string& key) -> std::optional<std::string> {
        if (key == "blob:e2")
            return kImageBytes;
        return std::nullopt;
    };
}

json ready_document()
{
    json doc = new_credential_document();
    credential_write(doc, filled_credential());
    return doc;
}

struct Submitted {
    json doc;
    SubmitResult result;
    Submission submission;
};

Submitted submit(json doc)
{
    Submitted s;
    s.result = submit_credential(doc, stored_blobs(), "sub-7f3a", "2026-11-10T10:00:00Z");
    REQUIRE_MESSAGE(s.result.ok, s.result.error);
    const SubmissionRead read = read_submission(s.result.file_text);
    REQUIRE_MESSAGE(read.ok, read.error);
    s.doc = std::move(doc);
    s.submission = read.submission;
    return s;
}

CredentialReview decided(const Submission& submission, ReviewDecision decision)
{
    CredentialReview review = start_review(submission, "Jo Lee", "2026-11-20");
    for (ReviewRow& row : review.rows) {
        row.verdict = decision == ReviewDecision::Earned ? RowVerdict::Meets : RowVerdict::NotYet;
        row.comment = "Comment on " + row.row_id;
    }
    if (decision == ReviewDecision::NotYet)
        review.rows.front().verdict = RowVerdict::Meets;
    review.decision = decision;
    review.feedback = "Strong plan; show more student work.";
    return review;
}

std::string review_file(const Submission& submission, const CredentialReview& review)
{
    const ReviewFileResult file = review_file_text(submission, review);
    REQUIRE_MESSAGE(file.ok, file.error);
    return file.file_text;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Submitting
//-------------------------------------------------------------------------------------------------

TEST_CASE("submitting writes one file with everything, images inlined, and records round 1 with its hash")
{
    const Submitted s = submit(ready_document());
    const json file = json::parse(s.result.file_text);
    CHECK(file["type"] == kSubmissionFileType);
    CHECK(file["version"] == 1);
    const json& content = file["content"];
    CHECK(content["pack"]["id"] == "empowering-students-as-creators");
    CHECK(content["pack"]["version"] == "2026.1");
    CHECK(content["candidate"] == "Ana Pérez");
    CHECK(content["round"] == 1);
    CHECK(content["submission_id"] == "sub-7f3a");
    CHECK(content["evidence"]["evidence-student-work"][0]["image"]["data"] == "iVBORwD/");
    CHECK(file["hash"] == sha256_hex(content.dump()));
    CHECK(s.result.hash == file["hash"]);

    const Credential credential = credential_from_doc(s.doc);
    REQUIRE(credential.rounds.size() == 1);
    CHECK(credential.rounds[0].hash == s.result.hash);
    CHECK(credential.rounds[0].submission_id == "sub-7f3a");
    CHECK(credential_status(credential) == CredentialStatus::Submitted);
}

TEST_CASE("a submission reads back with the answers, the evidence, the image bytes and the rubric")
{
    const Credential original = filled_credential();
    const Submitted s = submit(ready_document());
    const Submission& read = s.submission;
    CHECK(read.candidate == "Ana Pérez");
    CHECK(read.round == 1);
    CHECK(read.hash == s.result.hash);
    CHECK(read.answers == original.answers);
    CHECK(read.pack.rubric.size() == original.pack.rubric.size());
    REQUIRE(read.evidence.at("evidence-student-work").size() == 1);
    const SubmittedEvidence& image = read.evidence.at("evidence-student-work").front();
    CHECK(image.image_data == kImageBytes);
    CHECK(image.entry.image.mime == "image/png");
    CHECK(image.entry.image.blob_key.empty());
    CHECK(image.entry.caption == "Grade 3 stop-motion storyboard");
    CHECK(read.evidence.at("evidence-space").front().entry.url == "https://example.org/our-makerspace");
    CHECK(read.evidence.at("evidence-collaboration").front().entry.item["type"] == kJourneyType);
}

TEST_CASE("private evidence is left out of the submission file")
{
    Credential credential = filled_credential();
    EvidenceEntry secret = text_entry("e-secret", "Notes naming a student, for me only.");
    secret.is_private = true;
    REQUIRE(add_evidence(credential, "evidence-plan", secret).ok);
    json doc = new_credential_document();
    credential_write(doc, credential);
    const Submitted s = submit(doc);
    CHECK_FALSE(contains(s.result.file_text, "for me only"));
    CHECK(s.submission.evidence.at("evidence-plan").size() == 1);
}

TEST_CASE("work the self-check does not pass is not submitted, and the reason names what is missing")
{
    Credential credential = filled_credential();
    credential.evidence["evidence-student-work"].clear();
    json doc = new_credential_document();
    credential_write(doc, credential);
    const json before = doc;
    const SubmitResult result = submit_credential(doc, stored_blobs(), "sub-1", "2026-11-10T10:00:00Z");
    CHECK_FALSE(result.ok);
    CHECK(contains(result.error, "evidence 2, student work, has nothing attached yet."));
    CHECK(doc == before);
}

TEST_CASE("an image no longer stored on the device stops the submission, naming where it was")
{
    json doc = ready_document();
    const json before = doc;
    const SubmitResult result = submit_credential(doc, [](const std::string&) { return std::optional<std::string>(); },
                                                  "sub-1", "2026-11-10T10:00:00Z");
    CHECK_FALSE(result.ok);
    CHECK(result.error == "The image “Grade 3 stop-motion storyboard” in Evidence 2, student work, is no longer stored on "
                          "this device; remove it and add it again, then submit.");
    CHECK(doc == before);
}

TEST_CASE("a submission waiting for its review cannot be submitted again")
{
    Submitted s = submit(ready_document());
    const SubmitResult again = submit_credential(s.doc, stored_blobs(), "sub-2", "2026-11-11T10:00:00Z");
    CHECK_FALSE(again.ok);
    CHECK(contains(again.error, "waiting for its review"));
    CHECK(credential_from_doc(s.doc).rounds.size() == 1);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading a submission
//-------------------------------------------------------------------------------------------------

TEST_CASE("a submission changed after it was submitted is refused, since its hash no longer matches")
{
    const Submitted s = submit(ready_document());
    json file = json::parse(s.result.file_text);
    file["content"]["answers"]["overview-approach"] = "Something else entirely.";
    const SubmissionRead read = read_submission(file.dump());
    CHECK_FALSE(read.ok);
    CHECK(contains(read.error, "changed after it was submitted"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The review file
//-------------------------------------------------------------------------------------------------

TEST_CASE("a review file round-trips every row, comment, the decision and the signed credential")
{
    const Submitted s = submit(ready_document());
    CredentialReview review = decided(s.submission, ReviewDecision::Earned);
    review.signed_credential = "eyJhbGciOiJFZERTQSJ9.eyJ9.c2ln";
    const ReviewRead read = read_review_file(review_file(s.submission, review));
    REQUIRE_MESSAGE(read.ok, read.error);
    CHECK(credential_review_to_json(read.review) == credential_review_to_json(review));
    CHECK(read.review.submission_hash == s.result.hash);
    CHECK(read.review.credential_title == "Empowering Students as Creators");
}

TEST_CASE("a review that says earned while a row is not yet, or leaves a row unscored, is not written")
{
    const Submitted s = submit(ready_document());
    CredentialReview review = decided(s.submission, ReviewDecision::NotYet);
    review.decision = ReviewDecision::Earned;
    CHECK(contains(review_file_text(s.submission, review).error, "earned, yet marks a criterion"));

    review = decided(s.submission, ReviewDecision::Earned);
    review.rows.pop_back();
    CHECK(contains(review_file_text(s.submission, review).error, "does not score the criterion “Reflective practice”"));

    review = decided(s.submission, ReviewDecision::Earned);
    review.reviewer = " ";
    CHECK(contains(review_file_text(s.submission, review).error, "who reviewed it"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Attaching a review
//-------------------------------------------------------------------------------------------------

TEST_CASE("the whole loop: not yet, revise, resubmit, earned, with every round kept")
{
    Submitted first = submit(ready_document());
    REQUIRE(attach_review_file(first.doc, review_file(first.submission, decided(first.submission, ReviewDecision::NotYet))).ok);
    Credential credential = credential_from_doc(first.doc);
    CHECK(credential_status(credential) == CredentialStatus::NotYet);
    CHECK(credential.rounds[0].review->feedback == "Strong plan; show more student work.");

    REQUIRE(add_evidence(credential, "evidence-student-work", text_entry("e10", "Grade 5 podcast transcript.")).ok);
    credential.resubmission_note = "Added a second sample.";
    credential_write(first.doc, credential);
    Submitted second = submit(first.doc);
    CHECK(second.result.round == 2);
    CHECK(second.result.submission_id == "sub-7f3a");
    CHECK(second.submission.resubmission_note == "Added a second sample.");
    CHECK(second.result.hash != first.result.hash);
    CHECK(credential_status(credential_from_doc(second.doc)) == CredentialStatus::Resubmitted);

    REQUIRE(attach_review_file(second.doc, review_file(second.submission, decided(second.submission, ReviewDecision::Earned))).ok);
    credential = credential_from_doc(second.doc);
    CHECK(credential_status(credential) == CredentialStatus::Earned);
    REQUIRE(credential.rounds.size() == 2);
    CHECK(credential.rounds[0].review->decision == ReviewDecision::NotYet);
    CHECK(credential.rounds[1].review->decision == ReviewDecision::Earned);
}

TEST_CASE("a review of another submission is refused clearly and changes nothing")
{
    Submitted mine = submit(ready_document());
    json other_doc = ready_document();
    const SubmitResult other = submit_credential(other_doc, stored_blobs(), "sub-other", "2026-11-10T11:00:00Z");
    REQUIRE(other.ok);
    const Submission theirs = read_submission(other.file_text).submission;

    const json before = mine.doc;
    const AttachResult result = attach_review_file(mine.doc, review_file(theirs, decided(theirs, ReviewDecision::Earned)));
    CHECK_FALSE(result.ok);
    CHECK(contains(result.error, "belongs to another submission"));
    CHECK(mine.doc == before);
}

TEST_CASE("a review of an older round is refused once the work was resubmitted")
{
    Submitted first = submit(ready_document());
    const std::string old_review = review_file(first.submission, decided(first.submission, ReviewDecision::NotYet));
    REQUIRE(attach_review_file(first.doc, old_review).ok);
    Credential credential = credential_from_doc(first.doc);
    REQUIRE(set_answer(credential, "overview-approach", "Revised approach.").ok);
    credential_write(first.doc, credential);
    Submitted second = submit(first.doc);

    const json before = second.doc;
    const AttachResult result = attach_review_file(second.doc, old_review);
    CHECK_FALSE(result.ok);
    CHECK(contains(result.error, "round 1, an older round"));
    CHECK(second.doc == before);
}

TEST_CASE("a review of different content for the same round, or a second review of a round, is refused")
{
    Submitted s = submit(ready_document());
    CredentialReview review = decided(s.submission, ReviewDecision::NotYet);
    review.submission_hash = std::string(64, '0');
    CHECK(contains(attach_review(s.doc, review).error, "fingerprints differ"));

    review = decided(s.submission, ReviewDecision::NotYet);
    REQUIRE(attach_review(s.doc, review).ok);
    CHECK(contains(attach_review(s.doc, review).error, "already attached"));
    review.feedback = "Changed my mind.";
    CHECK(contains(attach_review(s.doc, review).error, "already has a different review"));
}

TEST_CASE("a review for work never submitted is refused")
{
    json doc = ready_document();
    const Submitted s = submit(ready_document());
    const AttachResult result = attach_review(doc, decided(s.submission, ReviewDecision::Earned));
    CHECK_FALSE(result.ok);
    CHECK(contains(result.error, "has not been submitted yet"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Files that cannot be opened
//-------------------------------------------------------------------------------------------------

TEST_CASE("a malformed, truncated, huge, foreign or newer-version file is refused clearly and changes nothing")
{
    Submitted s = submit(ready_document());
    const std::string good = review_file(s.submission, decided(s.submission, ReviewDecision::Earned));
    const json before = s.doc;

    const AttachResult truncated = attach_review_file(s.doc, good.substr(0, good.size() - 40));
    CHECK(contains(truncated.error, "incomplete"));
    const AttachResult malformed = attach_review_file(s.doc, "{\"type\": \"wayfinder.credential-review\", version: 1}");
    CHECK(contains(malformed.error, "not in the form Wayfinder writes"));
    ParseLimits small;
    small.max_bytes = 1000;
    const ReviewRead huge = read_review_file(good + std::string(2000, ' '), small);
    CHECK(contains(huge.error, "too large"));
    json newer = json::parse(good);
    newer["version"] = 2;
    const AttachResult newer_result = attach_review_file(s.doc, newer.dump());
    CHECK(contains(newer_result.error, "made by a newer Wayfinder"));
    CHECK(contains(attach_review_file(s.doc, s.result.file_text).error, "not a micro-credential review"));
    CHECK(s.doc == before);

    const SubmissionRead cut = read_submission(s.result.file_text.substr(0, s.result.file_text.size() / 2));
    CHECK(contains(cut.error, "This submission cannot be opened."));
    json newer_submission = json::parse(s.result.file_text);
    newer_submission["version"] = 3;
    CHECK(contains(read_submission(newer_submission.dump()).error, "made by a newer Wayfinder (version 3"));
    CHECK(contains(read_submission(good).error, "not a micro-credential submission"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Frozen files of version 1
//-------------------------------------------------------------------------------------------------

// tests/fixtures/credential-{submission,review}-v1.json were written by the first version from the
// sample credential, with an eight-byte PNG signature as the image and the id "sub-2026-golden".
TEST_CASE("a version 1 submission and its review, kept as files, still open and attach to the round they name")
{
    const std::string submission_text = read_fixture("credential-submission-v1.json");
    const SubmissionRead read = read_submission(submission_text); // recomputes the hash from the canonical text
    REQUIRE_MESSAGE(read.ok, read.error);
    CHECK(read.submission.submission_id == "sub-2026-golden");
    CHECK(read.submission.hash == json::parse(submission_text)["hash"]);
    CHECK(read.submission.evidence.at("evidence-student-work").front().image_data == std::string("\x89PNG\r\n\x1a\n", 8));

    Credential credential = credential_from_doc(new_credential_doc(read.submission.pack, "c1", "Ana Pérez", "2026-11-02"));
    credential.rounds.push_back({1, read.submission.submission_id, read.submission.hash, read.submission.submitted_at, std::nullopt});
    json doc = new_credential_doc(read.submission.pack, "c1", "Ana Pérez", "2026-11-02");
    credential_write(doc, credential);
    const AttachResult attached = attach_review_file(doc, read_fixture("credential-review-v1.json"));
    REQUIRE_MESSAGE(attached.ok, attached.error);
    credential = credential_from_doc(doc);
    CHECK(credential_status(credential) == CredentialStatus::NotYet);
    CHECK(credential.rounds[0].review->rows[2].comment == "Show a second sample, from another grade.");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reviews I wrote
//-------------------------------------------------------------------------------------------------

TEST_CASE("the reviewer's list keeps each review once, and never the candidate's work")
{
    const DocumentKind* kind = document_kind(kReviewsWrittenType);
    REQUIRE(kind != nullptr);
    CHECK_FALSE(kind->single_item);

    const Submitted s = submit(ready_document());
    json doc = new_document(reviews_written_schema());
    CredentialReview review = decided(s.submission, ReviewDecision::NotYet);
    record_written_review(doc, review);
    review.feedback = "Exported again with a clearer note.";
    record_written_review(doc, review);
    const std::vector<CredentialReview> reviews = written_reviews(doc);
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].feedback == "Exported again with a clearer note.");
    CHECK(reviews[0].candidate == "Ana Pérez");
    CHECK_FALSE(contains(doc.dump(), s.submission.answers.at("overview-approach").substr(0, 40)));
    CHECK_FALSE(contains(doc.dump(), "iVBORwD/"));

    const Restored restored = restore_document(doc, reviews_written_schema());
    REQUIRE(restored.ok);
    CHECK(written_reviews(restored.doc).size() == 1);
}
