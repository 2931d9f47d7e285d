#include "core/undo_history.hpp"

#include <doctest/doctest.h>

#include "heap_use.hpp"
#include "sample_journey.hpp"

#include <functional>
#include <random>

using nlohmann::json;
using wf::DocumentChange;
using wf::UndoHistory;
using wf::UndoStep;

namespace {

// A profile edit that changes the name from `from` to `to`.
UndoStep name_edit(const std::string& from, const std::string& to)
{
    return {"edit profile", {{"profile", json{{"name", from}}, json{{"name", to}}}}};
}

} // namespace

TEST_CASE("with no history there is nothing to undo or redo")
{
    UndoHistory history;
    CHECK_FALSE(history.can_undo());
    CHECK_FALSE(history.can_redo());
    CHECK(history.undo_label().empty());
    CHECK(history.redo_label().empty());
    CHECK_FALSE(history.undo().has_value());
    CHECK_FALSE(history.redo().has_value());
}

TEST_CASE("undo hands back the step to revert and redo hands it back to re-apply")
{
    UndoHistory history;
    history.record(name_edit("Ana", "Ana P."), 0);
    history.record({"add note", {{"note-1", std::nullopt, json{{"text", "Ask about the budget"}}}}}, 10);
    CHECK(history.undo_label() == "add note");

    const auto undone = history.undo();
    REQUIRE(undone.has_value());
    REQUIRE(undone->changes.size() == 1);
    CHECK(undone->changes[0].key == "note-1");
    CHECK_FALSE(undone->changes[0].before.has_value()); // reverting removes the note
    CHECK(history.undo_label() == "edit profile");
    CHECK(history.redo_label() == "add note");

    const auto redone = history.redo();
    REQUIRE(redone.has_value());
    CHECK(*redone->changes[0].after == json{{"text", "Ask about the budget"}});
    CHECK_FALSE(history.can_redo());
}

TEST_CASE("a new edit after undo clears redo")
{
    UndoHistory history;
    history.record(name_edit("A", "B"), 0);
    history.record(name_edit("B", "C"), 10);
    history.undo();
    REQUIRE(history.can_redo());
    history.record(name_edit("B", "D"), 20);
    CHECK_FALSE(history.can_redo());
    CHECK(*history.undo()->changes[0].after == json{{"name", "D"}});
    CHECK(*history.undo()->changes[0].after == json{{"name", "B"}});
    CHECK_FALSE(history.can_undo());
}

TEST_CASE("typing with pauses under a second is one undo step from the first before to the last after")
{
    UndoHistory history;
    history.record(name_edit("A", "An"), 0.0, "profile.name");
    history.record(name_edit("An", "Ana"), 0.8, "profile.name");
    history.record(name_edit("Ana", "Ana P"), 1.6, "profile.name"); // within a second of the previous keystroke
    const auto step = history.undo();
    REQUIRE(step.has_value());
    REQUIRE(step->changes.size() == 1);
    CHECK(*step->changes[0].before == json{{"name", "A"}});
    CHECK(*step->changes[0].after == json{{"name", "Ana P"}});
    CHECK_FALSE(history.can_undo());
}

TEST_CASE("edits more than a second apart, or to different fields, are separate steps")
{
    UndoHistory history;
    history.record(name_edit("A", "B"), 0.0, "profile.name");
    history.record(name_edit("B", "C"), 1.5, "profile.name");
    history.record(name_edit("C", "D"), 1.6, "profile.school");
    history.record(name_edit("D", "E"), 1.7); // no coalesce key: never merges
    int steps = 0;
    while (history.undo())
        steps++;
    CHECK(steps == 4);
}

TEST_CASE("a merged edit that touches another document adds that change to the step")
{
    UndoHistory history;
    history.record(name_edit("A", "B"), 0.0, "typing");
    history.record({"edit profile", {{"notes", json{{"text", ""}}, json{{"text", "x"}}}}}, 0.5, "typing");
    const auto step = history.undo();
    REQUIRE(step.has_value());
    REQUIRE(step->changes.size() == 2);
    CHECK(step->changes[0].key == "profile");
    CHECK(step->changes[1].key == "notes");
}

