#include "ui/app_view.hpp"

#include <algorithm>
#include <cctype>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/lets_talk.hpp"
#include "app/reviews.hpp"
#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "ui/badge_check_view.hpp"
#include "ui/image_view.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/pages.hpp"
#include "ui/present_mode.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/automation.hpp"

namespace wf::ui {

// [SECTION] Navigation
// [SECTION] Top bar and banners
// [SECTION] Notices and dialogs
// [SECTION] Frame

namespace {
struct NavEntry { Page page; const char* icon; const char* label; };
const NavEntry kNav[] = {
    {Page::Home, icon::kHome, "Home"},
    {Page::SelfAssessment, icon::kAssessment, "Self-assessment"},
    {Page::LetsTalk, icon::kTalk, "Let's Talk"},
    {Page::MicroCredential, icon::kBadge, "Micro-credential"},
    {Page::Reviewing, icon::kPencil, "Reviews"},   // issue 12, reviewer
    {Page::Settings, icon::kSettings, "Data & settings"},
};

constexpr float kReadableWidth = 920.0f;   // design pixels: long lines are hard to read on a shared screen

void draw_page(Workbench& wb, UiState& ui) {
    switch (ui.page) {
        case Page::Home: page_home(wb, ui); break;
        case Page::Settings: page_settings(wb, ui); break;
        case Page::SelfAssessment: page_self_assessment(wb, ui); break;
        case Page::LetsTalk: page_lets_talk(wb, ui); break;
        case Page::Reviewing: page_reviewing(wb, ui); break;   // issue 12, reviewer
        case Page::MicroCredential: page_credential(wb, ui); break;
    }
}

// [SECTION] Navigation ----------------------------------------------------------------------------

void draw_sidebar(UiState& ui, bool compact) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.sidebar);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("##sidebar", ImVec2(compact ? 72 * ui.scale : 250 * ui.scale, 0), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    automation::mark_area("navigation", "Pages");
    // Large text on a short screen (250 % on 1280x720): every page's tab must stay on screen, so the
    // app's name gives way first, then the space between the tabs.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float count = float(sizeof kNav / sizeof kNav[0]);
    const float tabs = count * ImGui::GetFrameHeight(), spacing = count * style.ItemSpacing.y;
    const float room = ImGui::GetContentRegionAvail().y;
    ImGui::PushFont(fonts().heading);
    const float brand = ImGui::GetTextLineHeight() + style.ItemSpacing.y * 2 + 8 * ui.scale;
    const bool show_brand = brand + tabs + spacing <= room;
    if (show_brand) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        ImGui::TextUnformatted(compact ? "W" : "Wayfinder");
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    if (show_brand) ImGui::Dummy(ImVec2(0, 8 * ui.scale));
    const float gap = tabs + spacing <= room ? style.ItemSpacing.y : ImMax(0.0f, (room - tabs) / count);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, gap));
    for (const NavEntry& entry : kNav)
        if (nav_item(ui, entry.icon, entry.label, ui.page == entry.page, compact)) ui.page = entry.page;
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// [SECTION] Top bar and banners -------------------------------------------------------------------

const char* save_indicator_text(SaveState state) {
    switch (state) {
        case SaveState::Saved: return "Saved";
        case SaveState::Failed: return "Not saved";
        // A pending change is written within about a second: the indicator's three words are enough.
        default: return "Saving…";
    }
}

// The indicator sits in a slot as wide as its widest text, so the buttons beside it never move
// when it changes (a click aimed at "Snapshot" must not land on "Redo").
float save_indicator_slot() {
    ImGui::PushFont(fonts().small);
    float w = 0;
    for (SaveState s : {SaveState::Saved, SaveState::Failed, SaveState::Pending})
        w = ImMax(w, ImGui::CalcTextSize((std::string(icon::kWarning) + " " + save_indicator_text(s)).c_str()).x);
    ImGui::PopFont();
    return w;
}

