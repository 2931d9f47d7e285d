// [SECTION] Schemas
// [SECTION] Profile
// [SECTION] Prefs

#include "core/document_types.hpp"

#include "core/json_fields.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] Schemas
//-------------------------------------------------------------------------------------------------

namespace {

// Filling defaults is reading the typed view (which defaults and corrects every field) and writing
// it back, so the defaults live in one place: the struct's member initializers.
void fill_profile_defaults(nlohmann::json& doc) { profile_write(doc, profile_from_doc(doc)); }
void fill_prefs_defaults(nlohmann::json& doc) { prefs_write(doc, prefs_from_doc(doc)); }

} // namespace

const DocumentSchema& profile_schema()
{
    static const DocumentSchema schema{kProfileType, "profile", 1, {}, fill_profile_defaults, kProfileKey};
    return schema;
}

const DocumentSchema& prefs_schema()
{
    static const DocumentSchema schema{kPrefsType, "preference set", 1, {}, fill_prefs_defaults, kPrefsKey};
    return schema;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Profile
//-------------------------------------------------------------------------------------------------

Profile profile_from_doc(const nlohmann::json& doc)
{
    Profile profile;
    json_read_string(doc, "name", profile.name);
    json_read_string(doc, "role", profile.role);
    json_read_string(doc, "school", profile.school);
    json_read_string(doc, "district", profile.district);
    json_read_string(doc, "focus", profile.focus);
    return profile;
}

void profile_write(nlohmann::json& doc, const Profile& profile)
{
    if (!doc.is_object())
        doc = new_document(profile_schema());
    json_put(doc, "name", profile.name);
    json_put(doc, "role", profile.role);
    json_put(doc, "school", profile.school);
    json_put(doc, "district", profile.district);
    json_put(doc, "focus", profile.focus);
}

std::string profile_workspace_line(const nlohmann::json& doc)
{
    const Profile profile = profile_from_doc(doc);
    std::string line = profile.name.empty() ? "Profile (no name yet)" : "Profile of " + profile.name;
    if (!profile.school.empty())
        line += " (" + profile.school + ")";
    return line;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Prefs
//-------------------------------------------------------------------------------------------------

namespace {

Prefs corrected(Prefs prefs)
{
    if (prefs.theme != "light" && prefs.theme != "dark" && prefs.theme != "high-contrast")
        prefs.theme = "light";
    prefs.ui_scale = std::clamp(prefs.ui_scale, 100, 250);
    if (prefs.snapshot_scale < 1 || prefs.snapshot_scale > 3)
        prefs.snapshot_scale = 2;
    return prefs;
}

// Rounds and narrows a stored number without overflowing int on absurd values.
int stored_int(const nlohmann::json& doc, const char* key, int fallback)
{
    const std::optional<double> value = json_number(doc, key);
    if (!value)
        return fallback;
    return int(std::lround(std::clamp(*value, -1e6, 1e6)));
}

// An epoch time in milliseconds; anything else (negative, absurd, not a number) reads as 0: never.
int64_t stored_time(const nlohmann::json& doc, const char* key)
{
    const std::optional<double> value = json_number(doc, key);
    if (!value || !(*value > 0) || *value > 1e15)
        return 0;
    return int64_t(*value);
}

} // namespace

Prefs prefs_from_doc(const nlohmann::json& doc)
{
    const Prefs defaults;
    Prefs prefs;
    prefs.theme = json_string(doc, "theme", defaults.theme);
    prefs.ui_scale = stored_int(doc, "ui_scale", defaults.ui_scale);
    prefs.snapshot_scale = stored_int(doc, "snapshot_scale", defaults.snapshot_scale);
    prefs.last_backup_ms = stored_time(doc, "last_backup_ms");
    prefs.unbacked_since_ms = stored_time(doc, "unbacked_since_ms");
    prefs.reminder_snoozed_until_ms = stored_time(doc, "reminder_snoozed_until_ms");
    return corrected(prefs);
}

void prefs_write(nlohmann::json& doc, const Prefs& prefs)
{
    if (!doc.is_object())
        doc = new_document(prefs_schema());
    const Prefs valid = corrected(prefs);
    doc["theme"] = valid.theme;
    doc["ui_scale"] = valid.ui_scale;
    doc["snapshot_scale"] = valid.snapshot_scale;
    doc["last_backup_ms"] = valid.last_backup_ms;
    doc["unbacked_since_ms"] = valid.unbacked_since_ms;
    doc["reminder_snoozed_until_ms"] = valid.reminder_snoozed_until_ms;
}

} // namespace wf
