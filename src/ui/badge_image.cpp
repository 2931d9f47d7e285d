#include "ui/badge_image.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

#include "app/workbench.hpp"
#include "core/open_badge.hpp"
#include "core/png_snapshot.hpp"
#include "ui/automation.hpp"
#include "ui/fonts.hpp"
#include "ui/snapshot_export.hpp"

namespace wf::ui {

// [SECTION] Asking for a badge ----------------------------------------------------------------------

namespace {
// The badge asked for during a frame, drawn after it: one frame cannot run another inside it. One
// slot: a second click before the picture is drawn asks for the same picture again.
std::optional<BadgeRequest> g_request;
} // namespace

void export_badge(Workbench& wb, const BadgeLook& look, const std::string& jws, int scale, const std::string& file_name) {
    g_request = BadgeRequest{look, jws, scale, file_name};
    wb.platform().request_frame();
}

std::optional<BadgeRequest> take_badge_request() {
    std::optional<BadgeRequest> request = std::move(g_request);
    g_request.reset();
    return request;
}

// [SECTION] Drawing ---------------------------------------------------------------------------------

namespace {
// The badge keeps its own colours in every theme: it is a picture that leaves the app.
constexpr ImU32 kRim = IM_COL32(0x1E, 0x5B, 0x73, 0xFF);      // deep teal
constexpr ImU32 kGold = IM_COL32(0xD9, 0xA9, 0x3B, 0xFF);
constexpr ImU32 kFace = IM_COL32(0xFB, 0xF7, 0xEC, 0xFF);     // warm paper
constexpr ImU32 kInk = IM_COL32(0x17, 0x3F, 0x4F, 0xFF);
constexpr ImU32 kInkSoft = IM_COL32(0x4A, 0x63, 0x6D, 0xFF);

// Design pixels at 1x.
constexpr float kMargin = 4, kRimWidth = 18, kRingInset = 9, kRingWidth = 3;
constexpr float kLineGap = 4, kGroupGap = 14;

struct Geometry {
    ImVec2 centre;
    float outer = 0, face = 0;   // radii of the rim and of the face inside it
};
Geometry geometry(const BadgePlan& plan) {
    const float half = plan.side * 0.5f;
    Geometry g;
    g.centre = ImVec2(half, half);
    g.outer = half - kMargin * plan.scale;
    g.face = g.outer - kRimWidth * plan.scale;
    return g;
}

ImFont* font_for(BadgeLine::Style style) {
    switch (style) {
        case BadgeLine::Style::Title: return fonts().heading;
        case BadgeLine::Style::Name: return fonts().body;
        default: return fonts().small;
    }
}

float text_width(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str(), text.c_str() + text.size()).x;
}

// `text` in lines no wider than `width`, at most `max_lines`; what does not fit ends the last line in "…".
std::vector<std::string> wrap(ImFont* font, const std::string& text, float width, int max_lines) {
    std::vector<std::string> lines;
    const char* at = text.c_str();
    const char* end = at + text.size();
    while (end > at && end[-1] == ' ') end--;
    while (at < end) {
        while (at < end && *at == ' ') at++;
        if (at == end) break;
        const char* cut = font->CalcWordWrapPositionA(1.0f, at, end, width);
        if (cut == at) {   // one word wider than the line: cut inside it, after a whole character
            unsigned c = 0;
            cut = at + ImTextCharFromUtf8(&c, at, end);
        }
        if ((int)lines.size() + 1 == max_lines && cut < end) {
            std::string last(at, end);
            while (!last.empty() && text_width(font, last + "…") > width) {
                last.pop_back();
                while (!last.empty() && ((unsigned char)last.back() & 0xC0) == 0x80) last.pop_back(); // a whole character
            }
            while (!last.empty() && last.back() == ' ') last.pop_back();
            lines.push_back(last + "…");
            return lines;
        }
        std::string line(at, cut);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
        at = cut;
    }
    return lines;
}
} // namespace

BadgePlan plan_badge(int requested_scale) {
    BadgePlan plan;
    plan.scale = (float)ImClamp(requested_scale, 1, 3);
    plan.side = (int)(kBadgeSide * plan.scale);
    return plan;
}