void draw_save_indicator(Workbench& wb, UiState& ui) {
    const Palette& p = palette();
    const SaveState state = wb.save_status().state;
    // "Saved" is said once each change is written (a failure is said by its banner).
    if (state == SaveState::Pending) ui.spoken.saved = false;
    else if (state == SaveState::Saved && !ui.spoken.saved) {
        ui.spoken.saved = true;
        automation::announce("Saved");
    }
    const char* glyph = state == SaveState::Saved ? icon::kCheck : state == SaveState::Failed ? icon::kWarning : "";
    const unsigned colour = state == SaveState::Saved ? p.success : state == SaveState::Failed ? p.error : p.text_dim;
    status_text(*glyph ? std::string(glyph) + " " + save_indicator_text(state) : save_indicator_text(state), colour);
}

struct BannerAction {
    const char* label;
    void (*run)(Workbench&, UiState&);
    ButtonKind kind = ButtonKind::Primary;
};

// A full-width message box sized to its text, with its buttons in a row that wraps: drawn as a
// group, its background added behind it afterwards through a second draw-list channel.
void banner(UiState& ui, ImU32 colour, const char* icon_glyph, const std::string& text,
            std::initializer_list<BannerAction> actions, Workbench& wb) {
    const Palette& p = palette();
    const float pad = 14 * ui.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::PushID(text.c_str());
    ui.spoken.banners_now.push_back(text);
    if (std::find(ui.spoken.banners.begin(), ui.spoken.banners.end(), text) == ui.spoken.banners.end())
        automation::announce(text, colour == p.error);
    ImGui::SetCursorScreenPos(start + ImVec2(pad, pad));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(icon_glyph);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 3 * pad - ImGui::GetFontSize());
    alert_text(text);
    ImGui::PopTextWrapPos();
    bool first = true;
    for (const BannerAction& action : actions) {
        if (!first) flow(button_width(action.label));
        first = false;
        if (button(ui, action.label, action.kind)) action.run(wb, ui);
    }
    ImGui::EndGroup();
    ImGui::EndGroup();
    ImGui::PopID();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, ImVec2(start.x + width, bottom), p.notice_bg, 8 * ui.scale);
    draw->AddRect(start, ImVec2(start.x + width, bottom), colour, 8 * ui.scale, 0, 2 * ui.scale);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
    ImGui::Dummy(ImVec2(width, ImGui::GetStyle().ItemSpacing.y));
}

// "profile", "/focus" -> "Profile: focus"; "journey/2026-..", "/steps/research/notes/n1/text" ->
// "Journey: steps › research › notes › n1 › text".
std::string describe_field(const std::string& key, const std::string& path) {
    std::string what = key.substr(0, key.find('/'));
    if (!what.empty()) what[0] = char(std::toupper((unsigned char)what[0]));
    std::string where;
    size_t start = 1;
    for (size_t i = 1; i <= path.size(); i++) {
        if (i < path.size() && path[i] != '/') continue;
        if (!where.empty()) where += " › ";
        where += path.substr(start, i - start);
        start = i + 1;
    }
    return where.empty() ? what : what + ": " + where;
}

