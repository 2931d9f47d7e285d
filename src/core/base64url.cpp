#include "core/base64url.hpp"

#include <array>

namespace wf {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<int8_t, 256> make_decode_table()
{
    std::array<int8_t, 256> table{};
    for (auto& v : table)
        v = -1;
    for (int i = 0; i < 64; i++)
        table[uint8_t(kAlphabet[i])] = int8_t(i);
    return table;
}

constexpr std::array<int8_t, 256> kDecode = make_decode_table();

} // namespace

std::string base64url_encode(const uint8_t* bytes, size_t size)
{
    std::string out;
    out.reserve((size * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const uint32_t v = uint32_t(bytes[i]) << 16 | uint32_t(bytes[i + 1]) << 8 | bytes[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6)
            out.push_back(kAlphabet[(v >> shift) & 63]);
    }
    const size_t rest = size - i;
    if (rest == 1) {
        const uint32_t v = uint32_t(bytes[i]) << 16;
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
    } else if (rest == 2) {
        const uint32_t v = uint32_t(bytes[i]) << 16 | uint32_t(bytes[i + 1]) << 8;
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(kAlphabet[(v >> 6) & 63]);
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text)
{
    // One character alone carries 6 bits: less than a byte, so no encoder writes it.
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3 + 2);
    uint32_t bits = 0;
    int bit_count = 0;
    for (char c : text) {
        const int8_t v = kDecode[uint8_t(c)];
        if (v < 0)
            return std::nullopt;
        bits = (bits << 6) | uint32_t(v);
        bit_count += 6;
        if (bit_count >= 8) {
            bit_count -= 8;
            out.push_back(char((bits >> bit_count) & 0xFF));
        }
    }
    // The 2 or 4 bits left over are padding inside the last character: non-zero means a second
    // spelling of the same bytes.
    if (bit_count > 0 && (bits & ((1u << bit_count) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace wf
