// [SECTION] Checks before parsing (size, UTF-8, depth)
// [SECTION] Locating a syntax error
// [SECTION] parse_json_limited

#include "core/json_limits.hpp"

#include "core/file_size_text.hpp"

#include <cstdint>

namespace wf {

namespace {

constexpr const char* kChooseAnother = "Choose a file exported from Wayfinder.";
constexpr const char* kIncomplete = "This file is incomplete: it ends in the middle of its data. It may not have "
                                    "finished downloading or copying; get a complete copy and try again.";

//-------------------------------------------------------------------------------------------------
// [SECTION] Checks before parsing (size, UTF-8, depth)
//-------------------------------------------------------------------------------------------------

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is ill-formed
// (overlong forms, surrogates and code points above U+10FFFF included).
size_t utf8_sequence_length(std::string_view text, size_t i)
{
    const auto byte = [&](size_t k) { return uint8_t(text[k]); };
    const uint8_t lead = byte(i);
    if (lead < 0x80)
        return 1;
    size_t length = 0;
    uint8_t lowest = 0x80, highest = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF)      length = 2;
    else if (lead == 0xE0)                 { length = 3; lowest = 0xA0; }
    else if (lead == 0xED)                 { length = 3; highest = 0x9F; }
    else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
    else if (lead == 0xF0)                 { length = 4; lowest = 0x90; }
    else if (lead == 0xF4)                 { length = 4; highest = 0x8F; }
    else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
    else                                   return 0;
    if (i + length > text.size())
        return 0;
    if (byte(i + 1) < lowest || byte(i + 1) > highest)
        return 0;
    for (size_t k = 2; k < length; k++)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    return length;
}

// One linear pass, so hostile input is refused before the parser (or a recursive destructor)
// ever sees it. Returns an error, or an empty string when the text may be parsed.
std::string check_before_parsing(std::string_view text, int max_depth)
{
    int depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < text.size();) {
        const size_t length = utf8_sequence_length(text, i);
        const bool cut_inside_character = length == 0 && text.size() - i < 4 && uint8_t(text[i]) >= 0xC2;
        if (cut_inside_character)
            return kIncomplete;
        if (length == 0)
            return std::string("This file is not a Wayfinder file (its text is not in UTF-8, the encoding Wayfinder "
                               "always writes). ") + kChooseAnother;
        const char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return "This file is not a Wayfinder file (its data is nested more than " + std::to_string(max_depth) +
                       " levels deep). " + kChooseAnother;
        } else if (c == ']' || c == '}') {
            depth--;
        }
        i += length;
    }
    return {};
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Locating a syntax error
//-------------------------------------------------------------------------------------------------

// Parsing without exceptions only says "discarded". On that (rare) path a second, validating pass
// finds where the text goes wrong, so the message can tell a cut-off file from a garbled one.
class SyntaxErrorFinder : public nlohmann::json_sax<nlohmann::json> {
public:
    size_t error_position = 0; // byte offset just past the offending token

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override
    {
        error_position = position;
        return false;
    }
};

std::string syntax_error_message(std::string_view text)
{
    SyntaxErrorFinder finder;
    nlohmann::json::sax_parse(text.begin(), text.end(), &finder);
    if (finder.error_position >= text.size())
        return kIncomplete;
    const size_t error_at = finder.error_position == 0 ? 0 : finder.error_position - 1;
    size_t line = 1;
    for (size_t i = 0; i < error_at; i++)
        line += text[i] == '\n';
    return std::string("This file is not a Wayfinder file (it is not valid JSON). ") + kChooseAnother +
           " (The problem is on line " + std::to_string(line) + ".)";
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] parse_json_limited
//-------------------------------------------------------------------------------------------------

ParsedJson parse_json_limited(std::string_view text, const ParseLimits& limits)
{
    ParsedJson result;
    if (text.size() > limits.max_bytes) {
        result.error = "This file is too large to open (" + file_size_text(text.size()) + "; Wayfinder opens files up to " +
                       file_size_text(limits.max_bytes) + "). " + kChooseAnother;
        return result;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        result.error = std::string("This file is empty. ") + kChooseAnother;
        return result;
    }
    result.error = check_before_parsing(text, limits.max_depth);
    if (!result.error.empty())
        return result;

    result.value = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (result.value.is_discarded()) {
        result.value = nullptr;
        result.error = syntax_error_message(text);
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace wf