// Fields changed in two tabs at once: both texts were kept; the librarian chooses here.
void draw_conflicts(Workbench& wb, UiState& ui) {
    const std::vector<Workbench::ConflictRef> conflicts = wb.conflicts();
    if (conflicts.empty()) return;
    const Palette& p = palette();
    ImGui::PushID("conflicts");
    for (size_t i = 0; i < conflicts.size(); i++) {
        const Workbench::ConflictRef& c = conflicts[i];
        ImGui::PushID((int)i);
        status_text(std::string(icon::kWarning) + "  This was also changed in another tab; both versions are kept: " +
                        describe_field(c.key, c.conflict.path) + ".",
                    p.warning);
        paragraph("In this tab: " + conflict_value_text(c.conflict.ours));
        paragraph("From the other tab: " + conflict_value_text(c.conflict.theirs));
        const struct { const char* label; ConflictChoice choice; } choices[] = {
            {"Keep this tab's", ConflictChoice::Ours}, {"Keep the other tab's", ConflictChoice::Theirs}, {"Keep both", ConflictChoice::Both}};
        bool first = true;
        for (const auto& choice : choices) {
            if (!first) flow(button_width(choice.label));
            first = false;
            // Settling changes the list: stop drawing it this frame.
            if (button(ui, choice.label, choice.choice == ConflictChoice::Both ? ButtonKind::Primary : ButtonKind::Secondary)) {
                wb.resolve_conflict(c.key, c.conflict.index, choice.choice);
                ImGui::PopID();
                ImGui::PopID();
                return;
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::PopID();
}

void draw_top_bar(Workbench& wb, UiState& ui) {
    // The page title, in the heading font unless that leaves no room for the cluster even as icons
    // (large text on a small screen): then in the body font, so the page keeps its height for content.
    const std::string title = page_title(ui.page);
    {
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float iconic = save_indicator_slot() + 3 * (gap + icon_button_width());
        ImGui::PushFont(fonts().heading);
        const float big = ImGui::CalcTextSize(title.c_str()).x;
        ImGui::PopFont();
        const float line = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX();
        heading(title, big + 16 * ui.scale + iconic > line);
    }
    // Right-aligned cluster: save indicator, undo, redo, snapshot. Beside the title when it fits; with
    // icons only when the words do not (large text on a small screen); on a line of its own at worst.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float slot = save_indicator_slot();
    const float worded = slot + gap + button_width("Undo", icon::kUndo) + gap + button_width("Redo", icon::kRedo) + gap +
                         button_width("Snapshot", icon::kCamera);
    const float iconic = slot + 3 * (gap + icon_button_width());
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    const float room = right - ImGui::GetCursorPosX() - 16 * ui.scale;
    const bool words = worded <= room || (worded <= right - ImGui::GetWindowContentRegionMin().x && iconic > room);
    const float cluster = words ? worded : iconic;
    if (cluster > room) ImGui::NewLine();
    ImGui::SetCursorPosX(ImMax(ImGui::GetCursorPosX(), right - cluster));
    ImGui::AlignTextToFramePadding();
    ImGui::BeginGroup();
    draw_save_indicator(wb, ui);
    ImGui::SameLine(slot + gap);   // inside a group, relative to the group's start
    auto top_button = [&](const char* label, const char* glyph) {
        return words ? button(ui, label, ButtonKind::Quiet, glyph) : icon_button(ui, label, ButtonKind::Quiet, glyph);
    };
    ImGui::BeginDisabled(!wb.can_undo());
    if (top_button("Undo", icon::kUndo)) wb.undo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && wb.can_undo())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", wb.undo_label().c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!wb.can_redo());
    if (top_button("Redo", icon::kRedo)) wb.redo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (top_button("Snapshot", icon::kCamera)) ui.snapshot_request = wb.prefs().snapshot_scale;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save this page as a PNG picture (%dx)", wb.prefs().snapshot_scale);
    ImGui::EndGroup();
    ImGui::Separator();

    const Palette& p = palette();
    const BannerAction export_backup{"Export backup", [](Workbench& w, UiState&) { w.export_workspace(); }};
    if (wb.storage_temporary())
        banner(ui, p.warning, icon::kWarning,
               "This browser is not keeping Wayfinder's data: " + wb.storage_reason() +
                   " What you type lasts only while this tab is open, so export a backup before you close it.",
               {export_backup}, wb);
    else if (wb.reload_required())
        banner(ui, p.warning, icon::kRefresh, "This tab has stopped saving: " + wb.reload_reason(),
               {{"Reload this tab", [](Workbench&, UiState& u) { u.platform_requests.push_back(PlatformRequest::ReloadPage); }},
                {export_backup.label, export_backup.run, ButtonKind::Secondary}}, wb);
    else if (wb.save_status().state == SaveState::Failed)
        banner(ui, p.error, icon::kWarning, wb.save_status().text, {export_backup}, wb);
    if (wb.update_ready()) {
        if (wb.update_waiting_for_save())
            banner(ui, p.accent, icon::kRefresh, "A new version is ready. Saving your work first…", {}, wb);
        else
            banner(ui, p.accent, icon::kRefresh, "A new version of Wayfinder is ready. Your work is kept when you update.",
                   {{"Reload to update", [](Workbench& w, UiState&) { w.apply_update_when_saved(); }}}, wb);
    }
    draw_conflicts(wb, ui);
    if (wb.backup_reminder_due() && !wb.storage_temporary())
        banner(ui, p.accent, icon::kDownload,
               "Your work has changed over the past week and no backup was exported since. A school Chromebook can "
               "be wiped at sign-out: a backup file is the copy that surely survives.",
               {{"Export a backup now", [](Workbench& w, UiState&) { w.export_workspace(); }},
                {"Not now", [](Workbench& w, UiState&) { w.snooze_backup_reminder(); }, ButtonKind::Secondary}}, wb);
}

// [SECTION] Notices and dialogs -------------------------------------------------------------------

void draw_notices(Workbench& wb, UiState& ui) {
    const auto& notices = wb.notices();
    if (notices.empty()) return;
    const Palette& p = palette();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = ImMin(480 * ui.scale, display.x - 32 * ui.scale);
    ImGui::SetNextWindowPos(ImVec2(display.x - 16 * ui.scale, display.y - 16 * ui.scale), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f * ui.scale);
    ImGui::Begin("##notices", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    automation::mark_area("region", "Messages");
    double said_until = ui.spoken.notices_until;
    for (const Notice& n : notices)
        if (n.shown_at > ui.spoken.notices_until) {
            automation::announce(n.text, n.kind == Notice::Kind::Error);
            said_until = ImMax(said_until, n.shown_at);
        }
    ui.spoken.notices_until = said_until;
    const float close_w = ImGui::GetFrameHeight();
    // Laid out from the width asked for, not from the window's size (an auto-sized window's last
    // size lags a frame, and the close button then sat over the text's end).
    const float inner_right = width - ImGui::GetStyle().WindowPadding.x;
    for (size_t i = 0; i < notices.size(); i++) {
        const Notice& n = notices[i];
        const ImU32 colour = n.kind == Notice::Kind::Error ? p.error : n.kind == Notice::Kind::Success ? p.success : p.accent;
        ImGui::PushID((int)i);
        const ImVec2 row = ImGui::GetCursorPos();
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(n.kind == Notice::Kind::Error ? icon::kWarning : icon::kInfo);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(inner_right - close_w - ImGui::GetStyle().ItemSpacing.x);
        alert_text(n.text);
        ImGui::PopTextWrapPos();
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(inner_right - close_w, row.y));
        automation::Record& record = automation::next_item();
        record.role = "button";
        record.label = "Dismiss";
        if (ImGui::Button((std::string(icon::kClose) + "##dismiss").c_str(), ImVec2(close_w, close_w))) wb.dismiss_notice(i);
        track_focusable(ui);
        ImGui::SetCursorPos(after);
        ImGui::PopID();
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void draw_import_dialog(Workbench& wb, UiState& ui) {
    const ImportPlan* plan = wb.staged_import();
    if (!plan || wb.import_waiting_for_backup()) return; // confirmed: it applies once the copy is kept
    if (!ImGui::IsPopupOpen("Open this file?")) ImGui::OpenPopup("Open this file?");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImMin(620 * ui.scale, display.x - 32 * ui.scale), 0));
    if (ImGui::BeginPopupModal("Open this file?", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
        automation::mark_area("dialog", "Open this file?");
        subheading("Open \"" + wb.staged_import_name() + "\"?");
        for (const std::string& line : plan->summary) paragraph("• " + line);
        for (const std::string& line : plan->warnings) paragraph(std::string(icon::kWarning) + " " + line);
        paragraph("Your current data will be replaced by this file. A copy of it is kept first, and Undo brings it back.", true);
        if (button(ui, "Replace my data", ButtonKind::Primary)) { wb.confirm_import(); ImGui::CloseCurrentPopup(); }
        flow(button_width("Cancel"));
        if (button(ui, "Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            wb.cancel_import();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}
} // namespace

std::string snapshot_payload(Workbench& wb, const UiState& ui) {
    if (ui.page == Page::SelfAssessment && ui.assessment.view == AssessmentView::Results)
        return wb.self_assessment().export_text(ui.assessment.id);
    // A picture is made to be shared: private reflections stay out of what it carries.
    if (ui.page == Page::LetsTalk && !ui.lets_talk.journey_id.empty())
        return wb.lets_talk().export_text(ui.lets_talk.journey_id, ui.lets_talk.include_private);
    return wb.workspace_share_text();
}

const char* page_title(Page page) {
    for (const NavEntry& entry : kNav)
        if (entry.page == page) return entry.label;
    return "";
}

// [SECTION] Frame ---------------------------------------------------------------------------------

void draw_app(Workbench& wb, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    begin_widgets_frame(ui);
    ui.spoken.banners.swap(ui.spoken.banners_now);
    ui.spoken.banners_now.clear();
    // Pictures: a page that takes dropped ones says so again this frame; textures out of sight go back.
    wb.set_image_drop_target(nullptr);
    release_unseen_pictures(wb);
    // --- issue 12, reviewer: a submission file just opened (dropped or imported) shows its review.
    if (std::string opened = wb.reviews().take_opened(); !opened.empty()) {
        ui.page = Page::Reviewing;
        ui.reviewing.id = std::move(opened);
    }
    // Screen-share mode: the map alone fills the window; no sidebar, top bar or page.
    if (ui.present.active && wb.loaded()) {
        draw_present_mode(wb, ui);
        if (ui.present.active) {
            draw_notices(wb, ui);
            draw_import_dialog(wb, ui);
            draw_badge_check(wb, ui);
            end_widgets_frame(ui);
            return;
        }
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##app", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    const bool compact = io.DisplaySize.x / ui.scale < 900;
    draw_sidebar(ui, compact);
    ImGui::SameLine(0, 0);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().background);
    ImGui::BeginChild("##main", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    // A centred, readable column.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = ImMin(avail, kReadableWidth * ui.scale);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(column);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::BeginChild("##column", ImVec2(column, 0), false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    automation::mark_area("main", page_title(ui.page));
    if (!wb.loaded()) paragraph("Opening your saved work…", true);
    else {
        // The top bar stays put (the save indicator is always in view); only the page scrolls.
        draw_top_bar(wb, ui);
        // The scrollbar's space is always kept: fields do not narrow when a growing text passes the fold.
        // Another page starts at its top, from its first frame.
        if (ui.page != ui.shown_page) {
            ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
            ui.shown_page = ui.page;
        }
        ImGui::BeginChild("##page", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysVerticalScrollbar);
        ImGui::PushTextWrapPos(0.0f);   // wrap at the page's right edge, inside its scrollbar
        draw_page(wb, ui);
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
    }
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::EndChild();
    ImGui::End();
    draw_notices(wb, ui);
    draw_import_dialog(wb, ui);
    draw_badge_check(wb, ui);
    end_widgets_frame(ui);
}

float draw_page_for_snapshot(Workbench& wb, UiState& ui, float width) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    ImGui::Begin("##snapshot", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                            ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
    heading(page_title(ui.page));
    ImGui::Separator();
    draw_page(wb, ui);
    ImGui::PopTextWrapPos();
    const float height = ImGui::GetWindowHeight();
    ImGui::End();
    return height;
}

} // namespace wf::ui
