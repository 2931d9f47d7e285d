#include "core/dates.hpp"

#include <doctest/doctest.h>

using wf::DateOrder;
using wf::read_date;

namespace {
constexpr const char* kToday = "2026-09-14";   // a Monday
std::string us(const char* text) { return read_date(text, DateOrder::MonthDayYear, kToday).iso; }
std::string uk(const char* text) { return read_date(text, DateOrder::DayMonthYear, kToday).iso; }
} // namespace

TEST_CASE("a date written the common ways is read as the same ISO date")
{
    CHECK(us("2026-12-01") == "2026-12-01");
    CHECK(us("2026-12-1") == "2026-12-01");
    CHECK(us("2026/12/01") == "2026-12-01");
    CHECK(us("2026.12.01") == "2026-12-01");
    CHECK(us("1 Dec 2026") == "2026-12-01");
    CHECK(us("1 December 2026") == "2026-12-01");
    CHECK(us("1st December 2026") == "2026-12-01");
    CHECK(us("1st of December, 2026") == "2026-12-01");
    CHECK(us("Dec 1 2026") == "2026-12-01");
    CHECK(us("Dec. 1, 2026") == "2026-12-01");
    CHECK(us("December 1, 2026") == "2026-12-01");
    CHECK(us("december 1st, 2026") == "2026-12-01");
    CHECK(us("DECEMBER 1 2026") == "2026-12-01");
    CHECK(us("2026 Dec 1") == "2026-12-01");
    CHECK(us("1-Dec-2026") == "2026-12-01");
    CHECK(us("1 Dec 26") == "2026-12-01");
    CHECK(us("12/1/2026") == "2026-12-01");
    CHECK(us("12-1-2026") == "2026-12-01");
    CHECK(us("12/01/26") == "2026-12-01");
    CHECK(us("  12 / 1 / 2026  ") == "2026-12-01");
    CHECK(us("1.12.2026") == "2026-12-01");
    CHECK(us("01.12.26") == "2026-12-01");
    CHECK(us("Tue 1 Dec 2026") == "2026-12-01");
    CHECK(us("Tuesday, December 1, 2026") == "2026-12-01");
    CHECK(us("tues. 1st dec 2026") == "2026-12-01");
    CHECK(us("1 Sept 2026") == "2026-09-01");
    CHECK(us("2026\xE2\x80\x93" "12\xE2\x80\x93" "01") == "2026-12-01");   // en dashes
}

TEST_CASE("an all-number date with both numbers under 13 follows the browser's language; otherwise there is one reading")
{
    CHECK(us("1/12/2026") == "2026-01-12");
    CHECK(uk("1/12/2026") == "2026-12-01");
    CHECK(read_date("1/12/2026", DateOrder::YearMonthDay, kToday).iso == "2026-12-01");   // year-last dates: day first
    CHECK(us("13/1/2026") == "2026-01-13");
    CHECK(uk("1/13/2026") == "2026-01-13");
    // Dots are day first in every language that writes them.
    CHECK(us("1.12.2026") == "2026-12-01");
    // Year first is year, month, day in every language.
    CHECK(uk("2026-01-12") == "2026-01-12");
}

TEST_CASE("a date typed without its year is the next one to come")
{
    CHECK(us("1 Dec") == "2026-12-01");
    CHECK(us("December 1st") == "2026-12-01");
    CHECK(us("14 September") == "2026-09-14");     // today counts
    CHECK(us("13 Sep") == "2027-09-13");           // yesterday's date is next year's
    CHECK(us("Feb 29") == "2028-02-29");           // waits for a leap year
    CHECK(read_date("1 Dec", DateOrder::MonthDayYear, "").iso.empty());
    CHECK(us("12/1").empty());                     // numbers alone need their year
}

TEST_CASE("text that is not a date is never read as one")
{
    for (const char* text : {"", "   ", "next week", "soon", "2026", "12/2026", "1 2 3 4", "2027-13-40", "2027-02-30",
                             "31/31/2026", "0/1/2026", "1/0/2026", "32 Dec 2026", "1 Dec 202", "1 Dec 2", "12:30 1 Dec 2026",
                             "1 Dec 2026 at noon", "1 déc 2026", "Dec Jan 1 2026", "1 Dec 2026 2027", "12345-1-1",
                             "1 Dec 1850", "1 Dec 2300", "0202-12-01", "the 1st of December 2026", "1 st Dec 2026",
                             "2026-12-01T10:00:00Z", "Mon"}) {
        CAPTURE(text);
        CHECK(us(text).empty());
    }
}

TEST_CASE("a date that cannot be says why, in plain words")
{
    CHECK(read_date("30 February 2027", DateOrder::MonthDayYear, kToday).problem == "February 2027 has only 28 days.");
    CHECK(read_date("2028-02-30", DateOrder::MonthDayYear, kToday).problem == "February 2028 has only 29 days.");
    CHECK(read_date("Mon 1 Dec 2026", DateOrder::MonthDayYear, kToday).problem == "December 1, 2026 is a Tuesday, not a Monday.");
    CHECK(read_date("December 2026", DateOrder::MonthDayYear, kToday).problem == "Add the day, as in 15 December 2026.");
    CHECK(read_date("next week", DateOrder::MonthDayYear, kToday).problem.empty());
}

TEST_CASE("weekdays and month lengths follow the Gregorian calendar")
{
    CHECK(wf::weekday_name("2026-12-01") == "Tuesday");
    CHECK(wf::weekday_name("1970-01-01") == "Thursday");
    CHECK(wf::weekday_name("2000-02-29") == "Tuesday");
    CHECK(wf::weekday_name("2100-03-01") == "Monday");
    CHECK(wf::weekday_name("2100-02-29").empty());
    CHECK(wf::weekday_name("next week").empty());
    CHECK(wf::days_in_month(2028, 2) == 29);
    CHECK(wf::days_in_month(2100, 2) == 28);
    CHECK(wf::days_in_month(2000, 2) == 29);
    CHECK(wf::days_in_month(2026, 13) == 0);
}

TEST_CASE("a stored date reads as words; text an older version stored reads as it was written")
{
    CHECK(wf::date_text("2026-12-01") == "December 1, 2026");
    CHECK(wf::date_text("next week") == "next week");
    CHECK(wf::date_text("2027-02-30") == "2027-02-30");
    CHECK(wf::date_text("") == "");
    CHECK(wf::is_iso_calendar_date("2026-12-01"));
    CHECK_FALSE(wf::is_iso_calendar_date("2026-12-1"));
}
