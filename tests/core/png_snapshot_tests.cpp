#include "core/png_snapshot.hpp"

#include <doctest/doctest.h>
#include <stb/stb_image.h> // declarations only: the implementation is compiled into the core library

#include <cstring>
#include "core/json_limits.hpp"
#include "heap_use.hpp"
#include "test_support.hpp"

using namespace wf::test;

using namespace wf;

namespace {

constexpr int kWidth = 7, kHeight = 5; // odd sizes catch row-stride mistakes

std::vector<uint8_t> gradient_pixels()
{
    std::vector<uint8_t> rgba;
    for (int y = 0; y < kHeight; y++)
        for (int x = 0; x < kWidth; x++)
            rgba.insert(rgba.end(), {uint8_t(x * 36), uint8_t(y * 60), uint8_t(200 - x * y), uint8_t(255 - y * 10)});
    return rgba;
}

const std::string kShortText = R"({"type":"wayfinder.profile","name":"Ana Pérez — “notes” ñ ü"})";

std::string long_text()
{
    std::string text = "{\"focus\":\"";
    while (text.size() < 5000)
        text += "Ana Pérez — “notes” ñ ü. ";
    return text + "\"}";
}

std::vector<uint8_t> snapshot(const std::string& text, std::string_view keyword = kSnapshotKeyword)
{
    const std::vector<uint8_t> pixels = gradient_pixels();
    return encode_png_with_text(pixels.data(), kWidth, kHeight, keyword, text);
}

PngText read(const std::vector<uint8_t>& png, const PngLimits& limits = {})
{
    return read_png_text(png.data(), png.size(), kSnapshotKeyword, limits);
}

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

// An independent, bitwise CRC-32 (the library uses a table), so a shared mistake cannot hide.
uint32_t reference_crc(const uint8_t* bytes, size_t size)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; i++) {
        crc ^= bytes[i];
        for (int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

// Rewrites the CRC of the chunk starting at `at`, after a test has edited its data on purpose.
void reseal_chunk(std::vector<uint8_t>& png, size_t at)
{
    const size_t length = be32(&png[at]);
    const uint32_t crc = reference_crc(&png[at + 4], 4 + length);
    for (int i = 0; i < 4; i++)
        png[at + 8 + length + i] = uint8_t(crc >> (24 - 8 * i));
}

constexpr size_t kTextChunkAt = 33; // right after the signature and IHDR

const std::string kIncomplete = "The image file is incomplete";

} // namespace

TEST_CASE("a snapshot keeps its pixels and its text, accents and curly quotes included")
{
    const std::vector<uint8_t> png = snapshot(kShortText);
    REQUIRE_FALSE(png.empty());

    int width = 0, height = 0, channels = 0;
    uint8_t* decoded = stbi_load_from_memory(png.data(), int(png.size()), &width, &height, &channels, 4);
    REQUIRE(decoded != nullptr);
    CHECK(width == kWidth);
    CHECK(height == kHeight);
    CHECK(std::memcmp(decoded, gradient_pixels().data(), size_t(kWidth * kHeight * 4)) == 0);
    stbi_image_free(decoded);

    const PngText text = read(png);
    REQUIRE(text.ok);
    CHECK(text.error.empty());
    CHECK(text.text == kShortText);
    CHECK(text.width == uint32_t(kWidth));
    CHECK(text.height == uint32_t(kHeight));
}

TEST_CASE("short text is stored as plain iTXt right after the header")
{
    const std::vector<uint8_t> png = snapshot(kShortText);
    CHECK(std::memcmp(&png[kTextChunkAt + 4], "iTXt", 4) == 0);
    const uint8_t* body = &png[kTextChunkAt + 8];
    CHECK(std::memcmp(body, "Wayfinder\0", 10) == 0);
    CHECK(body[10] == 0); // compression flag: none
    CHECK(be32(&png[kTextChunkAt]) == 10 + 4 + kShortText.size());
}

TEST_CASE("text over 1 KiB is stored compressed and reads back exactly")
{
    const std::string text = long_text();
    const std::vector<uint8_t> png = snapshot(text);
    REQUIRE(std::memcmp(&png[kTextChunkAt + 4], "iTXt", 4) == 0);
    CHECK(png[kTextChunkAt + 8 + 10] == 1); // compression flag: zlib
    CHECK(be32(&png[kTextChunkAt]) < text.size() / 4);

    const PngText read_back = read(png);
    REQUIRE(read_back.ok);
    CHECK(read_back.text == text);

    int width = 0, height = 0, channels = 0;
    uint8_t* decoded = stbi_load_from_memory(png.data(), int(png.size()), &width, &height, &channels, 4);
    CHECK(decoded != nullptr); // the extra chunk does not disturb ordinary image readers
    stbi_image_free(decoded);
}

TEST_CASE("text of exactly 1 KiB stays uncompressed; one byte more is compressed")
{
    CHECK(snapshot(std::string(1024, 'a'))[kTextChunkAt + 8 + 10] == 0);
    const std::vector<uint8_t> png = snapshot(std::string(1025, 'a'));
    CHECK(png[kTextChunkAt + 8 + 10] == 1);
    CHECK(read(png).text == std::string(1025, 'a'));
}

TEST_CASE("a snapshot cannot be made from no pixels or with an invalid keyword")
{
    const std::vector<uint8_t> pixels = gradient_pixels();
    CHECK(encode_png_with_text(pixels.data(), 0, kHeight, kSnapshotKeyword, "x").empty());
    CHECK(encode_png_with_text(nullptr, kWidth, kHeight, kSnapshotKeyword, "x").empty());
    CHECK(encode_png_with_text(pixels.data(), kWidth, kHeight, "", "x").empty());
    CHECK(encode_png_with_text(pixels.data(), kWidth, kHeight, std::string(80, 'k'), "x").empty());
}

TEST_CASE("a flipped byte anywhere in a chunk is reported as damage")
{
    const std::vector<uint8_t> good = snapshot(kShortText);
    for (size_t at : {size_t(20), kTextChunkAt + 20, good.size() - 20}) {
        std::vector<uint8_t> png = good;
        png[at] ^= 0x01;
        const PngText text = read(png);
        CHECK_FALSE(text.ok);
        CHECK(contains(text.error, "This picture is damaged"));
        CHECK(contains(text.error, "checksum"));
    }
}

TEST_CASE("a file cut off at any point is reported as incomplete, without crashing")
{
    const std::vector<uint8_t> png = snapshot(long_text());
    for (size_t cut = 1; cut < png.size(); cut++) {
        const std::vector<uint8_t> part(png.begin(), png.begin() + long(cut));
        const PngText text = read(part);
        CHECK_FALSE(text.ok);
        CHECK_MESSAGE(contains(text.error, kIncomplete), "cut at byte ", cut, ": ", text.error);
    }
}

TEST_CASE("a header claiming 100000 × 100000 pixels is refused as too large")
{
    std::vector<uint8_t> png = snapshot(kShortText);
    const uint8_t huge[4] = {0x00, 0x01, 0x86, 0xA0}; // 100000
    std::memcpy(&png[16], huge, 4);
    std::memcpy(&png[20], huge, 4);
    reseal_chunk(png, 8);
    const PngText text = read(png);
    CHECK_FALSE(text.ok);
    CHECK(text.error == "This picture is too large to open (100000 × 100000 pixels; Wayfinder opens pictures up to "
                        "16384 × 16384). Choose a snapshot (.png) exported from Wayfinder.");
}

TEST_CASE("either side over the limit is too large")
{
    const std::vector<uint8_t> png = snapshot(kShortText);
    PngLimits narrow;
    narrow.max_width = kWidth - 1;
    CHECK(contains(read(png, narrow).error, "This picture is too large to open (7 × 5 pixels"));
    PngLimits short_limit;
    short_limit.max_height = kHeight - 1;
    CHECK(contains(read(png, short_limit).error, "This picture is too large to open"));
    PngLimits exact;
    exact.max_width = kWidth;
    exact.max_height = kHeight;
    CHECK(read(png, exact).ok);
}

TEST_CASE("a picture whose header is not first is refused as damaged")
{
    std::vector<uint8_t> png = snapshot(kShortText);
    std::memcpy(&png[12], "IHDX", 4);
    reseal_chunk(png, 8);
    const PngText text = read(png);
    CHECK_FALSE(text.ok);
    CHECK(contains(text.error, "This picture is damaged"));
}

TEST_CASE("a file over the size limit is refused before it is read")
{
    PngLimits limits;
    limits.max_file_bytes = 100;
    const PngText text = read(snapshot(kShortText), limits);
    CHECK_FALSE(text.ok);
    CHECK(contains(text.error, "This picture is too large to open"));
}

TEST_CASE("text over the limit is refused, compressed or not, even when it would inflate hugely")
{
    PngLimits limits;
    limits.max_text_bytes = 1000;
    for (const std::string& text : {std::string(1001, 'a'), std::string(3u << 20, 'a')}) {
        const PngText result = read(snapshot(text), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.text.empty());
        CHECK(result.error == "The Wayfinder data inside this picture is too large to open (more than 1 KB). "
                              "Choose a snapshot (.png) exported from Wayfinder.");
    }
    limits.max_text_bytes = 1025;
    CHECK(read(snapshot(std::string(1025, 'a')), limits).ok); // exactly at the limit
}

TEST_CASE("compressed text that does not inflate is reported as damaged data")
{
    std::vector<uint8_t> png = snapshot(long_text());
    const size_t text_at = kTextChunkAt + 8 + 14; // keyword, NUL, flag, method, two empty tags
    png[text_at + 2] ^= 0xFF;                     // corrupt the first deflate block header
    png[text_at + 3] ^= 0xFF;
    reseal_chunk(png, kTextChunkAt);
    const PngText text = read(png);
    CHECK_FALSE(text.ok);
    CHECK(text.error == "The Wayfinder data inside this picture is damaged. Export the snapshot again, or open the "
                        "item's JSON file instead.");
}

TEST_CASE("a PNG without Wayfinder data says only Wayfinder snapshots can be opened")
{
    const std::string no_data =
        "This picture has no Wayfinder data inside. Only snapshots exported from Wayfinder can be opened.";
    CHECK(read(snapshot(kShortText, "Comment")).error == no_data); // someone else's text chunk

    std::vector<uint8_t> plain = snapshot(kShortText);
    const size_t chunk_size = 12 + be32(&plain[kTextChunkAt]);
    plain.erase(plain.begin() + long(kTextChunkAt), plain.begin() + long(kTextChunkAt + chunk_size));
    const PngText text = read(plain);
    CHECK_FALSE(text.ok);
    CHECK(text.error == no_data);
    CHECK(text.width == uint32_t(kWidth));
}

TEST_CASE("a file that is not a PNG is refused as such")
{
    const std::string not_png = "This file is not a PNG picture. Choose a snapshot (.png) exported from Wayfinder.";
    for (const std::string& bytes : {std::string("GIF89a\x01\x00\x01\x00"), std::string("{\"type\": \"x\"}"),
                                     std::string()}) {
        const PngText text = read_png_text(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                           kSnapshotKeyword);
        CHECK_FALSE(text.ok);
        CHECK(text.error == not_png);
    }
}

//-------------------------------------------------------------------------------------------------
// Hostile pictures
//-------------------------------------------------------------------------------------------------

namespace {

// The snapshot with its text chunk replaced by an iTXt chunk carrying `text` as given, compressed
// (flag 1) or not, sealed with a correct checksum.
std::vector<uint8_t> with_text_chunk(const std::vector<uint8_t>& text, bool compressed)
{
    const std::vector<uint8_t> png = snapshot(kShortText);
    const size_t old_end = kTextChunkAt + 12 + be32(&png[kTextChunkAt]);
    std::vector<uint8_t> body(kSnapshotKeyword, kSnapshotKeyword + std::strlen(kSnapshotKeyword));
    body.insert(body.end(), {0, uint8_t(compressed), 0, 0, 0});
    body.insert(body.end(), text.begin(), text.end());
    std::vector<uint8_t> out(png.begin(), png.begin() + long(kTextChunkAt));
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(uint8_t(body.size() >> shift));
    out.insert(out.end(), {'i', 'T', 'X', 't'});
    out.insert(out.end(), body.begin(), body.end());
    out.insert(out.end(), 4, 0);
    reseal_chunk(out, kTextChunkAt);
    out.insert(out.end(), png.begin() + long(old_end), png.end());
    return out;
}

// A zlib stream of one fixed-Huffman block: `head` as literals, then `repeats` copies of 258 bytes
// from `distance` (1 to 4) bytes back, then `tail`. About 13 bits per 258 bytes: 4 million repeats of
// distance 1 after "a" inflate 6.5 MB to 1 GB. The Adler-32 trailer is left zero: stb does not check it.
std::vector<uint8_t> deflate_repeats(std::string_view head, int distance, size_t repeats, std::string_view tail)
{
    std::vector<uint8_t> out = {0x78, 0x01};
    uint32_t bits = 0;
    int used = 0;
    const auto put = [&](uint32_t value, int count) { // least significant bit first, as deflate packs
        for (int i = 0; i < count; i++) {
            bits |= ((value >> i) & 1) << used;
            if (++used == 8) {
                out.push_back(uint8_t(bits));
                bits = 0;
                used = 0;
            }
        }
    };
    const auto put_code = [&](uint32_t code, int length) { // Huffman codes go most significant bit first
        for (int i = length - 1; i >= 0; i--)
            put((code >> i) & 1, 1);
    };
    const auto put_literals = [&](std::string_view text) {
        for (const char c : text)
            put_code(0x30 + uint8_t(c), 8); // bytes 0..143 have 8-bit codes from 0x30
    };
    put(1, 1); // the last block
    put(1, 2); // fixed Huffman codes
    put_literals(head);
    for (size_t i = 0; i < repeats; i++) {
        put_code(0xC5, 8);          // length code 285: 258 bytes
        put_code(distance - 1, 5);  // distance codes 0..3: distances 1..4
    }
    put_literals(tail);
    put_code(0, 7); // end of block
    if (used > 0)
        out.push_back(uint8_t(bits));
    out.insert(out.end(), 4, 0);
    return out;
}

} // namespace

TEST_CASE("a text chunk claiming 4 GB is refused from its length alone, without allocating")
{
    for (const uint32_t claimed : {0xFFFFFFFFu, 0x7FFFFFF0u}) {
        std::vector<uint8_t> png = snapshot(kShortText);
        for (int i = 0; i < 4; i++)
            png[kTextChunkAt + i] = uint8_t(claimed >> (24 - 8 * i));
        const HeapPeak peak;
        const PngText text = read(png);
        CHECK_FALSE(text.ok);
        CHECK(peak.bytes() < (64u << 10));
        if (claimed > 0x7FFFFFFFu)
            CHECK(text.error == "This picture is damaged: part of it does not match what it should be. Export the "
                                "snapshot again, or open the item's JSON file instead. (Impossible length in the iTXt "
                                "chunk.)");
        else
            CHECK(contains(text.error, kIncomplete)); // 2 GB claimed, a few hundred bytes there
    }
}

TEST_CASE("a zlib bomb in the text chunk is refused at the text limit, in bounded memory")
{
    const std::vector<uint8_t> bomb = deflate_repeats("a", 1, 4u << 20, ""); // 6.5 MB that inflates to 1 GB
    const std::vector<uint8_t> png = with_text_chunk(bomb, true);
    const HeapPeak peak;
    const PngText text = read(png);
    CHECK_FALSE(text.ok);
    CHECK(text.text.empty());
    CHECK(text.error == "The Wayfinder data inside this picture is too large to open (more than 32 MB). Choose a "
                        "snapshot (.png) exported from Wayfinder.");
    CHECK(peak.bytes() <= PngLimits{}.max_text_bytes + (1u << 20)); // one text buffer at a time

    PngLimits roomy; // the same stream inflates in full when the limit allows it
    roomy.max_text_bytes = 2000;
    CHECK(read(with_text_chunk(deflate_repeats("a", 1, 5, ""), true), roomy).text == std::string(1 + 5 * 258, 'a'));
}

TEST_CASE("30 MB of tiny JSON elements inside a small picture are refused by the import memory budget")
{
    // "[[],[],[],…,[]]": after "[[],", each copy of 258 bytes from 3 back repeats "[],"; 1.5 MB in all.
    const size_t repeats = (30u << 20) / 258;
    const std::vector<uint8_t> png = with_text_chunk(deflate_repeats("[[],", 3, repeats, "[]]"), true);
    REQUIRE(png.size() < (2u << 20));
    const HeapPeak peak;
    const PngText text = read(png);
    REQUIRE(text.ok);
    REQUIRE(text.text.size() == 4 + 258 * repeats + 3);
    CHECK(text.text.substr(0, 9) == "[[],[],[]");
    const ParsedJson parsed = parse_json_limited(text.text);
    CHECK_FALSE(parsed.ok);
    CHECK(contains(parsed.error, "This file holds more data than Wayfinder can open at once"));
    CHECK(peak.bytes() <= PngLimits{}.max_text_bytes + (8u << 20) + ParseLimits{}.max_memory);
}
