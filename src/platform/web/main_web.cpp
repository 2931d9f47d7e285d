// Wayfinder in the browser: owns the ImGui context, the WebGL2 renderer, the input queue and the
// frame loop, and exports the entry points library_wayfinder.js and web/boot.js call.
//
// [SECTION] State
// [SECTION] Fonts, theme and scale
// [SECTION] Frame
// [SECTION] Snapshot export
// [SECTION] Exported entry points
//
// What the app decides about input (the trickling of events into ImGui, shortcuts), snapshots and
// the native editor lives in src/ui, where the native tests reach it; this file carries it out.
//
// Frames run only when asked (input, a model change, a pending save), so an idle tab uses no CPU.
// ImGui works in device pixels: DisplaySize is the canvas backing store and fonts are rasterised at
// devicePixelRatio x UI scale, so text is crisp at 1, 1.25, 1.5 and 2.

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <memory>

#include "app/lets_talk.hpp"
#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "app/builtin_packs.hpp"
#include "core/credential.hpp"
#include "core/json_limits.hpp"
#include "font_metrics.hpp"
#include "platform/web/platform_web.hpp"
#include "platform/web/webgl2_renderer.hpp"
#include "ui/app_view.hpp"
#include "ui/automation.hpp"
#include "ui/badge_image.hpp"
#include "ui/fonts.hpp"
#include "ui/image_view.hpp"
#include "ui/input_queue.hpp"
#include "ui/snapshot_export.hpp"
#include "ui/theme.hpp"

#ifndef WF_APP_VERSION
#define WF_APP_VERSION "0.1.0"
#endif

extern "C" void wf_js_init(int max_image_side, double max_image_bytes);
extern "C" void wf_js_load_documents();
extern "C" void wf_js_frame_drawn();
extern "C" void wf_js_set_touch_area(float x, float y, float w, float h);
extern "C" int wf_js_snapshot_tile_override();
extern "C" void wf_js_glyphs_measure(wf::ui::RasterGlyph* glyphs, int count);
extern "C" void wf_js_glyphs_draw(const wf::ui::RasterGlyph* glyphs, int count, int width, int height, uint8_t* alpha);

namespace {

// [SECTION] State -----------------------------------------------------------------------------------

using wf::ui::InputEvent;

struct WebApp {
    wf::PlatformWeb platform;
    std::unique_ptr<wf::Workbench> wb;
    wf::ui::UiState ui;
    wf::WebGL2Renderer renderer;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    bool context_lost = false;
    float css_w = 1, css_h = 1, dpr = 1;
    int fb_w = 1, fb_h = 1;
    float fonts_scale = 0;           // scale the atlas was built for; 0 = rebuild
    wf::ui::Theme theme = wf::ui::Theme::Light;
    bool style_stale = true;
    wf::ui::InputQueue input;
    int settle_frames = 0;           // ImGui needs a frame or two after input for hover and layout
    float last_layout = 0;           // scroll and content sizes of the last frame (see imgui_still_settling)
    unsigned frame_count = 0;
    double last_frame_time = 0;
    wf::CssRect touch_area;          // as last told to library_wayfinder.js
};
WebApp* g_app = nullptr;

void push_input(const InputEvent& e) {
    g_app->input.push(e);
    g_app->settle_frames = 2;
    g_app->platform.request_frame();
}

// [SECTION] Fonts, theme and scale --------------------------------------------------------------

float ui_scale_for_screen(const WebApp& app) {
    const wf::Prefs prefs = app.wb->prefs();
    return app.dpr * (float)prefs.ui_scale / 100.0f;
}

void ensure_fonts_and_style(WebApp& app, float scale) {
    const wf::ui::Theme theme = wf::ui::theme_from_name(app.wb->prefs().theme);
    if (scale != app.fonts_scale) {
        wf::ui::build_fonts(scale);
        app.renderer.upload_font_atlas();
        app.fonts_scale = scale;
        app.style_stale = true;
    }
    if (app.style_stale || theme != app.theme) {
        wf::ui::apply_theme(theme, scale);
        app.theme = theme;
        app.style_stale = false;
    }
}

void clear_colour(float out[4]) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(wf::ui::palette().background);
    out[0] = c.x; out[1] = c.y; out[2] = c.z; out[3] = 1.0f;
}

