#include "core/number_text.hpp"

#include <cstdio>
#include <doctest/doctest.h>

namespace {

// The C library's own formatting is the specification the app's text used to come from.
std::string printf_f(double value, int digits)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

} // namespace

TEST_CASE("a decimal reads as printf's %.Nf wrote it, ties and all")
{
    CHECK(wf::decimal(3.5, 1) == "3.5");
    CHECK(wf::decimal(2.25, 1) == "2.2");   // an exact tie goes to the even digit
    CHECK(wf::decimal(2.35, 1) == "2.4");   // stored just above the tie
    CHECK(wf::decimal(0.15, 1) == "0.1");   // stored just below it
    CHECK(wf::decimal(0.5, 0) == "0");
    CHECK(wf::decimal(1.5, 0) == "2");
    CHECK(wf::decimal(9.96, 1) == "10.0");  // the carry reaches the whole part
    CHECK(wf::decimal(-0.04, 1) == "-0.0");
    CHECK(wf::decimal(1024, 0) == "1024");
    CHECK(wf::decimal(4.0 / 3.0, 3) == "1.333");
    // Every step of 1/1024 from -10 to 10 (exact ties for every digit count), then a spread of values
    // with no short binary form, at every digit count the app could ask for.
    for (int digits = 0; digits <= 4; digits++) {
        for (int i = -10 * 1024; i <= 10 * 1024; i++)
            REQUIRE(wf::decimal(i / 1024.0, digits) == printf_f(i / 1024.0, digits));
        double x = 0.001;
        for (int i = 0; i < 20000; i++, x = x * 1.0007 + 0.000013)
            REQUIRE(wf::decimal(x, digits) == printf_f(x, digits));
    }
    CHECK(wf::decimal(123456789012.0625, 3) == printf_f(123456789012.0625, 3));
    CHECK(wf::decimal(9007199254740993.0, 1) == printf_f(9007199254740993.0, 1));
}

TEST_CASE("integers are padded with zeros to a width, as in dates and ids")
{
    CHECK(wf::padded(7, 2) == "07");
    CHECK(wf::padded(2027, 4) == "2027");
    CHECK(wf::padded(12345, 4) == "12345");
    CHECK(wf::padded(-5, 4) == "-005");
    CHECK(wf::padded(0, 0) == "0");
    CHECK(wf::padded(-9223372036854775807LL - 1, 2) == "-9223372036854775808");
    CHECK(wf::hex(255, 4) == "00ff");
    CHECK(wf::hex(0, 3) == "000");
    CHECK(wf::hex(0x123456789abcdefULL, 6) == "123456789abcdef");
}
