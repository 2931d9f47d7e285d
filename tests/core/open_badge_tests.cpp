// The Open Badges 3.0 badge: the credential, its VC-JWT signing input, compact JWS parsing, baking
// into a PNG, and checking. Signatures are made and checked here with OpenSSL's Ed25519 (linked into
// this test binary only), standing in for the browser's Web Crypto.

#include "core/base64url.hpp"
#include "core/did_key.hpp"
#include "core/open_badge.hpp"
#include "core/png_snapshot.hpp"

#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <stb/stb_image.h> // declarations only: the implementation is compiled into the core library

#include <cstring>
#include <memory>
#include <set>

#include "test_support.hpp"

using namespace wf;
using nlohmann::json;

namespace {

//-------------------------------------------------------------------------------------------------
// Ed25519 through OpenSSL
//-------------------------------------------------------------------------------------------------

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

struct TestKey {
    std::shared_ptr<EVP_PKEY> pkey;
    Ed25519PublicKey public_key{};
    std::string did;
};

// A key from a 32-byte seed (RFC 8032's private key), so the tests sign the same way every run.
TestKey key_from_seed(const std::array<uint8_t, 32>& seed)
{
    TestKey key;
    key.pkey.reset(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()), EVP_PKEY_free);
    REQUIRE(key.pkey);
    size_t size = key.public_key.size();
    REQUIRE(EVP_PKEY_get_raw_public_key(key.pkey.get(), key.public_key.data(), &size) == 1);
    REQUIRE(size == 32);
    key.did = did_key_from_ed25519(key.public_key);
    return key;
}

TestKey key_from_seed_byte(uint8_t last)
{
    std::array<uint8_t, 32> seed{};
    seed[31] = last;
    return key_from_seed(seed);
}

Ed25519Signature sign(const TestKey& key, std::string_view message)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    REQUIRE(EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.pkey.get()) == 1);
    Ed25519Signature signature{};
    size_t size = signature.size();
    REQUIRE(EVP_DigestSign(ctx.get(), signature.data(), &size, reinterpret_cast<const unsigned char*>(message.data()),
                           message.size()) == 1);
    REQUIRE(size == 64);
    return signature;
}

bool openssl_verify(const Ed25519PublicKey& key, std::string_view message, const Ed25519Signature& signature)
{
    PkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()), EVP_PKEY_free);
    if (!pkey)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

//-------------------------------------------------------------------------------------------------
// Facts, badges and pictures
//-------------------------------------------------------------------------------------------------

const TestKey& reviewer_key()
{
    static const TestKey key = key_from_seed_byte(7);
    return key;
}

BadgeFacts sample_facts()
{
    BadgeFacts f;
    f.credential_uuid = "5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90";
    f.achievement = {"urn:wayfinder:credential:empowering-students-as-creators", "Empowering Students as Creators",
                     "The librarian builds a culture in which students make, code, film and publish.",
                     "Submit an overview, three pieces of evidence and a reflection that meet every rubric row."};
    f.earner_name = "Ana Pérez";
    f.earner_id = "urn:uuid:0b8e1c52-7d7a-4f5e-a0a9-3c2e1f6d4b11";
    f.issuer_name = "Jordan Lee";
    f.issuer_did = reviewer_key().did;
    f.valid_from = "2026-11-29T19:03:53Z";
    f.submission_sha256 = "293f1d2ee206a7cbebe633764a26ea455bd39f494a774a7289f8663da31916a2";
    f.evidence_description = "The second-round submission: overview, four evidence items, reflection.";
    return f;
}

std::string signed_jws(const BadgeFacts& facts, const TestKey& key)
{
    const BadgeSigningInput input = badge_signing_input(facts);
    REQUIRE_MESSAGE(input.ok, input.error);
    return compact_jws(input.signing_input, sign(key, input.signing_input));
}

// A JWS of any header and payload, signed by `key`: for badges Wayfinder would never write.
std::string signed_parts(const json& header, const json& payload, const TestKey& key)
{
    const std::string input = base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
    return compact_jws(input, sign(key, input));
}

