// Shared by the libFuzzer targets: an invariant that fails loudly (libFuzzer counts an abort as a
// crash and keeps the input), and the limits the targets import under.
#pragma once
#include "core/json_limits.hpp"
#include "core/workspace_file.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace wf::fuzz {

inline void require(bool holds, const char* invariant, const std::string& detail = {})
{
    if (holds)
        return;
    std::fprintf(stderr, "invariant broken: %s\n%s\n", invariant, detail.c_str());
    std::abort();
}

inline std::string_view as_text(const uint8_t* data, size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

inline const ExportInfo kInfo{"2026-11-22T14:05:09Z", "0.0.0-fuzz"};

// Fuzz inputs are a few kilobytes, far under the real limits; these small ones put the edges of
// every limit within the fuzzer's reach. Each target imports under both.
inline ParseLimits small_limits()
{
    ParseLimits limits;
    limits.max_bytes = 4u << 10;
    limits.max_depth = 10;
    limits.max_memory = 48u << 10;
    return limits;
}

// A content pack's promise: a refused pack says why; an accepted one, written out, loads again as the
// same pack. `Load` is PackLoad or JourneyPackLoad, with the matching writer and reader.
template <class Load, class Pack>
void require_pack_reads_back(const Load& load, nlohmann::json (*to_json)(const Pack&),
                             Load (*from_json)(const nlohmann::json&))
{
    if (!load.ok) {
        require(!load.error.empty() && !load.problems.empty(), "a refused pack says why");
        return;
    }
    const nlohmann::json written = to_json(load.pack);
    const Load again = from_json(written);
    require(again.ok, "a loaded pack, written out, loads", again.error);
    require(to_json(again.pack) == written, "a loaded pack reads back the same");
}

} // namespace wf::fuzz
