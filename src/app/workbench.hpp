// The running app's model and commands: the user's documents, autosave, undo, import staging and
// notices. No ImGui, GL or Emscripten here: views in src/ui read this and call its commands; the
// platform reports back through the on_* events.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/autosave.hpp"
#include "core/document_merge.hpp"
#include "core/document_types.hpp"
#include "core/undo_history.hpp"
#include "core/workspace_file.hpp"
#include "platform/platform.hpp"

namespace wf {

struct Notice {
    enum class Kind { Info, Success, Error } kind = Kind::Info;
    std::string text;
    double shown_at = 0;
};

class SelfAssessment;
class LetsTalk;
class BadgeChecker;
// --- issue 12, reviewer: reviews of colleagues' micro-credentials
class Reviews;
class Credentials;   // the micro-credential (candidate)

class Workbench {
public:
    Workbench(Platform& platform, std::string app_version);
    ~Workbench();

    // The tools, each a set of commands and cached views over the documents here.
    SelfAssessment& self_assessment() { return *self_assessment_; }
    LetsTalk& lets_talk() { return *lets_talk_; }
    // A dropped badge, being checked or checked (issue 12: badges).
    BadgeChecker& badge_checker() { return *badge_checker_; }
    // --- issue 12, reviewer
    Reviews& reviews() { return *reviews_; }
    Credentials& credentials() { return *credentials_; }   // the micro-credential (candidate)

    // --- start-up: documents read from storage, or the reason storage failed
    void on_documents_loaded(const std::vector<StoredRecord>& records);
    void on_storage_unavailable(const std::string& reason);
    bool loaded() const { return loaded_; }
    bool storage_temporary() const { return !storage_reason_.empty(); } // data lives only in this tab
    const std::string& storage_reason() const { return storage_reason_; }

    // --- documents
    Profile profile() const;
    void set_profile(const Profile& profile, const std::string& field); // one undo step per field burst
    Prefs prefs() const;
    void set_prefs(const Prefs& prefs);                                 // per device, not undoable
    const DocumentMap& documents() const { return docs_; }
    // Nothing of the librarian's yet: a first visit, or a browser whose data was wiped.
    bool workspace_empty() const;

    // --- stored documents this build cannot read (damaged, or from a newer Wayfinder). They are kept
    // byte for byte: never overwritten, never replaced by a default, included in workspace backups.
    // `reason` is the sentence Data & settings shows; `why` what it says (document_restore.hpp).
    struct Unreadable { std::string key, text, reason; RestoreReason why = RestoreReason::None; };
    const std::map<std::string, Unreadable>& unreadable() const { return unreadable_; }
    bool readable(const std::string& key) const { return !unreadable_.count(key); }
    void export_unreadable(const std::string& key); // downloads the stored text exactly as it is

    // --- other tabs. Another tab committed `key` at `revision` (text nullopt: removed). A document
    // this tab has not changed takes the new version at once; one it has changed is merged (see
    // core/document_merge.hpp), and both texts of a field changed on both sides are kept.
    void on_external_write(const std::string& key, uint64_t revision, const std::optional<std::string>& text);
    // The conflicts noted in documents, for the notice that lets the librarian choose.
    struct ConflictRef { std::string key; FieldConflict conflict; };
    std::vector<ConflictRef> conflicts() const;
    void resolve_conflict(const std::string& key, size_t index, ConflictChoice choice);
    // Another tab opened a newer Wayfinder: this tab stops writing (it could overwrite what it cannot
    // read) and asks to be reloaded. `reason` is shown as it is.
    void on_storage_superseded(const std::string& reason);
    bool reload_required() const { return !reload_reason_.empty(); }
    const std::string& reload_reason() const { return reload_reason_; }

    // --- any document, by key: undoable changes (assessments, goals, framework packs, later maps)
    const nlohmann::json* document(const std::string& key) const;
    std::vector<std::string> keys_with_prefix(const std::string& prefix) const;
    // Bumped on every change to that key (edit, undo, import): views cache parsed documents by it.
    uint64_t document_revision(const std::string& key) const;
    void update_document(const std::string& key, nlohmann::json doc, const std::string& undo_label,
                         const std::string& coalesce_key = "");
    void remove_document(const std::string& key, const std::string& undo_label);
    // Saved like any change but not undoable: bookkeeping such as where an assessment resumes.
    void replace_document_quietly(const std::string& key, nlohmann::json doc) { put_document(key, std::move(doc)); }
    std::string new_id();                // unique on this device, sortable by creation time
    std::string now_iso() const;         // UTC, for created_at / completed_at

