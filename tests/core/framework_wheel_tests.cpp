#include "core/framework_wheel.hpp"

#include "sample_assessment.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include "test_support.hpp"

using namespace wf;
using namespace wf::test;

namespace {

constexpr float kTurn = 2 * 3.14159265358979f;

size_t occurrences(const std::string& text, const std::string& part)
{
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        count++;
    return count;
}

// Sample pack gears around the wheel: reading | teaching teaching | spaces spaces | (back to reading)
const std::vector<std::optional<double>> kNoScores;

} // namespace

TEST_CASE("wedges go clockwise from 12 o'clock in the pack's order and, with their gaps, fill the circle")
{
    const std::vector<WheelWedge> wedges = wheel_wedges(sample_pack(), kNoScores);
    REQUIRE(wedges.size() == 5);
    for (size_t i = 0; i < wedges.size(); i++) {
        CHECK(wedges[i].area_index == int(i));
        CHECK(wedges[i].end_angle > wedges[i].start_angle);
        if (i > 0)
            CHECK(wedges[i].start_angle > wedges[i - 1].end_angle);
    }
    // The first wedge starts just after 12 o'clock, past half of the gap that closes the circle.
    CHECK(wedges[0].start_angle == doctest::Approx(kWheelGearGap / 2));
    CHECK(wedges[4].end_angle + kWheelGearGap / 2 == doctest::Approx(kTurn));
}

TEST_CASE("the gap between two gears is wider than the gap inside a gear, and all wedges are equally wide")
{
    const std::vector<WheelWedge> wedges = wheel_wedges(sample_pack(), kNoScores);
    const auto gap = [&](size_t before) { return wedges[before + 1].start_angle - wedges[before].end_angle; };
    CHECK(gap(0) == doctest::Approx(kWheelGearGap));  // reading -> teaching
    CHECK(gap(1) == doctest::Approx(kWheelWedgeGap)); // teaching -> teaching
    CHECK(gap(2) == doctest::Approx(kWheelGearGap));  // teaching -> spaces
    CHECK(gap(3) == doctest::Approx(kWheelWedgeGap)); // spaces -> spaces
    CHECK(kWheelGearGap > kWheelWedgeGap);

    const float span = wedges[0].end_angle - wedges[0].start_angle;
    for (const WheelWedge& wedge : wedges)
        CHECK(wedge.end_angle - wedge.start_angle == doctest::Approx(span));
    CHECK(5 * span + 3 * kWheelGearGap + 2 * kWheelWedgeGap == doctest::Approx(kTurn));
}

TEST_CASE("a wheel of one gear has only the small gaps")
{
    FrameworkPack pack = sample_pack();
    for (FrameworkArea& area : pack.areas)
        area.gear = "teaching";
    const std::vector<WheelWedge> wedges = wheel_wedges(pack, kNoScores);
    CHECK(wedges[0].start_angle == doctest::Approx(kWheelWedgeGap / 2));
    CHECK(wedges[3].start_angle - wedges[2].end_angle == doctest::Approx(kWheelWedgeGap));
}

TEST_CASE("each label sits in the middle of its wedge")
{
    for (const WheelWedge& wedge : wheel_wedges(sample_pack(), kNoScores))
        CHECK(wedge.label_angle == doctest::Approx((wedge.start_angle + wedge.end_angle) / 2));
}

TEST_CASE("wedges take their gear's colour, or grey when the gear's colour is unusable")
{
    FrameworkPack pack = sample_pack();
    pack.gears[2].color = "red\" onload=\"x";
    pack.areas[0].gear = "no-such-gear";
    const std::vector<WheelWedge> wedges = wheel_wedges(pack, kNoScores);
    CHECK(wedges[1].gear_color == "#C2562B");
    CHECK(wedges[2].gear_color == "#C2562B");
    CHECK(wedges[0].gear_color == "#8a8a8a");
    CHECK(wedges[3].gear_color == "#8a8a8a");
}

