#include "platform/web/platform_web.hpp"

#include <GLES3/gl3.h>
#include <emscripten.h>

extern "C" {
// Implemented in library_wayfinder.js.
void wf_js_request_frame();
void wf_js_wake_at(double seconds);
double wf_js_epoch_ms();
int wf_js_tz_offset_minutes();
int wf_js_date_order();
int wf_js_reduced_motion();
void wf_js_store_put(const char* key, const char* text, double base_revision, double token);
void wf_js_store_delete(const char* key, double base_revision, double token);
void wf_js_backup_put(const char* name, const char* text, double token);
void wf_js_list_backups();
void wf_js_live_backup(int action, const char* text);
void wf_js_export_backup(const char* name, const char* file_name);
void wf_js_query_storage(int ask_persistence);
void wf_js_download(const char* name, const char* mime, const uint8_t* data, size_t size);
void wf_js_pick_file(const char* accept);
void wf_js_signing_key_load(int create, double token);
void wf_js_sign(const char* message, size_t message_size, double token);
void wf_js_verify_signature(const char* key, size_t key_size, const char* message, size_t message_size,
                            const char* signature, size_t signature_size, double token);
void wf_js_image_add(const uint8_t* data, size_t size, const char* mime, double token);
void wf_js_image_choose(double token);
void wf_js_blob_read(const char* key, double token);
void wf_js_blob_remove(const char* key);
void wf_js_picture_load(const char* key, const uint8_t* data, size_t size, const char* mime, int max_width, int max_height,
                        double token);
void wf_js_copy_text(const char* text);
void wf_js_text_edit_show(unsigned field, int date_input, int open_calendar, const char* value, const char* label, const char* hint, int multiline,
                          int max_chars, float x, float y, float w, float h, float cx, float cy, float cw, float ch,
                          float font_px, float line_height, float pad_x, float pad_y, unsigned text, unsigned background,
                          unsigned border, unsigned hint_colour, int replace_value);
void wf_js_text_edit_hide();
void wf_js_apply_update();
void wf_js_reload_page();
void wf_js_set_unsaved_guard(int on);
}

namespace wf {

double PlatformWeb::now_seconds() const { return emscripten_get_now() / 1000.0; }
int64_t PlatformWeb::epoch_ms() const { return (int64_t)wf_js_epoch_ms(); }
int PlatformWeb::tz_offset_minutes() const { return wf_js_tz_offset_minutes(); }
DateOrder PlatformWeb::numeric_date_order() const {
    const int order = wf_js_date_order();
    return order == 1 ? DateOrder::DayMonthYear : order == 2 ? DateOrder::YearMonthDay : DateOrder::MonthDayYear;
}
bool PlatformWeb::prefers_reduced_motion() const { return wf_js_reduced_motion() != 0; }
void PlatformWeb::request_frame() { wf_js_request_frame(); }
void PlatformWeb::wake_at(double seconds) { wf_js_wake_at(seconds); }
// Tokens and revisions count writes: far below 2^53, so a JS number carries them exactly.
void PlatformWeb::store_put(const std::string& key, const std::string& text, uint64_t base_revision, uint64_t token) {
    wf_js_store_put(key.c_str(), text.c_str(), (double)base_revision, (double)token);
}
void PlatformWeb::store_delete(const std::string& key, uint64_t base_revision, uint64_t token) {
    wf_js_store_delete(key.c_str(), (double)base_revision, (double)token);
}
void PlatformWeb::backup_put(const std::string& name, const std::string& text, uint64_t token) {
    wf_js_backup_put(name.c_str(), text.c_str(), (double)token);
}
void PlatformWeb::list_backups() { wf_js_list_backups(); }
void PlatformWeb::live_backup_choose() { wf_js_live_backup(0, ""); }
void PlatformWeb::live_backup_resume() { wf_js_live_backup(1, ""); }
void PlatformWeb::live_backup_stop() { wf_js_live_backup(2, ""); }
void PlatformWeb::live_backup_write(const std::string& text) { wf_js_live_backup(3, text.c_str()); }
void PlatformWeb::export_backup(const std::string& name, const std::string& file_name) {
    wf_js_export_backup(name.c_str(), file_name.c_str());
}
void PlatformWeb::request_persistence() { wf_js_query_storage(1); }
void PlatformWeb::query_storage_estimate() { wf_js_query_storage(0); }
void PlatformWeb::download(const std::string& name, const std::string& mime, const uint8_t* data, size_t size) {
    wf_js_download(name.c_str(), mime.c_str(), data, size);
}
void PlatformWeb::pick_file(const std::string& accept) { wf_js_pick_file(accept.c_str()); }
// Keys, messages and signatures are bytes, not C strings: each goes with its size.
void PlatformWeb::signing_key_load(bool create, uint64_t token) { wf_js_signing_key_load(create ? 1 : 0, (double)token); }
void PlatformWeb::sign(const std::string& message, uint64_t token) {
    wf_js_sign(message.data(), message.size(), (double)token);
}
void PlatformWeb::verify_signature(const std::string& public_key, const std::string& message, const std::string& signature,
                                   uint64_t token) {
    wf_js_verify_signature(public_key.data(), public_key.size(), message.data(), message.size(), signature.data(),
                           signature.size(), (double)token);
}
// Evidence pictures (library_wayfinder.js, "evidence pictures"); replies arrive in main_web.cpp.
void PlatformWeb::image_add(const uint8_t* data, size_t size, const std::string& mime, uint64_t token) {
    wf_js_image_add(data, size, mime.c_str(), (double)token);
}
void PlatformWeb::image_choose(uint64_t token) { wf_js_image_choose((double)token); }
void PlatformWeb::blob_read(const std::string& blob_key, uint64_t token) { wf_js_blob_read(blob_key.c_str(), (double)token); }
void PlatformWeb::blob_remove(const std::string& blob_key) { wf_js_blob_remove(blob_key.c_str()); }
void PlatformWeb::picture_load(const std::string& blob_key, const uint8_t* data, size_t size, const std::string& mime,
                               int max_width, int max_height, uint64_t token) {
    wf_js_picture_load(blob_key.c_str(), data, size, mime.c_str(), max_width, max_height, (double)token);
}
// The texture is in Emscripten's GL table (library_wayfinder.js made it there), so GL deletes it.
void PlatformWeb::picture_free(uint32_t texture) {
    const GLuint name = texture;
    glDeleteTextures(1, &name);
}
void PlatformWeb::copy_text(const std::string& text) { wf_js_copy_text(text.c_str()); }
void PlatformWeb::text_edit_show(const TextEditRequest& r) {
    wf_js_text_edit_show(r.field_id, r.date_input ? 1 : 0, r.open_calendar ? 1 : 0, r.value.c_str(), r.label.c_str(), r.hint.c_str(), r.multiline ? 1 : 0,
                         r.max_chars, r.rect.x, r.rect.y, r.rect.w, r.rect.h, r.clip.x, r.clip.y, r.clip.w, r.clip.h,
                         r.font_px, r.line_height_px, r.pad_x, r.pad_y, r.text_rgba, r.background_rgba, r.border_rgba,
                         r.hint_rgba, r.replace_value ? 1 : 0);
}
void PlatformWeb::text_edit_hide() { wf_js_text_edit_hide(); }
void PlatformWeb::apply_update() { wf_js_apply_update(); }
void PlatformWeb::reload_page() { wf_js_reload_page(); }
void PlatformWeb::set_unsaved_guard(bool unsaved) { wf_js_set_unsaved_guard(unsaved ? 1 : 0); }

} // namespace wf
