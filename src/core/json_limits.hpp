#pragma once
// Parsing JSON that came from outside the app (a dropped file, a PNG's text chunk, browser storage).
// The file may be anything: huge, deeply nested, truncated, not text at all, or small but asking for
// gigabytes once parsed. The result is either a value or one user-facing error; it never throws (the
// core is built without exceptions), never recurses on attacker-controlled depth, and never holds
// more than the memory budget below.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wf {

struct ParseLimits {
    size_t max_bytes = 32u << 20; // 32 MiB: far above any real workspace, low enough for a 4 GB Chromebook
    int max_depth = 64;           // Wayfinder writes at most ~10 levels; deeper input is not ours
    // The memory budget of one import: 128 MiB for the parsed value, charged value by value as it is
    // read (see JsonFootprint), so reading stops before the budget is spent however small the file that
    // asks for more (millions of tiny elements, or a zlib bomb in a PNG). Besides the value, an import
    // holds its text (at most 32 MiB) and nlohmann's scratch copy of the text between two values (a
    // growing vector: at most three times the text while it grows, and long only in files Wayfinder
    // never writes): at most 256 MiB for a JSON file, 320 MiB for a PNG (the file, at most 64 MiB, and
    // its inflated text).
    size_t max_memory = 128u << 20;
};

struct ParsedJson {
    bool ok = false;
    nlohmann::json value; // the parsed value when ok
    std::string error;    // when !ok: what happened and what to do, for the user
    bool too_large = false; // when !ok: refused for its size or the memory it would take, not for its text
};

// Accepts (and skips) a leading UTF-8 byte order mark, as written by some editors. Refuses, besides
// text that is not JSON: text over the size limit, text that is not UTF-8, nesting past the depth
// limit, values past the memory budget, a name that appears twice in one object (which value
// would be meant?) and numbers too large to hold (1e400).
ParsedJson parse_json_limited(std::string_view text, const ParseLimits& limits = {});

// The top-level "type" of a JSON object, or "" when the text is not an object with a string "type".
// Read without building anything (constant memory; it stops once the type is found), so a dropped
// file can be routed to its importer without being parsed twice.
std::string peek_json_type(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_utf8(std::string_view text);

// What a value costs against ParseLimits::max_memory, and how deeply it nests (a number: 0, [1]: 1).
// Each value is charged 64 bytes, each string, array and object 64 more for its own allocation, each
// object member 96 for its tree node, and every string and name its length: an upper estimate of
// nlohmann::json on a 64-bit build (a value is 16 bytes, a growing array keeps up to twice its
// elements, a member is an 80-byte map node; wasm32 takes less).
struct JsonFootprint {
    uint64_t memory = 0; // 64 bits even in wasm32: a sum over every document may pass 4 GB
    int depth = 0;
};

// The footprint of a value already in memory, charged as parse_json_limited charges its text: parsing
// the value's dump() costs at most this much. A string that is not valid UTF-8 is charged three times
// its length (dump() replaces each bad byte with U+FFFD). Descends no deeper than `max_depth` + 1
// levels: past that the depth alone refuses the value.
JsonFootprint json_footprint(const nlohmann::json& value, int max_depth);

// What adding the member `name: value` adds to an object's footprint (its depth is the value's), so
// a file's footprint can be added up from its parts without building it.
JsonFootprint json_member_footprint(std::string_view name, const nlohmann::json& value, int max_depth);

} // namespace wf
