#include "core/assessment_results.hpp"

#include "sample_assessment.hpp"

#include <doctest/doctest.h>

using namespace wf;
using namespace wf::test;

namespace {

const AreaResult& result_for(const std::vector<AreaResult>& results, const std::string& area_id)
{
    for (const AreaResult& result : results)
        if (result.area_id == area_id)
            return result;
    FAIL("no result for ", area_id);
    return results.front();
}
// The result would refer into a vector destroyed at the end of the statement: keep the results in
// a variable first.
const AreaResult& result_for(std::vector<AreaResult>&& results, const std::string& area_id) = delete;

std::vector<std::string> ids(const std::vector<AreaResult>& areas)
{
    std::vector<std::string> out;
    for (const AreaResult& area : areas)
        out.push_back(area.area_id);
    return out;
}

std::vector<std::string> ids(const std::vector<Stretch>& stretches)
{
    std::vector<std::string> out;
    for (const Stretch& stretch : stretches)
        out.push_back(stretch.area.area_id);
    return out;
}

void mark_grow(Assessment& assessment, const std::string& area_id) { assessment.areas[area_id].grow = true; }

} // namespace

TEST_CASE("an area's score is its mean rating placed on the scale from 0 to 1")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 4, 4});
    answer_area(assessment, "creators", {1, 1, 1});
    answer_area(assessment, "spaces", {2, 3, 3});
    const std::vector<AreaResult> results = assessment_results(assessment);

    CHECK(*result_for(results, "reading-culture").score == doctest::Approx(1.0));
    CHECK(*result_for(results, "creators").score == doctest::Approx(0.0));
    CHECK(*result_for(results, "spaces").mean_rating == doctest::Approx(8.0 / 3));
    CHECK(*result_for(results, "spaces").score == doctest::Approx((8.0 / 3 - 1) / 3));
}

TEST_CASE("results follow the pack's wheel order and carry each area's grow mark and note")
{
    Assessment assessment = sample_assessment();
    assessment.areas["creators"] = {true, "Maker club every Friday."};
    const std::vector<AreaResult> results = assessment_results(assessment);

    CHECK(ids(results) ==
          std::vector<std::string>{"reading-culture", "partnerships", "creators", "spaces", "leadership"});
    CHECK(results[2].area_index == 2);
    CHECK(results[2].name == "Helps students create");
    CHECK(results[2].short_name == "Student creators");
    CHECK(results[2].gear_id == "teaching");
    CHECK(results[2].grow);
    CHECK(results[2].note == "Maker club every Friday.");
    CHECK_FALSE(results[0].grow);
    CHECK(results[0].note.empty());
}

TEST_CASE("not-applicable and unanswered statements are left out of the score and counted apart")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "partnerships", {4, kNotApplicable, kUnanswered, 2});
    const std::vector<AreaResult> results = assessment_results(assessment);
    const AreaResult& area = result_for(results, "partnerships");

    CHECK(area.rated == 2);
    CHECK(area.not_applicable == 1);
    CHECK(area.unanswered == 1);
    CHECK(*area.mean_rating == doctest::Approx(3.0));
    CHECK(*area.score == doctest::Approx(2.0 / 3));
}

TEST_CASE("an area with every statement marked not applicable has no score")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "spaces", {kNotApplicable, kNotApplicable, kNotApplicable});
    const std::vector<AreaResult> results = assessment_results(assessment);
    const AreaResult& area = result_for(results, "spaces");

    CHECK_FALSE(area.score.has_value());
    CHECK_FALSE(area.mean_rating.has_value());
    CHECK(area.not_applicable == 3);
    CHECK(area.rated == 0);
}

TEST_CASE("an area with nothing answered has no score and does not pull the overall score down")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 4, 4});
    answer_area(assessment, "creators", {2, 2, 2});
    const std::vector<AreaResult> results = assessment_results(assessment);

    CHECK_FALSE(result_for(results, "leadership").score.has_value());
    CHECK(result_for(results, "leadership").unanswered == 3);
    CHECK(*overall_score(results) == doctest::Approx((1.0 + 1.0 / 3) / 2));
}

TEST_CASE("an assessment with nothing rated has no overall score")
{
    CHECK_FALSE(overall_score(assessment_results(sample_assessment())).has_value());
    CHECK_FALSE(overall_score({}).has_value());
}

