// Light, dark and high-contrast palettes, and the ImGui style built from them at a given scale.
#pragma once
#include <string>

#include <imgui.h>

#include "core/note_place.hpp"

namespace wf::ui {

enum class Theme { Light, Dark, HighContrast };
Theme theme_from_name(const std::string& name);   // unknown names fall back to Light
const char* theme_name(Theme theme);

struct Palette {
    ImU32 background, sidebar, panel, text, text_dim, accent, accent_text, border, field, field_border,
          focus, error, success, warning, notice_bg,
          hint;   // example text in an empty field: lighter than anything typed, still readable (≥ 4.5:1 on the field)
};
const Palette& palette();

// Sticky notes are paper in every theme: dark text on a light fill, an edge that shows the note's
// shape on a white panel, and a stronger edge for a fixed habit marked to stand out.
struct NoteInk { ImU32 fill, edge; };
NoteInk note_ink(NoteColour colour);
inline constexpr ImU32 kNoteText = IM_COL32(0x1D, 0x1F, 0x23, 0xFF);
inline constexpr ImU32 kNoteHint = IM_COL32(0x55, 0x55, 0x55, 0xFF);          // an empty note being typed
inline constexpr ImU32 kNoteHighlightEdge = IM_COL32(0xC2, 0x41, 0x0C, 0xFF);

// A map's regions over the panel, in the accent: a named place (the tray) tinted, and the region a
// dragged note would go into lit. Labels over either are drawn in the text colour.
inline constexpr int kRegionTintAlpha = 28, kRegionLitAlpha = 70;

// Replaces the ImGui style with the theme's, sized for `scale` device pixels per design pixel.
void apply_theme(Theme theme, float scale);

} // namespace wf::ui
