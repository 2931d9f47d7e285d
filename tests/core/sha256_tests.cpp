#include "core/sha256.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace wf;

// The vectors of FIPS 180-4's examples and NIST's test suite.
TEST_CASE("SHA-256 gives the published digests of the standard test messages")
{
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                     "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 of a message fed in pieces equals that of the whole, across block and padding edges")
{
    for (size_t length : {55u, 56u, 63u, 64u, 65u, 119u, 128u}) {
        const std::string message(length, 'x');
        Sha256 hasher;
        hasher.update(message.substr(0, 7));
        hasher.update(message.substr(7));
        CAPTURE(length);
        CHECK(hasher.finish() == sha256(message));
    }
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
