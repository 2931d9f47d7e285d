#include "app/workbench.hpp"
#include "app/badge_check.hpp"
#include "app/credentials.hpp"
#include "app/lets_talk.hpp"
#include "app/reviews.hpp"
#include "app/self_assessment.hpp"

#include <algorithm>

#include "core/credential_files.hpp"
#include "core/document_registry.hpp"
#include "core/framework_pack.hpp"
#include "core/iso_date.hpp"
#include "core/item_file.hpp"
#include "core/json_limits.hpp"
#include "core/number_text.hpp"
#include "core/picture_type.hpp"
#include "core/png_snapshot.hpp"

namespace wf {

namespace {
constexpr double kNoticeSeconds = 10.0;

constexpr int64_t kWeekMs = 7LL * 24 * 3600 * 1000;

bool looks_like_png(const std::vector<uint8_t>& bytes) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    return bytes.size() >= 8 && std::equal(signature, signature + 8, bytes.begin());
}
} // namespace

Workbench::Workbench(Platform& platform, std::string app_version)
    : platform_(platform), app_version_(std::move(app_version)) {
    docs_[kProfileKey] = new_document(profile_schema());
    docs_[kPrefsKey] = new_document(prefs_schema());
    // Never stored yet, these read as their defaults: the base another tab's first version merges onto.
    stored_[kProfileKey].doc = docs_[kProfileKey];
    stored_[kPrefsKey].doc = docs_[kPrefsKey];
    self_assessment_ = std::make_unique<SelfAssessment>(*this);
    lets_talk_ = std::make_unique<LetsTalk>(*this);
    badge_checker_ = std::make_unique<BadgeChecker>(*this);
    // --- issue 12, reviewer
    reviews_ = std::make_unique<Reviews>(*this);
    credentials_ = std::make_unique<Credentials>(*this);   // the micro-credential (candidate)
}

Workbench::~Workbench() = default;

// [SECTION] Start-up -----------------------------------------------------------------------------

void Workbench::on_documents_loaded(const std::vector<StoredRecord>& records) {
    for (const StoredRecord& record : records) {
        stored_[record.key].revision = record.revision;
        if (!record.text) continue; // removed: only its revision matters, as the base of a later write
        Restored restored = restore_stored_document(*record.text);
        if (restored.ok) {
            stored_[record.key].doc = restored.doc;
            set_document(record.key, std::move(restored.doc));
            continue;
        }
        // Never overwrite what we cannot read: it stays in storage as it is, listed in Data & settings.
        unreadable_[record.key] = Unreadable{record.key, *record.text, restored.error, restored.failure.reason};
    }
    if (!unreadable_.empty())
        notify(Notice::Kind::Error, unreadable_.size() == 1
            ? "One saved item could not be read by this version of Wayfinder. It is kept unchanged; Data & settings says what is wrong and can export it."
            : std::to_string(unreadable_.size()) + " saved items could not be read by this version of Wayfinder. They are kept unchanged; Data & settings says what is wrong and can export them.");
    loaded_ = true;
    platform_.query_storage_estimate();
    platform_.list_backups();
    platform_.request_frame();
}

void Workbench::on_storage_unavailable(const std::string& reason) {
    storage_reason_ = reason;
    loaded_ = true;
    platform_.request_frame();
}

// [SECTION] Documents ----------------------------------------------------------------------------

Profile Workbench::profile() const { return profile_from_doc(docs_.at(kProfileKey)); }
Prefs Workbench::prefs() const { return prefs_from_doc(docs_.at(kPrefsKey)); }

bool Workbench::workspace_empty() const {
    if (!unreadable_.empty()) return false;
    for (const auto& [key, doc] : docs_) {
        if (device_only_key(key)) continue;
        static const nlohmann::json empty_profile = new_document(profile_schema()); // asked every frame on Home
        if (key == kProfileKey && doc == empty_profile) continue;
        return false;
    }
    return true;
}

void Workbench::set_profile(const Profile& profile, const std::string& field) {
    if (!readable(kProfileKey)) return; // the page says why the fields are locked
    nlohmann::json before = docs_[kProfileKey];
    nlohmann::json after = before;
    profile_write(after, profile);
    if (after == before) return;
    undo_.record(UndoStep{"Edit " + field, {DocumentChange{kProfileKey, before, after}}}, platform_.now_seconds(),
                 std::string(kProfileKey) + "." + field);
    put_document(kProfileKey, std::move(after));
}

