#pragma once
// A small seven-step journey pack built in code, so the journey and guide tests do not change when
// the shipped pack (assets/journeys/) is rewritten. Step ids are the Let's Talk ones, because the
// steps' own material (continuum, Venn, map, agreement) is attached to them.

#include "core/journey.hpp"

#include <string>

namespace wf::test {

inline JourneyStep sample_step(const std::string& id, const std::string& title, int checklist_items, int prompts)
{
    JourneyStep step;
    step.id = id;
    step.title = title;
    step.question = "What about " + title + "?";
    step.introduction = "Why " + title + " matters.";
    step.competencies = {"Notice " + title + "."};
    for (int i = 1; i <= checklist_items; i++)
        step.checklist.push_back({id + "-do-" + std::to_string(i), "Do " + title + " task " + std::to_string(i) + "."});
    for (int i = 1; i <= prompts; i++)
        step.reflections.push_back({id + "-ask-" + std::to_string(i), title + " question " + std::to_string(i) + "?",
                                    "An example answer for " + title + " " + std::to_string(i) + "."});
    step.tips = {"A tip."};
    return step;
}

// Checklist items and prompts per step: mindset 2+2, future-ready 1+2, research 1+2, interview 2+1,
// connect 1+1, agree 1+2, reflect 0+2.
inline JourneyPack sample_journey_pack()
{
    JourneyPack pack;
    pack.id = "sample-talk";
    pack.version = "1.0";
    pack.title = "Sample conversation";
    pack.description = "A small journey for tests.";
    pack.steps = {sample_step("mindset", "Mindset", 2, 2),         sample_step("future-ready", "Future readiness", 1, 2),
                  sample_step("research", "Research", 1, 2),       sample_step("interview", "Interview", 2, 1),
                  sample_step("connect", "Connecting the dots", 1, 1), sample_step("agree", "Agreeing", 1, 2),
                  sample_step("reflect", "Looking back", 0, 2)};
    pack.continuum_phrases = {{"phrase-feedback", "Taking feedback"}, {"phrase-new", "Trying new things"}};
    pack.research_items = {{"plan-district", "District strategic plan"}, {"plan-school", "School improvement plan"}};
    pack.interview_questions = {{"q-needs", "What do students need most right now?"},
                                {"q-teachers", "What would help teachers most?"},
                                {"q-future", "What will students need next year?"},
                                {"q-support", "Where could you use support?"}};
    pack.email_template = "Dear {{leader}},\n\nI am the librarian at {{school}}. Before we meet, here are my "
                          "questions:\n{{questions}}\n\nThank you,\n{{name}}";
    pack.meeting_norms = {{"norm-listen", "Listen without interrupting."}, {"norm-ask", "Ask to clarify."}};
    return pack;
}

} // namespace wf::test
