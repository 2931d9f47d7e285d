#include "ui/badge_check_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "app/badge_check.hpp"
#include "app/workbench.hpp"
#include "core/dates.hpp"
#include "core/workspace_file.hpp"
#include "ui/badge_image.hpp"
#include "ui/automation.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

namespace {
constexpr const char* kTitle = "Badge check";

// "2026-11-29T19:03:53Z" -> "November 29, 2026"; anything else as it is.
std::string when(const std::string& iso_time) {
    const std::string day = iso_date_part(iso_time);
    return day.empty() ? iso_time : date_text(day);
}

void fact(const char* what, const std::string& value) {
    if (!value.empty()) paragraph(std::string(what) + ": " + value);
}
} // namespace

const char* badge_verdict_words(const BadgeCheck& check) {
    switch (check.verdict) {
        case BadgeVerdict::Intact: return "Intact: unchanged since it was signed";
        case BadgeVerdict::Altered: return "Altered: changed after it was signed";
        case BadgeVerdict::NotABadge: return "Not a badge";
        case BadgeVerdict::CannotCheck: return "Cannot check";
    }
    return "";
}

void draw_badge_check(Workbench& wb, UiState& ui) {
    BadgeChecker& checker = wb.badge_checker();
    if (!checker.shown()) return;
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImMin(620 * ui.scale, display.x - 32 * ui.scale), 0));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) return;
    automation::mark_area("dialog", kTitle);
    const Palette& p = palette();
    subheading("Badge check: \"" + checker.file_name() + "\"");
    const BadgeCheck* check = checker.result();
    if (!check) {
        status_text("Checking the signature…", p.text_dim);
    } else {
        const bool intact = check->verdict == BadgeVerdict::Intact;
        const bool altered = check->verdict == BadgeVerdict::Altered;
        status_text(std::string(intact ? icon::kCheck : altered ? icon::kWarning : icon::kInfo) + "  " + badge_verdict_words(*check),
                    intact ? p.success : altered ? p.error : p.warning);
        paragraph(check->message);
        const bool claims = !check->achievement_name.empty() || !check->earner_name.empty() || !check->issuer_did.empty();
        if (claims) {
            if (!intact) paragraph("What the badge says, which cannot be relied on:", true);
            fact("Credential", check->achievement_name);
            fact("Earned by", check->earner_name);
            fact("Issued by", check->issuer_name);
            fact("Issued on", when(check->valid_from));
            fact("Valid until", when(check->valid_until));
            if (!check->issuer_did.empty()) paragraph("Signed with the key " + check->issuer_did, true);
        }
        // A signed badge file (.jws), or a badge picture to save at another size, becomes a badge picture.
        if (intact && !checker.intact_jws().empty() && button(ui, "Save as a badge picture", ButtonKind::Primary, icon::kDownload)) {
            const BadgeLook look{check->achievement_name, check->earner_name, when(check->valid_from), check->issuer_name};
            export_badge(wb, look, checker.intact_jws(), wb.prefs().snapshot_scale,
                         export_file_name("badge " + check->achievement_name, wb.today(), "png"));
        }
        if (intact && !checker.intact_jws().empty()) flow(button_width("Close"));
    }
    if (button(ui, "Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        checker.close();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace wf::ui
