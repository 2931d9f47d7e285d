#include "core/json_limits.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include "heap_use.hpp"
#include "test_support.hpp"

using namespace wf::test;

using wf::json_footprint;
using wf::peek_json_type;
using wf::parse_json_limited;
using wf::ParseLimits;

namespace {

// `count` copies of `element`, comma-separated, in one array.
std::string array_of(const std::string& element, size_t count)
{
    std::string text = "[";
    text.reserve(count * (element.size() + 1) + 2);
    for (size_t i = 0; i < count; i++) {
        text += element;
        text += i + 1 < count ? "," : "]";
    }
    return text;
}

// An object of `count` members "0", "1", … all holding 0.
std::string object_of_members(size_t count)
{
    std::string text = "{";
    for (size_t i = 0; i < count; i++)
        text += "\"" + std::to_string(i) + "\":0" + (i + 1 < count ? "," : "}");
    return text;
}

const std::string kTooMuchData = "This file holds more data than Wayfinder can open at once";

} // namespace

TEST_CASE("a well-formed file parses to its value")
{
    const auto parsed = parse_json_limited(R"({"type": "wayfinder.profile", "name": "Ana Pérez"})");
    REQUIRE(parsed.ok);
    CHECK(parsed.error.empty());
    CHECK(parsed.value["name"] == "Ana Pérez");
}

TEST_CASE("a file saved with a byte order mark still opens")
{
    const auto parsed = parse_json_limited("\xEF\xBB\xBF{\"a\": 1}");
    REQUIRE(parsed.ok);
    CHECK(parsed.value["a"] == 1);
}

TEST_CASE("an empty file is refused as empty")
{
    for (const char* text : {"", "   \n\t ", "\xEF\xBB\xBF"}) {
        const auto parsed = parse_json_limited(text);
        CHECK_FALSE(parsed.ok);
        CHECK(parsed.error == "This file is empty. Choose a file exported from Wayfinder.");
    }
}

TEST_CASE("a file over the size limit is refused before parsing, naming the limit in MB")
{
    ParseLimits limits;
    limits.max_bytes = 1u << 20;
    const std::string two_megabytes = "[" + std::string((2u << 20) - 2, ' ') + "]";
    const auto parsed = parse_json_limited(two_megabytes, limits);
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error == "This file is too large to open (2 MB; Wayfinder opens files up to 1 MB). "
                          "Choose a file exported from Wayfinder.");
    CHECK(parse_json_limited(two_megabytes).ok); // the default limit is 32 MB
}

TEST_CASE("a million nested brackets are refused without recursing")
{
    const std::string deep(1000000, '[');
    const auto parsed = parse_json_limited(deep);
    CHECK_FALSE(parsed.ok);
    CHECK(contains(parsed.error, "nested more than 64 levels deep"));
}

TEST_CASE("nesting up to the limit opens and one level more does not")
{
    ParseLimits limits;
    limits.max_depth = 5;
    CHECK(parse_json_limited("[[[[{\"a\": 1}]]]]", limits).ok);
    CHECK_FALSE(parse_json_limited("[[[[[{\"a\": 1}]]]]]", limits).ok);
}