TEST_CASE("an edit right after undo or redo starts its own step")
{
    UndoHistory history;
    history.record(name_edit("A", "B"), 0.0, "profile.name");
    history.record({"edit school", {{"school", json{{"name", "L"}}, json{{"name", "Lincoln"}}}}}, 0.2, "profile.school");
    history.undo();
    history.record(name_edit("B", "X"), 0.4, "profile.name"); // same field, within a second of its last edit
    CHECK(*history.undo()->changes[0].before == json{{"name", "B"}});
    CHECK(*history.undo()->changes[0].after == json{{"name", "B"}}); // the first step is untouched

    history.redo();
    history.record(name_edit("B", "Y"), 0.6, "profile.name");
    CHECK(*history.undo()->changes[0].before == json{{"name", "B"}});
}

TEST_CASE("the oldest steps are forgotten beyond the maximum")
{
    UndoHistory history(3);
    for (int i = 0; i < 5; i++)
        history.record(name_edit(std::to_string(i), std::to_string(i + 1)), i * 10.0);
    std::vector<std::string> befores;
    while (auto step = history.undo())
        befores.push_back(step->changes[0].before->value("name", ""));
    CHECK(befores == std::vector<std::string>{"4", "3", "2"});
}

TEST_CASE("a step without changes is not recorded")
{
    UndoHistory history;
    history.record({"nothing", {}}, 0);
    CHECK_FALSE(history.can_undo());
}

TEST_CASE("each undo and redo hands back the documents exactly, also after a change saved without undo")
{
    UndoHistory history;
    json doc = {{"name", "A"}, {"step", "one"}, {"list", {1, 2}}, {"deep", {{"a", {{"b", 1}}}}}};
    const json start = doc;
    json edited = doc;
    edited["name"] = "B";
    edited["deep"]["a"]["c"] = "new";
    history.record({"edit", {{"doc", doc, edited}}}, 0);
    json moved = edited;
    moved["step"] = "two"; // where to resume: saved, but not a step
    json edited_again = moved;
    edited_again["list"] = {1, 2, 3};
    edited_again["deep"]["a"].erase("b");
    history.record({"edit again", {{"doc", moved, edited_again}}}, 10);

    auto second = history.undo();
    REQUIRE(second);
    CHECK(*second->changes[0].before == moved);
    CHECK(*second->changes[0].after == edited_again);
    auto first = history.undo();
    REQUIRE(first);
    CHECK(*first->changes[0].before == start);
    CHECK(*first->changes[0].after == edited);
    CHECK(*history.redo()->changes[0].after == edited);
    auto again = history.redo();
    CHECK(*again->changes[0].before == moved);
    CHECK(*again->changes[0].after == edited_again);

    // Forgetting another document keeps this one's steps exact.
    history.record({"other", {{"other", std::nullopt, json{{"x", 1}}}}}, 20);
    history.forget("other");
    CHECK(*history.undo()->changes[0].before == moved);
    CHECK(*history.undo()->changes[0].before == start);
}

TEST_CASE("1,000 ticks of a large journey keep only what changed: the history holds well under 2 MB")
{
    // A journey with long answers (about 190 KB), ticked and unticked 1,000 times, each tick its own step.
    wf::Journey journey = wf::test::filled_journey();
    for (const wf::JourneyStep& step : journey.pack.steps)
        for (const wf::ReflectionPrompt& prompt : step.reflections)
            journey.steps[step.id].answers[prompt.id] = std::string(15000, 'w');
    json doc = wf::new_journey_doc(journey.pack, journey.id, journey.name, journey.created_at);
    wf::journey_write(doc, journey);
    REQUIRE(doc.dump().size() > 150000);
    const json start = doc;

    std::vector<std::string> items;
    for (const wf::JourneyStep& step : journey.pack.steps)
        for (const wf::JourneyItem& item : step.checklist)
            items.push_back(step.id + "/" + item.id);
    const wf::test::HeapHeld held;
    size_t history_bytes = 0;
    {
        UndoHistory history; // keeps its last 200 steps
        for (int i = 0; i < 1000; i++) {
            const std::string& item = items[size_t(i) % items.size()];
            const std::string step = item.substr(0, item.find('/')), id = item.substr(item.find('/') + 1);
            json before = doc;
            json& ticked = doc["steps"][step]["checklist"][id];
            ticked = !(ticked.is_boolean() && ticked.get<bool>());
            history.record({"Tick a checklist item", {{"journey:j1", std::move(before), doc}}}, i * 10.0);
        }
        history_bytes = held.bytes();
        MESSAGE("undo history of 1,000 ticks of a " << doc.dump().size() / 1024 << " KB journey: " << history_bytes / 1024 << " KB");
        CHECK(history_bytes < (2u << 20));

        // Undoing all 200 kept steps gives back the journey as it was 200 ticks ago, exactly.
        json expected = start;
        for (int i = 0; i < 800; i++) {
            const std::string& item = items[size_t(i) % items.size()];
            json& ticked = expected["steps"][item.substr(0, item.find('/'))]["checklist"][item.substr(item.find('/') + 1)];
            ticked = !(ticked.is_boolean() && ticked.get<bool>());
        }
        std::optional<json> now = doc;
        while (auto step = history.undo()) {
            CHECK((step->changes[0].after == now));
            now = step->changes[0].before;
        }
        CHECK((now == expected));
    }
}