    // --- undo / redo over documents
    bool can_undo() const { return undo_.can_undo(); }
    bool can_redo() const { return undo_.can_redo(); }
    std::string undo_label() const { return undo_.undo_label(); }
    std::string redo_label() const { return undo_.redo_label(); }
    void undo();
    void redo();

    // --- saving
    SaveStatus save_status() const;
    bool has_unsaved() const { return autosave_.has_unsaved(); }
    void tick();                         // starts due writes and schedules the next wake-up
    void flush();                        // page hidden, update, or Ctrl+S: write everything now
    void on_store_written(const std::string& key, uint64_t token, const StoreWriteResult& result);
    void on_storage_estimate(const StorageEstimate& estimate) { estimate_ = estimate; }
    const StorageEstimate& storage_estimate() const { return estimate_; }

    // --- files
    std::string workspace_export_text() const;
    std::string workspace_share_text() const;   // the same without private items (for snapshots)
    std::string today() const;           // local ISO date, for file names
    void export_workspace();
    // Offers `text` as a file to save, named `name` (every export goes through here).
    void download_text(const std::string& name, const std::string& mime, const std::string& text);
    // The backup reminder: after a week of edits with no backup exported from this browser.
    bool backup_reminder_due() const;
    void snooze_backup_reminder();  // "Not now": again in a week if still no backup
    int64_t last_backup_ms() const; // 0: never, from this browser

    // --- a backup file the browser lets Wayfinder keep up to date (File System Access API)
    enum class LiveBackup { Unsupported, Off, On, Paused };
    void on_live_backup(LiveBackup state, const std::string& file_name, const std::string& problem);
    LiveBackup live_backup() const { return live_backup_; }
    const std::string& live_backup_file() const { return live_backup_file_; }
    const std::string& live_backup_problem() const { return live_backup_problem_; }

    // --- copies kept aside in storage (before imports, a stopped tab's work)
    void on_backup_written(uint64_t token, bool ok, const std::string& reason);
    void on_backups_listed(std::vector<BackupInfo> backups);
    const std::vector<BackupInfo>& backups() const { return backups_; }
    void export_backup(const BackupInfo& backup);
    bool import_waiting_for_backup() const { return import_backup_token_ != 0; }
    void on_file_opened(const std::string& name, const std::vector<uint8_t>& bytes);
    const ImportPlan* staged_import() const { return staged_ ? &*staged_ : nullptr; }
    const std::string& staged_import_name() const { return staged_name_; }
    void confirm_import();
    void cancel_import();

    // --- the tools' asynchronous requests to the platform (evidence images, the signing key). Each
    // request takes the function its reply calls, once; a reply that never comes calls nothing.
    using ImageDone = std::function<void(const StoredImage&)>;
    using BytesDone = std::function<void(std::optional<std::string> bytes)>; // nullopt: not found or unreadable
    using KeyDone = std::function<void(const std::string& public_key, const std::string& problem)>;
    using SignDone = std::function<void(const std::string& signature, const std::string& problem)>;
    using CheckDone = std::function<void(SignatureCheck)>;
    void add_image(const uint8_t* data, size_t size, const std::string& mime, ImageDone done);
    void choose_image(ImageDone done);
    void read_blob(const std::string& blob_key, BytesDone done);
    void remove_blob(const std::string& blob_key) { platform_.blob_remove(blob_key); }
    void load_signing_key(bool create, KeyDone done);
    void sign(const std::string& message, SignDone done);
    void verify_signature(const std::string& public_key, const std::string& message, const std::string& signature,
                          CheckDone done);
    // The platform's replies.
    void on_image_stored(uint64_t token, const StoredImage& image);
    void on_blob_read(uint64_t token, std::optional<std::string> bytes);
    void on_signing_key(uint64_t token, const std::string& public_key, const std::string& problem);
    void on_signed(uint64_t token, const std::string& signature, const std::string& problem);
    void on_signature_checked(uint64_t token, SignatureCheck result);

    // --- pictures dropped or pasted anywhere (a plain image: no Wayfinder snapshot, no badge) go to
    // the place on screen that takes them, stored first (add_image). The page that gathers evidence
    // sets that place every frame it is shown; each frame starts with none (ui::draw_app), so a
    // picture dropped on another page never lands in work that is out of sight: it gets a notice
    // saying where pictures are added. The target hears only pictures that were stored; a refused one
    // gets a notice with the reason.
    using ImageDropTarget = std::function<void(const StoredImage&)>;
    void set_image_drop_target(ImageDropTarget target) { image_drop_target_ = std::move(target); }
    void on_image_dropped(const std::string& name, const std::vector<uint8_t>& bytes, const std::string& mime);

