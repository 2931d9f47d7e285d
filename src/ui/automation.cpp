#include "ui/automation.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace wf::automation {

// [SECTION] Recording
// [SECTION] JSON
// [SECTION] Dear ImGui test-engine hooks (below the namespace)

namespace {
struct Recorder {
    bool recording = false;
    std::vector<ImGuiID> areas;           // this frame's marked windows
    float pixel_ratio = 1.0f;
    Record next;
    std::vector<Record> current, last;   // this frame's records, and the last complete frame's
    std::string json, mirror_json;        // built lazily from `last`
    bool json_stale = true, mirror_stale = true;
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

void set_rect(Record& item, const ImRect& r) {
    item.x = r.Min.x;
    item.y = r.Min.y;
    item.w = r.GetWidth();
    item.h = r.GetHeight();
}

// The marked area a window belongs to: its own mark, else its nearest marked parent's.
ImGuiID area_of(ImGuiWindow* window) {
    for (; window; window = window->ParentWindow)
        for (const ImGuiID area : rec().areas)
            if (area == window->ID) return area;
    return 0;
}

// Text as well as widgets: a line running past its window's left or right edge is cut off for the
// reader. ImGui rounds a text's width up to a whole pixel, so a line wrapped at the edge can measure
// up to 1 px past it with all of its ink inside: `slack`.
bool cut_by(const ImRect& clip, const ImRect& r, float slack) { return r.Min.x < clip.Min.x - slack || r.Max.x > clip.Max.x + slack; }

Record* find(ImGuiID id) {
    for (auto it = rec().current.rbegin(); it != rec().current.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}
} // namespace

// [SECTION] Recording -------------------------------------------------------------------------------

void begin_frame(bool recording) {
    Recorder& r = rec();
    r.current.clear();
    r.areas.clear();
    r.next = Record{};   // nothing asked for in an unrecorded frame carries over
    r.recording = recording;
    ImGui::GetCurrentContext()->TestEngineHookItems = recording;
}

void end_frame() {
    Recorder& r = rec();
    if (!r.recording) return;
    r.last.swap(r.current);
    r.json_stale = r.mirror_stale = true;
    r.recording = false;
    ImGui::GetCurrentContext()->TestEngineHookItems = false;
}

Record& next_item() { return rec().next; }

void mark_area(const char* role, const char* label) {
    Recorder& r = rec();
    if (!r.recording) return;
    Record area;
    area.role = "area";
    area.group = role;
    area.label = label;
    area.parent = ImGui::GetCurrentWindow()->ID;
    r.areas.push_back(area.parent);
    r.current.push_back(std::move(area));
}

void announce(std::string text, bool assertive) {
    Recorder& r = rec();
    if (!r.recording) return;
    Record say;
    say.role = "say";
    say.label = std::move(text);
    say.checked = assertive;
    r.current.push_back(std::move(say));
}

void set_pixel_ratio(float ratio) { rec().pixel_ratio = ratio > 0 ? ratio : 1.0f; }

Record* record_text(const char* role, const char* text, const char* end, const ImRect& rect) {
    Recorder& r = rec();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (!r.recording || !window->ClipRect.Overlaps(rect)) return nullptr;
    Record item;
    item.label = readable(text, end);
    item.role = role;
    item.parent = window->ID;
    item.area = area_of(window);
    set_rect(item, rect);
    item.cut = cut_by(window->ClipRect, rect, 1.0f);
    r.current.push_back(std::move(item));
    return &r.current.back();
}

Record* record_text(const char* role, const std::string& text, const ImRect& rect) {
    return record_text(role, text.c_str(), text.c_str() + text.size(), rect);
}

const std::vector<Record>& items() { return rec().last; }

// [SECTION] JSON ------------------------------------------------------------------------------------

namespace {
// Numbers read as the widgets first wrote them (printf's "%.4f" and "%f"): a score to 4 decimals,
// angles and fractions to 6, so a test comparing them reads the same digits from frame to frame.
double rounded(double v, double scale) { return std::round(v * scale) / scale; }
} // namespace

std::string to_json(const std::vector<Record>& records, float pixel_ratio, bool mirror) {
    nlohmann::json out = nlohmann::json::array();
    const float k = 1.0f / (pixel_ratio > 0 ? pixel_ratio : 1.0f);
    for (const Record& item : records) {
        if (item.label.empty() && item.role.empty()) continue;
        // The field being edited has the browser's own editor over it (its text, quoted every keystroke,
        // would be wasted), and a map's notes go to the mirror one at a time (automation.hpp).
        if (mirror && (item.editing.value_or(false) || (!item.focused && item.role == "note" && item.id))) continue;
        if (!mirror && (item.role == "area" || item.role == "say")) continue;   // the mirror's alone
        nlohmann::json o = {
            {"label", item.label}, {"role", item.role.empty() ? "button" : item.role}, {"id", item.id}, {"parent", item.parent},
            {"area", item.area},
            {"x", item.x * k}, {"y", item.y * k}, {"w", item.w * k}, {"h", item.h * k},
            {"disabled", item.disabled}, {"focused", item.focused}, {"clipped", item.clipped}, {"cut", item.cut},
        };
        if (item.checked) o["checked"] = *item.checked;
        if (item.selected) o["selected"] = *item.selected;
        if (item.expanded) o["expanded"] = *item.expanded;
        if (item.editing) o["editing"] = *item.editing;
        if (item.value) o["value"] = *item.value;
        else if (item.amount) o["value"] = rounded(*item.amount, 1e6);
        if (item.hint) o["hint"] = *item.hint;
        if (item.shown) o["shown"] = *item.shown;
        if (item.group) o["group"] = *item.group;
        if (item.region) o["region"] = *item.region;
        if (item.count) {
            o["index"] = item.index;
            o["count"] = item.count;
        }
        if (item.text_px) o["text_px"] = rounded(*item.text_px * k, 100);
        if (item.font_px) o["font_px"] = rounded(*item.font_px * k, 100);
        if (item.wedge) {
            const Wedge& w = *item.wedge;
            o["score"] = w.score ? nlohmann::json(rounded(*w.score, 1e4)) : nlohmann::json(nullptr);
            o["rated"] = w.rated;
            o["level"] = w.level ? nlohmann::json(*w.level) : nlohmann::json(nullptr);
            o["start"] = rounded(w.start, 1e6);
            o["end"] = rounded(w.end, 1e6);
        }
        out.push_back(std::move(o));
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);   // a value may hold broken UTF-8
}

const std::string& items_json() {
    Recorder& r = rec();
    if (r.json_stale) {
        r.json = to_json(r.last, r.pixel_ratio);
        r.json_stale = false;
    }
    return r.json;
}

const std::string& mirror_json() {
    Recorder& r = rec();
    if (r.mirror_stale) {
        r.mirror_json = to_json(r.last, r.pixel_ratio, true);
        r.mirror_stale = false;
    }
    return r.mirror_json;
}

} // namespace wf::automation

// [SECTION] Dear ImGui test-engine hooks (declared in imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE)

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    using namespace wf::automation;
    Recorder& r = rec();
    ImGuiWindow* window = ctx->CurrentWindow;
    Record item = std::move(r.next);
    r.next = Record{};
    if (!r.recording || !window || !window->ClipRect.Overlaps(bb)) return;
    item.id = id;
    item.parent = window->ID;
    item.area = area_of(window);
    item.named = !item.label.empty();
    set_rect(item, bb);
    item.clipped = !window->ClipRect.Contains(bb);
    item.cut = cut_by(window->ClipRect, bb, 0.5f);
    item.disabled = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    item.focused = ctx->NavId == id && !ctx->NavDisableHighlight;
    r.current.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace wf::automation;
    if (!rec().recording) return;
    if (Record* item = find(id)) {
        if (label && !item->named) item->label = visible_label(label);
        const bool checkable = (flags & ImGuiItemStatusFlags_Checkable) != 0;
        // A state the widget gave (a radio button's) stands over ImGui's.
        if (checkable && !item->checked) item->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
        if (item->role.empty() && checkable) item->role = "checkbox";
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