namespace {

// A journey-like document whose Venn list holds 2,000 notes, each an object as the journey writes it,
// after `moves` arrow-key moves of note 1000: right and left in turn, to region 0, 1, 2... in turn.
json venn_after_moves(int moves)
{
    json venn = json::array();
    for (int i = 0; i < 2000; i++)
        venn.push_back({{"id", "n" + std::to_string(i)}, {"text", "Note " + std::to_string(i) + ", a sticky note of a usual length"},
                        {"region", i % 8}, {"x", 100.0 + i}, {"y", 200.0 + i}, {"colour", "yellow"}});
    if (moves > 0) {
        venn[1000]["x"] = 1100.0 + (moves % 2 ? 10 : 0);
        venn[1000]["region"] = (moves - 1) % 8;
    }
    return {{"id", "j1"}, {"name", "A map"}, {"research", {{"status", json::object()}, {"venn", venn}}}};
}

} // namespace

TEST_CASE("moving one note among 2,000, 1,000 times, keeps one copy of the map and a few hundred bytes a step, and undo and redo give each version back exactly")
{
    json doc = venn_after_moves(0);
    size_t copy_bytes = 0;
    {
        const wf::test::HeapHeld held_by_copy;
        const json copy = doc;
        copy_bytes = held_by_copy.bytes();
    }
    const wf::test::HeapHeld held;
    UndoHistory history; // keeps its last 200 steps
    for (int i = 1; i <= 1000; i++) {
        json after = venn_after_moves(i);
        history.record({"Move note", {{"journey:j1", doc, after}}}, i * 10.0);
        doc = std::move(after);
    }
    // The history's one whole copy of the document, and 200 steps of under 2 KB each.
    const size_t history_bytes = held.bytes();
    MESSAGE("undo history of 1,000 moves on a map held in " << copy_bytes / 1024 << " KB: " << history_bytes / 1024 << " KB");
    CHECK(history_bytes < copy_bytes + 200 * 2048);

    for (int i = 1000; i > 800; i--) {
        const auto step = history.undo();
        REQUIRE(step);
        CHECK((step->changes[0].after == venn_after_moves(i)));
        CHECK((step->changes[0].before == venn_after_moves(i - 1)));
    }
    CHECK_FALSE(history.can_undo());
    for (int i = 801; i <= 1000; i++) {
        const auto step = history.redo();
        REQUIRE(step);
        CHECK((step->changes[0].before == venn_after_moves(i - 1)));
        CHECK((step->changes[0].after == venn_after_moves(i)));
    }
}

TEST_CASE("a note added to or removed from a list of 2,000 keeps only that note in the step, and undo and redo give the list back exactly")
{
    const json start = venn_after_moves(0);
    json added = start;
    json& venn = added["research"]["venn"];
    venn.insert(venn.begin() + 500, json{{"id", "new"}, {"text", "Book clubs"}, {"region", 3}});
    const wf::DocumentDelta grow = wf::document_delta(start, added);
    REQUIRE(grow.size() == 1);
    CHECK(grow[0].splice);
    CHECK(grow[0].before == json::array());
    CHECK(grow[0].after == json::array({venn[500]}));
    CHECK((wf::apply_delta(start, grow, true) == added));
    CHECK((wf::apply_delta(added, grow, false) == start));

    json removed = start;
    removed["research"]["venn"].erase(removed["research"]["venn"].begin());
    const wf::DocumentDelta shrink = wf::document_delta(start, removed);
    REQUIRE(shrink.size() == 1);
    CHECK(shrink[0].before == json::array({start["research"]["venn"][0]}));
    CHECK(shrink[0].after == json::array());

    UndoHistory history;
    history.record({"Add a note", {{"journey:j1", start, added}}}, 0);
    history.record({"Remove a note", {{"journey:j1", added, start}}}, 10);
    history.record({"Remove a note", {{"journey:j1", start, removed}}}, 20);
    auto step = history.undo();
    CHECK((step->changes[0].before == start));
    CHECK((step->changes[0].after == removed));
    step = history.undo();
    CHECK((step->changes[0].before == added));
    step = history.undo();
    CHECK((step->changes[0].before == start));
    CHECK((history.redo()->changes[0].after == added));
    CHECK((history.redo()->changes[0].after == start));
    CHECK((history.redo()->changes[0].after == removed));
}

