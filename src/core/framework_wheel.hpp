#pragma once
// The framework wheel's geometry: one wedge per area, grouped by gear, filled out from the middle by
// the area's score. Shared by the ImGui results view and the SVG in reports, so both draw the same
// picture.
//
// Angles are radians from 12 o'clock, clockwise. Radial sizes are "band" fractions: 0 is the inner
// edge of the wedges (around the empty middle), 1 the outer edge. Each scale level has a ring; the
// lowest level fills the first ring, so an area rated at the lowest level still shows colour.

#include "core/colour.hpp"
#include "core/framework_pack.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr float kWheelWedgeGap = 0.025f; // radians between neighbouring wedges of one gear
inline constexpr float kWheelGearGap = 0.075f;  // radians between gears, so each gear reads as a group
inline constexpr float kWheelHoleRadius = 0.16f; // the empty middle, as a fraction of the outer radius

struct WheelWedge {
    int area_index = 0;          // into pack.areas
    float start_angle = 0;       // radians, 0 = 12 o'clock, clockwise
    float end_angle = 0;
    std::string gear_color;      // "#RRGGBB" of the area's gear (grey when the gear has no valid colour); parse_hex_colour() reads it
    std::optional<double> fill;  // band fraction 0..1 reached by the score; none: not rated (drawn
                                 // and named so, never as a low score)
    float label_angle = 0;       // where the area's label goes: the middle of the wedge
};

struct WheelRing {
    int level_value = 0;
    std::string level_name;
    float band = 0;              // where the level's ring is drawn, 0..1
};

// One wedge per area, in wheel order. `scores` are 0..1 per area (see assessment_results.hpp),
// clamped; missing entries count as not scored.
std::vector<WheelWedge> wheel_wedges(const FrameworkPack& pack, const std::vector<std::optional<double>>& scores);

// One ring per level of the pack's scale, lowest first.
std::vector<WheelRing> wheel_rings(const FrameworkPack& pack);

// The band fraction a 0..1 score reaches on a scale of `level_count` levels (clamped).
float wheel_band_for_score(double score, size_t level_count);

// The radius of a band fraction for a wheel of `outer_radius`.
float wheel_band_radius(float band, float outer_radius);

struct WheelPoint {
    float x = 0; // right of the centre
    float y = 0; // below the centre (screen coordinates)
};

WheelPoint wheel_point(float angle, float radius);

// [SECTION] Labels around the wheel

struct WheelLabelSize {
    float width = 0;             // the label's text block as it will be drawn (wrapped), in pixels
    float height = 0;
};

struct WheelRect {
    float x = 0, y = 0, width = 0, height = 0;
    bool overlaps(const WheelRect& o) const { return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height; }
};

struct WheelLayoutLimits {
    float max_width = 0;         // the whole block, wheel and labels, is at most this wide
    float max_height = 0;        // and this tall; 0: any height (the page scrolls)
    float min_radius = 0;        // the wheel's outer radius stays within these
    float max_radius = 0;
    float label_gap = 0;         // between the wheel's edge and a label
    float label_spacing = 0;     // between two labels one above the other
};

struct WheelLayout {
    float outer_radius = 0;
    WheelPoint centre;           // from the block's top-left corner
    float width = 0;             // the block: the wheel and every label
    float height = 0;
    std::vector<WheelRect> labels;   // one per wedge, in wheel order, from the block's top-left
    std::vector<WheelPoint> anchors; // where each label would sit undisturbed: beside its wedge
    bool fits = true;            // false: even the smallest wheel overflows the limits
};

// Places the wheel and its labels. Each label sits outside the wheel beside its wedge, on the side
// its wedge is on (left-aligned on the right half, right-aligned on the left); labels on one side are
// stacked so that none overlaps another or the wheel, each moved as little as it can be. The radius is
// the largest within the limits whose block fits; when none fits, the smallest, with `fits` false.
WheelLayout layout_wheel(const std::vector<WheelWedge>& wedges, const std::vector<WheelLabelSize>& labels,
                         const WheelLayoutLimits& limits);

enum class SvgEmbedding {
    Standalone,  // an .svg file of its own: carries the SVG namespace declaration
    InlineHtml,  // inside an HTML page, which needs no namespace (and so holds no URL at all)
};

// A complete <svg> of `size_px` square: a faint full wedge per rated area in its gear's colour, the
// wedge filled to its score, a dashed grey outline and "not rated" under the label for an area with
// nothing rated, level rings, labels (short names), and when `earlier_scores` is given a
// dashed outline of those scores for comparison. Text is escaped for XML.
std::string wheel_svg(const FrameworkPack& pack, const std::vector<std::optional<double>>& scores,
                      const std::vector<std::optional<double>>* earlier_scores, float size_px,
                      SvgEmbedding embedding = SvgEmbedding::Standalone);

// Text made safe inside XML and HTML elements and attributes: & < > " ' are escaped and control
// characters XML forbids are dropped.
std::string escape_xml(std::string_view text);

} // namespace wf