void Workbench::set_prefs(const Prefs& prefs) {
    nlohmann::json doc = docs_[kPrefsKey];
    prefs_write(doc, prefs);
    if (doc != docs_[kPrefsKey]) put_document(kPrefsKey, std::move(doc));
}

const nlohmann::json* Workbench::document(const std::string& key) const {
    auto it = docs_.find(key);
    return it == docs_.end() ? nullptr : &it->second;
}

std::vector<std::string> Workbench::keys_with_prefix(const std::string& prefix) const {
    std::vector<std::string> keys;
    for (auto it = docs_.lower_bound(prefix); it != docs_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        keys.push_back(it->first);
    return keys;
}

uint64_t Workbench::document_revision(const std::string& key) const {
    auto it = revisions_.find(key);
    return it == revisions_.end() ? 0 : it->second;
}

void Workbench::update_document(const std::string& key, nlohmann::json doc, const std::string& undo_label,
                                const std::string& coalesce_key) {
    if (!readable(key)) {
        put_document(key, std::move(doc)); // refused, with the reason
        return;
    }
    // Read where they are: a large document is compared and recorded, never copied. An edit that
    // changes nothing is neither a step nor a write.
    if (!undo_.record_change(undo_label, key, document(key), &doc, platform_.now_seconds(), coalesce_key)) return;
    put_document(key, std::move(doc));
}

void Workbench::remove_document(const std::string& key, const std::string& undo_label) {
    const nlohmann::json* current = document(key);
    if (!current) return;
    UndoStep step{undo_label, {DocumentChange{key, *current, std::nullopt}}};
    undo_.record(step, platform_.now_seconds());
    apply_changes(std::move(step), true);
}

std::string Workbench::new_id() {
    // Creation time keeps ids in order; the counter and a few clock bits keep two ids made in the
    // same millisecond, or on two devices at once, apart.
    const int64_t ms = platform_.epoch_ms();
    return iso_date(ms, 0) + "-" + hex((unsigned long long)(ms % 86400000), 6) +
           hex((++id_counter_ * 2654435761u + (uint64_t)platform_.now_seconds() * 1000) & 0xFFF, 3);
}

std::string Workbench::now_iso() const { return iso_datetime_utc(platform_.epoch_ms()); }

void Workbench::set_document(const std::string& key, std::optional<nlohmann::json> doc) {
    if (doc) docs_[key] = std::move(*doc);
    else docs_.erase(key);
    revisions_[key]++;
}

void Workbench::note_edit(const std::string& key) {
    if (device_only_key(key) || live_backup_ == LiveBackup::On) return;
    Prefs p = prefs();
    if (p.unbacked_since_ms != 0) return;
    p.unbacked_since_ms = platform_.epoch_ms();
    set_prefs(p);
}

void Workbench::put_document(const std::string& key, nlohmann::json doc) {
    UndoStep step;
    step.changes.push_back({key, std::nullopt, std::move(doc)});
    apply_changes(std::move(step), true);
}

void Workbench::apply_changes(UndoStep step, bool forward) {
    for (DocumentChange& change : step.changes) {
        if (!readable(change.key)) {
            // Its stored copy is unreadable here: writing would destroy it.
            notify(Notice::Kind::Error, "That change was not saved: the stored copy of this item could not be read, and "
                   "Wayfinder never overwrites it. Data & settings can export it.");
            continue;
        }
        set_document(change.key, std::move(forward ? change.after : change.before));
        autosave_.mark_changed(change.key, platform_.now_seconds());
        note_edit(change.key);
    }
    if (flush_requested_) start_writes(true);
    reschedule();
    platform_.request_frame();
}

void Workbench::undo() {
    if (std::optional<UndoStep> step = undo_.undo()) {
        const std::string label = step->label;
        apply_changes(std::move(*step), false);
        notify(Notice::Kind::Info, "Undone: " + label);
    }
}

void Workbench::redo() {
    if (std::optional<UndoStep> step = undo_.redo()) {
        const std::string label = step->label;
        apply_changes(std::move(*step), true);
        notify(Notice::Kind::Info, "Redone: " + label);
    }
}

// [SECTION] Saving -------------------------------------------------------------------------------

SaveStatus Workbench::save_status() const {
    if (storage_temporary())
        return SaveStatus{SaveState::Failed, "Not saved: " + storage_reason_ + " Export a backup before you close this tab."};
    if (reload_required())
        return SaveStatus{SaveState::Failed, "Not saved: " + reload_reason_};
    return autosave_.status();
}

void Workbench::reschedule() {
    std::optional<double> wake = autosave_.next_wake(platform_.now_seconds());
    for (const Notice& n : notices_)
        if (n.kind != Notice::Kind::Error && (!wake || n.shown_at + kNoticeSeconds < *wake)) wake = n.shown_at + kNoticeSeconds;
    if (wake) platform_.wake_at(*wake);
    platform_.set_unsaved_guard(has_unsaved());
}

void Workbench::start_writes(bool flush) {
    if (storage_temporary() || reload_required()) return;
    const std::vector<std::string> due = autosave_.take_due(platform_.now_seconds(), flush);
    for (const std::string& key : due) {
        const uint64_t token = autosave_.in_flight_revision(key);
        const uint64_t base = stored_[key].revision;
        auto it = docs_.find(key);
        if (it == docs_.end()) {
            writing_[key] = std::nullopt;
            platform_.store_delete(key, base, token);
        } else {
            writing_[key] = it->second;
            platform_.store_put(key, it->second.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), base, token);
        }
    }
    reschedule();
    // The indicator changes to "Saving…": draw it. A timer that finds nothing due draws nothing
    // (an idle tab stays idle).
    if (!due.empty()) platform_.request_frame();
}

