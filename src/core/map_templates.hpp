#pragma once
// The four Let's Talk maps as templates on one canvas (canvas.hpp): each is data (its world size,
// the shapes and labels drawn under the notes) plus two pure functions, `region_at(point)` and
// `place_in(region, notes)`. A note's region is what it means (journey.hpp); its position is where
// it sits. The commands keep both in step: after any command, region_at(note centre) == region.
//
// Regions per map (ints, so every map shares one interaction code path):
//   continuum:      kOnLine (the band around the fixed-to-growth line), kBelowLine ("other habits")
//   venn:           the masks of venn_regions.hpp, 1..7, and kVennNotPlaced (0) for the tray beside
//   collaboration:  kInCircle, kMargins
//   agreement:      kCenter, kParkingLot, kWho, kWhen, kWhat, kWhere

#include <string>
#include <vector>

#include "core/canvas.hpp"

namespace wf {

enum class MapKind { Continuum, Venn, Collaboration, Agreement };

// Continuum regions.
inline constexpr int kOnLine = 1;
inline constexpr int kBelowLine = 2;
// Collaboration-map regions.
inline constexpr int kInCircle = 1;
inline constexpr int kMargins = 2;
// Agreement regions.
inline constexpr int kCenter = 1;
inline constexpr int kParkingLot = 2;
inline constexpr int kWho = 3;
inline constexpr int kWhen = 4;
inline constexpr int kWhat = 5;
inline constexpr int kWhere = 6;

// Every note is drawn at least this big (world units); long text makes it taller, never wider.
// Placement works with this footprint.
inline constexpr canvas::Vec2 kNoteSize{168, 84};

// What a template draws under its notes, in world units.
struct TemplateShape {
    enum class Kind { Line, Circle, Box, Label } kind = Kind::Box;
    canvas::Rect box;        // Line: from (x0,y0) to (x1,y1); Circle: its bounding box; Box, Label: the box
    std::string label;       // "": none; for a Label, the text, centred in the box
    int region = 0;          // the region the shape stands for (highlighted while a note is dragged over it); 0: none
};

struct MapTemplate {
    MapKind kind = MapKind::Venn;
    canvas::Rect bounds;                  // the whole map: every note centre is kept inside it
    std::vector<TemplateShape> shapes;    // in drawing order
    std::vector<int> regions;             // every region of the map, in reading order
};

const MapTemplate& map_template(MapKind kind);

// The region at a world point. Every point has one: a point outside the map counts as the region
// nearest to it (a note is never in no region).
int region_at(MapKind kind, canvas::Vec2 point);

// The name of a region as the librarian reads it: "District and school", "Below the line",
// "On the margins", "Who". "" for a number that is not one of the map's regions.
std::string region_label(MapKind kind, int region);

// A free spot for a note of kNoteSize in `region`: its centre is inside the map and region_at(it)
// is the region, and its box overlaps none of `occupied` when there is room. A full region still
// gives a spot inside it (stacked slightly offset from the last one), never outside. `near`, when
// given, asks for the free spot closest to it (a note dropped into a crowded region stays close to
// where it was dropped). Deterministic: the same input gives the same spot.
canvas::Vec2 place_in(MapKind kind, int region, const std::vector<canvas::Rect>& occupied,
                      const canvas::Vec2* near = nullptr);

} // namespace wf

namespace wf {

// place_in for many notes in one go (reading a journey, a migration, a benchmark): the occupied
// boxes are kept in a grid of buckets and each region's spots are handed out in order, so placing n
// notes costs about n, not n². Each spot given is occupied from then on.
class SpotFinder {
public:
    explicit SpotFinder(MapKind kind);
    void occupy(const canvas::Rect& box);
    // A free spot as place_in gives it, then occupied by a note of kNoteSize.
    canvas::Vec2 place(int region, const canvas::Vec2* near = nullptr);
    // The same without occupying it.
    canvas::Vec2 find(int region, const canvas::Vec2* near = nullptr) const;

private:
    bool is_free(const canvas::Rect& box) const;
    canvas::Vec2 stacked(int region, canvas::Vec2 spot) const;
    canvas::Vec2 on_line_column(double x) const;

    MapKind kind_;
    double bucket_w_, bucket_h_;
    canvas::Rect bounds_;
    int cols_, rows_;
    std::vector<std::vector<canvas::Rect>> buckets_;   // cols_ x rows_ over the map; a box in every bucket it covers
    std::vector<canvas::Rect> outside_;                // boxes reaching past the map (few: checked one by one)
    mutable std::vector<size_t> cursor_;               // per region: spots before it are known taken
    int stacked_count_ = 0;                            // spots given in full regions, to offset the next
};

// kWho, kWhen, kWhat or kWhere.
bool is_plan_region(int region);

// Reading order on a map: top to bottom, then left to right; centres in the same band of half a
// note's height read as one row. Tab goes from note to note in this order.
bool reads_before(canvas::Vec2 a, canvas::Vec2 b);

// Continuum: where a phrase at `position` (0 fixed .. 1 growth) sits along the line, and back.
double continuum_x(double position);
double continuum_position(double x);

} // namespace wf
