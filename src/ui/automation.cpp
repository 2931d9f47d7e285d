#include "ui/automation.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <vector>

namespace wf::automation {

namespace {
struct Record {
    ImGuiID id = 0;
    std::string label;
    std::string role;
    std::string state;          // extra JSON fields, without braces
    std::string value;          // has_value: a text field's text, quoted when read
    bool has_value = false;
    ImRect rect;
    bool checkable = false, checked = false, disabled = false, focused = false;
    bool clipped = false;   // partly outside its window's visible area (scrolled under an edge)
    bool cut = false;       // partly beyond its window's left or right edge: a layout fault, not scrolling
};
struct Recorder {
    bool recording = false;
    float pixel_ratio = 1.0f;
    std::string next_role, next_state, next_value;
    bool has_next_value = false;
    std::vector<Record> current, last;   // this frame's records, and the last complete frame's
    std::string json;                     // built lazily from `last`
    bool json_stale = true;
};
Recorder& rec() { static Recorder r; return r; }

// What a person reads: the rendered part of an ImGui label, without icon glyphs (private-use code
// points U+E000..U+F8FF, three UTF-8 bytes starting EE/EF) and surrounding spaces.
std::string readable(const char* begin, const char* end) {
    std::string out;
    for (const char* c = begin; c < end; c++) {
        const unsigned char b = (unsigned char)*c;
        if ((b == 0xEE || (b == 0xEF && c + 1 < end && (unsigned char)c[1] < 0xA4)) && c + 2 < end) { c += 2; continue; }
        out.push_back(*c);
    }
    const size_t first = out.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::string visible_label(const char* label) { return readable(label, ImGui::FindRenderedTextEnd(label)); }

Record* find(ImGuiID id) {
    for (auto it = rec().current.rbegin(); it != rec().current.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}
} // namespace

void begin_frame(bool recording) {
    Recorder& r = rec();
    r.current.clear();
    r.recording = recording;
    ImGui::GetCurrentContext()->TestEngineHookItems = recording;
}

void end_frame() {
    Recorder& r = rec();
    if (!r.recording) return;
    r.last.swap(r.current);
    r.json_stale = true;
    r.recording = false;
    ImGui::GetCurrentContext()->TestEngineHookItems = false;
}

void set_next_role(const char* role) { rec().next_role = role; }
void set_next_state(const std::string& fields) { rec().next_state = fields; }
void set_next_value(const std::string& value) {
    rec().next_value = value;
    rec().has_next_value = true;
}
void set_pixel_ratio(float ratio) { rec().pixel_ratio = ratio > 0 ? ratio : 1.0f; }

void record_text(const char* role, const std::string& text, const ImRect& rect, const std::string& state) {
    Recorder& r = rec();
    if (!r.recording || !ImGui::GetCurrentWindow()->ClipRect.Overlaps(rect)) return;
    Record item;
    item.label = readable(text.data(), text.data() + text.size());
    item.role = role;
    item.state = state;
    item.rect = rect;
    r.current.push_back(std::move(item));
}

const std::string& items_json() {
    Recorder& r = rec();
    if (!r.json_stale) return r.json;
    nlohmann::json out = nlohmann::json::array();
    const float k = 1.0f / r.pixel_ratio;
    for (const Record& item : r.last) {
        if (item.label.empty() && item.role.empty()) continue;
        nlohmann::json o = {
            {"label", item.label}, {"role", item.role.empty() ? "button" : item.role}, {"id", item.id},
            {"x", item.rect.Min.x * k}, {"y", item.rect.Min.y * k},
            {"w", item.rect.GetWidth() * k}, {"h", item.rect.GetHeight() * k},
            {"disabled", item.disabled}, {"focused", item.focused}, {"clipped", item.clipped}, {"cut", item.cut},
        };
        if (item.checkable) o["checked"] = item.checked;
        if (item.has_value) o["value"] = item.value;
        if (!item.state.empty()) {
            nlohmann::json extra = nlohmann::json::parse("{" + item.state + "}", nullptr, false);
            if (extra.is_object()) o.update(extra);
        }
        out.push_back(std::move(o));
    }
    r.json = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);   // a value may hold broken UTF-8
    r.json_stale = false;
    return r.json;
}

} // namespace wf::automation

// [SECTION] Dear ImGui test-engine hooks (declared in imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE)

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    using namespace wf::automation;
    Recorder& r = rec();
    ImGuiWindow* window = ctx->CurrentWindow;
    const bool has_value = r.has_next_value;
    r.has_next_value = false;
    if (!r.recording || !window || !window->ClipRect.Overlaps(bb)) { r.next_role.clear(); r.next_state.clear(); return; }
    Record item;
    item.id = id;
    item.rect = bb;
    item.clipped = !window->ClipRect.Contains(bb);
    item.cut = bb.Min.x < window->ClipRect.Min.x - 0.5f || bb.Max.x > window->ClipRect.Max.x + 0.5f;
    item.role = std::move(r.next_role);
    item.state = std::move(r.next_state);
    if (has_value) {
        item.value = std::move(r.next_value);
        item.has_value = true;
    }
    item.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    item.focused = ctx->NavId == id && !ctx->NavDisableHighlight;
    r.next_role.clear();
    r.next_state.clear();
    r.current.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace wf::automation;
    if (!rec().recording) return;
    if (Record* item = find(id)) {
        if (label) item->label = visible_label(label);
        item->checkable = (flags & ImGuiItemStatusFlags_Checkable) != 0;
        item->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
        if (item->role.empty() && item->checkable) item->role = "checkbox";
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
