#pragma once
// The earned badge as an Open Badges 3.0 credential (1EdTech, "Open Badges Specification" 3.0): built
// from plain facts, signed by the reviewer as a VC-JWT (a compact JWS), baked into the badge PNG, and
// checked again when a badge is dropped into Wayfinder. Pure: the Ed25519 signature itself is made
// and checked by the platform (Web Crypto in the browser), which the checker receives as a function.
//
// [SECTION] The credential
// [SECTION] Signing (VC-JWT)
// [SECTION] Reading a compact JWS
// [SECTION] Baking
// [SECTION] Checking a badge

#include "core/did_key.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] The credential
//-------------------------------------------------------------------------------------------------

inline constexpr const char* kBadgeKeyword = "openbadgecredential"; // the OB 3.0 baking keyword
inline constexpr size_t kMaxBadgeTextBytes = 1u << 20; // 1 MiB: a signed badge is a few KB

struct BadgeAchievement {
    std::string id;                 // a URI naming the micro-credential (the same for every earner)
    std::string name;               // "Empowering Students as Creators"
    std::string description;        // one or two sentences on what it recognises
    std::string criteria_narrative; // how it is earned, in words
};

struct BadgeFacts {
    std::string credential_uuid;      // "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (crypto.randomUUID()); id is urn:uuid:<it>
    BadgeAchievement achievement;
    std::string earner_name;          // as the earner wrote it; shown on the badge
    std::string earner_id;            // a URI for the earner (e.g. urn:uuid:...): the subject's id and the JWT's "sub"
    std::string issuer_name;          // the reviewer's name
    std::string issuer_did;           // the reviewer's did:key (an Ed25519 key)
    std::string valid_from;           // when the review said earned: "2026-11-29T19:03:53Z" (UTC, whole seconds)
    std::string submission_sha256;    // the reviewed submission file's SHA-256, 64 hex digits
    std::string evidence_description; // what the reviewer saw, in words
};

struct BadgeCredential {
    bool ok = false;
    nlohmann::json credential; // when ok: the AchievementCredential
    std::string error;         // when !ok: which fact is unusable (a programming error, not for the user)
};

// The AchievementCredential (OB 3.0 section "AchievementCredential"): @context (VC 2.0, then OB 3.0),
// id, type, issuer Profile, validFrom, name, credentialSubject (AchievementSubject with the earner's id
// and name as an IdentityObject, and the Achievement with its criteria), and one Evidence whose id is
// the submission's hash as a Named Information URI (RFC 6920: "ni:///sha-256;<base64url>"). Refuses
// empty names, an issuer that is not an Ed25519 did:key, ids that are not URIs, a uuid or a date or a
// hash in another form.
BadgeCredential open_badge_credential(const BadgeFacts& facts);

//-------------------------------------------------------------------------------------------------
// [SECTION] Signing (VC-JWT)
//-------------------------------------------------------------------------------------------------

using Ed25519Signature = std::array<uint8_t, 64>;

struct BadgeSigningInput {
    bool ok = false;
    std::string signing_input; // when ok: BASE64URL(header) "." BASE64URL(payload), the bytes to sign
    std::string error;         // when !ok: as BadgeCredential::error
};

// What the reviewer's key signs, per OB 3.0 section "JSON Web Token Proof Format" (8.2): the JOSE
// header {"alg":"EdDSA","kid":<did:key verification method>,"typ":"JWT"} and, as the payload, the
// credential's own JSON object with the registered claims iss (issuer.id), jti (id), nbf (validFrom as
// seconds since 1970) and sub (credentialSubject.id) added beside its properties (no "vc" wrapper: that
// was the VC 1.1 form).
BadgeSigningInput badge_signing_input(const BadgeFacts& facts);

// The compact JWS: the signing input, ".", BASE64URL(signature).
std::string compact_jws(std::string_view signing_input, const Ed25519Signature& signature);

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading a compact JWS
//-------------------------------------------------------------------------------------------------

enum class JwsProblem {
    None,
    NotJws,          // not three base64url parts, or too long to be a badge
    BadHeader,       // the header is not a JSON object
    BadSignature,    // the signature part is not 64 bytes
    BadPayload,      // the payload is not a JSON object (it may have been altered: check the signature first)
};

