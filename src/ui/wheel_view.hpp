// The framework wheel on screen: one wedge per area, coloured by gear, filled by score, labelled,
// with an optional outline of an earlier assessment for comparison. Geometry and label placement
// come from core/framework_wheel (shared with the printable report's SVG).
#pragma once
#include <optional>
#include <vector>

#include "ui/ui_state.hpp"

namespace wf { struct FrameworkPack; struct AreaResult; }

namespace wf::ui {

struct WheelOptions {
    const std::vector<std::optional<double>>* earlier_scores = nullptr; // drawn as dark arcs; null: none
    float max_width = 0;   // device pixels the wheel, its labels and the line under it may take
    float max_height = 0;  // 0: any height (the page scrolls); else all of it fits this height
};

// Draws the wheel at the cursor, its labels around it where none overlaps another, and under it a line
// naming the score and level of the area pointed at, tapped or reached with Tab. An area with nothing
// rated is drawn grey with a dashed edge and labelled "not rated". `results` are in the pack's area
// order (assessment_results()). Records one automation item per wedge (role "wedge": its label's
// rectangle, score, level) and the wheel itself (role "wheel": the circle's bounding square).
void framework_wheel(UiState& ui, const FrameworkPack& pack, const std::vector<AreaResult>& results,
                     const WheelOptions& options);

} // namespace wf::ui
