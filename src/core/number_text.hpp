#pragma once
// Numbers written as text, for the few places that need a fixed number of decimals or digits.
// Not printf: musl's printf formats every floating-point number through software long-double
// arithmetic, several kilobytes of wasm the app would download for a handful of "%.1f"s.

#include <cstdint>
#include <string>

namespace wf {

// `value` with `digits` decimals (0 to 9), as printf's "%.*f" writes it: rounded from the exact
// binary value, a tie to the even digit (2.25 -> "2.2"; 2.35 -> "2.4", since 2.35 is stored as
// 2.35000000000000008882), "-0.0" for a small negative. Exact for magnitudes below 2^64, far past any
// number the app shows; a larger one is written as the largest double below 2^64, infinities as
// "inf" and "-inf", NaN as "nan".
std::string decimal(double value, int digits);

// `value` in decimal with at least `width` digits, zeros in front: padded(7, 2) == "07",
// padded(-5, 4) == "-005", as printf's "%0*lld" writes them.
std::string padded(long long value, int width);

// `value` in lower-case hexadecimal with at least `width` digits: hex(255, 4) == "00ff" ("%0*llx").
std::string hex(uint64_t value, int width);

} // namespace wf
