// [SECTION] Geometry
// [SECTION] Labels around the wheel
// [SECTION] SVG

#include "core/framework_wheel.hpp"
#include "core/number_text.hpp"
#include "core/stable_order.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kFullTurn = 2.0f * kPi;
constexpr const char* kFallbackColor = "#8a8a8a";

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Geometry
//-------------------------------------------------------------------------------------------------

float wheel_band_for_score(double score, size_t level_count)
{
    if (!std::isfinite(score))
        score = 0;
    const double clamped = std::clamp(score, 0.0, 1.0);
    if (level_count < 2)
        return float(clamped);
    const double levels = double(level_count);
    return float((1.0 + clamped * (levels - 1.0)) / levels);
}

float wheel_band_radius(float band, float outer_radius)
{
    const float hole = kWheelHoleRadius * outer_radius;
    return hole + band * (outer_radius - hole);
}

WheelPoint wheel_point(float angle, float radius) { return {radius * std::sin(angle), -radius * std::cos(angle)}; }

std::vector<WheelWedge> wheel_wedges(const FrameworkPack& pack, const std::vector<std::optional<double>>& scores)
{
    const size_t count = pack.areas.size();
    std::vector<WheelWedge> wedges;
    if (count == 0)
        return wedges;

    // gap_after[i] separates area i from the next one around the circle (the last from the first).
    std::vector<float> gap_after(count);
    float total_gap = 0;
    for (size_t i = 0; i < count; i++) {
        const bool gear_changes = pack.areas[i].gear != pack.areas[(i + 1) % count].gear;
        gap_after[i] = gear_changes ? kWheelGearGap : kWheelWedgeGap;
        total_gap += gap_after[i];
    }
    const float span = (kFullTurn - total_gap) / float(count);

    // Half of the closing gap sits before 12 o'clock, half after, so the wheel looks balanced.
    float start = gap_after[count - 1] / 2;
    for (size_t i = 0; i < count; i++) {
        WheelWedge wedge;
        wedge.area_index = int(i);
        wedge.start_angle = start;
        wedge.end_angle = start + span;
        wedge.label_angle = start + span / 2;
        const Gear* gear = pack.find_gear(pack.areas[i].gear);
        wedge.gear_color = gear && parse_hex_colour(gear->color) ? gear->color : kFallbackColor;
        if (i < scores.size() && scores[i] && std::isfinite(*scores[i]))
            wedge.fill = wheel_band_for_score(*scores[i], pack.scale.size());
        wedges.push_back(std::move(wedge));
        start += span + gap_after[i];
    }
    return wedges;
}

