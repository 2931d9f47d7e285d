#pragma once
// Storage keys. Each document lives under one key in the browser's storage: the profile under
// "profile", an assessment under "assessment:" and its id (each type's key is in its schema). Keys
// that come from a file are checked before anything is stored under them: the browser stores a key
// as JavaScript text, so one with a NUL or broken UTF-8 in it would arrive as a different key, and a
// key of another type would put a document where the app reads something else.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace wf {

inline constexpr size_t kMaxKeyLength = 200; // bytes; Wayfinder's own keys are under 80

// Why `doc` cannot be stored under `key`, as a clause for a sentence ("its name contains control
// characters"), or "" when it can. Refuses an empty or overlong key, one that is not UTF-8 or holds
// a control character, a key that does not follow the document type's scheme, and, for a type this
// build does not know, a key that belongs to a type it does know.
std::string document_key_problem(std::string_view key, const nlohmann::json& doc);

} // namespace wf