json decoded_json(std::string_view part)
{
    const std::optional<std::string> text = base64url_decode(part);
    REQUIRE(text);
    return json::parse(*text, nullptr, false);
}

constexpr int kWidth = 6, kHeight = 4;

std::vector<uint8_t> pixels()
{
    std::vector<uint8_t> rgba;
    for (int i = 0; i < kWidth * kHeight; i++)
        rgba.insert(rgba.end(), {uint8_t(i * 10), uint8_t(200 - i * 5), 90, 255});
    return rgba;
}

// A picture as the app draws it: pixels and a Wayfinder text chunk (which baking must keep).
std::vector<uint8_t> plain_picture()
{
    const std::vector<uint8_t> rgba = pixels();
    return encode_png_with_text(rgba.data(), kWidth, kHeight, kSnapshotKeyword, R"({"type":"wayfinder.badge"})");
}

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

struct Chunk {
    std::string type;
    std::string data;
    size_t at = 0; // offset of the chunk's length field
};

std::vector<Chunk> chunks_of(const std::vector<uint8_t>& png)
{
    std::vector<Chunk> chunks;
    for (size_t pos = 8; pos + 12 <= png.size();) {
        const uint32_t length = be32(&png[pos]);
        chunks.push_back({std::string(reinterpret_cast<const char*>(&png[pos + 4]), 4),
                          std::string(reinterpret_cast<const char*>(&png[pos + 8]), length), pos});
        pos += 12 + length;
    }
    return chunks;
}

std::vector<Chunk> badge_chunks(const std::vector<uint8_t>& png)
{
    std::vector<Chunk> found;
    for (const Chunk& c : chunks_of(png))
        if (c.type == "iTXt" && c.data.compare(0, 20, std::string("openbadgecredential\0", 20)) == 0)
            found.push_back(c);
    return found;
}

// Rewrites a chunk's CRC after a deliberate edit, as someone tampering with care would.
void fix_crc(std::vector<uint8_t>& png, const Chunk& chunk)
{
    uint32_t crc = 0xFFFFFFFFu;
    const size_t length = chunk.data.size();
    for (size_t i = chunk.at + 4; i < chunk.at + 8 + length; i++) {
        crc ^= png[i];
        for (int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    crc = ~crc;
    for (int i = 0; i < 4; i++)
        png[chunk.at + 8 + length + i] = uint8_t(crc >> (24 - 8 * i));
}

std::vector<uint8_t> baked(const std::string& jws)
{
    const std::vector<uint8_t> picture = plain_picture();
    const BakedBadge badge = bake_badge(picture.data(), picture.size(), jws);
    REQUIRE_MESSAGE(badge.ok, badge.error);
    return badge.png;
}

BadgeCheck check_bytes(const std::vector<uint8_t>& bytes) { return check_badge(bytes.data(), bytes.size(), openssl_verify); }

BadgeCheck check_text(std::string_view text)
{
    return check_badge(reinterpret_cast<const uint8_t*>(text.data()), text.size(), openssl_verify);
}

// Another character of the base64url alphabet, so the JWS keeps its shape.
char other_base64url(char c) { return c == 'A' ? 'B' : 'A'; }

} // namespace

//-------------------------------------------------------------------------------------------------
// base64url
//-------------------------------------------------------------------------------------------------

TEST_CASE("base64url writes RFC 4648's examples without padding and reads them back")
{
    const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"f", "Zg"},         {"fo", "Zm8"},
                                                          {"foo", "Zm9v"}, {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"},
                                                          {"foobar", "Zm9vYmFy"}};
    for (const auto& [bytes, text] : vectors) {
        CHECK(base64url_encode(bytes) == text);
        CHECK(base64url_decode(text) == std::optional<std::string>(bytes));
    }
    CHECK(base64url_encode(std::string("\xfb\xff", 2)) == "-_8"); // the URL-safe letters, not '+' and '/'
    std::string all;
    for (int i = 0; i < 256; i++)
        all.push_back(char(i));
    CHECK(base64url_decode(base64url_encode(all)) == std::optional<std::string>(all));
}