void export_snapshot(WebApp& app, int scale);
void export_map_snapshot(WebApp& app, const wf::ui::MapSnapshotRequest& request);
void export_badge_picture(WebApp& app, const wf::ui::BadgeRequest& request);

// Shows, moves or hides the browser's editor over the field being edited, as the frame asked.
void carry_out_editor_request(WebApp& app) {
    wf::ui::EditorRequest& request = app.ui.editor;
    if (request.action == wf::ui::EditorRequest::Action::Show) app.platform.text_edit_show(request.show);
    else if (request.action == wf::ui::EditorRequest::Action::Hide) app.platform.text_edit_hide();
    request = wf::ui::EditorRequest{};
}

// What buttons asked of the platform this frame.
void carry_out_platform_requests(WebApp& app) {
    using R = wf::ui::PlatformRequest;
    for (const R request : app.ui.platform_requests) {
        if (request == R::ReloadPage) app.platform.reload_page();
        else if (request == R::LiveBackupChoose) app.platform.live_backup_choose();
        else if (request == R::LiveBackupResume) app.platform.live_backup_resume();
        else if (request == R::LiveBackupStop) app.platform.live_backup_stop();
    }
    app.ui.platform_requests.clear();
}

// ImGui lays out over a few frames: a new or auto-sized window is invisible on its first frame, and
// a scroll position is re-clamped a frame after its content shrinks. Draw again until every active
// window is shown and its scroll and content size are the same as last frame, so the last frame on
// screen (and in window.wayfinder.items()) is the settled layout.
bool imgui_still_settling(WebApp& app) {
    float layout = 0;
    bool hidden = false;
    for (const ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active) continue;
        // A window that fits its content every frame (notices, dialogs: sized with a height of 0, which
        // re-arms auto-fit each frame) is settled when its content size stops changing (the layout
        // sum below), not when auto-fit is unarmed: that never happens, and would draw forever.
        const bool fitting = !(w->Flags & ImGuiWindowFlags_AlwaysAutoResize) && (w->AutoFitFramesX > 0 || w->AutoFitFramesY > 0);
        hidden = hidden || w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0 ||
                 w->HiddenFramesForRenderOnly > 0 || fitting;
        layout = layout * 31.0f + w->Scroll.x + w->Scroll.y * 7.0f + w->ContentSize.x * 3.0f + w->ContentSize.y * 5.0f +
                 w->Pos.x * 11.0f + w->Pos.y * 13.0f; // a window placed by its size (a notice) moves once sized
    }
    const bool changed = layout != app.last_layout;
    app.last_layout = layout;
    return hidden || changed;
}

// [SECTION] Frame -----------------------------------------------------------------------------------

