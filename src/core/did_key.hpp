#pragma once
// did:key identifiers for Ed25519 public keys (W3C CCG "The did:key Method"): the key itself is the
// identifier, so a badge's issuer can be checked with no server to ask. An Ed25519 did:key is
// "did:key:" + multibase base58btc ('z') of the multicodec prefix ed25519-pub (0xed, varint bytes
// 0xed 0x01) followed by the 32-byte key, which is why every such identifier starts "did:key:z6Mk".
// Only Ed25519 keys are accepted: they are the only keys Wayfinder signs with.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wf {

using Ed25519PublicKey = std::array<uint8_t, 32>;

// Bitcoin's base58 alphabet (no 0, O, I, l), big-endian, each leading zero byte written as '1'.
std::string base58btc_encode(const uint8_t* bytes, size_t size);
// The bytes `text` encodes, or nullopt when it holds a character outside the alphabet. At most 128
// characters: base58 decoding is quadratic and no key needs more.
std::optional<std::string> base58btc_decode(std::string_view text);

// "did:key:z6Mk..." for `key`.
std::string did_key_from_ed25519(const Ed25519PublicKey& key);

// "did:key:z6Mk...#z6Mk...": the key's verification method, what a JWS names as its "kid".
std::string did_key_verification_method(const Ed25519PublicKey& key);

// The Ed25519 key a did:key names, or nullopt for anything else: another DID method, another key
// type, a base other than base58btc, a key that is not 32 bytes. A
// verification method ("did:key:z...#z...") is accepted only when its fragment repeats the key.
std::optional<Ed25519PublicKey> ed25519_from_did_key(std::string_view did_or_method);

} // namespace wf
