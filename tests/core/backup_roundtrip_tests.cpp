// The promise behind every backup: whatever Wayfinder accepts, its own backup opens again and gives
// the same documents back. Checked here on thousands of generated workspaces and items, under the
// real limits and under small ones that generated files often reach (tests/fuzz/ checks the same on
// hostile input).

#include "core/assessment.hpp"
#include "core/document_types.hpp"
#include "core/goal.hpp"
#include "core/item_file.hpp"
#include "core/json_limits.hpp"
#include "core/workspace_file.hpp"

#include "sample_assessment.hpp"

#include <doctest/doctest.h>

#include <random>

using nlohmann::json;
using namespace wf;
using namespace wf::test;

namespace {

const ExportInfo kInfo{"2026-11-22T14:05:09Z", "0.2.0"};

class RandomDocuments {
public:
    explicit RandomDocuments(unsigned seed) : rng_(seed) {}

    int below(int n) { return int(rng_() % unsigned(n)); }

    std::string text()
    {
        static const char* const pieces[] = {"a", "Ana Pérez", " — ", "“", "\\", "\"", "\n", "\x01", "📚", "ñ", "{", "]", "goal:", "profile", ""};
        std::string made;
        const int count = below(4) == 0 ? below(200) : below(6);
        for (int i = 0; i < count; i++)
            made += below(20) == 0 ? std::string(1, '\0') : pieces[below(std::size(pieces))];
        return made;
    }

    // Generated files stay small: once a file has this many values, only scalars follow.
    void start_file() { values_left_ = 3000; }

    json value(int depth_left)
    {
        values_left_--;
        switch (below(depth_left > 0 && values_left_ > 0 ? 9 : 6)) {
        case 0: return nullptr;
        case 1: return below(2) == 0;
        case 2: return int64_t(rng_()) - (int64_t(1) << 31);
        case 3: {
            const uint64_t high = rng_(), low = rng_(); // named: the order of evaluation is then the same everywhere
            const double scale = below(1000) + 1;
            return below(2) ? json(high << 32 | low) : json(double(low) / scale * 1e300);
        }
        case 4:
        case 5: return text();
        case 6:
        case 7: {
            json object = json::object();
            for (int i = below(5); i > 0; i--)
                object[text()] = value(depth_left - 1);
            return object;
        }
        default: {
            json array = json::array();
            for (int i = below(below(8) == 0 ? 300 : 5); i > 0; i--)
                array.push_back(value(depth_left - 1));
            return array;
        }
        }
    }

    // Many small numbers a few levels down: short as compact text, long once indented.
    json bulky()
    {
        json list = json::array();
        for (int i = below(1500); i > 0; i--)
            list.push_back(below(100));
        for (int i = below(4); i > 0; i--)
            list = json::array({std::move(list)});
        return list;
    }

    json document(int max_depth)
    {
        static const char* const types[] = {kProfileType, kPrefsType, kAssessmentType, kGoalType, "wayfinder.journey",
                                            "wayfinder.loaded-framework", "wayfinder.venn-map", "something-else"};
        if (below(12) == 0)
            return value(max_depth);
        json doc = json::object();
        for (int i = below(6); i > 0; i--)
            doc[text()] = value(max_depth - 1);
        if (below(3) == 0)
            doc["list"] = bulky();
        doc["type"] = types[below(std::size(types))];
        if (below(6) != 0)
            doc["version"] = below(8) == 0 ? json(below(3)) : json(1);
        return doc;
    }

    std::string key_for(const json& doc)
    {
        static const char* const prefixes[] = {"assessment:", "goal:", "journey:", "framework:", "map:", ""};
        const std::string type = doc.is_object() ? doc.value("type", "") : "";
        if (below(10) == 0) {
            const std::string prefix = prefixes[below(std::size(prefixes))];
            return prefix + text();
        }
        if (type == kProfileType)
            return kProfileKey;
        if (type == kPrefsType)
            return kPrefsKey;
        for (const char* prefix : {"assessment:", "goal:", "journey:", "framework:"})
            if (type.find(std::string(prefix).substr(0, 4)) != std::string::npos)
                return prefix + std::to_string(below(1000));
        return "map:" + std::to_string(below(1000));
    }

