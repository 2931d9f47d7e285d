#pragma once
// Which picture a file is, from its first bytes: a dropped or pasted file's name and claimed type
// can say anything, and a plain picture goes somewhere else than a Wayfinder snapshot or a badge.

#include <cstddef>
#include <cstdint>

namespace wf {

// "image/png", "image/jpeg", "image/webp" or "image/gif" (the formats every browser decodes), or
// nullptr for anything else.
const char* picture_type(const uint8_t* data, size_t size);

// A picture to keep as evidence: a JPEG, WebP or GIF, or a PNG that carries neither a Wayfinder
// snapshot nor a baked badge (those open as what they carry). A PNG too damaged to read is not one:
// it is refused the way a damaged snapshot is. Returns its type, or nullptr.
const char* plain_picture_type(const uint8_t* data, size_t size);

} // namespace wf
