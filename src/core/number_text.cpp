#include "core/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

namespace {

// a * b = product + error exactly (Dekker's product: Veltkamp splits, so no fused multiply-add,
// which WebAssembly lacks and libm would emulate). Both factors are small here: no overflow.
double product_error(double a, double b, double product)
{
    const double split = 134217729.0; // 2^27 + 1
    const double ta = a * split, tb = b * split;
    const double ah = ta - (ta - a), al = a - ah;
    const double bh = tb - (tb - b), bl = b - bh;
    return ((ah * bh - product) + ah * bl + al * bh) + al * bl;
}

} // namespace

std::string decimal(double value, int digits)
{
    if (std::isnan(value))
        return "nan";
    const bool negative = std::signbit(value);
    double magnitude = std::fabs(value);
    if (std::isinf(magnitude))
        return negative ? "-inf" : "inf";
    magnitude = std::min(magnitude, std::nextafter(18446744073709551616.0, 0.0));
    digits = std::clamp(digits, 0, 9);
    uint64_t whole = uint64_t(magnitude);
    const double fraction = magnitude - double(whole); // exact (Sterbenz)
    uint64_t scale = 1;
    for (int i = 0; i < digits; i++)
        scale *= 10;
    // fraction * scale = scaled + error exactly; scaled < 10^9, so its integer and half are exact.
    const double scaled = fraction * double(scale);
    const double error = product_error(fraction, double(scale), scaled);
    uint64_t units = uint64_t(scaled);
    const double rest = scaled - double(units);
    // Rounding is monotonic: scaled is above (below) units + 1/2 only when the exact product is.
    // At exactly a half, the product's error says on which side the exact value lies.
    const uint64_t last_digit = digits > 0 ? units : whole;
    const bool up = rest > 0.5 || (rest == 0.5 && (error > 0 || (error == 0 && last_digit % 2 == 1)));
    if (up && ++units == scale) {
        units = 0;
        whole++;
    }
    std::string text = negative ? "-" : "";
    text += std::to_string(whole);
    if (digits > 0)
        text += "." + padded((long long)units, digits);
    return text;
}

std::string padded(long long value, int width)
{
    const bool negative = value < 0;
    const unsigned long long magnitude = negative ? 0ull - (unsigned long long)value : (unsigned long long)value;
    const std::string digits = std::to_string(magnitude);
    const int zeros = width - int(digits.size()) - (negative ? 1 : 0);
    return (negative ? "-" : "") + std::string(size_t(std::max(zeros, 0)), '0') + digits;
}

std::string hex(uint64_t value, int width)
{
    std::string text;
    do {
        text.insert(text.begin(), "0123456789abcdef"[value % 16]);
        value /= 16;
    } while (value != 0);
    if (int(text.size()) < width)
        text.insert(0, size_t(width) - text.size(), '0');
    return text;
}

} // namespace wf
