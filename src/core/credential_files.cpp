// [SECTION] Base64 (images inside a submission)
// [SECTION] Reading a file's envelope
// [SECTION] Submitting
// [SECTION] Reading a submission
// [SECTION] The review file
// [SECTION] Attaching a review
// [SECTION] Reviews I wrote

#include "core/credential_files.hpp"

#include "core/file_size_text.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"
#include "core/sha256.hpp"
#include "core/text_stats.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>

namespace wf {

using nlohmann::json;

namespace {

constexpr int kFileVersion = 1; // of the submission and review files alike

//-------------------------------------------------------------------------------------------------
// [SECTION] Base64 (images inside a submission)
//-------------------------------------------------------------------------------------------------

// The standard alphabet with padding, as a data: URL takes it, so a printed submission can show the
// image as it is.
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

} // namespace

std::string base64_encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        uint32_t chunk = uint32_t(uint8_t(bytes[i])) << 16;
        if (n > 1)
            chunk |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        if (n > 2)
            chunk |= uint32_t(uint8_t(bytes[i + 2]));
        for (size_t k = 0; k < 4; k++)
            out += k <= n ? kBase64[(chunk >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

namespace {

// nullopt when `text` is not padded standard base64.
std::optional<std::string> base64_decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        uint32_t chunk = 0;
        int padding = 0;
        for (size_t k = 0; k < 4; k++) {
            const char c = text[i + k];
            const char* at = c ? std::strchr(kBase64, c) : nullptr;
            const bool pad_allowed = i + 4 == text.size() && k >= 2 && (c == '=') && (k == 3 || text[i + 3] == '=');
            if (pad_allowed) {
                padding++;
                chunk <<= 6;
            } else if (at && padding == 0) {
                chunk = (chunk << 6) | uint32_t(at - kBase64);
            } else {
                return std::nullopt;
            }
        }
        out += char(chunk >> 16);
        if (padding < 2)
            out += char((chunk >> 8) & 0xFF);
        if (padding < 1)
            out += char(chunk & 0xFF);
    }
    return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading a file's envelope
//-------------------------------------------------------------------------------------------------

// Compact, names sorted, bad UTF-8 replaced rather than aborting (the core has no exceptions).
std::string canonical_text(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// The parsed file, or the sentence that refuses it: `what` names the file ("submission").
bool read_envelope(std::string_view text, const ParseLimits& limits, const char* type, const char* what, json& out,
                   std::string& error)
{
    ParsedJson parsed = parse_json_limited(text, limits);
    if (!parsed.ok) {
        error = std::string("This ") + what + " cannot be opened. " + parsed.error;
        return false;
    }
    const std::string found = json_string(parsed.value, "type");
    if (found != type) {
        error = std::string("This is not a micro-credential ") + what + " (" +
                (found.empty() ? std::string("it does not say what it holds") : "it holds " + pack_reading::in_quotes(found)) +
                "). Choose the " + what + " file you were sent.";
        return false;
    }
    const json* version = json_field(parsed.value, "version");
    if (!version || !(version->is_number_unsigned() || version->is_number_integer()) || version->get<int64_t>() < 1) {
        error = std::string("This ") + what + " cannot be opened: its version is unreadable. Ask for a new copy.";
        return false;
    }
    if (version->get<uint64_t>() > uint64_t(kFileVersion)) {
        error = std::string("This ") + what + " was made by a newer Wayfinder (version " +
                std::to_string(version->get<uint64_t>()) + "; this Wayfinder reads up to version " +
                std::to_string(kFileVersion) + "). Reload Wayfinder while online to update it, then open the file again.";
        return false;
    }
    out = std::move(parsed.value);
    return true;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Submitting
//-------------------------------------------------------------------------------------------------

SubmitResult submit_refused(std::string why)
{
    SubmitResult result;
    result.error = std::move(why);
    return result;
}

// One piece of evidence as the submission carries it, or the reason it cannot be carried.
bool submitted_entry(const Credential& credential, const std::string& evidence_id, const EvidenceEntry& entry,
                     const BlobLookup& blobs, json& out, std::string& why)
{
    out = json::object();
    json_put(out, "id", entry.id);
    json_put(out, "kind", evidence_kind_name(entry.kind));
    json_put(out, "caption", entry.caption);
    switch (entry.kind) {
    case EvidenceKind::Text: json_put(out, "text", entry.text); break;
    case EvidenceKind::Link: json_put(out, "url", entry.url); break;
    case EvidenceKind::Item: json_put(out, "item", json(entry.item)); break;
    case EvidenceKind::Image: {
        const std::optional<std::string> bytes = blobs ? blobs(entry.image.blob_key) : std::nullopt;
        const std::string name = submission_piece_subject(credential.pack, evidence_id);
        if (!bytes) {
            why = (entry.caption.empty() ? std::string("An image") : "The image " + pack_reading::in_quotes(entry.caption)) +
                  " in " + name + " is no longer stored on this device; remove it and add it again, then submit.";
            return false;
        }
        if (bytes->size() > kMaxEvidenceImageBytes) {
            why = "An image in " + name + " is too large to submit (" + file_size_text(bytes->size()) + "; at most " +
                  file_size_text(kMaxEvidenceImageBytes) + "). Add a smaller copy.";
            return false;
        }
        json image = json::object();
        json_put(image, "mime", entry.image.mime);
        json_put(image, "width", entry.image.width);
        json_put(image, "height", entry.image.height);
        json_put(image, "size", json(bytes->size()));
        json_put(image, "data", base64_encode(*bytes));
        json_put(out, "image", std::move(image));
        break;
    }
    }
    return true;
}

} // namespace

SubmitResult submit_credential(json& credential_doc, const BlobLookup& blobs, const std::string& new_submission_id,
                               const std::string& submitted_at)
{
    Credential credential = credential_from_doc(credential_doc);
    if (!credential.pack_error.empty())
        return submit_refused("This micro-credential cannot be submitted: its copy of the pack cannot be read. (" +
                              credential.pack_error + ")");
    if (std::string why = why_not_editable(credential); !why.empty())
        return submit_refused(std::move(why));
    // What is left: Not started, In progress and Ready to submit submit; Not yet resubmits. Both need
    // the passing self-check that Ready to submit stands for.
    const bool resubmitting = credential_status(credential) == CredentialStatus::NotYet;
    const SelfCheck check = self_check(credential);
    if (!check.ready()) {
        // A pack that reads has rubric rows, so a self-check that is not ready has a row saying why.
        const auto row = std::find_if(check.rows.begin(), check.rows.end(), [](const SelfCheckRow& r) { return !r.ready; });
        return submit_refused("This micro-credential cannot be submitted yet: " +
                              pack_reading::lowercase_first(row->messages.front()) +
                              " The self-check lists everything still missing.");
    }
    if (is_blank(credential.candidate))
        return submit_refused("Add your name before you submit: the reviewer and the badge need to know whose work it is.");
    if (!resubmitting && is_blank(new_submission_id))
        return submit_refused("The submission needs an id.");

    const int round = int(credential.rounds.size()) + 1;
    const std::string submission_id = resubmitting ? credential.rounds.front().submission_id : new_submission_id;

    json answers = json::object();
    for (const auto* part : {&credential.pack.overview, &credential.pack.reflection})
        for (const CredentialQuestion& question : *part) {
            const auto found = credential.answers.find(question.id);
            answers[question.id] = found == credential.answers.end() ? std::string() : found->second;
        }
    json evidence = json::object();
    for (const EvidenceItem& item : credential.pack.evidence) {
        json pieces = json::array();
        const auto found = credential.evidence.find(item.id);
        if (found != credential.evidence.end())
            for (const EvidenceEntry& entry : found->second) {
                if (entry.is_private)
                    continue;
                json piece;
                std::string why;
                if (!submitted_entry(credential, item.id, entry, blobs, piece, why))
                    return submit_refused(std::move(why));
                pieces.push_back(std::move(piece));
            }
        evidence[item.id] = std::move(pieces);
    }
    json content = json::object();
    json_put(content, "submission_id", submission_id);
    json_put(content, "round", round);
    json_put(content, "submitted_at", submitted_at);
    json_put(content, "candidate", credential.candidate);
    json_put(content, "pack", credential_pack_to_json(credential.pack));
    json_put(content, "answers", std::move(answers));
    json_put(content, "evidence", std::move(evidence));
    json_put(content, "resubmission_note", round > 1 ? credential.resubmission_note : std::string());

    SubmitResult result;
    result.hash = sha256_hex(canonical_text(content));
    json file = json::object();
    json_put(file, "type", kSubmissionFileType);
    json_put(file, "version", kFileVersion);
    json_put(file, "hash", result.hash);
    json_put(file, "content", std::move(content));
    result.file_text = file.dump(2, ' ', false, json::error_handler_t::replace);
    if (result.file_text.size() > kMaxSubmissionBytes)
        return submit_refused("This submission is too large to send (" + file_size_text(result.file_text.size()) +
                              "; at most " + file_size_text(kMaxSubmissionBytes) + "). Use fewer or smaller images.");
    result.ok = true;
    result.submission_id = submission_id;
    result.round = round;

    CredentialRound recorded;
    recorded.number = round;
    recorded.submission_id = submission_id;
    recorded.hash = result.hash;
    recorded.submitted_at = submitted_at;
    credential.rounds.push_back(std::move(recorded));
    credential_write(credential_doc, credential);
    return result;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading a submission
//-------------------------------------------------------------------------------------------------

namespace {

SubmissionRead submission_refused(std::string why)
{
    SubmissionRead read;
    read.error = std::move(why);
    return read;
}

constexpr const char* kAskAgain = " Ask the candidate to send the submission file again.";

bool read_piece(const json& value, SubmittedEvidence& piece)
{
    if (!evidence_entry_from_json(value, piece.entry))
        return false;
    piece.entry.image = {};
    if (piece.entry.kind != EvidenceKind::Image)
        return true;
    const json* image = json_field(value, "image");
    if (!image || !image->is_object())
        return false;
    const std::optional<std::string> bytes = base64_decode(json_string(*image, "data"));
    if (!bytes || bytes->empty() || bytes->size() > kMaxEvidenceImageBytes)
        return false;
    piece.image_data = *bytes;
    json_read_string(*image, "mime", piece.entry.image.mime);
    piece.entry.image.size = bytes->size();
    piece.entry.image.width = int(json_number(*image, "width").value_or(0));
    piece.entry.image.height = int(json_number(*image, "height").value_or(0));
    return true;
}

} // namespace

SubmissionRead read_submission(std::string_view text, const ParseLimits& limits)
{
    json file;
    std::string error;
    if (!read_envelope(text, limits, kSubmissionFileType, "submission", file, error))
        return submission_refused(std::move(error));
    const json* content = json_field(file, "content");
    const std::string hash = json_string(file, "hash");
    if (!content || !content->is_object() || hash.empty())
        return submission_refused(std::string("This submission is incomplete: it has no content or no fingerprint.") + kAskAgain);
    if (sha256_hex(canonical_text(*content)) != hash)
        return submission_refused(std::string("This submission was changed after it was submitted: its content no longer "
                                              "matches its fingerprint, so it cannot be reviewed as it was sent.") + kAskAgain);

    Submission submission;
    submission.hash = hash;
    json_read_string(*content, "submission_id", submission.submission_id);
    json_read_string(*content, "submitted_at", submission.submitted_at);
    json_read_string(*content, "candidate", submission.candidate);
    json_read_string(*content, "resubmission_note", submission.resubmission_note);
    const std::optional<double> round = json_number(*content, "round");
    submission.round = round && *round >= 1 && *round <= 1000 ? int(*round) : 0;
    if (submission.submission_id.empty() || submission.round == 0)
        return submission_refused(std::string("This submission does not say which submission or round it is.") + kAskAgain);
    const json* pack = json_field(*content, "pack");
    CredentialPackLoad load = pack ? credential_pack_from_json(*pack) : CredentialPackLoad{};
    if (!load.ok)
        return submission_refused("This submission's copy of the micro-credential cannot be read, so its rubric cannot be "
                                  "shown. (" + (pack ? load.error : std::string("It has none.")) + ")");
    submission.pack = std::move(load.pack);

    if (const json* answers = json_field(*content, "answers"); answers && answers->is_object())
        for (const auto& [id, answer] : answers->items())
            if (answer.is_string())
                submission.answers[id] = answer.get<std::string>();
    if (const json* evidence = json_field(*content, "evidence"); evidence && evidence->is_object())
        for (const auto& [id, pieces] : evidence->items()) {
            if (!pieces.is_array())
                continue;
            for (const json& value : pieces) {
                SubmittedEvidence piece;
                if (!read_piece(value, piece))
                    return submission_refused("A piece of evidence in " + submission_piece_subject(submission.pack, id) +
                                              " cannot be read." + kAskAgain);
                submission.evidence[id].push_back(std::move(piece));
            }
        }
    SubmissionRead read;
    read.ok = true;
    read.submission = std::move(submission);
    return read;
}

CredentialReview start_review(const Submission& submission, std::string reviewer, std::string reviewed_at)
{
    CredentialReview review;
    review.submission_id = submission.submission_id;
    review.round = submission.round;
    review.submission_hash = submission.hash;
    review.pack_id = submission.pack.id;
    review.pack_version = submission.pack.version;
    review.credential_title = submission.pack.title;
    review.candidate = submission.candidate;
    for (const RubricRow& row : submission.pack.rubric)
        review.rows.push_back({row.id, RowVerdict::NotYet, ""});
    review.reviewer = std::move(reviewer);
    review.reviewed_at = std::move(reviewed_at);
    return review;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The review file
//-------------------------------------------------------------------------------------------------

namespace {

// Whether the review scores every row of the rubric exactly once and nothing else; "" or why not.
std::string rubric_problem(const CredentialPack& pack, const CredentialReview& review)
{
    std::set<std::string> scored;
    for (const ReviewRow& row : review.rows) {
        if (!pack.find_row(row.row_id))
            return "The review scores a criterion (" + pack_reading::in_quotes(row.row_id) + ") that this micro-credential's "
                   "rubric does not have.";
        if (!scored.insert(row.row_id).second)
            return "The review scores the criterion " + pack_reading::in_quotes(pack.find_row(row.row_id)->criterion) + " twice.";
    }
    for (const RubricRow& row : pack.rubric)
        if (!scored.count(row.id))
            return "The review does not score the criterion " + pack_reading::in_quotes(row.criterion) + ".";
    return {};
}

} // namespace

ReviewFileResult review_file_text(const Submission& submission, const CredentialReview& review)
{
    ReviewFileResult result;
    json value = credential_review_to_json(review);
    CredentialReview checked;
    if (!credential_review_from_json(value, checked, result.error))
        return result;
    if (review.submission_id != submission.submission_id || review.round != submission.round ||
        review.submission_hash != submission.hash) {
        result.error = "This review is of another submission or round than the one open.";
        return result;
    }
    if (std::string problem = rubric_problem(submission.pack, review); !problem.empty()) {
        result.error = std::move(problem);
        return result;
    }
    json_put(value, "type", kReviewFileType);
    json_put(value, "version", kFileVersion);
    result.file_text = value.dump(2, ' ', false, json::error_handler_t::replace);
    result.ok = true;
    return result;
}

ReviewRead read_review_file(std::string_view text, const ParseLimits& limits)
{
    ReviewRead read;
    json file;
    if (!read_envelope(text, limits, kReviewFileType, "review", file, read.error))
        return read;
    std::string problem;
    if (!credential_review_from_json(file, read.review, problem)) {
        read.error = "This review cannot be used: " + pack_reading::lowercase_first(problem) +
                     " Ask the reviewer to export it again.";
        return read;
    }
    read.ok = true;
    return read;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Attaching a review
//-------------------------------------------------------------------------------------------------

namespace {

AttachResult attach_refused(std::string why) { return {false, std::move(why)}; }

bool same_review(const CredentialReview& a, const CredentialReview& b)
{
    return canonical_text(credential_review_to_json(a)) == canonical_text(credential_review_to_json(b));
}

} // namespace

AttachResult attach_review(json& credential_doc, const CredentialReview& review)
{
    Credential credential = credential_from_doc(credential_doc);
    if (credential.rounds.empty())
        return attach_refused("This micro-credential has not been submitted yet, so there is nothing for this review to "
                              "belong to.");
    CredentialRound& last = credential.rounds.back();
    if (review.submission_id != last.submission_id)
        return attach_refused("This review belongs to another submission" +
                              (review.candidate.empty() ? std::string() : " (by " + review.candidate + ")") +
                              ", not to this micro-credential. Open it in the Wayfinder where that work was submitted.");
    if (review.round < last.number)
        return attach_refused("This review is of round " + std::to_string(review.round) + ", an older round; you have "
                              "since resubmitted (round " + std::to_string(last.number) + "). Wait for the review of "
                              "your latest submission.");
    if (review.round > last.number)
        return attach_refused("This review is of round " + std::to_string(review.round) + ", but this micro-credential "
                              "has been submitted only " + std::to_string(last.number) + (last.number == 1 ? " time" : " times") +
                              ". It may belong to a copy of this work on another device.");
    if (review.submission_hash != last.hash)
        return attach_refused("This review is of a different version of round " + std::to_string(last.number) +
                              " than the one sent from here (the fingerprints differ). Ask the reviewer which file they reviewed.");
    if (!credential.pack_error.empty())
        return attach_refused("This micro-credential's copy of its pack cannot be read, so the review cannot be shown "
                              "beside it. (" + credential.pack_error + ")");
    if (std::string problem = rubric_problem(credential.pack, review); !problem.empty())
        return attach_refused(problem + " It does not fit this micro-credential.");
    if (last.review) {
        if (same_review(*last.review, review))
            return attach_refused("This review is already attached to round " + std::to_string(last.number) + ".");
        return attach_refused("Round " + std::to_string(last.number) + " already has a different review attached; a "
                              "round is reviewed once.");
    }
    last.review = review;
    credential_write(credential_doc, credential);
    return {true, {}};
}

AttachResult attach_review_file(json& credential_doc, std::string_view text)
{
    const ReviewRead read = read_review_file(text);
    if (!read.ok)
        return attach_refused(read.error);
    return attach_review(credential_doc, read.review);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reviews I wrote
//-------------------------------------------------------------------------------------------------

namespace {

void fill_reviews_written_defaults(json& doc)
{
    const json* reviews = json_field(doc, "reviews");
    if (!reviews || !reviews->is_array())
        doc["reviews"] = json::array();
}

} // namespace

const DocumentSchema& reviews_written_schema()
{
    // One list per workspace, so a whole key; the noun reads after "a": "Choose a list of reviews …".
    static const DocumentSchema schema{kReviewsWrittenType, "list of reviews you wrote", 1, {}, fill_reviews_written_defaults,
                                       "reviews-written"};
    return schema;
}

void record_written_review(json& reviews_doc, const CredentialReview& review)
{
    if (!reviews_doc.is_object())
        reviews_doc = new_document(reviews_written_schema());
    fill_reviews_written_defaults(reviews_doc);
    json& reviews = reviews_doc["reviews"];
    for (json& entry : reviews)
        if (json_string(entry, "submission_id") == review.submission_id &&
            json_number(entry, "round").value_or(0) == review.round) {
            entry = credential_review_to_json(review);
            return;
        }
    reviews.push_back(credential_review_to_json(review));
}

std::vector<CredentialReview> written_reviews(const json& reviews_doc)
{
    std::vector<CredentialReview> read;
    const json* reviews = json_field(reviews_doc, "reviews");
    if (!reviews || !reviews->is_array())
        return read;
    for (const json& entry : *reviews) {
        CredentialReview review;
        std::string problem;
        if (credential_review_from_json(entry, review, problem))
            read.push_back(std::move(review));
    }
    return read;
}

} // namespace wf