void Workbench::tick() {
    // Information fades after a while; errors stay until dismissed.
    const double now = platform_.now_seconds();
    const size_t before = notices_.size();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(), [&](const Notice& n) {
        return n.kind != Notice::Kind::Error && now - n.shown_at >= kNoticeSeconds;
    }), notices_.end());
    if (notices_.size() != before) platform_.request_frame();
    start_writes(flush_requested_);   // also reschedules the next wake-up
}

void Workbench::flush() {
    // The page may be frozen right after this: a change whose key is still being written is written
    // the moment that write completes, not after a timer that may never run.
    flush_requested_ = true;
    start_writes(true);
}

void Workbench::on_store_written(const std::string& key, uint64_t token, const StoreWriteResult& result) {
    if (autosave_.in_flight_revision(key) != token || token == 0) return; // not a write of ours, or reported twice
    std::optional<nlohmann::json> written = std::move(writing_[key]);
    writing_.erase(key);
    switch (result.outcome) {
        case StoreWriteResult::Outcome::Committed:
            stored_[key] = StoredVersion{result.revision, std::move(written)};
            autosave_.write_finished(key, token, true, "", platform_.now_seconds());
            if (!persistence_requested_) {
                // Asking before anything is saved looks like a permission grab; after the first save it protects real work.
                persistence_requested_ = true;
                platform_.request_persistence();
            }
            break;
        case StoreWriteResult::Outcome::Refused:
            // Another tab stored a newer version first: merge it with ours, then write the result.
            autosave_.write_refused(key, token);
            reconcile(key, result.revision, result.stored_text);
            break;
        case StoreWriteResult::Outcome::Failed:
            autosave_.write_finished(key, token, false, result.reason, platform_.now_seconds());
            break;
    }
    if (!has_unsaved()) {
        flush_requested_ = false;
        update_live_backup();
    } else if (flush_requested_ && result.outcome != StoreWriteResult::Outcome::Failed) {
        // A failed write waits for its retry even while flushing: a full disk is not written to in a loop.
        start_writes(true);
    }
    if (update_requested_ && !has_unsaved()) platform_.apply_update();
    reschedule();
    platform_.request_frame();
}

// [SECTION] Other tabs ---------------------------------------------------------------------------

void Workbench::on_external_write(const std::string& key, uint64_t revision, const std::optional<std::string>& text) {
    if (revision <= stored_[key].revision) return;  // our own write, or one already taken in
    if (autosave_.in_flight_revision(key) != 0) return; // that write is refused and merged when it reports
    reconcile(key, revision, text);
    reschedule();
    platform_.request_frame();
}

