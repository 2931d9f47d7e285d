#include "core/file_size_text.hpp"

#include "core/number_text.hpp"

#include <cmath>

namespace wf {

std::string file_size_text(uint64_t bytes)
{
    const double kilobytes = double(bytes) / 1024;
    if (kilobytes < 1024) { // rounded up: "0 KB" would read as "nothing"
        return decimal(std::ceil(kilobytes), 0) + " KB";
    }
    const bool gigabytes = kilobytes >= 1024 * 1024;
    // Rounded to the one decimal shown before judging it whole: 50 MB and a few bytes is "50 MB", not "50.0 MB".
    const double amount = std::round((gigabytes ? kilobytes / (1024 * 1024) : kilobytes / 1024) * 10) / 10;
    const char* unit = gigabytes ? "GB" : "MB";
    return decimal(amount, amount == std::floor(amount) ? 0 : 1) + " " + unit;
}

} // namespace wf
