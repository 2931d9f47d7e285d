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
#include <set>
#include <string>
#include <vector>

#include <openssl/evp.h>

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
    // Evidence images and the signing key, as the browser profile keeps them in IndexedDB.
    std::map<std::string, std::string> blobs;           // blob key -> bytes
    std::string signing_private_key;                    // 32-byte Ed25519 seed; "": none made yet
    uint64_t blob_counter = 0;

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
    bool reduced_motion = false;    // the system setting "reduce motion"
    bool prefers_reduced_motion() const override { return reduced_motion; }
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
    // Images: kept as given (the browser would scale them down); PNG, JPEG and WebP by their first bytes.
    void image_add(const uint8_t* data, size_t size, const std::string& mime, uint64_t token) override {
        std::string bytes(reinterpret_cast<const char*>(data), size);
        pending_.push_back([=] { workbench->on_image_stored(token, store_image(bytes, mime)); });
    }
    // The chooser returns `next_chosen_image` (none set: the librarian cancelled, and nothing replies).
    void image_choose(uint64_t token) override {
        if (!next_chosen_image) return;
        const std::string bytes = *next_chosen_image;
        next_chosen_image.reset();
        pending_.push_back([=] { workbench->on_image_stored(token, store_image(bytes, "image/png")); });
    }
    std::optional<std::string> next_chosen_image;
    void blob_read(const std::string& key, uint64_t token) override {
        pending_.push_back([=] {
            auto it = store_.blobs.find(key);
            workbench->on_blob_read(token, it == store_.blobs.end() ? std::nullopt : std::optional<std::string>(it->second));
        });
    }
    void blob_remove(const std::string& key) override { pending_.push_back([=] { store_.blobs.erase(key); }); }
    // Pictures for the screen: a texture number per decoded picture, its size read from a PNG's header,
    // and scaled down to fit as the browser would. Live textures are counted, to see them given back.
    void picture_load(const std::string& key, const uint8_t* data, size_t size, const std::string&, int max_w, int max_h,
                      uint64_t token) override {
        picture_loads.push_back({key, max_w, max_h});
        std::optional<std::string> bytes = key.empty() ? std::optional<std::string>(std::string(reinterpret_cast<const char*>(data), size))
                                                       : std::nullopt;
        pending_.push_back([=] {
            std::optional<std::string> found = bytes;
            if (!key.empty()) if (auto it = store_.blobs.find(key); it != store_.blobs.end()) found = it->second;
            LoadedPicture picture;
            if (found && found->rfind("\x89PNG", 0) == 0 && found->size() >= 24) {
                picture.ok = true;
                picture.texture = ++texture_counter;
                picture.width = be32(*found, 16);
                picture.height = be32(*found, 20);
                const double k = std::min({1.0, double(max_w) / picture.width, double(max_h) / picture.height});
                picture.texture_width = int(picture.width * k);
                picture.texture_height = int(picture.height * k);
                textures.insert(picture.texture);
            }
            workbench->on_picture_loaded(token, picture);
        });
    }
    void picture_free(uint32_t texture) override { textures.erase(texture); }
    struct PictureLoad { std::string blob_key; int max_width, max_height; };
    std::vector<PictureLoad> picture_loads;   // every load asked for, in order
    std::set<uint32_t> textures;              // textures made and not given back
    uint32_t texture_counter = 0;
    // Signing: OpenSSL's Ed25519 stands in for Web Crypto's.
    void signing_key_load(bool create, uint64_t token) override {
        pending_.push_back([=] {
            // Each profile its own key: a seed no other profile in this test run has.
            static uint8_t profiles = 0;
            if (store_.signing_private_key.empty() && create) store_.signing_private_key = std::string(32, char(++profiles));
            workbench->on_signing_key(token, store_.signing_private_key.empty() ? "" : public_key(), "");
        });
    }
    void sign(const std::string& message, uint64_t token) override {
        pending_.push_back([=] {
            if (store_.signing_private_key.empty()) { workbench->on_signed(token, "", "This browser has no signing key."); return; }
            workbench->on_signed(token, ed25519_sign(message), "");
        });
    }
    void verify_signature(const std::string& key, const std::string& message, const std::string& signature, uint64_t token) override {
        pending_.push_back([=] { workbench->on_signature_checked(token, ed25519_verify(key, message, signature)); });
    }
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
    static int be32(const std::string& b, size_t at) {
        return int((uint8_t(b[at]) << 24) | (uint8_t(b[at + 1]) << 16) | (uint8_t(b[at + 2]) << 8) | uint8_t(b[at + 3]));
    }
    StoredImage store_image(const std::string& bytes, const std::string& mime) {
        StoredImage image;
        const bool png = bytes.rfind("\x89PNG", 0) == 0, jpeg = bytes.rfind("\xFF\xD8\xFF", 0) == 0,
                   webp = bytes.size() > 12 && bytes.compare(8, 4, "WEBP") == 0;
        if (!png && !jpeg && !webp) {
            image.problem = "That file is not a picture this browser can open. Choose a PNG, JPEG or WebP image.";
            return image;
        }
        image.ok = true;
        image.blob_key = "blob:" + std::to_string(++store_.blob_counter);
        image.mime = png ? "image/png" : jpeg ? "image/jpeg" : "image/webp";
        (void)mime;
        image.size = bytes.size();
        if (png && bytes.size() >= 24) { // IHDR: width and height, big-endian, at bytes 16 and 20
            image.width = be32(bytes, 16);
            image.height = be32(bytes, 20);
        }
        store_.blobs[image.blob_key] = bytes;
        return image;
    }
    std::string public_key() const {
        EVP_PKEY* key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
            reinterpret_cast<const unsigned char*>(store_.signing_private_key.data()), 32);
        std::string out(32, '\0');
        size_t n = 32;
        EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(out.data()), &n);
        EVP_PKEY_free(key);
        return out;
    }
    std::string ed25519_sign(const std::string& message) const {
        EVP_PKEY* key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
            reinterpret_cast<const unsigned char*>(store_.signing_private_key.data()), 32);
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        std::string out(64, '\0');
        size_t n = 64;
        EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key);
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &n,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size());
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_free(key);
        return out;
    }
    static SignatureCheck ed25519_verify(const std::string& public_key, const std::string& message, const std::string& signature) {
        if (public_key.size() != 32 || signature.size() != 64) return SignatureCheck::CannotCheck;
        EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
            reinterpret_cast<const unsigned char*>(public_key.data()), 32);
        if (!key) return SignatureCheck::CannotCheck;
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key);
        const int ok = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), 64,
                                        reinterpret_cast<const unsigned char*>(message.data()), message.size());
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_free(key);
        return ok == 1 ? SignatureCheck::Valid : SignatureCheck::Invalid;
    }
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
