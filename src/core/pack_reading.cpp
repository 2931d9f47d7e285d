#include "core/pack_reading.hpp"

#include <cstdint>

#include "core/json_fields.hpp"
#include "core/text_stats.hpp"

namespace wf::pack_reading {

using nlohmann::json;

namespace {
constexpr size_t kMaxQuotedLength = 40; // how much of a bad value a problem sentence repeats
} // namespace

// Counts lead bytes: a label of 24 accented letters is 24 characters on screen, not 48 bytes.
size_t utf8_length(std::string_view text)
{
    size_t count = 0;
    for (const char c : text)
        count += (uint8_t(c) & 0xC0) != 0x80;
    return count;
}

std::string utf8_prefix(std::string_view text, size_t max_code_points)
{
    size_t count = 0, end = 0;
    for (; end < text.size(); end++) {
        if ((uint8_t(text[end]) & 0xC0) != 0x80 && count++ == max_code_points)
            break;
    }
    return std::string(text.substr(0, end));
}


std::string excerpt(std::string_view text, size_t max_code_points)
{
    std::string shown = utf8_length(text) <= max_code_points ? std::string(text) : utf8_prefix(text, max_code_points) + "…";
    for (char& c : shown)
        if (uint8_t(c) < 0x20 || c == 0x7F)
            c = '?';
    return shown;
}

std::string in_quotes(std::string_view text) { return "“" + excerpt(text, kMaxQuotedLength) + "”"; }

std::string plural(size_t count, const char* singular, const char* plural_form)
{
    return std::to_string(count) + " " + (count == 1 ? singular : plural_form);
}

// "area “curates-digital-resources”" when the id is usable, else "area 3": a pack author finds it
// either way.
std::string named(const std::string& kind, const std::string& id, size_t index)
{
    if (!id.empty())
        return kind + " " + in_quotes(id);
    return kind + " " + std::to_string(index + 1);
}

// Owners are written mid-sentence ("the pack", "step “research”"); some sentences start with one.
std::string uppercase_first(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = char(text[0] - 'a' + 'A');
    return text;
}

// Problems are full sentences for the author's list; the summary puts the first after a colon.
std::string lowercase_first(std::string sentence)
{
    const bool ordinary_word = sentence.size() > 1 && sentence[0] >= 'A' && sentence[0] <= 'Z' && sentence[1] >= 'a' &&
                               sentence[1] <= 'z';
    if (ordinary_word)
        sentence[0] = char(sentence[0] - 'A' + 'a');
    return sentence;
}

// Sets `out` to the field's text, or "" (with the reason recorded) when it is missing, blank, not text or too long.
void read_text(const json& object, std::string_view key, const TextRule& rule, const std::string& owner,
               Problems& problems, std::string& out)
{
    out.clear();
    const std::string field = std::string("The ") + rule.label + " of " + owner;
    const json* value = json_field(object, key);
    if (!value || value->is_null()) {
        if (rule.presence == Presence::required)
            problems.push_back(field + " is missing.");
        return;
    }
    if (!value->is_string()) {
        problems.push_back(field + " must be text.");
        return;
    }
    const std::string& text = value->get_ref<const std::string&>();
    if (rule.presence == Presence::required && is_blank(text)) {
        problems.push_back(field + " is empty.");
        return;
    }
    const size_t length = utf8_length(text);
    if (length > rule.max_length) {
        problems.push_back(field + " is too long: " + std::to_string(length) + " characters, where at most " +
                           std::to_string(rule.max_length) + " are allowed.");
        return;
    }
    out = text;
}

json pack_envelope(const char* pack_type, int format, const std::string& id, const std::string& version,
                   const std::string& title, const std::string& description)
{
    json out = json::object();
    json_put(out, "type", pack_type);
    json_put(out, "format", format);
    json_put(out, "id", id);
    json_put(out, "version", version);
    json_put(out, "title", title);
    json_put(out, "description", description);
    return out;
}

EnvelopeCheck check_pack_envelope(const json& pack, const char* pack_type, const char* noun, int newest_format)
{
    if (!pack.is_object())
        return {std::string("The file does not hold a ") + noun + " (its contents are not a JSON object).", false};

    const json* type = json_field(pack, "type");
    if (!type || !type->is_string())
        return {std::string("The file does not say it is a ") + noun + " (its \"type\" should be \"" + pack_type +
                    "\").",
                false};
    const std::string& type_text = type->get_ref<const std::string&>();
    if (type_text != pack_type) {
        if (type_text.rfind("wayfinder.", 0) == 0)
            return {"The file is a different kind of Wayfinder file (" + in_quotes(type_text) + "), not a " + std::string(noun) + ".",
                    false};
        return {"The file's type is " + in_quotes(type_text) + ", not \"" + pack_type + "\".", false};
    }

    // A pack without "format" predates the field, which makes it format 1.
    const json* format = json_field(pack, "format");
    if (!format)
        return {};
    const bool whole_number = format->is_number_unsigned() || format->is_number_integer();
    if (!whole_number || format->get<int64_t>() < 1)
        return {"The pack's format is unreadable (it should be a whole number such as 1), so Wayfinder cannot tell how "
                "to read it.",
                false};
    const uint64_t found = format->get<uint64_t>();
    if (found > uint64_t(newest_format))
        return {"The pack was made for a newer Wayfinder (pack format " + std::to_string(found) + "; this Wayfinder reads up "
                "to format " + std::to_string(newest_format) + ").",
                true};
    return {};
}

std::string envelope_advice(const EnvelopeCheck& envelope, const char* pack_type, const char* noun)
{
    if (envelope.newer)
        return "Reload Wayfinder while online to update it, then load the pack again.";
    return "Choose a Wayfinder " + std::string(noun) + " (a .json file whose \"type\" is \"" + pack_type + "\").";
}

std::string refusal_message(const char* noun, const Problems& problems, const std::string& advice)
{
    std::string message = std::string("This ") + noun + " cannot be used: " + lowercase_first(problems.front());
    if (problems.size() > 1)
        message += " It has " + plural(problems.size() - 1, "more problem", "more problems") + " besides.";
    return message + " " + advice;
}

} // namespace wf::pack_reading
