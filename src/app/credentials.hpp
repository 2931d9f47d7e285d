// The micro-credential tool's commands and cached views over the Workbench's "credential:<id>"
// documents: the librarian's answers and evidence, the self-check, submitting (the submission file
// and its printable page), opening the reviewer's review file, and the badge once it is earned.
//
// Like LetsTalk, every change is a named command that reads the credential, changes it through the
// core (credential.hpp, which refuses with a reason and changes nothing) and records one undo step;
// typing into an answer repeats its command, and a burst of typing is one step. A refusal becomes a
// notice saying why. Views read credentials as shared snapshots, so a command in the middle of a
// frame never leaves a view reading freed memory.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/credential.hpp"
#include "platform/platform.hpp"

namespace wf {

class Workbench;

// What the badge of an earned credential shows and carries: drawn by the view (it needs the renderer).
struct EarnedBadge {
    std::string credential_title;  // the achievement, from the pack copy
    std::string earner;            // the candidate's name as the review read it
    std::string date_text;         // when it was earned, in words ("March 15, 2027")
    std::string issuer;            // the reviewer who signed it
    std::string jws;               // the signed credential (compact JWS) the review carried
    std::string file_name;         // "wayfinder-badge-….png"
};

class Credentials {
public:
    explicit Credentials(Workbench& wb) : wb_(wb) {}

    void set_pack_text(const char* text) { pack_text_ = text; }
    const CredentialPack* pack();            // the shipped micro-credential, parsed on first use

    std::vector<std::string> credential_ids() const;  // newest first
    std::string current_id() const;                   // the newest credential, or ""
    std::shared_ptr<const Credential> credential(const std::string& id); // null when there is none
    // Status of the newest credential: Not started when there is none (for Home).
    CredentialStatus current_status();

    // Starts the shipped micro-credential, the candidate named from the profile. Returns its id.
    std::string start();
    void set_candidate(const std::string& id, const std::string& name);
    void set_answer(const std::string& id, const std::string& question_id, const std::string& text);
    void set_resubmission_note(const std::string& id, const std::string& text);

    // --- evidence. Each add gives the entry a new id and returns it ("" when refused: a notice says why).
    std::string add_text(const std::string& id, const std::string& evidence_id, const std::string& caption,
                         const std::string& text);
    std::string add_link(const std::string& id, const std::string& evidence_id, const std::string& caption,
                         const std::string& url);
    // A Wayfinder document of this workspace (a self-assessment, a journey), by key, as its shared copy.
    std::string add_item(const std::string& id, const std::string& evidence_id, const std::string& caption,
                         const std::string& document_key);
    // An image the platform has stored (picked, dropped or pasted): the reply of Workbench::choose_image
    // or add_image. A refused image was never kept by the credential, so its bytes are removed again.
    std::string add_stored_image(const std::string& id, const std::string& evidence_id, const std::string& caption,
                                 const StoredImage& image);
    // Opens the browser's image chooser; the chosen image is added when it has been stored.
    void choose_image(const std::string& id, const std::string& evidence_id, const std::string& caption);
    void set_caption(const std::string& id, const std::string& evidence_id, const std::string& entry_id,
                     const std::string& caption);
    void set_private(const std::string& id, const std::string& evidence_id, const std::string& entry_id, bool is_private);
    // Undoable; the image bytes stay stored, so Undo can bring the picture back.
    void remove_evidence(const std::string& id, const std::string& evidence_id, const std::string& entry_id);
    // The bytes of an evidence image on this device, once read (for showing it and for submitting).
    void read_image(const std::string& blob_key, std::function<void(std::optional<std::string>)> done);

    // Documents of this workspace that can be attached as Wayfinder items: {key, what it is}.
    struct Attachable { std::string key, label; };
    std::vector<Attachable> attachable_items();

    // --- submitting: reads every shared image, writes the round, and downloads the submission file
    // (JSON) and its printable page (HTML). Refused with a notice when the self-check does not pass.
    void submit(const std::string& id);
    bool submitting() const { return submitting_; }

    // --- the review coming back: attached to the credential whose submission it reviews, or refused
    // with the reason (another submission, an older round, a different hash), changing nothing.
    void open_review_file(const std::string& name, std::string_view text);

    // The badge of an earned credential whose review carries a signed credential; nullopt otherwise.
    std::optional<EarnedBadge> earned_badge(const std::string& id);

private:
    // One read-modify-write of the credential through a core command, undoable as `label`; a refusal
    // is a notice and changes nothing. Edits with the same non-empty `coalesce` key in a burst are one step.
    // `change` is borrowed for the call, not wrapped in a std::function: that would add a copyable,
    // destroyable holder per lambda to the wasm, none of which edit() needs.
    template <typename Change>
    bool edit(const std::string& id, const std::string& label, const std::string& coalesce, const Change& change) {
        return edit_with(id, label, coalesce, &change,
                         [](const void* f, Credential& c) { return (*static_cast<const Change*>(f))(c); });
    }
    bool edit_with(const std::string& id, const std::string& label, const std::string& coalesce, const void* change,
                   EditResult (*call)(const void* change, Credential& c));
    std::string add_entry(const std::string& id, const std::string& evidence_id, EvidenceEntry entry, const char* label);
    void finish_submit(const std::string& id, const std::map<std::string, std::string>& images);

    struct Cached {
        uint64_t revision = 0;
        std::shared_ptr<const Credential> credential;
    };
    Workbench& wb_;
    const char* pack_text_ = nullptr;
    CredentialPack pack_;
    bool pack_parsed_ = false, pack_ok_ = false;
    std::map<std::string, Cached> credentials_;
    bool submitting_ = false;      // images are being read for a submission: one at a time
};

} // namespace wf
