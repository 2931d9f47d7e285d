// Dear ImGui without a screen, for tests of the ui layer (src/ui): a context and a font atlas
// (ImGui's own font: no font files are read), frames begun and ended with no renderer, and input
// that goes through the app's own input queue, as the browser's does.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>

#include "ui/automation.hpp"
#include "ui/fonts.hpp"
#include "ui/input_queue.hpp"
#include "ui/theme.hpp"

namespace wf::test {

struct HeadlessImGui {
    ui::InputQueue input;
    bool own_window = true;   // false: `draw` makes its own windows (the whole app)

    explicit HeadlessImGui(float width = 1000, float height = 700) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        ui::map_keys(io);
        ui::build_fonts(1.0f);
        ui::apply_theme(ui::Theme::Light, 1.0f);
        automation::set_pixel_ratio(1.0f);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // One frame, as the web adapter runs it: queued input applied, then `draw` (inside a window that
    // fills the screen, unless own_window is false), with automation records kept. Returns true when input is left for later frames.
    bool frame(const std::function<void()>& draw) {
        const bool more = input.apply(ImGui::GetIO(), 1.0f);
        ImGui::NewFrame();
        automation::begin_frame(true);
        if (own_window) {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        }
        draw();
        if (own_window) ImGui::End();
        automation::end_frame();
        ImGui::Render();
        return more;
    }
    // Frames until the queued input has all been seen (and one more, for what it set off).
    int frames_until_idle(const std::function<void()>& draw, int at_most = 10) {
        int n = 0;
        while (n < at_most && frame(draw)) n++;
        frame(draw);
        return n + 1;
    }

    void move(float x, float y) { input.push({ui::InputEvent::Type::Move, x, y}); }
    void press(float x, float y) { input.push({ui::InputEvent::Type::Button, x, y, 0, true}); }
    void release(float x, float y) { input.push({ui::InputEvent::Type::Button, x, y, 0, false}); }
    void click(float x, float y) { press(x, y); release(x, y); }
    // Points at (x, y) for a frame, then clicks there, as a person does, and lets the frames run.
    void point_and_click(float x, float y, const std::function<void()>& draw) {
        move(x, y);
        frame(draw);
        click(x, y);
        frames_until_idle(draw);
    }
};

// The last frame's record with this label (and role, when given); nullptr when there is none.
inline const automation::Record* find_item(const std::string& label, const std::string& role = "") {
    for (const automation::Record& r : automation::items())
        if (r.label == label && (role.empty() || r.role == role)) return &r;
    return nullptr;
}

} // namespace wf::test
