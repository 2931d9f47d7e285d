// [SECTION] Checks on the facts
// [SECTION] The credential
// [SECTION] Signing (VC-JWT)
// [SECTION] Reading a compact JWS
// [SECTION] Baking
// [SECTION] Checking a badge

#include "core/open_badge.hpp"

#include "core/base64url.hpp"
#include "core/dates.hpp"
#include "core/json_fields.hpp"
#include "core/json_limits.hpp"
#include "core/png_snapshot.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

namespace wf {

namespace {

using nlohmann::json;

constexpr const char* kContextVc2 = "https://www.w3.org/ns/credentials/v2";
constexpr const char* kContextOb3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
constexpr const char* kContextOb3Prefix = "https://purl.imsglobal.org/spec/ob/v3p0/context";
constexpr std::string_view kNiSha256 = "ni:///sha-256;";

//-------------------------------------------------------------------------------------------------
// [SECTION] Checks on the facts
//-------------------------------------------------------------------------------------------------

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// RFC 4122 text as crypto.randomUUID() writes it: lower-case hex, hyphens at 8, 13, 18 and 23.
bool is_uuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (size_t i = 0; i < text.size(); i++) {
        const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen ? text[i] != '-' : !is_lower_hex(text[i]))
            return false;
    }
    return true;
}

// An absolute URI as far as a credential needs: a scheme (RFC 3986: a letter, then letters, digits,
// '+', '-', '.'), a colon, and something after it, with no spaces or control characters.
bool is_uri(std::string_view text)
{
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size() ||
        !std::isalpha(static_cast<unsigned char>(text[0])))
        return false;
    for (size_t i = 1; i < colon; i++) {
        const char c = text[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
            return false;
    }
    return std::none_of(text.begin(), text.end(), [](char c) { return uint8_t(c) <= 0x20 || c == 0x7F; });
}

