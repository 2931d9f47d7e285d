#include "app/workbench.hpp"
#include "app/lets_talk.hpp"
#include "app/self_assessment.hpp"

#include <algorithm>
#include <cstdio>

#include "core/iso_date.hpp"
#include "core/journey.hpp"
#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/png_snapshot.hpp"
#include "core/assessment.hpp"
#include "core/framework_pack.hpp"

namespace wf {

namespace {
// Per-device documents: never exported, never replaced by an import.
bool device_only(const std::string& key) { return key == kPrefsKey; }


constexpr double kNoticeSeconds = 10.0;

bool looks_like_png(const std::vector<uint8_t>& bytes) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    return bytes.size() >= 8 && std::equal(signature, signature + 8, bytes.begin());
}
} // namespace

Workbench::Workbench(Platform& platform, std::string app_version)
    : platform_(platform), app_version_(std::move(app_version)) {
    docs_[kProfileKey] = new_document(profile_schema());
    docs_[kPrefsKey] = new_document(prefs_schema());
    self_assessment_ = std::make_unique<SelfAssessment>(*this);
    lets_talk_ = std::make_unique<LetsTalk>(*this);
}

Workbench::~Workbench() = default;

// [SECTION] Start-up -----------------------------------------------------------------------------

void Workbench::on_documents_loaded(const std::vector<std::pair<std::string, std::string>>& records) {
    for (const auto& [key, text] : records) {
        ParsedJson parsed = parse_json_limited(text);
        const DocumentSchema* schema = parsed.ok ? schema_for_type(json_string(parsed.value, "type")) : nullptr;
        Restored restored;
        if (schema) restored = restore_document(parsed.value, *schema);
        if (restored.ok) {
            docs_[key] = std::move(restored.doc);
            revisions_[key]++;
            continue;
        }
        // Never overwrite what we cannot read: keep a backup copy and tell the user.
        unreadable_keys_.push_back(key);
        platform_.backup_put("unreadable-" + key, text);
        notify(Notice::Kind::Error, "Some saved data (" + key + ") could not be read by this version of Wayfinder. "
               "A copy was kept; reload Wayfinder while online to update it before editing.");
    }
    loaded_ = true;
    platform_.query_storage_estimate();
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

void Workbench::set_profile(const Profile& profile, const std::string& field) {
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
    std::optional<nlohmann::json> before;
    if (const nlohmann::json* current = document(key)) {
        if (*current == doc) return;
        before = *current;
    }
    undo_.record(UndoStep{undo_label, {DocumentChange{key, before, doc}}}, platform_.now_seconds(), coalesce_key);
    put_document(key, std::move(doc));
}

void Workbench::remove_document(const std::string& key, const std::string& undo_label) {
    const nlohmann::json* current = document(key);
    if (!current) return;
    UndoStep step{undo_label, {DocumentChange{key, *current, std::nullopt}}};
    undo_.record(step, platform_.now_seconds());
    apply_changes(step, true);
}

std::string Workbench::new_id() {
    // Creation time keeps ids in order; the counter and a few clock bits keep two ids made in the
    // same millisecond, or on two devices at once, apart.
    const int64_t ms = platform_.epoch_ms();
    char id[48];
    std::snprintf(id, sizeof id, "%s-%06llx%03x", iso_date(ms, 0).c_str(), (unsigned long long)(ms % 86400000),
                  (unsigned)((++id_counter_ * 2654435761u + (uint64_t)platform_.now_seconds() * 1000) & 0xFFF));
    return id;
}

std::string Workbench::now_iso() const { return iso_datetime_utc(platform_.epoch_ms()); }

void Workbench::put_document(const std::string& key, nlohmann::json doc) {
    revisions_[key]++;
    docs_[key] = std::move(doc);
    autosave_.mark_changed(key, platform_.now_seconds());
    reschedule();
    platform_.request_frame();
}

void Workbench::apply_changes(const UndoStep& step, bool forward) {
    for (const DocumentChange& change : step.changes) {
        const std::optional<nlohmann::json>& value = forward ? change.after : change.before;
        if (value) docs_[change.key] = *value;
        else docs_.erase(change.key);
        revisions_[change.key]++;
        autosave_.mark_changed(change.key, platform_.now_seconds());
    }
    reschedule();
    platform_.request_frame();
}

void Workbench::undo() {
    if (std::optional<UndoStep> step = undo_.undo()) {
        apply_changes(*step, false);
        notify(Notice::Kind::Info, "Undone: " + step->label);
    }
}

void Workbench::redo() {
    if (std::optional<UndoStep> step = undo_.redo()) {
        apply_changes(*step, true);
        notify(Notice::Kind::Info, "Redone: " + step->label);
    }
}

// [SECTION] Saving -------------------------------------------------------------------------------

SaveStatus Workbench::save_status() const {
    if (storage_temporary())
        return SaveStatus{SaveState::Failed, "Not saved: " + storage_reason_ + " Export a backup before you close this tab."};
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
    if (storage_temporary()) return;
    for (const std::string& key : autosave_.take_due(platform_.now_seconds(), flush)) {
        const uint64_t token = autosave_.in_flight_revision(key);
        auto it = docs_.find(key);
        if (it == docs_.end()) platform_.store_delete(key, token);
        else platform_.store_put(key, it->second.dump(), token);
    }
    reschedule();
    platform_.request_frame(); // the indicator may have changed
}

void Workbench::tick() {
    // Information fades after a while; errors stay until dismissed.
    const double now = platform_.now_seconds();
    const size_t before = notices_.size();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(), [&](const Notice& n) {
        return n.kind != Notice::Kind::Error && now - n.shown_at >= kNoticeSeconds;
    }), notices_.end());
    if (notices_.size() != before) platform_.request_frame();
    start_writes(false);   // also reschedules the next wake-up
}
void Workbench::flush() { start_writes(true); }

