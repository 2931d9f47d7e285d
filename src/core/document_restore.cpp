#include "core/document_restore.hpp"

#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"

#include <limits>

namespace wf {

Restored restore_refused(RestoreFailure failure)
{
    Restored result;
    result.error = restore_failure_text(failure);
    result.failure = std::move(failure);
    return result;
}

std::string restore_failure_text(const RestoreFailure& failure)
{
    const std::string& noun = failure.noun;
    const std::string choose = "Choose a " + noun + " exported from Wayfinder.";
    switch (failure.reason) {
    case RestoreReason::None:
        break;
    case RestoreReason::NotJson:
    case RestoreReason::TooLarge:
        return "It is damaged: " + failure.detail;
    case RestoreReason::UnknownType:
        return "It holds \"" + failure.found_type + "\", which this version of Wayfinder does not know. It was probably "
               "made by a newer Wayfinder: reload while online to update.";
    case RestoreReason::NotAnObject:
        return "This is not a Wayfinder " + noun + " (its contents are not in the expected form). " + choose;
    case RestoreReason::NoType:
        return "This is not a Wayfinder " + noun + " (it does not say what it holds). " + choose;
    case RestoreReason::WrongType:
        return "This is not a Wayfinder " + noun + " (it holds \"" + pack_reading::excerpt(failure.found_type, 40) +
               "\", not \"" + failure.detail + "\"). " + choose;
    case RestoreReason::UnreadableVersion:
        return "This " + noun + " has an unreadable version number, so Wayfinder cannot tell how to open it. " + choose;
    case RestoreReason::NewerVersion:
        return "This " + noun + " was made by a newer version of Wayfinder (" + noun + " version " +
               std::to_string(failure.version) + "; this copy reads up to version " +
               std::to_string(failure.current_version) + "). Reload Wayfinder while online to update it, then try again.";
    case RestoreReason::MigrationFailed:
        return "Wayfinder could not update this " + noun + " from version " + std::to_string(failure.version) +
               " to version " + std::to_string(failure.version + 1) + ": " + failure.detail +
               " Nothing was changed; export it again from the Wayfinder that made it, or choose another copy.";
    case RestoreReason::BrokenSchema:
        return "This copy of Wayfinder cannot open a " + noun + ": it lacks a step to update older ones. Reload "
               "Wayfinder while online to update it, then try again.";
    }
    return {};
}

RestoreReason unparsed_reason(const ParsedJson& parsed)
{
    return parsed.too_large ? RestoreReason::TooLarge : RestoreReason::NotJson;
}

Restored restore_document(nlohmann::json input, const DocumentSchema& schema)
{
    RestoreFailure failure;
    failure.noun = schema.noun;
    // Checked in every build, not only by an assert: a missing migration would read past the list.
    if (schema.current_version < 1 || schema.migrations.size() != size_t(schema.current_version - 1)) {
        failure.reason = RestoreReason::BrokenSchema;
        return restore_refused(std::move(failure));
    }

    if (!input.is_object()) {
        failure.reason = RestoreReason::NotAnObject;
        return restore_refused(std::move(failure));
    }
    const nlohmann::json* type = json_field(input, "type");
    if (!type || !type->is_string()) {
        failure.reason = RestoreReason::NoType;
        return restore_refused(std::move(failure));
    }
    if (type->get_ref<const std::string&>() != schema.type) {
        failure.reason = RestoreReason::WrongType;
        failure.found_type = type->get_ref<const std::string&>();
        failure.detail = schema.type;
        return restore_refused(std::move(failure));
    }

    // A missing version means the document predates versioning, which is version 1.
    int version = 1;
    if (const nlohmann::json* stored = json_field(input, "version")) {
        const bool positive_int = (stored->is_number_unsigned() && stored->get<uint64_t>() >= 1) ||
                                  (stored->is_number_integer() && stored->get<int64_t>() >= 1);
        if (!positive_int) {
            failure.reason = RestoreReason::UnreadableVersion;
            return restore_refused(std::move(failure));
        }
        const uint64_t wide = stored->get<uint64_t>();
        version = wide > uint64_t(std::numeric_limits<int>::max()) ? std::numeric_limits<int>::max() : int(wide);
    }
    if (version > schema.current_version) {
        failure.reason = RestoreReason::NewerVersion;
        failure.version = version;
        failure.current_version = schema.current_version;
        Restored result = restore_refused(std::move(failure));
        result.from_version = version;
        return result;
    }

    Restored result;
    result.from_version = version;
    result.doc = std::move(input);
    for (int v = version; v < schema.current_version; v++) {
        std::string why;
        bool upgraded = schema.migrations[size_t(v - 1)](result.doc, why);
        if (upgraded && !result.doc.is_object()) {
            upgraded = false;
            why = "the updated copy lost its fields.";
        }
        if (!upgraded) {
            failure.reason = RestoreReason::MigrationFailed;
            failure.version = v;
            failure.detail = why;
            Restored refused = restore_refused(std::move(failure));
            refused.from_version = version;
            return refused;
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

nlohmann::json document_with_pack(const DocumentSchema& schema, nlohmann::json pack)
{
    nlohmann::json doc = nlohmann::json::object();
    json_put(doc, "type", schema.type);
    json_put(doc, "version", schema.current_version);
    json_put(doc, "pack", std::move(pack));
    return doc;
}

nlohmann::json new_document(const DocumentSchema& schema)
{
    nlohmann::json doc = nlohmann::json::object();
    json_put(doc, "type", schema.type);
    json_put(doc, "version", schema.current_version);
    if (schema.fill_defaults)
        schema.fill_defaults(doc);
    return doc;
}

} // namespace wf