void frame() {
    WebApp& app = *g_app;
    if (!app.wb || app.context_lost) return;
    app.frame_count++;
    app.ui.pixel_ratio = app.css_w > 0 ? (float)app.fb_w / app.css_w : app.dpr;
    app.ui.scale = ui_scale_for_screen(app);
    ensure_fonts_and_style(app, app.ui.scale);
    wf::automation::set_pixel_ratio(app.ui.pixel_ratio);
    app.ui.now_ms = app.platform.epoch_ms();
    app.ui.tz_offset_minutes = app.platform.tz_offset_minutes();
    app.ui.today = app.wb->today();
    app.ui.date_order = app.platform.numeric_date_order();   // asked of the browser once, then cached
    app.ui.reduced_motion = app.platform.prefers_reduced_motion();

    ImGuiIO& io = ImGui::GetIO();
    const double now = app.platform.now_seconds();
    io.DeltaTime = (float)ImClamp(now - app.last_frame_time, 1e-4, 0.5);
    app.last_frame_time = now;
    io.DisplaySize = ImVec2((float)app.fb_w, (float)app.fb_h);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const bool more_input = app.input.apply(io, app.ui.pixel_ratio);

    ImGui::NewFrame();
    wf::automation::begin_frame(true);
    wf::ui::begin_text_sizes();
    app.ui.touch_area = wf::CssRect{};
    wf::ui::draw_app(*app.wb, app.ui);
    wf::automation::end_frame();
    wf_js_frame_drawn();   // the screen-reader mirror follows
    // A map zoomed in wants its text rasterised bigger: once the size holds, the next frame rebuilds the atlas.
    const wf::ui::ZoomedFontStep zoomed_font = wf::ui::zoomed_font_after_frame(now);
    if (zoomed_font == wf::ui::ZoomedFontStep::Rebuild) app.fonts_scale = 0;
    app.ui.gesture = wf::ui::CanvasGesture{};   // a gesture over no canvas is dropped
    const wf::CssRect& area = app.ui.touch_area;
    if (area.x != app.touch_area.x || area.y != app.touch_area.y || area.w != app.touch_area.w || area.h != app.touch_area.h) {
        app.touch_area = area;
        wf_js_set_touch_area(area.x, area.y, area.w, area.h);
    }
    ImGui::Render();
    float clear[4];
    clear_colour(clear);
    app.renderer.render_to_screen(ImGui::GetDrawData(), app.fb_w, app.fb_h, clear);

    carry_out_editor_request(app);
    carry_out_platform_requests(app);
    if (app.ui.snapshot_request) {
        const int scale = app.ui.snapshot_request;
        app.ui.snapshot_request = 0;
        export_snapshot(app, scale);
    }
    if (app.ui.map_snapshot.scale) {
        const wf::ui::MapSnapshotRequest request = app.ui.map_snapshot;
        app.ui.map_snapshot = {};
        export_map_snapshot(app, request);
    }
    if (std::optional<wf::ui::BadgeRequest> badge = wf::ui::take_badge_request()) export_badge_picture(app, *badge);
    if (app.ui.open_file_request) {
        app.ui.open_file_request = false;
        app.platform.pick_file(".json,.png,.jws,application/json,image/png");
    }
    if (more_input || imgui_still_settling(app) || app.settle_frames-- > 0 || app.ui.present.fading ||
        zoomed_font != wf::ui::ZoomedFontStep::Ready)
        app.platform.request_frame();
}

// [SECTION] Snapshot export -------------------------------------------------------------------------

// Draws the current page again, offscreen, with fonts rasterised for the snapshot's scale, so the
// PNG is sharp rather than an upscaled screenshot (see ui/snapshot_export.hpp).
void export_snapshot(WebApp& app, int scale) {
    GLint max_size = 4096;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    const wf::ui::SnapshotPlan plan = wf::ui::plan_snapshot(scale, max_size);
    // Drawn with a copy of the UI state, which the snapshot's frames change (scale, focus, editors,
    // memos) and which is then dropped: the screen's state is never written, so never restored.
    wf::ui::UiState offscreen = app.ui;
    ensure_fonts_and_style(app, plan.scale);
    const int h = wf::ui::draw_snapshot(*app.wb, offscreen, plan);
    float clear[4];
    clear_colour(clear);
    const std::vector<uint8_t> pixels = app.renderer.render_offscreen(ImGui::GetDrawData(), (int)plan.width, h, clear);

    app.ui.focus_order.clear();
    app.fonts_scale = 0;   // rebuild the screen's atlas on the next frame
    app.platform.request_frame();
    wf::ui::save_snapshot(*app.wb, app.ui, plan, h, pixels);
}

