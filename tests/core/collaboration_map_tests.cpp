#include "core/collaboration_map.hpp"

#include <doctest/doctest.h>

using namespace wf;

namespace {

std::vector<std::string> ids_of(const std::vector<CollaborationNote>& notes)
{
    std::vector<std::string> ids;
    for (const CollaborationNote& note : notes)
        ids.push_back(note.id);
    return ids;
}

using Ids = std::vector<std::string>;

// Two priorities in the circle and two strengths, one from the self-assessment, both on the margins.
CollaborationMap sample_map()
{
    CollaborationMap map;
    add_note(map, "p-literacy", "Schoolwide media literacy", NoteKind::Priority);
    add_note(map, "p-math", "Raise math scores", NoteKind::Priority);
    add_strength_from_area(map, "s-creators", {"creators", "Empowers students as creators"});
    add_note(map, "s-club", "After-school robotics club", NoteKind::Strength);
    return map;
}

} // namespace

TEST_CASE("a new priority goes into the circle and a new strength onto the margins")
{
    const CollaborationMap map = sample_map();
    CHECK(find_note(map, "p-literacy")->placement == NotePlacement::Aligned);
    CHECK(find_note(map, "s-club")->placement == NotePlacement::Margin);
    CHECK(find_note(map, "s-creators")->area_id == "creators");
    CHECK(find_note(map, "s-creators")->text == "Empowers students as creators");
    CHECK(ids_of(margin_notes(map)) == Ids{"s-creators", "s-club"});
}

TEST_CASE("a strength placed beside a priority is listed with it, and leaves the margins")
{
    CollaborationMap map = sample_map();
    REQUIRE(place_beside(map, "s-creators", "p-math"));
    REQUIRE(place_beside(map, "s-club", "p-math"));

    const std::vector<AlignedGroup> pairs = aligned_pairs(map);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].priority.id == "p-literacy");
    CHECK(pairs[0].strengths.empty());
    CHECK(pairs[1].priority.id == "p-math");
    CHECK(ids_of(pairs[1].strengths) == Ids{"s-creators", "s-club"});
    CHECK(margin_notes(map).empty());
}

TEST_CASE("only a strength can go beside a priority, and only beside a priority")
{
    CollaborationMap map = sample_map();
    const CollaborationMap before = map;
    CHECK_FALSE(place_beside(map, "p-literacy", "p-math"));
    CHECK_FALSE(place_beside(map, "s-club", "s-creators"));
    CHECK_FALSE(place_beside(map, "s-club", "missing"));
    CHECK_FALSE(place_beside(map, "missing", "p-math"));
    CHECK_FALSE(place_in_circle(map, "s-club"));
    CHECK(ids_of(margin_notes(map)) == ids_of(margin_notes(before)));
    CHECK(aligned_pairs(map).size() == aligned_pairs(before).size());
}

TEST_CASE("moving a priority to the margins takes the strengths beside it along")
{
    CollaborationMap map = sample_map();
    place_beside(map, "s-creators", "p-math");
    REQUIRE(move_to_margin(map, "p-math"));
    CHECK(aligned_pairs(map).size() == 1);
    CHECK(ids_of(margin_notes(map)) == Ids{"p-math", "s-creators", "s-club"});
    CHECK(find_note(map, "s-creators")->aligned_with.empty());
}

TEST_CASE("placing a strength beside a priority on the margins brings that priority into the circle")
{
    CollaborationMap map = sample_map();
    move_to_margin(map, "p-math");
    REQUIRE(place_beside(map, "s-club", "p-math"));
    CHECK(find_note(map, "p-math")->placement == NotePlacement::Aligned);
    CHECK(aligned_pairs(map).back().strengths.front().id == "s-club");
}

TEST_CASE("a strength moved to the margins is no longer beside its priority")
{
    CollaborationMap map = sample_map();
    place_beside(map, "s-club", "p-literacy");
    REQUIRE(move_to_margin(map, "s-club"));
    CHECK(aligned_pairs(map).front().strengths.empty());
    CHECK(ids_of(margin_notes(map)) == Ids{"s-creators", "s-club"});
    CHECK_FALSE(move_to_margin(map, "missing"));
}

TEST_CASE("removing a priority sends the strengths beside it to the margins")
{
    CollaborationMap map = sample_map();
    place_beside(map, "s-club", "p-literacy");
    REQUIRE(remove_note(map, "p-literacy"));
    CHECK(find_note(map, "p-literacy") == nullptr);
    CHECK(ids_of(margin_notes(map)) == Ids{"s-creators", "s-club"});
    CHECK_FALSE(remove_note(map, "p-literacy"));
}

TEST_CASE("a strength whose priority is gone or unsure reads as on the margins, whatever it says")
{
    CollaborationMap map = sample_map();
    CollaborationNote* club = find_note(map, "s-club");
    club->placement = NotePlacement::Aligned;
    club->aligned_with = "no-such-priority";
    CHECK_FALSE(note_is_aligned(map, *club));
    CHECK(ids_of(margin_notes(map)) == Ids{"s-creators", "s-club"});

    club->aligned_with = "p-math";
    find_note(map, "p-math")->placement = NotePlacement::Margin;
    CHECK_FALSE(note_is_aligned(map, *club));
    for (const AlignedGroup& group : aligned_pairs(map))
        CHECK(group.strengths.empty());
}

TEST_CASE("strengths from the self-assessment are offered until they are on the map")
{
    const CollaborationMap map = sample_map();
    const std::vector<AreaRef> offered = strengths_to_offer(
        map, {{"creators", "Empowers students as creators"}, {"curates", "Curates digital resources"},
              {"curates", "Curates digital resources"}, {"", "Typed by hand"}});
    REQUIRE(offered.size() == 2);
    CHECK(offered[0].area_id == "curates");
    CHECK(offered[1].area_name == "Typed by hand"); // a strength the librarian named is offered too
}

TEST_CASE("a strength the librarian named is offered until a strength of that name is on the map")
{
    CollaborationMap map = sample_map();
    const std::vector<AreaRef> step2 = {{"", "Book clubs for reluctant readers"}, {"", "  book clubs FOR  reluctant readers "},
                                        {"", "After-school Robotics club"}, {"", "  "}};
    std::vector<AreaRef> offered = strengths_to_offer(map, step2);
    REQUIRE(offered.size() == 1); // the robotics club is on the map already, typed there; blanks and repeats once
    CHECK(offered[0].area_name == "Book clubs for reluctant readers");
    add_strength_from_area(map, "s-books", offered[0]);
    CHECK(find_note(map, "s-books")->text == "Book clubs for reluctant readers");
    CHECK(find_note(map, "s-books")->area_id.empty());
    CHECK(strengths_to_offer(map, step2).empty());
}

TEST_CASE("a priority is never taken for a strength already on the map")
{
    const CollaborationMap map = sample_map();
    CHECK(strengths_to_offer(map, {{"", "Raise math scores"}}).size() == 1);
}

TEST_CASE("names are the same whatever their blanks and the case of plain letters")
{
    CHECK(same_name("Book clubs", "  book\tCLUBS \n"));
    CHECK(same_name("", "   "));
    CHECK_FALSE(same_name("Book clubs", "Book club"));
    CHECK_FALSE(same_name("Café", "Cafe"));
}