TEST_CASE("base64url refuses padding, plain base64's letters, spaces, a lone character and stray bits")
{
    for (const char* bad : {"Zg==", "Zm9v+A", "Zm9v/A", " Zm9v", "Zm9v\n", "Z", "Zm9vY", "Zh", "Zm9"}) {
        CAPTURE(bad);
        CHECK_FALSE(base64url_decode(bad));
    }
    CHECK(base64url_decode("Zm8") == std::optional<std::string>("fo")); // "Zm9" spells the same bytes badly
}

//-------------------------------------------------------------------------------------------------
// The credential
//-------------------------------------------------------------------------------------------------

TEST_CASE("a badge credential has every property Open Badges 3.0 requires, contexts in order")
{
    const BadgeCredential built = open_badge_credential(sample_facts());
    REQUIRE_MESSAGE(built.ok, built.error);
    const json& c = built.credential;

    // AchievementCredential (and VerifiableCredential): @context, id, type, issuer, validFrom,
    // credentialSubject; "name" for wallets.
    for (const char* key : {"@context", "id", "type", "issuer", "validFrom", "name", "credentialSubject"})
        CHECK_MESSAGE(c.contains(key), key);
    CHECK(c["@context"] == json::array({"https://www.w3.org/ns/credentials/v2",
                                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}));
    CHECK(c["id"] == "urn:uuid:5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90");
    const json& types = c["type"];
    CHECK(types[0] == "VerifiableCredential");
    CHECK(std::count(types.begin(), types.end(), "AchievementCredential") == 1);
    CHECK(c["validFrom"] == "2026-11-29T19:03:53Z");
    CHECK(c["name"] == "Empowering Students as Creators");

    // Profile: id, type (Profile); and the reviewer's name.
    CHECK(c["issuer"] == json({{"id", reviewer_key().did}, {"type", {"Profile"}}, {"name", "Jordan Lee"}}));

    // AchievementSubject: type, achievement; the earner by id and by name.
    const json& subject = c["credentialSubject"];
    CHECK(subject["type"] == json::array({"AchievementSubject"}));
    CHECK(subject["id"] == "urn:uuid:0b8e1c52-7d7a-4f5e-a0a9-3c2e1f6d4b11");
    CHECK(subject["identifier"] == json::array({{{"type", "IdentityObject"},
                                                 {"hashed", false},
                                                 {"identityHash", "Ana Pérez"},
                                                 {"identityType", "ext:name"}}}));

    // Achievement: id, type, criteria, description, name.
    const json& achievement = subject["achievement"];
    for (const char* key : {"id", "type", "criteria", "description", "name"})
        CHECK_MESSAGE(achievement.contains(key), key);
    CHECK(achievement["type"] == json::array({"Achievement"}));
    CHECK(achievement["criteria"]["narrative"] ==
          "Submit an overview, three pieces of evidence and a reflection that meet every rubric row.");

    // Evidence: type; its id names the submission by its SHA-256 (RFC 6920).
    REQUIRE(c["evidence"].size() == 1);
    const json& evidence = c["evidence"][0];
    CHECK(evidence["type"] == json::array({"Evidence"}));
    CHECK(evidence["id"] == "ni:///sha-256;KT8dLuIGp8vr5jN2SibqRVvTn0lKd0pyifhmPaMZFqI");
    CHECK(evidence["description"] == "The second-round submission: overview, four evidence items, reflection.");
}

