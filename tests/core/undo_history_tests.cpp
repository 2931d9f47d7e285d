#include "core/undo_history.hpp"

#include <doctest/doctest.h>

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
