#pragma once
// The canvas under every Let's Talk map: world coordinates (CSS pixels at 100 % zoom, y grows
// downwards), the view transform that puts them on screen, hit testing and fit-to-content. One
// abstraction for all four maps: a map template (map_templates.hpp) is data plus two pure
// functions, never its own editor. Pan, zoom and selection are the viewer's (view state, never
// saved); where a note sits is document data.

#include <vector>

namespace wf::canvas {

struct Vec2 {
    double x = 0;
    double y = 0;
};

// An axis-aligned box, min corner inclusive.
struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    Vec2 center() const { return {(x0 + x1) / 2, (y0 + y1) / 2}; }
    bool contains(Vec2 p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// The box of a note of `size` centred on `center`.
Rect box_around(Vec2 center, Vec2 size);
// The smallest box holding all of them ({} for none).
Rect bounding_box(const std::vector<Rect>& boxes);

inline constexpr double kMinScale = 0.1;   // 10 %: a 2,000-note map fits a small window
inline constexpr double kMaxScale = 8.0;   // 800 %

// screen = viewport_min + (world - origin) * scale. `origin` is the world point at the viewport's
// top-left corner.
struct ViewTransform {
    Vec2 origin;
    double scale = 1;

    Vec2 to_screen(Vec2 world, Vec2 viewport_min) const;
    Vec2 to_world(Vec2 screen, Vec2 viewport_min) const;
    // Zooms by `factor` keeping the world point under `screen_point` where it is; the scale stays
    // within kMinScale..kMaxScale.
    void zoom_around(Vec2 screen_point, Vec2 viewport_min, double factor);
    // Moves the view with the pointer: a drag of `screen_delta` moves the content by that much.
    void pan_by(Vec2 screen_delta);
};

// The view that shows all of `content` centred in a viewport of `viewport_size` with `margin`
// screen pixels around it, never zoomed past `max_scale` (a small map is not blown up).
ViewTransform fit_to_content(const Rect& content, Vec2 viewport_size, double margin, double max_scale);

// The topmost (last in the list) box containing `world`; -1 when none.
int hit_test(const std::vector<Rect>& boxes, Vec2 world);
// Every box overlapping `box` (box select), in list order.
std::vector<int> boxes_in(const std::vector<Rect>& boxes, const Rect& box);

} // namespace wf::canvas
