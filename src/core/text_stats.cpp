#include "core/text_stats.hpp"

#include <cstdint>

namespace wf {

namespace {
// Decodes one UTF-8 code point; invalid bytes count as one separator each.
uint32_t next_code_point(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return (uint32_t)(uint8_t)s[k]; };
    const uint32_t b0 = byte(i);
    int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 0x6 ? 1 : (b0 >> 4) == 0xE ? 2 : (b0 >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + (size_t)extra >= s.size() + (extra ? 0 : 1)) { i++; return 0xFFFD; }
    uint32_t cp = extra == 0 ? b0 : b0 & (0x3F >> extra);
    for (int k = 1; k <= extra; k++) {
        if (i + (size_t)k >= s.size() || (byte(i + k) & 0xC0) != 0x80) { i++; return 0xFFFD; }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += (size_t)extra + 1;
    return cp;
}

bool is_word_char(uint32_t cp) {
    if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return true;
    if (cp == '\'' || cp == '-' || cp == 0x2019 /* ’ */ || cp == 0x2010 /* ‐ */) return true;
    // Latin-1 letters (not × ÷), Latin Extended-A/B, combining marks.
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x300 && cp <= 0x36F) ||
           (cp >= 0x1E00 && cp <= 0x1EFF);
}
} // namespace

int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false, has_alnum = false;
    for (size_t i = 0; i < text.size();) {
        const uint32_t cp = next_code_point(text, i);
        if (is_word_char(cp)) {
            in_word = true;
            if (cp != '\'' && cp != '-' && cp != 0x2019 && cp != 0x2010) has_alnum = true;
        } else {
            if (in_word && has_alnum) words++;
            in_word = has_alnum = false;
        }
    }
    return words + (in_word && has_alnum ? 1 : 0);
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

} // namespace wf
