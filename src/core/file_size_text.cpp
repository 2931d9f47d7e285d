#include "core/file_size_text.hpp"

#include <cmath>
#include <cstdio>

namespace wf {

std::string file_size_text(uint64_t bytes)
{
    char text[32];
    const double kilobytes = double(bytes) / 1024;
    if (kilobytes < 1024) { // rounded up: "0 KB" would read as "nothing"
        std::snprintf(text, sizeof text, "%.0f KB", std::ceil(kilobytes));
        return text;
    }
    const bool gigabytes = kilobytes >= 1024 * 1024;
    // Rounded to the one decimal shown before judging it whole: 50 MB and a few bytes is "50 MB", not "50.0 MB".
    const double amount = std::round((gigabytes ? kilobytes / (1024 * 1024) : kilobytes / 1024) * 10) / 10;
    const char* unit = gigabytes ? "GB" : "MB";
    if (amount == std::floor(amount))
        std::snprintf(text, sizeof text, "%.0f %s", amount, unit);
    else
        std::snprintf(text, sizeof text, "%.1f %s", amount, unit);
    return text;
}

} // namespace wf