void Workbench::reconcile(const std::string& key, uint64_t revision, const std::optional<std::string>& text) {
    std::optional<nlohmann::json> theirs;
    if (text) {
        Restored restored = restore_stored_document(*text);
        if (!restored.ok) {
            // Written by a newer Wayfinder in another tab: this build cannot merge what it cannot read.
            on_storage_superseded("another tab runs a newer version of Wayfinder, and this tab could overwrite what it "
                                  "saved. Reload this tab to keep working.");
            return;
        }
        theirs = std::move(restored.doc);
    }
    const StoredVersion base = std::move(stored_[key]); // replaced by theirs below
    std::optional<nlohmann::json> ours;
    if (auto it = docs_.find(key); it != docs_.end()) ours = it->second;
    std::vector<FieldConflict> conflicts;
    std::optional<nlohmann::json> merged = merge_documents({base.doc, ours, theirs}, conflicts);
    // This device's settings and bookkeeping hold nothing anyone wrote: this tab's value simply stands.
    if (device_only_key(key)) conflicts.clear();
    if (merged) record_conflicts(*merged, conflicts, now_iso());
    stored_[key] = StoredVersion{revision, theirs};
    if (merged != ours) {
        set_document(key, merged);
        // Undoing an older step of this document would silently bring back what the other tab replaced.
        undo_.forget(key);
    }
    if (merged == theirs) {
        autosave_.mark_in_sync(key);
    } else {
        autosave_.mark_changed(key, platform_.now_seconds());
        start_writes(true);
    }
    if (!conflicts.empty())
        notify(Notice::Kind::Error, "This was also changed in another tab; both versions are kept. Choose which to keep "
               "in the box at the top of the page.");
}

std::vector<Workbench::ConflictRef> Workbench::conflicts() const {
    std::vector<ConflictRef> all;
    for (const auto& [key, doc] : docs_)
        if (doc.is_object() && doc.contains(kConflictsField))
            for (FieldConflict& c : document_conflicts(doc)) all.push_back({key, std::move(c)});
    return all;
}

void Workbench::resolve_conflict(const std::string& key, size_t index, ConflictChoice choice) {
    const nlohmann::json* current = document(key);
    if (!current) return;
    nlohmann::json doc = *current;
    if (wf::resolve_conflict(doc, index, choice)) update_document(key, std::move(doc), "Choose a version");
}

void Workbench::on_storage_superseded(const std::string& reason) {
    if (reload_required()) return;
    reload_reason_ = reason;
    // What this tab changed and could not save is kept aside, so reloading loses nothing.
    if (has_unsaved())
        platform_.backup_put("unsaved-in-an-older-tab-" + now_iso(), workspace_export_text(), ++backup_token_);
    platform_.request_frame();
}

// [SECTION] Files --------------------------------------------------------------------------------

std::string Workbench::today() const { return iso_date(platform_.epoch_ms(), platform_.tz_offset_minutes()); }

// Items this build cannot read travel in every backup exactly as they are stored, as texts under
// "unreadable" beside "documents": an import ignores that field, so the backup still opens here, and
// nothing of them is lost (a newer Wayfinder, or a person, can take them from the file).
std::string Workbench::with_unreadable(std::string text) const {
    if (unreadable_.empty()) return text;
    nlohmann::json kept = nlohmann::json::object();
    for (const auto& [key, item] : unreadable_) kept[key] = item.text;
    // The envelope ends with "\n}\n": the field goes in before that closing brace.
    const size_t end = text.rfind('}');
    if (end == std::string::npos) return text;
    text.erase(end);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text + ",\n  \"unreadable\": " + kept.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n}\n";
}

// Checked before a byte is written: a backup that Wayfinder could not open again is no backup.
WorkspaceExport Workbench::checked_backup() const {
    WorkspaceExport file = workspace_export(readable_documents(), ExportInfo{iso_datetime_utc(platform_.epoch_ms()), app_version_});
    if (file.ok) file.text = with_unreadable(std::move(file.text));
    return file;
}

std::string Workbench::workspace_export_text() const {
    return with_unreadable(wf::workspace_export_text(readable_documents(), ExportInfo{iso_datetime_utc(platform_.epoch_ms()), app_version_}));
}

// The documents, less the defaults standing in for stored items this build cannot read (the profile).
DocumentMap Workbench::readable_documents() const {
    if (unreadable_.empty()) return docs_;
    DocumentMap readable = docs_;
    for (const auto& [key, item] : unreadable_) readable.erase(key);
    return readable;
}

std::string Workbench::workspace_share_text() const {
    return wf::workspace_export_text(shared_documents(docs_), ExportInfo{iso_datetime_utc(platform_.epoch_ms()), app_version_});
}