std::vector<WheelRing> wheel_rings(const FrameworkPack& pack)
{
    std::vector<WheelRing> rings;
    if (pack.scale.empty())
        return rings;
    const int lowest = pack.min_rating(), highest = pack.max_rating();
    for (const RatingLevel& level : pack.scale) {
        const double score = highest > lowest ? double(level.value - lowest) / double(highest - lowest) : 1.0;
        rings.push_back({level.value, level.name, wheel_band_for_score(score, pack.scale.size())});
    }
    return rings;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Labels around the wheel
//-------------------------------------------------------------------------------------------------

namespace {

// Tops for labels of `heights`, in this order from the top down, closest (least squares) to the
// `wanted` tops with no two overlapping: pool-adjacent-violators.
std::vector<float> stack_labels(const std::vector<float>& wanted, const std::vector<float>& heights, float spacing)
{
    // A run of labels pressed together moves as one block: its top is the mean of its members'
    // wanted tops less their offsets inside it (`sum` holds that sum).
    struct Block {
        size_t first, count;
        float height, sum;
        float top() const { return sum / float(count); }
    };
    std::vector<Block> blocks;
    for (size_t i = 0; i < wanted.size(); i++) {
        Block block{i, 1, heights[i], wanted[i]};
        while (!blocks.empty() && blocks.back().top() + blocks.back().height + spacing > block.top()) {
            const Block above = blocks.back();
            blocks.pop_back();
            // The lower block's members sit `above.height + spacing` further down in the merged one.
            block = {above.first, above.count + block.count, above.height + spacing + block.height,
                     above.sum + block.sum - float(block.count) * (above.height + spacing)};
        }
        blocks.push_back(block);
    }
    std::vector<float> tops(wanted.size());
    for (const Block& block : blocks) {
        float y = block.top();
        for (size_t k = block.first; k < block.first + block.count; k++) {
            tops[k] = y;
            y += heights[k] + spacing;
        }
    }
    return tops;
}

// The layout for one radius, around a centre at (0, 0); the caller moves it to the block's corner.
WheelLayout layout_at(const std::vector<WheelWedge>& wedges, const std::vector<WheelLabelSize>& labels,
                      const WheelLayoutLimits& limits, float radius)
{
    WheelLayout layout;
    layout.outer_radius = radius;
    const size_t count = std::min(wedges.size(), labels.size());
    layout.labels.resize(count);
    layout.anchors.resize(count);
    std::vector<size_t> right, left;
    for (size_t i = 0; i < count; i++) {
        const float angle = wedges[i].label_angle;
        layout.anchors[i] = wheel_point(angle, radius + limits.label_gap);
        (std::sin(angle) >= 0 ? right : left).push_back(i);
        // Undisturbed, a label's outer corner touches its anchor: below it at the top of the wheel,
        // level with it at the sides, above it at the bottom.
        layout.labels[i].width = labels[i].width;
        layout.labels[i].height = labels[i].height;
        layout.labels[i].y = layout.anchors[i].y - labels[i].height * (1 + std::cos(angle)) / 2;
    }
    for (std::vector<size_t>* side : {&right, &left}) {
        stable_sort_by(*side, [&](size_t a, size_t b) { return layout.labels[a].y < layout.labels[b].y; });
        std::vector<float> wanted, heights;
        for (size_t i : *side) {
            wanted.push_back(layout.labels[i].y);
            heights.push_back(layout.labels[i].height);
        }
        const std::vector<float> tops = stack_labels(wanted, heights, limits.label_spacing);
        for (size_t k = 0; k < side->size(); k++) {
            WheelRect& rect = layout.labels[(*side)[k]];
            rect.y = tops[k];
            // Clear of the wheel at the label's row nearest the centre, where the wheel is widest.
            const float nearest = rect.y > 0 ? rect.y : rect.y + rect.height < 0 ? -(rect.y + rect.height) : 0;
            const float clear = nearest < radius ? std::sqrt(radius * radius - nearest * nearest) + limits.label_gap : 0;
            const float anchor_x = layout.anchors[(*side)[k]].x;
            if (side == &right)
                rect.x = std::max(anchor_x, clear);
            else
                rect.x = std::min(anchor_x, -clear) - rect.width;
        }
    }
    float min_x = -radius, max_x = radius, min_y = -radius, max_y = radius;
    for (const WheelRect& rect : layout.labels) {
        min_x = std::min(min_x, rect.x);
        max_x = std::max(max_x, rect.x + rect.width);
        min_y = std::min(min_y, rect.y);
        max_y = std::max(max_y, rect.y + rect.height);
    }
    for (WheelRect& rect : layout.labels) {
        rect.x -= min_x;
        rect.y -= min_y;
    }
    for (WheelPoint& anchor : layout.anchors) {
        anchor.x -= min_x;
        anchor.y -= min_y;
    }
    layout.centre = {-min_x, -min_y};
    layout.width = max_x - min_x;
    layout.height = max_y - min_y;
    layout.fits = layout.width <= limits.max_width && (limits.max_height <= 0 || layout.height <= limits.max_height);
    return layout;
}

} // namespace

WheelLayout layout_wheel(const std::vector<WheelWedge>& wedges, const std::vector<WheelLabelSize>& labels,
                         const WheelLayoutLimits& limits)
{
    const float smallest = std::max(1.0f, std::min(limits.min_radius, limits.max_radius));
    WheelLayout best = layout_at(wedges, labels, limits, smallest);
    if (!best.fits)
        return best;
    // The block grows with the radius, so the largest radius that fits is found by halving.
    float low = smallest, high = std::max(smallest, limits.max_radius);
    const WheelLayout largest = layout_at(wedges, labels, limits, high);
    if (largest.fits)
        return largest;
    for (int step = 0; step < 24 && high - low > 0.25f; step++) {
        const float middle = (low + high) / 2;
        WheelLayout layout = layout_at(wedges, labels, limits, middle);
        if (layout.fits) {
            best = std::move(layout);
            low = middle;
        } else {
            high = middle;
        }
    }
    return best;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] SVG
//-------------------------------------------------------------------------------------------------

std::string escape_xml(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': escaped += "&amp;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        case '"': escaped += "&quot;"; break;
        case '\'': escaped += "&#39;"; break;
        default:
            // XML 1.0 forbids C0 controls other than tab and line breaks, even escaped.
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                escaped += c;
        }
    }
    return escaped;
}

