// The earned badge as a picture: a round medallion naming the credential, the earner, the date and
// the reviewer, drawn offscreen at 1x, 2x or 3x (each drawn at its own size with fonts rasterised for
// it, never an enlarged copy), with the signed credential baked in as Open Badges 3.0 asks
// (core/open_badge.hpp: bake_badge), and downloaded. As with snapshots, the web adapter only turns
// the draw data into pixels (src/platform/web/main_web.cpp); everything decided here is tested natively.
//
// [SECTION] Asking for a badge
// [SECTION] Drawing
// [SECTION] Saving
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wf { class Workbench; }

namespace wf::ui {

// [SECTION] Asking for a badge ----------------------------------------------------------------------

// What the picture says, in words ready to show.
struct BadgeLook {
    std::string credential_title; // "Empowering Students as Creators"
    std::string earner;            // the earner's name, as they wrote it
    std::string date_text;         // when it was earned, as people read it ("November 29, 2026")
    std::string issuer;            // the reviewer's name
};

// Asks for the badge picture: drawn once this frame is over, at `scale` (1..3), with `jws` (the
// compact JWS the reviewer signed) baked in, and offered for download as `file_name`. A notice says
// what came of it.
void export_badge(Workbench& wb, const BadgeLook& look, const std::string& jws, int scale, const std::string& file_name);

struct BadgeRequest {
    BadgeLook look;
    std::string jws;
    int scale = 1;
    std::string file_name;
};
// The badge asked for since the last call, if any; the web adapter draws it after the frame.
std::optional<BadgeRequest> take_badge_request();

// [SECTION] Drawing ---------------------------------------------------------------------------------

inline constexpr float kBadgeSide = 400; // the picture's side at 1x, pixels: big enough for a certificate, small enough for a signature

struct BadgePlan {
    float scale = 1; // 1, 2 or 3: fonts are rasterised for it
    int side = 400;  // the square picture's side, pixels
};
BadgePlan plan_badge(int requested_scale);

// One line of text on the medallion, centred on it.
struct BadgeLine {
    enum class Style { Caption, Title, Name, Detail } style = Style::Detail;
    std::string text;
    float top = 0;   // pixels from the picture's top
    float width = 0; // as drawn, pixels
    float height = 0;
};

// The lines the badge shows, wrapped and placed inside the medallion; a title or name too long for
// it is cut with "…". Needs the fonts built for plan.scale.
std::vector<BadgeLine> badge_lines(const BadgeLook& look, const BadgePlan& plan);

// Draws the badge alone, in one frame of plan.side x plan.side (no widgets, no records); the draw
// data of that frame is the picture. Fonts for plan.scale must be built.
void draw_badge(const BadgeLook& look, const BadgePlan& plan);

// [SECTION] Saving ----------------------------------------------------------------------------------

// Bakes the signed credential into the drawn picture (RGBA rows, plan.side square; empty: it could
// not be drawn) and downloads it, or says why not.
void save_badge(Workbench& wb, const BadgeRequest& request, const BadgePlan& plan, const std::vector<uint8_t>& pixels);

} // namespace wf::ui