// "2026-11-29T19:03:53Z" -> seconds since 1970 (a JWT NumericDate). Only this form: it is the one
// Wayfinder writes, and the one the JWT's nbf must equal.
std::optional<int64_t> utc_seconds(std::string_view text)
{
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto number = [&](size_t at, size_t digits) -> int {
        int value = 0;
        for (size_t i = at; i < at + digits; i++) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour < 0 ||
        hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

std::optional<std::string> hex_bytes(std::string_view hex)
{
    if (hex.size() % 2 != 0 || !std::all_of(hex.begin(), hex.end(), is_lower_hex))
        return std::nullopt;
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string bytes;
    for (size_t i = 0; i < hex.size(); i += 2)
        bytes.push_back(char(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
    return bytes;
}

std::string lower_hex(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (char b : bytes) {
        hex.push_back(kDigits[uint8_t(b) >> 4]);
        hex.push_back(kDigits[uint8_t(b) & 15]);
    }
    return hex;
}

bool blank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// The first fact that cannot go into a credential, or "".
std::string unusable_fact(const BadgeFacts& f)
{
    if (!is_uuid(f.credential_uuid))
        return "credential_uuid is not a lower-case RFC 4122 uuid";
    if (!is_uri(f.achievement.id))
        return "achievement.id is not a URI";
    if (blank(f.achievement.name) || blank(f.achievement.description) || blank(f.achievement.criteria_narrative))
        return "the achievement needs a name, a description and a criteria narrative";
    if (blank(f.earner_name) || !is_uri(f.earner_id))
        return "the earner needs a name and a URI";
    if (blank(f.issuer_name) || !ed25519_from_did_key(f.issuer_did) || f.issuer_did.find('#') != std::string::npos)
        return "the issuer needs a name and an Ed25519 did:key";
    if (!utc_seconds(f.valid_from))
        return "valid_from is not a UTC time like 2026-11-29T19:03:53Z";
    if (f.submission_sha256.size() != 64 || !hex_bytes(f.submission_sha256))
        return "submission_sha256 is not 64 lower-case hex digits";
    for (const std::string* text : {&f.achievement.name, &f.achievement.description, &f.achievement.criteria_narrative,
                                    &f.earner_name, &f.issuer_name, &f.evidence_description})
        if (!is_utf8(*text))
            return "a text is not UTF-8";
    return "";
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] The credential
//-------------------------------------------------------------------------------------------------

BadgeCredential open_badge_credential(const BadgeFacts& f)
{
    BadgeCredential result;
    result.error = unusable_fact(f);
    if (!result.error.empty())
        return result;

    json evidence = json::object();
    json_put(evidence, "id", std::string(kNiSha256) + base64url_encode(*hex_bytes(f.submission_sha256)));
    json_put(evidence, "type", json::array({"Evidence"}));
    json_put(evidence, "name", "Submission");
    if (!blank(f.evidence_description))
        json_put(evidence, "description", f.evidence_description);

    // The earner's name as an IdentityObject: OB 3.0's way to name a subject in plain text ("hashed":
    // false); "ext:name" is the extension spelling its implementation guide uses, since the
    // identifier type list has no "name".
    json name_identity = json::object();
    json_put(name_identity, "type", "IdentityObject");
    json_put(name_identity, "hashed", false);
    json_put(name_identity, "identityHash", f.earner_name);
    json_put(name_identity, "identityType", "ext:name");
    json criteria = json::object();
    json_put(criteria, "narrative", f.achievement.criteria_narrative);
    json achievement = json::object();
    json_put(achievement, "id", f.achievement.id);
    json_put(achievement, "type", json::array({"Achievement"}));
    json_put(achievement, "name", f.achievement.name);
    json_put(achievement, "description", f.achievement.description);
    json_put(achievement, "criteria", std::move(criteria));

    json issuer = json::object();
    json_put(issuer, "id", f.issuer_did);
    json_put(issuer, "type", json::array({"Profile"}));
    json_put(issuer, "name", f.issuer_name);
    json subject = json::object();
    json_put(subject, "id", f.earner_id);
    json_put(subject, "type", json::array({"AchievementSubject"}));
    json_put(subject, "identifier", json::array({std::move(name_identity)}));
    json_put(subject, "achievement", std::move(achievement));

    // Both type names: the spec accepts either beside VerifiableCredential, and older verifiers know
    // only "OpenBadgeCredential".
    json& credential = result.credential = json::object();
    json_put(credential, "@context", json::array({kContextVc2, kContextOb3}));
    json_put(credential, "id", "urn:uuid:" + f.credential_uuid);
    json_put(credential, "type", json::array({"VerifiableCredential", "AchievementCredential", "OpenBadgeCredential"}));
    json_put(credential, "issuer", std::move(issuer));
    json_put(credential, "validFrom", f.valid_from);
    json_put(credential, "name", f.achievement.name);
    json_put(credential, "credentialSubject", std::move(subject));
    json_put(credential, "evidence", json::array({std::move(evidence)}));
    result.ok = true;
    return result;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Signing (VC-JWT)
//-------------------------------------------------------------------------------------------------

BadgeSigningInput badge_signing_input(const BadgeFacts& facts)
{
    BadgeSigningInput result;
    const BadgeCredential built = open_badge_credential(facts);
    if (!built.ok) {
        result.error = built.error;
        return result;
    }
    // OB 3.0 8.2 "Create the JOSE Header": alg, kid, typ and nothing else. EdDSA is the JWA name for
    // Ed25519 (RFC 8037); the kid is a did:key URL any verifier can turn into the key offline.
    json header = json::object();
    json_put(header, "alg", "EdDSA");
    json_put(header, "kid", did_key_verification_method(*ed25519_from_did_key(facts.issuer_did)));
    json_put(header, "typ", "JWT");
    // OB 3.0 8.2 "JWT Payload Format": the credential itself plus its registered claims.
    json payload = built.credential;
    json_put(payload, "iss", facts.issuer_did);
    json_put(payload, "jti", json(built.credential["id"]));
    json_put(payload, "nbf", json(*utc_seconds(facts.valid_from)));
    json_put(payload, "sub", facts.earner_id);
    result.signing_input = base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
    result.ok = true;
    return result;
}

std::string compact_jws(std::string_view signing_input, const Ed25519Signature& signature)
{
    return std::string(signing_input) + "." + base64url_encode(signature.data(), signature.size());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading a compact JWS
//-------------------------------------------------------------------------------------------------

namespace {

CompactJws& jws_refused(CompactJws& jws, JwsProblem problem, std::string error)
{
    jws.problem = problem;
    jws.error = std::move(error);
    return jws;
}

} // namespace

CompactJws parse_compact_jws(std::string_view text)
{
    CompactJws jws;
    if (text.size() > kMaxBadgeTextBytes)
        return jws_refused(jws, JwsProblem::NotJws, "The signed badge is too long to be a badge.");
    const size_t first = text.find('.');
    const size_t second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos || text.find('.', second + 1) != std::string_view::npos || first == 0 ||
        second == first + 1 || second + 1 == text.size())
        return jws_refused(jws, JwsProblem::NotJws, "This is not a signed badge: it does not have the three parts of one.");

    const std::optional<std::string> header_text = base64url_decode(text.substr(0, first));
    if (!header_text)
        return jws_refused(jws, JwsProblem::NotJws, "This is not a signed badge: its first part is not base64url.");
    ParsedJson header = parse_json_limited(*header_text);
    if (!header.ok || !header.value.is_object())
        return jws_refused(jws, JwsProblem::BadHeader, "The signed badge's header is not a JSON object.");
    jws.header = std::move(header.value);
    jws.signing_input = std::string(text.substr(0, second));

    const std::optional<std::string> signature = base64url_decode(text.substr(second + 1));
    if (!signature || signature->size() != jws.signature.size())
        return jws_refused(jws, JwsProblem::BadSignature, "The signed badge's signature is not an Ed25519 signature.");
    std::memcpy(jws.signature.data(), signature->data(), jws.signature.size());

    const std::optional<std::string> payload_text = base64url_decode(text.substr(first + 1, second - first - 1));
    ParsedJson payload = payload_text ? parse_json_limited(*payload_text) : ParsedJson{};
    if (!payload.ok || !payload.value.is_object())
        return jws_refused(jws, JwsProblem::BadPayload, "The signed badge's content is not a JSON object.");
    jws.payload = std::move(payload.value);
    jws.ok = true;
    return jws;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Baking
//-------------------------------------------------------------------------------------------------

BakedBadge bake_badge(const uint8_t* png, size_t size, std::string_view jws)
{
    BakedBadge result;
    if (jws.empty() || jws.size() > kMaxBadgeTextBytes) {
        result.error = "There is no signed badge to put in the picture.";
        return result;
    }
    result.png = replace_png_text_uncompressed(png, size, kBadgeKeyword, jws);
    result.ok = !result.png.empty();
    if (!result.ok)
        result.error = "The badge picture could not be made: the picture given is not a sound PNG.";
    return result;
}

BakedText read_baked_badge(const uint8_t* png, size_t size)
{
    BakedText result;
    PngLimits limits;
    limits.max_text_bytes = kMaxBadgeTextBytes;
    PngText read = read_png_text(png, size, kBadgeKeyword, limits);
    if (read.ok) {
        result.text = std::move(read.text);
        result.ok = true;
        return result;
    }
    switch (read.problem) {
    case PngTextProblem::NotPng:
        result.error = "This file is not a PNG picture, so it holds no badge. Choose a badge picture (.png).";
        break;
    case PngTextProblem::Damaged:
    case PngTextProblem::Incomplete:
        result.picture_damaged = true;
        result.error = "This picture is damaged or incomplete, so the badge in it cannot be checked. Ask the earner "
                       "for a fresh copy of the badge.";
        break;
    case PngTextProblem::TooLarge:
        result.error = "This picture, or the badge in it, is too large to be a badge from Wayfinder.";
        break;
    case PngTextProblem::NoText:
        result.error = "This picture carries no badge: it has no Open Badges credential inside.";
        break;
    case PngTextProblem::DamagedText:
    case PngTextProblem::None:
        result.picture_damaged = true;
        result.error = "The badge inside this picture is damaged and cannot be read.";
        break;
    }
    return result;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Checking a badge
//-------------------------------------------------------------------------------------------------

namespace {

constexpr const char* kNotABadgeMessage =
    "This file is not a badge. Choose a badge picture (.png) or a signed badge file (.jws).";
constexpr const char* kAlteredMessage =
    "This badge was changed after it was signed. Do not rely on what it says; ask the earner for the original "
    "badge file.";

BadgeCheck& verdict(BadgeCheck& check, BadgeVerdict v, std::string message)
{
    check.verdict = v;
    check.message = std::move(message);
    return check;
}

bool has_type(const json& types, std::string_view name)
{
    const auto is_name = [&](const json& t) { return t.is_string() && t.get_ref<const std::string&>() == name; };
    return is_name(types) || (types.is_array() && std::any_of(types.begin(), types.end(), is_name));
}

// What the credential claims, copied into `check` for display.
void read_claims(const json& credential, BadgeCheck& check)
{
    check.credential_id = json_string(credential, "id");
    if (const json* issuer = json_field(credential, "issuer")) {
        if (issuer->is_string()) {
            check.issuer_did = issuer->get_ref<const std::string&>();
        } else {
            check.issuer_did = json_string(*issuer, "id");
            check.issuer_name = json_string(*issuer, "name");
        }
    }
    check.valid_from = json_string(credential, "validFrom");
    check.valid_until = json_string(credential, "validUntil");
    if (const json* subject = json_field(credential, "credentialSubject")) {
        check.earner_id = json_string(*subject, "id");
        if (const json* identifiers = json_field(*subject, "identifier"); identifiers && identifiers->is_array())
            for (const json& identity : *identifiers)
                if (json_string(identity, "identityType") == "ext:name" && json_field(identity, "hashed") &&
                    *json_field(identity, "hashed") == false) {
                    check.earner_name = json_string(identity, "identityHash");
                    break;
                }
        if (const json* achievement = json_field(*subject, "achievement")) {
            check.achievement_id = json_string(*achievement, "id");
            check.achievement_name = json_string(*achievement, "name");
        }
    }
    if (const json* evidence = json_field(credential, "evidence"); evidence && evidence->is_array())
        for (const json& item : *evidence) {
            const std::string id = json_string(item, "id");
            if (id.compare(0, kNiSha256.size(), kNiSha256) != 0)
                continue;
            const std::optional<std::string> digest = base64url_decode(std::string_view(id).substr(kNiSha256.size()));
            if (digest && digest->size() == 32) {
                check.submission_sha256 = lower_hex(*digest);
                break;
            }
        }
}

// Whether a signed payload is an OB 3.0 credential whose JWT claims agree with it (OB 3.0 8.2 "Verify
// a Credential VC-JWT Signature"; the required properties of AchievementCredential).
bool claims_agree(const json& payload, const BadgeCheck& check)
{
    const json* context = json_field(payload, "@context");
    if (!context || !context->is_array() || context->size() < 2 || (*context)[0] != kContextVc2 ||
        !(*context)[1].is_string() ||
        (*context)[1].get_ref<const std::string&>().compare(0, std::strlen(kContextOb3Prefix), kContextOb3Prefix) != 0)
        return false;
    const json* types = json_field(payload, "type");
    if (!types || !has_type(*types, "VerifiableCredential") ||
        !(has_type(*types, "AchievementCredential") || has_type(*types, "OpenBadgeCredential")))
        return false;
    const json* subject = json_field(payload, "credentialSubject");
    const json* achievement = subject ? json_field(*subject, "achievement") : nullptr;
    if (check.credential_id.empty() || check.issuer_did.empty() || !achievement || check.achievement_name.empty())
        return false;
    const std::optional<double> nbf = json_number(payload, "nbf");
    const std::optional<int64_t> valid_from = utc_seconds(check.valid_from);
    return json_string(payload, "iss") == check.issuer_did && json_string(payload, "jti") == check.credential_id &&
           (check.earner_id.empty() || json_string(payload, "sub") == check.earner_id) && nbf && valid_from &&
           *nbf == double(*valid_from);
}

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

} // namespace

BadgeCheck check_badge(const uint8_t* bytes, size_t size, const Ed25519Verify& verify)
{
    BadgeCheck check;
    static constexpr uint8_t kPngStart[4] = {0x89, 'P', 'N', 'G'};
    const bool is_png = bytes && size >= sizeof kPngStart && std::memcmp(bytes, kPngStart, sizeof kPngStart) == 0;

    std::string text;
    if (is_png) {
        BakedText baked = read_baked_badge(bytes, size);
        if (!baked.ok)
            return verdict(check, BadgeVerdict::NotABadge, baked.error);
        text = std::move(baked.text);
    } else if (bytes && size <= kMaxBadgeTextBytes) {
        text.assign(reinterpret_cast<const char*>(bytes), size);
    }
    const std::string_view credential_text = trimmed(text);
    if (!credential_text.empty() && credential_text.front() == '{') {
        // A credential in plain JSON carries its proof inside (a linked data proof), if any.
        const ParsedJson parsed = parse_json_limited(credential_text);
        const json* types = parsed.ok ? json_field(parsed.value, "type") : nullptr;
        if (!types || !has_type(*types, "VerifiableCredential"))
            return verdict(check, BadgeVerdict::NotABadge, kNotABadgeMessage);
        read_claims(parsed.value, check);
        return verdict(check, BadgeVerdict::CannotCheck,
                       "This badge carries its proof inside the credential. Wayfinder checks badges signed as a JWS "
                       "only, so it cannot tell whether this one is intact.");
    }

    const CompactJws jws = parse_compact_jws(credential_text);
    if (jws.problem == JwsProblem::NotJws || jws.problem == JwsProblem::BadHeader) {
        // Text taken from a picture's badge chunk was meant to be a badge: broken, it was changed.
        if (is_png)
            return verdict(check, BadgeVerdict::Altered, kAlteredMessage);
        return verdict(check, BadgeVerdict::NotABadge, kNotABadgeMessage);
    }

    const std::string alg = json_string(jws.header, "alg");
    const std::string kid = json_string(jws.header, "kid");
    const std::optional<Ed25519PublicKey> key = ed25519_from_did_key(kid);
    if (alg != "EdDSA" || !key)
        return verdict(check, BadgeVerdict::CannotCheck,
                       "This badge was signed in a way Wayfinder cannot check: it checks Ed25519 signatures by "
                       "issuers identified with a did:key only.");
    if (!verify)
        return verdict(check, BadgeVerdict::CannotCheck,
                       "This browser cannot check signatures, so Wayfinder cannot tell whether this badge is intact.");
    if (jws.problem == JwsProblem::BadSignature || !verify(*key, jws.signing_input, jws.signature))
        return verdict(check, BadgeVerdict::Altered, kAlteredMessage);
    if (!jws.ok)
        return verdict(check, BadgeVerdict::NotABadge,
                       "This file is signed, but what it holds is not a badge credential.");

    // The payload is the credential with its JWT claims beside its properties (OB 3.0 8.2). The VC 1.1
    // form, with the credential under "vc", is older than this spec's contexts and is not a valid badge here.
    read_claims(jws.payload, check);

    const std::string signer_did = kid.substr(0, kid.find('#'));
    if (check.issuer_did != signer_did)
        return verdict(check, BadgeVerdict::Altered,
                       "This badge was not signed by the issuer it names. Do not rely on what it says.");
    if (!claims_agree(jws.payload, check))
        return verdict(check, BadgeVerdict::NotABadge,
                       "This badge is signed, but its details do not agree with each other, so it is not a valid "
                       "Open Badge.");

    const std::string who = check.issuer_name.empty() ? std::string("its issuer") : check.issuer_name;
    return verdict(check, BadgeVerdict::Intact,
                   "This badge is intact: nothing in it has changed since " + who +
                       " signed it. The signature proves the badge is unchanged and which key signed it; it cannot "
                       "prove who holds that key.");
}

} // namespace wf
