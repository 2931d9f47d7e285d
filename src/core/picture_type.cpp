#include "core/picture_type.hpp"

#include <cstring>

#include "core/open_badge.hpp"
#include "core/png_snapshot.hpp"

namespace wf {

namespace {
bool starts_with(const uint8_t* data, size_t size, const char* magic, size_t length, size_t at = 0) {
    return size >= at + length && std::memcmp(data + at, magic, length) == 0;
}
} // namespace

const char* picture_type(const uint8_t* data, size_t size) {
    if (!data) return nullptr;
    if (starts_with(data, size, "\x89PNG\r\n\x1a\n", 8)) return "image/png";
    if (starts_with(data, size, "\xFF\xD8\xFF", 3)) return "image/jpeg";
    if (starts_with(data, size, "RIFF", 4) && starts_with(data, size, "WEBP", 4, 8)) return "image/webp";
    if (starts_with(data, size, "GIF87a", 6) || starts_with(data, size, "GIF89a", 6)) return "image/gif";
    return nullptr;
}

const char* plain_picture_type(const uint8_t* data, size_t size) {
    const char* type = picture_type(data, size);
    if (!type || std::strcmp(type, "image/png") != 0) return type;
    // Only a sound PNG without either chunk: each read checks every chunk's length and checksum.
    for (const char* keyword : {kSnapshotKeyword, kBadgeKeyword})
        if (read_png_text(data, size, keyword).problem != PngTextProblem::NoText) return nullptr;
    return type;
}

} // namespace wf