void Workbench::export_workspace() {
    const WorkspaceExport file = checked_backup();
    if (!file.ok) {
        notify(Notice::Kind::Error, file.error); // says "No backup was written: …" and what to do
        return;
    }
    const std::string name = export_file_name("workspace", today(), "json");
    download_text(name, "application/json", file.text);
    Prefs p = prefs();
    p.last_backup_ms = platform_.epoch_ms();
    p.unbacked_since_ms = 0;
    p.reminder_snoozed_until_ms = 0;
    set_prefs(p);
    notify(Notice::Kind::Success, "Exported " + name + ". Keep it somewhere safe: it is your backup.");
}

void Workbench::download_text(const std::string& name, const std::string& mime, const std::string& text) {
    platform_.download(name, mime, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

bool Workbench::backup_reminder_due() const {
    const Prefs p = prefs();
    const int64_t now = platform_.epoch_ms();
    return p.unbacked_since_ms != 0 && now - p.unbacked_since_ms >= kWeekMs && now >= p.reminder_snoozed_until_ms &&
           !workspace_empty();
}

void Workbench::snooze_backup_reminder() {
    Prefs p = prefs();
    p.reminder_snoozed_until_ms = platform_.epoch_ms() + kWeekMs;
    set_prefs(p);
}

int64_t Workbench::last_backup_ms() const { return prefs().last_backup_ms; }

void Workbench::export_unreadable(const std::string& key) {
    auto it = unreadable_.find(key);
    if (it == unreadable_.end()) return;
    const std::string name = export_file_name("unreadable " + key, today(), "json");
    download_text(name, "application/json", it->second.text);
    notify(Notice::Kind::Success, "Exported " + name + ", exactly as it is stored.");
}

void Workbench::on_live_backup(LiveBackup state, const std::string& file_name, const std::string& problem) {
    const bool started = state == LiveBackup::On && live_backup_ != LiveBackup::On;
    live_backup_ = state;
    live_backup_file_ = file_name;
    live_backup_problem_ = problem;
    if (started) update_live_backup();
    platform_.request_frame();
}

// The file holds what storage holds: written whenever every change is saved.
void Workbench::update_live_backup() {
    if (live_backup_ != LiveBackup::On || has_unsaved() || !loaded_) return;
    const WorkspaceExport file = checked_backup();
    if (!file.ok) {
        on_live_backup(LiveBackup::Paused, live_backup_file_, file.error);
        return;
    }
    platform_.live_backup_write(file.text);
    Prefs p = prefs();
    if (p.unbacked_since_ms != 0) {
        // A file kept up to date is a backup: no reminder needed.
        p.unbacked_since_ms = 0;
        p.last_backup_ms = platform_.epoch_ms();
        set_prefs(p);
    }
}

void Workbench::on_backups_listed(std::vector<BackupInfo> backups) {
    backups_ = std::move(backups);
    platform_.request_frame();
}

void Workbench::export_backup(const BackupInfo& backup) {
    std::string stem = backup.name;
    std::replace(stem.begin(), stem.end(), ':', '-');
    platform_.export_backup(backup.name, "wayfinder-" + stem + ".json");
}

void Workbench::on_backup_written(uint64_t token, bool ok, const std::string& reason) {
    platform_.list_backups();
    if (token == 0 || token != import_backup_token_) return;
    import_backup_token_ = 0;
    if (!ok) {
        notify(Notice::Kind::Error, "Nothing was imported: Wayfinder could not first keep a copy of your current data (" +
               reason + "). Export a backup from Data & settings, then try again.");
        staged_.reset();
        platform_.request_frame();
        return;
    }
    apply_import(true);
}

// Files are recognised by what they hold, not their name: a PNG snapshot carries its JSON inside.
void Workbench::on_file_opened(const std::string& name, const std::vector<uint8_t>& bytes) {
    // A badge (a PNG with a baked credential, or a signed badge file) is checked, never imported.
    if (BadgeChecker::is_badge_file(name, bytes)) {
        badge_checker_->open(name, bytes);
        return;
    }
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (const char* picture = plain_picture_type(bytes.data(), bytes.size())) {
        on_image_dropped(name, bytes, picture);
        return;
    }
    PngText png;
    if (looks_like_png(bytes)) {
        png = read_png_text(bytes.data(), bytes.size(), kSnapshotKeyword);
        if (!png.ok) {
            notify(Notice::Kind::Error, "\"" + name + "\" was not opened. " + png.error + " Nothing was changed.");
            return;
        }
        text = png.text;
    }
    // Only the type decides the route; each route validates the whole file itself.
    const std::string type = peek_json_type(text); // no second parsed copy of a large file
    if (type == kItemType) add_item_file(name, text);
    else if (type == kFrameworkFileType) load_framework_file(name, text);
    // --- issue 12, reviewer: a colleague's submission opens as a review, never among one's own work
    else if (type == kSubmissionFileType) reviews_->open_submission_file(name, text);
    // The micro-credential (candidate): a reviewer's review of what this Wayfinder submitted.
    else if (type == kReviewFileType) credentials_->open_review_file(name, text);
    else open_workspace_file(name, text);
}

void Workbench::open_workspace_file(const std::string& name, std::string_view text) {
    ImportPlan plan = plan_workspace_import(text);
    if (!plan.ok) {
        notify(Notice::Kind::Error, "\"" + name + "\" was not opened. " + plan.error + " Nothing was changed.");
        return;
    }
    staged_ = std::move(plan);
    staged_name_ = name;
    platform_.request_frame();
}

// A single item (an assessment from a snapshot or a shared file) is added next to what is there, as
// a copy with its own id: opening the same file twice gives two copies, never a silent overwrite.
void Workbench::add_item_file(const std::string& name, std::string_view text) {
    ItemImport item = plan_item_import(text, true, new_id());
    if (!item.ok) {
        notify(Notice::Kind::Error, "\"" + name + "\" was not opened. " + item.error + " Nothing was changed.");
        return;
    }
    std::string what = item.summary.empty() ? std::string("an item") : item.summary.front();
    update_document(item.key, std::move(item.doc), "Add " + what);
    notify(Notice::Kind::Success, "Added " + what + " from \"" + name + "\". Undo removes it.");
}

void Workbench::load_framework_file(const std::string& name, std::string_view text) {
    PackLoad load = load_framework_pack(text);
    if (!load.ok) {
        notify(Notice::Kind::Error, "\"" + name + "\" was not loaded. " + load.error);
        return;
    }
    update_document(framework_key(load.pack.id), loaded_framework_doc(load.pack), "Load " + load.pack.title);
    notify(Notice::Kind::Success, "Loaded the framework \"" + load.pack.title + "\" (version " + load.pack.version +
                                      "). Choose it when you start a self-assessment.");
}

void Workbench::cancel_import() {
    staged_.reset();
    platform_.request_frame();
}

void Workbench::confirm_import() {
    if (!staged_ || import_waiting_for_backup()) return;
    if (storage_temporary()) {
        apply_import(false); // nowhere to keep a copy; Undo still goes back
        return;
    }
    // A copy of everything as it was, outside the undo history, in case the tab closes before Undo;
    // the import goes ahead only once that copy is committed.
    import_backup_token_ = ++backup_token_;
    platform_.backup_put("before-import-" + iso_datetime_utc(platform_.epoch_ms()), workspace_export_text(), import_backup_token_);
    platform_.request_frame();
}

void Workbench::apply_import(bool backed_up) {
    if (!staged_) return;
    UndoStep step{"Import " + staged_name_, {}};
    for (const auto& [key, doc] : docs_)
        if (!device_only_key(key) && !staged_->documents.count(key)) step.changes.push_back({key, doc, std::nullopt});
    for (const auto& [key, doc] : staged_->documents) {
        if (device_only_key(key)) continue;
        auto it = docs_.find(key);
        std::optional<nlohmann::json> before;
        if (it != docs_.end()) before = it->second;
        step.changes.push_back({key, before, doc});
    }
    // The librarian chose to replace everything, unreadable items included (the copy just kept has them).
    for (const DocumentChange& change : step.changes) unreadable_.erase(change.key);
    undo_.record(step, platform_.now_seconds());
    apply_changes(std::move(step), true);
    notify(Notice::Kind::Success, "Imported " + staged_name_ + (backed_up ? ". Your previous data was kept as a copy (Data & "
           "settings lists it); choose Undo to go back." : ". Choose Undo to go back."));
    staged_.reset();
}

// [SECTION] Updates and notices ------------------------------------------------------------------

void Workbench::apply_update_when_saved() {
    update_requested_ = true;
    flush();
    if (!has_unsaved()) platform_.apply_update();
}

void Workbench::notify(Notice::Kind kind, std::string text) {
    // A new notice replaces the confirmations before it, so notices never pile up over the page;
    // errors stay until they are dismissed or expire.
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(), [&](const Notice& n) {
                       return n.kind != Notice::Kind::Error || n.text == text;
                   }), notices_.end());
    notices_.push_back(Notice{kind, std::move(text), platform_.now_seconds()});
    reschedule();
    if (notices_.size() > 3) notices_.erase(notices_.begin());
    platform_.request_frame();
}