TEST_CASE("the fill follows the score, clamped, and the lowest level still shows")
{
    const std::vector<std::optional<double>> scores = {0.0, 1.0, 1.7, -0.3, std::nullopt};
    const std::vector<WheelWedge> wedges = wheel_wedges(sample_pack(), scores);
    CHECK(*wedges[0].fill == doctest::Approx(0.25)); // four levels: the lowest fills the first ring
    CHECK(*wedges[1].fill == doctest::Approx(1.0));
    CHECK(*wedges[2].fill == doctest::Approx(1.0));
    CHECK(*wedges[3].fill == doctest::Approx(0.25));
    CHECK_FALSE(wedges[4].fill.has_value());
    CHECK(wheel_band_for_score(0.5, 4) == doctest::Approx(0.625));
    CHECK(wheel_band_for_score(std::nan(""), 4) == doctest::Approx(0.25));
}

TEST_CASE("areas without a score entry are drawn unfilled")
{
    const std::vector<WheelWedge> wedges = wheel_wedges(sample_pack(), {0.5});
    CHECK(wedges[0].fill.has_value());
    for (size_t i = 1; i < wedges.size(); i++)
        CHECK_FALSE(wedges[i].fill.has_value());
}

TEST_CASE("there is one ring per level, lowest first, the top level on the outer edge")
{
    const std::vector<WheelRing> rings = wheel_rings(sample_pack());
    REQUIRE(rings.size() == 4);
    CHECK(rings[0].level_value == 1);
    CHECK(rings[0].level_name == "Beginning");
    CHECK(rings[0].band == doctest::Approx(0.25));
    CHECK(rings[1].band == doctest::Approx(0.5));
    CHECK(rings[3].band == doctest::Approx(1.0));
}

TEST_CASE("bands are measured from the empty middle to the outer edge")
{
    CHECK(wheel_band_radius(0, 100) == doctest::Approx(kWheelHoleRadius * 100));
    CHECK(wheel_band_radius(1, 100) == doctest::Approx(100));
    const WheelPoint three_oclock = wheel_point(kTurn / 4, 10);
    CHECK(three_oclock.x == doctest::Approx(10));
    CHECK(three_oclock.y == doctest::Approx(0).epsilon(1e-5));
    CHECK(wheel_point(0, 10).y == doctest::Approx(-10)); // 12 o'clock is up on screen
}

TEST_CASE("the SVG draws a faint and a filled wedge per scored area, and a ring per level")
{
    const std::string svg = wheel_svg(sample_pack(), {1.0, 0.5, 0.75, 0.0, 0.25}, nullptr, 600);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.size() > 6);
    CHECK(svg.compare(svg.size() - 6, 6, "</svg>") == 0);
    CHECK(occurrences(svg, "fill-opacity=\"0.18\"") == 5);
    CHECK(occurrences(svg, "<path") == 5 + 5);
    CHECK(occurrences(svg, "<circle") == 4);
    CHECK(contains(svg, "fill=\"#2E6DB4\""));
    CHECK_FALSE(contains(svg, "stroke-dasharray"));
    CHECK_FALSE(contains(svg, "not rated"));
}

TEST_CASE("in the SVG an area with nothing rated is a dashed grey outline named not rated, unlike the lowest score")
{
    // Partnerships has nothing rated; spaces is rated at the lowest level (score 0).
    const std::string svg = wheel_svg(sample_pack(), {1.0, std::nullopt, 0.75, 0.0, 0.25}, nullptr, 600);
    CHECK(occurrences(svg, "fill-opacity=\"0.18\"") == 4);   // no faint gear colour for the unrated wedge
    CHECK(occurrences(svg, "<path") == 4 + 4 + 1);
    const size_t dashed = svg.find("stroke-dasharray");
    REQUIRE(dashed != std::string::npos);
    CHECK(occurrences(svg.substr(dashed, svg.find("</g>", dashed) - dashed), "<path") == 1);
    CHECK(occurrences(svg, ">not rated</tspan>") == 1);
    CHECK(contains(svg, ">Partnerships</tspan><tspan"));      // the name, then "not rated" under it
    CHECK(contains(svg, ">Spaces &amp; time</tspan></text>")); // the lowest score is not "not rated"
}

