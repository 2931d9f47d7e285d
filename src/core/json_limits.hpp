#pragma once
// Parsing JSON that came from outside the app (a dropped file, a PNG's text chunk, browser storage).
// The file may be anything: huge, deeply nested, truncated, not text at all. The result is either a
// value or one user-facing error; it never throws (the core is built without exceptions) and never
// recurses on attacker-controlled depth.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace wf {

struct ParseLimits {
    size_t max_bytes = 32u << 20; // 32 MiB: far above any real workspace, low enough for a 4 GB Chromebook
    int max_depth = 64;           // Wayfinder writes at most ~10 levels; deeper input is not ours
};

struct ParsedJson {
    bool ok = false;
    nlohmann::json value; // the parsed value when ok
    std::string error;    // when !ok: what happened and what to do, for the user
};

// Accepts (and skips) a leading UTF-8 byte order mark, as written by some editors.
ParsedJson parse_json_limited(std::string_view text, const ParseLimits& limits = {});

} // namespace wf
