#pragma once
// Versioned documents: { "type": "wayfinder.<what>", "version": N, ...fields }.
// restore_document() turns whatever was read (storage, a file, a PNG) into a document this build can
// use: it checks the type, refuses newer versions clearly, runs the migrations in order, fills
// defaults and keeps fields it does not know (a newer build may have added them).

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
    void (*fill_defaults)(nlohmann::json& doc); // adds missing fields with defaults; keeps unknown fields; may be null
    // The storage key: the whole key of the one document of its type ("profile"), a prefix the
    // document's id follows when ending in ':' ("assessment:"), or nullptr for a file's envelope,
    // which is never stored. See document_keys.hpp.
    const char* key = nullptr;
};

struct Restored {
    bool ok = false;
    nlohmann::json doc;    // when ok: the document at schema.current_version
    std::string error;     // when !ok: what happened and what to do, for the user
    int from_version = 0;  // the version that was read (1 when the input had none)
    bool migrated = false; // true when from_version < current_version
};

// Takes `input` by value: the caller's copy is never modified, and a caller done with its value
// moves it in, so restoring a large import never holds it twice.
Restored restore_document(nlohmann::json input, const DocumentSchema& schema);

} // namespace wf
