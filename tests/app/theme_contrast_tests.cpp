// WCAG 2.1 AA contrast of every colour pair the app draws, in each theme (ui/theme): 4.5:1 for text,
// 3:1 for the parts that show a control or its state (field and box edges, the focus ring, check
// marks, slider grabs, scrollbars, map lines and note edges). The pairs are read from the palette and
// from the ImGui style apply_theme builds, so a colour changed in either is checked where it is drawn.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/headless_imgui.hpp"
#include "ui/theme.hpp"

using namespace wf;
using ui::Palette;
using ui::Theme;

namespace {

constexpr double kText = 4.5, kPart = 3.0;

ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// `top` drawn over an opaque `under`: GL blends the sRGB values as they are, so this does too.
ImVec4 over(ImVec4 top, ImVec4 under) {
    const float a = top.w;
    return ImVec4(top.x * a + under.x * (1 - a), top.y * a + under.y * (1 - a), top.z * a + under.z * (1 - a), 1);
}
ImVec4 over(ImU32 top, ImU32 under) { return over(rgba(top), rgba(under)); }
ImVec4 with_alpha(ImU32 c, int alpha) {
    ImVec4 v = rgba(c);
    v.w = (float)alpha / 255.0f;
    return v;
}

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}
// WCAG 2.1 relative luminance.
double luminance(ImVec4 c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }
double contrast(ImVec4 a, ImVec4 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Surface { const char* name; ImVec4 colour; };

// The pairs below AA, as sentences: "text_dim on sidebar: 4.21 (needs 4.5)".
struct Audit {
    std::vector<std::string> failures;
    void need(const std::string& what, ImVec4 ink, ImVec4 ground, double minimum) {
        const double ratio = contrast(ink, ground);
        if (ratio + 1e-9 >= minimum) return;
        char figures[48];
        std::snprintf(figures, sizeof figures, ": %.2f (needs %.1f)", ratio, minimum);
        failures.push_back(what + figures);
    }
    void need(const std::string& what, ImU32 ink, ImU32 ground, double minimum) { need(what, rgba(ink), rgba(ground), minimum); }
};

std::vector<std::string> audit(Theme theme) {
    ui::apply_theme(theme, 1.0f);
    const Palette& p = ui::palette();
    const ImVec4* style = ImGui::GetStyle().Colors;
    Audit a;
    REQUIRE(style[ImGuiCol_WindowBg].w == 1.0f);

    // Where text and controls sit: the page, the sidebar, panels and popups, fields, and banners.
    const Surface grounds[] = {{"background", style[ImGuiCol_WindowBg]}, {"sidebar", rgba(p.sidebar)},
                               {"panel", style[ImGuiCol_ChildBg]},       {"popup", style[ImGuiCol_PopupBg]},
                               {"banner", rgba(p.notice_bg)}};
    for (const Surface& g : grounds) {
        const std::string on = std::string(" on ") + g.name;
        a.need("text" + on, style[ImGuiCol_Text], g.colour, kText);
        a.need("dim text" + on, style[ImGuiCol_TextDisabled], g.colour, kText);
        // Status lines, notices' and banners' icons, emphasised headings.
        a.need("accent text" + on, rgba(p.accent), g.colour, kText);
        a.need("error text" + on, rgba(p.error), g.colour, kText);
        a.need("success text" + on, rgba(p.success), g.colour, kText);
        a.need("warning text" + on, rgba(p.warning), g.colour, kText);
        // Buttons, and selectables (the sidebar's pages, list rows) in each of their states.
        for (ImGuiCol fill : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive, ImGuiCol_Header,
                              ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive})
            a.need(std::string("text on ") + ImGui::GetStyleColorName(fill) + " over " + g.name, style[ImGuiCol_Text],
                   over(style[fill], g.colour), kText);
        // A field, a check box's box and a button are told from what they sit on by their edge.
        a.need("frame border" + on, style[ImGuiCol_Border], g.colour, kPart);
        a.need("field border" + on, rgba(p.field_border), g.colour, kPart);
        a.need("focus ring" + on, style[ImGuiCol_NavHighlight], g.colour, kPart);
        a.need("focus ring (fields, notes, wheel)" + on, rgba(p.focus), g.colour, kPart);
        a.need("scrollbar grab" + on, over(style[ImGuiCol_ScrollbarGrab], g.colour), g.colour, kPart);
    }

    // Inside fields and check boxes.
    const ImVec4 field = style[ImGuiCol_FrameBg];
    for (ImGuiCol state : {ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive})
        a.need(std::string("text on ") + ImGui::GetStyleColorName(state), style[ImGuiCol_Text], style[state], kText);
    a.need("typed text on field", rgba(p.text), rgba(p.field), kText);
    a.need("hint on field", rgba(p.hint), rgba(p.field), kText);
    a.need("dim text on field", rgba(p.text_dim), rgba(p.field), kText);
    a.need("frame border on field", style[ImGuiCol_Border], field, kPart);
    a.need("field border on field", rgba(p.field_border), rgba(p.field), kPart);
    a.need("focus ring on field", rgba(p.focus), rgba(p.field), kPart);
    a.need("check mark", style[ImGuiCol_CheckMark], field, kPart);
    a.need("slider grab", style[ImGuiCol_SliderGrab], field, kPart);
    a.need("slider grab held", style[ImGuiCol_SliderGrabActive], field, kPart);
    a.need("progress bar", rgba(p.accent), field, kPart);

    // Primary buttons and the tag beside a dragged note ("Into: …", "Cannot go here: …").
    a.need("accent text on accent", rgba(p.accent_text), rgba(p.accent), kText);
    a.need("accent text on error", rgba(p.accent_text), rgba(p.error), kText);

    // Maps, drawn on the panel: their lines and labels, tinted and lit regions, notes and their marks.
    const ImU32 panel = p.panel;
    const ImVec4 tint = over(with_alpha(p.accent, ui::kRegionTintAlpha), rgba(panel));
    const ImVec4 lit = over(with_alpha(p.accent, ui::kRegionLitAlpha), rgba(panel));
    a.need("map lines on panel", p.text_dim, panel, kPart);
    a.need("map label on panel", p.text, panel, kText);
    a.need("map label on a tinted place", rgba(p.text), tint, kText);
    a.need("map label on the lit region", rgba(p.text), lit, kText);
    a.need("map lit line on panel", p.accent, panel, kPart);
    a.need("map edge with the keyboard in it", p.accent, p.background, kPart);
    a.need("note selection mark on panel", p.accent, panel, kPart);
    a.need("note joining line on panel", p.accent, panel, kPart);
    const struct { NoteColour colour; const char* name; } notes[] = {{NoteColour::Yellow, "yellow note"},
        {NoteColour::Pink, "pink note"}, {NoteColour::Blue, "blue note"}, {NoteColour::Green, "green note"},
        {NoteColour::Purple, "purple note"}};
    for (const auto& [colour, name] : notes) {
        const ui::NoteInk ink = ui::note_ink(colour);
        const std::string note = name;
        a.need(note + " text", ui::kNoteText, ink.fill, kText);
        a.need(note + " hint", ui::kNoteHint, ink.fill, kText);
        a.need(note + " marked edge on its fill", ui::kNoteHighlightEdge, ink.fill, kPart);
        // A note's shape shows by its fill where the panel is dark, by its edge where it is light.
        if (contrast(rgba(ink.fill), rgba(panel)) < kPart) {
            a.need(note + " edge on panel", ink.edge, panel, kPart);
            a.need(note + " swatch edge on background", ink.edge, p.background, kPart);
        }
    }
    return a.failures;
}

