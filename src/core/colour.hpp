// Colours written as text in packs ("#3C7CD4"), read once for every caller: the pack check, the
// wheel's fallback, and the view that draws the wheel.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace wf {

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};

// "#RRGGBB" (either case) as bytes, fully opaque; nullopt for anything else (no "#", 3 digits,
// other letters, extra text).
std::optional<Rgba> parse_hex_colour(std::string_view text);

} // namespace wf
