// The four map templates: which region every point is in (inside, on the boundaries, far away), and
// where a new note goes (a free spot, inside its region, near where it was asked for).
#include "core/map_templates.hpp"
#include "core/venn_regions.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace wf;
using wf::canvas::Rect;
using wf::canvas::Vec2;

namespace {

constexpr MapKind kAllMaps[] = {MapKind::Continuum, MapKind::Venn, MapKind::Collaboration, MapKind::Agreement};

// A Venn circle as the template draws it: centre and radius.
struct Circle {
    Vec2 c;
    double r;
};

Circle venn_circle(int circle)
{
    for (const TemplateShape& s : map_template(MapKind::Venn).shapes)
        if (s.kind == TemplateShape::Kind::Circle && s.region == circle)
            return {s.box.center(), s.box.width() / 2};
    FAIL("no circle for ", circle);
    return {};
}

Vec2 toward(Vec2 from, Vec2 to, double distance)
{
    const double d = std::hypot(to.x - from.x, to.y - from.y);
    return {from.x + (to.x - from.x) / d * distance, from.y + (to.y - from.y) / d * distance};
}

} // namespace

TEST_CASE("on the continuum, the band around the line is on the line and everything under it is below the line")
{
    const MapKind m = MapKind::Continuum;
    CHECK(region_at(m, {continuum_x(0.5), 240}) == kOnLine);
    CHECK(region_at(m, {continuum_x(0), 60}) == kOnLine);
    CHECK(region_at(m, {continuum_x(1), 499}) == kOnLine);
    CHECK(region_at(m, {1200, 500}) == kBelowLine);   // the boundary belongs to the band below
    CHECK(region_at(m, {30, 880}) == kBelowLine);
    CHECK(region_at(m, {-1e9, -1e9}) == kOnLine);     // far away: the region on that side
    CHECK(region_at(m, {1e9, 1e9}) == kBelowLine);
    CHECK(region_label(m, kOnLine) == "On the line");
    CHECK(region_label(m, kBelowLine) == "Below the line");
    CHECK(region_label(m, 7).empty());
}

TEST_CASE("a phrase's place along the line is its position from fixed to growth, and back")
{
    CHECK(continuum_x(0) < continuum_x(0.25));
    CHECK(continuum_x(0.25) < continuum_x(1));
    for (const double p : {0.0, 0.1, 0.25, 0.5, 0.75, 1.0})
        CHECK(continuum_position(continuum_x(p)) == doctest::Approx(p));
    CHECK(continuum_position(-1e9) == 0);
    CHECK(continuum_position(1e9) == 1);
}

TEST_CASE("each of the seven Venn regions holds the points inside it, and outside every circle is not placed yet")
{
    const MapKind m = MapKind::Venn;
    const Circle d = venn_circle(kVennDistrict), s = venn_circle(kVennSchool), l = venn_circle(kVennLibrary);
    const Vec2 centroid{(d.c.x + s.c.x + l.c.x) / 3, (d.c.y + s.c.y + l.c.y) / 3};
    CHECK(region_at(m, centroid) == kVennAllThree);
    // Each circle's own part faces away from the centroid.
    CHECK(region_at(m, toward(d.c, centroid, -d.r * 0.5)) == kVennDistrict);
    CHECK(region_at(m, toward(s.c, centroid, -s.r * 0.5)) == kVennSchool);
    CHECK(region_at(m, toward(l.c, centroid, -l.r * 0.5)) == kVennLibrary);
    // A pair's lens lies away from the third circle.
    CHECK(region_at(m, toward(centroid, l.c, -d.r * 0.75)) == (kVennDistrict | kVennSchool));
    CHECK(region_at(m, toward(centroid, d.c, -d.r * 0.75)) == (kVennSchool | kVennLibrary));
    CHECK(region_at(m, toward(centroid, s.c, -d.r * 0.75)) == (kVennDistrict | kVennLibrary));
    // On a circle's outer edge is inside it; a hair further out is outside every circle.
    CHECK(region_at(m, toward(d.c, centroid, -d.r + 0.01)) == kVennDistrict);
    CHECK(region_at(m, toward(d.c, centroid, -d.r - 0.5)) == kVennNotPlaced);
    CHECK(region_at(m, map_template(m).shapes.front().box.center()) == kVennNotPlaced);   // the tray
    CHECK(region_at(m, {-1e9, 1e9}) == kVennNotPlaced);
    CHECK(region_label(m, kVennDistrict | kVennSchool) == "District and school");
    CHECK(region_label(m, kVennNotPlaced) == "Not placed yet");
}

