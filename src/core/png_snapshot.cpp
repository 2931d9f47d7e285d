// [SECTION] stb implementations
// [SECTION] CRC-32 and chunk bytes
// [SECTION] Writing
// [SECTION] Reading

#include "core/png_snapshot.hpp"

#include "core/file_size_text.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>

//-------------------------------------------------------------------------------------------------
// [SECTION] stb implementations
//-------------------------------------------------------------------------------------------------
// stb_image_write encodes the pixels and compresses long text; stb_image inflates text on reading.
// Their implementations live in this one translation unit of the core library (the tests decode
// pixels with stbi_load_from_memory from here too). zlib itself is not used: the wasm build has none.

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

namespace wf {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] CRC-32 and chunk bytes
//-------------------------------------------------------------------------------------------------

constexpr std::array<uint32_t, 256> make_crc_table()
{
    std::array<uint32_t, 256> table{};
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

constexpr std::array<uint32_t, 256> kCrcTable = make_crc_table();

// The CRC-32 PNG stores after each chunk, computed over the chunk type and data.
uint32_t crc32(const uint8_t* bytes, size_t size)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; i++)
        c = kCrcTable[(c ^ bytes[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

uint32_t read_be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

void append_be32(std::vector<uint8_t>& out, uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(uint8_t(v >> shift));
}

constexpr uint8_t kSignature[8] = {137, 'P', 'N', 'G', 13, 10, 26, 10};
constexpr size_t kChunkOverhead = 12;                // length, type, CRC
constexpr size_t kIhdrEnd = 8 + kChunkOverhead + 13; // signature + the IHDR chunk
constexpr size_t kCompressAbove = 1024;              // shorter text gains little and stays readable in tools

//-------------------------------------------------------------------------------------------------
// [SECTION] Writing
//-------------------------------------------------------------------------------------------------

// iTXt data: keyword, 0, compression flag, compression method (0 = zlib), language tag, 0,
// translated keyword, 0, text. Both tags are left empty: the text is data, not prose.
bool append_itxt_chunk(std::vector<uint8_t>& out, std::string_view keyword, std::string_view text,
                       bool may_compress)
{
    std::vector<uint8_t> body(keyword.begin(), keyword.end());
    const bool compressed = may_compress && text.size() > kCompressAbove;
    for (uint8_t b : {uint8_t(0), uint8_t(compressed), uint8_t(0), uint8_t(0), uint8_t(0)})
        body.push_back(b);
    if (compressed) {
        int packed_size = 0;
        // stb does not write to the input; the parameter is just not const.
        unsigned char* packed = stbi_zlib_compress(
            reinterpret_cast<unsigned char*>(const_cast<char*>(text.data())), int(text.size()), &packed_size, 8);
        if (!packed)
            return false;
        body.insert(body.end(), packed, packed + packed_size);
        STBIW_FREE(packed);
    } else {
        body.insert(body.end(), text.begin(), text.end());
    }

    append_be32(out, uint32_t(body.size()));
    const size_t type_at = out.size();
    out.insert(out.end(), {'i', 'T', 'X', 't'});
    out.insert(out.end(), body.begin(), body.end());
    append_be32(out, crc32(out.data() + type_at, out.size() - type_at));
    return true;
}

} // namespace

std::vector<uint8_t> encode_png_with_text(const uint8_t* rgba, int width, int height, std::string_view keyword,
                                          std::string_view utf8_text)
{
    if (!rgba || width <= 0 || height <= 0 || width > INT_MAX / 4 || keyword.empty() || keyword.size() > 79 ||
        utf8_text.size() > size_t(INT_MAX / 2))
        return {};
    int png_size = 0;
    unsigned char* png = stbi_write_png_to_mem(rgba, width * 4, width, height, 4, &png_size);
    if (!png)
        return {};
    std::vector<uint8_t> out(png, png + kIhdrEnd);
    const bool appended = append_itxt_chunk(out, keyword, utf8_text, true);
    if (appended)
        out.insert(out.end(), png + kIhdrEnd, png + png_size);
    STBIW_FREE(png);
    return appended ? out : std::vector<uint8_t>{};
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reading
//-------------------------------------------------------------------------------------------------

namespace {

constexpr const char* kChooseSnapshot = "Choose a snapshot (.png) exported from Wayfinder.";

std::string damaged(const std::string& detail)
{
    return "This picture is damaged: part of it does not match what it should be. Export the snapshot again, or open "
           "the item's JSON file instead. (" + detail + ")";
}

std::string incomplete()
{
    return "The image file is incomplete: it ends before the picture does. It may not have finished downloading or "
           "copying; get a complete copy and try again.";
}

std::string damaged_data()
{
    return "The Wayfinder data inside this picture is damaged. Export the snapshot again, or open the item's JSON "
           "file instead.";
}

std::string chunk_name(const uint8_t* type)
{
    std::string name(reinterpret_cast<const char*>(type), 4);
    const bool printable = std::all_of(name.begin(), name.end(), [](char c) { return c >= 0x21 && c <= 0x7E; });
    return printable ? name : "unnamed";
}

// Inflates into a buffer that doubles up to the limit, so a small chunk that would expand to
// gigabytes (a "zip bomb") fails at the limit instead of exhausting memory.
bool inflate_limited(const uint8_t* packed, size_t packed_size, size_t max_size, std::string& out, bool& too_large)
{
    too_large = false;
    const size_t ceiling = std::min(max_size, size_t(INT_MAX - 1)) + 1; // one spare byte tells "over" from "exactly"
    size_t capacity = std::min(ceiling, std::max<size_t>(64u << 10, packed_size * 4));
    for (;;) {
        // A fresh buffer for each try: growing the last one would copy bytes this try inflates again,
        // holding both for a moment (2.5 times the limit at the last step).
        std::string().swap(out);
        out.resize(capacity);
        const int produced = stbi_zlib_decode_buffer(&out[0], int(capacity), reinterpret_cast<const char*>(packed),
                                                     int(packed_size));
        if (produced >= 0) {
            out.resize(size_t(produced));
            too_large = out.size() > max_size;
            return !too_large;
        }
        const bool ran_out = std::strcmp(stbi_failure_reason(), "output buffer limit") == 0;
        if (!ran_out)
            return false;
        if (capacity == ceiling) {
            too_large = true;
            return false;
        }
        capacity = std::min(ceiling, capacity * 2);
    }
}

// Reads the text of an iTXt chunk whose keyword has already matched: sets result.text and
// result.ok, or result.error.
void read_itxt_text(const uint8_t* body, size_t size, size_t keyword_size, size_t max_text, PngText& result)
{
    result.error = damaged_data();
    result.problem = PngTextProblem::DamagedText;
    size_t pos = keyword_size + 1;
    if (size < pos + 2)
        return;
    const uint8_t compressed = body[pos], method = body[pos + 1];
    if (compressed > 1 || (compressed == 1 && method != 0))
        return;
    pos += 2;
    for (int tag = 0; tag < 2; tag++) { // language tag, translated keyword: both NUL-terminated
        const void* end = std::memchr(body + pos, 0, size - pos);
        if (!end)
            return;
        pos = size_t(static_cast<const uint8_t*>(end) - body) + 1;
    }
    const uint8_t* text = body + pos;
    const size_t text_size = size - pos;

    bool too_large = false;
    if (compressed) {
        if (!inflate_limited(text, text_size, max_text, result.text, too_large)) {
            std::string().swap(result.text); // its memory, not only its contents
            if (!too_large)
                return;
        }
    } else if (text_size > max_text) {
        too_large = true;
    } else {
        result.text.assign(reinterpret_cast<const char*>(text), text_size);
    }
    if (too_large) {
        result.error = "The Wayfinder data inside this picture is too large to open (more than " +
                       file_size_text(max_text) + "). " + kChooseSnapshot;
        result.problem = PngTextProblem::TooLarge;
        return;
    }
    result.error.clear();
    result.problem = PngTextProblem::None;
    result.ok = true;
}

bool is_itxt_of(std::string_view name, const uint8_t* body, uint32_t length, std::string_view keyword)
{
    return name == "iTXt" && length > keyword.size() && std::memcmp(body, keyword.data(), keyword.size()) == 0 &&
           body[keyword.size()] == 0;
}

void refuse(PngText& result, PngTextProblem problem, std::string error)
{
    result.problem = problem;
    result.error = std::move(error);
}

// Checks a whole PNG from its signature to IEND (every length and checksum, IHDR first and within the
// limits) before the caller uses any of it; calls visit(name, chunk_start, body, length) for each
// chunk after IHDR up to and including IEND. Returns false with result.error and result.problem
// set when the file is refused; sets result.width and result.height from IHDR.
template <typename Visit>
bool walk_png(const uint8_t* data, size_t size, const PngLimits& limits, PngText& result, Visit&& visit)
{
    if (size > limits.max_file_bytes) {
        refuse(result, PngTextProblem::TooLarge,
               "This picture is too large to open (" + file_size_text(size) + "; Wayfinder opens pictures up to " +
                   file_size_text(limits.max_file_bytes) + "). " + kChooseSnapshot);
        return false;
    }
    if (!data || size == 0 || std::memcmp(data, kSignature, std::min(size, sizeof kSignature)) != 0) {
        refuse(result, PngTextProblem::NotPng, std::string("This file is not a PNG picture. ") + kChooseSnapshot);
        return false;
    }
    if (size < sizeof kSignature) {
        refuse(result, PngTextProblem::Incomplete, incomplete());
        return false;
    }

    bool seen_ihdr = false;
    for (size_t pos = sizeof kSignature;;) {
        if (size - pos < kChunkOverhead) {
            refuse(result, PngTextProblem::Incomplete, incomplete());
            return false;
        }
        const uint32_t length = read_be32(data + pos);
        const uint8_t* type = data + pos + 4;
        if (length > 0x7FFFFFFFu) {
            refuse(result, PngTextProblem::Damaged, damaged("Impossible length in the " + chunk_name(type) + " chunk."));
            return false;
        }
        if (length > size - pos - kChunkOverhead) {
            refuse(result, PngTextProblem::Incomplete, incomplete());
            return false;
        }
        const uint8_t* body = type + 4;
        if (crc32(type, 4 + size_t(length)) != read_be32(body + length)) {
            refuse(result, PngTextProblem::Damaged, damaged("Bad checksum in the " + chunk_name(type) + " chunk."));
            return false;
        }
        const std::string_view name(reinterpret_cast<const char*>(type), 4);

        if (!seen_ihdr) {
            if (name != "IHDR" || length != 13) {
                refuse(result, PngTextProblem::Damaged, damaged("The picture does not start with its header."));
                return false;
            }
            result.width = read_be32(body);
            result.height = read_be32(body + 4);
            if (result.width == 0 || result.height == 0) {
                refuse(result, PngTextProblem::Damaged, damaged("The header says the picture has no pixels."));
                return false;
            }
            if (result.width > limits.max_width || result.height > limits.max_height) {
                refuse(result, PngTextProblem::TooLarge,
                       "This picture is too large to open (" + std::to_string(result.width) + " × " +
                           std::to_string(result.height) + " pixels; Wayfinder opens pictures up to " +
                           std::to_string(limits.max_width) + " × " + std::to_string(limits.max_height) + "). " +
                           kChooseSnapshot);
                return false;
            }
            seen_ihdr = true;
        } else {
            visit(name, data + pos, body, length);
            if (name == "IEND")
                return true;
        }
        pos += kChunkOverhead + length;
    }
}

} // namespace

PngText read_png_text(const uint8_t* data, size_t size, std::string_view keyword, const PngLimits& limits)
{
    PngText result;
    const uint8_t* text_chunk = nullptr;
    size_t text_chunk_size = 0;
    const bool sound = walk_png(data, size, limits, result,
                                [&](std::string_view name, const uint8_t*, const uint8_t* body, uint32_t length) {
                                    if (!text_chunk && is_itxt_of(name, body, length, keyword)) {
                                        text_chunk = body;
                                        text_chunk_size = length;
                                    }
                                });
    if (!sound)
        return result;
    if (!text_chunk) {
        refuse(result, PngTextProblem::NoText,
               "This picture has no Wayfinder data inside. Only snapshots exported from Wayfinder can be opened.");
        return result;
    }
    read_itxt_text(text_chunk, text_chunk_size, keyword.size(), limits.max_text_bytes, result);
    return result;
}

std::vector<uint8_t> replace_png_text_uncompressed(const uint8_t* png, size_t size, std::string_view keyword,
                                                   std::string_view utf8_text, const PngLimits& limits)
{
    if (keyword.empty() || keyword.size() > 79 || utf8_text.size() > 0x7FFFFFFFu - 80)
        return {};
    PngText checked;
    std::vector<uint8_t> out;
    bool text_written = false;
    const bool sound = walk_png(png, size, limits, checked,
                                [&](std::string_view name, const uint8_t* chunk, const uint8_t* body, uint32_t length) {
                                    if (!text_written) {
                                        // Signature and IHDR, then ours, then the rest as they were.
                                        out.assign(png, chunk);
                                        append_itxt_chunk(out, keyword, utf8_text, false);
                                        text_written = true;
                                    }
                                    if (!is_itxt_of(name, body, length, keyword))
                                        out.insert(out.end(), chunk, chunk + kChunkOverhead + length);
                                });
    if (!sound)
        return {};
    return out;
}

} // namespace wf
