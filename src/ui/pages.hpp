// One function per page. Pages read the Workbench and call its commands; they keep no data.
#pragma once
#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

void page_home(Workbench& wb, UiState& ui);
void page_settings(Workbench& wb, UiState& ui);
void page_self_assessment(Workbench& wb, UiState& ui);
void page_lets_talk(Workbench& wb, UiState& ui);
void page_reviewing(Workbench& wb, UiState& ui);  // issue 12, reviewer: colleagues' micro-credentials
void page_credential(Workbench& wb, UiState& ui);   // the micro-credential (candidate)
void goals_summary(Workbench& wb, UiState& ui);   // the goals list on Home

} // namespace wf::ui