TEST_CASE("on the collaboration map the circle holds the priorities and all around it are the margins")
{
    const MapKind m = MapKind::Collaboration;
    const TemplateShape& circle = map_template(m).shapes.front();
    REQUIRE(circle.kind == TemplateShape::Kind::Circle);
    const Vec2 c = circle.box.center();
    const double r = circle.box.width() / 2;
    CHECK(region_at(m, c) == kInCircle);
    CHECK(region_at(m, {c.x, c.y - r}) == kInCircle);          // the edge is in the circle
    CHECK(region_at(m, {c.x + r + 0.5, c.y}) == kMargins);
    CHECK(region_at(m, {10, 10}) == kMargins);
    CHECK(region_at(m, {1e9, -1e9}) == kMargins);
    CHECK(region_label(m, kMargins) == "On the margins");
}

TEST_CASE("the agreement has the idea in the center, Who, When, What and Where around it, and the parking lot beside")
{
    const MapKind m = MapKind::Agreement;
    const TemplateShape& center = map_template(m).shapes.back();
    REQUIRE(center.region == kCenter);
    const Vec2 c = center.box.center();
    const double r = center.box.width() / 2;
    CHECK(region_at(m, c) == kCenter);
    CHECK(region_at(m, {c.x, c.y - r}) == kCenter);           // the circle's edge
    CHECK(region_at(m, {c.x - r - 1, c.y - 1}) == kWho);
    CHECK(region_at(m, {100, 100}) == kWho);
    CHECK(region_at(m, {c.x + 300, 100}) == kWhen);
    CHECK(region_at(m, {c.x, c.y - r - 1}) == kWhen);          // the vertical line belongs to the right
    CHECK(region_at(m, {100, 1300}) == kWhat);
    CHECK(region_at(m, {c.x - r - 1, c.y}) == kWhat);          // the horizontal line belongs below
    CHECK(region_at(m, {c.x + 300, 1300}) == kWhere);
    const Rect lot = map_template(m).shapes.front().box;
    REQUIRE(map_template(m).shapes.front().region == kParkingLot);
    CHECK(region_at(m, lot.center()) == kParkingLot);
    CHECK(region_at(m, {1e9, 700}) == kParkingLot);
    CHECK(region_at(m, {-1e9, -1e9}) == kWho);
    CHECK(region_label(m, kParkingLot) == "Parking lot");
    CHECK(region_label(m, kWhere) == "Where");
}

TEST_CASE("every map lists its regions, and every region has room for a note")
{
    for (const MapKind m : kAllMaps) {
        const MapTemplate& t = map_template(m);
        CHECK(t.kind == m);
        CHECK(t.bounds.width() > 1000);
        for (const int region : t.regions) {
            CAPTURE(region);
            CHECK_FALSE(region_label(m, region).empty());
            const Vec2 spot = place_in(m, region, {});
            CHECK(t.bounds.contains(spot));
            CHECK(region_at(m, spot) == region);
        }
    }
}

