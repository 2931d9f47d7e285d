#include "core/assessment_report.hpp"

#include "sample_assessment.hpp"

#include <doctest/doctest.h>
#include "test_support.hpp"

using namespace wf;
using namespace wf::test;

namespace {

// Strengths: partnerships (1.0), reading culture (0.67). Stretches: creators (marked), leadership (low).
Assessment finished_assessment()
{
    Assessment assessment = sample_assessment();
    assessment.completed_at = "2026-09-20T18:30:00Z";
    answer_area(assessment, "reading-culture", {3, 3, 3});
    answer_area(assessment, "partnerships", {4, 4, 4, 4});
    answer_area(assessment, "creators", {3, 3, 2});
    answer_area(assessment, "spaces", {kNotApplicable, kNotApplicable, kNotApplicable});
    answer_area(assessment, "leadership", {1, 2, 1});
    assessment.areas["partnerships"].note = "Co-taught three units with 4th grade.";
    assessment.areas["creators"] = {true, "Start a maker club."};
    return assessment;
}

const Profile kProfile{"Ana Pérez", "Teacher librarian", "Lincoln Elementary", "Río Verde Unified", "private focus"};

Goal maker_goal()
{
    Goal goal;
    goal.statement = "Open a maker club by spring.";
    goal.area = {"sample", "creators", "Helps students create"};
    goal.status = GoalStatus::InProgress;
    goal.steps = {{"Find two teacher partners.", "2026-10-15", true}, {"Order supplies.", "2027-01-10", false},
                  {"", "", false}};
    return goal;
}

} // namespace

TEST_CASE("the summary names the librarian, the date and the framework it was taken with")
{
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {});
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<h1>Fall check-in</h1>"));
    CHECK(contains(html, "Ana Pérez · Teacher librarian · Lincoln Elementary · Río Verde Unified"));
    CHECK(contains(html, "Finished September 20, 2026"));
    CHECK(contains(html, "Framework: Sample framework, version 1.0"));
    CHECK_FALSE(contains(html, "private focus"));
}

TEST_CASE("the summary lists the strengths with their notes and the stretches with why")
{
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {});
    const size_t strengths = html.find("<h2>Strengths</h2>");
    const size_t stretches = html.find("<h2>Stretches</h2>");
    REQUIRE(strengths != std::string::npos);
    REQUIRE(stretches != std::string::npos);
    const std::string strength_part = html.substr(strengths, stretches - strengths);
    const std::string stretch_part = html.substr(stretches, html.find("<h2>Not rated</h2>") - stretches);

    CHECK(strength_part.find("Teaches with partners") < strength_part.find("Builds a reading culture"));
    CHECK(contains(strength_part, "Co-taught three units with 4th grade."));
    CHECK(contains(strength_part, "Average rating 4.0 on a scale of 1 to 4."));
    CHECK(stretch_part.find("Helps students create") < stretch_part.find("Leads beyond the library"));
    CHECK(contains(stretch_part, "Marked “I want to grow here”."));
    CHECK(contains(stretch_part, "Start a maker club."));
    CHECK(contains(stretch_part, "Among the lowest-rated areas."));
    CHECK_FALSE(contains(strength_part + stretch_part, "Shapes spaces")); // all not applicable: neither list
}

TEST_CASE("the summary carries the wheel inline, with a legend of the gears")
{
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {});
    CHECK(contains(html, "<svg"));
    CHECK(contains(html, ">Spaces &amp; time<"));
    CHECK(contains(html, "background:#3A7F5C\"></span>Spaces</li>"));
}

TEST_CASE("the summary lists the goals with their steps, target dates and what is done")
{
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {maker_goal()});
    CHECK(contains(html, "<h2>Goals</h2>"));
    CHECK(contains(html, "Open a maker club by spring."));
    CHECK(contains(html, "Helps students create · In progress"));
    CHECK(contains(html, "Find two teacher partners. (by October 15, 2026) — done"));
    CHECK(contains(html, "Order supplies. (by January 10, 2027)</li>"));
    CHECK_FALSE(contains(html, "<li></li>")); // the empty step is left out
    CHECK_FALSE(contains(assessment_summary_html(finished_assessment(), kProfile, {}), "<h2>Goals</h2>"));
}