namespace {

// Labels wider than this (in characters) wrap onto two lines, to stay inside the picture.
constexpr size_t kLabelLineChars = 13;
// Layout as fractions of the picture's size: the wheel, its labels around it, the label font.
constexpr float kOuterRadius = 0.29f;
constexpr float kLabelRadius = 0.315f;
constexpr float kFontSize = 0.026f;

std::string number(float value)
{
    return decimal(double(value), 1);
}

size_t utf8_length(std::string_view text)
{
    const auto starts_character = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    return size_t(std::count_if(text.begin(), text.end(), starts_character));
}

// One line, or two split at the space nearest the middle.
std::vector<std::string> label_lines(const std::string& label)
{
    if (utf8_length(label) <= kLabelLineChars)
        return {label};
    size_t best = std::string::npos;
    for (size_t i = label.find(' '); i != std::string::npos; i = label.find(' ', i + 1)) {
        const auto distance = [&](size_t at) { return std::abs(long(at) - long(label.size() / 2)); };
        if (best == std::string::npos || distance(i) < distance(best))
            best = i;
    }
    if (best == std::string::npos)
        return {label};
    return {label.substr(0, best), label.substr(best + 1)};
}

// An annular sector between two radii (both from the centre), as an SVG path.
std::string sector_path(float centre, float start, float end, float inner, float outer)
{
    const auto at = [centre](float angle, float radius) {
        const WheelPoint p = wheel_point(angle, radius);
        return number(centre + p.x) + " " + number(centre + p.y);
    };
    const char* large_arc = end - start > kPi ? "1" : "0";
    return "M" + at(start, outer) + " A" + number(outer) + " " + number(outer) + " 0 " + large_arc + " 1 " +
           at(end, outer) + " L" + at(end, inner) + " A" + number(inner) + " " + number(inner) + " 0 " + large_arc +
           " 0 " + at(start, inner) + " Z";
}

// An area with no rated statement says so under its name.
std::string label_svg(const std::string& label, bool rated, float angle, float centre, float size_px)
{
    const float font = kFontSize * size_px;
    const float line_height = font * 1.15f;
    const WheelPoint p = wheel_point(angle, kLabelRadius * size_px);
    const float side = std::sin(angle), up = std::cos(angle);
    const char* anchor = side > 0.2f ? "start" : side < -0.2f ? "end" : "middle";
    std::vector<std::string> lines = label_lines(label);
    if (!rated)
        lines.push_back("not rated");
    const float block = line_height * float(lines.size() - 1);
    // The text block sits outward from the wheel: above it at the top, below it at the bottom.
    float first_baseline = centre + p.y + font * 0.35f - block / 2;
    if (up > 0.5f)
        first_baseline = centre + p.y - block;
    else if (up < -0.5f)
        first_baseline = centre + p.y + font * 0.8f;

    std::string svg = "<text x=\"" + number(centre + p.x) + "\" y=\"" + number(first_baseline) +
                      "\" text-anchor=\"" + anchor + "\">";
    for (size_t i = 0; i < lines.size(); i++) {
        svg += "<tspan x=\"" + number(centre + p.x) + "\"";
        if (i > 0)
            svg += " dy=\"" + number(line_height) + "\"";
        if (!rated && i + 1 == lines.size())
            svg += " fill=\"#5a5a5a\" font-style=\"italic\"";
        svg += ">" + escape_xml(lines[i]) + "</tspan>";
    }
    return svg + "</text>";
}

} // namespace

