// [SECTION] Geometry of the four maps
// [SECTION] Templates (what is drawn under the notes)
// [SECTION] Regions
// [SECTION] Free spots

#include "core/map_templates.hpp"
#include "core/stable_order.hpp"

#include "core/venn_regions.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace wf {

using canvas::Rect;
using canvas::Vec2;

//-------------------------------------------------------------------------------------------------
// [SECTION] Geometry of the four maps
//-------------------------------------------------------------------------------------------------

namespace {

// Continuum: the line runs across the top part; everything under kBandBottom is "below the line".
constexpr Rect kContinuumBounds{0, 0, 2400, 900};
constexpr double kLineY = 240, kLineX0 = 120, kLineX1 = 2280;
constexpr double kBandBottom = 500;

// Venn: the three circles in the left part, the tray of notes not placed yet on the right. The
// circles are sized so a 1280x720 shared screen shows them whole with notes at 16 CSS px
// (present_mode.cpp); the box sits where the grid of free spots lines up best with the overlaps,
// so each of them still holds nine notes side by side.
constexpr Rect kVennBounds{0, 0, 2400, 1696};
constexpr Rect kVennBox{40, 36, 1900, 1696};
constexpr Rect kVennTray{1940, 76, 2380, 1656};

// Collaboration: one circle in the middle; the rest of the map is the margins.
constexpr Rect kCollaborationBounds{0, 0, 2000, 1400};
constexpr Vec2 kCircleCenter{1000, 700};
constexpr double kCircleRadius = 560;

// Agreement: the quadrants around the center circle on the left, the parking lot on the right.
constexpr Rect kAgreementBounds{0, 0, 2400, 1400};
constexpr Vec2 kAgreementCenter{900, 700};
constexpr double kCenterRadius = 200;
constexpr double kParkingLotX = 1820;

// Spots are laid out on a grid of note-sized cells with a gap, so notes on neighbouring spots
// never touch.
constexpr double kGap = 12;
constexpr Vec2 kPitch{kNoteSize.x + kGap, kNoteSize.y + kGap};

const VennLayout& venn_layout()
{
    static const VennLayout layout = venn_layout_in_box(float(kVennBox.x0), float(kVennBox.y0), float(kVennBox.width()),
                                                        float(kVennBox.height()));
    return layout;
}

double distance(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

Rect circle_box(Vec2 center, double radius)
{
    return {center.x - radius, center.y - radius, center.x + radius, center.y + radius};
}

// A point well inside each region: a full region's notes stack around it, and spots are handed out
// nearest it first.
Vec2 region_anchor(MapKind kind, int region)
{
    switch (kind) {
    case MapKind::Continuum:
        return region == kBelowLine ? Vec2{kContinuumBounds.center().x, (kBandBottom + kContinuumBounds.y1) / 2}
                                    : Vec2{kContinuumBounds.center().x, kLineY};
    case MapKind::Venn: {
        if (region == kVennNotPlaced)
            return kVennTray.center();
        const VennPoint p = venn_region_anchor(region, venn_layout());
        return {p.x, p.y};
    }
    case MapKind::Collaboration:
        return region == kInCircle ? kCircleCenter : Vec2{(kCollaborationBounds.x0 + kCircleCenter.x - kCircleRadius) / 2, kCircleCenter.y};
    case MapKind::Agreement: {
        const double dx = kCenterRadius + kNoteSize.x, dy = kCenterRadius + kNoteSize.y;
        switch (region) {
        case kParkingLot: return {(kParkingLotX + kAgreementBounds.x1) / 2, kAgreementCenter.y};
        case kWho: return {kAgreementCenter.x - dx, kAgreementCenter.y - dy};
        case kWhen: return {kAgreementCenter.x + dx, kAgreementCenter.y - dy};
        case kWhat: return {kAgreementCenter.x - dx, kAgreementCenter.y + dy};
        case kWhere: return {kAgreementCenter.x + dx, kAgreementCenter.y + dy};
        default: return kAgreementCenter;
        }
    }
    }
    return {};
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Templates (what is drawn under the notes)
//-------------------------------------------------------------------------------------------------

using Shape = TemplateShape;

MapTemplate continuum_template()
{
    MapTemplate t;
    t.kind = MapKind::Continuum;
    t.bounds = kContinuumBounds;
    t.regions = {kOnLine, kBelowLine};
    t.shapes = {
        {Shape::Kind::Box, {kContinuumBounds.x0, kBandBottom, kContinuumBounds.x1, kContinuumBounds.y1}, "", kBelowLine},
        {Shape::Kind::Line, {kLineX0, kLineY, kLineX1, kLineY}, "", kOnLine},
        {Shape::Kind::Label, {kLineX0 - 100, kLineY - 150, kLineX0 + 300, kLineY - 110}, "Fixed", 0},
        {Shape::Kind::Label, {kLineX1 - 300, kLineY - 150, kLineX1 + 100, kLineY - 110}, "Growth", 0},
        {Shape::Kind::Label, {kContinuumBounds.x0 + 20, kBandBottom + 8, kContinuumBounds.x0 + 620, kBandBottom + 48},
         "Other habits (below the line)", 0},
    };
    return t;
}

MapTemplate venn_template()
{
    MapTemplate t;
    t.kind = MapKind::Venn;
    t.bounds = kVennBounds;
    t.regions.assign(all_regions().begin(), all_regions().end());
    t.regions.push_back(kVennNotPlaced);
    const VennLayout& layout = venn_layout();
    t.shapes.push_back({Shape::Kind::Box, kVennTray, "Not placed yet", kVennNotPlaced});
    const std::pair<int, const char*> circles[] = {{kVennDistrict, "District"}, {kVennSchool, "School"}, {kVennLibrary, "Library"}};
    for (const auto& [circle, name] : circles) {
        const VennPoint c = venn_circle_center(circle, layout);
        t.shapes.push_back({Shape::Kind::Circle, circle_box({c.x, c.y}, layout.radius), name, circle});
    }
    // Each circle's name sits at its outer edge, away from the overlaps.
    for (const auto& [circle, name] : circles) {
        const VennPoint c = venn_circle_center(circle, layout);
        const double out_y = circle == kVennLibrary ? c.y + layout.radius * 0.86 : c.y - layout.radius * 0.86;
        const double out_x = circle == kVennDistrict ? c.x - layout.radius * 0.3 : circle == kVennSchool ? c.x + layout.radius * 0.3 : c.x;
        t.shapes.push_back({Shape::Kind::Label, {out_x - 150, out_y - 20, out_x + 150, out_y + 20}, name, 0});
    }
    return t;
}

MapTemplate collaboration_template()
{
    MapTemplate t;
    t.kind = MapKind::Collaboration;
    t.bounds = kCollaborationBounds;
    t.regions = {kInCircle, kMargins};
    t.shapes = {
        {Shape::Kind::Circle, circle_box(kCircleCenter, kCircleRadius), "", kInCircle},
        {Shape::Kind::Label, {kCircleCenter.x - 300, kCircleCenter.y - kCircleRadius + 20, kCircleCenter.x + 300, kCircleCenter.y - kCircleRadius + 60},
         "Priorities, with the strengths beside them", 0},
        {Shape::Kind::Label, {kCollaborationBounds.x0 + 20, kCollaborationBounds.y0 + 20, kCollaborationBounds.x0 + 420, kCollaborationBounds.y0 + 60},
         "On the margins", 0},
    };
    return t;
}

MapTemplate agreement_template()
{
    MapTemplate t;
    t.kind = MapKind::Agreement;
    t.bounds = kAgreementBounds;
    t.regions = {kCenter, kWho, kWhen, kWhat, kWhere, kParkingLot};
    const Vec2 c = kAgreementCenter;
    const double left = kAgreementBounds.x0, top = kAgreementBounds.y0, bottom = kAgreementBounds.y1;
    t.shapes = {
        {Shape::Kind::Box, {kParkingLotX + 20, top, kAgreementBounds.x1, bottom}, "Parking lot", kParkingLot},
        {Shape::Kind::Box, {left, top, c.x, c.y}, "", kWho},
        {Shape::Kind::Box, {c.x, top, kParkingLotX, c.y}, "", kWhen},
        {Shape::Kind::Box, {left, c.y, c.x, bottom}, "", kWhat},
        {Shape::Kind::Box, {c.x, c.y, kParkingLotX, bottom}, "", kWhere},
        {Shape::Kind::Line, {left, c.y, kParkingLotX, c.y}, "", 0},
        {Shape::Kind::Line, {c.x, top, c.x, bottom}, "", 0},
        {Shape::Kind::Label, {left + 20, top + 20, left + 220, top + 60}, "Who", 0},
        {Shape::Kind::Label, {kParkingLotX - 220, top + 20, kParkingLotX - 20, top + 60}, "When", 0},
        {Shape::Kind::Label, {left + 20, bottom - 60, left + 220, bottom - 20}, "What", 0},
        {Shape::Kind::Label, {kParkingLotX - 220, bottom - 60, kParkingLotX - 20, bottom - 20}, "Where", 0},
        {Shape::Kind::Circle, circle_box(c, kCenterRadius), "The agreed idea", kCenter},
    };
    return t;
}

} // namespace

const MapTemplate& map_template(MapKind kind)
{
    static const std::array<MapTemplate, 4> templates = {continuum_template(), venn_template(), collaboration_template(),
                                                         agreement_template()};
    return templates[size_t(kind)];
}

bool is_plan_region(int region) { return region >= kWho && region <= kWhere; }

bool reads_before(Vec2 a, Vec2 b)
{
    const auto key = [](double v) { return std::isfinite(v) ? v : 1e300; };
    const double row_a = std::floor(key(a.y) / (kNoteSize.y / 2)), row_b = std::floor(key(b.y) / (kNoteSize.y / 2));
    if (row_a != row_b)
        return row_a < row_b;
    return key(a.x) < key(b.x);
}

double continuum_x(double position) { return kLineX0 + std::clamp(position, 0.0, 1.0) * (kLineX1 - kLineX0); }

double continuum_position(double x) { return std::clamp((x - kLineX0) / (kLineX1 - kLineX0), 0.0, 1.0); }

//-------------------------------------------------------------------------------------------------
// [SECTION] Regions
//-------------------------------------------------------------------------------------------------

// Each rule below covers the whole plane, so a point outside the map gets the region it is nearest
// to on that side (above the continuum's band is still on the line, past the parking lot still in it).
int region_at(MapKind kind, Vec2 p)
{
    switch (kind) {
    case MapKind::Continuum:
        return p.y < kBandBottom ? kOnLine : kBelowLine;
    case MapKind::Venn:
        // Anything outside the three circles is not placed yet: the tray is only where such notes go.
        // Clamped first: a double past float's range would not convert (anything that far is outside).
        return venn_region_at(float(std::clamp(p.x, -1e9, 1e9)), float(std::clamp(p.y, -1e9, 1e9)), venn_layout());
    case MapKind::Collaboration:
        return distance(p, kCircleCenter) <= kCircleRadius ? kInCircle : kMargins;
    case MapKind::Agreement:
        if (p.x >= kParkingLotX)
            return kParkingLot;
        if (distance(p, kAgreementCenter) <= kCenterRadius)
            return kCenter;
        if (p.y < kAgreementCenter.y)
            return p.x < kAgreementCenter.x ? kWho : kWhen;
        return p.x < kAgreementCenter.x ? kWhat : kWhere;
    }
    return 0;
}

std::string region_label(MapKind kind, int region)
{
    const MapTemplate& t = map_template(kind);
    if (std::find(t.regions.begin(), t.regions.end(), region) == t.regions.end())
        return "";
    switch (kind) {
    case MapKind::Continuum: return region == kOnLine ? "On the line" : "Below the line";
    case MapKind::Venn: return region_name(region);
    case MapKind::Collaboration: return region == kInCircle ? "In the circle" : "On the margins";
    case MapKind::Agreement: {
        static const char* const names[] = {"", "In the center", "Parking lot", "Who", "When", "What", "Where"};
        return names[region];
    }
    }
    return "";
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Free spots
//-------------------------------------------------------------------------------------------------

namespace {

// Every region's spots: the anchor, then the grid cells whose centre is in the region, nearest the
// anchor first (ties top to bottom, then left to right). Fixed per map, so computed once.
struct RegionSpots {
    int region = 0;
    std::vector<Vec2> spots;
};

std::vector<RegionSpots> compute_spots(MapKind kind)
{
    const MapTemplate& t = map_template(kind);
    std::vector<RegionSpots> all;
    for (const int region : t.regions) {
        RegionSpots r;
        r.region = region;
        const Vec2 anchor = region_anchor(kind, region);
        r.spots.push_back(anchor);
        std::vector<Vec2> cells;
        for (double y = t.bounds.y0 + kPitch.y / 2; y <= t.bounds.y1; y += kPitch.y)
            for (double x = t.bounds.x0 + kPitch.x / 2; x <= t.bounds.x1; x += kPitch.x)
                if (region_at(kind, {x, y}) == region)
                    cells.push_back({x, y});
        stable_sort_by(cells, [&](Vec2 a, Vec2 b) { return distance(a, anchor) < distance(b, anchor); });
        r.spots.insert(r.spots.end(), cells.begin(), cells.end());
        all.push_back(std::move(r));
    }
    return all;
}

const std::vector<Vec2>& spots_of(MapKind kind, int region)
{
    static const std::array<std::vector<RegionSpots>, 4> spots = {compute_spots(MapKind::Continuum), compute_spots(MapKind::Venn),
                                                                  compute_spots(MapKind::Collaboration),
                                                                  compute_spots(MapKind::Agreement)};
    static const std::vector<Vec2> none;
    for (const RegionSpots& r : spots[size_t(kind)])
        if (r.region == region)
            return r.spots;
    return none;
}

size_t region_index(MapKind kind, int region)
{
    const std::vector<int>& regions = map_template(kind).regions;
    return size_t(std::find(regions.begin(), regions.end(), region) - regions.begin());
}

} // namespace

SpotFinder::SpotFinder(MapKind kind)
    : kind_(kind), bucket_w_(kPitch.x), bucket_h_(kPitch.y), bounds_(map_template(kind).bounds)
{
    cols_ = int(std::ceil(bounds_.width() / bucket_w_));
    rows_ = int(std::ceil(bounds_.height() / bucket_h_));
    buckets_.resize(size_t(cols_ * rows_));
    cursor_.assign(map_template(kind).regions.size() + 1, 0);
}

void SpotFinder::occupy(const Rect& box)
{
    if (!(box.x0 >= bounds_.x0 && box.y0 >= bounds_.y0 && box.x1 <= bounds_.x1 && box.y1 <= bounds_.y1)) {
        // A box reaching past the map (a note on the edge, a tall note) is checked on its own.
        outside_.push_back(box);
        return;
    }
    const int c0 = int((box.x0 - bounds_.x0) / bucket_w_), c1 = std::min(cols_ - 1, int((box.x1 - bounds_.x0) / bucket_w_));
    const int r0 = int((box.y0 - bounds_.y0) / bucket_h_), r1 = std::min(rows_ - 1, int((box.y1 - bounds_.y0) / bucket_h_));
    for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
            buckets_[size_t(r * cols_ + c)].push_back(box);
}

bool SpotFinder::is_free(const Rect& box) const
{
    for (const Rect& other : outside_)
        if (other.overlaps(box))
            return false;
    const int c0 = std::max(0, int((box.x0 - bounds_.x0) / bucket_w_)), c1 = std::min(cols_ - 1, int((box.x1 - bounds_.x0) / bucket_w_));
    const int r0 = std::max(0, int((box.y0 - bounds_.y0) / bucket_h_)), r1 = std::min(rows_ - 1, int((box.y1 - bounds_.y0) / bucket_h_));
    for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
            for (const Rect& other : buckets_[size_t(r * cols_ + c)])
                if (other.overlaps(box))
                    return false;
    return true;
}

// A full region stacks notes on its spots, each a little down and to the right of the one before,
// in a short cycle so the stack never wanders out of the region.
Vec2 SpotFinder::stacked(int region, Vec2 spot) const
{
    const double step = 10.0 * (stacked_count_ % 6 + 1);
    const Vec2 offset{spot.x + step, spot.y + step};
    return bounds_.contains(offset) && region_at(kind_, offset) == region ? offset : spot;
}

// A phrase's place along the continuum is its meaning, so on the line a spot keeps its x and only
// looks up and down the band (the line itself first).
Vec2 SpotFinder::on_line_column(double x) const
{
    x = continuum_x(continuum_position(x));
    for (int k = 0; k < 2 * int(kBandBottom / kPitch.y) + 1; k++) {
        const double dy = (k + 1) / 2 * kPitch.y * (k % 2 ? -1 : 1);
        const Vec2 spot{x, kLineY + dy};
        if (!bounds_.contains(spot) || region_at(kind_, spot) != kOnLine)
            continue;
        if (is_free(canvas::box_around(spot, kNoteSize)))
            return spot;
    }
    return {x, kLineY + 10.0 * (stacked_count_ % 6 + 1)};
}

Vec2 SpotFinder::find(int region, const Vec2* near) const
{
    if (near && !(std::isfinite(near->x) && std::isfinite(near->y)))
        near = nullptr;
    if (kind_ == MapKind::Continuum && region == kOnLine && near)
        return on_line_column(near->x);
    const std::vector<Vec2>& spots = spots_of(kind_, region);
    if (spots.empty())
        return bounds_.center();   // not a region of this map: the model never asks for one
    if (near) {
        const std::vector<size_t> order =
            stable_order(spots.size(), [&](size_t a, size_t b) { return distance(spots[a], *near) < distance(spots[b], *near); });
        for (const size_t i : order)
            if (is_free(canvas::box_around(spots[i], kNoteSize)))
                return spots[i];
        return stacked(region, spots[order.front()]);
    }
    size_t& cursor = cursor_[region_index(kind_, region)];
    // Occupied boxes are only ever added, so a spot found taken stays taken: start past them.
    while (cursor < spots.size() && !is_free(canvas::box_around(spots[cursor], kNoteSize)))
        cursor++;
    if (cursor < spots.size())
        return spots[cursor];
    return stacked(region, spots[size_t(stacked_count_) % spots.size()]);
}

Vec2 SpotFinder::place(int region, const Vec2* near)
{
    const Vec2 spot = find(region, near);
    if (!is_free(canvas::box_around(spot, kNoteSize)))
        stacked_count_++;
    occupy(canvas::box_around(spot, kNoteSize));
    return spot;
}

Vec2 place_in(MapKind kind, int region, const std::vector<Rect>& occupied, const Vec2* near)
{
    SpotFinder finder(kind);
    for (const Rect& box : occupied)
        finder.occupy(box);
    return finder.find(region, near);
}

} // namespace wf