// The whole map, offscreen, at the snapshot's scale, in as many tiles as the GPU's limits need
// (see ui/snapshot_export.hpp), stitched into one picture.
void export_map_snapshot(WebApp& app, const wf::ui::MapSnapshotRequest& request) {
    GLint texture = 0, renderbuffer = 0, viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    const int tile = wf::ui::snapshot_tile_limit(texture, renderbuffer, viewport[0], viewport[1], wf_js_snapshot_tile_override());
    const wf::ui::MapSnapshotPlan plan = wf::ui::plan_map_snapshot(request.scale, wf::ui::map_snapshot_world(wf::ui::map_snapshot_scene(*app.wb, app.ui, request)), tile);
    wf::ui::UiState offscreen = app.ui;   // as in export_snapshot
    ensure_fonts_and_style(app, plan.scale);
    std::vector<uint8_t> picture;
    if (wf::ui::draw_map_snapshot(*app.wb, offscreen, request, plan)) {
        std::vector<wf::WebGL2Renderer::Tile> tiles;
        for (const wf::ui::SnapshotTile& t : plan.tiles) tiles.push_back({t.x, t.y, t.width, t.height});
        float clear[4];
        clear_colour(clear);
        picture.assign((size_t)plan.width * (size_t)plan.height * 4, 0);
        const bool drawn = app.renderer.render_tiles(ImGui::GetDrawData(), tiles, clear, [&](size_t i, const std::vector<uint8_t>& pixels) {
            wf::ui::paste_tile(picture, plan, plan.tiles[i], pixels);
        });
        if (!drawn) picture.clear();
    }
    app.ui.focus_order.clear();
    app.fonts_scale = 0;   // rebuild the screen's atlas on the next frame
    app.platform.request_frame();
    wf::ui::save_map_snapshot(*app.wb, app.ui, request, plan, picture);
}

// The earned badge, offscreen, at its own size for the scale asked (see ui/badge_image.hpp), on a
// transparent background: the medallion is round.
void export_badge_picture(WebApp& app, const wf::ui::BadgeRequest& request) {
    const wf::ui::BadgePlan plan = wf::ui::plan_badge(request.scale);
    ensure_fonts_and_style(app, plan.scale);
    wf::ui::draw_badge(request.look, plan);
    const float clear[4] = {0, 0, 0, 0};
    const std::vector<uint8_t> pixels = app.renderer.render_offscreen(ImGui::GetDrawData(), plan.side, plan.side, clear);
    app.fonts_scale = 0;   // rebuild the screen's atlas on the next frame
    app.platform.request_frame();
    wf::ui::save_badge(*app.wb, request, plan, pixels);
}

// Text that arrived from the editor reaches the model through its field, which runs in a frame.
// Run that frame now, so no keystroke ever waits on a later animation frame to be kept.
void apply_pending_text(WebApp& app) {
    if (app.ui.edit.field_id && app.ui.edit.has_new_text) frame();
}

void end_text_edit(WebApp& app) {
    if (!app.ui.edit.field_id) return;
    apply_pending_text(app);
    // A date typed in words is read when its editor closes, in one last frame of its field.
    if (app.ui.edit.read_on_close) {
        app.ui.edit.closing = true;
        frame();
    }
    app.ui.edit = wf::ui::TextEditSession{};
    app.platform.text_edit_hide();
    app.platform.request_frame();
}

bool create_gl(WebApp& app) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;                 // ImGui anti-aliases its own shapes
    attrs.preserveDrawingBuffer = false;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    app.gl = emscripten_webgl_create_context("#wayfinder-canvas", &attrs);
    if (app.gl <= 0) return false;
    emscripten_webgl_make_context_current(app.gl);
    return app.renderer.init();
}

std::vector<uint8_t> take_bytes(const uint8_t* data, int size) {
    return data && size > 0 ? std::vector<uint8_t>(data, data + size) : std::vector<uint8_t>{};
}

// What the JS side hands over, or null when it is not JSON. Through the core's parser, with no size or
// memory limit (the browser's own storage, not a file): nlohmann::json::parse would link a second
// parser, the one with callbacks (2.7 KB gzip).
nlohmann::json parse_from_js(const char* text) {
    wf::ParseLimits unlimited;
    unlimited.max_bytes = unlimited.max_memory = SIZE_MAX;
    wf::ParsedJson parsed = wf::parse_json_limited(text, unlimited);
    return parsed.ok ? std::move(parsed.value) : nlohmann::json();
}

} // namespace

