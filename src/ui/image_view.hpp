// Pictures on screen: an evidence image stored on this device (by its blob key), or one that came
// inside a file (a submission a reviewer opened), decoded by the browser into a texture the renderer
// draws. Textures are made at the size they are drawn, kept while the picture is in view, shared by
// every view of the same picture, and given back once it has been out of sight for a while.
#pragma once
#include <imgui.h>

#include <string>

namespace wf { class Workbench; }

namespace wf::ui {

// What to show. One of blob_key or bytes.
struct ImageRef {
    std::string blob_key;                 // the image as stored on this device ("": use bytes)
    const std::string* bytes = nullptr;   // the image file's bytes (not base64), read while the call runs
    std::string mime;                     // "image/png", "image/jpeg", "image/webp"
    int width = 0, height = 0;            // pixels, when known (saves a jump in layout once it loads)
    std::string caption;                  // what the picture shows: its accessible name
};

// Draws the picture at the cursor, fitted into max_size (never enlarged past its own size), as one
// item. Until it is ready, a grey box saying "Loading picture…"; if it cannot be shown (no longer on
// this device, or not a picture), the box says so. Records an automation item: role "image", label the
// caption, value "loading", "shown" or "failed". Returns true when the picture itself was drawn.
bool image_view(Workbench& wb, const char* id, const ImageRef& ref, ImVec2 max_size);

// Once a frame, before anything is drawn (ui::draw_app): gives back the textures of pictures not in
// view for kPictureKeepSeconds of frames (ImGui's clock: a tab left idle keeps what it shows).
void release_unseen_pictures(Workbench& wb);
inline constexpr double kPictureKeepSeconds = 20;

// The GL context was lost, or the platform is another one (tests): every texture is gone already;
// forget them all, and ignore replies to loads asked for before.
void forget_pictures();

} // namespace wf::ui
