// [SECTION] The pack and the credentials
// [SECTION] Answers
// [SECTION] Evidence
// [SECTION] Submitting
// [SECTION] The review and the badge

#include "app/credentials.hpp"

#include <algorithm>

#include "app/lets_talk.hpp"
#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "core/credential_files.hpp"
#include "core/credential_report.hpp"
#include "core/document_registry.hpp"
#include "core/iso_date.hpp"
#include "core/json_fields.hpp"
#include "core/workspace_file.hpp"

namespace wf {

namespace {
const std::string kCredentialPrefix = "credential:";

EvidenceEntry* find_entry(Credential& c, const std::string& evidence_id, const std::string& entry_id) {
    auto found = c.evidence.find(evidence_id);
    if (found == c.evidence.end()) return nullptr;
    for (EvidenceEntry& entry : found->second)
        if (entry.id == entry_id) return &entry;
    return nullptr;
}

const EditResult kGone{false, "That evidence is no longer attached."};
} // namespace

// [SECTION] The pack and the credentials ---------------------------------------------------------

const CredentialPack* Credentials::pack() {
    if (!pack_parsed_) {
        pack_parsed_ = true;
        if (pack_text_) {
            CredentialPackLoad load = load_credential_pack(pack_text_);
            pack_ok_ = load.ok;
            pack_ = std::move(load.pack);
        }
    }
    return pack_ok_ ? &pack_ : nullptr;
}

std::vector<std::string> Credentials::credential_ids() const {
    std::vector<std::string> ids;
    for (const std::string& key : wb_.keys_with_prefix(kCredentialPrefix)) ids.push_back(key.substr(kCredentialPrefix.size()));
    std::reverse(ids.begin(), ids.end());   // ids begin with their creation time
    return ids;
}

std::string Credentials::current_id() const {
    const std::vector<std::string> keys = wb_.keys_with_prefix(kCredentialPrefix);
    return keys.empty() ? std::string() : keys.back().substr(kCredentialPrefix.size());
}

// Read once per revision: the view asks every frame.
std::shared_ptr<const Credential> Credentials::credential(const std::string& id) {
    const std::string key = credential_key(id);
    const nlohmann::json* doc = wb_.document(key);
    if (!doc) return nullptr;
    Cached& cached = credentials_[key];
    const uint64_t revision = wb_.document_revision(key);
    if (cached.credential && cached.revision == revision) return cached.credential;
    cached.revision = revision;
    cached.credential = std::make_shared<const Credential>(credential_from_doc(*doc));
    return cached.credential;
}

CredentialStatus Credentials::current_status() {
    const std::shared_ptr<const Credential> c = credential(current_id());
    return c ? credential_status(*c) : CredentialStatus::NotStarted;
}

std::string Credentials::start() {
    const CredentialPack* p = pack();
    if (!p) return "";
    const std::string id = wb_.new_id();
    wb_.update_document(credential_key(id), new_credential_doc(*p, id, wb_.profile().name, wb_.now_iso()),
                        "Start the micro-credential");
    return id;
}

bool Credentials::edit_with(const std::string& id, const std::string& label, const std::string& coalesce,
                            const void* change, EditResult (*call)(const void* change, Credential& c)) {
    const std::shared_ptr<const Credential> current = credential(id);
    const nlohmann::json* doc = current ? wb_.document(credential_key(id)) : nullptr;
    if (!doc) return false;
    Credential next = *current;
    const EditResult result = call(change, next);
    if (!result.ok) {
        wb_.notify(Notice::Kind::Error, result.error);
        return false;
    }
    nlohmann::json updated = *doc;
    credential_write(updated, next);
    wb_.update_document(credential_key(id), std::move(updated), label,
                        coalesce.empty() ? "" : credential_key(id) + "." + coalesce);
    return true;
}

// [SECTION] Answers --------------------------------------------------------------------------------

void Credentials::set_candidate(const std::string& id, const std::string& name) {
    edit(id, "Edit your name on the micro-credential", "candidate", [&](Credential& c) {
        if (std::string why = why_not_editable(c); !why.empty()) return EditResult{false, why};
        c.candidate = name;
        return EditResult{true, {}};
    });
}

void Credentials::set_answer(const std::string& id, const std::string& question_id, const std::string& text) {
    edit(id, "Edit an answer", "answer." + question_id, [&](Credential& c) { return wf::set_answer(c, question_id, text); });
}

void Credentials::set_resubmission_note(const std::string& id, const std::string& text) {
    edit(id, "Edit what changed", "resubmission_note", [&](Credential& c) {
        if (std::string why = why_not_editable(c); !why.empty()) return EditResult{false, why};
        c.resubmission_note = text;
        return EditResult{true, {}};
    });
}

// [SECTION] Evidence -------------------------------------------------------------------------------

std::string Credentials::add_entry(const std::string& id, const std::string& evidence_id, EvidenceEntry entry,
                                   const char* label) {
    entry.id = wb_.new_id();
    const std::string entry_id = entry.id;
    const bool added = edit(id, label, "", [&](Credential& c) { return add_evidence(c, evidence_id, std::move(entry)); });
    return added ? entry_id : "";
}

std::string Credentials::add_text(const std::string& id, const std::string& evidence_id, const std::string& caption,
                                  const std::string& text) {
    EvidenceEntry entry;
    entry.kind = EvidenceKind::Text;
    entry.caption = caption;
    entry.text = text;
    return add_entry(id, evidence_id, std::move(entry), "Add text evidence");
}

std::string Credentials::add_link(const std::string& id, const std::string& evidence_id, const std::string& caption,
                                  const std::string& url) {
    EvidenceEntry entry;
    entry.kind = EvidenceKind::Link;
    entry.caption = caption;
    // Trimmed: a link pasted from an address bar often brings a space or a line break along.
    const size_t first = url.find_first_not_of(" \t\r\n"), last = url.find_last_not_of(" \t\r\n");
    entry.url = first == std::string::npos ? "" : url.substr(first, last - first + 1);
    return add_entry(id, evidence_id, std::move(entry), "Add a link");
}

std::string Credentials::add_item(const std::string& id, const std::string& evidence_id, const std::string& caption,
                                  const std::string& document_key) {
    const nlohmann::json* doc = wb_.document(document_key);
    if (!doc) {
        wb_.notify(Notice::Kind::Error, "That item is no longer in your workspace.");
        return "";
    }
    EvidenceEntry entry;
    entry.kind = EvidenceKind::Item;
    entry.caption = caption;
    entry.item = *doc;   // add_evidence keeps its shared copy only
    return add_entry(id, evidence_id, std::move(entry), "Attach a Wayfinder item");
}

std::string Credentials::add_stored_image(const std::string& id, const std::string& evidence_id,
                                          const std::string& caption, const StoredImage& image) {
    if (!image.ok) {
        wb_.notify(Notice::Kind::Error, image.problem.empty() ? "That picture could not be added." : image.problem);
        return "";
    }
    EvidenceEntry entry;
    entry.kind = EvidenceKind::Image;
    entry.caption = caption;
    entry.image = EvidenceImage{image.blob_key, image.size, image.mime, image.width, image.height};
    const std::string entry_id = add_entry(id, evidence_id, std::move(entry), "Add a picture");
    if (entry_id.empty()) wb_.remove_blob(image.blob_key);
    return entry_id;
}

void Credentials::choose_image(const std::string& id, const std::string& evidence_id, const std::string& caption) {
    wb_.choose_image([this, id, evidence_id, caption](const StoredImage& image) { add_stored_image(id, evidence_id, caption, image); });
}

void Credentials::set_caption(const std::string& id, const std::string& evidence_id, const std::string& entry_id,
                              const std::string& caption) {
    edit(id, "Edit a caption", "caption." + entry_id, [&](Credential& c) {
        if (std::string why = why_not_editable(c); !why.empty()) return EditResult{false, why};
        EvidenceEntry* entry = find_entry(c, evidence_id, entry_id);
        if (!entry) return kGone;
        entry->caption = caption;
        return EditResult{true, {}};
    });
}

void Credentials::set_private(const std::string& id, const std::string& evidence_id, const std::string& entry_id,
                              bool is_private) {
    edit(id, is_private ? "Keep evidence private" : "Share evidence", "", [&](Credential& c) {
        if (std::string why = why_not_editable(c); !why.empty()) return EditResult{false, why};
        EvidenceEntry* entry = find_entry(c, evidence_id, entry_id);
        if (!entry) return kGone;
        entry->is_private = is_private;
        return EditResult{true, {}};
    });
}

void Credentials::remove_evidence(const std::string& id, const std::string& evidence_id, const std::string& entry_id) {
    if (edit(id, "Remove evidence", "", [&](Credential& c) { return wf::remove_evidence(c, evidence_id, entry_id); }))
        wb_.notify(Notice::Kind::Success, "Removed the evidence. Undo brings it back.");
}

void Credentials::read_image(const std::string& blob_key, std::function<void(std::optional<std::string>)> done) {
    wb_.read_blob(blob_key, std::move(done));
}

std::vector<Credentials::Attachable> Credentials::attachable_items() {
    std::vector<Attachable> items;
    SelfAssessment& sa = wb_.self_assessment();
    for (const std::string& id : sa.assessment_ids())
        if (const std::shared_ptr<const Assessment> a = sa.assessment(id))
            items.push_back({assessment_key(id), "Self-assessment: " + sa.display_title(*a)});
    LetsTalk& lt = wb_.lets_talk();
    for (const std::string& id : lt.journey_ids())
        if (const std::shared_ptr<const Journey> j = lt.journey(id))
            items.push_back({journey_key(id), "Let's Talk journey: " + lt.display_name(*j)});
    return items;
}

// [SECTION] Submitting -----------------------------------------------------------------------------

// The core writes the file synchronously, but image bytes come from the platform one reply at a time:
// read every shared image first, then submit with what was read.
void Credentials::submit(const std::string& id) {
    const std::shared_ptr<const Credential> c = credential(id);
    if (!c || submitting_) return;
    std::vector<std::string> keys;
    for (const auto& [evidence_id, entries] : c->evidence)
        for (const EvidenceEntry& entry : entries)
            if (entry.kind == EvidenceKind::Image && !entry.is_private) keys.push_back(entry.image.blob_key);
    auto images = std::make_shared<std::map<std::string, std::string>>();
    if (keys.empty()) {
        finish_submit(id, *images);
        return;
    }
    submitting_ = true;
    auto left = std::make_shared<size_t>(keys.size());
    for (const std::string& key : keys)
        wb_.read_blob(key, [this, id, key, images, left](std::optional<std::string> bytes) {
            if (bytes) (*images)[key] = std::move(*bytes);
            if (--*left == 0) {
                submitting_ = false;
                finish_submit(id, *images);
            }
        });
}

void Credentials::finish_submit(const std::string& id, const std::map<std::string, std::string>& images) {
    const nlohmann::json* current = wb_.document(credential_key(id));
    if (!current) return;
    nlohmann::json doc = *current;
    const BlobLookup lookup = [&](const std::string& key) -> std::optional<std::string> {
        auto found = images.find(key);
        return found == images.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
    const SubmitResult result = submit_credential(doc, lookup, wb_.new_id(), wb_.now_iso());
    if (!result.ok) {
        wb_.notify(Notice::Kind::Error, result.error);
        return;
    }
    const bool resubmitted = result.round > 1;
    wb_.update_document(credential_key(id), std::move(doc), resubmitted ? "Resubmit the micro-credential" : "Submit the micro-credential");
    const std::string stem = "micro-credential submission round " + std::to_string(result.round);
    const std::string json_name = export_file_name(stem, wb_.today(), "json");
    wb_.download_text(json_name, "application/json", result.file_text);
    // The printable page is made from the file as the reviewer will read it, so both say the same.
    const SubmissionRead read = read_submission(result.file_text);
    if (read.ok) wb_.download_text(export_file_name(stem, wb_.today(), "html"), "text/html", submission_report_html(read.submission));
    wb_.notify(Notice::Kind::Success, std::string(resubmitted ? "Resubmitted" : "Submitted") + ". Send " + json_name +
               " to your reviewer; they open it in their own Wayfinder. The printable page is for your records.");
}

// [SECTION] The review and the badge ---------------------------------------------------------------

void Credentials::open_review_file(const std::string& name, std::string_view text) {
    const ReviewRead read = read_review_file(text);
    if (!read.ok) {
        wb_.notify(Notice::Kind::Error, "\"" + name + "\" was not opened. " + read.error);
        return;
    }
    // The credential whose rounds carry this submission id.
    std::string id;
    for (const std::string& candidate : credential_ids())
        if (const std::shared_ptr<const Credential> c = credential(candidate))
            for (const CredentialRound& round : c->rounds)
                if (round.submission_id == read.review.submission_id) id = candidate;
    if (id.empty()) {
        wb_.notify(Notice::Kind::Error, "\"" + name + "\" is a review of a submission this Wayfinder did not send, so it "
                   "was not attached. Open it in the Wayfinder you submitted from.");
        return;
    }
    nlohmann::json doc = *wb_.document(credential_key(id));
    const AttachResult attached = attach_review(doc, read.review);
    if (!attached.ok) {
        wb_.notify(Notice::Kind::Error, "\"" + name + "\" was not attached. " + attached.error);
        return;
    }
    wb_.update_document(credential_key(id), std::move(doc), "Open the review");
    const bool earned = read.review.decision == ReviewDecision::Earned;
    wb_.notify(Notice::Kind::Success, earned ? "The review says earned. Congratulations! Your badge is ready to download."
                                             : "The review is back: see the feedback beside each part, revise, and resubmit.");
}

std::optional<EarnedBadge> Credentials::earned_badge(const std::string& id) {
    const std::shared_ptr<const Credential> c = credential(id);
    if (!c || credential_status(*c) != CredentialStatus::Earned) return std::nullopt;
    const CredentialReview& review = *c->rounds.back().review;
    if (review.signed_credential.empty()) return std::nullopt;
    EarnedBadge badge;
    badge.credential_title = review.credential_title.empty() ? c->pack.title : review.credential_title;
    badge.earner = review.candidate;
    badge.date_text = long_date(review.reviewed_at.substr(0, 10));
    badge.issuer = review.reviewer;
    badge.jws = review.signed_credential;
    badge.file_name = export_file_name("badge " + badge.credential_title, review.reviewed_at.substr(0, 10), "png");
    return badge;
}

} // namespace wf
