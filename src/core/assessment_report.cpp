// [SECTION] Text helpers
// [SECTION] Page parts
// [SECTION] assessment_summary_html

#include "core/assessment_report.hpp"

#include "core/assessment_results.hpp"
#include "core/framework_wheel.hpp"
#include "core/iso_date.hpp"
#include "core/number_text.hpp"
#include "core/report_text.hpp"

#include <algorithm>

namespace wf {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Text helpers
//-------------------------------------------------------------------------------------------------

// Wide enough for the labels to be read on paper, narrow enough to leave a column for the lists.
constexpr float kWheelSizePx = 380;

std::string one_decimal(double value)
{
    return decimal(value, 1);
}

// The non-empty parts, joined with " · ".

//-------------------------------------------------------------------------------------------------
// [SECTION] Page parts
//-------------------------------------------------------------------------------------------------

constexpr const char* kStyle = R"(
@page { size: auto; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 190mm; font-family: Inter, Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.35; color: #1f1f1f; background: #ffffff;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 12.5pt; margin: 4mm 0 1.5mm; padding-bottom: 0.5mm; border-bottom: 1px solid #c8c8c8; }
p { margin: 0 0 1mm; }
.meta { color: #444444; }
.results { display: flex; gap: 6mm; align-items: flex-start; margin-top: 3mm; }
figure { flex: 0 0 auto; margin: 0; }
.lists { flex: 1 1 0; min-width: 0; }
ul { margin: 0; padding-left: 5mm; }
li { margin-bottom: 1.5mm; break-inside: avoid; }
.why { display: block; color: #444444; }
.note { display: block; white-space: pre-line; font-style: italic; }
.legend { list-style: none; padding: 0; font-size: 9pt; columns: 2; column-gap: 4mm; max-width: 100mm; }
.legend li { margin: 0 0 0.5mm; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1.5mm; border-radius: 0.5mm; }
.swatch.not-rated { border: 1px dashed #6b6b6b; }
.goal { break-inside: avoid; margin-bottom: 2mm; }
.steps li { margin-bottom: 0.5mm; }
.done { color: #555555; }
footer { margin-top: 5mm; padding-top: 1.5mm; border-top: 1px solid #c8c8c8; font-size: 8.5pt; color: #555555; }
)";

std::string scale_text(const AreaResult& area, const FrameworkPack& pack)
{
    if (!area.mean_rating)
        return "Not rated: " + not_rated_reason(area) + ".";
    return "Average rating " + one_decimal(*area.mean_rating) + " on a scale of " +
           std::to_string(pack.min_rating()) + " to " + std::to_string(pack.max_rating()) + ".";
}

std::string note_html(const AreaResult& area)
{
    if (area.note.empty())
        return {};
    return "<span class=\"note\">" + escape_xml(area.note) + "</span>";
}

std::string legend_html(const FrameworkPack& pack, const std::vector<WheelWedge>& wedges)
{
    std::string html = "<ul class=\"legend\">";
    if (std::any_of(wedges.begin(), wedges.end(), [](const WheelWedge& wedge) { return !wedge.fill; }))
        html += "<li><span class=\"swatch not-rated\"></span>Not rated</li>";
    for (const Gear& gear : pack.gears)
        for (const WheelWedge& wedge : wedges)
            if (pack.areas[size_t(wedge.area_index)].gear == gear.id) {
                // The wedge's colour has been checked to be "#RRGGBB", so it is safe inside a style.
                html += "<li><span class=\"swatch\" style=\"background:" + wedge.gear_color + "\"></span>" +
                        escape_xml(gear.name) + "</li>";
                break;
            }
    return html + "</ul>";
}

std::string strengths_html(const std::vector<AreaResult>& strengths, const FrameworkPack& pack)
{
    std::string html = "<section><h2>Strengths</h2>";
    if (strengths.empty())
        return html + "<p>No area is rated in the upper half of the scale yet.</p></section>";
    html += "<ul>";
    for (const AreaResult& area : strengths)
        html += "<li><strong>" + escape_xml(area.name) + "</strong> <span class=\"why\">" +
                scale_text(area, pack) + "</span>" + note_html(area) + "</li>";
    return html + "</ul></section>";
}

std::string stretches_html(const std::vector<Stretch>& stretches, const FrameworkPack& pack)
{
    std::string html = "<section><h2>Stretches</h2>";
    if (stretches.empty())
        return html + "<p>No area is marked for growth or rated in the lower half of the scale.</p></section>";
    html += "<ul>";
    for (const Stretch& stretch : stretches) {
        const std::string why = stretch.reason == StretchReason::MarkedToGrow
                                    ? "Marked \xE2\x80\x9CI want to grow here\xE2\x80\x9D."
                                    : "Among the lowest-rated areas.";
        html += "<li><strong>" + escape_xml(stretch.area.name) + "</strong> <span class=\"why\">" + why + " " +
                scale_text(stretch.area, pack) + "</span>" + note_html(stretch.area) + "</li>";
    }
    return html + "</ul></section>";
}

// Areas with nothing rated are named, so a reader does not take their empty wedges for low scores.
std::string not_rated_html(const std::vector<AreaResult>& results)
{
    std::string html;
    for (const AreaResult& area : results)
        if (!area.score)
            html += "<li><strong>" + escape_xml(area.name) + "</strong> <span class=\"why\">" +
                    "Not rated: " + escape_xml(not_rated_reason(area)) + ".</span></li>";
    return html.empty() ? std::string() : "<section><h2>Not rated</h2><ul>" + html + "</ul></section>";
}

std::string goals_html(const std::vector<Goal>& goals)
{
    if (goals.empty())
        return {};
    std::string html = "<section><h2>Goals</h2>";
    for (const Goal& goal : goals) {
        html += "<div class=\"goal\"><p><strong>" + escape_xml(goal.statement) + "</strong></p><p class=\"meta\">" +
                escape_xml(dot_separated({goal.area.area_name, goal_status_label(goal.status)})) + "</p>";
        std::string steps;
        for (const GoalStep& step : goal.steps) {
            if (step.text.empty() && step.target_date.empty())
                continue;
            const std::string date = long_date(step.target_date);
            steps += std::string("<li") + (step.done ? " class=\"done\"" : "") + ">" + escape_xml(step.text);
            if (!date.empty())
                steps += " (by " + date + ")";
            if (step.done)
                steps += " \xE2\x80\x94 done";
            steps += "</li>";
        }
        if (!steps.empty())
            html += "<ul class=\"steps\">" + steps + "</ul>";
        html += "</div>";
    }
    return html + "</section>";
}

std::string when_text(const Assessment& assessment)
{
    if (assessment.completed()) {
        const std::string finished = long_date(assessment.completed_at);
        return finished.empty() ? "Finished" : "Finished " + finished;
    }
    const AssessmentProgress progress = assessment_progress(assessment);
    const std::string started = long_date(assessment.created_at);
    return (started.empty() ? "Not finished yet" : "Started " + started + ", not finished yet") + " (" +
           std::to_string(progress.statements_answered) + " of " + std::to_string(progress.statements_total) +
           " statements answered)";
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] assessment_summary_html
//-------------------------------------------------------------------------------------------------

std::string assessment_summary_html(const Assessment& assessment, const Profile& profile,
                                    const std::vector<Goal>& goals_for_it)
{
    const FrameworkPack& pack = assessment.pack;
    const std::vector<AreaResult> results = assessment_results(assessment);
    const std::vector<std::optional<double>> scores = scores_on_pack(results, pack);
    const std::string title = assessment.title.empty() ? "Self-assessment" : assessment.title;

    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                       escape_xml(title) + " \xE2\x80\x94 summary</title>\n<style>" + kStyle +
                       "</style>\n</head>\n<body>\n";

    html += "<header><h1>" + escape_xml(title) + "</h1>";
    const std::string who = dot_separated({dot_separated({profile.name, profile.role}), dot_separated({profile.school, profile.district})});
    if (!who.empty())
        html += "<p class=\"meta\">" + escape_xml(who) + "</p>";
    html += "<p class=\"meta\">" + escape_xml(when_text(assessment)) + "</p>";
    html += "<p class=\"meta\">Framework: " + escape_xml(pack.title) + ", version " + escape_xml(pack.version) +
            "</p>";
    html += "<p class=\"meta\">Overall: " + escape_xml(overall_figure_text(overall_figure(results))) + "</p></header>\n";

    html += "<div class=\"results\"><figure>" +
            wheel_svg(pack, scores, nullptr, kWheelSizePx, SvgEmbedding::InlineHtml) +
            legend_html(pack, wheel_wedges(pack, scores)) + "</figure>\n<div class=\"lists\">" +
            strengths_html(rank_strengths(results), pack) + "\n" + stretches_html(rank_stretches(results), pack) +
            "\n" + not_rated_html(results) + "</div></div>\n";
    html += goals_html(goals_for_it);

    html += "\n<footer><p>Made with Wayfinder, a free workbench for school librarians that keeps their reflections "
            "on their own device. Each area's score is the average of its rated statements; statements marked not "
            "applicable are left out. An area with no rated statement is shown as not rated, never as a low "
            "score.</p><p>Future Ready Librarians\xC2\xAE is a registered trademark of its owner and is used here "
            "only to name the framework. Wayfinder is an independent tool, not made or endorsed by the Future "
            "Ready Librarians initiative.</p></footer>\n</body>\n</html>\n";
    return html;
}

} // namespace wf
