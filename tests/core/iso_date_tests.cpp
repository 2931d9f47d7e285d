#include "core/iso_date.hpp"

#include <doctest/doctest.h>

using wf::iso_date;
using wf::iso_datetime_utc;

TEST_CASE("an export stamp is the UTC date and time to the second")
{
    CHECK(iso_datetime_utc(1795356309000) == "2026-11-22T14:05:09Z");
    CHECK(iso_datetime_utc(1795356309999) == "2026-11-22T14:05:09Z");
    CHECK(iso_datetime_utc(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("a file name's date is the librarian's local date, not UTC")
{
    const int64_t late_evening_utc = 1795390200000; // 2026-11-22T23:30Z
    CHECK(iso_date(late_evening_utc, 0) == "2026-11-22");
    CHECK(iso_date(late_evening_utc, 60) == "2026-11-23");   // Central Europe, already past midnight
    const int64_t early_morning_utc = 1795323600000; // 2026-11-22T05:00Z
    CHECK(iso_date(early_morning_utc, -360) == "2026-11-21"); // US Central, still the evening before
    CHECK(iso_date(early_morning_utc, -300) == "2026-11-22"); // exactly local midnight
}

TEST_CASE("leap days and century years fall on the right dates")
{
    CHECK(iso_datetime_utc(1709208000000) == "2024-02-29T12:00:00Z");
    CHECK(iso_datetime_utc(951782400000) == "2000-02-29T00:00:00Z");
    CHECK(iso_datetime_utc(4107542400000) == "2100-03-01T00:00:00Z");
    CHECK(iso_datetime_utc(4107542400000 - 1000) == "2100-02-28T23:59:59Z"); // 2100 is not a leap year
}

TEST_CASE("times before 1970 round down to the earlier second and day")
{
    CHECK(iso_datetime_utc(-1) == "1969-12-31T23:59:59Z");
    CHECK(iso_date(-1, 0) == "1969-12-31");
    CHECK(iso_datetime_utc(-2203891200000) == "1900-03-01T00:00:00Z");
}
