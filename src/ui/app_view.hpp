// The whole app, drawn each frame: navigation, top bar with the save indicator, banners, the page,
// notices and dialogs. Pages live in pages.hpp.
#pragma once
#include <string>

#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

void draw_app(Workbench& wb, UiState& ui);
// Only the current page's content, `width` device pixels wide, for PNG snapshots. Returns its height.
float draw_page_for_snapshot(Workbench& wb, UiState& ui, float width);
const char* page_title(Page page);
// What a snapshot of the current view carries: the item shown (an assessment's results), or the workspace.
std::string snapshot_payload(Workbench& wb, const UiState& ui);

} // namespace wf::ui
