#pragma once
// base64url without padding (RFC 4648 section 5, as JWS uses it: RFC 7515 section 2). The decoder is
// strict, because a JWS part that decodes loosely could be altered without its signature noticing:
// it refuses padding, the '+' and '/' of plain base64, whitespace, and a last character whose unused
// bits are not zero (so each byte string has exactly one encoding).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

std::string base64url_encode(const uint8_t* bytes, size_t size);
inline std::string base64url_encode(std::string_view bytes)
{
    return base64url_encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// The bytes `text` encodes, or nullopt when it is not canonical unpadded base64url.
std::optional<std::string> base64url_decode(std::string_view text);

} // namespace wf