TEST_CASE("facts that cannot make a valid credential are refused, naming the fact")
{
    const std::pair<void (*)(BadgeFacts&), const char*> cases[] = {
        {[](BadgeFacts& f) { f.credential_uuid = "5F0C6F2E-8C1B-4C7E-9A41-2D3B6E7F8A90"; }, "credential_uuid"},
        {[](BadgeFacts& f) { f.credential_uuid = "urn:uuid:5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90"; }, "credential_uuid"},
        {[](BadgeFacts& f) { f.achievement.id = "empowering students"; }, "achievement.id"},
        {[](BadgeFacts& f) { f.achievement.criteria_narrative = "  "; }, "criteria narrative"},
        {[](BadgeFacts& f) { f.earner_name = ""; }, "earner"},
        {[](BadgeFacts& f) { f.earner_id = "ana"; }, "earner"},
        {[](BadgeFacts& f) { f.issuer_did = "did:web:example.org"; }, "did:key"},
        {[](BadgeFacts& f) { f.issuer_did = reviewer_key().did + "#" + reviewer_key().did.substr(8); }, "did:key"},
        {[](BadgeFacts& f) { f.valid_from = "2026-11-29"; }, "valid_from"},
        {[](BadgeFacts& f) { f.valid_from = "2026-02-29T10:00:00Z"; }, "valid_from"},
        {[](BadgeFacts& f) { f.valid_from = "2026-11-29T19:03:53+01:00"; }, "valid_from"},
        {[](BadgeFacts& f) { f.submission_sha256 = std::string(63, 'a'); }, "submission_sha256"},
        {[](BadgeFacts& f) { f.submission_sha256 = std::string(64, 'A'); }, "submission_sha256"},
        {[](BadgeFacts& f) { f.earner_name = "Ana \xff"; }, "UTF-8"},
    };
    for (const auto& [spoil, named] : cases) {
        BadgeFacts facts = sample_facts();
        spoil(facts);
        const BadgeCredential built = open_badge_credential(facts);
        CHECK_FALSE(built.ok);
        CHECK_MESSAGE(wf::test::contains(built.error, named), built.error);
        CHECK_FALSE(badge_signing_input(facts).ok);
    }
}

//-------------------------------------------------------------------------------------------------
// Signing input and compact JWS
//-------------------------------------------------------------------------------------------------

TEST_CASE("the signing input is an EdDSA header naming the reviewer's did:key, and the credential with its JWT claims")
{
    const BadgeFacts facts = sample_facts();
    const BadgeSigningInput input = badge_signing_input(facts);
    REQUIRE(input.ok);
    const size_t dot = input.signing_input.find('.');
    REQUIRE(dot != std::string::npos);
    CHECK(input.signing_input.find('.', dot + 1) == std::string::npos);

    CHECK(decoded_json(std::string_view(input.signing_input).substr(0, dot)) ==
          json({{"alg", "EdDSA"}, {"kid", did_key_verification_method(reviewer_key().public_key)}, {"typ", "JWT"}}));

    json expected = open_badge_credential(facts).credential;
    expected["iss"] = reviewer_key().did;
    expected["jti"] = "urn:uuid:5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90";
    expected["nbf"] = 1795979033; // 2026-11-29T19:03:53Z
    expected["sub"] = "urn:uuid:0b8e1c52-7d7a-4f5e-a0a9-3c2e1f6d4b11";
    CHECK(decoded_json(std::string_view(input.signing_input).substr(dot + 1)) == expected);
}

TEST_CASE("a compact JWS parses back into its header, payload, signature and signing input")
{
    const BadgeSigningInput input = badge_signing_input(sample_facts());
    Ed25519Signature signature{};
    for (size_t i = 0; i < signature.size(); i++)
        signature[i] = uint8_t(i * 3 + 1);
    const std::string jws = compact_jws(input.signing_input, signature);
    CHECK(jws == input.signing_input + "." + base64url_encode(signature.data(), signature.size()));

    const CompactJws parsed = parse_compact_jws(jws);
    REQUIRE_MESSAGE(parsed.ok, parsed.error);
    CHECK(parsed.header["alg"] == "EdDSA");
    CHECK(parsed.payload["name"] == "Empowering Students as Creators");
    CHECK(parsed.signature == signature);
    CHECK(parsed.signing_input == input.signing_input);
}

