#pragma once
// Dates the librarian types ("1 Dec 2026", "12/1/2026", "2026-12-01"), read into ISO calendar dates
// ("2026-12-01"), the only form a date is ever stored in. Pure: the caller passes today's date and
// the order the browser's language writes numeric dates in.
//
// What is read (English month names and their usual abbreviations, any case):
//   2026-12-01, 2026/12/1, 2026.12.01            year first: always year, month, day
//   1 Dec 2026, 1st of December 2026, Dec 1 2026, December 1, 2026, 2026 Dec 1
//   a month's name without a year: 1 Dec, December 1     the next such date, today included
//   12/1/2026, 12-1-26                                    see DateOrder below
//   1.12.2026                                             dots: always day, month, year
//   a weekday in front (Tue 1 Dec 2026, Tuesday, December 1, 2026)   checked against the date
// Two-digit years are this century's (26 is 2026). Years run from 1900 to 2199, so a year half typed
// into the browser's date input ("0202") is never taken for a date.

#include <cstdint>
#include <string>
#include <string_view>

namespace wf {

// How all-number dates with the year last are read when both of the first two numbers could be the
// month (1/12/2026): as the browser's language writes dates. When one of them is above 12 there is
// only one reading (13/1/2026 is 13 January anywhere). A language that writes the year first
// (Japanese, Swedish…) reads year-last dates day first, as most of the world writes them.
enum class DateOrder { MonthDayYear, DayMonthYear, YearMonthDay };

struct DateReading {
    std::string iso;      // "2026-12-01"; "" when the text is not a date (or is blank)
    std::string problem;  // "" or why a text that looks like a date is not one, as a sentence:
                          // "There is no February 30 in 2027."
};

// `today_iso` ("2026-09-14") places a date typed without its year; "" leaves such dates unread.
DateReading read_date(std::string_view text, DateOrder order, std::string_view today_iso);

// "2027-02-28" is; "2027-02-30", "2027-2-28" and "2027-02-28T10:00:00Z" are not.
bool is_iso_calendar_date(std::string_view text);
// The date of an ISO time: "2026-11-20T14:05:09Z" -> "2026-11-20"; "" when it does not start with one.
std::string iso_date_part(std::string_view iso_time);

// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (month 1..12).
int64_t days_from_civil(int64_t year, int month, int day);

// Days in a month of a year of the Gregorian calendar (February 2028 has 29); 0 for a month outside 1..12.
int days_in_month(int year, int month);

// A stored date as people read it: "December 1, 2026" for "2026-12-01"; any other text as it is
// (an older version stored whatever was typed).
std::string date_text(std::string_view value);

// "Tuesday" for "2026-12-01"; "" when the text is not an ISO calendar date.
std::string weekday_name(std::string_view iso);

} // namespace wf
