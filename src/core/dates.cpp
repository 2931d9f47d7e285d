// [SECTION] Calendar
// [SECTION] Words and numbers
// [SECTION] Reading a date

#include "core/dates.hpp"

#include "core/iso_date.hpp"
#include "core/number_text.hpp"

#include <vector>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] Calendar
//-------------------------------------------------------------------------------------------------

namespace {

constexpr int kFirstYear = 1900, kLastYear = 2199;

const char* const kWeekdays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};

// 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday.
int weekday(int year, int month, int day)
{
    const long days = days_from_civil(year, month, day);
    return int(((days % 7) + 7 + 3) % 7);
}

std::string iso(int year, int month, int day)
{
    return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
}

// Year, month and day of an ISO calendar date; false when `text` is not one.
bool split_iso(std::string_view text, int& year, int& month, int& day)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int fields[3] = {0, 0, 0};
    const size_t starts[3] = {0, 5, 8}, ends[3] = {4, 7, 10};
    for (int f = 0; f < 3; f++)
        for (size_t i = starts[f]; i < ends[f]; i++) {
            if (text[i] < '0' || text[i] > '9')
                return false;
            fields[f] = fields[f] * 10 + (text[i] - '0');
        }
    year = fields[0];
    month = fields[1];
    day = fields[2];
    return day >= 1 && day <= days_in_month(year, month);
}

} // namespace

