#include "ui/pages.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "app/credentials.hpp"
#include "app/lets_talk.hpp"
#include "app/workbench.hpp"
#include "core/file_size_text.hpp"
#include "core/iso_date.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] Home
// [SECTION] Data & settings

namespace {
// Two fields side by side when there is room, stacked when there is not.
bool two_columns(UiState& ui) { return ImGui::GetContentRegionAvail().x > 560 * ui.scale; }

} // namespace

// [SECTION] Home ------------------------------------------------------------------------------------

// Straight back into the newest journey, at the step where it was left.
static void continue_journey(Workbench& wb, UiState& ui) {
    LetsTalk& lt = wb.lets_talk();
    const std::vector<std::string> ids = lt.journey_ids();
    const std::shared_ptr<const Journey> j = ids.empty() ? nullptr : lt.journey(ids.front());
    if (!j || j->pack.steps.empty()) return;
    size_t index = 0;
    for (size_t i = 0; i < j->pack.steps.size(); i++)
        if (j->pack.steps[i].id == j->current_step) index = i;
    const std::string label = "Continue \"" + lt.display_name(*j) + "\" at step " + std::to_string(index + 1) + ": " +
                              j->pack.steps[index].title;
    flow(button_width(label.c_str()));
    if (button(ui, label.c_str(), ButtonKind::Primary)) {
        ui.page = Page::LetsTalk;
        ui.lets_talk.journey_id = j->id;
    }
}

void page_home(Workbench& wb, UiState& ui) {
    Profile profile = wb.profile();
    paragraph(profile.name.empty() ? "Welcome to Wayfinder." : "Welcome back, " + profile.name + ".");
    if (wb.workspace_empty() && !wb.storage_temporary()) {
        // A first visit, or a Chromebook wiped at sign-out: the backup file comes before anything else.
        subheading("Used Wayfinder before?");
        paragraph("Nothing is saved in this browser yet. If you exported a backup on this or another device, "
                  "restore it first and carry on where you left off.");
        if (button(ui, "Restore from a backup file…", ButtonKind::Primary, icon::kUpload)) ui.open_file_request = true;
        paragraph("Starting fresh? Fill in your details below.", true);
    }
    paragraph("Wayfinder is a workbench for looking closely at your library practice against the Future Ready "
              "Librarians® Framework, preparing conversations with your school leaders, and gathering evidence "
              "of your growth. It works offline and keeps everything on this device.", true);

    subheading("About you");
    paragraph("Used to fill in emails and reports for you. It stays on this device.", true);
    const bool locked = !wb.readable(kProfileKey);
    if (locked)
        status_text(std::string(icon::kWarning) + "  Your saved profile could not be read, so it is kept unchanged and "
                    "these fields are locked. Data & settings says what is wrong and can export it.", palette().warning);
    ImGui::BeginDisabled(locked);
    // Two fields side by side when there is room, stacked when there is not.
    const bool two = two_columns(ui);
    TextFieldOptions field;
    field.max_chars = 120;
    auto pair = [&](const char* a, std::string& va, const char* a_field, const char* b, std::string& vb, const char* b_field) {
        SideBySide cells(a, two);
        if (text_field(ui, a, va, field)) wb.set_profile(profile, a_field);
        cells.next();
        if (text_field(ui, b, vb, field)) wb.set_profile(profile, b_field);
        cells.end();
    };
    pair("Your name", profile.name, "name", "Your role", profile.role, "role");
    pair("School", profile.school, "school", "District", profile.district, "district");

    subheading("Your focus this year");
    TextFieldOptions focus;
    focus.multiline = true;
    focus.min_lines = 4;
    focus.word_count = true;
    focus.hint = "What do you most want to grow or change in your library program this year?";
    if (text_field(ui, "What you want to focus on##focus", profile.focus, focus)) wb.set_profile(profile, "focus");
    ImGui::EndDisabled();

    subheading("Your goals");
    goals_summary(wb, ui);

    subheading("Your tools");
    struct Tool { Page page; const char* icon; const char* title; const char* what; };
    const Tool tools[] = {
        {Page::SelfAssessment, icon::kAssessment, "Self-assessment", "Rate your practice area by area and see your strengths and stretches."},
        {Page::LetsTalk, icon::kTalk, "Let's Talk", "Plan and hold a conversation with a building leader in seven steps."},
        {Page::MicroCredential, icon::kBadge, "Micro-credential", "Collect evidence, check it against the rubric and ask a peer to review it."},
    };
    for (const Tool& tool : tools) {
        ImGui::PushID(tool.title);
        paragraph(std::string(tool.icon) + "  " + tool.title + ": " + tool.what);
        if (button(ui, (std::string("Open ") + tool.title).c_str(), ButtonKind::Secondary)) ui.page = tool.page;
        if (tool.page == Page::LetsTalk) continue_journey(wb, ui);
        if (tool.page == Page::MicroCredential && !wb.credentials().current_id().empty())
            status_text(std::string("Micro-credential status: ") + credential_status_label(wb.credentials().current_status()),
                        palette().text_dim);
        ImGui::PopID();
    }
}

