// [SECTION] Regions and names
// [SECTION] Geometry

#include "core/venn_regions.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] Regions and names
//-------------------------------------------------------------------------------------------------

bool is_venn_region(int mask) { return mask >= 1 && mask <= kVennAllThree; }

bool is_connection(int mask)
{
    if (!is_venn_region(mask))
        return false;
    const int circles = (mask & kVennDistrict ? 1 : 0) + (mask & kVennSchool ? 1 : 0) + (mask & kVennLibrary ? 1 : 0);
    return circles >= 2;
}

const char* region_name(int mask)
{
    switch (mask) {
    case kVennDistrict: return "District only";
    case kVennSchool: return "School only";
    case kVennLibrary: return "Library only";
    case kVennDistrict | kVennSchool: return "District and school";
    case kVennDistrict | kVennLibrary: return "District and library";
    case kVennSchool | kVennLibrary: return "School and library";
    case kVennAllThree: return "District, school and library";
    default: return "Not placed yet";
    }
}

const std::array<int, 7>& all_regions()
{
    static const std::array<int, 7> regions = {kVennDistrict,
                                               kVennSchool,
                                               kVennLibrary,
                                               kVennDistrict | kVennSchool,
                                               kVennDistrict | kVennLibrary,
                                               kVennSchool | kVennLibrary,
                                               kVennAllThree};
    return regions;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Geometry
//-------------------------------------------------------------------------------------------------

namespace {

constexpr float kSqrt3 = 1.7320508f;

// With centres one radius apart, the diagram is 3 radii wide and 2 + sqrt(3)/2 radii tall.
constexpr float kWidthInRadii = 3.0f;
constexpr float kHeightInRadii = 2.0f + kSqrt3 / 2.0f;
constexpr float kBoxMargin = 0.03f; // of the radius that would fill the box: room for outline strokes

// How far into a region its anchor sits, in radii from the centroid (pairs) or from the circle's
// centre (single circles). Chosen mid-way between the region's edges along that line, so a note
// of modest size placed there stays inside.
constexpr float kPairAnchorDistance = 0.79f;
constexpr float kSingleAnchorDistance = 0.5f;

// `from` moved `distance` in the direction that leads from `a` to `b`.
VennPoint moved(VennPoint from, VennPoint a, VennPoint b, float distance)
{
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0)
        return from;
    return {from.x + dx / length * distance, from.y + dy / length * distance};
}

} // namespace

VennLayout venn_layout_in_box(float left, float top, float width, float height)
{
    VennLayout layout;
    const float fit = std::min(std::max(width, 0.0f) / kWidthInRadii, std::max(height, 0.0f) / kHeightInRadii);
    layout.radius = fit * (1.0f - kBoxMargin);
    layout.center_x = left + width / 2;
    // The centroid sits above the diagram's vertical middle: the library circle hangs lower than the
    // other two rise.
    layout.center_y = top + height / 2 - layout.radius / (4 * kSqrt3);
    return layout;
}

VennPoint venn_circle_center(int circle, const VennLayout& layout)
{
    const float r = layout.radius;
    switch (circle) {
    case kVennDistrict: return {layout.center_x - r / 2, layout.center_y - r / (2 * kSqrt3)};
    case kVennSchool: return {layout.center_x + r / 2, layout.center_y - r / (2 * kSqrt3)};
    case kVennLibrary: return {layout.center_x, layout.center_y + r / kSqrt3};
    default: return {layout.center_x, layout.center_y};
    }
}

int venn_region_at(float x, float y, const VennLayout& layout)
{
    int mask = 0;
    for (const int circle : {kVennDistrict, kVennSchool, kVennLibrary}) {
        const VennPoint c = venn_circle_center(circle, layout);
        const float dx = x - c.x, dy = y - c.y;
        if (dx * dx + dy * dy <= layout.radius * layout.radius)
            mask |= circle;
    }
    return mask;
}

VennPoint venn_region_anchor(int mask, const VennLayout& layout)
{
    const VennPoint centroid{layout.center_x, layout.center_y};
    if (!is_venn_region(mask) || mask == kVennAllThree)
        return centroid;
    if (!is_connection(mask)) {
        // A circle's own part is the side facing away from the other two.
        const VennPoint c = venn_circle_center(mask, layout);
        return moved(c, centroid, c, kSingleAnchorDistance * layout.radius);
    }
    // A pair's lens lies on the side of the centroid facing away from the third circle.
    const VennPoint third = venn_circle_center(kVennAllThree & ~mask, layout);
    return moved(centroid, third, centroid, kPairAnchorDistance * layout.radius);
}

} // namespace wf
