// Dear ImGui's text formatting, ImFormatString() and ImFormatStringV(), which ImGui leaves to the
// app under IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS (ui/imconfig_wayfinder.h). ImGui's own would call
// the C library's vsnprintf, and musl's formats every float through software long-double
// arithmetic: kilobytes of wasm for text that is almost all "%s" and "%d".
// Understood: the flags '-' and '0', a width and a precision (digits or '*'), the lengths l, ll and
// z, and the conversions d i u x X c s f %. What ImGui's debug tools alone use (%p, %e, %g, ...)
// is written as it stands in the format, and its argument is not read.
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>
#include <cstring>
#include <string>

#include "core/number_text.hpp"

namespace {

// Counts every character and stores those that fit, as vsnprintf does.
struct Output {
    char* buf;
    size_t size;
    size_t length = 0;
    void put(char c) {
        if (buf && length + 1 < size) buf[length] = c;
        length++;
    }
    void put(const char* text, size_t n) { for (size_t i = 0; i < n; i++) put(text[i]); }
    void repeat(char c, int n) { for (; n > 0; n--) put(c); }
};

size_t digits_of(unsigned long long value, unsigned base, bool upper, char* out) {
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char reversed[24];
    size_t n = 0;
    do {
        reversed[n++] = set[value % base];
        value /= base;
    } while (value != 0);
    for (size_t i = 0; i < n; i++) out[i] = reversed[n - 1 - i];
    return n;
}

} // namespace

int ImFormatStringV(char* buf, size_t buf_size, const char* fmt, va_list args) {
    Output out{buf, buf_size};
    for (const char* p = fmt; *p; p++) {
        if (*p != '%') { out.put(*p); continue; }
        const char* spec = p++;
        bool left = false, zeros = false;
        for (; *p == '-' || *p == '0'; p++) (*p == '-' ? left : zeros) = true;
        int width = 0, precision = -1;
        if (*p == '*') {
            width = va_arg(args, int);
            if (width < 0) { left = true; width = -width; }
            p++;
        } else {
            for (; *p >= '0' && *p <= '9'; p++) width = width * 10 + (*p - '0');
        }
        if (*p == '.') {
            p++;
            precision = 0;
            if (*p == '*') { precision = va_arg(args, int); p++; }
            else for (; *p >= '0' && *p <= '9'; p++) precision = precision * 10 + (*p - '0');
        }
        int longs = 0;
        if (*p == 'z') { longs = 1; p++; }   // size_t is unsigned long wherever the app runs
        else for (; *p == 'l' && longs < 2; p++) longs++;

        char digits[24];
        const char* text = digits;
        size_t n = 0;
        bool negative = false, number = true;
        std::string decimal;
        switch (*p) {
        case '%': out.put('%'); continue;
        case 'c': digits[0] = (char)va_arg(args, int); n = 1; number = false; break;
        case 's':
            text = va_arg(args, const char*);
            if (!text) text = "(null)";
            n = precision >= 0 ? strnlen(text, (size_t)precision) : strlen(text);
            number = false;
            break;
        case 'd': case 'i': {
            const long long v = longs == 2 ? va_arg(args, long long) : longs == 1 ? va_arg(args, long) : va_arg(args, int);
            negative = v < 0;
            n = digits_of(negative ? 0ull - (unsigned long long)v : (unsigned long long)v, 10, false, digits);
            break;
        }
        case 'u': case 'x': case 'X': {
            const unsigned long long v = longs == 2 ? va_arg(args, unsigned long long)
                                       : longs == 1 ? va_arg(args, unsigned long) : va_arg(args, unsigned int);
            n = digits_of(v, *p == 'u' ? 10 : 16, *p == 'X', digits);
            break;
        }
        case 'f': {
            const double v = va_arg(args, double);
            decimal = wf::decimal(v, precision < 0 ? 6 : precision);
            negative = decimal[0] == '-';
            text = decimal.c_str() + (negative ? 1 : 0);
            n = strlen(text);
            precision = -1;   // the decimals, not a count of digits to pad to
            break;
        }
        default:
            out.put(spec, (size_t)(p - spec) + (*p ? 1 : 0));
            if (!*p) p--;
            continue;
        }
        // A precision is the least number of digits for an integer; it turns off zero padding.
        const int leading = number && precision > (int)n ? precision - (int)n : 0;
        int fill = width - (int)n - leading - (negative ? 1 : 0);
        const bool zero_fill = zeros && number && !left && precision < 0;
        if (!left && !zero_fill) out.repeat(' ', fill);
        if (negative) out.put('-');
        if (zero_fill) out.repeat('0', fill);
        out.repeat('0', leading);
        out.put(text, n);
        if (left) out.repeat(' ', fill);
    }
    if (buf && buf_size > 0) buf[out.length < buf_size ? out.length : buf_size - 1] = 0;
    // As ImGui's own: with no buffer, the length needed; with one, the length written.
    if (!buf) return (int)out.length;
    return (int)(out.length < buf_size ? out.length : buf_size - 1);
}

int ImFormatString(char* buf, size_t buf_size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int written = ImFormatStringV(buf, buf_size, fmt, args);
    va_end(args);
    return written;
}