TEST_CASE("brackets inside text do not count as nesting, even after escaped quotes")
{
    ParseLimits limits;
    limits.max_depth = 2;
    const auto parsed = parse_json_limited(R"({"note": "[[[[ \" {{{{ \\", "list": [1]})", limits);
    REQUIRE(parsed.ok);
    CHECK(parsed.value["note"] == "[[[[ \" {{{{ \\");
}

TEST_CASE("a file cut off part way is reported as incomplete")
{
    for (const char* text : {R"({"type": "wayfinder.profile", "name": "Ana)", R"({"a": [1, 2, )", "{",
                             "{\"name\": \"Ana P\xC3" /* cut inside the two bytes of "é" */}) {
        const auto parsed = parse_json_limited(text);
        CHECK_FALSE(parsed.ok);
        CHECK(contains(parsed.error, "This file is incomplete"));
    }
}

TEST_CASE("a garbled file is reported in plain words as not made by Wayfinder, with the line of the problem")
{
    const auto parsed = parse_json_limited("{\n  \"a\": 1,\n  \"b\": ?\n}");
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error == "This file was not made by Wayfinder, or it was changed since: its text is not in the form "
                          "Wayfinder writes (the first problem is on line 3). Choose a file exported from Wayfinder.");
    CHECK(contains(parse_json_limited("{} trailing words").error, "not made by Wayfinder"));
    CHECK(contains(parse_json_limited("Dear principal, ...").error, "not made by Wayfinder"));
    CHECK_FALSE(contains(parse_json_limited("Dear principal, ...").error, "JSON"));   // no jargon
}

TEST_CASE("text that is not UTF-8 is refused, inside or outside strings")
{
    CHECK(contains(parse_json_limited("{\"name\": \"Ana P\xE9rez\"}").error, "not in UTF-8")); // Latin-1 é
    CHECK(contains(parse_json_limited("{\"name\": \"\xED\xA0\x80\"}").error, "not in UTF-8")); // a lone surrogate
    CHECK(contains(parse_json_limited("\x89PNG\r\n\x1A\n").error, "not in UTF-8"));            // a picture
    CHECK(parse_json_limited("{\"name\": \"Ana — “notes” ñ ü 📚\"}").ok);
}

TEST_CASE("100,000 levels of nesting are refused before parsing, arrays or objects")
{
    for (const std::string& open : {std::string("["), std::string("{\"a\":")}) {
        std::string deep;
        for (int i = 0; i < 100000; i++)
            deep += open;
        deep += "1";
        deep += std::string(100000, open == "[" ? ']' : '}');
        const auto parsed = parse_json_limited(deep);
        CHECK_FALSE(parsed.ok);
        CHECK(parsed.error == "This file is not a Wayfinder file (its data is nested more than 64 levels deep). "
                              "Choose a file exported from Wayfinder.");
    }
}

TEST_CASE("a 50 MB string is refused by its size, without being read")
{
    const std::string fifty_megabytes = "{\"note\": \"" + std::string(50u << 20, 'a') + "\"}";
    const HeapPeak peak;
    const auto parsed = parse_json_limited(fifty_megabytes);
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error == "This file is too large to open (50 MB; Wayfinder opens files up to 32 MB). "
                          "Choose a file exported from Wayfinder.");
    CHECK(peak.bytes() < (64u << 10));
}

TEST_CASE("a name given twice in one object is refused: Wayfinder cannot tell which value is meant")
{
    const auto parsed = parse_json_limited(R"({"type": "wayfinder.profile", "name": "Ana", "name": "Eve"})");
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error == "This file is not a Wayfinder file (the name \u201Cname\u201D appears twice in one place, so "
                          "Wayfinder cannot tell which value is meant). Choose a file exported from Wayfinder.");
    CHECK(contains(parse_json_limited(R"({"a": {"b": 1, "b": 1}})").error, "\u201Cb\u201D appears twice"));
    CHECK(contains(parse_json_limited("{\"a\\u0000b\": 1, \"a\\u0000b\": 2}").error, "\u201Ca?b\u201D appears twice"));
    CHECK(parse_json_limited(R"({"a": {"b": 1}, "c": {"b": 2}, "b": [{"b": 1}, {"b": 2}]})").ok); // one per object is fine
}

TEST_CASE("a number too large to hold (1e400) is refused, naming the number")
{
    for (const char* number : {"1e400", "-1e400", "1.5E+999"}) {
        const auto parsed = parse_json_limited(std::string("{\"rating\": ") + number + "}");
        CHECK_FALSE(parsed.ok);
        CHECK(parsed.error == std::string("This file is not a Wayfinder file (it holds a number too large to read: "
                                          "\u201C") + number + "\u201D). Choose a file exported from Wayfinder.");
    }
    const auto large = parse_json_limited("[1e308, -1e308, 123456789012345678901234567890]");
    REQUIRE(large.ok);
    CHECK(large.value[2].is_number_float());
}

TEST_CASE("millions of tiny elements are refused within the memory budget, whatever their kind")
{
    // 30 MB of text (under the 32 MB size limit) that would take gigabytes parsed; checked against a
    // 16 MB budget for each kind of element, and the real one for one kind.
    ParseLimits small_budget;
    small_budget.max_memory = 16u << 20;
    for (const char* element : {"0", "[]", "{}", "\"\"", "null"}) {
        CAPTURE(element);
        const std::string text = array_of(element, (30u << 20) / (std::strlen(element) + 1));
        const HeapPeak peak;
        const auto parsed = parse_json_limited(text, small_budget);
        CHECK_FALSE(parsed.ok);
        CHECK(parsed.error == kTooMuchData + " (it would take more than 16 MB of memory). Choose a file exported "
                                             "from Wayfinder.");
        CHECK(peak.bytes() <= small_budget.max_memory);
    }
    const std::string text = array_of("[]", 10u << 20);
    const HeapPeak peak;
    CHECK(parse_json_limited(text).error == kTooMuchData + " (it would take more than 128 MB of memory). Choose a "
                                                           "file exported from Wayfinder.");
    CHECK(peak.bytes() <= ParseLimits{}.max_memory);
}

TEST_CASE("the memory charged for a value is never less than parsing it really takes")
{
    for (const std::string& text : {array_of("0", 100000), array_of("[]", 100000), array_of("{}", 100000),
                                    array_of("\"\"", 100000), array_of("\"a string longer than fifteen bytes\"", 50000),
                                    array_of("[0,1]", 50000), object_of_members(50000),
                                    array_of("{\"key longer than fifteen\":{\"a\":[]}}", 30000),
                                    read_fixture("workspace-v1.json")}) {
        const HeapPeak peak;
        const auto parsed = parse_json_limited(text);
        REQUIRE(parsed.ok);
        CHECK(peak.bytes() <= json_footprint(parsed.value, 64).memory);
    }
}

TEST_CASE("a value parses within a budget of exactly its footprint, and not one byte less")
{
    for (const std::string& text : {read_fixture("workspace-v1.json"), read_fixture("journey-pack-district.json"),
                                    std::string(R"([1, "two", {"three": [3.0, null, true]}, {}, []])")}) {
        ParseLimits limits;
        limits.max_memory = json_footprint(parse_json_limited(text).value, 64).memory;
        CHECK(parse_json_limited(text, limits).ok);
        limits.max_memory--;
        CHECK(contains(parse_json_limited(text, limits).error, kTooMuchData));
    }
}

TEST_CASE("a value's footprint gives how deeply it nests")
{
    CHECK(json_footprint(nlohmann::json(1), 64).depth == 0);
    CHECK(json_footprint(nlohmann::json::parse(R"({"a": [1, {"b": {}}]})"), 64).depth == 4);
    CHECK(json_footprint(nlohmann::json::parse("[[[[[[1]]]]]]"), 3).depth == 4); // stops one past the limit
}

TEST_CASE("a file's type is read without parsing the rest, wherever it stands in the object")
{
    CHECK(peek_json_type(R"({"type": "wayfinder.item", "item": {"type": "wayfinder.assessment"}})") == "wayfinder.item");
    CHECK(peek_json_type(R"({"item": {"type": "wayfinder.assessment"}, "type": "wayfinder.item"})") == "wayfinder.item");
    CHECK(peek_json_type(R"({"type": "wayfinder.item", "rest": [1, 2, )") == "wayfinder.item"); // stops before the damage
    CHECK(peek_json_type(R"({"item": {"type": "wayfinder.assessment"}})").empty());
    CHECK(peek_json_type(R"({"type": 3})").empty());
    CHECK(peek_json_type(R"(["type", "wayfinder.item"])").empty());
    CHECK(peek_json_type(R"("wayfinder.item")").empty());
    CHECK(peek_json_type("not json").empty());
    const std::string large = "{\"list\": " + array_of("{}", 500000) + ", \"type\": \"wayfinder.workspace\"}";
    const HeapPeak peak;
    CHECK(peek_json_type(large) == "wayfinder.workspace");
    CHECK(peak.bytes() <= 3 * large.size()); // only the parser's scratch; parsed, it would take 60 MB
}

TEST_CASE("the parser's scratch copy of what lies between two values stays within three times the text")
{
    // nlohmann's lexer keeps every character since the last string or number in a vector that doubles
    // as it grows; only files Wayfinder never writes have long stretches without one.
    for (const std::string& text : {"[" + std::string(30u << 20, ' ') + "]", array_of("[]", 2000000)}) {
        const HeapPeak peak;
        parse_json_limited(text);
        CHECK(peak.bytes() <= 3 * text.size() + ParseLimits{}.max_memory);
    }
}
