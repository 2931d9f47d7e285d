// The self-assessment tool's commands over the Workbench's documents.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "app/self_assessment.hpp"
#include "core/sample_assessment.hpp"

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;

TEST_CASE("a stretch has one goal: making it again opens the goal it has, and undo removes only that one") {
    SharedStore store;
    Tab tab(store);
    SelfAssessment& sa = tab.wb.self_assessment();
    const std::string fall = sa.start(wf::test::sample_pack());
    const std::string spring = sa.start(wf::test::sample_pack());
    REQUIRE(sa.results(fall));
    const AreaResult creators = (*sa.results(fall))[2];
    const AreaResult spaces = (*sa.results(fall))[3];

    CHECK(sa.goal_for_stretch(fall, creators.area_id).empty());
    const std::string goal = sa.add_goal_from_stretch(fall, creators);
    REQUIRE_FALSE(goal.empty());
    CHECK(sa.goal_for_stretch(fall, creators.area_id) == goal);

    sa.set_goal_statement(goal, "Open a maker club by spring.");
    CHECK(sa.add_goal_from_stretch(fall, creators) == goal);
    CHECK(sa.goal_ids().size() == 1);
    CHECK(sa.goal(goal)->statement == "Open a maker club by spring.");

    // Another area, or the same area in another assessment, is another stretch with a goal of its own.
    const std::string other_area = sa.add_goal_from_stretch(fall, spaces);
    const std::string other_assessment = sa.add_goal_from_stretch(spring, creators);
    CHECK(other_area != goal);
    CHECK(other_assessment != goal);
    CHECK(other_area != other_assessment);
    CHECK(sa.goal_ids().size() == 3);
    CHECK(sa.goal_for_stretch(spring, creators.area_id) == other_assessment);

    // Once its goal is deleted, the stretch can have a new one.
    sa.remove_goal(goal);
    CHECK(sa.goal_for_stretch(fall, creators.area_id).empty());
    const std::string again = sa.add_goal_from_stretch(fall, creators);
    CHECK(again != goal);
    CHECK(sa.goal(again)->statement != "Open a maker club by spring.");
}
