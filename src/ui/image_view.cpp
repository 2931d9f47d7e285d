// [SECTION] The pictures kept
// [SECTION] Loading
// [SECTION] Drawing
#include "ui/image_view.hpp"

#include <imgui_internal.h>

#include <cmath>
#include <map>

#include "app/workbench.hpp"
#include "ui/automation.hpp"
#include "ui/theme.hpp"

namespace wf::ui {

// [SECTION] The pictures kept -----------------------------------------------------------------------

namespace {

struct Picture {
    enum class State { Loading, Shown, Failed } state = State::Loading;
    uint32_t texture = 0;                      // Shown: what is drawn
    int width = 0, height = 0;                 // the picture's own size, once known
    int texture_width = 0, texture_height = 0;
    double seen_at = 0;                        // when it was last in view (ImGui's clock: frame time, idle not counted)
    uint64_t asked = 0;                        // the load whose reply is awaited; 0: none
};

// By picture, not by view: a picture shown twice (a list and a review side by side) is decoded once.
std::map<std::string, Picture>& pictures() {
    static std::map<std::string, Picture> all;
    return all;
}
uint64_t g_last_load = 0;   // numbers every load; forget_pictures() leaves older replies unanswered

// Bytes that came in a file have no name: they are known by their size and a sample of them (a whole
// hash of megabytes on every frame would cost more than the picture's drawing).
std::string picture_key(const ImageRef& ref) {
    if (!ref.blob_key.empty()) return "blob " + ref.blob_key;
    if (!ref.bytes) return "";
    const std::string& b = *ref.bytes;
    uint64_t hash = 1469598103934665603ull;   // FNV-1a
    const size_t step = b.size() / 4096 + 1;
    for (size_t i = 0; i < b.size(); i += step) hash = (hash ^ (uint8_t)b[i]) * 1099511628211ull;
    return "bytes " + std::to_string(b.size()) + " " + std::to_string(hash);
}

// Fitted into `room`, never enlarged; an unknown shape takes a 4:3 box until the picture says.
ImVec2 fitted(int width, int height, ImVec2 room) {
    room = ImMax(room, ImVec2(1, 1));
    if (width <= 0 || height <= 0) return ImVec2(room.x, ImMin(room.y, std::floor(room.x * 0.75f)));
    const float k = ImMin(1.0f, ImMin(room.x / (float)width, room.y / (float)height));
    return ImVec2(ImMax(1.0f, std::floor((float)width * k)), ImMax(1.0f, std::floor((float)height * k)));
}

// [SECTION] Loading ---------------------------------------------------------------------------------

// Texture sizes come in steps, so a window resized pixel by pixel does not decode the picture again.
int in_steps(float pixels) { return ((int)std::ceil(pixels) + 63) / 64 * 64; }

void ask(Workbench& wb, const std::string& key, Picture& picture, const ImageRef& ref, ImVec2 drawn) {
    const uint64_t load = ++g_last_load;
    picture.asked = load;
    Workbench* app = &wb;
    auto done = [app, key, load](const LoadedPicture& loaded) {
        auto it = pictures().find(key);
        if (it == pictures().end() || it->second.asked != load) {
            if (loaded.ok) app->free_picture(loaded.texture);   // forgotten meanwhile
            return;
        }
        Picture& p = it->second;
        p.asked = 0;
        if (!loaded.ok) {
            // A larger copy that failed leaves the smaller one on screen.
            if (p.state != Picture::State::Shown) p.state = Picture::State::Failed;
            return;
        }
        if (p.state == Picture::State::Shown) app->free_picture(p.texture);
        p.state = Picture::State::Shown;
        p.texture = loaded.texture;
        p.width = loaded.width;
        p.height = loaded.height;
        p.texture_width = loaded.texture_width;
        p.texture_height = loaded.texture_height;
    };
    const std::string* bytes = ref.blob_key.empty() ? ref.bytes : nullptr;
    wb.load_picture(ref.blob_key, bytes ? reinterpret_cast<const uint8_t*>(bytes->data()) : nullptr, bytes ? bytes->size() : 0,
                    ref.mime, in_steps(drawn.x), in_steps(drawn.y), std::move(done));
}

// Drawn larger than its texture (the window grew, or the scale went up) and the picture has more to
// give: a sharper copy is decoded, and the current one stays on screen until it comes.
bool wants_sharper(const Picture& p, ImVec2 drawn) {
    return p.state == Picture::State::Shown && !p.asked && p.texture_width < p.width &&
           drawn.x > (float)p.texture_width * 1.25f;
}

} // namespace

void release_unseen_pictures(Workbench& wb) {
    const double now = ImGui::GetTime();
    for (auto it = pictures().begin(); it != pictures().end();) {
        if (now - it->second.seen_at < kPictureKeepSeconds) { ++it; continue; }
        // A load still in flight is answered into nothing, and its texture given back then.
        if (it->second.state == Picture::State::Shown) wb.free_picture(it->second.texture);
        it = pictures().erase(it);
    }
}

void forget_pictures() {
    pictures().clear();
    g_last_load++;
}

// [SECTION] Drawing ---------------------------------------------------------------------------------

bool image_view(Workbench& wb, const char* id, const ImageRef& ref, ImVec2 max_size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const std::string key = picture_key(ref);
    auto found = key.empty() ? pictures().end() : pictures().find(key);
    Picture* picture = found == pictures().end() ? nullptr : &found->second;
    int width = ref.width, height = ref.height;
    if ((width <= 0 || height <= 0) && picture && picture->width > 0) { width = picture->width; height = picture->height; }
    const ImVec2 size = fitted(width, height, max_size);
    const ImRect box(window->DC.CursorPos, window->DC.CursorPos + size);
    ImGui::ItemSize(size);
    if (!ImGui::ItemAdd(box, window->GetID(id))) return false;   // out of view: neither loaded nor kept

    Picture failed;   // nothing to load from
    failed.state = Picture::State::Failed;
    if (key.empty()) picture = &failed;
    else if (!picture) {
        picture = &pictures()[key];
        ask(wb, key, *picture, ref, size);
    } else if (wants_sharper(*picture, size)) {
        ask(wb, key, *picture, ref, size);
    }
    picture->seen_at = ImGui::GetTime();

    ImDrawList* draw = window->DrawList;
    const Palette& colours = palette();
    const bool shown = picture->state == Picture::State::Shown;
    if (shown) {
        draw->AddImage((ImTextureID)(intptr_t)picture->texture, box.Min, box.Max);
    } else {
        draw->AddRectFilled(box.Min, box.Max, colours.panel);
        const char* text = picture->state == Picture::State::Loading ? "Loading picture\u2026" : "This picture could not be shown";
        const float pad = ImGui::GetStyle().FramePadding.x, wrap = ImMax(1.0f, size.x - pad * 2);
        const ImVec2 text_size = ImGui::CalcTextSize(text, nullptr, false, wrap);
        const ImVec2 at(box.Min.x + ImMax(pad, (size.x - text_size.x) * 0.5f), box.Min.y + ImMax(0.0f, (size.y - text_size.y) * 0.5f));
        const ImVec4 clip(box.Min.x, box.Min.y, box.Max.x, box.Max.y);
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, colours.text_dim, text, nullptr, wrap, &clip);
    }
    // A thin edge: a picture with a white background would otherwise merge into the page.
    draw->AddRect(box.Min, box.Max, colours.border);
    if (automation::Record* record = automation::record_text("image", ref.caption, box))
        record->value = picture->state == Picture::State::Loading ? "loading" : shown ? "shown" : "failed";
    return shown;
}

} // namespace wf::ui