// [SECTION] Data & settings -------------------------------------------------------------------------

void page_settings(Workbench& wb, UiState& ui) {
    Prefs prefs = wb.prefs();

    subheading("Appearance");
    paragraph("Theme", true);
    const struct { const char* name; const char* label; } themes[] = {
        {"light", "Light"}, {"dark", "Dark"}, {"high-contrast", "High contrast"}};
    // Each row of choices wraps when the screen is narrow (large text on a small screen).
    for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++) {
        if (i) flow(radio_width(themes[i].label));
        if (radio(ui, themes[i].label, prefs.theme == themes[i].name)) { prefs.theme = themes[i].name; wb.set_prefs(prefs); }
    }

    paragraph("Text and controls size: " + std::to_string(prefs.ui_scale) + " %", true);
    const int sizes[] = {100, 125, 150, 175, 200, 250};
    for (int size : sizes) {
        const std::string label = std::to_string(size) + " %";
        if (size != sizes[0]) flow(radio_width(label.c_str()));
        if (radio(ui, label.c_str(), prefs.ui_scale == size)) { prefs.ui_scale = size; wb.set_prefs(prefs); }
    }
    paragraph("Larger sizes help when you share your screen in a meeting.", true);

    paragraph("Snapshot size", true);
    for (int s = 1; s <= 3; s++) {
        const std::string label = std::to_string(s) + "x" + (s == 1 ? " (smallest file)" : s == 3 ? " (sharpest)" : "");
        if (s > 1) flow(radio_width(label.c_str()));
        if (radio(ui, label.c_str(), prefs.snapshot_scale == s)) { prefs.snapshot_scale = s; wb.set_prefs(prefs); }
    }
    if (button(ui, "Export snapshot of this page", ButtonKind::Secondary, icon::kCamera)) ui.snapshot_request = prefs.snapshot_scale;

    subheading("Backup and moving to another device");
    paragraph("Your work is saved in this browser on this device. School devices are sometimes wiped, so export a "
              "backup now and then; it is the copy that surely survives. Open it here or on another device to "
              "carry on.");
    const int64_t now = ui.now_ms;
    if (const int64_t last = wb.last_backup_ms()) {
        const int64_t days = (now - last) / (24 * 3600 * 1000LL);
        status_text("Last backup exported from this browser: " + iso_date(last, ui.tz_offset_minutes) +
                        (days <= 0 ? " (today)." : days == 1 ? " (yesterday)." : " (" + std::to_string(days) + " days ago)."),
                    days >= 7 ? palette().warning : palette().success);
    } else {
        status_text("No backup has been exported from this browser yet.", palette().warning);
    }
    if (button(ui, "Export workspace (JSON)", ButtonKind::Primary, icon::kDownload)) wb.export_workspace();
    flow(button_width("Import a file…", icon::kUpload));
    if (button(ui, "Import a file…", ButtonKind::Secondary, icon::kUpload)) ui.open_file_request = true;
    paragraph("You can also drop a Wayfinder JSON file or snapshot PNG anywhere on this page, or paste one.", true);
    using LiveBackup = Workbench::LiveBackup;
    if (wb.live_backup() != LiveBackup::Unsupported) {
        // This browser can keep one file up to date: a backup that is never out of date.
        switch (wb.live_backup()) {
            case LiveBackup::On:
                status_text(std::string(icon::kCheck) + "  Every save also updates the backup file \"" + wb.live_backup_file() + "\".",
                            palette().success);
                if (button(ui, "Stop updating the backup file", ButtonKind::Secondary))
                    ui.platform_requests.push_back(PlatformRequest::LiveBackupStop);
                break;
            case LiveBackup::Paused:
                status_text(std::string(icon::kWarning) + "  The backup file \"" + wb.live_backup_file() + "\" is not being updated" +
                                (wb.live_backup_problem().empty() ? ": the browser asks for your permission again." : ": " + wb.live_backup_problem()),
                            palette().warning);
                if (button(ui, "Resume updating the backup file", ButtonKind::Primary))
                    ui.platform_requests.push_back(PlatformRequest::LiveBackupResume);
                flow(button_width("Stop updating the backup file"));
                if (button(ui, "Stop updating the backup file", ButtonKind::Secondary))
                    ui.platform_requests.push_back(PlatformRequest::LiveBackupStop);
                break;
            default:
                paragraph("This browser can also keep one backup file up to date for you: choose where it goes once (a "
                          "USB stick or a synced folder is best), and every save updates it.", true);
                if (button(ui, "Keep a backup file up to date…", ButtonKind::Secondary, icon::kDownload))
                    ui.platform_requests.push_back(PlatformRequest::LiveBackupChoose);
                break;
        }
    }
    paragraph(std::string(icon::kLock) + "  Reflections can mention students. Leave their names out of files you share.", true);

    if (!wb.unreadable().empty()) {
        subheading("Items this version cannot read");
        paragraph("These are kept in this browser exactly as they were stored, and go into every backup. Wayfinder "
                  "never overwrites them. A newer Wayfinder may read them: reload while online, or export one to keep "
                  "it safe.");
        for (const auto& [key, item] : wb.unreadable()) {
            ImGui::PushID(key.c_str());
            status_text(key + ": " + item.reason, palette().warning);
            if (button(ui, "Export this item", ButtonKind::Secondary, icon::kDownload)) wb.export_unreadable(key);
            ImGui::PopID();
        }
    }

    if (!wb.backups().empty()) {
        subheading("Copies kept in this browser");
        paragraph("Wayfinder keeps a copy of everything before an import replaces it (the ten newest copies). Export "
                  "one to open it with Import.", true);
        for (const BackupInfo& backup : wb.backups()) {
            ImGui::PushID(backup.name.c_str());
            const bool before_import = backup.name.rfind("before-import-", 0) == 0;
            paragraph(std::string(before_import ? "Before an import, " : "Unsaved work of a tab that had to stop, ") +
                      iso_date(backup.created_ms, ui.tz_offset_minutes) + " (" + file_size_text(backup.bytes) + ")");
            if (button(ui, "Export this copy", ButtonKind::Quiet, icon::kDownload)) wb.export_backup(backup);
            ImGui::PopID();
        }
    }

    subheading("Storage on this device");
    const StorageEstimate& estimate = wb.storage_estimate();
    if (wb.storage_temporary()) {
        status_text("Not available: " + wb.storage_reason(), palette().error);
    } else if (!estimate.known) {
        paragraph("Checking storage…", true);
    } else {
        status_text(estimate.persisted ? "Protected: the browser will not clear this data to free up space."
                                       : "Not protected: the browser may clear this data when space runs low. Keep exported backups.",
                    estimate.persisted ? palette().success : palette().warning);
        std::string usage = "Using " + file_size_text((uint64_t)estimate.usage_bytes);
        if (estimate.quota_bytes > estimate.usage_bytes) usage += " of the " + file_size_text((uint64_t)estimate.quota_bytes) + " this browser allows";
        paragraph(usage + ".", true);
    }

    subheading("About");
    paragraph("Wayfinder " + wb.app_version() + ". Works offline after the first visit. No account and no tracking: "
              "nothing you enter leaves this device unless you export it.", true);
    paragraph("Future Ready Librarians® is a registered trademark; Wayfinder is an independent tool that uses the "
              "framework by name.", true);
}

} // namespace wf::ui