TEST_CASE("a rating outside the pack's scale counts as unanswered")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {9, 0, 3});
    assessment.answers["reading-culture-2"] = {Answer::Kind::Rated, -2};
    const std::vector<AreaResult> results = assessment_results(assessment);
    const AreaResult& area = result_for(results, "reading-culture");

    CHECK(area.rated == 1);
    CHECK(area.unanswered == 2);
    CHECK(*area.score == doctest::Approx(2.0 / 3));
}

TEST_CASE("strengths are the highest areas at or above the middle of the scale, highest first, at most three")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {3, 3, 3});   // 0.67
    answer_area(assessment, "partnerships", {4, 4, 4, 4});   // 1.0
    answer_area(assessment, "creators", {2, 3, 3});          // 0.56
    answer_area(assessment, "spaces", {4, 4, 3});            // 0.89
    answer_area(assessment, "leadership", {2, 2, 2});        // 0.33: below the middle
    CHECK(ids(rank_strengths(assessment_results(assessment))) ==
          std::vector<std::string>{"partnerships", "spaces", "reading-culture"});
}

TEST_CASE("an area exactly at the middle of the scale is a strength, one just below is not")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "creators", {2, 3, kNotApplicable});  // mean 2.5: exactly 0.5
    answer_area(assessment, "spaces", {2, 2, 3});                 // 0.44
    const std::vector<AreaResult> results = assessment_results(assessment);
    CHECK(ids(rank_strengths(results)) == std::vector<std::string>{"creators"});
    CHECK(ids(rank_stretches(results)) == std::vector<std::string>{"spaces"});
}

TEST_CASE("tied strengths go to the area with more rated statements, then to wheel order")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 4, kNotApplicable}); // 1.0 from 2 ratings
    answer_area(assessment, "partnerships", {4, 4, 4, 4});              // 1.0 from 4 ratings
    answer_area(assessment, "spaces", {4, 4, 4});                       // 1.0 from 3 ratings
    answer_area(assessment, "leadership", {4, 4, 4});                   // 1.0 from 3 ratings, later on the wheel
    CHECK(ids(rank_strengths(assessment_results(assessment))) ==
          std::vector<std::string>{"partnerships", "spaces", "leadership"});
}

TEST_CASE("an area marked \"I want to grow here\" is a stretch, not a strength, however high it scores")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "partnerships", {4, 4, 4, 4});
    answer_area(assessment, "spaces", {3, 3, 3});
    mark_grow(assessment, "partnerships");
    const std::vector<AreaResult> results = assessment_results(assessment);

    CHECK(ids(rank_strengths(results)) == std::vector<std::string>{"spaces"});
    const std::vector<Stretch> stretches = rank_stretches(results);
    REQUIRE(stretches.size() == 1);
    CHECK(stretches[0].area.area_id == "partnerships");
    CHECK(stretches[0].reason == StretchReason::MarkedToGrow);
}

TEST_CASE("stretches list marked areas first, lowest score first and unscored last, then low scorers")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {1, 1, 1});    // 0.0, unmarked
    answer_area(assessment, "partnerships", {3, 3, 3, 3});    // 0.67, marked
    answer_area(assessment, "creators", {2, 2, 2});           // 0.33, marked
    mark_grow(assessment, "partnerships");
    mark_grow(assessment, "creators");
    mark_grow(assessment, "leadership");                      // marked, nothing rated
    const std::vector<Stretch> stretches = rank_stretches(assessment_results(assessment));

    CHECK(ids(stretches) == std::vector<std::string>{"creators", "partnerships", "leadership"});
    for (const Stretch& stretch : stretches)
        CHECK(stretch.reason == StretchReason::MarkedToGrow);
}

TEST_CASE("low-scoring areas fill the stretches after the marked ones, lowest first, ties in wheel order")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {2, 2, 2});    // 0.33
    answer_area(assessment, "partnerships", {1, 1, 1, 1});    // 0.0
    answer_area(assessment, "creators", {2, 2, 2});           // 0.33, after reading-culture on the wheel
    answer_area(assessment, "spaces", {4, 4, 4});
    mark_grow(assessment, "spaces");
    const std::vector<Stretch> stretches = rank_stretches(assessment_results(assessment));

    CHECK(ids(stretches) == std::vector<std::string>{"spaces", "partnerships", "reading-culture"});
    CHECK(stretches[0].reason == StretchReason::MarkedToGrow);
    CHECK(stretches[1].reason == StretchReason::LowScore);
    CHECK(stretches[2].reason == StretchReason::LowScore);
}

