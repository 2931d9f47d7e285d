#pragma once
// Versioned documents: { "type": "wayfinder.<what>", "version": N, ...fields }.
// restore_document() turns whatever was read (storage, a file, a PNG) into a document this build can
// use: it checks the type, refuses newer versions clearly, runs the migrations in order, fills
// defaults and keeps fields it does not know (a newer build may have added them).

#include "core/json_limits.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace wf {

// One step upgrades a document from version v to v+1, in place. Returns false and sets `why` on
// failure; `why` is shown to the user after "could not update this <noun> …: ", so write it as a
// plain sentence ending with a period.
using Migration = bool (*)(nlohmann::json& doc, std::string& why);

struct DocumentSchema {
    const char* type;                           // e.g. "wayfinder.profile"
    const char* noun;                           // user-facing, e.g. "profile"
    int current_version;                        // newest version this build reads and writes
    std::vector<Migration> migrations;          // migrations[i] upgrades version i+1 to i+2; size() == current_version-1
                                                // (checked by registry_problems(), and by restore_document() in every build)
    void (*fill_defaults)(nlohmann::json& doc); // adds missing fields with defaults; keeps unknown fields; may be null
    // The storage key: the whole key of the one document of its type ("profile"), a prefix the
    // document's id follows when ending in ':' ("assessment:"), or nullptr for a file's envelope,
    // which is never stored. See document_keys.hpp.
    const char* key = nullptr;
};

// Why a document could not be restored. The app branches on the reason; the user reads the sentence
// restore_failure_text() makes of it (like Excalidraw's restore reasons).
enum class RestoreReason {
    None,              // restored
    NotJson,           // a stored text that is not JSON (cut off, damaged)
    TooLarge,          // a stored text past what Wayfinder opens (json_limits.hpp)
    NotAnObject,       // JSON, but not an object
    NoType,            // no "type" text: it does not say what it holds
    WrongType,         // another type than the one asked for
    UnknownType,       // a stored document of a type this build does not know
    UnreadableVersion, // "version" is not a whole number from 1 up
    NewerVersion,      // made by a newer Wayfinder
    MigrationFailed,   // a step upgrading an older version refused
    BrokenSchema,      // this build's schema lacks a migration (caught by registry_problems(); never shipped)
};

struct RestoreFailure {
    RestoreReason reason = RestoreReason::None;
    std::string noun;         // what was asked for, as the schema names it ("self-assessment"); "" for a stored text
    std::string found_type;   // WrongType, UnknownType: the type it holds
    int version = 0;          // NewerVersion: the version found; MigrationFailed: the step's starting version
    int current_version = 0;  // NewerVersion: the newest this build reads
    std::string detail;       // NotJson, TooLarge: the parser's sentence; WrongType: the type asked for;
                              // MigrationFailed: the step's own `why`
};

// The sentence for the user: what happened and what to do. The one place restore messages are made.
std::string restore_failure_text(const RestoreFailure& failure);

struct Restored {
    bool ok = false;
    nlohmann::json doc;     // when ok: the document at schema.current_version
    RestoreFailure failure; // when !ok: why
    std::string error;      // when !ok: restore_failure_text(failure), for the user
    int from_version = 0;  // the version that was read (1 when the input had none)
    bool migrated = false; // true when from_version < current_version
};

// Takes `input` by value: the caller's copy is never modified, and a caller done with its value
// moves it in, so restoring a large import never holds it twice.
Restored restore_document(nlohmann::json input, const DocumentSchema& schema);

// A failed Restored carrying `failure` and its sentence, for readers that refuse before restoring.
Restored restore_refused(RestoreFailure failure);

// Why a text that parse_json_limited() refused cannot be restored: TooLarge or NotJson.
RestoreReason unparsed_reason(const ParsedJson& parsed);

// A document of the schema's current version with every field at its default.
nlohmann::json new_document(const DocumentSchema& schema);

// {"type", "version", "pack"}: a new document of a kind that keeps its own copy of the content pack
// it was made from, before its fields are written (so without the schema's defaults).
nlohmann::json document_with_pack(const DocumentSchema& schema, nlohmann::json pack);

} // namespace wf
