#include "core/json_fields.hpp"

namespace wf {

const nlohmann::json* json_field(const nlohmann::json& obj, std::string_view key)
{
    if (!obj.is_object())
        return nullptr;
    auto it = obj.find(std::string(key));
    return it == obj.end() ? nullptr : &*it;
}

std::string json_string(const nlohmann::json& obj, std::string_view key, std::string_view fallback)
{
    const nlohmann::json* value = json_field(obj, key);
    if (value && value->is_string())
        return value->get_ref<const std::string&>();
    return std::string(fallback);
}

std::optional<double> json_number(const nlohmann::json& obj, std::string_view key)
{
    const nlohmann::json* value = json_field(obj, key);
    if (value && value->is_number())
        return value->get<double>();
    return std::nullopt;
}

nlohmann::json& json_ensure(nlohmann::json& obj, const char* key, JsonKindCheck is_kind, nlohmann::json fallback)
{
    const nlohmann::json* value = json_field(obj, key);
    if (!value || !(value->*is_kind)())
        obj[key] = std::move(fallback);
    return obj[key];
}

} // namespace wf
