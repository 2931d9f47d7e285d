#include "ui/snapshot_export.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

#include "app/workbench.hpp"
#include "core/png_snapshot.hpp"
#include "core/workspace_file.hpp"
#include "platform/platform.hpp"
#include "ui/app_view.hpp"
#include "ui/automation.hpp"

namespace wf::ui {

SnapshotPlan plan_snapshot(int requested_scale, int max_texture_size) {
    SnapshotPlan plan;
    plan.scale = (float)ImClamp(requested_scale, 1, 3);
    plan.width = std::floor(960.0f * plan.scale);
    plan.max_height = max_texture_size > 0 ? max_texture_size : 4096;
    return plan;
}

int snapshot_height(const SnapshotPlan& plan, float content_height) {
    return (int)ImClamp(std::ceil(content_height), 1.0f, (float)plan.max_height);
}

int draw_snapshot(Workbench& wb, UiState& ui, const SnapshotPlan& plan) {
    ui.scale = plan.scale;
    ui.pixel_ratio = plan.scale;
    ui.snapshot_frame = true;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(plan.width, (float)plan.max_height);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& down : io.MouseDown) down = false;
    float height = 0;
    // Auto-sized windows settle in two frames; the third is the one drawn.
    for (int pass = 0; pass < 3; pass++) {
        ImGui::NewFrame();
        automation::begin_frame(false);
        height = draw_page_for_snapshot(wb, ui, plan.width);
        ImGui::Render();
    }
    const int h = snapshot_height(plan, height);
    ImGui::GetDrawData()->DisplaySize.y = (float)h;
    return h;
}

std::string snapshot_failed_text() {
    return "The snapshot could not be drawn. Try a smaller snapshot size in Data & settings.";
}

std::string snapshot_saved_text(const std::string& file_name, int width, int height) {
    return "Saved the picture " + file_name + " (" + std::to_string(width) + " × " + std::to_string(height) + " pixels).";
}

void save_snapshot(Workbench& wb, const UiState& ui, const SnapshotPlan& plan, int height, const std::vector<uint8_t>& pixels) {
    const int width = (int)plan.width;
    if (pixels.empty() || pixels.size() < (size_t)width * (size_t)height * 4) {
        wb.notify(Notice::Kind::Error, snapshot_failed_text());
        return;
    }
    const std::vector<uint8_t> png = encode_png_with_text(pixels.data(), width, height, kSnapshotKeyword, snapshot_payload(wb, ui));
    const std::string what = std::string("snapshot ") + page_title(ui.page);
    const std::string name = export_file_name(what, wb.today(), "png");
    wb.platform().download(name, "image/png", png.data(), png.size());
    wb.notify(Notice::Kind::Success, snapshot_saved_text(name, width, height));
}

} // namespace wf::ui