TEST_CASE("unmarked areas with no score are neither strengths nor stretches")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "spaces", {kNotApplicable, kNotApplicable, kNotApplicable});
    const std::vector<AreaResult> results = assessment_results(assessment);
    CHECK(rank_strengths(results).empty());
    CHECK(rank_stretches(results).empty());
}

TEST_CASE("no area is ever both a strength and a stretch")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 4, 4});
    answer_area(assessment, "partnerships", {1, 2, 1, 2});
    answer_area(assessment, "creators", {3, 2, 3});
    answer_area(assessment, "spaces", {2, 3, 2});
    answer_area(assessment, "leadership", {4, 3, 4});
    mark_grow(assessment, "reading-culture");
    mark_grow(assessment, "spaces");
    const std::vector<AreaResult> results = assessment_results(assessment);
    for (const AreaResult& strength : rank_strengths(results))
        for (const Stretch& stretch : rank_stretches(results))
            CHECK(strength.area_id != stretch.area.area_id);
}

TEST_CASE("comparing two assessments of one pack gives the change per area")
{
    Assessment earlier = sample_assessment();
    answer_area(earlier, "reading-culture", {2, 2, 2});
    answer_area(earlier, "partnerships", {3, 3, 3, 3});
    Assessment later = sample_assessment();
    answer_area(later, "reading-culture", {3, 3, 3});
    answer_area(later, "creators", {4, 4, 4});

    const std::vector<AreaChange> changes = compare_assessments(earlier, later);
    REQUIRE(changes.size() == 5);
    CHECK(changes[0].area_id == "reading-culture");
    CHECK(*changes[0].change == doctest::Approx(1.0 / 3));
    CHECK(changes[1].area_id == "partnerships"); // scored before, not now
    CHECK(changes[1].earlier.has_value());
    CHECK_FALSE(changes[1].later.has_value());
    CHECK_FALSE(changes[1].change.has_value());
    CHECK_FALSE(changes[2].earlier.has_value()); // creators: new this time
    CHECK(*changes[2].later == doctest::Approx(1.0));
    CHECK_FALSE(changes[2].change.has_value());
}

TEST_CASE("comparing across packs with different areas matches by id and keeps areas only one side has")
{
    FrameworkPack revised = sample_pack();
    revised.version = "2.0";
    revised.areas.erase(revised.areas.begin() + 4);       // "leadership" retired
    FrameworkArea privacy = revised.areas[0];
    privacy.id = "privacy";
    privacy.name = "Protects student privacy";
    privacy.short_name = "Privacy";
    for (PracticeStatement& statement : privacy.statements)
        statement.id = "privacy-" + statement.id;
    revised.areas.insert(revised.areas.begin() + 1, privacy);
    revised.areas[0].name = "Grows a reading culture"; // renamed, same id

    Assessment earlier = sample_assessment();
    answer_area(earlier, "reading-culture", {1, 1, 1});
    answer_area(earlier, "leadership", {3, 3, 3});
    Assessment later = sample_assessment(revised);
    answer_area(later, "reading-culture", {4, 4, 4});
    answer_area(later, "privacy", {2, 2, 2});

    const std::vector<AreaChange> changes = compare_assessments(earlier, later);
    std::vector<std::string> order;
    for (const AreaChange& change : changes)
        order.push_back(change.area_id);
    CHECK(order == std::vector<std::string>{"reading-culture", "privacy", "partnerships", "creators", "spaces",
                                            "leadership"});
    CHECK(changes[0].name == "Grows a reading culture");
    CHECK(*changes[0].change == doctest::Approx(1.0));
    CHECK_FALSE(changes[1].earlier.has_value());
    CHECK(*changes[1].later == doctest::Approx(1.0 / 3));
    CHECK(changes[5].name == "Leads beyond the library");
    CHECK(*changes[5].earlier == doctest::Approx(2.0 / 3));
    CHECK_FALSE(changes[5].later.has_value());
    CHECK_FALSE(changes[5].change.has_value());
}

