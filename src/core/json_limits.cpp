// [SECTION] Checks before parsing (size, UTF-8, depth)
// [SECTION] Building the value within the budget
// [SECTION] Explaining a syntax error
// [SECTION] Footprint of a value in memory
// [SECTION] parse_json_limited

#include "core/json_limits.hpp"

#include "core/file_size_text.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

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
// [SECTION] Building the value within the budget
//-------------------------------------------------------------------------------------------------

constexpr size_t kValueCost = 64;      // a value's 16 bytes, with the slack of the array it grows in
constexpr size_t kAllocationCost = 64; // the own allocation of a string, array or object
constexpr size_t kMemberCost = 96;     // an object member's map node (80 bytes and the allocator's share)

uint64_t text_cost(std::string_view text) { return is_utf8(text) ? text.size() : 3 * text.size(); }

// Builds the value as nlohmann's own parser would, but charges every value against the budget as it
// arrives and refuses a name given twice in one object. Returning false ends the parse at once, so a
// refused file never costs more than the budget.
class BoundedBuilder : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit BoundedBuilder(size_t max_memory) : max_memory_(max_memory) {}

    nlohmann::json root;
    std::string refusal;        // set when the file is well-formed so far but refused
    bool syntax_error = false;  // the parser found text that is not JSON
    size_t error_position = 0;  // byte offset just past the offending token
    bool number_too_large = false;
    bool over_budget = false;   // refused for the memory it would take
    std::string error_token;

    bool null() override { return place(nullptr, 0); }
    bool boolean(bool value) override { return place(value, 0); }
    bool number_integer(number_integer_t value) override { return place(value, 0); }
    bool number_unsigned(number_unsigned_t value) override { return place(value, 0); }
    bool number_float(number_float_t value, const string_t&) override { return place(value, 0); }
    bool string(string_t& value) override
    {
        const size_t cost = kAllocationCost + value.size();
        return place(std::move(value), cost);
    }
    bool binary(binary_t&) override { return false; } // the JSON parser never produces one
    bool start_object(std::size_t) override { return open(nlohmann::json::object()); }
    bool start_array(std::size_t) override { return open(nlohmann::json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override
    {
        nlohmann::json& object = *open_.back();
        if (object.contains(name)) {
            refusal = "This file is not a Wayfinder file (the name " + pack_reading::in_quotes(name) +
                      " appears twice in one place, so Wayfinder cannot tell which value is meant). " + kChooseAnother;
            return false;
        }
        if (!charge(kMemberCost + name.size()))
            return false;
        member_ = &object[name];
        return true;
    }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) override
    {
        syntax_error = true;
        error_position = position;
        number_too_large = error.id == 406; // nlohmann's "number overflow" (a float past ±1.8e308)
        error_token = token;
        return false;
    }

private:
    bool charge(uint64_t cost)
    {
        memory_ += cost;
        if (memory_ <= max_memory_)
            return true;
        over_budget = true;
        refusal = "This file holds more data than Wayfinder can open at once (it would take more than " +
                  file_size_text(max_memory_) + " of memory). " + kChooseAnother;
        return false;
    }

    // Puts a finished value where the parse is: the root, the end of the open array, or the member
    // whose name came last. Returns where it went, or nullptr when the budget refused it.
    nlohmann::json* put(nlohmann::json&& value, size_t extra_cost)
    {
        if (!charge(kValueCost + extra_cost))
            return nullptr;
        if (open_.empty()) {
            root = std::move(value);
            return &root;
        }
        nlohmann::json& container = *open_.back();
        if (container.is_array()) {
            container.push_back(std::move(value));
            return &container.back();
        }
        *member_ = std::move(value);
        return member_;
    }
    bool place(nlohmann::json&& value, size_t extra_cost) { return put(std::move(value), extra_cost) != nullptr; }
    bool open(nlohmann::json&& container)
    {
        // The parent's storage does not move while this container is open: values are only added
        // to the innermost open container.
        nlohmann::json* placed = put(std::move(container), kAllocationCost);
        if (placed)
            open_.push_back(placed);
        return placed != nullptr;
    }
    bool close()
    {
        open_.pop_back();
        return true;
    }

    size_t max_memory_;
    uint64_t memory_ = 0;
    std::vector<nlohmann::json*> open_; // the arrays and objects being filled, innermost last
    nlohmann::json* member_ = nullptr;  // where the value after the last name goes
};

