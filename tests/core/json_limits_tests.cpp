#include "core/json_limits.hpp"

#include <doctest/doctest.h>

#include <string>
#include "test_support.hpp"

using namespace wf::test;

using wf::parse_json_limited;
using wf::ParseLimits;

namespace {

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

TEST_CASE("a garbled file is reported as not JSON, with the line of the problem")
{
    const auto parsed = parse_json_limited("{\n  \"a\": 1,\n  \"b\": ?\n}");
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error == "This file is not a Wayfinder file (it is not valid JSON). Choose a file exported from "
                          "Wayfinder. (The problem is on line 3.)");
    CHECK(contains(parse_json_limited("{} trailing words").error, "not valid JSON"));
    CHECK(contains(parse_json_limited("Dear principal, ...").error, "not valid JSON"));
}

TEST_CASE("text that is not UTF-8 is refused, inside or outside strings")
{
    CHECK(contains(parse_json_limited("{\"name\": \"Ana P\xE9rez\"}").error, "not in UTF-8")); // Latin-1 é
    CHECK(contains(parse_json_limited("{\"name\": \"\xED\xA0\x80\"}").error, "not in UTF-8")); // a lone surrogate
    CHECK(contains(parse_json_limited("\x89PNG\r\n\x1A\n").error, "not in UTF-8"));            // a picture
    CHECK(parse_json_limited("{\"name\": \"Ana — “notes” ñ ü 📚\"}").ok);
}
