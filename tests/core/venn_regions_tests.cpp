#include "core/venn_regions.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace wf;

namespace {

const VennLayout kLayout = venn_layout_in_box(0, 0, 600, 600);

} // namespace

TEST_CASE("there are exactly seven regions, each circle alone, each pair, then all three")
{
    const std::array<int, 7> expected = {kVennDistrict,
                                         kVennSchool,
                                         kVennLibrary,
                                         kVennDistrict | kVennSchool,
                                         kVennDistrict | kVennLibrary,
                                         kVennSchool | kVennLibrary,
                                         kVennAllThree};
    CHECK(all_regions() == expected);
    for (const int region : all_regions())
        CHECK(is_venn_region(region));
    CHECK_FALSE(is_venn_region(0));
    CHECK_FALSE(is_venn_region(8));
    CHECK_FALSE(is_venn_region(-1));
}

TEST_CASE("a region is a connection when it lies inside two or more circles")
{
    CHECK_FALSE(is_connection(kVennDistrict));
    CHECK_FALSE(is_connection(kVennSchool));
    CHECK_FALSE(is_connection(kVennLibrary));
    CHECK(is_connection(kVennDistrict | kVennSchool));
    CHECK(is_connection(kVennDistrict | kVennLibrary));
    CHECK(is_connection(kVennSchool | kVennLibrary));
    CHECK(is_connection(kVennAllThree));
    CHECK_FALSE(is_connection(kVennNotPlaced));
    CHECK_FALSE(is_connection(15));
}

TEST_CASE("every region has its own plain name, and anything else reads as not placed")
{
    CHECK(std::string(region_name(kVennDistrict)) == "District only");
    CHECK(std::string(region_name(kVennSchool | kVennLibrary)) == "School and library");
    CHECK(std::string(region_name(kVennAllThree)) == "District, school and library");
    CHECK(std::string(region_name(0)) == "Not placed yet");
    CHECK(std::string(region_name(99)) == "Not placed yet");
    std::set<std::string> names;
    for (const int region : all_regions())
        names.insert(region_name(region));
    CHECK(names.size() == 7);
}

TEST_CASE("a note dropped in the district and school lens is in that region")
{
    const VennPoint lens = venn_region_anchor(kVennDistrict | kVennSchool, kLayout);
    CHECK(venn_region_at(lens.x, lens.y, kLayout) == (kVennDistrict | kVennSchool));
    // The lens lies above the centre: the library circle hangs below the other two.
    CHECK(lens.y < kLayout.center_y);
}

TEST_CASE("each region's anchor point lies in that region, so a note placed there is where the list says")
{
    for (const int region : all_regions()) {
        const VennPoint anchor = venn_region_anchor(region, kLayout);
        CHECK_MESSAGE(venn_region_at(anchor.x, anchor.y, kLayout) == region, region_name(region));
    }
}

TEST_CASE("the middle of the diagram is inside all three circles")
{
    CHECK(venn_region_at(kLayout.center_x, kLayout.center_y, kLayout) == kVennAllThree);
}

TEST_CASE("a note dropped outside every circle is not placed")
{
    CHECK(venn_region_at(2, 2, kLayout) == kVennNotPlaced);
    CHECK(venn_region_at(598, 598, kLayout) == kVennNotPlaced);
    CHECK(venn_region_at(-500, 300, kLayout) == kVennNotPlaced);
}

TEST_CASE("district is upper left, school upper right and library below, and each circle's far side is its own")
{
    const VennPoint district = venn_circle_center(kVennDistrict, kLayout);
    const VennPoint school = venn_circle_center(kVennSchool, kLayout);
    const VennPoint library = venn_circle_center(kVennLibrary, kLayout);
    CHECK(district.x < school.x);
    CHECK(district.y == doctest::Approx(school.y));
    CHECK(library.y > district.y);
    CHECK(venn_region_at(district.x - kLayout.radius * 0.9f, district.y, kLayout) == kVennDistrict);
    CHECK(venn_region_at(school.x + kLayout.radius * 0.9f, school.y, kLayout) == kVennSchool);
    CHECK(venn_region_at(library.x, library.y + kLayout.radius * 0.9f, kLayout) == kVennLibrary);
}

TEST_CASE("each circle passes through the other two centres, and the edge counts as inside")
{
    const VennPoint school = venn_circle_center(kVennSchool, kLayout);
    const VennPoint district = venn_circle_center(kVennDistrict, kLayout);
    CHECK(school.x - district.x == doctest::Approx(kLayout.radius));
    const int top_of_district = venn_region_at(district.x, district.y - kLayout.radius, kLayout);
    CHECK((top_of_district & kVennDistrict) != 0);
}

TEST_CASE("the layout fits whole inside its box, wide or tall, and is as large as the box allows")
{
    for (const auto& [width, height] : {std::pair<float, float>{600, 400}, {300, 900}, {1000, 1000}}) {
        const VennLayout layout = venn_layout_in_box(10, 20, width, height);
        float left = 1e9f, right = -1e9f, top = 1e9f, bottom = -1e9f;
        for (const int circle : {kVennDistrict, kVennSchool, kVennLibrary}) {
            const VennPoint c = venn_circle_center(circle, layout);
            left = std::min(left, c.x - layout.radius);
            right = std::max(right, c.x + layout.radius);
            top = std::min(top, c.y - layout.radius);
            bottom = std::max(bottom, c.y + layout.radius);
        }
        CHECK(left >= 10);
        CHECK(right <= 10 + width);
        CHECK(top >= 20);
        CHECK(bottom <= 20 + height);
        // Centred, and filling the tighter dimension but for a thin margin.
        CHECK((left + right) / 2 == doctest::Approx(10 + width / 2));
        CHECK((top + bottom) / 2 == doctest::Approx(20 + height / 2));
        CHECK(std::max((right - left) / width, (bottom - top) / height) > 0.95f);
    }
}

TEST_CASE("an empty box gives a diagram of no size rather than a negative one")
{
    CHECK(venn_layout_in_box(0, 0, 0, 300).radius == 0);
    CHECK(venn_layout_in_box(0, 0, -10, 300).radius == 0);
}