    std::string workspace_file(int max_depth)
    {
        start_file();
        json documents = json::object();
        for (int i = below(6); i > 0; i--) {
            json doc = document(max_depth);
            const std::string key = key_for(doc);
            documents[key] = std::move(doc);
        }
        json file = {{"type", "wayfinder.workspace"}, {"version", 1}, {"exported_at", "2026-11-20T08:00:00Z"},
                     {"documents", std::move(documents)}};
        return below(3) ? file.dump() : file.dump(below(2) ? 2 : 8);
    }

private:
    std::mt19937 rng_;
    int values_left_ = 3000;
};

ParseLimits small_limits()
{
    ParseLimits limits;
    limits.max_bytes = 6u << 10;
    limits.max_depth = 9;
    limits.max_memory = 256u << 10;
    return limits;
}

} // namespace

TEST_CASE("any workspace that imports exports to a backup that imports back to the same documents")
{
    RandomDocuments random(20261122);
    int accepted = 0, refused_on_export_check = 0;
    for (int round = 0; round < 1200; round++) {
        const bool real_limits = round % 10 == 0;
        const ParseLimits limits = real_limits ? ParseLimits{} : small_limits();
        const std::string file = random.workspace_file(real_limits ? 12 : 10);
        const ImportPlan plan = plan_workspace_import(file, limits);
        if (!plan.ok) {
            refused_on_export_check += plan.error.find("could not be saved again") != std::string::npos;
            continue;
        }
        accepted++;
        const WorkspaceExport exported = workspace_export(plan.documents, kInfo, {"prefs"}, limits);
        INFO("file: ", file);
        REQUIRE_MESSAGE(exported.ok, exported.error);
        const ImportPlan again = plan_workspace_import(exported.text, limits);
        REQUIRE_MESSAGE(again.ok, again.error);
        CHECK(again.documents == plan.documents);
        CHECK(again.warnings == plan.warnings);
    }
    // The generator must reach both sides of the limits, or this test could not fail.
    CHECK(accepted > 300);
    CHECK(refused_on_export_check > 5);
}

TEST_CASE("any item that imports fits a backup on its own, which gives it back unchanged")
{
    RandomDocuments random(7);
    ParseLimits limits;
    limits.max_bytes = 20u << 10;
    limits.max_depth = 10;
    limits.max_memory = 120u << 10;
    json base = new_assessment_doc(sample_pack(), "fall", "Fall check-in", "2026-09-14T15:00:00Z");
    int accepted = 0, refused_on_backup_check = 0;
    for (int round = 0; round < 400; round++) {
        json doc = base;
        random.start_file();
        doc["extra"] = random.below(3) == 0 ? random.bulky() : random.value(random.below(10));
        const std::string text = random.below(2) ? doc.dump() : item_export_text(doc, kInfo);
        const ItemImport plan = plan_item_import(text, random.below(2) == 0, "copy-1", limits);
        if (!plan.ok) {
            refused_on_backup_check += plan.error.find("could not be opened again") != std::string::npos;
            continue;
        }
        accepted++;
        const WorkspaceExport exported = workspace_export({{plan.key, plan.doc}}, kInfo, {}, limits);
        REQUIRE_MESSAGE(exported.ok, exported.error);
        const ImportPlan again = plan_workspace_import(exported.text, limits);
        REQUIRE_MESSAGE(again.ok, again.error);
        CHECK(again.documents == DocumentMap{{plan.key, plan.doc}});
    }
    CHECK(accepted > 100);
    CHECK(refused_on_backup_check > 20);
}
