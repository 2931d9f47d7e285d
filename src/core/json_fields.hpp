#pragma once
// Safe reads from untrusted JSON.
// The core is built with -fno-exceptions and JSON_NOEXCEPTION, so nlohmann's throwing accessors
// (.at(), .get<T>() on the wrong type, const operator[] on a missing key) would abort the app on a
// bad file. Everything that reads a field from a file goes through these instead.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

// The value under `key`, or nullptr when `obj` is not an object or has no such key.
const nlohmann::json* json_field(const nlohmann::json& obj, std::string_view key);

// The string under `key`, or `fallback` when it is missing or not a string.
std::string json_string(const nlohmann::json& obj, std::string_view key, std::string_view fallback = "");

// The boolean under `key`, or `fallback` when it is missing or not a boolean.
bool json_bool(const nlohmann::json& obj, std::string_view key, bool fallback);

// The object under `key`, or an empty object, so nested reads need no checks.
const nlohmann::json& json_object_at(const nlohmann::json& obj, std::string_view key);

// The members of an object by name, or none when `obj` is not an object. A plain map to walk:
// nlohmann's items() proxy costs several times the code at every loop.
const nlohmann::json::object_t& json_members(const nlohmann::json& obj);

// Sets `out` as `out = json_string(obj, key)` would, without a temporary string at each call site
// (a reader of many fields saves about 100 bytes of wasm per field).
void json_read_string(const nlohmann::json& obj, const char* key, std::string& out);

// The number under `key` (integer or floating point), or nullopt when it is missing or not a number.
std::optional<double> json_number(const nlohmann::json& obj, std::string_view key);

// For a document's restore: sets `obj[key]` to `fallback` when it is missing or not of the kind
// `is_kind` tests (e.g. &nlohmann::json::is_string), and returns the field. `obj` must be an object.
using JsonKindCheck = bool (nlohmann::json::*)() const noexcept;
nlohmann::json& json_ensure(nlohmann::json& obj, const char* key, JsonKindCheck is_kind, nlohmann::json fallback);

// Writers: `obj[key] = value` for an object `obj`. Out of line because nlohmann builds and assigns
// the value inline at every call site, and the initializer-list form ({{"id", id}, ...}) builds a
// two-element array per field besides: hundreds of fields written this way cost kilobytes of wasm.
void json_put(nlohmann::json& obj, const char* key, const std::string& value);
void json_put(nlohmann::json& obj, const char* key, const char* value);
void json_put(nlohmann::json& obj, const char* key, int value);
void json_put(nlohmann::json& obj, const char* key, bool value);
void json_put(nlohmann::json& obj, const char* key, const std::vector<std::string>& value);
void json_put(nlohmann::json& obj, const char* key, nlohmann::json&& value);

// Appends an empty object to the array `list` and returns it, to be filled with json_put.
nlohmann::json& json_append_object(nlohmann::json& list);

} // namespace wf
