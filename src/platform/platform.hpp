// The one interface between Wayfinder and the machine it runs on. The web implementation is
// src/platform/web/platform_web.cpp (+ its JS library); a native fake can stand in for unit tests.
// Everything asynchronous reports back through PlatformEvents (see app/workbench.hpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/dates.hpp"

namespace wf {

struct CssRect { float x = 0, y = 0, w = 0, h = 0; }; // CSS pixels, relative to the app canvas

// Where and how the native editor appears over a field being edited.
struct TextEditRequest {
    uint32_t field_id = 0;       // the widget id; echoed back with every change
    bool date_input = false;     // true: the browser's date input (`value` is "2026-12-01" or "")
    bool open_calendar = false;  // date input: its calendar opens with it (asked for with the mouse; from the
                                 // keyboard, the date's parts are typed, and the calendar waits to be asked)
    std::string value;           // UTF-8 text when editing starts
    std::string label;           // accessible name
    std::string hint;            // placeholder
    bool multiline = false;
    int max_chars = 0;           // 0 = no limit
    CssRect rect;                // where the field's frame is
    CssRect clip;                // visible part of the scrolling region (the editor is clipped to it)
    float font_px = 16;          // CSS font-size that matches the ImGui glyphs
    float line_height_px = 20;   // CSS line-height that matches ImGui's line spacing
    float pad_x = 8, pad_y = 6;  // CSS padding that matches the ImGui frame padding
    uint32_t text_rgba = 0, background_rgba = 0, border_rgba = 0, hint_rgba = 0; // 0xRRGGBBAA
    bool replace_value = false;  // the open editor takes `value` (it changed outside the editor)
};

// What a storage write came to.
struct StoreWriteResult {
    enum class Outcome { Committed, Refused, Failed } outcome = Outcome::Failed;
    uint64_t revision = 0;                  // Committed: the new stored revision; Refused: the stored one
    std::optional<std::string> stored_text; // Refused: what is stored (nullopt: removed, or never stored)
    std::string reason;                     // Failed: a sentence from the platform, e.g. "the storage is full."
};

// A document as storage holds it, read at start-up.
struct StoredRecord {
    std::string key;
    std::optional<std::string> text; // nullopt: the document was removed (its revision is kept)
    uint64_t revision = 0;
};

// A copy kept aside in storage (see Platform::backup_put).
struct BackupInfo {
    std::string name;    // e.g. "before-import-2026-11-29T10:05:00Z"
    int64_t created_ms = 0;
    uint64_t bytes = 0;
};

// An evidence image as the browser stored it (Platform::image_add / image_choose).
struct StoredImage {
    bool ok = false;
    std::string blob_key;        // where its bytes are kept (blob_read gives them back)
    std::string mime;            // what it was stored as ("image/png", "image/jpeg", "image/webp")
    uint64_t size = 0;           // bytes, as stored
    int width = 0, height = 0;   // pixels, as stored (after scaling down)
    std::string problem;         // !ok: a sentence saying what went wrong and what to do
};

// A picture decoded for the screen (Platform::picture_load): a texture the renderer draws.
struct LoadedPicture {
    bool ok = false;             // false: not found on this device, or not a picture the browser can decode
    uint32_t texture = 0;        // the renderer's texture (an ImTextureID); give it back with picture_free
    int width = 0, height = 0;   // the picture's own size, pixels
    int texture_width = 0, texture_height = 0; // the texture's: smaller when it was scaled down to fit
};

// What an Ed25519 signature check came to (Platform::verify_signature).
enum class SignatureCheck { Valid, Invalid, CannotCheck };

struct StorageEstimate { bool known = false; bool persisted = false; double usage_bytes = 0, quota_bytes = 0; };

class Platform {
public:
    virtual ~Platform() = default;

    // --- time
    virtual double now_seconds() const = 0;         // monotonic
    virtual int64_t epoch_ms() const = 0;           // wall clock
    virtual int tz_offset_minutes() const = 0;      // minutes east of UTC, for local dates
    virtual DateOrder numeric_date_order() const = 0; // how the browser's language writes 1/12/2026
    virtual bool prefers_reduced_motion() const = 0; // the person asked their system for less motion

    // --- frames: nothing renders unless something asks (an idle tab uses no CPU)
    virtual void request_frame() = 0;
    virtual void wake_at(double now_seconds_deadline) = 0; // Workbench::tick() runs at or after it