std::string lines(const std::vector<std::string>& all) {
    std::string text;
    for (const std::string& line : all) text += "\n  " + line;
    return text;
}

} // namespace

TEST_CASE("every text and control colour pair in the light, dark and high-contrast themes meets WCAG AA") {
    test::HeadlessImGui imgui;
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        const std::vector<std::string> failures = audit(theme);
        CHECK_MESSAGE(failures.empty(), std::string(ui::theme_name(theme)), " theme, below AA:", lines(failures));
    }
    ui::apply_theme(Theme::Light, 1.0f);
}

TEST_CASE("contrast is measured as WCAG 2.1 defines it") {
    CHECK(contrast(rgba(IM_COL32(0, 0, 0, 255)), rgba(IM_COL32(255, 255, 255, 255))) == doctest::Approx(21.0));
    CHECK(contrast(rgba(IM_COL32(0x76, 0x76, 0x76, 255)), rgba(IM_COL32(255, 255, 255, 255))) == doctest::Approx(4.54).epsilon(0.005));
    // Black at alpha 128 over white is the grey GL blends, #7F7F7F: 4.00:1 on white, where the black
    // alone would be 21:1.
    CHECK(contrast(over(IM_COL32(0, 0, 0, 128), IM_COL32(255, 255, 255, 255)), rgba(IM_COL32(255, 255, 255, 255))) ==
          doctest::Approx(4.0).epsilon(0.005));
}
