#pragma once
// The profile and the preferences: their schemas and typed views of their fields. Every type this
// build knows is listed in document_registry.hpp.

#include "core/document_restore.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kProfileType = "wayfinder.profile";
inline constexpr const char* kProfileKey = "profile"; // storage key of the librarian's one profile
inline constexpr const char* kPrefsType = "wayfinder.prefs";
inline constexpr const char* kPrefsKey = "prefs";     // storage key of this device's preferences

const DocumentSchema& profile_schema();
const DocumentSchema& prefs_schema(); // per device: never part of a workspace export

struct Profile {
    std::string name;     // "": the librarian's name as it appears on reports
    std::string role;     // "": e.g. "Teacher librarian"
    std::string school;   // ""
    std::string district; // ""
    std::string focus;    // "": multi-line "what I want to focus on this year"
};

// Missing or mistyped fields read as their defaults.
Profile profile_from_doc(const nlohmann::json& doc);
// Updates only the profile's fields; other fields are kept. A `doc` that is not an object is
// replaced by a new profile document.
void profile_write(nlohmann::json& doc, const Profile& profile);
// The profile's line in a workspace import's summary: "Profile of Ana Pérez (Lincoln Elementary)".
std::string profile_workspace_line(const nlohmann::json& doc);

struct Prefs {
    std::string theme = "light"; // "light" | "dark" | "high-contrast"
    int ui_scale = 100;          // percent, 100..250: large text for screen sharing
    int snapshot_scale = 2;      // 1 | 2 | 3: pixel density of exported PNG snapshots
    // The backup reminder (epoch milliseconds, 0: none). Per device, like the browser storage it guards.
    int64_t last_backup_ms = 0;          // when a workspace backup was last exported from this browser
    int64_t unbacked_since_ms = 0;       // the first edit not in any exported backup
    int64_t reminder_snoozed_until_ms = 0; // "Not now" hides the reminder until then
};

// Out-of-range values read as the nearest valid one (unknown theme: "light"; scale: clamped;
// snapshot scale other than 1, 2, 3: 2).
Prefs prefs_from_doc(const nlohmann::json& doc);
// Writes the fields (corrected the same way); other fields are kept. A `doc` that is not an object
// is replaced by a new prefs document.
void prefs_write(nlohmann::json& doc, const Prefs& prefs);

} // namespace wf