TEST_CASE("a malformed compact JWS is refused with what is wrong with it")
{
    const std::string header = base64url_encode(R"({"alg":"EdDSA"})");
    const std::string payload = base64url_encode(R"({"name":"x"})");
    const std::string signature = base64url_encode(std::string(64, 'S'));
    const std::pair<std::string, JwsProblem> cases[] = {
        {"", JwsProblem::NotJws},
        {header + "." + payload, JwsProblem::NotJws},
        {header + "." + payload + "." + signature + "." + signature, JwsProblem::NotJws},
        {header + ".." + signature, JwsProblem::NotJws},
        {"." + payload + "." + signature, JwsProblem::NotJws},
        {header + "=." + payload + "." + signature, JwsProblem::NotJws},
        {base64url_encode("[1]") + "." + payload + "." + signature, JwsProblem::BadHeader},
        {base64url_encode("{\"alg\":") + "." + payload + "." + signature, JwsProblem::BadHeader},
        {header + "." + payload + "." + base64url_encode(std::string(63, 'S')), JwsProblem::BadSignature},
        {header + "." + payload + "." + signature + "=", JwsProblem::BadSignature},
        {header + "." + base64url_encode("\"text\"") + "." + signature, JwsProblem::BadPayload},
        {header + "." + payload + "+." + signature, JwsProblem::BadPayload},
        {header + "." + std::string(kMaxBadgeTextBytes, 'A') + "." + signature, JwsProblem::NotJws},
    };
    for (const auto& [text, problem] : cases) {
        const std::string shown = text.substr(0, 80); // clang 14 cannot capture a structured binding
        CAPTURE(shown);
        const CompactJws parsed = parse_compact_jws(text);
        CHECK_FALSE(parsed.ok);
        CHECK(parsed.problem == problem);
        CHECK_FALSE(parsed.error.empty());
    }
}

//-------------------------------------------------------------------------------------------------
// Baking
//-------------------------------------------------------------------------------------------------

TEST_CASE("a baked badge has exactly one uncompressed openbadgecredential chunk with empty tags, and keeps the picture")
{
    const std::string jws = signed_jws(sample_facts(), reviewer_key());
    REQUIRE(jws.size() > 1024); // long enough that the snapshot writer would have compressed it
    const std::vector<uint8_t> png = baked(jws);

    const std::vector<Chunk> found = badge_chunks(png);
    REQUIRE(found.size() == 1);
    // keyword, NUL, compression flag 0, method 0, empty language tag (NUL), empty translated keyword (NUL), text
    CHECK(found[0].data == std::string("openbadgecredential\0\0\0\0\0", 24) + jws);
    CHECK(chunks_of(png)[1].type == "iTXt"); // right after IHDR, where readers that stop early still see it

    // The pixels and the picture's other text are untouched.
    int w = 0, h = 0, n = 0;
    unsigned char* decoded = stbi_load_from_memory(png.data(), int(png.size()), &w, &h, &n, 4);
    REQUIRE(decoded);
    CHECK(std::vector<uint8_t>(decoded, decoded + w * h * 4) == pixels());
    stbi_image_free(decoded);
    const PngText snapshot = read_png_text(png.data(), png.size(), kSnapshotKeyword);
    REQUIRE(snapshot.ok);
    CHECK(snapshot.text == R"({"type":"wayfinder.badge"})");

    const BakedText read = read_baked_badge(png.data(), png.size());
    REQUIRE_MESSAGE(read.ok, read.error);
    CHECK(read.text == jws);
}

