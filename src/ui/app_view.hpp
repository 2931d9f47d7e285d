// The whole app, drawn each frame: navigation, top bar with the save indicator, banners, the page,
// notices and dialogs. Pages live in pages.hpp.
#pragma once
#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

void draw_app(Workbench& wb, UiState& ui);
// Only the current page's content, `width` device pixels wide, for PNG snapshots. Returns its height.
float draw_page_for_snapshot(Workbench& wb, UiState& ui, float width);
const char* page_title(Page page);

} // namespace wf::ui
