// The canvas under every map: the view transform, zooming around the pointer, fitting the content,
// hit testing and box selection.
#include "core/canvas.hpp"

#include <doctest/doctest.h>

using namespace wf::canvas;

namespace {

void check_near(Vec2 a, Vec2 b)
{
    CHECK(a.x == doctest::Approx(b.x).epsilon(1e-9));
    CHECK(a.y == doctest::Approx(b.y).epsilon(1e-9));
}

} // namespace

TEST_CASE("a point on screen goes to the world and back to the same pixel, at any pan and zoom")
{
    const Vec2 viewport_min{37, 120};
    for (const double scale : {kMinScale, 0.35, 1.0, 2.5, kMaxScale})
        for (const Vec2 origin : {Vec2{0, 0}, Vec2{-1200.5, 340.25}, Vec2{5000, -80}}) {
            ViewTransform view{origin, scale};
            for (const Vec2 screen : {Vec2{37, 120}, Vec2{500, 400}, Vec2{1919.5, 1079.25}, Vec2{-20, -5}}) {
                CAPTURE(scale);
                check_near(view.to_screen(view.to_world(screen, viewport_min), viewport_min), screen);
            }
        }
}

TEST_CASE("the world point at the viewport's top-left corner is the view's origin, and a world unit is scale pixels")
{
    const ViewTransform view{{100, 50}, 2};
    check_near(view.to_screen({100, 50}, {10, 20}), {10, 20});
    check_near(view.to_screen({110, 50}, {10, 20}), {30, 20});
}

TEST_CASE("zooming with the wheel keeps the point under the pointer where it is")
{
    ViewTransform view{{-300, 120}, 1};
    const Vec2 viewport_min{200, 64};
    const Vec2 pointer{640, 380};
    const Vec2 under = view.to_world(pointer, viewport_min);
    for (const double factor : {1.1, 1.1, 2.0, 0.5, 0.8}) {
        view.zoom_around(pointer, viewport_min, factor);
        check_near(view.to_world(pointer, viewport_min), under);
    }
    CHECK(view.scale == doctest::Approx(1.1 * 1.1 * 2.0 * 0.5 * 0.8));
}

TEST_CASE("zoom stops at 10 % and 800 %, still around the pointer")
{
    ViewTransform view;
    const Vec2 pointer{300, 200};
    const Vec2 under = view.to_world(pointer, {});
    view.zoom_around(pointer, {}, 1000);
    CHECK(view.scale == kMaxScale);
    check_near(view.to_world(pointer, {}), under);
    view.zoom_around(pointer, {}, 1e-6);
    CHECK(view.scale == kMinScale);
    check_near(view.to_world(pointer, {}), under);
    view.zoom_around(pointer, {}, 0);   // not a zoom: nothing changes
    CHECK(view.scale == kMinScale);
}

TEST_CASE("panning moves the content with the pointer")
{
    ViewTransform view{{10, 10}, 2};
    const Vec2 world{50, 60};
    const Vec2 before = view.to_screen(world, {});
    view.pan_by({30, -12});
    check_near(view.to_screen(world, {}), {before.x + 30, before.y - 12});
}

TEST_CASE("fit all shows the whole content centred, and never blows a small map up past the limit")
{
    const Rect content{100, 200, 2100, 1200};   // 2000 x 1000
    const Vec2 viewport{1000, 1000};
    const ViewTransform view = fit_to_content(content, viewport, 20, 4);
    CHECK(view.scale == doctest::Approx(960.0 / 2000));
    const Vec2 top_left = view.to_screen({content.x0, content.y0}, {});
    const Vec2 bottom_right = view.to_screen({content.x1, content.y1}, {});
    CHECK(top_left.x == doctest::Approx(20));
    CHECK(bottom_right.x == doctest::Approx(980));
    CHECK(top_left.y >= 20);
    CHECK(bottom_right.y <= 980);
    CHECK((top_left.y + bottom_right.y) / 2 == doctest::Approx(500));

    const ViewTransform small = fit_to_content({0, 0, 100, 50}, viewport, 20, 1);
    CHECK(small.scale == 1);
    check_near(small.to_screen({50, 25}, {}), {500, 500});

    const ViewTransform huge = fit_to_content({0, 0, 1e7, 1e7}, viewport, 20, 1);
    CHECK(huge.scale == kMinScale);
}

TEST_CASE("a click hits the topmost note under it, and nothing on empty space")
{
    const std::vector<Rect> boxes = {{0, 0, 100, 50}, {50, 25, 150, 75}, {400, 400, 500, 450}};
    CHECK(hit_test(boxes, {60, 30}) == 1);
    CHECK(hit_test(boxes, {10, 10}) == 0);
    CHECK(hit_test(boxes, {100, 50}) == 1);   // edges count
    CHECK(hit_test(boxes, {300, 300}) == -1);
    CHECK(hit_test({}, {0, 0}) == -1);
}

TEST_CASE("a box dragged on empty space selects every note it touches, in list order")
{
    const std::vector<Rect> boxes = {{0, 0, 100, 50}, {50, 25, 150, 75}, {400, 400, 500, 450}};
    CHECK(boxes_in(boxes, {90, 40, 420, 420}) == std::vector<int>{0, 1, 2});
    CHECK(boxes_in(boxes, {200, 100, 300, 200}).empty());
    CHECK(boxes_in(boxes, {-10, -10, 5, 5}) == std::vector<int>{0});
}

TEST_CASE("the bounding box of notes holds them all")
{
    CHECK(bounding_box({}).width() == 0);
    const Rect all = bounding_box({box_around({0, 0}, {10, 10}), box_around({100, -50}, {20, 20})});
    CHECK(all.x0 == -5);
    CHECK(all.y0 == -60);
    CHECK(all.x1 == 110);
    CHECK(all.y1 == 5);
}