// Howard Hinnant's days_from_civil.
int64_t days_from_civil(int64_t year, int month, int day)
{
    year -= month <= 2;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int64_t year_of_era = year - era * 400;
    const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

int days_in_month(int year, int month)
{
    if (month < 1 || month > 12)
        return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days[12] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

bool is_iso_calendar_date(std::string_view text)
{
    int year = 0, month = 0, day = 0;
    return split_iso(text, year, month, day);
}

std::string iso_date_part(std::string_view iso_time)
{
    const std::string_view date = iso_time.substr(0, 10);
    return is_iso_calendar_date(date) ? std::string(date) : std::string();
}

std::string date_text(std::string_view value)
{
    return is_iso_calendar_date(value) ? long_date(value) : std::string(value);
}

std::string weekday_name(std::string_view text)
{
    int year = 0, month = 0, day = 0;
    if (!split_iso(text, year, month, day))
        return {};
    return kWeekdays[weekday(year, month, day)];
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Words and numbers
//-------------------------------------------------------------------------------------------------

namespace {

struct Token {
    bool number = false;
    int value = 0;          // a number's value
    int digits = 0;         // a number's digit count
    std::string word;       // a word, lower case
    char separator = ' ';   // the punctuation before it ('.', '/', '-', ','), or ' ' for none or blanks
};

// Splits into words and numbers. False for a character no written date holds (a colon, a letter
// outside ASCII, …), so "10:30" or "1 déc." are not read as dates.
bool tokenize(std::string_view text, std::vector<Token>& tokens)
{
    char separator = ' ';
    bool joined = false;   // nothing stood between this character and the token before it
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        const bool digit = c >= '0' && c <= '9';
        const char lower = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        const bool letter = lower >= 'a' && lower <= 'z';
        if (digit || letter) {
            Token token;
            token.number = digit;
            token.separator = separator;
            // An ordinal's ending stays with its number: "1st".
            if (letter && joined && !tokens.empty() && tokens.back().number) token.separator = '\0';
            while (i < text.size()) {
                const char d = text[i];
                const char l = char(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d);
                if (digit && d >= '0' && d <= '9') {
                    if (++token.digits > 4)
                        return false;
                    token.value = token.value * 10 + (d - '0');
                } else if (!digit && l >= 'a' && l <= 'z') {
                    token.word.push_back(l);
                } else {
                    break;
                }
                i++;
            }
            tokens.push_back(std::move(token));
            separator = ' ';
            joined = true;
            continue;
        }
        joined = false;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
        } else if (c == ',' || c == '.' || c == '/' || c == '-') {
            if (separator == ' ' || separator == ',')
                separator = c;
            i++;
        } else if (text.substr(i, 3) == "\xE2\x80\x93") {   // an en dash, as some keyboards put between numbers
            separator = '-';
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

std::string lower_case(const char* name)
{
    std::string lower = name;
    for (char& c : lower)
        c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower;
}

// 1..12 for an English month name or its abbreviation ("sept" too), else 0. `word` is lower case.
int month_number(const std::string& word)
{
    for (int m = 0; m < 12; m++) {
        const std::string name = lower_case(kMonths[m]);
        if (word == name || word == name.substr(0, 3) || (m == 8 && word == "sept"))
            return m + 1;
    }
    return 0;
}

// 0..6 (Monday..Sunday) for an English weekday name or its usual abbreviations, else -1.
int weekday_number(const std::string& word)
{
    for (int d = 0; d < 7; d++) {
        const std::string name = lower_case(kWeekdays[d]);
        if (word == name || word == name.substr(0, 3) || (d == 1 && word == "tues") || (d == 3 && (word == "thur" || word == "thurs")))
            return d;
    }
    return -1;
}

bool is_ordinal_ending(const std::string& word) { return word == "st" || word == "nd" || word == "rd" || word == "th"; }

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading a date
//-------------------------------------------------------------------------------------------------

namespace {

// Full year of a number typed as a year: two digits are this century's; one or three digits are no year.
int full_year(const Token& t)
{
    if (t.digits == 2)
        return 2000 + t.value;
    return t.digits == 4 ? t.value : -1;
}

// The date itself checked: a real day of a year Wayfinder takes, and the weekday if one was typed.
DateReading checked(int year, int month, int day, int typed_weekday)
{
    if (year < kFirstYear || year > kLastYear || month < 1 || month > 12 || day < 1 || day > 31)
        return {};
    if (day > days_in_month(year, month))
        return {"", std::string(kMonths[month - 1]) + " " + std::to_string(year) + " has only " + std::to_string(days_in_month(year, month)) + " days."};
    const std::string date = iso(year, month, day);
    if (typed_weekday >= 0 && typed_weekday != weekday(year, month, day))
        return {"", long_date(date) + " is a " + kWeekdays[weekday(year, month, day)] + ", not a " + kWeekdays[typed_weekday] + "."};
    return {date, ""};
}

// A day and month typed without a year: the next such date, today included (a target date is ahead).
DateReading next_occurrence(int month, int day, int typed_weekday, std::string_view today_iso)
{
    int year = 0, this_month = 0, this_day = 0;
    if (!split_iso(today_iso, year, this_month, this_day) || month < 1 || month > 12 || day < 1 || day > 31)
        return {};
    if (month < this_month || (month == this_month && day < this_day))
        year++;
    // February 29 waits for the next leap year.
    for (int tries = 0; tries < 8 && day > days_in_month(year, month); tries++)
        year++;
    return checked(year, month, day, typed_weekday);
}

} // namespace

DateReading read_date(std::string_view text, DateOrder order, std::string_view today_iso)
{
    std::vector<Token> tokens;
    if (!tokenize(text, tokens) || tokens.empty())
        return {};

    int typed_weekday = -1, month = 0;
    std::vector<Token> numbers;
    for (size_t i = 0; i < tokens.size(); i++) {
        const Token& t = tokens[i];
        if (t.number) {
            numbers.push_back(t);
        } else if ((t.separator == '\0' && is_ordinal_ending(t.word)) || t.word == "of") {
            continue;                      // "1st of December"
        } else if (i == 0 && weekday_number(t.word) >= 0) {
            typed_weekday = weekday_number(t.word);
        } else if (month == 0 && month_number(t.word) > 0) {
            month = month_number(t.word);
        } else {
            return {};
        }
    }

    if (month > 0) {
        if (numbers.size() == 1) {
            if (numbers[0].digits == 4)
                return {"", std::string("Add the day, as in 15 ") + kMonths[month - 1] + " " + std::to_string(numbers[0].value) + "."};
            if (numbers[0].digits > 2)
                return {};
            return next_occurrence(month, numbers[0].value, typed_weekday, today_iso);
        }
        if (numbers.size() != 2)
            return {};
        // The four-digit number is the year; with none, the day comes first ("1 Dec 26", "Dec 1 26").
        const bool first_is_year = numbers[0].digits == 4 && numbers[1].digits <= 2;
        const Token& day = first_is_year ? numbers[1] : numbers[0];
        const Token& year = first_is_year ? numbers[0] : numbers[1];
        if (day.digits > 2)
            return {};
        return checked(full_year(year), month, day.value, typed_weekday);
    }

    if (numbers.size() != 3)
        return {};
    if (numbers[0].digits == 4) {
        if (numbers[1].digits > 2 || numbers[2].digits > 2)
            return {};
        return checked(numbers[0].value, numbers[1].value, numbers[2].value, typed_weekday);
    }
    if (numbers[0].digits > 2 || numbers[1].digits > 2)
        return {};
    const int a = numbers[0].value, b = numbers[1].value, year = full_year(numbers[2]);
    bool day_first = order != DateOrder::MonthDayYear;
    if (numbers[1].separator == '.')
        day_first = true;                  // 1.12.2026: dotted dates are written day first
    else if (a > 12 && b <= 12)
        day_first = true;
    else if (b > 12 && a <= 12)
        day_first = false;
    return day_first ? checked(year, b, a, typed_weekday) : checked(year, a, b, typed_weekday);
}

} // namespace wf
