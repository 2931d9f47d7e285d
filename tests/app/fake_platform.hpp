// A native stand-in for the browser, for app-layer tests: a controllable clock, and an in-memory
// store shared by any number of "tabs" that behaves as the web platform's IndexedDB layer does
// (compare-and-swap on the revision inside the write, removed records keep their revision, each
// commit announced to the other tabs). Completions are queued and delivered when the test says, so
// tests can interleave two tabs' writes exactly as a race would. Writes and copies kept aside can be
// made to fail with a reason, as a full disk or a quota makes them fail.
#pragma once
#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/workbench.hpp"
#include "platform/platform.hpp"

namespace wf::test {

struct SharedStore {
    struct Record { std::optional<std::string> text; uint64_t revision = 0; };
    std::map<std::string, Record> records;
    std::map<std::string, std::string> backups;
    std::vector<class FakePlatform*> tabs;
    std::string fail_next_write; // non-empty: the next write fails with this reason (e.g. a full disk)
    std::deque<std::string> failing_writes; // then each write fails with the next reason here, until it is empty
    std::string fail_next_backup; // non-empty: the next copy kept aside fails with this reason

    std::optional<std::string> text(const std::string& key) const {
        auto it = records.find(key);
        return it == records.end() ? std::nullopt : it->second.text;
    }
    // The stored records as start-up reads them.
    std::vector<StoredRecord> load() const {
        std::vector<StoredRecord> all;
        for (const auto& [key, r] : records) all.push_back({key, r.text, r.revision});
        return all;
    }
};

class FakePlatform final : public Platform {
public:
    explicit FakePlatform(SharedStore& store) : store_(store) { store_.tabs.push_back(this); }
    ~FakePlatform() override { store_.tabs.erase(std::remove(store_.tabs.begin(), store_.tabs.end(), this), store_.tabs.end()); }
    Workbench* workbench = nullptr; // the tab's app, to deliver completions and announcements to
    bool hears_announcements = true; // false: like a frozen tab, it misses what other tabs announce

    double clock = 1000;            // seconds, monotonic
    int64_t epoch = 1'790'000'000'000; // wall clock, ms (2026-09)
    double now_seconds() const override { return clock; }
    int64_t epoch_ms() const override { return epoch + int64_t((clock - 1000) * 1000); }
    int tz_offset_minutes() const override { return 0; }
    DateOrder numeric_date_order() const override { return DateOrder::MonthDayYear; }
    void request_frame() override {}
    void wake_at(double deadline) override { wake = deadline; }
    std::optional<double> wake;     // the last wake-up asked for

    // Writes are decided (compare-and-swap) when delivered, as a transaction would be when it runs.
    void store_put(const std::string& key, const std::string& text, uint64_t base, uint64_t token) override {
        pending_.push_back([=] { commit(key, text, base, token); });
    }
    void store_delete(const std::string& key, uint64_t base, uint64_t token) override {
        pending_.push_back([=] { commit(key, std::nullopt, base, token); });
    }
    void backup_put(const std::string& name, const std::string& text, uint64_t token) override {
        pending_.push_back([=] {
            if (!store_.fail_next_backup.empty()) {
                const std::string reason = store_.fail_next_backup;
                store_.fail_next_backup.clear();
                workbench->on_backup_written(token, false, reason);
                return;
            }
            store_.backups[name] = text;
            workbench->on_backup_written(token, true, "");
        });
    }
    void list_backups() override {}
    void live_backup_choose() override {}
    void live_backup_resume() override {}
    void live_backup_stop() override {}
    void live_backup_write(const std::string& text) override { live_backup_text = text; }
    std::string live_backup_text;
    void export_backup(const std::string&, const std::string&) override {}
    void request_persistence() override {}
    void query_storage_estimate() override {}
    void download(const std::string& name, const std::string&, const uint8_t* data, size_t size) override {
        downloads.push_back({name, std::string(reinterpret_cast<const char*>(data), size)});
    }
    void pick_file(const std::string&) override {}
    void copy_text(const std::string&) override {}
    void text_edit_show(const TextEditRequest&) override {}
    void text_edit_hide() override {}
    void apply_update() override { updates_applied++; }
    int updates_applied = 0;
    void reload_page() override {}
    void set_unsaved_guard(bool unsaved) override { unsaved_guard = unsaved; }
    bool unsaved_guard = false;     // the browser would warn before the page closes

    // Runs every queued storage operation of this tab, in order; returns how many ran.
    size_t deliver() {
        size_t n = 0;
        while (!pending_.empty()) {
            auto op = std::move(pending_.front());
            pending_.pop_front();
            op();
            n++;
        }
        return n;
    }
    size_t queued() const { return pending_.size(); }

    struct Download { std::string name, text; };
    std::vector<Download> downloads;

private:
    void commit(const std::string& key, const std::optional<std::string>& text, uint64_t base, uint64_t token) {
        if (!store_.fail_next_write.empty() || !store_.failing_writes.empty()) {
            StoreWriteResult failed;
            if (!store_.fail_next_write.empty()) {
                failed.reason = store_.fail_next_write;
                store_.fail_next_write.clear();
            } else {
                failed.reason = store_.failing_writes.front();
                store_.failing_writes.pop_front();
            }
            workbench->on_store_written(key, token, failed);
            return;
        }
        SharedStore::Record& record = store_.records[key];
        StoreWriteResult result;
        if (record.revision != base) {
            result.outcome = StoreWriteResult::Outcome::Refused;
            result.revision = record.revision;
            result.stored_text = record.text;
            workbench->on_store_written(key, token, result);
            return;
        }
        record = {text, base + 1};
        result.outcome = StoreWriteResult::Outcome::Committed;
        result.revision = base + 1;
        workbench->on_store_written(key, token, result);
        for (FakePlatform* other : store_.tabs)
            if (other != this && other->workbench && other->hears_announcements) other->workbench->on_external_write(key, base + 1, text);
    }

    SharedStore& store_;
    std::deque<std::function<void()>> pending_;
};

// One tab: its platform and its app, loaded from the shared store.
struct Tab {
    FakePlatform platform;
    Workbench wb;
    explicit Tab(SharedStore& store, const std::string& version = "test") : platform(store), wb(platform, version) {
        platform.workbench = &wb;
        wb.on_documents_loaded(store.load());
    }
    // Lets the autosave pause pass and every write complete.
    void settle() {
        for (int i = 0; i < 10; i++) {
            platform.clock += 2;
            wb.tick();
            if (platform.deliver() == 0 && !wb.has_unsaved()) return;
        }
    }
    void edit_profile(const std::string& field, const std::string& value) {
        Profile p = wb.profile();
        if (field == "name") p.name = value;
        else if (field == "role") p.role = value;
        else if (field == "school") p.school = value;
        else if (field == "focus") p.focus = value;
        wb.set_profile(p, field);
    }
};

} // namespace wf::test