// Finds the top-level "type" and stops; keeps nothing else.
class TypeFinder : public nlohmann::json_sax<nlohmann::json> {
public:
    std::string type;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool string(string_t& text) override
    {
        if (!type_is_next_ || depth_ != 1)
            return value();
        type = std::move(text);
        return false; // found: stop reading
    }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override
    {
        type_is_next_ = depth_ == 1 && name == "type";
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    bool value()
    {
        type_is_next_ = false;
        return depth_ > 0; // a bare scalar has no type
    }
    bool open(bool object)
    {
        type_is_next_ = false;
        return ++depth_ > 1 || object; // an array at the top has no type
    }
    bool close()
    {
        depth_--;
        return true;
    }

    int depth_ = 0;
    bool type_is_next_ = false;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Explaining a syntax error
//-------------------------------------------------------------------------------------------------

// The parser says where the text goes wrong, so the message can tell a cut-off file from a garbled
// one, and name the line.
std::string syntax_error_message(std::string_view text, const BoundedBuilder& builder)
{
    if (builder.number_too_large)
        return "This file is not a Wayfinder file (it holds a number too large to read: " +
               pack_reading::in_quotes(builder.error_token) + "). " + kChooseAnother;
    if (builder.error_position >= text.size())
        return kIncomplete;
    const size_t error_at = builder.error_position == 0 ? 0 : builder.error_position - 1;
    size_t line = 1;
    for (size_t i = 0; i < error_at; i++)
        line += text[i] == '\n';
    return std::string("This file was not made by Wayfinder, or it was changed since: its text is not in the form "
                       "Wayfinder writes (the first problem is on line ") + std::to_string(line) + "). " + kChooseAnother;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Footprint of a value in memory
//-------------------------------------------------------------------------------------------------

void add_footprint(const nlohmann::json& value, int depth, int max_depth, JsonFootprint& footprint)
{
    footprint.memory += kValueCost;
    if (value.is_string())
        footprint.memory += kAllocationCost + text_cost(value.get_ref<const std::string&>());
    if (!value.is_array() && !value.is_object())
        return;
    footprint.memory += kAllocationCost;
    footprint.depth = std::max(footprint.depth, depth + 1);
    if (depth + 1 > max_depth)
        return;
    if (value.is_object()) {
        for (const auto& [name, member] : json_members(value)) {
            footprint.memory += kMemberCost + text_cost(name);
            add_footprint(member, depth + 1, max_depth, footprint);
        }
    } else {
        for (const nlohmann::json& element : value)
            add_footprint(element, depth + 1, max_depth, footprint);
    }
}

} // namespace

bool is_utf8(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const size_t length = utf8_sequence_length(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] parse_json_limited
//-------------------------------------------------------------------------------------------------

ParsedJson parse_json_limited(std::string_view text, const ParseLimits& limits)
{
    ParsedJson result;
    if (text.size() > limits.max_bytes) {
        result.too_large = true;
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

    BoundedBuilder builder(limits.max_memory);
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder)) {
        result.error = builder.syntax_error ? syntax_error_message(text, builder) : builder.refusal;
        result.too_large = builder.over_budget;
        return result;
    }
    result.value = std::move(builder.root);
    result.ok = true;
    return result;
}

std::string peek_json_type(std::string_view text)
{
    TypeFinder finder;
    nlohmann::json::sax_parse(text.begin(), text.end(), &finder);
    return finder.type;
}

JsonFootprint json_footprint(const nlohmann::json& value, int max_depth)
{
    JsonFootprint footprint;
    add_footprint(value, 0, max_depth, footprint);
    return footprint;
}

JsonFootprint json_member_footprint(std::string_view name, const nlohmann::json& value, int max_depth)
{
    JsonFootprint footprint;
    footprint.memory = kMemberCost + text_cost(name);
    add_footprint(value, 0, max_depth, footprint);
    return footprint;
}

} // namespace wf
