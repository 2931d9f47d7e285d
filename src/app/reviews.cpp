// [SECTION] Opening a submission
// [SECTION] Drafts
// [SECTION] Marking
// [SECTION] Exporting and signing

#include "app/reviews.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "app/workbench.hpp"
#include "core/assessment.hpp"
#include "core/assessment_report.hpp"
#include "core/document_registry.hpp"
#include "core/journey.hpp"
#include "core/reflection_guide.hpp"
#include "core/did_key.hpp"
#include "core/json_fields.hpp"
#include "core/open_badge.hpp"
#include "core/sha256.hpp"
#include "core/text_stats.hpp"
#include "core/workspace_file.hpp"

namespace wf {

namespace {

std::string draft_key(const std::string& id) { return review_draft_schema().key + id; }

std::string round_words(const Submission& s) { return "round " + std::to_string(s.round); }

std::string whose(const Submission& s) { return s.candidate + "'s \"" + s.pack.title + "\""; }

// A uuid made from a hash rather than at random: the same review signed again names the same
// credential, and the earner keeps one id across rounds. Marked as RFC 9562's version 8 (custom).
std::string uuid_from_hash(std::string_view text)
{
    std::array<uint8_t, 32> bytes = sha256(text);
    bytes[6] = uint8_t((bytes[6] & 0x0F) | 0x80);
    bytes[8] = uint8_t((bytes[8] & 0x3F) | 0x80);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string uuid;
    for (size_t i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
        uuid += kDigits[bytes[i] >> 4];
        uuid += kDigits[bytes[i] & 15];
    }
    return uuid;
}

// What the badge says, from the submission and the review the reviewer is about to export.
BadgeFacts badge_facts(const Submission& s, const CredentialReview& review, const std::string& issuer_did,
                       const std::string& valid_from)
{
    BadgeFacts facts;
    facts.credential_uuid = uuid_from_hash("badge " + s.hash + " " + issuer_did);
    facts.achievement.id = "urn:wayfinder:credential:" + s.pack.id;
    facts.achievement.name = s.pack.title;
    facts.achievement.description = s.pack.competency;
    std::string criteria;
    for (const RubricRow& row : s.pack.rubric) criteria += (criteria.empty() ? "" : "; ") + row.criterion;
    facts.achievement.criteria_narrative = "A submission of overview answers, evidence and reflections, judged by a peer "
                                           "reviewer to meet every row of the public rubric: " + criteria + ".";
    facts.earner_name = s.candidate;
    facts.earner_id = "urn:uuid:" + uuid_from_hash("earner " + s.submission_id);
    facts.issuer_name = review.reviewer;
    facts.issuer_did = issuer_did;
    facts.valid_from = valid_from;
    facts.submission_sha256 = s.hash;
    facts.evidence_description = "Round " + std::to_string(s.round) + " of the submission, sent on " +
                                 s.submitted_at.substr(0, 10) + " and reviewed by " + review.reviewer + " on " +
                                 review.reviewed_at + ".";
    return facts;
}

// One line per attached Wayfinder item, as an import would describe it.
std::shared_ptr<const std::map<std::string, std::string>> item_lines(const Submission& s)
{
    auto lines = std::make_shared<std::map<std::string, std::string>>();
    for (const auto& [evidence_id, pieces] : s.evidence)
        for (const SubmittedEvidence& piece : pieces) {
            if (piece.entry.kind != EvidenceKind::Item) continue;
            const DocumentKind* kind = document_kind(json_string(piece.entry.item, "type"));
            std::vector<std::string> summary;
            if (kind && kind->describe_item) kind->describe_item(piece.entry.item, summary);
            std::string line;
            for (const std::string& part : summary) line += (line.empty() ? "" : " · ") + part;
            if (line.empty())
                line = kind ? std::string("A ") + kind->schema().noun : "A Wayfinder item this version cannot show";
            (*lines)[piece.entry.id] = std::move(line);
        }
    return lines;
}

const SubmittedEvidence* find_piece(const Submission& s, const std::string& entry_id)
{
    for (const auto& [evidence_id, pieces] : s.evidence)
        for (const SubmittedEvidence& piece : pieces)
            if (piece.entry.id == entry_id) return &piece;
    return nullptr;
}

} // namespace

// [SECTION] Opening a submission ------------------------------------------------------------------

void Reviews::open_submission_file(const std::string& name, std::string_view text) {
    const SubmissionRead read = read_submission(text);
    if (!read.ok) {
        wb_.notify(Notice::Kind::Error, "\"" + name + "\" was not opened. " + read.error);
        return;
    }
    const Submission& s = read.submission;
    const std::string key = review_draft_key(s.submission_id, s.round);
    const std::string id = key.substr(std::strlen(review_draft_schema().key));
    if (wb_.document(key)) {
        const std::shared_ptr<const Open> open = draft(id);
        if (open && open->submission && open->submission->hash != s.hash) {
            wb_.notify(Notice::Kind::Error, "\"" + name + "\" was not opened: you are already reviewing " + round_words(s) +
                       " of " + whose(s) + ", from a file with different content. Ask " + s.candidate +
                       " which file is the one to review; to review this one instead, remove the review in progress first.");
            return;
        }
        opened_ = id;
        wb_.notify(Notice::Kind::Info, "You are already reviewing " + round_words(s) + " of " + whose(s) +
                   ". It is open where you left it.");
        return;
    }
    wb_.update_document(key, new_review_draft_doc(std::string(text), wb_.profile().name, wb_.now_iso()),
                        "Open a submission to review");
    opened_ = id;
    wb_.notify(Notice::Kind::Success, "Opened " + whose(s) + " (" + round_words(s) + ") to review. It is kept apart "
               "from your own work, and your marks are saved as you go.");
}

std::string Reviews::take_opened() { return std::exchange(opened_, std::string()); }

// [SECTION] Drafts --------------------------------------------------------------------------------

std::vector<std::string> Reviews::draft_ids() const {
    const std::string prefix = review_draft_schema().key;
    std::vector<std::pair<std::string, std::string>> found; // opened_at, id
    for (const std::string& key : wb_.keys_with_prefix(prefix))
        if (const nlohmann::json* doc = wb_.document(key))
            found.emplace_back(json_string(*doc, "opened_at"), key.substr(prefix.size()));
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> ids;
    for (auto& [opened, id] : found) ids.push_back(std::move(id));
    return ids;
}

// Read once per revision. The submission inside never changes after opening, so a new revision reuses
// the one already read (its images decoded and its fingerprint checked once).
std::shared_ptr<const Reviews::Open> Reviews::draft(const std::string& id) {
    const std::string key = draft_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) {
        drafts_.erase(key);   // a removed draft's submission, images and all, is not kept in memory
        return nullptr;
    }
    Cached& cached = drafts_[key];
    const uint64_t revision = wb_.document_revision(key);
    if (cached.open && cached.revision == revision) return cached.open;
    auto open = std::make_shared<Open>();
    open->id = id;
    open->draft = review_draft_from_doc(*doc);
    if (cached.open && cached.open->submission && cached.open->draft.submission_text == open->draft.submission_text) {
        open->submission = cached.open->submission;
        open->items = cached.open->items;
    } else {
        SubmissionRead read = read_submission(open->draft.submission_text);
        if (read.ok) {
            open->submission = std::make_shared<const Submission>(std::move(read.submission));
            open->items = item_lines(*open->submission);
        } else {
            open->problem = read.error;
        }
    }
    if (open->submission) {
        open->review = draft_review(open->draft, *open->submission);
        open->all_meet = every_row_meets(open->draft, *open->submission);
    }
    cached.revision = revision;
    cached.open = std::move(open);
    return cached.open;
}