void Workbench::on_store_written(const std::string& key, uint64_t token, bool ok, const std::string& reason) {
    autosave_.write_finished(key, token, ok, reason, platform_.now_seconds());
    if (ok && !persistence_requested_) {
        // Asking before anything is saved looks like a permission grab; after the first save it protects real work.
        persistence_requested_ = true;
        platform_.request_persistence();
    }
    if (update_requested_ && !has_unsaved()) platform_.apply_update();
    reschedule();
    platform_.request_frame();
}

// [SECTION] Files --------------------------------------------------------------------------------

std::string Workbench::today() const { return iso_date(platform_.epoch_ms(), platform_.tz_offset_minutes()); }

std::string Workbench::workspace_export_text() const {
    return wf::workspace_export_text(docs_, ExportInfo{iso_datetime_utc(platform_.epoch_ms()), app_version_});
}

std::string Workbench::workspace_share_text() const {
    return wf::workspace_export_text(shared_documents(docs_), ExportInfo{iso_datetime_utc(platform_.epoch_ms()), app_version_});
}

void Workbench::export_workspace() {
    const std::string text = workspace_export_text();
    const std::string name = export_file_name("workspace", today(), "json");
    platform_.download(name, "application/json", reinterpret_cast<const uint8_t*>(text.data()), text.size());
    notify(Notice::Kind::Success, "Exported " + name + ". Keep it somewhere safe: it is your backup.");
}

// Files are recognised by what they hold, not their name: a PNG snapshot carries its JSON inside.
void Workbench::on_file_opened(const std::string& name, const std::vector<uint8_t>& bytes) {
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
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
    const ParsedJson peek = parse_json_limited(text);
    const std::string type = peek.ok ? json_string(peek.value, "type") : "";
    if (type == kItemType) add_item_file(name, text);
    else if (type == kFrameworkFileType) load_framework_file(name, text);
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
    if (!staged_) return;
    // A copy of everything as it was, outside the undo history, in case the tab closes before Undo.
    platform_.backup_put("before-import-" + iso_datetime_utc(platform_.epoch_ms()), workspace_export_text());
    UndoStep step{"Import " + staged_name_, {}};
    for (const auto& [key, doc] : docs_)
        if (!device_only(key) && !staged_->documents.count(key)) step.changes.push_back({key, doc, std::nullopt});
    for (const auto& [key, doc] : staged_->documents) {
        if (device_only(key)) continue;
        auto it = docs_.find(key);
        std::optional<nlohmann::json> before;
        if (it != docs_.end()) before = it->second;
        step.changes.push_back({key, before, doc});
    }
    apply_changes(step, true);
    undo_.record(step, platform_.now_seconds());
    notify(Notice::Kind::Success, "Imported " + staged_name_ + ". Your previous data was backed up; choose Undo to go back.");
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
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(), [](const Notice& n) { return n.kind != Notice::Kind::Error; }),
                   notices_.end());
    notices_.push_back(Notice{kind, std::move(text), platform_.now_seconds()});
    reschedule();
    if (notices_.size() > 3) notices_.erase(notices_.begin());
    platform_.request_frame();
}

void Workbench::dismiss_notice(size_t index) {
    if (index < notices_.size()) notices_.erase(notices_.begin() + (long)index);
    platform_.request_frame();
}

} // namespace wf