std::vector<BadgeLine> badge_lines(const BadgeLook& look, const BadgePlan& plan) {
    using Style = BadgeLine::Style;
    const float s = plan.scale;
    const Geometry g = geometry(plan);
    // Widths that keep every line inside the face where it stands (checked by the tests at every scale).
    const float title_width = g.face * 1.46f, name_width = g.face * 1.5f, detail_width = g.face * 1.3f;
    struct Group { std::vector<BadgeLine> lines; };
    std::vector<Group> groups;
    auto add = [&](Group& group, Style style, const std::string& text, float width, int max_lines) {
        ImFont* font = font_for(style);
        for (std::string& line : wrap(font, text, width, max_lines))
            group.lines.push_back({style, std::move(line), 0, 0, font->FontSize});
    };
    Group caption, title, earner, details;
    add(caption, Style::Caption, "MICRO-CREDENTIAL", detail_width, 1);
    add(title, Style::Title, look.credential_title, title_width, 3);
    add(earner, Style::Detail, "Earned by", detail_width, 1);
    add(earner, Style::Name, look.earner, name_width, 2);
    if (!look.date_text.empty()) add(details, Style::Detail, look.date_text, detail_width, 1);
    if (!look.issuer.empty()) add(details, Style::Detail, "Reviewed by " + look.issuer, detail_width, 2);
    for (Group* group : {&caption, &title, &earner, &details})
        if (!group->lines.empty()) groups.push_back(std::move(*group));

    // The groups stacked, the whole block centred on the medallion.
    float height = 0;
    for (size_t i = 0; i < groups.size(); i++) {
        if (i) height += kGroupGap * s;
        for (size_t j = 0; j < groups[i].lines.size(); j++) height += (j ? kLineGap * s : 0) + groups[i].lines[j].height;
    }
    float y = std::floor(g.centre.y - height * 0.5f);
    std::vector<BadgeLine> lines;
    for (size_t i = 0; i < groups.size(); i++) {
        if (i) y += kGroupGap * s;
        for (size_t j = 0; j < groups[i].lines.size(); j++) {
            BadgeLine line = groups[i].lines[j];
            if (j) y += kLineGap * s;
            line.top = std::floor(y);
            line.width = text_width(font_for(line.style), line.text);
            lines.push_back(std::move(line));
            y += lines.back().height;
        }
    }
    return lines;
}

void draw_badge(const BadgeLook& look, const BadgePlan& plan) {
    prepare_offscreen_frame((float)plan.side, (float)plan.side);
    ImGui::NewFrame();
    automation::begin_frame(false);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float s = plan.scale;
    const Geometry g = geometry(plan);
    const int segments = 64 + 32 * (int)s;   // a smooth edge at every size
    dl->AddCircleFilled(g.centre, g.outer, kRim, segments);
    dl->AddCircle(g.centre, g.outer - kRingInset * s, kGold, segments, kRingWidth * s);
    dl->AddCircleFilled(g.centre, g.face, kFace, segments);
    const std::vector<BadgeLine> lines = badge_lines(look, plan);
    for (size_t i = 0; i < lines.size(); i++) {
        const BadgeLine& line = lines[i];
        const ImU32 colour = line.style == BadgeLine::Style::Title || line.style == BadgeLine::Style::Name ? kInk
                           : line.style == BadgeLine::Style::Caption ? kRim : kInkSoft;
        ImFont* font = font_for(line.style);
        dl->AddText(font, font->FontSize, ImVec2(std::floor(g.centre.x - line.width * 0.5f), line.top), colour,
                    line.text.c_str(), line.text.c_str() + line.text.size());
        // A short gold rule under the title.
        const bool title_ends = line.style == BadgeLine::Style::Title &&
                                (i + 1 == lines.size() || lines[i + 1].style != BadgeLine::Style::Title);
        if (title_ends) {
            const float y = std::floor(line.top + line.height + kGroupGap * s * 0.5f);
            dl->AddRectFilled(ImVec2(g.centre.x - 28 * s, y - std::ceil(s)), ImVec2(g.centre.x + 28 * s, y + std::ceil(s)), kGold);
        }
    }
    ImGui::Render();
}

// [SECTION] Saving ----------------------------------------------------------------------------------

void save_badge(Workbench& wb, const BadgeRequest& request, const BadgePlan& plan, const std::vector<uint8_t>& pixels) {
    const std::string failed = "The badge picture could not be made. Try again, or choose a smaller size in Data & settings.";
    if (pixels.size() < (size_t)plan.side * (size_t)plan.side * 4 || request.jws.empty()) {
        wb.notify(Notice::Kind::Error, failed);
        return;
    }
    // The picture is made with its credential already in a chunk of that keyword, which baking then
    // replaces with the one uncompressed chunk the Open Badges spec asks for.
    const std::vector<uint8_t> png = encode_png_with_text(pixels.data(), plan.side, plan.side, kBadgeKeyword, request.jws);
    const BakedBadge baked = png.empty() ? BakedBadge{} : bake_badge(png.data(), png.size(), request.jws);
    if (!baked.ok) {
        wb.notify(Notice::Kind::Error, failed);
        return;
    }
    wb.platform().download(request.file_name, "image/png", baked.png.data(), baked.png.size());
    wb.notify(Notice::Kind::Success, "Saved your badge " + request.file_name + " (" + std::to_string(plan.side) + " × " +
                                         std::to_string(plan.side) + " pixels). It carries its signed credential: anyone "
                                         "can drop it into Wayfinder to check it.");
}

} // namespace wf::ui
