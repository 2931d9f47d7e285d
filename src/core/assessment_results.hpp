#pragma once
// Scoring a self-assessment and ranking its areas: the numbers behind the wheel, the strengths
// ("superpowers"), the stretches, and the change between two assessments.
//
// An area's score is the mean of its rated statements placed on the pack's scale, 0 (every rating at
// the lowest level) to 1 (every rating at the highest). Statements marked not applicable and
// unanswered ones do not count; an area with no rated statement has no score.

#include "core/assessment.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace wf {

// The middle of the scale. A strength scores at or above it, a low-score stretch below it, so no
// area is called a strength for ratings that lean to the lower half.
inline constexpr double kStrengthThreshold = 0.5;
// Strengths and stretches each list at most this many areas: a few to talk about, not a ranking.
inline constexpr size_t kMaxRankedAreas = 3;

struct AreaResult {
    int area_index = 0;                 // position in the pack's areas (wheel order)
    std::string area_id;
    std::string name;
    std::string short_name;
    std::string gear_id;
    std::optional<double> score;        // 0..1; none when no statement is rated
    std::optional<double> mean_rating;  // the mean on the pack's own scale, e.g. 3.25 on 1..4
    int rated = 0;
    int not_applicable = 0;
    int unanswered = 0;
    bool grow = false;                  // "I want to grow here" marked
    std::string note;
};

// One result per area of the assessment's pack, in wheel order.
std::vector<AreaResult> assessment_results(const Assessment& assessment);

// Mean of the area scores that exist; none when no area has a score.
std::optional<double> overall_score(const std::vector<AreaResult>& results);

// The overall figure with what it covers: a mean of 8 rated areas out of 11 must not read as a
// judgement on all 11.
struct OverallFigure {
    std::optional<double> score;  // overall_score(); none when no area is rated
    int areas_rated = 0;          // areas with a score: the ones the figure covers
    int areas_total = 0;
};
OverallFigure overall_figure(const std::vector<AreaResult>& results);

// "67 %": a 0..1 score as a whole percentage.
std::string percent_text(double fraction);

// "67 % across all 11 areas", "67 % across 8 of 11 areas (3 not rated)", or "not rated yet (no
// area has a rated statement)".
std::string overall_figure_text(const OverallFigure& figure);

// The level of the pack's scale nearest the area's mean rating; none when the area is not rated.
const RatingLevel* nearest_level(const FrameworkPack& pack, const AreaResult& area);

// "3.3 of 4 · Established"; for an area with no rated statement, "Not rated", never a low score.
std::string area_score_text(const FrameworkPack& pack, const AreaResult& area);

// Why an area has no score, for a reader who wonders: "no statement answered yet", "every statement
// marked not applicable", or "no statement rated" (some of each). "" for a rated area.
std::string not_rated_reason(const AreaResult& area);

// Strengths: scored at or above kStrengthThreshold and not marked "I want to grow here" (an area the
// librarian wants to grow is a stretch whatever its score). Highest score first; ties go to the
// area with more rated statements (more evidence), then to wheel order. At most kMaxRankedAreas.
std::vector<AreaResult> rank_strengths(const std::vector<AreaResult>& results);

enum class StretchReason { MarkedToGrow, LowScore };

struct Stretch {
    AreaResult area;
    StretchReason reason;
};

// Stretches: areas marked "I want to grow here" first (lowest score first, unscored ones after
// them), then unmarked areas scored below kStrengthThreshold, lowest first. Ties keep wheel order.
// Unmarked areas without a score are not stretches: nothing says they need growth. At most
// kMaxRankedAreas. Never overlaps rank_strengths().
std::vector<Stretch> rank_stretches(const std::vector<AreaResult>& results);

struct AreaChange {
    std::string area_id;
    std::string name;                // from the later assessment when the area is in both
    std::string short_name;
    std::optional<double> earlier;   // none when the area is not in the earlier pack or has no score
    std::optional<double> later;     // none when the area is not in the later pack or has no score
    std::optional<double> change;    // later - earlier, when both exist
};

// Areas are matched by id, so packs of different versions (or remixes) compare on what they share.
// The later pack's areas come first in its wheel order, then areas only the earlier pack has.
std::vector<AreaChange> compare_assessments(const Assessment& earlier, const Assessment& later);

// The scores of `results` placed on `pack`'s areas by id (none where the area has no result), e.g.
// to draw an earlier assessment's outline on a later assessment's wheel.
std::vector<std::optional<double>> scores_on_pack(const std::vector<AreaResult>& results, const FrameworkPack& pack);

} // namespace wf