TEST_CASE("everything the user wrote is escaped, so a note cannot add markup or scripts")
{
    Assessment assessment = finished_assessment();
    assessment.title = "Fall <b>check-in</b>";
    assessment.areas["partnerships"].note = "<script>alert('hi')</script> & more";
    Profile profile = kProfile;
    profile.name = "Ana <img src=x>";
    Goal goal = maker_goal();
    goal.statement = "Goal \"quoted\" <i>";
    goal.steps[0].text = "</li><li>injected";

    const std::string html = assessment_summary_html(assessment, profile, {goal});
    CHECK_FALSE(contains(html, "<script"));
    CHECK(contains(html, "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; more"));
    CHECK(contains(html, "<h1>Fall &lt;b&gt;check-in&lt;/b&gt;</h1>"));
    CHECK(contains(html, "Ana &lt;img src=x&gt;"));
    CHECK(contains(html, "Goal &quot;quoted&quot; &lt;i&gt;"));
    CHECK(contains(html, "&lt;/li&gt;&lt;li&gt;injected"));
    CHECK_FALSE(contains(html, "<img"));
}

TEST_CASE("the summary is self-contained: no URL, script, link or outside resource at all")
{
    Goal goal = maker_goal();
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {goal});
    CHECK_FALSE(contains(html, "http"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "<a "));
    CHECK_FALSE(contains(html, "url("));
    CHECK_FALSE(contains(html, "src="));
    CHECK(contains(html, "<style>"));
}

TEST_CASE("the footer says it was made with Wayfinder and names the trademark")
{
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {});
    CHECK(contains(html, "<footer><p>Made with Wayfinder"));
    CHECK(contains(html, "Future Ready Librarians® is a registered trademark"));
}

TEST_CASE("an unfinished assessment says when it was started and how far it got")
{
    Assessment assessment = finished_assessment();
    assessment.completed_at.clear();
    const std::string html = assessment_summary_html(assessment, Profile{}, {});
    CHECK(contains(html, "Started September 14, 2026, not finished yet (16 of 16 statements answered)"));
}

TEST_CASE("a summary with nothing rated still reads sensibly")
{
    Assessment assessment = sample_assessment();
    assessment.title.clear();
    const std::string html = assessment_summary_html(assessment, Profile{}, {});
    CHECK(contains(html, "<h1>Self-assessment</h1>"));
    CHECK(contains(html, "No area is rated in the upper half of the scale yet."));
    CHECK(contains(html, "No area is marked for growth or rated in the lower half of the scale."));
    CHECK(contains(html, "(0 of 16 statements answered)"));
}

TEST_CASE("the summary names the areas with nothing rated, draws them apart, and says what the overall figure covers")
{
    const std::string html = assessment_summary_html(finished_assessment(), kProfile, {});
    CHECK(contains(html, "Overall: 58 % across 4 of 5 areas (1 not rated)"));
    const size_t not_rated = html.find("<h2>Not rated</h2>");
    REQUIRE(not_rated != std::string::npos);
    CHECK(contains(html.substr(not_rated), "<strong>Shapes spaces &amp; time</strong> <span class=\"why\">Not rated: every "
                                           "statement marked not applicable.</span>"));
    CHECK_FALSE(contains(html.substr(not_rated), "Leads beyond the library")); // rated low: a stretch, not "not rated"
    CHECK(contains(html, ">Spaces &amp; time</tspan><tspan"));                 // "not rated" under it on the wheel
    CHECK(contains(html, "<span class=\"swatch not-rated\"></span>Not rated</li>"));
}

TEST_CASE("with every area rated the summary has no not-rated list and the overall figure covers all areas")
{
    Assessment assessment = finished_assessment();
    answer_area(assessment, "spaces", {2, 2, 2});
    const std::string html = assessment_summary_html(assessment, kProfile, {});
    CHECK(contains(html, "across all 5 areas"));
    CHECK_FALSE(contains(html, "Not rated"));
    CHECK_FALSE(contains(html, "not rated<"));
}
