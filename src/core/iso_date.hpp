#pragma once
// Dates for file names and export stamps, from a millisecond clock.
// Pure arithmetic: the wasm build has no time zone database, so the caller passes the browser's
// offset (and the same code runs the same way in native tests).

#include <cstdint>
#include <string>
#include <string_view>

namespace wf {

// Local calendar date "2026-11-22". `tz_offset_minutes` is minutes east of UTC (UTC+2 is 120;
// note that JavaScript's Date.getTimezoneOffset() is the opposite sign).
std::string iso_date(int64_t epoch_ms, int tz_offset_minutes);

// "2026-11-22T14:05:09Z" (UTC, whole seconds).
std::string iso_datetime_utc(int64_t epoch_ms);

// "2026-11-20" or "2026-11-20T14:05:09Z" -> "November 20, 2026", for printed reports; "" when the
// text does not start with a real calendar date.
std::string long_date(std::string_view iso);

} // namespace wf
