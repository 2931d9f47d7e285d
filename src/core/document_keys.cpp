#include "core/document_keys.hpp"

#include "core/document_registry.hpp"
#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/pack_reading.hpp"

#include <cstdint>

namespace wf {

namespace {

// Control characters: C0, DEL, and C1 (U+0080..U+009F, encoded C2 80..C2 9F).
bool has_control_character(std::string_view text)
{
    for (size_t i = 0; i < text.size(); i++) {
        const uint8_t byte = uint8_t(text[i]);
        if (byte < 0x20 || byte == 0x7F || (byte == 0xC2 && i + 1 < text.size() && uint8_t(text[i + 1]) < 0xA0))
            return true;
    }
    return false;
}

std::string key_scheme(const DocumentSchema& schema)
{
    const std::string noun = schema.noun;
    if (!has_key_prefix(schema))
        return "a " + noun + " must be stored as " + pack_reading::in_quotes(schema.key);
    return "a " + noun + " must be stored under " + pack_reading::in_quotes(schema.key) + " followed by its id";
}

} // namespace

std::string document_key_problem(std::string_view key, const nlohmann::json& doc)
{
    if (key.empty())
        return "its name is empty";
    if (key.size() > kMaxKeyLength)
        return "its name is longer than " + std::to_string(kMaxKeyLength) + " characters";
    if (!is_utf8(key))
        return "its name is not valid text";
    if (has_control_character(key))
        return "its name contains control characters";

    const DocumentSchema* schema = schema_for_type(json_string(doc, "type"));
    if (schema && schema->key) {
        if (!key_fits(key, *schema))
            return key_scheme(*schema);
        return {};
    }
    for (const DocumentSchema* known : document_schemas())
        if (known->key && key_fits(key, *known))
            return "the name belongs to a " + std::string(known->noun) + ", but the item is something else";
    return {};
}

} // namespace wf
