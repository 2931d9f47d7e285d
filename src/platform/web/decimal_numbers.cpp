// strtod for the web app, through the browser's own number reading.
//
// nlohmann_json reads every number with a fraction or an exponent through strtod. musl's strtod
// computes in long double, which WebAssembly does not have: the software 128-bit arithmetic it brings,
// with musl's scanner, was the largest piece of C library left in the wasm. JavaScript's parseFloat
// rounds to the nearest double exactly as a correct strtod does, so the app reads the same numbers.
// Only decimal numbers are read (all that JSON, and so the app, has): no hexadecimal floats, "inf" or
// "nan". The native build and its tests keep the C library's strtod.
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdlib>

extern "C" {
double wf_js_parse_decimal(const char* text, size_t size);   // library_wayfinder.js

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

double strtod(const char* text, char** end) {
    const char* p = text;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
    const char* start = p;
    if (*p == '+' || *p == '-') p++;
    const char* whole = p;
    while (is_digit(*p)) p++;
    bool digits = p > whole;
    if (*p == '.') {
        const char* fraction = p + 1;
        const char* q = fraction;
        while (is_digit(*q)) q++;
        if (digits || q > fraction) {
            digits = true;
            p = q;
        }
    }
    if (!digits) {   // no number here: nothing read, as the C standard says
        if (end) *end = const_cast<char*>(text);
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        if (*q == '+' || *q == '-') q++;
        if (is_digit(*q)) {
            while (is_digit(*q)) q++;
            p = q;
        }
    }
    if (end) *end = const_cast<char*>(p);
    const double value = wf_js_parse_decimal(start, (size_t)(p - start));
    if (std::isinf(value)) errno = ERANGE;
    return value;
}

// The C library defines these beside strtod, in the same object: defined here too, so that object
// (and its long double scanner) is never linked in. Nothing in the app reads floats or long doubles
// through them.
float strtof(const char* text, char** end) { return (float)strtod(text, end); }
long double strtold(const char* text, char** end) { return strtod(text, end); }
}