TEST_CASE("notes placed one after another in a region never overlap and stay inside it")
{
    for (const MapKind m : kAllMaps)
        for (const int region : map_template(m).regions) {
            CAPTURE(int(m));
            CAPTURE(region);
            // A realistic count: the center holds one idea, the Venn's overlaps nine notes (their
            // circles are sized for a shared screen), the rest a dozen notes or so.
            const int count = m == MapKind::Agreement && region == kCenter ? 1 : m == MapKind::Venn && is_connection(region) ? 9 : 12;
            std::vector<Rect> occupied;
            for (int i = 0; i < count; i++) {
                const Vec2 spot = place_in(m, region, occupied);
                CHECK(map_template(m).bounds.contains(spot));
                CHECK(region_at(m, spot) == region);
                const Rect box = canvas::box_around(spot, kNoteSize);
                for (const Rect& other : occupied)
                    CHECK_FALSE(box.overlaps(other));
                occupied.push_back(box);
            }
        }
}

TEST_CASE("a full region still gives a spot inside it, stacked near the others, never outside")
{
    for (const MapKind m : kAllMaps)
        for (const int region : map_template(m).regions) {
            SpotFinder finder(m);
            for (int i = 0; i < 1500; i++) {
                const Vec2 spot = finder.place(region);
                if (!map_template(m).bounds.contains(spot) || region_at(m, spot) != region) {
                    FAIL("note ", i, " of region ", region, " on map ", int(m), " landed outside it");
                    break;
                }
            }
        }
}

TEST_CASE("a note dropped into a region goes to the free spot nearest where it was dropped")
{
    const Vec2 drop{300, 300};
    REQUIRE(region_at(MapKind::Collaboration, drop) == kMargins);
    const Vec2 spot = place_in(MapKind::Collaboration, kMargins, {}, &drop);
    CHECK(std::hypot(spot.x - drop.x, spot.y - drop.y) < kNoteSize.x);
    // With that spot taken, the next is still close by, and not on top of it.
    const Rect taken = canvas::box_around(spot, kNoteSize);
    const Vec2 next = place_in(MapKind::Collaboration, kMargins, {taken}, &drop);
    CHECK_FALSE(canvas::box_around(next, kNoteSize).overlaps(taken));
    CHECK(std::hypot(next.x - drop.x, next.y - drop.y) < 2.5 * kNoteSize.x);
}

TEST_CASE("on the line a phrase keeps its place from fixed to growth, and moves only up or down to find room")
{
    const Vec2 at{continuum_x(0.3), 240};
    std::vector<Rect> occupied;
    for (int i = 0; i < 8; i++) {
        const Vec2 spot = place_in(MapKind::Continuum, kOnLine, occupied, &at);
        CHECK(spot.x == at.x);
        CHECK(region_at(MapKind::Continuum, spot) == kOnLine);
        occupied.push_back(canvas::box_around(spot, kNoteSize));
    }
}

TEST_CASE("placing is deterministic, and one finder for many notes gives what place_in gives")
{
    std::vector<Rect> occupied = {canvas::box_around({400, 400}, kNoteSize), canvas::box_around({900, 700}, {600, 300})};
    SpotFinder finder(MapKind::Venn);
    for (const Rect& box : occupied)
        finder.occupy(box);
    for (int i = 0; i < 40; i++) {
        const int region = all_regions()[size_t(i) % 7];
        const Vec2 a = place_in(MapKind::Venn, region, occupied);
        const Vec2 b = place_in(MapKind::Venn, region, occupied);
        CHECK(a.x == b.x);
        CHECK(a.y == b.y);
        const Vec2 c = finder.place(region);
        CHECK(c.x == a.x);
        CHECK(c.y == a.y);
        occupied.push_back(canvas::box_around(a, kNoteSize));
    }
}

TEST_CASE("reading order goes top to bottom, then left to right")
{
    CHECK(reads_before({500, 100}, {100, 300}));
    CHECK(reads_before({100, 300}, {500, 310}));   // one row
    CHECK_FALSE(reads_before({500, 310}, {100, 300}));
    CHECK(reads_before({1, 1}, {NAN, NAN}));
}
