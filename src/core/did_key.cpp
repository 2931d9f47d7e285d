#include "core/did_key.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace wf {

namespace {

constexpr char kBase58[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr std::string_view kDidKeyPrefix = "did:key:";
constexpr uint8_t kEd25519Multicodec[2] = {0xed, 0x01}; // varint of 0xed, "ed25519-pub"
constexpr size_t kMaxBase58Chars = 128;

int base58_digit(char c)
{
    const char* at = std::strchr(kBase58, c);
    return (c != 0 && at) ? int(at - kBase58) : -1;
}

// The multibase text of `key`: 'z' + base58btc(0xed 0x01 || key).
std::string ed25519_multibase(const Ed25519PublicKey& key)
{
    uint8_t bytes[34];
    std::memcpy(bytes, kEd25519Multicodec, 2);
    std::memcpy(bytes + 2, key.data(), key.size());
    return "z" + base58btc_encode(bytes, sizeof bytes);
}

} // namespace

std::string base58btc_encode(const uint8_t* bytes, size_t size)
{
    size_t zeros = 0;
    while (zeros < size && bytes[zeros] == 0)
        zeros++;
    // Base-58 digits, least significant first: each input byte multiplies the number by 256.
    std::vector<uint8_t> digits;
    for (size_t i = zeros; i < size; i++) {
        uint32_t carry = bytes[i];
        for (uint8_t& d : digits) {
            carry += uint32_t(d) << 8;
            d = uint8_t(carry % 58);
            carry /= 58;
        }
        while (carry) {
            digits.push_back(uint8_t(carry % 58));
            carry /= 58;
        }
    }
    std::string out(zeros, '1');
    for (auto it = digits.rbegin(); it != digits.rend(); ++it)
        out.push_back(kBase58[*it]);
    return out;
}

std::optional<std::string> base58btc_decode(std::string_view text)
{
    if (text.size() > kMaxBase58Chars)
        return std::nullopt;
    size_t ones = 0;
    while (ones < text.size() && text[ones] == '1')
        ones++;
    // Bytes, least significant first: each digit multiplies the number by 58.
    std::vector<uint8_t> bytes;
    for (size_t i = ones; i < text.size(); i++) {
        const int digit = base58_digit(text[i]);
        if (digit < 0)
            return std::nullopt;
        uint32_t carry = uint32_t(digit);
        for (uint8_t& b : bytes) {
            carry += uint32_t(b) * 58;
            b = uint8_t(carry & 0xFF);
            carry >>= 8;
        }
        while (carry) {
            bytes.push_back(uint8_t(carry & 0xFF));
            carry >>= 8;
        }
    }
    std::string out(ones, '\0');
    out.append(bytes.rbegin(), bytes.rend());
    return out;
}

std::string did_key_from_ed25519(const Ed25519PublicKey& key)
{
    return std::string(kDidKeyPrefix) + ed25519_multibase(key);
}

std::string did_key_verification_method(const Ed25519PublicKey& key)
{
    const std::string multibase = ed25519_multibase(key);
    return std::string(kDidKeyPrefix) + multibase + "#" + multibase;
}

std::optional<Ed25519PublicKey> ed25519_from_did_key(std::string_view did_or_method)
{
    if (did_or_method.substr(0, kDidKeyPrefix.size()) != kDidKeyPrefix)
        return std::nullopt;
    std::string_view multibase = did_or_method.substr(kDidKeyPrefix.size());
    std::string_view fragment;
    const size_t hash = multibase.find('#');
    if (hash != std::string_view::npos) {
        fragment = multibase.substr(hash + 1);
        multibase = multibase.substr(0, hash);
        if (fragment != multibase)
            return std::nullopt;
    }
    if (multibase.empty() || multibase[0] != 'z')
        return std::nullopt;
    const std::optional<std::string> bytes = base58btc_decode(multibase.substr(1));
    if (!bytes || bytes->size() != 34 || uint8_t((*bytes)[0]) != kEd25519Multicodec[0] ||
        uint8_t((*bytes)[1]) != kEd25519Multicodec[1])
        return std::nullopt;
    Ed25519PublicKey key{};
    std::copy(bytes->begin() + 2, bytes->end(), key.begin());
    return key;
}

} // namespace wf