// [SECTION] Exported entry points -------------------------------------------------------------------

extern "C" {

// Called once by web/boot.js with the font files; returns 0 when WebGL2 is missing.
EMSCRIPTEN_KEEPALIVE int wf_start(const uint8_t* text_font, int text_size, const uint8_t* icon_font, int icon_size) {
    g_app = new WebApp();
    WebApp& app = *g_app;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                 // layout is code, not a file
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;    // a blinking caret would need frames while idle
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.BackendPlatformName = "wayfinder_web";
    io.BackendRendererName = "wayfinder_webgl2";
    wf::ui::map_keys(io);
    io.SetClipboardTextFn = [](void*, const char* text) { g_app->platform.copy_text(text); };

    wf::ui::set_font_sources(take_bytes(text_font, text_size), kTextMetrics, take_bytes(icon_font, icon_size), kIconMetrics);
    wf::ui::set_glyph_rasteriser({wf_js_glyphs_measure, wf_js_glyphs_draw});  // the browser's, not stb_truetype
    app.wb = std::make_unique<wf::Workbench>(app.platform, WF_APP_VERSION);
    wf::use_builtin_packs(*app.wb);
    wf_js_load_documents();                   // read by boot.js already: the first frame shows them
    if (!create_gl(app)) return 0;
    wf_js_init(wf::Platform::kMaxImageSide, (double)wf::kMaxEvidenceImageBytes); // events and size (draws the first frame)
    app.platform.request_frame();
    return 1;
}

EMSCRIPTEN_KEEPALIVE void wf_frame() { if (g_app) frame(); }
EMSCRIPTEN_KEEPALIVE void wf_tick() { if (g_app) g_app->wb->tick(); }
EMSCRIPTEN_KEEPALIVE unsigned wf_frame_count() { return g_app ? g_app->frame_count : 0; }
EMSCRIPTEN_KEEPALIVE const char* wf_items_json() { return wf::automation::items_json().c_str(); }
EMSCRIPTEN_KEEPALIVE const char* wf_mirror_json() { return wf::automation::mirror_json().c_str(); }

EMSCRIPTEN_KEEPALIVE void wf_on_resize(float css_w, float css_h, float dpr, int fb_w, int fb_h) {
    WebApp& app = *g_app;
    app.css_w = css_w; app.css_h = css_h; app.dpr = dpr > 0 ? dpr : 1;
    app.fb_w = fb_w > 0 ? fb_w : 1; app.fb_h = fb_h > 0 ? fb_h : 1;
    app.settle_frames = 2;
    app.renderer.forget_screen();   // a canvas given a size is cleared, even when it is the size drawn last
    frame();   // draw at the new size before the browser composites the stretched old one
}

// kind: 0 move, 1 down, 2 up, 3 leave. Presses run a frame at once, inside the user's gesture, so a
// text field can focus its native editor (the on-screen keyboard only opens for gesture focus).
EMSCRIPTEN_KEEPALIVE void wf_on_pointer(int kind, float x, float y, int button) {
    using T = InputEvent::Type;
    if (kind == 0) push_input({T::Move, x, y});
    else if (kind == 3) push_input({T::Leave});
    else {
        push_input({T::Button, x, y, button == 2 ? 1 : button == 1 ? 2 : 0, kind == 1});
        frame();
    }
}

EMSCRIPTEN_KEEPALIVE void wf_on_wheel(float dx, float dy) { push_input({InputEvent::Type::Wheel, dx, dy}); }

// A zoom gesture at (x, y) CSS px: a trackpad pinch or Ctrl+wheel (which the page must not take as
// its own zoom), or a two-finger touch pinch, whose centre also moved by (pan_x, pan_y). The map
// canvas under it takes it in the next frame.
EMSCRIPTEN_KEEPALIVE void wf_on_zoom(float x, float y, float factor, float pan_x, float pan_y) {
    wf::ui::CanvasGesture& g = g_app->ui.gesture;
    g.factor *= factor > 0 ? factor : 1;
    g.at = wf::canvas::Vec2{x, y};
    g.pan.x += pan_x;
    g.pan.y += pan_y;
    g_app->platform.request_frame();
}
EMSCRIPTEN_KEEPALIVE void wf_on_focus(int focused) { push_input({InputEvent::Type::Focus, 0, 0, 0, focused != 0}); }

// The screen-reader mirror (library_wayfinder.js): focus moved to a widget's element there moves the
// app's keyboard focus to the widget (a text field opens its editor, as Tab does), and activating an
// element presses its widget as Enter would (a button, a box, a choice; a note opens for editing), so
// a screen reader's commands and the keyboard's are one.
EMSCRIPTEN_KEEPALIVE void wf_on_mirror_focus(unsigned id) {
    WebApp& app = *g_app;
    if ((GImGui->NavId == id && !GImGui->NavDisableHighlight) || app.ui.edit.field_id == id) return;
    app.ui.focus_request = id;
    app.ui.focus_opens_editor = true;
    app.settle_frames = 2;
    frame();
}
EMSCRIPTEN_KEEPALIVE int wf_on_key(int key, int down, int ctrl, int shift, int alt);
EMSCRIPTEN_KEEPALIVE void wf_on_mirror_activate(unsigned id) {
    wf_on_mirror_focus(id);
    wf_on_key(wf::ui::KeyEnter, 1, 0, 0, 0);
    wf_on_key(wf::ui::KeyEnter, 0, 0, 0, 0);
}

// Returns 1 when the app handled the key (the browser's default is then prevented). Browser
// shortcuts (Ctrl+L, Ctrl+T, Ctrl+R, zoom, copy/paste) are never taken.
EMSCRIPTEN_KEEPALIVE int wf_on_key(int key, int down, int ctrl, int shift, int alt) {
    WebApp& app = *g_app;
    const wf::ui::KeyResult r = wf::ui::on_key(*app.wb, app.ui, app.input, key, down != 0, ctrl != 0, shift != 0, alt != 0);
    if (r.settle) app.settle_frames = 2;
    if (r.redraw) app.platform.request_frame();
    if (r.frame_now) frame();
    return r.handled ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void wf_on_text_input(unsigned field, const char* text, float content_height) {
    WebApp& app = *g_app;
    if (app.ui.edit.field_id != field) return;
    app.ui.edit.text = text;
    app.ui.edit.has_new_text = true;
    app.ui.edit.content_height_css = content_height;
    apply_pending_text(app);
}

// The browser's date input changed: `iso` is "2026-12-01", or "" when emptied or (complete 0) while a
// date is partly typed.
EMSCRIPTEN_KEEPALIVE void wf_on_date_input(unsigned field, const char* iso, int complete) {
    WebApp& app = *g_app;
    if (app.ui.edit.field_id != field) return;
    app.ui.edit.text = iso;
    app.ui.edit.date_complete = complete != 0;
    app.ui.edit.has_new_text = true;
    apply_pending_text(app);
}

// action: 1 Tab, 2 Shift+Tab, 3 Escape, 4 Enter (single line), 5 Ctrl+S
EMSCRIPTEN_KEEPALIVE void wf_on_text_key(unsigned field, int action) {
    WebApp& app = *g_app;
    if (app.ui.edit.field_id != field) return;
    if (action == 5) { apply_pending_text(app); app.wb->flush(); return; }
    end_text_edit(app);
    if (action == 1 || action == 2) app.ui.tab_request = action == 1 ? 1 : -1;
    else {                                   // Escape/Enter: keyboard focus stays on the closed field
        app.ui.focus_request = field;
        app.ui.focus_opens_editor = false;
    }
    app.settle_frames = 2;
}

EMSCRIPTEN_KEEPALIVE void wf_on_text_blur(unsigned field) {
    if (g_app->ui.edit.field_id == field) end_text_edit(*g_app);
}

// records: [[key, text or null, revision], ...] as read from IndexedDB.
EMSCRIPTEN_KEEPALIVE void wf_on_documents_loaded(const char* json_records) {
    std::vector<wf::StoredRecord> records;
    const nlohmann::json all = parse_from_js(json_records);
    if (all.is_array())
        for (const auto& r : all)
            if (r.is_array() && r.size() == 3 && r[0].is_string() && (r[1].is_string() || r[1].is_null()) && r[2].is_number()) {
                wf::StoredRecord record{r[0].get<std::string>(), std::nullopt, r[2].get<uint64_t>()};
                if (r[1].is_string()) record.text = r[1].get<std::string>();
                records.push_back(std::move(record));
            }
    g_app->wb->on_documents_loaded(records);
}

EMSCRIPTEN_KEEPALIVE void wf_on_storage_unavailable(const char* reason) {
    g_app->wb->on_storage_unavailable(reason);
}

// outcome: 0 committed, 1 refused (storage holds `revision` with `stored_text`, or has_text 0), 2 failed.
EMSCRIPTEN_KEEPALIVE void wf_on_store_written(const char* key, double token, int outcome, double revision,
                                              int has_text, const char* stored_text, const char* reason) {
    wf::StoreWriteResult result;
    result.outcome = outcome == 0 ? wf::StoreWriteResult::Outcome::Committed
                   : outcome == 1 ? wf::StoreWriteResult::Outcome::Refused : wf::StoreWriteResult::Outcome::Failed;
    result.revision = (uint64_t)revision;
    if (has_text) result.stored_text = std::string(stored_text);
    result.reason = reason;
    g_app->wb->on_store_written(key, (uint64_t)token, result);
}

// Another tab committed `key` at `revision` (has_text 0: it removed the document).
EMSCRIPTEN_KEEPALIVE void wf_on_external_write(const char* key, double revision, int has_text, const char* text) {
    if (!g_app || !g_app->wb || !g_app->wb->loaded()) return;
    g_app->wb->on_external_write(key, (uint64_t)revision, has_text ? std::optional<std::string>(text) : std::nullopt);
}

// Another tab upgraded the database for a newer Wayfinder; this tab's connection is closing.
EMSCRIPTEN_KEEPALIVE void wf_on_storage_superseded() {
    if (!g_app || !g_app->wb) return;
    g_app->wb->on_storage_superseded("Wayfinder was updated in another tab, and this tab can no longer save. Reload this "
                                     "tab to keep working.");
}

// state: 0 unsupported, 1 off, 2 on, 3 paused (the browser wants permission asked again).
EMSCRIPTEN_KEEPALIVE void wf_on_live_backup(int state, const char* file_name, const char* problem) {
    using L = wf::Workbench::LiveBackup;
    const L states[] = {L::Unsupported, L::Off, L::On, L::Paused};
    g_app->wb->on_live_backup(states[state < 0 || state > 3 ? 0 : state], file_name, problem);
}

EMSCRIPTEN_KEEPALIVE void wf_on_backup_written(double token, int ok, const char* reason) {
    g_app->wb->on_backup_written((uint64_t)token, ok != 0, reason);
}

// backups: [[name, created_ms, bytes], ...], newest first.
EMSCRIPTEN_KEEPALIVE void wf_on_backups_listed(const char* json_backups) {
    std::vector<wf::BackupInfo> backups;
    const nlohmann::json all = parse_from_js(json_backups);
    if (all.is_array())
        for (const auto& b : all)
            if (b.is_array() && b.size() == 3 && b[0].is_string() && b[1].is_number() && b[2].is_number())
                backups.push_back({b[0].get<std::string>(), b[1].get<int64_t>(), b[2].get<uint64_t>()});
    g_app->wb->on_backups_listed(std::move(backups));
}

EMSCRIPTEN_KEEPALIVE void wf_on_storage_estimate(int persisted, double usage, double quota) {
    g_app->wb->on_storage_estimate(wf::StorageEstimate{true, persisted != 0, usage, quota});
    g_app->platform.request_frame();
}

EMSCRIPTEN_KEEPALIVE void wf_on_file(const char* name, const uint8_t* data, int size) {
    g_app->wb->on_file_opened(name, take_bytes(data, size));
}

EMSCRIPTEN_KEEPALIVE void wf_on_file_rejected(const char* name, const char* reason) {
    g_app->wb->notify(wf::Notice::Kind::Error, std::string("\"") + name + "\" was not opened. " + reason + " Nothing was changed.");
}

// --- this browser's signing key (library_wayfinder.js: wf_js_signing_key_load, wf_js_sign, wf_js_verify_signature)
EMSCRIPTEN_KEEPALIVE void wf_on_signing_key(double token, const char* key, int size, const char* problem) {
    g_app->wb->on_signing_key((uint64_t)token, std::string(key, (size_t)ImMax(size, 0)), problem);
}
EMSCRIPTEN_KEEPALIVE void wf_on_signed(double token, const char* signature, int size, const char* problem) {
    g_app->wb->on_signed((uint64_t)token, std::string(signature, (size_t)ImMax(size, 0)), problem);
}
// result: 0 valid, 1 invalid, 2 cannot check.
EMSCRIPTEN_KEEPALIVE void wf_on_signature_checked(double token, int result) {
    g_app->wb->on_signature_checked((uint64_t)token, result == 0 ? wf::SignatureCheck::Valid
                                                     : result == 1 ? wf::SignatureCheck::Invalid : wf::SignatureCheck::CannotCheck);
}

// An evidence picture stored (ok 1), or refused with `problem`.
EMSCRIPTEN_KEEPALIVE void wf_on_image_stored(double token, int ok, const char* blob_key, const char* mime, double size,
                                             int width, int height, const char* problem) {
    wf::StoredImage image;
    image.ok = ok != 0;
    image.blob_key = blob_key;
    image.mime = mime;
    image.size = (uint64_t)size;
    image.width = width;
    image.height = height;
    image.problem = problem;
    g_app->wb->on_image_stored((uint64_t)token, image);
}

EMSCRIPTEN_KEEPALIVE void wf_on_blob_read(double token, int found, const uint8_t* data, int size) {
    g_app->wb->on_blob_read((uint64_t)token, found ? std::optional<std::string>(std::string(reinterpret_cast<const char*>(data), (size_t)size))
                                                   : std::nullopt);
}

// texture 0: the picture could not be decoded (or is no longer stored).
EMSCRIPTEN_KEEPALIVE void wf_on_picture_loaded(double token, unsigned texture, int width, int height, int texture_width,
                                               int texture_height) {
    wf::LoadedPicture picture;
    picture.ok = texture != 0;
    picture.texture = texture;
    picture.width = width;
    picture.height = height;
    picture.texture_width = texture_width;
    picture.texture_height = texture_height;
    g_app->wb->on_picture_loaded((uint64_t)token, picture);
}

EMSCRIPTEN_KEEPALIVE void wf_on_page_hidden() {
    if (!g_app || !g_app->wb) return;
    apply_pending_text(*g_app);
    g_app->wb->flush();
    g_app->renderer.forget_screen();
}
EMSCRIPTEN_KEEPALIVE void wf_on_update_ready() { g_app->wb->on_update_ready(); }

EMSCRIPTEN_KEEPALIVE void wf_on_context_lost() {
    g_app->context_lost = true;
    g_app->renderer.release();
    wf::ui::forget_pictures();   // their textures died with the context; drawn again, they load again
}

EMSCRIPTEN_KEEPALIVE void wf_on_context_restored() {
    WebApp& app = *g_app;
    if (!app.renderer.init()) return;
    app.context_lost = false;
    app.fonts_scale = 0;   // the atlas texture died with the context
    app.platform.request_frame();
}

} // extern "C"
