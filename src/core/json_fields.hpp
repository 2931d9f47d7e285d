#pragma once
// Safe reads from untrusted JSON.
// The core is built with -fno-exceptions and JSON_NOEXCEPTION, so nlohmann's throwing accessors
// (.at(), .get<T>() on the wrong type, const operator[] on a missing key) would abort the app on a
// bad file. Everything that reads a field from a file goes through these instead.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace wf {

// The value under `key`, or nullptr when `obj` is not an object or has no such key.
const nlohmann::json* json_field(const nlohmann::json& obj, std::string_view key);

// The string under `key`, or `fallback` when it is missing or not a string.
std::string json_string(const nlohmann::json& obj, std::string_view key, std::string_view fallback = "");

// The number under `key` (integer or floating point), or nullopt when it is missing or not a number.
std::optional<double> json_number(const nlohmann::json& obj, std::string_view key);

// For a document's restore: sets `obj[key]` to `fallback` when it is missing or not of the kind
// `is_kind` tests (e.g. &nlohmann::json::is_string), and returns the field. `obj` must be an object.
using JsonKindCheck = bool (nlohmann::json::*)() const noexcept;
nlohmann::json& json_ensure(nlohmann::json& obj, const char* key, JsonKindCheck is_kind, nlohmann::json fallback);

} // namespace wf
