// The browser implementation of wf::Platform: thin C++ over src/platform/web/library_wayfinder.js.
#pragma once
#include "platform/platform.hpp"

namespace wf {

class PlatformWeb final : public Platform {
public:
    double now_seconds() const override;
    int64_t epoch_ms() const override;
    int tz_offset_minutes() const override;
    DateOrder numeric_date_order() const override;
    bool prefers_reduced_motion() const override;
    void request_frame() override;
    void wake_at(double now_seconds_deadline) override;
    void store_put(const std::string& key, const std::string& text, uint64_t base_revision, uint64_t token) override;
    void store_delete(const std::string& key, uint64_t base_revision, uint64_t token) override;
    void backup_put(const std::string& name, const std::string& text, uint64_t token) override;
    void list_backups() override;
    void live_backup_choose() override;
    void live_backup_resume() override;
    void live_backup_stop() override;
    void live_backup_write(const std::string& text) override;
    void export_backup(const std::string& name, const std::string& file_name) override;
    void request_persistence() override;
    void query_storage_estimate() override;
    void download(const std::string& file_name, const std::string& mime, const uint8_t* data, size_t size) override;
    void pick_file(const std::string& accept) override;
    void image_add(const uint8_t* data, size_t size, const std::string& mime, uint64_t token) override;
    void image_choose(uint64_t token) override;
    void blob_read(const std::string& blob_key, uint64_t token) override;
    void blob_remove(const std::string& blob_key) override;
    void picture_load(const std::string& blob_key, const uint8_t* data, size_t size, const std::string& mime,
                      int max_width, int max_height, uint64_t token) override;
    void picture_free(uint32_t texture) override;
    void signing_key_load(bool create, uint64_t token) override;
    void sign(const std::string& message, uint64_t token) override;
    void verify_signature(const std::string& public_key, const std::string& message, const std::string& signature,
                          uint64_t token) override;
    void copy_text(const std::string& text) override;
    void text_edit_show(const TextEditRequest& request) override;
    void text_edit_hide() override;
    void apply_update() override;
    void reload_page() override;
    void set_unsaved_guard(bool unsaved) override;
};

} // namespace wf
