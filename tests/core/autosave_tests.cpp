#include "core/autosave.hpp"

#include <doctest/doctest.h>

using wf::Autosave;
using wf::SaveState;

namespace {

using Keys = std::vector<std::string>;

const char* const kStorageFull = "the browser's storage is full.";

} // namespace

TEST_CASE("with no changes the indicator says Saved")
{
    Autosave autosave;
    CHECK(autosave.status().state == SaveState::Saved);
    CHECK(autosave.status().text == "Saved");
    CHECK_FALSE(autosave.has_unsaved());
    CHECK_FALSE(autosave.next_wake(0).has_value());
    CHECK(autosave.take_due(100, true).empty());
}

TEST_CASE("nothing is written until a second passes without typing")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    CHECK(autosave.take_due(0.5, false).empty());
    autosave.mark_changed("profile", 0.8); // still typing
    CHECK(autosave.take_due(1.5, false).empty());
    CHECK(autosave.status().state == SaveState::Pending);
    CHECK(autosave.status().text == "Unsaved changes…");
    CHECK(autosave.has_unsaved());

    CHECK(autosave.take_due(1.8, false) == Keys{"profile"});
    CHECK(autosave.status().state == SaveState::Saving);
    CHECK(autosave.status().text == "Saving…");
    CHECK(autosave.take_due(5.0, false).empty()); // already being written
}

TEST_CASE("Saved is shown only after the write is durably committed")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    REQUIRE(autosave.take_due(1.0, false) == Keys{"profile"});
    const uint64_t revision = autosave.in_flight_revision("profile");
    CHECK(revision != 0);
    CHECK(autosave.has_unsaved());

    autosave.write_finished("profile", revision, true, "", 1.1);
    CHECK(autosave.status().state == SaveState::Saved);
    CHECK(autosave.status().text == "Saved");
    CHECK_FALSE(autosave.has_unsaved());
    CHECK(autosave.in_flight_revision("profile") == 0);
}

TEST_CASE("flushing writes pending changes at once, as when the page is hidden")
{
    Autosave autosave;
    autosave.mark_changed("profile", 10.0);
    autosave.mark_changed("notes", 10.1);
    CHECK(autosave.take_due(10.2, false).empty());
    CHECK(autosave.take_due(10.2, true) == Keys{"notes", "profile"});
}

TEST_CASE("a write that finishes after a newer change leaves the status not Saved")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    REQUIRE(autosave.take_due(1.0, false) == Keys{"profile"});
    const uint64_t first = autosave.in_flight_revision("profile");
    autosave.mark_changed("profile", 1.05); // typed while the write was running
    autosave.write_finished("profile", first, true, "", 1.1);

    CHECK(autosave.status().state == SaveState::Pending);
    CHECK(autosave.has_unsaved());
    CHECK(autosave.take_due(2.0, false).empty());
    REQUIRE(autosave.take_due(2.05, false) == Keys{"profile"});
    const uint64_t second = autosave.in_flight_revision("profile");
    CHECK(second > first);
    autosave.write_finished("profile", second, true, "", 2.1);
    CHECK(autosave.status().state == SaveState::Saved);
}

TEST_CASE("a failed write says why and what to do, and is retried after five seconds")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    REQUIRE(autosave.take_due(1.0, false) == Keys{"profile"});
    autosave.write_finished("profile", autosave.in_flight_revision("profile"), false, kStorageFull, 1.2);

    CHECK(autosave.status().state == SaveState::Failed);
    CHECK(autosave.status().text == "Not saved: the browser's storage is full. Your changes are still on screen: "
                                    "export a backup from Data & settings now.");
    CHECK(autosave.has_unsaved());
    CHECK(autosave.take_due(6.0, false).empty());
    REQUIRE(autosave.next_wake(6.0).has_value());
    CHECK(*autosave.next_wake(6.0) == doctest::Approx(6.2));

    REQUIRE(autosave.take_due(6.2, false) == Keys{"profile"});
    CHECK(autosave.status().state == SaveState::Failed); // still not saved while the retry runs
    autosave.write_finished("profile", autosave.in_flight_revision("profile"), true, "", 6.3);
    CHECK(autosave.status().state == SaveState::Saved);
}

TEST_CASE("a new change after a failure is retried after its own debounce, not the retry wait")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    REQUIRE(autosave.take_due(1.0, false) == Keys{"profile"});
    autosave.write_finished("profile", autosave.in_flight_revision("profile"), false, kStorageFull, 1.0);
    autosave.mark_changed("profile", 1.5);
    CHECK(autosave.take_due(2.0, false).empty());
    CHECK(autosave.take_due(2.5, false) == Keys{"profile"});
}

TEST_CASE("a failure without a reason still tells the user what to do")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    autosave.take_due(0.0, true);
    autosave.write_finished("profile", autosave.in_flight_revision("profile"), false, "", 0.1);
    CHECK(autosave.status().text == "Not saved: the browser did not say why. Your changes are still on screen: "
                                    "export a backup from Data & settings now.");
}

TEST_CASE("a failure outranks a running write, which outranks a pending change")
{
    Autosave autosave;
    autosave.mark_changed("a", 0.0);
    autosave.mark_changed("b", 0.0);
    autosave.take_due(1.0, false); // a and b in flight
    autosave.mark_changed("c", 1.0);
    CHECK(autosave.status().state == SaveState::Saving);

    autosave.write_finished("a", autosave.in_flight_revision("a"), false, kStorageFull, 1.1);
    CHECK(autosave.status().state == SaveState::Failed);

    autosave.take_due(1.1, true); // retry a, write c
    autosave.write_finished("a", autosave.in_flight_revision("a"), true, "", 1.2);
    autosave.write_finished("b", autosave.in_flight_revision("b"), true, "", 1.2);
    CHECK(autosave.status().state == SaveState::Saving); // c still running

    autosave.write_finished("c", autosave.in_flight_revision("c"), true, "", 1.3);
    autosave.mark_changed("c", 2.0);
    CHECK(autosave.status().state == SaveState::Pending);
}

TEST_CASE("the next wake-up is the earliest end of a debounce, and none while writes run")
{
    Autosave autosave;
    autosave.mark_changed("a", 3.0);
    autosave.mark_changed("b", 2.0);
    REQUIRE(autosave.next_wake(2.5).has_value());
    CHECK(*autosave.next_wake(2.5) == doctest::Approx(3.0));
    CHECK(*autosave.next_wake(3.5) == doctest::Approx(3.5)); // overdue: wake now, not in the past

    autosave.take_due(10.0, false);
    CHECK_FALSE(autosave.next_wake(10.0).has_value());
}

TEST_CASE("a completion for a write that was not started, or was already reported, changes nothing")
{
    Autosave autosave;
    autosave.mark_changed("profile", 0.0);
    autosave.write_finished("profile", 1, true, "", 0.1); // never taken
    CHECK(autosave.status().state == SaveState::Pending);

    REQUIRE(autosave.take_due(1.0, false) == Keys{"profile"});
    const uint64_t revision = autosave.in_flight_revision("profile");
    autosave.write_finished("profile", revision, false, kStorageFull, 1.1);
    autosave.write_finished("profile", revision, true, "", 1.2); // a duplicate report must not hide the failure
    CHECK(autosave.status().state == SaveState::Failed);
    autosave.write_finished("unknown", 1, true, "", 1.3);
    CHECK(autosave.status().state == SaveState::Failed);
}