void Reviews::remove(const std::string& id) {
    const std::shared_ptr<const Open> open = draft(id);
    if (!open) return;
    wb_.remove_document(draft_key(id), "Remove the review");
    wb_.notify(Notice::Kind::Success, open->submission ? "Removed the review of " + whose(*open->submission) + ". Undo brings it back."
                                                       : "Removed the review. Undo brings it back.");
}

bool Reviews::item_has_page(const nlohmann::json& item) {
    const std::string type = json_string(item, "type");
    return type == kJourneyType || type == kAssessmentType;
}

void Reviews::save_item_page(const std::string& id, const std::string& entry_id) {
    const std::shared_ptr<const Open> open = draft(id);
    const SubmittedEvidence* piece = open && open->submission ? find_piece(*open->submission, entry_id) : nullptr;
    if (!piece || !item_has_page(piece->entry.item)) return;
    const Submission& s = *open->submission;
    const nlohmann::json& item = piece->entry.item;
    std::string html, what;
    if (json_string(item, "type") == kJourneyType) {
        html = reflection_guide_html(journey_from_doc(item), s.candidate);
        what = "reflection guide ";
    } else {
        Profile candidate;
        candidate.name = s.candidate;
        html = assessment_summary_html(assessment_from_doc(item), candidate, {});
        what = "self-assessment ";
    }
    const std::string name = export_file_name(what + s.candidate, wb_.today(), "html");
    wb_.download_text(name, "text/html", html);
    wb_.notify(Notice::Kind::Success, "Saved " + name + ": open it in your browser to read or print it.");
}

