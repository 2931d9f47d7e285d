// The Future Ready Librarians® Framework as data: a content pack (id, version, gears, areas with
// practice statements, the rating scale). Packs ship in assets/frameworks/ (format documented in
// assets/frameworks/README.md), and a user can load a remixed pack from a file. Every assessment
// keeps a copy of the pack it used, so its results always render, even on another device.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace wf {

inline constexpr const char* kFrameworkFileType = "wayfinder.framework";
// A pack the user loaded is kept as a document {type, version, pack} under this key (one per pack id:
// a newer version replaces it). Wrapped, because a pack's own "version" is its content version.
inline constexpr const char* kLoadedFrameworkType = "wayfinder.loaded-framework";
inline constexpr const char* kFrameworkKeyPrefix = "framework:";
inline std::string framework_key(const std::string& pack_id) { return kFrameworkKeyPrefix + pack_id; }
struct DocumentSchema;
const DocumentSchema& loaded_framework_schema();
nlohmann::json loaded_framework_doc(const struct FrameworkPack& pack);

struct RatingLevel {
    int value = 0;               // ascending, e.g. 1..4; only relative order and spacing matter
    std::string name;            // e.g. "Emerging"
    std::string description;     // one sentence: what practice at this level looks like
};

struct Gear {
    std::string id;              // e.g. "curriculum"
    std::string name;            // e.g. "Curriculum, Instruction & Assessment"
    std::string color;           // "#RRGGBB": wedges of this gear share it
};

struct PracticeStatement {
    std::string id;              // unique within the pack, stable across pack versions
    std::string text;            // "I …" statement the librarian rates
};

struct FrameworkArea {
    std::string id;              // unique within the pack, stable across pack versions
    std::string gear;            // a Gear id of the same pack
    std::string name;            // full name, e.g. "Builds instructional partnerships"
    std::string short_name;      // wheel label, at most 24 characters
    std::string description;     // two or three sentences
    std::vector<PracticeStatement> statements;  // 3 to 5
    std::vector<std::string> example_ideas;     // prompts for the optional example
};

struct FrameworkPack {
    std::string id;              // e.g. "frl-current"; a remix keeps or changes it
    std::string version;         // e.g. "2026.1"
    std::string title;           // shown to the user
    std::string description;     // where it comes from, in a sentence or two
    std::vector<RatingLevel> scale;       // 3 to 6 levels, ascending value
    std::vector<Gear> gears;              // 1 to 12
    std::vector<FrameworkArea> areas;     // 3 to 16, in wheel order (clockwise from 12 o'clock)

    const FrameworkArea* find_area(std::string_view area_id) const;
    const Gear* find_gear(std::string_view gear_id) const;
    int min_rating() const;      // lowest level value (scale must not be empty)
    int max_rating() const;
};

struct PackLoad {
    bool ok = false;
    FrameworkPack pack;
    std::string error;           // when !ok: the first reason, as a sentence a user can act on
    std::vector<std::string> problems; // every reason found (for a pack author), in document order
};

// Parses and validates a pack file ({"type":"wayfinder.framework","format":1,...}); never crashes.
PackLoad load_framework_pack(std::string_view json_text);
// Validates an already parsed pack object (the same rules; used for packs embedded in assessments).
PackLoad framework_pack_from_json(const nlohmann::json& pack);
nlohmann::json framework_pack_to_json(const FrameworkPack& pack);

// The packs this build ships (assets/frameworks/*.json, embedded at build time by the caller).
// `default` is the current 11-area framework.
struct BuiltinPacks {
    std::vector<FrameworkPack> packs;
    const FrameworkPack* find(std::string_view id) const;
    const FrameworkPack& default_pack() const;   // packs.front()
};

} // namespace wf