void Workbench::dismiss_notice(size_t index) {
    if (index < notices_.size()) notices_.erase(notices_.begin() + (long)index);
    platform_.request_frame();
}


// --- the tools' asynchronous requests --------------------------------------------------------------
namespace {
// Calls and forgets the function waiting for `token`; a reply nobody waits for (a duplicate) is dropped.
template <class Done, class... Args>
void reply(std::map<uint64_t, Done>& waiting, Platform& platform, uint64_t token, Args&&... args) {
    auto it = waiting.find(token);
    if (it == waiting.end()) return;
    Done done = std::move(it->second);
    waiting.erase(it);
    if (done) done(std::forward<Args>(args)...);
    platform.request_frame();
}
} // namespace

void Workbench::add_image(const uint8_t* data, size_t size, const std::string& mime, ImageDone done) {
    platform_.image_add(data, size, mime, expect(image_waiting_, std::move(done)));
}
void Workbench::choose_image(ImageDone done) { platform_.image_choose(expect(image_waiting_, std::move(done))); }
void Workbench::read_blob(const std::string& blob_key, BytesDone done) {
    platform_.blob_read(blob_key, expect(blob_waiting_, std::move(done)));
}
void Workbench::load_signing_key(bool create, KeyDone done) {
    platform_.signing_key_load(create, expect(key_waiting_, std::move(done)));
}
void Workbench::sign(const std::string& message, SignDone done) {
    platform_.sign(message, expect(sign_waiting_, std::move(done)));
}
void Workbench::verify_signature(const std::string& public_key, const std::string& message, const std::string& signature,
                                 CheckDone done) {
    platform_.verify_signature(public_key, message, signature, expect(check_waiting_, std::move(done)));
}
void Workbench::on_image_stored(uint64_t token, const StoredImage& image) { reply(image_waiting_, platform_, token, image); }
void Workbench::on_blob_read(uint64_t token, std::optional<std::string> bytes) {
    reply(blob_waiting_, platform_, token, std::move(bytes));
}
void Workbench::on_signing_key(uint64_t token, const std::string& public_key, const std::string& problem) {
    reply(key_waiting_, platform_, token, public_key, problem);
}
void Workbench::on_signed(uint64_t token, const std::string& signature, const std::string& problem) {
    reply(sign_waiting_, platform_, token, signature, problem);
}
void Workbench::on_signature_checked(uint64_t token, SignatureCheck result) { reply(check_waiting_, platform_, token, result); }