std::vector<CredentialReview> Reviews::written() const {
    const nlohmann::json* doc = wb_.document(reviews_written_schema().key);
    return doc ? written_reviews(*doc) : std::vector<CredentialReview>{};
}

// [SECTION] Marking -------------------------------------------------------------------------------

void Reviews::edit_with(const std::string& id, const std::string& label, const std::string& coalesce, const void* change,
                        void (*call)(const void* change, ReviewDraft& d)) {
    const std::string key = draft_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) return;
    ReviewDraft next = review_draft_from_doc(*doc);
    if (next.exported()) {
        wb_.notify(Notice::Kind::Info, "This review was exported on " + next.exported_at.substr(0, 10) +
                   " and is kept as it was sent. Export it again to get the same file.");
        return;
    }
    call(change, next);
    nlohmann::json updated = *doc;
    review_draft_write(updated, next);
    wb_.update_document(key, std::move(updated), label, coalesce.empty() ? "" : key + "." + coalesce);
}

void Reviews::set_reviewer(const std::string& id, const std::string& name) {
    edit(id, "Edit your name as reviewer", "reviewer", [&](ReviewDraft& d) { d.reviewer = name; });
}

void Reviews::set_verdict(const std::string& id, const std::string& row_id, RowVerdict verdict) {
    edit(id, verdict == RowVerdict::Meets ? "Mark a criterion as met" : "Mark a criterion as not yet", "", [&](ReviewDraft& d) {
        ReviewRow& row = d.rows[row_id];
        row.row_id = row_id;
        row.verdict = verdict;
        if (verdict == RowVerdict::NotYet && d.decision == ReviewDecision::Earned) d.decision = ReviewDecision::NotYet;
    });
}

void Reviews::set_comment(const std::string& id, const std::string& row_id, const std::string& comment) {
    edit(id, "Edit a comment", "comment." + row_id, [&](ReviewDraft& d) {
        ReviewRow& row = d.rows[row_id];
        row.row_id = row_id;
        row.comment = comment;
    });
}

void Reviews::set_feedback(const std::string& id, const std::string& feedback) {
    edit(id, "Edit the feedback", "feedback", [&](ReviewDraft& d) { d.feedback = feedback; });
}

void Reviews::set_decision(const std::string& id, ReviewDecision decision) {
    const std::shared_ptr<const Open> open = draft(id);
    if (!open) return;
    if (decision == ReviewDecision::Earned && !open->all_meet) {
        wb_.notify(Notice::Kind::Error, "Earned needs every criterion marked \"Meets\". Mark the others first, or choose Not yet.");
        return;
    }
    edit(id, decision == ReviewDecision::Earned ? "Decide: earned" : "Decide: not yet", "",
         [&](ReviewDraft& d) { d.decision = decision; });
}

// [SECTION] Exporting and signing -----------------------------------------------------------------

void Reviews::export_failed(const std::string& why) {
    exporting_.clear();
    wb_.notify(Notice::Kind::Error, "The review was not exported: " + why);
}

