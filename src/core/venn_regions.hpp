#pragma once
// The three-circle Venn of step 3 (district, school, library) as data: which region a point or an
// item is in, what each region is called, and where a note for a region can be placed.
// A region is the set of circles it lies inside, as a bit mask: district 1, school 2, library 4, so
// there are exactly seven regions (1..7). 0 is outside every circle: an item not placed yet.
// The geometry is shared by the drawing canvas and the list view, so both agree on regions.

#include <array>

namespace wf {

inline constexpr int kVennDistrict = 1;
inline constexpr int kVennSchool = 2;
inline constexpr int kVennLibrary = 4;
inline constexpr int kVennAllThree = kVennDistrict | kVennSchool | kVennLibrary;
inline constexpr int kVennNotPlaced = 0; // outside every circle

// 1..7.
bool is_venn_region(int mask);

// Two or more circles: an overlap, listed as a "connection".
bool is_connection(int mask);

// "District only", "District and school", …, "District, school and library"; "Not placed yet" for 0
// and for anything that is not a region.
const char* region_name(int mask);

// The seven regions in reading order: each circle on its own, then each pair, then all three.
const std::array<int, 7>& all_regions();

// A standard layout: three circles of one radius whose centres form an equilateral triangle with
// sides equal to the radius (each circle passes through the other two centres), so all seven
// regions are large enough to drop a note into. District is upper left, school upper right, library
// below. Coordinates are the canvas's (y grows downwards); the centre is the triangle's centroid.
struct VennLayout {
    float center_x = 0;
    float center_y = 0;
    float radius = 1;
};

struct VennPoint {
    float x = 0;
    float y = 0;
};

// The largest standard layout that fits, whole, in the box (a small margin keeps outlines inside).
VennLayout venn_layout_in_box(float left, float top, float width, float height);

// The centre of one circle; `circle` is kVennDistrict, kVennSchool or kVennLibrary (the centroid
// for anything else).
VennPoint venn_circle_center(int circle, const VennLayout& layout);

// The region at a point: the mask of the circles containing it (edges count as inside), 0 outside.
int venn_region_at(float x, float y, const VennLayout& layout);

// A point well inside a region, where a note for it can be placed: venn_region_at() of it is the
// region. The centroid for anything that is not a region.
VennPoint venn_region_anchor(int mask, const VennLayout& layout);

} // namespace wf