TEST_CASE("an earlier assessment's scores are placed on a later pack's wheel by area id")
{
    FrameworkPack reordered = sample_pack();
    std::swap(reordered.areas[0], reordered.areas[4]);
    reordered.areas[2].id = "new-area";
    Assessment earlier = sample_assessment();
    answer_area(earlier, "reading-culture", {4, 4, 4});
    answer_area(earlier, "creators", {1, 1, 1});
    answer_area(earlier, "leadership", {3, 3, 3});

    const std::vector<std::optional<double>> scores = scores_on_pack(assessment_results(earlier), reordered);
    REQUIRE(scores.size() == 5);
    CHECK(*scores[0] == doctest::Approx(2.0 / 3)); // leadership now first
    CHECK_FALSE(scores[1].has_value());            // partnerships: not rated
    CHECK_FALSE(scores[2].has_value());            // an area the earlier pack does not have
    CHECK(*scores[4] == doctest::Approx(1.0));     // reading-culture now last
}

TEST_CASE("an area with nothing rated is named not rated, with why, and is never given a low score or level")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {1, 1, 1});
    answer_area(assessment, "partnerships", {kNotApplicable, kNotApplicable, kNotApplicable, kNotApplicable});
    answer_area(assessment, "creators", {kNotApplicable, kUnanswered, kUnanswered});
    const std::vector<AreaResult> results = assessment_results(assessment);
    const FrameworkPack& pack = assessment.pack;

    // Rated at the lowest level: a low score, with its level.
    const AreaResult& lowest = result_for(results, "reading-culture");
    CHECK(*lowest.score == 0.0);
    REQUIRE(nearest_level(pack, lowest) != nullptr);
    CHECK(nearest_level(pack, lowest)->name == "Beginning");
    CHECK(area_score_text(pack, lowest) == "1.0 of 4 · Beginning");
    CHECK(not_rated_reason(lowest).empty());

    // Nothing rated, for each of the three reasons: no score, no level, named so.
    for (const char* id : {"partnerships", "creators", "spaces"}) {
        CAPTURE(id);
        const AreaResult& area = result_for(results, id);
        CHECK_FALSE(area.score.has_value());
        CHECK(nearest_level(pack, area) == nullptr);
        CHECK(area_score_text(pack, area) == "Not rated");
    }
    CHECK(not_rated_reason(result_for(results, "partnerships")) == "every statement marked not applicable");
    CHECK(not_rated_reason(result_for(results, "creators")) == "no statement rated");
    CHECK(not_rated_reason(result_for(results, "spaces")) == "no statement answered yet");
}

TEST_CASE("a mean rating takes the name of the level it is closest to")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {3, 3, 4});
    answer_area(assessment, "creators", {2, 2, 3});
    const std::vector<AreaResult> results = assessment_results(assessment);
    CHECK(area_score_text(assessment.pack, result_for(results, "reading-culture")) == "3.3 of 4 · Practicing");
    CHECK(area_score_text(assessment.pack, result_for(results, "creators")) == "2.3 of 4 · Developing");
}

TEST_CASE("the overall figure says how many of the areas it covers")
{
    Assessment assessment = sample_assessment();
    answer_area(assessment, "reading-culture", {4, 4, 4});
    answer_area(assessment, "creators", {2, 2, 2});
    answer_area(assessment, "spaces", {kNotApplicable, kNotApplicable, kNotApplicable});
    const OverallFigure some = overall_figure(assessment_results(assessment));
    CHECK(some.areas_rated == 2);
    CHECK(some.areas_total == 5);
    CHECK(*some.score == doctest::Approx((1.0 + 1.0 / 3) / 2));
    CHECK(overall_figure_text(some) == "67 % across 2 of 5 areas (3 not rated)");

    for (const char* id : {"partnerships", "spaces", "leadership"})
        answer_area(assessment, id, {1, 1, 1, 1});
    const OverallFigure all = overall_figure(assessment_results(assessment));
    CHECK(all.areas_rated == 5);
    CHECK(overall_figure_text(all) == "27 % across all 5 areas");

    const OverallFigure none = overall_figure(assessment_results(sample_assessment()));
    CHECK(none.areas_rated == 0);
    CHECK_FALSE(none.score.has_value());
    CHECK(overall_figure_text(none) == "not rated yet (no area has a rated statement)");
}
