// Reading content packs (framework packs, journey packs): the checks and the sentences that tell a
// pack author exactly what is wrong and where. Shared by framework_pack.cpp and journey_pack.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_limits.hpp"

namespace wf::pack_reading {

using Problems = std::vector<std::string>;   // full sentences, in document order

size_t utf8_length(std::string_view text);                           // in code points
std::string utf8_prefix(std::string_view text, size_t max_code_points);
// Text from a file, fit for a sentence: shortened past `max_code_points` (ending in "…"), control
// characters shown as '?' (a NUL would end the message early).
std::string excerpt(std::string_view text, size_t max_code_points);
std::string in_quotes(std::string_view text);                        // “excerpt”, of at most 40 code points
std::string plural(size_t count, const char* singular, const char* plural_form);   // "3 areas"
std::string named(const std::string& kind, const std::string& id, size_t index);  // "area “x”" or "area 3"
std::string uppercase_first(std::string text);
std::string lowercase_first(std::string sentence);

enum class Presence { required, optional };

struct TextRule {
    const char* label;   // how the field is named in a sentence: "short name"
    size_t max_length;   // code points
    Presence presence;   // optional fields may also be blank: blank reads as "none"
};

// Sets `out` to the field's text, or "" (with the reason recorded) when it is missing, blank, not
// text or too long. An out parameter rather than a result: a pack reader reads dozens of fields, and
// each assigned result costs a temporary string's code at the call site.
void read_text(const nlohmann::json& object, std::string_view key, const TextRule& rule, const std::string& owner,
               Problems& problems, std::string& out);

// The reasons that stop reading altogether: without the right envelope nothing else can be trusted.
struct EnvelopeCheck {
    std::string problem;     // empty when the envelope is fine
    bool newer = false;      // the pack needs a newer Wayfinder, not a fix
};
// Checks {"type": pack_type, "format": n <= newest_format}; `noun` names the kind in sentences ("journey pack").
EnvelopeCheck check_pack_envelope(const nlohmann::json& pack, const char* pack_type, const char* noun, int newest_format);

// The envelope a pack file is written with, as check_pack_envelope reads it back: type, format, id,
// version, title and description; each pack's writer adds its own fields after.
nlohmann::json pack_envelope(const char* pack_type, int format, const std::string& id, const std::string& version,
                             const std::string& title, const std::string& description);

// What to do about an envelope problem: update Wayfinder for a newer pack, else choose the right kind of
// file. `pack_type` and `noun` as for check_pack_envelope.
std::string envelope_advice(const EnvelopeCheck& envelope, const char* pack_type, const char* noun);

// Advice for a pack that is broken (not one that needs a newer Wayfinder).
inline constexpr const char* kFixPackAdvice = "Fix it in the pack file or ask whoever shared it for a corrected copy.";
// "This <noun> cannot be used: <first problem> It has N more problems besides. <advice>"
std::string refusal_message(const char* noun, const Problems& problems, const std::string& advice);

// A pack's text, parsed within the JSON limits and read by `from_json`. Text that is not JSON gives a
// `Load` that says `cannot_use` (e.g. "This journey pack cannot be used. ") and the parser's reason.
template <typename Load, typename FromJson>
Load load_pack_text(std::string_view json_text, const char* cannot_use, FromJson from_json)
{
    const ParsedJson parsed = parse_json_limited(json_text);
    if (!parsed.ok) {
        Load result;
        result.error = cannot_use + parsed.error;
        result.problems = {parsed.error};
        return result;
    }
    return from_json(parsed.value);
}

} // namespace wf::pack_reading