struct CompactJws {
    bool ok = false;
    JwsProblem problem = JwsProblem::None;
    std::string error;            // when !ok: what is wrong, in words
    nlohmann::json header;        // the decoded JOSE header (when it could be read)
    nlohmann::json payload;       // the decoded payload (when ok)
    Ed25519Signature signature{}; // when the signature part could be read
    std::string signing_input;    // the first two parts as they were, the bytes the signature covers
};

// Splits and decodes a compact JWS. Strict: exactly three parts of canonical unpadded base64url, a
// JSON-object header and payload (read with the app's limits for untrusted JSON), a 64-byte signature,
// at most kMaxBadgeTextBytes in all. What was read before a refusal is kept, so a checker can still
// test the signature of a JWS whose payload no longer parses.
CompactJws parse_compact_jws(std::string_view text);

//-------------------------------------------------------------------------------------------------
// [SECTION] Baking
//-------------------------------------------------------------------------------------------------

struct BakedBadge {
    bool ok = false;
    std::vector<uint8_t> png; // when ok: the badge picture with its credential
    std::string error;        // when !ok: why (the picture given was not a sound PNG, or the JWS is empty)
};

// The PNG `png` with the JWS as its one iTXt chunk of keyword "openbadgecredential", not compressed,
// with empty language tag and translated keyword (OB 3.0 section "Baked Badge" / "PNG"); a credential
// already baked in is replaced, never doubled.
BakedBadge bake_badge(const uint8_t* png, size_t size, std::string_view jws);

struct BakedText {
    bool ok = false;
    std::string text;  // when ok: the first openbadgecredential chunk's text
    std::string error; // when !ok: for the person who chose the file
    bool picture_damaged = false; // when !ok: the PNG itself is broken (a checksum or a length), not just badge-less
};

// The text of the first iTXt chunk of keyword "openbadgecredential" (what verifiers read, per the
// spec's "Extracting"). Refuses a file that is not a PNG, a damaged or incomplete PNG, one with no
// such chunk, and text over kMaxBadgeTextBytes.
BakedText read_baked_badge(const uint8_t* png, size_t size);

//-------------------------------------------------------------------------------------------------
// [SECTION] Checking a badge
//-------------------------------------------------------------------------------------------------

// The platform's Ed25519 check: true when `signature` is `key`'s signature of `signing_input`.
using Ed25519Verify =
    std::function<bool(const Ed25519PublicKey& key, std::string_view signing_input, const Ed25519Signature& signature)>;

enum class BadgeVerdict {
    Intact,      // the signature matches the issuer it names: nothing changed since signing
    Altered,     // something in the signed badge changed after it was signed (or it names another signer)
    NotABadge,   // no badge inside, a broken picture, or a signed text that is not a valid badge
    CannotCheck, // a badge signed another way (another algorithm, or a key that is not a did:key)
};

struct BadgeCheck {
    BadgeVerdict verdict = BadgeVerdict::NotABadge;
    std::string message; // for a person: what the verdict means and what to do
    // What the badge says, filled whenever its payload could be read (even when altered, so the
    // person sees what is claimed; the verdict says whether to believe it).
    std::string credential_id;
    std::string issuer_name;
    std::string issuer_did;
    std::string earner_name;
    std::string earner_id;
    std::string achievement_name;
    std::string achievement_id;
    std::string valid_from;        // as written, "2026-11-29T19:03:53Z"
    std::string valid_until;       // "" when the badge does not expire
    std::string submission_sha256; // hex, when the evidence names a SHA-256 as Wayfinder writes it
};

// Checks a dropped file: a baked PNG, or the compact JWS itself (a .jws file, surrounding whitespace
// allowed). Without a `verify` function nothing can be checked (CannotCheck). The signature is checked against the key in the header's kid, which must be the same
// did:key as the credential's issuer and the JWT's iss; then the JWT claims must agree with the
// credential (OB 3.0 section 8.2 "Verify a Credential VC-JWT Signature").
BadgeCheck check_badge(const uint8_t* bytes, size_t size, const Ed25519Verify& verify);

} // namespace wf