TEST_CASE("baking a badge again replaces the credential instead of adding a second one")
{
    const std::string first = signed_jws(sample_facts(), reviewer_key());
    BadgeFacts later = sample_facts();
    later.valid_from = "2026-12-01T08:00:00Z";
    const std::string second = signed_jws(later, reviewer_key());

    const std::vector<uint8_t> once = baked(first);
    const BakedBadge twice = bake_badge(once.data(), once.size(), second);
    REQUIRE(twice.ok);
    REQUIRE(badge_chunks(twice.png).size() == 1);
    CHECK(read_baked_badge(twice.png.data(), twice.png.size()).text == second);

    // A picture that already (wrongly) holds two: both go, one stays.
    std::vector<uint8_t> doubled = once;
    const Chunk chunk = badge_chunks(once)[0];
    const size_t chunk_bytes = 12 + chunk.data.size();
    doubled.insert(doubled.begin() + long(chunk.at + chunk_bytes), once.begin() + long(chunk.at),
                   once.begin() + long(chunk.at + chunk_bytes));
    REQUIRE(badge_chunks(doubled).size() == 2);
    const BakedBadge cleaned = bake_badge(doubled.data(), doubled.size(), second);
    REQUIRE(cleaned.ok);
    CHECK(badge_chunks(cleaned.png).size() == 1);
    CHECK(read_baked_badge(cleaned.png.data(), cleaned.png.size()).text == second);
}

TEST_CASE("a badge cannot be baked into something that is not a sound PNG, nor be empty")
{
    const std::string jws = signed_jws(sample_facts(), reviewer_key());
    const std::string not_png = "GIF89a";
    CHECK_FALSE(bake_badge(reinterpret_cast<const uint8_t*>(not_png.data()), not_png.size(), jws).ok);
    std::vector<uint8_t> broken = plain_picture();
    broken[20] ^= 0x01; // inside IHDR: its checksum no longer matches
    const BakedBadge refused = bake_badge(broken.data(), broken.size(), jws);
    CHECK_FALSE(refused.ok);
    CHECK_FALSE(refused.error.empty());
    const std::vector<uint8_t> picture = plain_picture();
    CHECK_FALSE(bake_badge(picture.data(), picture.size(), "").ok);
}