TEST_CASE("arrays that grow, shrink, repeat their elements, nest or change type are undone and redone exactly")
{
    const std::pair<json, json> cases[] = {
        {json::array(), json::array({1, 2, 3})},
        {json::array({1, 2, 3}), json::array()},
        {json::array({1, 1, 1}), json::array({1, 1})},
        {json::array({1, 2, 1}), json::array({1, 1})},
        {json::array({1, 2, 3, 4}), json::array({0, 2, 3, 5})},
        {json::array({1, 2, 3}), json::array({3, 2, 1})},
        {json::array({json::array({1, 2}), json::array({3})}), json::array({json::array({1}), json::array({3, 4})})},
        {json::array({json{{"a", 1}}, json{{"b", 2}}}), json::array({json{{"a", 2}}, json{{"b", 2}, {"c", 3}}})},
        {json::array({1, 2}), json{{"0", 1}}},
        {json{{"list", json::array({1})}}, json{{"list", "no longer a list"}}},
    };
    for (const auto& [from, to] : cases) {
        const json before = {{"value", from}, {"kept", json::array({7, 8})}};
        const json after = {{"value", to}, {"kept", json::array({7, 8})}};
        CAPTURE(before.dump());
        CAPTURE(after.dump());
        const wf::DocumentDelta delta = wf::document_delta(before, after);
        CHECK((wf::apply_delta(before, delta, true) == after));
        CHECK((wf::apply_delta(after, delta, false) == before));
    }
}

TEST_CASE("any change to a document, made at random, is undone and redone exactly")
{
    std::mt19937 rng(11);
    const auto pick = [&](size_t n) { return size_t(rng() % n); };
    // A random value a few levels deep, of every kind a document holds.
    std::function<json(int)> random_value = [&](int depth) -> json {
        switch (depth > 2 ? pick(3) : pick(5)) {
        case 0: return int(pick(4));
        case 1: return std::string(1, char('a' + pick(3)));
        case 2: return pick(2) == 0;
        case 3: {
            json array = json::array();
            for (size_t i = pick(5); i-- > 0;)
                array.push_back(random_value(depth + 1));
            return array;
        }
        default: {
            json object = json::object();
            for (size_t i = pick(4); i-- > 0;)
                object[std::string(1, char('k' + pick(4)))] = random_value(depth + 1);
            return object;
        }
        }
    };
    // The value with a few random changes somewhere inside it: replaced, removed, added, inserted.
    std::function<void(json&)> mutate = [&](json& value) {
        if ((value.is_array() || value.is_object()) && !value.empty() && pick(3) != 0) {
            auto it = value.begin();
            std::advance(it, std::ptrdiff_t(pick(value.size())));
            mutate(*it);
            return;
        }
        if (value.is_array() && pick(2) == 0) {
            const size_t at = pick(value.size() + 1);
            if (pick(2) == 0 && at < value.size())
                value.erase(value.begin() + std::ptrdiff_t(at));
            else
                value.insert(value.begin() + std::ptrdiff_t(at), random_value(2));
            return;
        }
        if (value.is_object() && pick(2) == 0) {
            value[std::string(1, char('k' + pick(4)))] = random_value(2);
            return;
        }
        value = random_value(1);
    };
    for (int run = 0; run < 2000; run++) {
        const json before = {{"doc", random_value(0)}};
        json after = before;
        for (size_t i = 1 + pick(3); i-- > 0;)
            mutate(after["doc"]);
        CAPTURE(before.dump());
        CAPTURE(after.dump());
        const wf::DocumentDelta delta = wf::document_delta(before, after);
        REQUIRE((wf::apply_delta(before, delta, true) == after));
        REQUIRE((wf::apply_delta(after, delta, false) == before));
    }
}