TEST_CASE("the SVG labels every area with its short name, escaped for XML")
{
    FrameworkPack pack = sample_pack();
    pack.areas[1].short_name = "<Partners>";
    pack.title = "Remix \"B\" & co";
    const std::string svg = wheel_svg(pack, kNoScores, nullptr, 600);
    CHECK(contains(svg, ">Spaces &amp; time<"));
    CHECK(contains(svg, ">&lt;Partners&gt;<"));
    CHECK(contains(svg, "<title>Remix &quot;B&quot; &amp; co</title>"));
    CHECK_FALSE(contains(svg, "Spaces & time"));
    CHECK(contains(svg, ">creators</tspan>"));
    CHECK(contains(svg, ">Leadership<"));
}

TEST_CASE("a long label wraps onto two lines at the space nearest its middle")
{
    FrameworkPack pack = sample_pack();
    pack.areas[0].short_name = "Equitable digital access";
    const std::string svg = wheel_svg(pack, {0.5, 0.5, 0.5, 0.5, 0.5}, nullptr, 600);
    CHECK(contains(svg, ">Equitable</tspan>"));
    CHECK(contains(svg, ">digital access</tspan>"));
    CHECK(contains(svg, ">Partnerships</tspan></text>")); // 12 characters: one line
}

TEST_CASE("an earlier assessment's scores are drawn as a dashed outline for comparison")
{
    const std::vector<std::optional<double>> earlier = {0.5, std::nullopt, 0.25};
    const std::string svg = wheel_svg(sample_pack(), {0.5, 0.5, 0.5, 0.5, 0.5}, &earlier, 600);
    CHECK(contains(svg, "stroke-dasharray"));
    const size_t outline = svg.find("stroke-dasharray");
    CHECK(occurrences(svg.substr(outline), "<path") == 2);
}

