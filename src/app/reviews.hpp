// Reviewing a colleague's micro-credential: the submission files this librarian opened, each kept as
// a review in progress ("review-draft:<submission id>:<round>", core/review_draft.hpp) apart from
// their own work; the marks per rubric row, the feedback and the decision; and the review file they
// export, signed with this browser's key when the decision is Earned. The reviews written are listed
// in the "reviews-written" document (core/credential_files.hpp).
//
// Commands change one draft each and record one undo step; typing is one step per burst. A draft
// that was exported is final: its commands refuse, saying why.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/review_draft.hpp"

namespace wf {

class Workbench;

class Reviews {
public:
    explicit Reviews(Workbench& wb) : wb_(wb) {}

    // A submission file opened (dropped or imported): kept as a new review in progress, or the one
    // already started for that round opened again. Refused with a notice (what is wrong, what to do).
    void open_submission_file(const std::string& name, std::string_view text);
    // The draft the last opened file went to, once: the view shows it ("" when nothing was opened).
    std::string take_opened();

    // Drafts, by id ("<submission id>:<round>"), the most recently opened first.
    std::vector<std::string> draft_ids() const;

    // One draft as a view reads it; shared so a command in the same frame never frees it under the view.
    struct Open {
        std::string id;
        ReviewDraft draft;
        std::shared_ptr<const Submission> submission; // null when the stored file cannot be read again
        std::string problem;                          // why, when submission is null
        CredentialReview review;                      // the draft as a review (when submission is set)
        bool all_meet = false;                        // every rubric row is marked "meets"
        // What each Wayfinder item attached as evidence is, in one line, by evidence entry id
        // ("Conversation journey: 2026–27 with Ms. Rivera · With Ms. Rivera · 5 of 7 steps done").
        std::shared_ptr<const std::map<std::string, std::string>> items;
    };
    std::shared_ptr<const Open> draft(const std::string& id);

    void set_reviewer(const std::string& id, const std::string& name);
    void set_verdict(const std::string& id, const std::string& row_id, RowVerdict verdict);
    void set_comment(const std::string& id, const std::string& row_id, const std::string& comment);
    void set_feedback(const std::string& id, const std::string& feedback);
    // Earned only when every row meets; a row marked "not yet" afterwards takes an Earned decision back.
    void set_decision(const std::string& id, ReviewDecision decision);
    void remove(const std::string& id);   // undoable

    // A Wayfinder item attached as evidence, saved as a page to read or print: a journey's Reflection
    // Guide, a self-assessment's summary. Never added to the reviewer's own work.
    static bool item_has_page(const nlohmann::json& item);
    void save_item_page(const std::string& id, const std::string& entry_id);

    // Writes and downloads the review file and records it in "reviews I wrote". An Earned review is
    // first signed: this browser's key is loaded (made on first use), the badge credential built and
    // signed, and the compact JWS put in the file. Asynchronous; exporting() is true meanwhile. An
    // exported draft is downloaded again exactly as it was.
    void export_review(const std::string& id);
    bool exporting() const { return !exporting_.empty(); }

    // The reviews this librarian wrote, oldest first.
    std::vector<CredentialReview> written() const;

private:
    // `change` is borrowed for the call: one edit_with serves every kind of change, where a template
    // body would be copied into each caller.
    template <typename Change>
    void edit(const std::string& id, const std::string& label, const std::string& coalesce, const Change& change) {
        edit_with(id, label, coalesce, &change, [](const void* f, ReviewDraft& d) { (*static_cast<const Change*>(f))(d); });
    }
    void edit_with(const std::string& id, const std::string& label, const std::string& coalesce, const void* change,
                   void (*call)(const void* change, ReviewDraft& d));
    void sign_and_finish(const std::string& id, CredentialReview review, const std::string& public_key);
    void finish_export(const std::string& id, const CredentialReview& review);
    void export_failed(const std::string& why);

    struct Cached {
        uint64_t revision = 0;
        std::shared_ptr<const Open> open;
    };
    Workbench& wb_;
    std::map<std::string, Cached> drafts_;
    std::string opened_;
    std::string exporting_;   // the draft being signed and exported; "" when none
};

} // namespace wf
