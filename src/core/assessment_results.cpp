// [SECTION] Scores
// [SECTION] Strengths and stretches
// [SECTION] Comparing two assessments

#include "core/assessment_results.hpp"
#include "core/number_text.hpp"
#include "core/stable_order.hpp"

#include <algorithm>
#include <cmath>

namespace wf {

//-------------------------------------------------------------------------------------------------
// [SECTION] Scores
//-------------------------------------------------------------------------------------------------

std::vector<AreaResult> assessment_results(const Assessment& assessment)
{
    const FrameworkPack& pack = assessment.pack;
    const bool scale_usable = !pack.scale.empty() && pack.max_rating() > pack.min_rating();
    std::vector<AreaResult> results;
    results.reserve(pack.areas.size());
    for (size_t i = 0; i < pack.areas.size(); i++) {
        const FrameworkArea& area = pack.areas[i];
        AreaResult result;
        result.area_index = int(i);
        result.area_id = area.id;
        result.name = area.name;
        result.short_name = area.short_name;
        result.gear_id = area.gear;
        if (const auto reflection = assessment.areas.find(area.id); reflection != assessment.areas.end()) {
            result.grow = reflection->second.grow;
            result.note = reflection->second.note;
        }

        double rating_sum = 0;
        for (const PracticeStatement& statement : area.statements) {
            const Answer answer = effective_answer(assessment, statement.id);
            switch (answer.kind) {
            case Answer::Kind::Rated:
                result.rated++;
                rating_sum += answer.rating;
                break;
            case Answer::Kind::NotApplicable: result.not_applicable++; break;
            case Answer::Kind::Unanswered: result.unanswered++; break;
            }
        }
        if (result.rated > 0 && scale_usable) {
            const double mean = rating_sum / result.rated;
            result.mean_rating = mean;
            result.score = (mean - pack.min_rating()) / (pack.max_rating() - pack.min_rating());
        }
        results.push_back(std::move(result));
    }
    return results;
}

std::optional<double> overall_score(const std::vector<AreaResult>& results)
{
    double sum = 0;
    int scored = 0;
    for (const AreaResult& result : results)
        if (result.score) {
            sum += *result.score;
            scored++;
        }
    if (scored == 0)
        return std::nullopt;
    return sum / scored;
}

OverallFigure overall_figure(const std::vector<AreaResult>& results)
{
    OverallFigure figure;
    figure.score = overall_score(results);
    figure.areas_total = int(results.size());
    figure.areas_rated = int(std::count_if(results.begin(), results.end(), [](const AreaResult& r) { return r.score.has_value(); }));
    return figure;
}

std::string percent_text(double fraction) { return std::to_string(long(std::lround(fraction * 100))) + " %"; }

std::string overall_figure_text(const OverallFigure& figure)
{
    if (!figure.score)
        return "not rated yet (no area has a rated statement)";
    const std::string total = std::to_string(figure.areas_total);
    if (figure.areas_rated == figure.areas_total)
        return percent_text(*figure.score) + (figure.areas_total == 1 ? " across the one area" : " across all " + total + " areas");
    return percent_text(*figure.score) + " across " + std::to_string(figure.areas_rated) + " of " + total + " areas (" +
           std::to_string(figure.areas_total - figure.areas_rated) + " not rated)";
}

const RatingLevel* nearest_level(const FrameworkPack& pack, const AreaResult& area)
{
    if (!area.mean_rating)
        return nullptr;
    const RatingLevel* nearest = nullptr;
    for (const RatingLevel& level : pack.scale)
        if (!nearest || std::fabs(level.value - *area.mean_rating) < std::fabs(nearest->value - *area.mean_rating))
            nearest = &level;
    return nearest;
}

std::string area_score_text(const FrameworkPack& pack, const AreaResult& area)
{
    const RatingLevel* level = nearest_level(pack, area);
    if (!level)
        return "Not rated";
    return decimal(*area.mean_rating, 1) + " of " + std::to_string(pack.max_rating()) + " \xC2\xB7 " + level->name;
}

std::string not_rated_reason(const AreaResult& area)
{
    if (area.score)
        return "";
    if (area.rated > 0)
        return "the framework's scale cannot be read";
    if (area.not_applicable == 0)
        return "no statement answered yet";
    if (area.unanswered == 0)
        return "every statement marked not applicable";
    return "no statement rated";
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Strengths and stretches
//-------------------------------------------------------------------------------------------------

std::vector<AreaResult> rank_strengths(const std::vector<AreaResult>& results)
{
    std::vector<AreaResult> strengths;
    for (const AreaResult& result : results)
        if (!result.grow && result.score && *result.score >= kStrengthThreshold)
            strengths.push_back(result);
    stable_sort_by(strengths, [](const AreaResult& a, const AreaResult& b) {
        // Equal means give bit-identical scores (division is correctly rounded), so == finds every tie.
        if (*a.score != *b.score)
            return *a.score > *b.score;
        if (a.rated != b.rated)
            return a.rated > b.rated;
        return a.area_index < b.area_index;
    });
    if (strengths.size() > kMaxRankedAreas)
        strengths.resize(kMaxRankedAreas);
    return strengths;
}

std::vector<Stretch> rank_stretches(const std::vector<AreaResult>& results)
{
    // Lowest score first, unscored last, then wheel order.
    const auto lower_first = [](const AreaResult& a, const AreaResult& b) {
        if (a.score.has_value() != b.score.has_value())
            return a.score.has_value();
        if (a.score && *a.score != *b.score)
            return *a.score < *b.score;
        return a.area_index < b.area_index;
    };
    std::vector<AreaResult> marked, low;
    for (const AreaResult& result : results) {
        if (result.grow)
            marked.push_back(result);
        else if (result.score && *result.score < kStrengthThreshold)
            low.push_back(result);
    }
    stable_sort_by(marked, lower_first);   // a total order: the app's one sort serves
    stable_sort_by(low, lower_first);

    std::vector<Stretch> stretches;
    for (const AreaResult& result : marked)
        stretches.push_back({result, StretchReason::MarkedToGrow});
    for (const AreaResult& result : low)
        stretches.push_back({result, StretchReason::LowScore});
    if (stretches.size() > kMaxRankedAreas)
        stretches.erase(stretches.begin() + kMaxRankedAreas, stretches.end());
    return stretches;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Comparing two assessments
//-------------------------------------------------------------------------------------------------

namespace {

const AreaResult* find_result(const std::vector<AreaResult>& results, const std::string& area_id)
{
    for (const AreaResult& result : results)
        if (result.area_id == area_id)
            return &result;
    return nullptr;
}

} // namespace

std::vector<AreaChange> compare_assessments(const Assessment& earlier, const Assessment& later)
{
    const std::vector<AreaResult> before = assessment_results(earlier);
    const std::vector<AreaResult> after = assessment_results(later);
    std::vector<AreaChange> changes;
    for (const AreaResult& result : after) {
        AreaChange change{result.area_id, result.name, result.short_name, std::nullopt, result.score, std::nullopt};
        if (const AreaResult* old = find_result(before, result.area_id))
            change.earlier = old->score;
        if (change.earlier && change.later)
            change.change = *change.later - *change.earlier;
        changes.push_back(std::move(change));
    }
    for (const AreaResult& result : before)
        if (!find_result(after, result.area_id))
            changes.push_back({result.area_id, result.name, result.short_name, result.score, std::nullopt,
                               std::nullopt});
    return changes;
}

std::vector<std::optional<double>> scores_on_pack(const std::vector<AreaResult>& results, const FrameworkPack& pack)
{
    std::vector<std::optional<double>> scores;
    scores.reserve(pack.areas.size());
    for (const FrameworkArea& area : pack.areas) {
        const AreaResult* result = find_result(results, area.id);
        scores.push_back(result ? result->score : std::nullopt);
    }
    return scores;
}

} // namespace wf
