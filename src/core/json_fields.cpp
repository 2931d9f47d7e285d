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

bool json_bool(const nlohmann::json& obj, std::string_view key, bool fallback)
{
    const nlohmann::json* value = json_field(obj, key);
    return value && value->is_boolean() ? value->get<bool>() : fallback;
}

const nlohmann::json& json_object_at(const nlohmann::json& obj, std::string_view key)
{
    static const nlohmann::json empty = nlohmann::json::object();
    const nlohmann::json* value = json_field(obj, key);
    return value && value->is_object() ? *value : empty;
}

const nlohmann::json::object_t& json_members(const nlohmann::json& obj)
{
    static const nlohmann::json::object_t none;
    return obj.is_object() ? obj.get_ref<const nlohmann::json::object_t&>() : none;
}

void json_read_string(const nlohmann::json& obj, const char* key, std::string& out)
{
    const nlohmann::json* value = json_field(obj, key);
    if (value && value->is_string())
        out = value->get_ref<const std::string&>();
    else
        out.clear();
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

void json_put(nlohmann::json& obj, const char* key, const std::string& value) { obj[key] = value; }
void json_put(nlohmann::json& obj, const char* key, const char* value) { obj[key] = value; }
void json_put(nlohmann::json& obj, const char* key, int value) { obj[key] = value; }
void json_put(nlohmann::json& obj, const char* key, bool value) { obj[key] = value; }
void json_put(nlohmann::json& obj, const char* key, const std::vector<std::string>& value) { obj[key] = value; }
void json_put(nlohmann::json& obj, const char* key, nlohmann::json&& value) { obj[key] = std::move(value); }

nlohmann::json& json_append_object(nlohmann::json& list)
{
    list.push_back(nlohmann::json::object());
    return list.back();
}

} // namespace wf