// --- pictures dropped or pasted, and pictures for the screen ----------------------------------------
void Workbench::on_image_dropped(const std::string& name, const std::vector<uint8_t>& bytes, const std::string& mime) {
    if (!image_drop_target_) {
        notify(Notice::Kind::Info, "\"" + name + "\" is a picture. Pictures are kept as evidence for a micro-credential: "
                                   "open Micro-credential and drop or paste it there. Nothing was changed.");
        return;
    }
    // The target as it was at the drop: the reply comes after frames that may have changed the page.
    add_image(bytes.data(), bytes.size(), mime, [this, name, target = image_drop_target_](const StoredImage& image) {
        if (image.ok) target(image);
        else notify(Notice::Kind::Error, "\"" + name + "\" was not added. " + image.problem);
    });
}

void Workbench::load_picture(const std::string& blob_key, const uint8_t* data, size_t size, const std::string& mime,
                             int max_width, int max_height, PictureDone done) {
    platform_.picture_load(blob_key, data, size, mime, max_width, max_height, expect(picture_waiting_, std::move(done)));
}
void Workbench::on_picture_loaded(uint64_t token, const LoadedPicture& picture) {
    // A picture nobody waits for any more still holds a texture: give it back.
    if (!picture_waiting_.count(token)) {
        if (picture.ok) platform_.picture_free(picture.texture);
        return;
    }
    reply(picture_waiting_, platform_, token, picture);
}

} // namespace wf
