// did:key for Ed25519, pinned to the test vectors of the did:key method specification (W3C CCG
// did-method-key, test-vectors/ed25519-x25519.json: each did with its key's publicKeyBase58).

#include "core/did_key.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace wf;

namespace {

struct Vector {
    const char* did;
    const char* public_key_base58;
};

// The Ed25519 keys of seeds 0, 1 and 2 in the specification's vectors.
constexpr Vector kSpecVectors[] = {
    {"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS"},
    {"did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG", "6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt"},
    {"did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf", "8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH"},
};

Ed25519PublicKey key_from_base58(const char* text)
{
    const std::optional<std::string> bytes = base58btc_decode(text);
    REQUIRE(bytes);
    REQUIRE(bytes->size() == 32);
    Ed25519PublicKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

std::string encode(const std::string& bytes)
{
    return base58btc_encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

} // namespace

TEST_CASE("an Ed25519 key becomes the did:key the specification lists for it, and back")
{
    for (const Vector& v : kSpecVectors) {
        CAPTURE(v.did);
        const Ed25519PublicKey key = key_from_base58(v.public_key_base58);
        CHECK(did_key_from_ed25519(key) == v.did);
        const std::optional<Ed25519PublicKey> back = ed25519_from_did_key(v.did);
        REQUIRE(back);
        CHECK(*back == key);
    }
}

TEST_CASE("a key's verification method is its did with the key repeated as the fragment, and reads back")
{
    const Ed25519PublicKey key = key_from_base58(kSpecVectors[0].public_key_base58);
    const std::string method = did_key_verification_method(key);
    CHECK(method ==
          "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
    const std::optional<Ed25519PublicKey> back = ed25519_from_did_key(method);
    REQUIRE(back);
    CHECK(*back == key);
}

TEST_CASE("anything but an Ed25519 did:key is refused")
{
    const std::string good = kSpecVectors[0].did;
    const std::string multibase = good.substr(8);
    // another method, another base, another key type, a cut key, a stray character, a foreign fragment
    for (const std::string& bad : {
             std::string(""), std::string("did:key:"), std::string("did:web:example.org"),
             "did:example:" + multibase,
             "did:key:" + std::string("m") + multibase.substr(1),           // 'm' is base64 in multibase
             std::string("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"), // a secp256k1 did:key
             good.substr(0, good.size() - 1),                              // one character short
             good + "1",                                                   // one digit more
             good.substr(0, 20) + "0" + good.substr(21),                   // '0' is not in base58
             good + "#z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG",  // the fragment names another key
             good + "#", std::string(" ") + good,
         }) {
        CAPTURE(bad);
        CHECK_FALSE(ed25519_from_did_key(bad));
    }
}

TEST_CASE("base58btc keeps leading zero bytes as '1's and round-trips any bytes")
{
    CHECK(encode(std::string("\0\0\x01", 3)) == "112");
    CHECK(encode("") == "");
    CHECK(encode("hello world") == "StV1DL6CwTryKyV");
    CHECK(base58btc_decode("StV1DL6CwTryKyV") == std::optional<std::string>("hello world"));
    CHECK(base58btc_decode("112") == std::optional<std::string>(std::string("\0\0\x01", 3)));
    std::string all;
    for (int i = 0; i < 64; i++)
        all.push_back(char(i * 4 + 3));
    CHECK(base58btc_decode(encode(all)) == std::optional<std::string>(all));
    CHECK_FALSE(base58btc_decode("0OIl"));
    CHECK_FALSE(base58btc_decode(std::string(129, '2')));
}
