#include "core/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace wf::canvas {

Rect box_around(Vec2 center, Vec2 size)
{
    return {center.x - size.x / 2, center.y - size.y / 2, center.x + size.x / 2, center.y + size.y / 2};
}

Rect bounding_box(const std::vector<Rect>& boxes)
{
    if (boxes.empty())
        return {};
    Rect all = boxes.front();
    for (const Rect& box : boxes) {
        all.x0 = std::min(all.x0, box.x0);
        all.y0 = std::min(all.y0, box.y0);
        all.x1 = std::max(all.x1, box.x1);
        all.y1 = std::max(all.y1, box.y1);
    }
    return all;
}

Vec2 ViewTransform::to_screen(Vec2 world, Vec2 viewport_min) const
{
    return {viewport_min.x + (world.x - origin.x) * scale, viewport_min.y + (world.y - origin.y) * scale};
}

Vec2 ViewTransform::to_world(Vec2 screen, Vec2 viewport_min) const
{
    return {origin.x + (screen.x - viewport_min.x) / scale, origin.y + (screen.y - viewport_min.y) / scale};
}

void ViewTransform::zoom_around(Vec2 screen_point, Vec2 viewport_min, double factor)
{
    if (!std::isfinite(factor) || factor <= 0)
        return;
    const Vec2 pinned = to_world(screen_point, viewport_min);
    scale = std::clamp(scale * factor, kMinScale, kMaxScale);
    // The pinned world point goes back under the screen point: origin = world - (screen - min) / scale.
    origin = {pinned.x - (screen_point.x - viewport_min.x) / scale, pinned.y - (screen_point.y - viewport_min.y) / scale};
}

void ViewTransform::pan_by(Vec2 screen_delta)
{
    origin.x -= screen_delta.x / scale;
    origin.y -= screen_delta.y / scale;
}

ViewTransform fit_to_content(const Rect& content, Vec2 viewport_size, double margin, double max_scale)
{
    ViewTransform view;
    const double room_x = std::max(viewport_size.x - 2 * margin, 1.0);
    const double room_y = std::max(viewport_size.y - 2 * margin, 1.0);
    double scale = max_scale;
    if (content.width() > 0)
        scale = std::min(scale, room_x / content.width());
    if (content.height() > 0)
        scale = std::min(scale, room_y / content.height());
    view.scale = std::clamp(scale, kMinScale, std::max(kMinScale, std::min(max_scale, kMaxScale)));
    // Centred: the content's centre lands on the viewport's centre.
    const Vec2 center = content.center();
    view.origin = {center.x - viewport_size.x / 2 / view.scale, center.y - viewport_size.y / 2 / view.scale};
    return view;
}

int hit_test(const std::vector<Rect>& boxes, Vec2 world)
{
    for (size_t i = boxes.size(); i-- > 0;)
        if (boxes[i].contains(world))
            return int(i);
    return -1;
}

std::vector<int> boxes_in(const std::vector<Rect>& boxes, const Rect& box)
{
    std::vector<int> found;
    for (size_t i = 0; i < boxes.size(); i++)
        if (boxes[i].overlaps(box))
            found.push_back(int(i));
    return found;
}

} // namespace wf::canvas
