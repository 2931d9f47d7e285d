// The framework wheel on screen: one wedge per area, coloured by gear, filled by score, labelled,
// with an optional outline of an earlier assessment for comparison. Geometry comes from
// core/framework_wheel (shared with the printable report's SVG).
#pragma once
#include <optional>
#include <vector>

#include "ui/ui_state.hpp"

namespace wf { struct FrameworkPack; }

namespace wf::ui {

// Draws the wheel `diameter` device pixels wide at the cursor (labels around it need room, which is
// included in the space it takes). Records one automation item per wedge (role "wedge", its score).
void framework_wheel(UiState& ui, const FrameworkPack& pack, const std::vector<std::optional<double>>& scores,
                     const std::vector<std::optional<double>>* earlier_scores, float diameter);

} // namespace wf::ui
