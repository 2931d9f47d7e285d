#include "core/document_restore.hpp"
#include "core/json_fields.hpp"

#include <doctest/doctest.h>

using nlohmann::json;

TEST_CASE("json_put writes each kind of value as assigning it under its key would")
{
    json written = json::object();
    wf::json_put(written, "text", std::string("a \"quoted\" line"));
    wf::json_put(written, "literal", "meets");
    wf::json_put(written, "count", 42);
    wf::json_put(written, "negative", -3);
    wf::json_put(written, "flag", false);
    wf::json_put(written, "list", std::vector<std::string>{"b", "a"});
    wf::json_put(written, "nested", json{{"k", 1}});
    wf::json_put(written, "size", json(uint64_t(4000000000u)));

    json assigned = json::object();
    assigned["text"] = std::string("a \"quoted\" line");
    assigned["literal"] = "meets";
    assigned["count"] = 42;
    assigned["negative"] = -3;
    assigned["flag"] = false;
    assigned["list"] = std::vector<std::string>{"b", "a"};
    assigned["nested"] = json{{"k", 1}};
    assigned["size"] = uint64_t(4000000000u);

    CHECK(written.dump() == assigned.dump());
    CHECK(written["count"].is_number_integer());
    CHECK(written["size"].is_number_unsigned());
}

TEST_CASE("json_put replaces a field already there, of any kind, and keeps the others")
{
    json obj = {{"keep", "me"}, {"field", json::array({1, 2})}};
    wf::json_put(obj, "field", "now text");
    CHECK(obj.dump() == R"({"field":"now text","keep":"me"})");
}

TEST_CASE("json_append_object adds an empty object at the end of a list and returns it for filling")
{
    json list = json::array({1});
    json& entry = wf::json_append_object(list);
    wf::json_put(entry, "id", "x");
    json& second = wf::json_append_object(list);
    wf::json_put(second, "id", "y");
    CHECK(list.dump() == R"([1,{"id":"x"},{"id":"y"}])");
}

TEST_CASE("document_with_pack writes the schema's type and current version beside the pack, and nothing else")
{
    const wf::DocumentSchema schema{"wayfinder.test", "test document", 3, {nullptr, nullptr}, nullptr, "test:"};
    const json doc = wf::document_with_pack(schema, json{{"id", "p"}});
    CHECK(doc.dump() == R"({"pack":{"id":"p"},"type":"wayfinder.test","version":3})");
}
