// [SECTION] The document
// [SECTION] Status
// [SECTION] Answers and evidence
// [SECTION] Word counts
// [SECTION] The self-check

#include "core/credential.hpp"
#include "core/document_registry.hpp"

#include <doctest/doctest.h>

#include "credential_sample.hpp"
#include "test_support.hpp"

using nlohmann::json;
using namespace wf;
using namespace wf::test;

namespace {

const SelfCheckRow& row(const SelfCheck& check, const std::string& id)
{
    for (const SelfCheckRow& r : check.rows)
        if (r.row_id == id)
            return r;
    FAIL("no rubric row " << id);
    return check.rows.front();
}

CredentialReview review_of(const CredentialRound& round, ReviewDecision decision)
{
    CredentialReview review;
    review.submission_id = round.submission_id;
    review.round = round.number;
    review.submission_hash = round.hash;
    review.decision = decision;
    review.reviewer = "Jo Lee";
    review.reviewed_at = "2026-11-20";
    for (const RubricRow& r : creators_pack().rubric)
        review.rows.push_back({r.id, decision == ReviewDecision::Earned ? RowVerdict::Meets : RowVerdict::NotYet, ""});
    return review;
}

CredentialRound round_of(int number)
{
    return {number, "sub-1", "hash-" + std::to_string(number), "2026-11-10T10:00:00Z", std::nullopt};
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] The document
//-------------------------------------------------------------------------------------------------

TEST_CASE("a micro-credential document is registered, restores, and keeps its pack copy, answers, evidence and rounds")
{
    const DocumentKind* kind = document_kind(kCredentialType);
    REQUIRE(kind != nullptr);
    CHECK(kind->in_workspace_file);
    CHECK(credential_key("c1") == "credential:c1");

    Credential credential = filled_credential();
    credential.rounds.push_back(round_of(1));
    credential.rounds.back().review = review_of(credential.rounds.back(), ReviewDecision::NotYet);
    json doc = new_credential_document();
    doc["added_by_a_newer_build"] = 7;
    credential_write(doc, credential);

    const Restored restored = restore_document(json::parse(doc.dump()), credential_schema());
    REQUIRE_MESSAGE(restored.ok, restored.error);
    CHECK(restored.doc["added_by_a_newer_build"] == 7);
    const Credential read = credential_from_doc(restored.doc);
    CHECK(read.pack_error.empty());
    CHECK(read.pack.id == "empowering-students-as-creators");
    CHECK(read.candidate == "Ana Pérez");
    CHECK(read.answers == credential.answers);
    REQUIRE(read.evidence.at("evidence-student-work").size() == 1);
    const EvidenceEntry& image = read.evidence.at("evidence-student-work").front();
    CHECK(image.image.blob_key == "blob:e2");
    CHECK(image.image.mime == "image/png");
    CHECK(image.image.width == 640);
    REQUIRE(read.rounds.size() == 1);
    REQUIRE(read.rounds[0].review.has_value());
    CHECK(read.rounds[0].review->reviewer == "Jo Lee");
    CHECK(credential_status(read) == CredentialStatus::NotYet);
}

TEST_CASE("a micro-credential document from a newer Wayfinder is refused clearly")
{
    json doc = new_credential_document();
    doc["version"] = 2;
    const Restored restored = restore_document(doc, credential_schema());
    CHECK_FALSE(restored.ok);
    CHECK(restored.failure.reason == RestoreReason::NewerVersion);
    CHECK(contains(restored.error, "micro-credential"));
}

TEST_CASE("a document whose pack copy is damaged reads with the reason, and nothing can be submitted from it")
{
    json doc = new_credential_document();
    doc["pack"]["rubric"] = json::array();
    const Credential credential = credential_from_doc(doc);
    CHECK(contains(credential.pack_error, "rubric"));
    CHECK_FALSE(self_check(credential).ready());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Status
//-------------------------------------------------------------------------------------------------

TEST_CASE("the status goes Not started, In progress, Ready to submit as the work fills in, and back when it breaks")
{
    Credential credential = credential_from_doc(new_credential_document());
    CHECK(credential_status(credential) == CredentialStatus::NotStarted);
    REQUIRE(set_answer(credential, "overview-approach", "We film stop-motion stories.").ok);
    CHECK(credential_status(credential) == CredentialStatus::InProgress);

    credential = filled_credential();
    CHECK(credential_status(credential) == CredentialStatus::ReadyToSubmit);
    REQUIRE(set_answer(credential, "reflection-next", words(251)).ok);
    CHECK(credential_status(credential) == CredentialStatus::InProgress);
    CHECK(std::string(credential_status_label(CredentialStatus::ReadyToSubmit)) == "Ready to submit");
}

TEST_CASE("after submitting, the rounds decide: Submitted, Not yet, Resubmitted, Earned")
{
    Credential credential = filled_credential();
    credential.rounds.push_back(round_of(1));
    CHECK(credential_status(credential) == CredentialStatus::Submitted);
    credential.rounds[0].review = review_of(credential.rounds[0], ReviewDecision::NotYet);
    CHECK(credential_status(credential) == CredentialStatus::NotYet);
    credential.rounds.push_back(round_of(2));
    CHECK(credential_status(credential) == CredentialStatus::Resubmitted);
    credential.rounds[1].review = review_of(credential.rounds[1], ReviewDecision::Earned);
    CHECK(credential_status(credential) == CredentialStatus::Earned);
}

TEST_CASE("the status machine allows exactly the moves of the loop, each with its reason")
{
    using S = CredentialStatus;
    const S all[] = {S::NotStarted, S::InProgress, S::ReadyToSubmit, S::Submitted, S::NotYet, S::Resubmitted, S::Earned};
    const std::pair<S, S> allowed[] = {
        {S::NotStarted, S::InProgress},  {S::NotStarted, S::ReadyToSubmit}, {S::InProgress, S::ReadyToSubmit},
        {S::ReadyToSubmit, S::InProgress}, {S::ReadyToSubmit, S::Submitted}, {S::Submitted, S::NotYet},
        {S::Submitted, S::Earned},        {S::NotYet, S::Resubmitted},      {S::Resubmitted, S::NotYet},
        {S::Resubmitted, S::Earned},
    };
    for (S from : all)
        for (S to : all) {
            bool expected = false;
            for (const auto& [a, b] : allowed)
                expected = expected || (a == from && b == to);
            const TransitionCheck check = check_transition(from, to);
            CAPTURE(credential_status_label(from));
            CAPTURE(credential_status_label(to));
            CHECK(check.allowed == expected);
            CHECK_FALSE(check.why.empty());
        }
    CHECK(check_transition(S::Earned, S::NotYet).why == "An earned micro-credential is final.");
    CHECK(contains(check_transition(S::InProgress, S::Submitted).why, "passes the self-check"));
}

TEST_CASE("work waiting for its review, or earned, cannot change; after a not yet it can")
{
    Credential credential = filled_credential();
    credential.rounds.push_back(round_of(1));
    const EditResult locked = set_answer(credential, "overview-approach", "Changed.");
    CHECK_FALSE(locked.ok);
    CHECK(contains(locked.error, "waiting for its review"));
    CHECK_FALSE(add_evidence(credential, "evidence-plan", text_entry("e9", "More.")).ok);
    CHECK_FALSE(remove_evidence(credential, "evidence-plan", "e1").ok);
    CHECK(credential.answers.at("overview-approach") != "Changed.");

    credential.rounds[0].review = review_of(credential.rounds[0], ReviewDecision::NotYet);
    CHECK(set_answer(credential, "overview-approach", "Revised.").ok);

    credential.rounds.push_back(round_of(2));
    credential.rounds[1].review = review_of(credential.rounds[1], ReviewDecision::Earned);
    CHECK(contains(set_answer(credential, "overview-approach", "Again.").error, "earned"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Answers and evidence
//-------------------------------------------------------------------------------------------------

TEST_CASE("evidence of a kind the item does not take is refused, saying what it takes")
{
    Credential credential = credential_from_doc(new_credential_document());
    EvidenceEntry item;
    item.id = "e1";
    item.kind = EvidenceKind::Item;
    item.item = journey_document();
    const EditResult result = add_evidence(credential, "evidence-student-work", item);
    CHECK_FALSE(result.ok);
    CHECK(result.error == "Evidence 2, student work, takes an image, a link or text, not a Wayfinder item.");
    CHECK(credential.evidence["evidence-student-work"].empty());
}

TEST_CASE("a link is stored as typed only when it is a web address")
{
    Credential credential = credential_from_doc(new_credential_document());
    EvidenceEntry link;
    link.id = "e1";
    link.kind = EvidenceKind::Link;
    link.url = "our shared drive";
    const EditResult refused = add_evidence(credential, "evidence-space", link);
    CHECK_FALSE(refused.ok);
    CHECK(contains(refused.error, "https://"));
    link.url = "https://example.org/makerspace?tab=photos";
    CHECK(add_evidence(credential, "evidence-space", link).ok);
    CHECK(credential.evidence["evidence-space"].front().url == link.url);
}

TEST_CASE("an image that is too large or not a picture type is refused with its size or type")
{
    Credential credential = credential_from_doc(new_credential_document());
    const EditResult large = add_evidence(credential, "evidence-space", image_entry("e1", "blob:1", kMaxEvidenceImageBytes + 1));
    CHECK_FALSE(large.ok);
    CHECK(contains(large.error, "too large"));
    EvidenceEntry gif = image_entry("e2", "blob:2", 100);
    gif.image.mime = "image/gif";
    CHECK(contains(add_evidence(credential, "evidence-space", gif).error, "“image/gif”"));
    CHECK(add_evidence(credential, "evidence-space", image_entry("e3", "blob:3", kMaxEvidenceImageBytes)).ok);
}

TEST_CASE("a Wayfinder item is attached as its shared copy: a private continuum is left out")
{
    Credential credential = credential_from_doc(new_credential_document());
    EvidenceEntry item;
    item.id = "e1";
    item.kind = EvidenceKind::Item;
    item.item = journey_document();
    REQUIRE_FALSE(item.item["continuum"]["phrases"].empty());
    REQUIRE(add_evidence(credential, "evidence-collaboration", item).ok);
    const json& attached = credential.evidence["evidence-collaboration"].front().item;
    CHECK(attached["type"] == kJourneyType);
    CHECK(attached["continuum"]["phrases"].empty());
    CHECK_FALSE(attached["research"]["venn"].empty());
}

TEST_CASE("an evidence item takes at most twelve pieces")
{
    Credential credential = credential_from_doc(new_credential_document());
    for (size_t i = 0; i < kMaxEntriesPerEvidenceItem; i++)
        REQUIRE(add_evidence(credential, "evidence-plan", text_entry("e" + std::to_string(i), "Step.")).ok);
    const EditResult full = add_evidence(credential, "evidence-plan", text_entry("e99", "One more."));
    CHECK_FALSE(full.ok);
    CHECK(contains(full.error, "remove one first"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Word counts
//-------------------------------------------------------------------------------------------------

TEST_CASE("each answer's words are counted against its limit, overview first, then reflection")
{
    Credential credential = credential_from_doc(new_credential_document());
    REQUIRE(set_answer(credential, "reflection-learning", words(312)).ok);
    REQUIRE(set_answer(credential, "overview-approach", "Students film well-being stories — in Spanish, too.").ok);
    const std::vector<AnswerCount> counts = answer_counts(credential);
    REQUIRE(counts.size() == 5);
    CHECK(counts[0].name == "Overview 1");
    CHECK(counts[0].words == 7);
    CHECK(counts[0].limit == 300);
    CHECK_FALSE(counts[0].over());
    CHECK(counts[2].name == "Reflection 1");
    CHECK(counts[2].words == 312);
    CHECK(counts[2].over());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The self-check
//-------------------------------------------------------------------------------------------------

TEST_CASE("the self-check passes when everything each rubric row judges is there and within limits")
{
    const SelfCheck check = self_check(filled_credential());
    CHECK(check.ready());
    CHECK(check.rows.size() == creators_pack().rubric.size());
    for (const SelfCheckRow& r : check.rows)
        CHECK(r.messages.empty());
}

TEST_CASE("the self-check names missing evidence and answers over their limit, row by row")
{
    Credential credential = filled_credential();
    credential.evidence["evidence-student-work"].clear();
    credential.answers["reflection-learning"] = words(312);
    credential.answers["reflection-next"] = words(251);
    credential.answers["overview-setting"] = "  \n";

    const SelfCheck check = self_check(credential);
    CHECK_FALSE(check.ready());
    const SelfCheckRow& student_work = row(check, "criterion-student-work");
    CHECK_FALSE(student_work.ready);
    CHECK(student_work.messages == std::vector<std::string>{"Evidence 2, student work, has nothing attached yet.",
                                                            "Reflection 1 is 312 words; the limit is 300."});
    CHECK(row(check, "criterion-reflection").messages == std::vector<std::string>{"Reflection 3 is 251 words; the limit is 250."});
    CHECK(row(check, "criterion-approach").messages == std::vector<std::string>{"Overview 2 has no answer yet."});
    CHECK(row(check, "criterion-space").ready);
}

TEST_CASE("evidence that is all private does not count, since a submission leaves it out")
{
    Credential credential = filled_credential();
    credential.evidence["evidence-plan"].front().is_private = true;
    const SelfCheck check = self_check(credential);
    const SelfCheckRow& plan = row(check, "criterion-process");
    CHECK_FALSE(plan.ready);
    REQUIRE(plan.messages.size() == 1);
    CHECK(contains(plan.messages[0], "Evidence 1, lesson or project plan, holds only private pieces"));

    credential.evidence["evidence-plan"].push_back(text_entry("e8", "A shareable outline."));
    CHECK(row(self_check(credential), "criterion-process").ready);
}

TEST_CASE("evidence of a kind the pack no longer takes is named by the self-check")
{
    Credential credential = filled_credential();
    EvidenceEntry link;
    link.id = "e5";
    link.kind = EvidenceKind::Link;
    link.url = "https://example.org";
    credential.evidence["evidence-student-work"] = {link};
    credential.pack.evidence[1].kinds = {EvidenceKind::Image};
    const SelfCheck check = self_check(credential);
    const SelfCheckRow& r = row(check, "criterion-student-work");
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0] == "Evidence 2, student work, holds a link, which it does not take; it takes an image.");
}
