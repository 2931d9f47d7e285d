#include "core/open_badge.hpp"
#include "core/picture_type.hpp"
#include "core/png_snapshot.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

using namespace wf;

namespace {
std::vector<uint8_t> png_with_chunk(const char* keyword) {
    const std::vector<uint8_t> rgba(4 * 4 * 4, 200);
    return encode_png_with_text(rgba.data(), 4, 4, keyword, "{}");
}
const char* plain(const std::string& bytes) { return plain_picture_type(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()); }
const char* plain(const std::vector<uint8_t>& bytes) { return plain_picture_type(bytes.data(), bytes.size()); }
} // namespace

TEST_CASE("a photo, a screenshot, a WebP or a GIF dropped into Wayfinder is recognised as a picture by its first bytes") {
    CHECK(std::strcmp(plain(std::string("\xFF\xD8\xFF\xE0rest of a JPEG", 18)), "image/jpeg") == 0);
    CHECK(std::strcmp(plain(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), "image/webp") == 0);
    CHECK(std::strcmp(plain(std::string("GIF89a\x01\0\x01\0")), "image/gif") == 0);
    CHECK(std::strcmp(plain(png_with_chunk("Comment")), "image/png") == 0);
    // The name or type a file claims does not matter; its bytes do.
    CHECK(plain(std::string("{\"type\":\"wayfinder.workspace\"}")) == nullptr);
    CHECK(plain(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)) == nullptr);
    CHECK(plain(std::string("")) == nullptr);
    CHECK(picture_type(nullptr, 0) == nullptr);
}

TEST_CASE("a PNG carrying a Wayfinder snapshot or a baked badge is not taken for a plain picture, nor is a damaged PNG") {
    CHECK(plain(png_with_chunk(kSnapshotKeyword)) == nullptr);
    CHECK(plain(png_with_chunk(kBadgeKeyword)) == nullptr);
    std::vector<uint8_t> damaged = png_with_chunk("Comment");
    damaged[damaged.size() / 2] ^= 0x55;   // a checksum no longer matches
    CHECK(plain(damaged) == nullptr);
    CHECK(std::strcmp(picture_type(damaged.data(), damaged.size()), "image/png") == 0); // still a PNG by its start
}