TEST_CASE("a standalone SVG declares its namespace; one placed in HTML holds no URL")
{
    CHECK(contains(wheel_svg(sample_pack(), kNoScores, nullptr, 400), "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK_FALSE(contains(wheel_svg(sample_pack(), kNoScores, nullptr, 400, SvgEmbedding::InlineHtml), "http"));
}

TEST_CASE("escaping for XML covers markup characters and drops control characters")
{
    CHECK(escape_xml("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
    CHECK(escape_xml(std::string("bell\x07 tab\tline\n", 16)) == "bell tab\tline\n");
    CHECK(escape_xml("ñ “quoted” —") == "ñ “quoted” —");
}

TEST_CASE("a pack without areas has an empty wheel")
{
    FrameworkPack pack = sample_pack();
    pack.areas.clear();
    CHECK(wheel_wedges(pack, kNoScores).empty());
    CHECK(contains(wheel_svg(pack, kNoScores, nullptr, 300), "</svg>"));
}

namespace {

// An 11-area pack, like the shipped framework, with labels of `width` x `height` pixels.
struct LabelledWheel {
    std::vector<WheelWedge> wedges;
    std::vector<WheelLabelSize> labels;
};

LabelledWheel eleven_areas(float width, float height)
{
    FrameworkPack pack = sample_pack();
    while (pack.areas.size() < 11) {
        FrameworkArea area = pack.areas[pack.areas.size() % 5];
        area.id += std::to_string(pack.areas.size());
        pack.areas.push_back(area);
    }
    LabelledWheel wheel{wheel_wedges(pack, kNoScores), {}};
    for (size_t i = 0; i < wheel.wedges.size(); i++)   // a few labels longer than the others
        wheel.labels.push_back({i % 3 == 0 ? width * 1.5f : width, i % 4 == 0 ? height * 2 : height});
    return wheel;
}

// The rectangle's point nearest the wheel's centre lies outside the wheel.
bool clear_of_wheel(const WheelLayout& layout, const WheelRect& rect)
{
    const float x = std::clamp(layout.centre.x, rect.x, rect.x + rect.width);
    const float y = std::clamp(layout.centre.y, rect.y, rect.y + rect.height);
    return std::hypot(x - layout.centre.x, y - layout.centre.y) >= layout.outer_radius;
}

void check_labels_apart(const WheelLayout& layout)
{
    for (size_t i = 0; i < layout.labels.size(); i++) {
        CAPTURE(i);
        const WheelRect& label = layout.labels[i];
        CHECK(clear_of_wheel(layout, label));
        CHECK(label.x >= -0.01f);
        CHECK(label.y >= -0.01f);
        CHECK(label.x + label.width <= layout.width + 0.01f);
        CHECK(label.y + label.height <= layout.height + 0.01f);
        for (size_t j = i + 1; j < layout.labels.size(); j++) {
            CAPTURE(j);
            CHECK_FALSE(label.overlaps(layout.labels[j]));
        }
    }
}

} // namespace

TEST_CASE("with room to spare the wheel takes its largest size, each label beside its own wedge")
{
    const LabelledWheel wheel = eleven_areas(80, 16);
    const WheelLayout layout = layout_wheel(wheel.wedges, wheel.labels, {2000, 0, 40, 200, 6, 4});
    CHECK(layout.fits);
    CHECK(layout.outer_radius == doctest::Approx(200));
    REQUIRE(layout.labels.size() == 11);
    check_labels_apart(layout);
    // Undisturbed, a label touches its anchor, just outside its wedge (within the gap kept from the wheel).
    for (size_t i = 0; i < 11; i++) {
        CAPTURE(i);
        const WheelRect& label = layout.labels[i];
        const WheelPoint anchor = layout.anchors[i];
        const float x = std::clamp(anchor.x, label.x, label.x + label.width);
        const float y = std::clamp(anchor.y, label.y, label.y + label.height);
        CHECK(std::hypot(x - anchor.x, y - anchor.y) <= 6);
    }
}

TEST_CASE("large labels on a narrow page shrink the wheel, and still overlap neither each other nor the wheel")
{
    // Text at 250 %: labels about 230 x 84 pixels on a page 1000 pixels wide.
    const LabelledWheel wheel = eleven_areas(230, 84);
    const WheelLayout layout = layout_wheel(wheel.wedges, wheel.labels, {1000, 0, 100, 650, 20, 10});
    CHECK(layout.fits);
    CHECK(layout.width <= 1000);
    CHECK(layout.outer_radius < 650);
    check_labels_apart(layout);
}

TEST_CASE("asked to fit a height, the wheel and its labels fit it")
{
    const LabelledWheel wheel = eleven_areas(200, 42);
    const WheelLayout free = layout_wheel(wheel.wedges, wheel.labels, {1000, 0, 40, 650, 20, 10});
    const WheelLayout fitted = layout_wheel(wheel.wedges, wheel.labels, {1000, 450, 40, 650, 20, 10});
    CHECK(free.height > 450);
    CHECK(fitted.fits);
    CHECK(fitted.height <= 450);
    CHECK(fitted.outer_radius < free.outer_radius);
    check_labels_apart(fitted);
}

TEST_CASE("when nothing fits, the smallest wheel is laid out, says so, and its labels still do not overlap")
{
    const LabelledWheel wheel = eleven_areas(200, 120);
    const WheelLayout layout = layout_wheel(wheel.wedges, wheel.labels, {500, 300, 40, 650, 20, 10});
    CHECK_FALSE(layout.fits);
    CHECK(layout.outer_radius == doctest::Approx(40));
    check_labels_apart(layout);
}

TEST_CASE("labels pressed together move as a block, as little as they can")
{
    // Five equal labels on one side all wanting the same spot settle around it, not all below it.
    std::vector<WheelWedge> wedges(5);
    for (WheelWedge& wedge : wedges)
        wedge.label_angle = kTurn / 4;   // 3 o'clock
    const std::vector<WheelLabelSize> labels(5, WheelLabelSize{50, 20});
    const WheelLayout layout = layout_wheel(wedges, labels, {1000, 0, 100, 100, 10, 0});
    const float middle = (layout.labels.front().y + layout.labels.back().y + 20) / 2;
    CHECK(middle == doctest::Approx(layout.centre.y));
    for (size_t i = 1; i < 5; i++)
        CHECK(layout.labels[i].y == doctest::Approx(layout.labels[i - 1].y + 20));
}