    // --- pictures decoded for the screen (ui/image_view.cpp keeps them)
    using PictureDone = std::function<void(const LoadedPicture&)>;
    void load_picture(const std::string& blob_key, const uint8_t* data, size_t size, const std::string& mime,
                      int max_width, int max_height, PictureDone done);
    void free_picture(uint32_t texture) { platform_.picture_free(texture); }
    void on_picture_loaded(uint64_t token, const LoadedPicture& picture);

    // --- the app's own version
    void on_update_ready() { update_ready_ = true; platform_.request_frame(); }
    bool update_ready() const { return update_ready_; }
    void apply_update_when_saved();      // never reloads over unsaved work
    bool update_waiting_for_save() const { return update_requested_; }

    // --- notices (toasts); newest last
    const std::vector<Notice>& notices() const { return notices_; }
    void notify(Notice::Kind kind, std::string text);
    void dismiss_notice(size_t index);

    Platform& platform() { return platform_; }
    const std::string& app_version() const { return app_version_; }

private:
    void put_document(const std::string& key, nlohmann::json doc);
    void set_document(const std::string& key, std::optional<nlohmann::json> doc); // memory only
    void note_edit(const std::string& key); // for the backup reminder
    void reconcile(const std::string& key, uint64_t revision, const std::optional<std::string>& text);
    void apply_import(bool backed_up);
    std::string with_unreadable(std::string text) const;
    DocumentMap readable_documents() const;
    WorkspaceExport checked_backup() const;
    void open_workspace_file(const std::string& name, std::string_view text);
    void add_item_file(const std::string& name, std::string_view text);
    void load_framework_file(const std::string& name, std::string_view text);
    void apply_changes(UndoStep step, bool forward); // moves each document into place
    void reschedule();
    void start_writes(bool flush);

    Platform& platform_;
    std::string app_version_;
    DocumentMap docs_;
    std::map<std::string, uint64_t> revisions_;   // key -> change counter (see document_revision)
    uint64_t id_counter_ = 0;
    Autosave autosave_;
    UndoHistory undo_;
    bool loaded_ = false;
    std::string storage_reason_;             // non-empty: storage is unavailable, and why
    // What storage holds under each key, as far as this tab knows: the base of its next write, and
    // the common ancestor when another tab's version has to be merged.
    struct StoredVersion { uint64_t revision = 0; std::optional<nlohmann::json> doc; };
    std::map<std::string, StoredVersion> stored_;
    std::map<std::string, std::optional<nlohmann::json>> writing_; // key -> what its in-flight write holds
    std::map<std::string, Unreadable> unreadable_;
    std::string reload_reason_;              // non-empty: this tab has stopped writing, and why
    bool flush_requested_ = false;           // the page may go away: write each change as soon as it can be
    uint64_t backup_token_ = 0;              // the last backup_put's token
    uint64_t import_backup_token_ = 0;       // non-zero: a confirmed import waits for this backup to commit
    std::vector<BackupInfo> backups_;
    LiveBackup live_backup_ = LiveBackup::Unsupported;
    std::string live_backup_file_, live_backup_problem_;
    void update_live_backup();
    bool persistence_requested_ = false;
    StorageEstimate estimate_;
    std::optional<ImportPlan> staged_;
    std::string staged_name_;
    bool update_ready_ = false, update_requested_ = false;
    std::vector<Notice> notices_;
    uint64_t request_token_ = 0;
    template <class Done> uint64_t expect(std::map<uint64_t, Done>& waiting, Done done) {
        waiting[++request_token_] = std::move(done);
        return request_token_;
    }
    std::map<uint64_t, ImageDone> image_waiting_;
    std::map<uint64_t, BytesDone> blob_waiting_;
    std::map<uint64_t, KeyDone> key_waiting_;
    std::map<uint64_t, SignDone> sign_waiting_;
    std::map<uint64_t, CheckDone> check_waiting_;
    std::map<uint64_t, PictureDone> picture_waiting_;
    ImageDropTarget image_drop_target_;
    std::unique_ptr<SelfAssessment> self_assessment_;
    std::unique_ptr<LetsTalk> lets_talk_;
    std::unique_ptr<BadgeChecker> badge_checker_;
    // --- issue 12, reviewer
    std::unique_ptr<Reviews> reviews_;
    std::unique_ptr<Credentials> credentials_;   // the micro-credential (candidate)
};

} // namespace wf
