#include "core/document_restore.hpp"

#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"

#include <cassert>
#include <limits>

namespace wf {

namespace {

std::string newer_version_message(const DocumentSchema& schema, int found_version)
{
    const std::string noun = schema.noun;
    return "This " + noun + " was made by a newer version of Wayfinder (" + noun + " version " +
           std::to_string(found_version) + "; this copy reads up to version " + std::to_string(schema.current_version) +
           "). Reload Wayfinder while online to update it, then try again.";
}

} // namespace

Restored restore_document(nlohmann::json input, const DocumentSchema& schema)
{
    assert(schema.migrations.size() == size_t(schema.current_version - 1));
    const std::string noun = schema.noun;
    const std::string choose = "Choose a " + noun + " exported from Wayfinder.";
    Restored result;

    if (!input.is_object()) {
        result.error = "This is not a Wayfinder " + noun + " (its contents are not in the expected form). " + choose;
        return result;
    }
    const nlohmann::json* type = json_field(input, "type");
    if (!type || !type->is_string()) {
        result.error = "This is not a Wayfinder " + noun + " (it does not say what it holds). " + choose;
        return result;
    }
    if (type->get_ref<const std::string&>() != schema.type) {
        result.error = "This is not a Wayfinder " + noun + " (it holds \"" +
                       pack_reading::excerpt(type->get_ref<const std::string&>(), 40) + "\", not \"" + schema.type +
                       "\"). " + choose;
        return result;
    }

    // A missing version means the document predates versioning, which is version 1.
    int version = 1;
    if (const nlohmann::json* stored = json_field(input, "version")) {
        const bool positive_int = (stored->is_number_unsigned() && stored->get<uint64_t>() >= 1) ||
                                  (stored->is_number_integer() && stored->get<int64_t>() >= 1);
        if (!positive_int) {
            result.error = "This " + noun + " has an unreadable version number, so Wayfinder cannot tell how to open it. " +
                           choose;
            return result;
        }
        const uint64_t wide = stored->get<uint64_t>();
        version = wide > uint64_t(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max() : int(wide);
    }
    result.from_version = version;
    if (version > schema.current_version) {
        result.error = newer_version_message(schema, version);
        return result;
    }

    result.doc = std::move(input);
    for (int v = version; v < schema.current_version; v++) {
        std::string why;
        bool upgraded = schema.migrations[size_t(v - 1)](result.doc, why);
        if (upgraded && !result.doc.is_object()) {
            upgraded = false;
            why = "the updated copy lost its fields.";
        }
        if (!upgraded) {
            result.error = "Wayfinder could not update this " + noun + " from version " + std::to_string(v) +
                           " to version " + std::to_string(v + 1) + ": " + why +
                           " Nothing was changed; export it again from the Wayfinder that made it, or choose another copy.";
            result.doc = nullptr;
            return result;
        }
        // A migration that forgets the envelope must not make the next step misread the document.
        result.doc["type"] = schema.type;
        result.doc["version"] = v + 1;
    }
    result.doc["version"] = schema.current_version;
    if (schema.fill_defaults)
        schema.fill_defaults(result.doc);
    result.migrated = version < schema.current_version;
    result.ok = true;
    return result;
}

} // namespace wf
