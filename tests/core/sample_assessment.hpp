#pragma once
// A small framework pack and helpers to fill an assessment, built in code so the assessment tests do
// not change when the shipped packs are rewritten.

#include "core/assessment.hpp"
#include "core/goal.hpp"

#include <initializer_list>
#include <string>

namespace wf::test {

// Five areas on a 1..4 scale, in three gears: reading (1 area), teaching (2), spaces (2).
inline FrameworkPack sample_pack()
{
    FrameworkPack pack;
    pack.id = "sample";
    pack.version = "1.0";
    pack.title = "Sample framework";
    pack.description = "A small pack for tests.";
    pack.scale = {{1, "Beginning", "Trying it for the first time."},
                  {2, "Developing", "Doing it now and then."},
                  {3, "Practicing", "Doing it regularly."},
                  {4, "Leading", "Helping others do it."}};
    pack.gears = {{"reading", "Reading", "#2E6DB4"},
                  {"teaching", "Teaching", "#C2562B"},
                  {"spaces", "Spaces", "#3A7F5C"}};
    const auto area = [](const char* id, const char* gear, const char* name, const char* short_name, int statements) {
        FrameworkArea made{id, gear, name, short_name, std::string("What ") + name + " means.", {}, {"A story."}};
        for (int i = 1; i <= statements; i++) {
            const std::string number = std::to_string(i);
            made.statements.push_back({std::string(id) + "-" + number, "I do thing " + number + "."});
        }
        return made;
    };
    pack.areas = {area("reading-culture", "reading", "Builds a reading culture", "Reading culture", 3),
                  area("partnerships", "teaching", "Teaches with partners", "Partnerships", 4),
                  area("creators", "teaching", "Helps students create", "Student creators", 3),
                  area("spaces", "spaces", "Shapes spaces & time", "Spaces & time", 3),
                  area("leadership", "spaces", "Leads beyond the library", "Leadership", 3)};
    return pack;
}

inline Assessment sample_assessment(const FrameworkPack& pack = sample_pack())
{
    Assessment assessment;
    assessment.id = "fall";
    assessment.title = "Fall check-in";
    assessment.created_at = "2026-09-14T15:00:00Z";
    assessment.pack = pack;
    return assessment;
}

inline constexpr int kNotApplicable = -1; // in answer_area(): the statement is marked not applicable
inline constexpr int kUnanswered = 0;     // in answer_area(): the statement is left unanswered

// Answers the area's statements in order: a rating, kNotApplicable or kUnanswered each.
inline void answer_area(Assessment& assessment, const std::string& area_id, std::initializer_list<int> answers)
{
    const FrameworkArea* area = assessment.pack.find_area(area_id);
    if (!area)
        return;
    size_t i = 0;
    for (const int value : answers) {
        if (i >= area->statements.size())
            break;
        const std::string& statement = area->statements[i++].id;
        if (value == kUnanswered)
            assessment.answers.erase(statement);
        else if (value == kNotApplicable)
            assessment.answers[statement] = {Answer::Kind::NotApplicable, 0};
        else
            assessment.answers[statement] = {Answer::Kind::Rated, value};
    }
}

// A goal made from the sample assessment's "partnerships" stretch, with dated and undated steps.
inline Goal sample_goal()
{
    Goal goal;
    goal.id = "g1";
    goal.statement = "Co-teach a research unit with every 4th-grade class.";
    goal.area = {"sample", "partnerships", "Teaches with partners"};
    goal.from_assessment = "fall";
    goal.steps = {{"Ask Sra. Núñez which unit fits.", "2026-10-01", true},
                  {"Plan the first lesson together.", "2026-10-15", false},
                  {"Share what students made.", "", false}};
    goal.status = GoalStatus::InProgress;
    goal.created_at = "2026-09-21T09:00:00Z";
    return goal;
}

} // namespace wf::test