void Reviews::export_review(const std::string& id) {
    if (exporting()) return;
    const std::shared_ptr<const Open> open = draft(id);
    if (!open) return;
    if (!open->submission) {
        wb_.notify(Notice::Kind::Error, "This review cannot be exported: its submission can no longer be read. " + open->problem);
        return;
    }
    if (open->draft.exported()) {
        finish_export(id, open->review);
        return;
    }
    if (is_blank(open->draft.reviewer)) {
        wb_.notify(Notice::Kind::Error, "Add your name as the reviewer first: " + open->submission->candidate +
                   " and the badge need to know who reviewed the work.");
        return;
    }
    size_t unmarked = 0;
    for (const RubricRow& row : open->submission->pack.rubric) unmarked += open->draft.rows.count(row.id) ? 0 : 1;
    if (unmarked > 0) {
        wb_.notify(Notice::Kind::Error, "Mark every criterion Meets or Not yet first: " + std::to_string(unmarked) +
                   (unmarked == 1 ? " is" : " are") + " not marked yet.");
        return;
    }
    if (!open->draft.decision) {
        wb_.notify(Notice::Kind::Error, "Choose a decision first: Earned or Not yet.");
        return;
    }
    CredentialReview review = open->review;
    review.reviewed_at = wb_.today();
    // Checked before anything is signed: a key never signs a review its file could not carry.
    if (const ReviewFileResult check = review_file_text(*open->submission, review); !check.ok) {
        wb_.notify(Notice::Kind::Error, "The review was not exported: " + check.error);
        return;
    }
    if (review.decision == ReviewDecision::NotYet) {
        finish_export(id, review);
        return;
    }
    exporting_ = id;
    wb_.load_signing_key(true, [this, id, review](const std::string& public_key, const std::string& problem) {
        if (!problem.empty() || public_key.size() != 32) {
            export_failed(problem.empty() ? "this browser could not make a key to sign the badge with. Try again; if it "
                                            "keeps failing, try another browser."
                                          : problem);
            return;
        }
        sign_and_finish(id, review, public_key);
    });
}

void Reviews::sign_and_finish(const std::string& id, CredentialReview review, const std::string& public_key) {
    const std::shared_ptr<const Open> open = draft(id);
    if (!open || !open->submission) {
        exporting_.clear();   // removed while the key was loading: nothing to export
        return;
    }
    Ed25519PublicKey key{};
    std::copy(public_key.begin(), public_key.end(), key.begin());
    const BadgeSigningInput input =
        badge_signing_input(badge_facts(*open->submission, review, did_key_from_ed25519(key), wb_.now_iso()));
    if (!input.ok) {
        export_failed("the badge could not be put together (" + input.error + ").");
        return;
    }
    wb_.sign(input.signing_input, [this, id, review, signing_input = input.signing_input](
                                      const std::string& signature, const std::string& problem) mutable {
        if (!problem.empty() || signature.size() != 64) {
            export_failed(problem.empty() ? "this browser could not sign the badge. Try again." : problem);
            return;
        }
        Ed25519Signature bytes{};
        std::copy(signature.begin(), signature.end(), bytes.begin());
        review.signed_credential = compact_jws(signing_input, bytes);
        finish_export(id, review);
    });
}

void Reviews::finish_export(const std::string& id, const CredentialReview& review) {
    exporting_.clear();
    const std::shared_ptr<const Open> open = draft(id);
    if (!open || !open->submission) return;
    const Submission& s = *open->submission;
    const ReviewFileResult file = review_file_text(s, review);
    if (!file.ok) {
        export_failed(file.error);
        return;
    }
    const std::string name = export_file_name("review " + s.candidate + " round " + std::to_string(s.round), wb_.today(), "json");
    wb_.download_text(name, "application/json", file.file_text);
    if (!open->draft.exported()) {
        const std::string list_key = reviews_written_schema().key;
        const nlohmann::json* list = wb_.document(list_key);
        nlohmann::json reviews = list ? *list : new_document(reviews_written_schema());
        record_written_review(reviews, review);
        wb_.update_document(list_key, std::move(reviews), "Keep the review in your list");
        ReviewDraft done = open->draft;
        done.exported_at = wb_.now_iso();
        done.reviewed_at = review.reviewed_at;
        done.signed_credential = review.signed_credential;
        nlohmann::json updated = *wb_.document(draft_key(id));
        review_draft_write(updated, done);
        wb_.update_document(draft_key(id), std::move(updated), "Export the review");
    }
    const bool earned = review.decision == ReviewDecision::Earned;
    wb_.notify(Notice::Kind::Success, "Saved " + name + ". Send it to " + s.candidate + ": opening it in their Wayfinder shows "
               "your feedback" + (earned ? std::string(" and gives them the badge, signed by you.") : "."));
}

} // namespace wf