std::string wheel_svg(const FrameworkPack& pack, const std::vector<std::optional<double>>& scores,
                      const std::vector<std::optional<double>>* earlier_scores, float size_px,
                      SvgEmbedding embedding)
{
    const float centre = size_px / 2;
    const float outer = kOuterRadius * size_px;
    const float hole = wheel_band_radius(0, outer);
    const std::vector<WheelWedge> wedges = wheel_wedges(pack, scores);
    const std::string size = number(size_px);

    std::string svg = "<svg";
    if (embedding == SvgEmbedding::Standalone)
        svg += " xmlns=\"http://www.w3.org/2000/svg\"";
    svg += " width=\"" + size + "\" height=\"" + size + "\" viewBox=\"0 0 " + size + " " + size +
           "\" role=\"img\" font-family=\"Inter, Arial, sans-serif\" font-size=\"" + number(kFontSize * size_px) +
           "\" fill=\"#1f1f1f\">";
    svg += "<title>" + escape_xml(pack.title) + "</title>";

    // A rated wedge shows its gear's colour faintly and fills to its score; a wedge with nothing
    // rated is only a dashed grey outline, so it never reads as a low score.
    std::string faint, filled, not_rated;
    for (const WheelWedge& wedge : wedges) {
        const std::string colour = "\" fill=\"" + wedge.gear_color + "\"";
        const std::string shape = sector_path(centre, wedge.start_angle, wedge.end_angle, hole, outer);
        if (!wedge.fill) {
            not_rated += "<path d=\"" + shape + "\"/>";
            continue;
        }
        faint += "<path d=\"" + shape + colour + " fill-opacity=\"0.18\"/>";
        filled += "<path d=\"" +
                  sector_path(centre, wedge.start_angle, wedge.end_angle, hole, wheel_band_radius(float(*wedge.fill), outer)) +
                  colour + "/>";
    }
    svg += "<g>" + faint + "</g><g>" + filled + "</g>";
    if (!not_rated.empty()) {
        const std::string dash = number(size_px / 100);
        svg += "<g fill=\"none\" stroke=\"#6b6b6b\" stroke-width=\"" + number(std::max(1.0f, size_px / 400)) +
               "\" stroke-dasharray=\"" + dash + " " + dash + "\">" + not_rated + "</g>";
    }

    svg += "<g fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.7\" stroke-width=\"" +
           number(std::max(1.0f, size_px / 400)) + "\">";
    for (const WheelRing& ring : wheel_rings(pack))
        svg += "<circle cx=\"" + number(centre) + "\" cy=\"" + number(centre) + "\" r=\"" +
               number(wheel_band_radius(ring.band, outer)) + "\"/>";
    svg += "</g>";

    if (earlier_scores) {
        const std::vector<WheelWedge> earlier = wheel_wedges(pack, *earlier_scores);
        const std::string dash = number(size_px / 120);
        svg += "<g fill=\"none\" stroke=\"#1f1f1f\" stroke-width=\"" + number(std::max(1.0f, size_px / 300)) +
               "\" stroke-dasharray=\"" + dash + " " + dash + "\">";
        for (const WheelWedge& wedge : earlier)
            if (wedge.fill)
                svg += "<path d=\"" +
                       sector_path(centre, wedge.start_angle, wedge.end_angle, hole,
                                   wheel_band_radius(float(*wedge.fill), outer)) +
                       "\"/>";
        svg += "</g>";
    }

    svg += "<g>";
    for (const WheelWedge& wedge : wedges) {
        const FrameworkArea& area = pack.areas[size_t(wedge.area_index)];
        svg += label_svg(area.short_name.empty() ? area.name : area.short_name, wedge.fill.has_value(), wedge.label_angle,
                         centre, size_px);
    }
    return svg + "</g></svg>";
}

} // namespace wf
