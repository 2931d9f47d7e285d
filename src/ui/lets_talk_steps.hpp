// What each Let's Talk step adds beyond its checklist and reflection prompts, edited through plain
// lists (region -> items) that work with the keyboard and read well aloud: the mindset continuum
// (step 1), strengths and stretches (2), the research checklist and Venn (3), the interview (4), the
// collaboration map (5) and the agreement (6).
#pragma once
#include <cstddef>
#include <string>

#include "core/journey.hpp"
#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

// Draws the step's own work, if it has any (by step id), for the journey `j`.
void step_work(Workbench& wb, UiState& ui, const Journey& j, const std::string& step_id);

// How many rows of a long step list (the Venn's notes and connections) the last frame laid out; the
// others were off screen, only a gap and places in the Tab order. Tests read it: off-screen items
// leave no automation record either way, so the records cannot tell.
size_t list_rows_laid_out();

} // namespace wf::ui