    // --- durable storage, one record per document key. Each record carries its revision (1, 2, ...;
    // 0: never stored). A write names the revision it is based on and is refused inside the same
    // transaction when the stored one differs (compare-and-swap), so a tab holding a stale copy can
    // never replace newer data. A removal is stored as a removed record with its own revision.
    // Completions arrive as on_store_written; a committed write is announced to the other tabs, which
    // hear it as on_external_write.
    virtual void store_put(const std::string& key, const std::string& text, uint64_t base_revision, uint64_t token) = 0;
    virtual void store_delete(const std::string& key, uint64_t base_revision, uint64_t token) = 0;
    // Copies kept aside (before an import replaces data, or a tab's unsaved work when it must stop):
    // completion as on_backup_written; the list as on_backups_listed.
    virtual void backup_put(const std::string& name, const std::string& text, uint64_t token) = 0;
    virtual void list_backups() = 0;
    virtual void export_backup(const std::string& name, const std::string& file_name) = 0; // byte for byte
    // A backup file kept up to date (the File System Access API, where the browser has it: Chromebooks).
    // The file is chosen once (live_backup_choose) and remembered; its state arrives as on_live_backup.
    virtual void live_backup_choose() = 0;
    virtual void live_backup_resume() = 0;            // asks the browser again for permission to write
    virtual void live_backup_stop() = 0;
    virtual void live_backup_write(const std::string& text) = 0; // the newest text wins; writes never overlap
    virtual void request_persistence() = 0;          // answer arrives as on_storage_estimate
    virtual void query_storage_estimate() = 0;

    // --- files
    virtual void download(const std::string& file_name, const std::string& mime, const uint8_t* data, size_t size) = 0;
    virtual void pick_file(const std::string& accept) = 0; // the chosen file arrives as on_file_opened

    // --- evidence images: kept in IndexedDB beside the documents (never inside them), one record per
    // image. The browser decodes an image, scales it down to fit kMaxImageSide pixels a side, encodes it
    // again, and stores it under a new blob key; the reply is on_image_stored(token, ...). Anything that
    // is no image, or still too large, is refused with a reason.
    static constexpr int kMaxImageSide = 1600;
    virtual void image_add(const uint8_t* data, size_t size, const std::string& mime, uint64_t token) = 0;
    virtual void image_choose(uint64_t token) = 0;       // the file chooser, images only; cancelled: no reply
    virtual void blob_read(const std::string& blob_key, uint64_t token) = 0; // reply: on_blob_read
    virtual void blob_remove(const std::string& blob_key) = 0;
    // A picture to show: the stored image `blob_key`, or (blob_key "") the bytes given, decoded by the
    // browser into a texture at most max_width x max_height pixels (scaled down, its shape kept: a
    // texture as large as it is drawn, not as the file). Reply: on_picture_loaded. Textures die with
    // the GL context; picture_free gives one back.
    virtual void picture_load(const std::string& blob_key, const uint8_t* data, size_t size, const std::string& mime,
                              int max_width, int max_height, uint64_t token) = 0;
    virtual void picture_free(uint32_t texture) = 0;

    // --- this browser's signing key (a reviewer signs the badges they award): an Ed25519 key made once
    // by Web Crypto and kept in IndexedDB, its private half never extractable. Replies: on_signing_key
    // with the 32-byte raw public key (empty when there is none and `create` is false, or on failure);
    // on_signed with the 64-byte signature of `message`; on_signature_checked.
    virtual void signing_key_load(bool create, uint64_t token) = 0;
    virtual void sign(const std::string& message, uint64_t token) = 0;
    virtual void verify_signature(const std::string& public_key, const std::string& message,
                                  const std::string& signature, uint64_t token) = 0;

    // --- clipboard and native text editing
    virtual void copy_text(const std::string& text) = 0;
    virtual void text_edit_show(const TextEditRequest& request) = 0; // also moves an open editor
    virtual void text_edit_hide() = 0;

    // --- the app itself
    virtual void apply_update() = 0;                 // activate the waiting version and reload
    virtual void reload_page() = 0;                  // load this page again (this tab must catch up with another)
    virtual void set_unsaved_guard(bool unsaved) = 0; // warn before the page closes with unsaved work
};

} // namespace wf