TEST_CASE("reading a baked badge refuses a file that is not a PNG, a bad checksum, no badge, and a badge too big")
{
    const std::string text = "just text";
    const BakedText not_png = read_baked_badge(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    CHECK_FALSE(not_png.ok);
    CHECK(wf::test::contains(not_png.error, "not a PNG"));

    std::vector<uint8_t> png = baked(signed_jws(sample_facts(), reviewer_key()));
    const Chunk chunk = badge_chunks(png)[0];
    png[chunk.at + 8 + 30] ^= 0x20;
    const BakedText damaged = read_baked_badge(png.data(), png.size());
    CHECK_FALSE(damaged.ok);
    CHECK(damaged.picture_damaged);
    CHECK(wf::test::contains(damaged.error, "damaged"));

    const std::vector<uint8_t> plain = plain_picture();
    const BakedText none = read_baked_badge(plain.data(), plain.size());
    CHECK_FALSE(none.ok);
    CHECK_FALSE(none.picture_damaged);
    CHECK(wf::test::contains(none.error, "carries no badge"));

    const std::string huge(kMaxBadgeTextBytes + 1, 'A');
    const std::vector<uint8_t> big = replace_png_text_uncompressed(plain.data(), plain.size(), kBadgeKeyword, huge);
    REQUIRE_FALSE(big.empty());
    const BakedText too_big = read_baked_badge(big.data(), big.size());
    CHECK_FALSE(too_big.ok);
    CHECK(wf::test::contains(too_big.error, "too large"));
}

//-------------------------------------------------------------------------------------------------
// Checking
//-------------------------------------------------------------------------------------------------

TEST_CASE("the did:key specification's seed-0 key, derived by OpenSSL, is the did the specification lists")
{
    const TestKey key = key_from_seed({});
    CHECK(key.did == "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
}

TEST_CASE("a badge signed by the reviewer is intact, and says who issued it to whom, for what, and when")
{
    const std::string jws = signed_jws(sample_facts(), reviewer_key());
    for (const BadgeCheck& check : {check_bytes(baked(jws)), check_text(jws), check_text(jws + "\n")}) {
        CHECK(check.verdict == BadgeVerdict::Intact);
        CHECK(wf::test::contains(check.message, "intact"));
        CHECK(wf::test::contains(check.message, "Jordan Lee"));
        CHECK(check.issuer_name == "Jordan Lee");
        CHECK(check.issuer_did == reviewer_key().did);
        CHECK(check.earner_name == "Ana Pérez");
        CHECK(check.earner_id == "urn:uuid:0b8e1c52-7d7a-4f5e-a0a9-3c2e1f6d4b11");
        CHECK(check.achievement_name == "Empowering Students as Creators");
        CHECK(check.achievement_id == "urn:wayfinder:credential:empowering-students-as-creators");
        CHECK(check.valid_from == "2026-11-29T19:03:53Z");
        CHECK(check.valid_until.empty());
        CHECK(check.credential_id == "urn:uuid:5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90");
        CHECK(check.submission_sha256 == sample_facts().submission_sha256);
    }
}

TEST_CASE("any one character changed in the signed badge's payload or signature says it was altered")
{
    const std::string jws = signed_jws(sample_facts(), reviewer_key());
    const size_t payload_start = jws.find('.') + 1;
    size_t altered = 0;
    for (size_t i = payload_start; i < jws.size(); i++) {
        if (jws[i] == '.')
            continue;
        std::string changed = jws;
        changed[i] = other_base64url(changed[i]);
        const BadgeCheck check = check_text(changed);
        CAPTURE(i);
        CHECK(check.verdict == BadgeVerdict::Altered);
        altered += check.verdict == BadgeVerdict::Altered;
    }
    CHECK(altered == jws.size() - payload_start - 1);

    const BadgeCheck check = check_text(jws.substr(0, jws.size() - 1) + other_base64url(jws.back()));
    CHECK(check.message == "This badge was changed after it was signed. Do not rely on what it says; ask the earner "
                           "for the original badge file.");
}

TEST_CASE("a byte changed in a baked badge's text says altered; with the checksum left wrong, the picture is damaged")
{
    const std::string jws = signed_jws(sample_facts(), reviewer_key());
    const std::vector<uint8_t> png = baked(jws);
    const Chunk chunk = badge_chunks(png)[0];
    const size_t text_at = chunk.at + 8 + 24;
    // One byte in the header, the payload and the signature of the chunk's JWS.
    for (size_t offset : {size_t(5), jws.find('.') + 40, jws.size() - 10}) {
        CAPTURE(offset);
        std::vector<uint8_t> tampered = png;
        tampered[text_at + offset] = uint8_t(other_base64url(char(tampered[text_at + offset])));
        fix_crc(tampered, chunk);
        const BadgeCheck altered = check_bytes(tampered);
        CHECK(altered.verdict != BadgeVerdict::Intact);
        if (offset > 5)
            CHECK(altered.verdict == BadgeVerdict::Altered);

        tampered = png;
        tampered[text_at + offset] ^= 0x01;
        const BadgeCheck broken = check_bytes(tampered);
        CHECK(broken.verdict == BadgeVerdict::NotABadge);
        CHECK(wf::test::contains(broken.message, "damaged"));
    }
}

TEST_CASE("a badge that names one reviewer's did but was signed with another key is not intact")
{
    const TestKey other = key_from_seed_byte(8);
    // The credential and its kid name `other`; the reviewer's key signed it.
    BadgeFacts facts = sample_facts();
    facts.issuer_did = other.did;
    CHECK(check_text(signed_jws(facts, reviewer_key())).verdict == BadgeVerdict::Altered);

    // The kid is the signer's own, but the credential claims another issuer.
    const BadgeSigningInput input = badge_signing_input(sample_facts());
    json payload = decoded_json(std::string_view(input.signing_input).substr(input.signing_input.find('.') + 1));
    payload["issuer"]["id"] = other.did;
    payload["iss"] = other.did;
    const json header = {{"alg", "EdDSA"}, {"kid", did_key_verification_method(reviewer_key().public_key)}, {"typ", "JWT"}};
    const BadgeCheck check = check_text(signed_parts(header, payload, reviewer_key()));
    CHECK(check.verdict == BadgeVerdict::Altered);
    CHECK(wf::test::contains(check.message, "not signed by the issuer it names"));
}

TEST_CASE("a signed badge whose JWT claims disagree with its credential is not a valid badge")
{
    const BadgeSigningInput input = badge_signing_input(sample_facts());
    const json header = decoded_json(std::string_view(input.signing_input).substr(0, input.signing_input.find('.')));
    const json good = decoded_json(std::string_view(input.signing_input).substr(input.signing_input.find('.') + 1));
    REQUIRE(check_text(signed_parts(header, good, reviewer_key())).verdict == BadgeVerdict::Intact);

    const std::pair<const char*, json> spoiled[] = {
        {"jti", "urn:uuid:00000000-0000-0000-0000-000000000000"},
        {"sub", "urn:uuid:someone-else"},
        {"nbf", 1795979034},
        {"type", json::array({"VerifiableCredential"})},
        {"@context", json::array({"https://www.w3.org/ns/credentials/v2"})},
    };
    for (const auto& [key, value] : spoiled) {
        const std::string claim = key; // clang 14 cannot capture a structured binding
        CAPTURE(claim);
        json payload = good;
        payload[key] = value;
        const BadgeCheck check = check_text(signed_parts(header, payload, reviewer_key()));
        CHECK(check.verdict == BadgeVerdict::NotABadge);
        CHECK(wf::test::contains(check.message, "not a valid"));
    }
    const BadgeCheck not_json = check_text(compact_jws(
        base64url_encode(header.dump()) + "." + base64url_encode("plain words"),
        sign(reviewer_key(), base64url_encode(header.dump()) + "." + base64url_encode("plain words"))));
    CHECK(not_json.verdict == BadgeVerdict::NotABadge);
}

TEST_CASE("a badge signed another way, carrying its proof inside, or with nothing to check signatures, cannot be checked")
{
    const BadgeSigningInput input = badge_signing_input(sample_facts());
    const json payload = decoded_json(std::string_view(input.signing_input).substr(input.signing_input.find('.') + 1));
    const json rsa = {{"alg", "RS256"}, {"kid", "https://example.edu/keys#key-1"}, {"typ", "JWT"}};
    const json web_kid = {{"alg", "EdDSA"}, {"kid", "https://example.edu/keys#key-1"}};
    for (const json& header : {rsa, web_kid}) {
        const BadgeCheck check = check_text(signed_parts(header, payload, reviewer_key()));
        CHECK(check.verdict == BadgeVerdict::CannotCheck);
        CHECK_FALSE(check.message.empty());
    }
    const std::string jws = signed_jws(sample_facts(), reviewer_key());
    CHECK(check_badge(reinterpret_cast<const uint8_t*>(jws.data()), jws.size(), nullptr).verdict ==
          BadgeVerdict::CannotCheck); // no platform to check the signature with
    const std::string embedded = open_badge_credential(sample_facts()).credential.dump();
    const BadgeCheck inside = check_bytes(baked(embedded));
    CHECK(inside.verdict == BadgeVerdict::CannotCheck);
    CHECK(inside.issuer_name == "Jordan Lee"); // what it claims is still shown

}

TEST_CASE("a picture or a text file without a badge is not a badge")
{
    const BadgeCheck picture = check_bytes(plain_picture());
    CHECK(picture.verdict == BadgeVerdict::NotABadge);
    CHECK(wf::test::contains(picture.message, "carries no badge"));
    const BadgeCheck notes = check_text("Meeting notes. Nothing signed here.");
    CHECK(notes.verdict == BadgeVerdict::NotABadge);
    CHECK(wf::test::contains(notes.message, "not a badge"));
    CHECK(check_badge(nullptr, 0, openssl_verify).verdict == BadgeVerdict::NotABadge);
    CHECK(check_text(R"({"type":"wayfinder.workspace","version":3})").verdict == BadgeVerdict::NotABadge);
    // A badge whose chunk holds something that is not a JWS was broken after baking.
    CHECK(check_bytes(baked("not.a.jws")).verdict == BadgeVerdict::Altered);
}
