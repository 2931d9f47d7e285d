#pragma once
// PNG snapshots that carry the item's JSON, so dropping the picture back into Wayfinder restores an
// editable copy. The JSON travels in an iTXt chunk (PNG's UTF-8 text chunk) placed right after IHDR.
// Reading is strict because the file comes from outside: every length and checksum is verified
// before it is used, and nothing large is allocated before the sizes are known to be sane.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

inline constexpr const char* kSnapshotKeyword = "Wayfinder";

// rgba: top-down rows, 4 bytes per pixel, width*height*4 bytes. Returns a complete PNG file with an
// iTXt chunk (keyword `keyword`, UTF-8 text) right after IHDR; text over 1 KiB is stored
// zlib-compressed (iTXt compression flag 1). Returns an empty vector when the size is not
// positive, the keyword is not 1..79 bytes, or memory runs out.
std::vector<uint8_t> encode_png_with_text(const uint8_t* rgba, int width, int height, std::string_view keyword,
                                          std::string_view utf8_text);

struct PngLimits {
    size_t max_file_bytes = 64u << 20; // 64 MiB: a 3x snapshot of a large map is a few MB
    uint32_t max_width = 16384;        // larger than any canvas a browser will export
    uint32_t max_height = 16384;
    size_t max_text_bytes = 32u << 20; // the same ceiling as a JSON file (ParseLimits::max_bytes)
};

// Why a PNG's text could not be read, for a caller that words its own message (a badge is not a
// snapshot). `error` below says the same for a snapshot.
enum class PngTextProblem {
    None,
    NotPng,      // not a PNG at all
    Damaged,     // a checksum or a length does not match, or the header is wrong
    Incomplete,  // the file ends before IEND
    TooLarge,    // the file, the picture or the text is over its limit
    NoText,      // a sound PNG with no iTXt chunk of that keyword
    DamagedText, // the chunk's own fields or its compressed text are broken
};

struct PngText {
    bool ok = false;
    std::string text;    // when ok: the chunk's text, decompressed
    std::string error;   // when !ok: what happened and what to do, for the user
    PngTextProblem problem = PngTextProblem::None; // when !ok: the kind of refusal
    uint32_t width = 0;  // from IHDR, when it was read
    uint32_t height = 0;
};

// Reads the first iTXt chunk whose keyword is `keyword`. Refuses: a file that is not a PNG; one
// that is damaged (a checksum or a length does not match); one that is incomplete (it ends before
// IEND); one too large (file, IHDR size, or text); and a PNG with no such chunk ("This picture has
// no Wayfinder data inside…").
PngText read_png_text(const uint8_t* data, size_t size, std::string_view keyword, const PngLimits& limits = {});

// A copy of the PNG `png` whose only iTXt chunk of `keyword` holds `utf8_text` uncompressed (flag 0,
// empty language tag and translated keyword), right after IHDR; every earlier chunk of that keyword
// is dropped, other chunks are kept in order. For formats that forbid compressed text (Open Badges
// baking). Empty when `png` is not a sound PNG (checked as read_png_text does, within `limits`) or
// the keyword is not 1..79 bytes.
std::vector<uint8_t> replace_png_text_uncompressed(const uint8_t* png, size_t size, std::string_view keyword,
                                                   std::string_view utf8_text, const PngLimits& limits = {});

} // namespace wf
