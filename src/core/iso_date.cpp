#include "core/iso_date.hpp"

#include "core/dates.hpp"
#include "core/number_text.hpp"

namespace wf {

namespace {

struct CivilDate {
    int64_t year;
    unsigned month; // 1..12
    unsigned day;   // 1..31
};

// Howard Hinnant's civil_from_days: proleptic Gregorian date of a day count since 1970-01-01.
CivilDate civil_from_days(int64_t days)
{
    days += 719468; // shift the epoch to 0000-03-01, so leap days fall at the end of a cycle year
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned day_of_era = unsigned(days - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned month_from_march = (5 * day_of_year + 2) / 153;
    const unsigned day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    const unsigned month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    return {int64_t(year_of_era) + era * 400 + (month <= 2), month, day};
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

constexpr int64_t kMsPerDay = 86400000;

} // namespace

std::string iso_date(int64_t epoch_ms, int tz_offset_minutes)
{
    const CivilDate date = civil_from_days(floor_div(epoch_ms + int64_t(tz_offset_minutes) * 60000, kMsPerDay));
    return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2);
}

std::string iso_datetime_utc(int64_t epoch_ms)
{
    const int64_t days = floor_div(epoch_ms, kMsPerDay);
    const int64_t second_of_day = (epoch_ms - days * kMsPerDay) / 1000;
    const CivilDate date = civil_from_days(days);
    return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2) + "T" +
           padded(second_of_day / 3600, 2) + ":" + padded(second_of_day / 60 % 60, 2) + ":" + padded(second_of_day % 60, 2) + "Z";
}

std::string long_date(std::string_view iso)
{
    static const char* const kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
    const std::string_view date = iso.substr(0, 10);
    if (!is_iso_calendar_date(date))
        return {};
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    const int day = (date[8] - '0') * 10 + (date[9] - '0');
    return std::string(kMonths[month - 1]) + " " + std::to_string(day) + ", " + std::string(date.substr(0, 4));
}

} // namespace wf
