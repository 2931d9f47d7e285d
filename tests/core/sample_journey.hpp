#pragma once
// A small seven-step journey pack built in code, so the journey and guide tests do not change when
// the shipped pack (assets/journeys/) is rewritten. Step ids are the Let's Talk ones, because the
// steps' own material (continuum, Venn, map, agreement) is attached to them.

#include "core/journey.hpp"

#include <string>

namespace wf::test {

// A quadrant of the plan (kWho .. kWhere) saying `text`, as one note.
inline void set_quadrant(Agreement& agreement, int region, const std::string& text)
{
    for (PlanNote& note : agreement.notes)
        if (note.region == region) {
            note.text = text;
            return;
        }
    agreement.notes.push_back({"plan-" + std::to_string(region), text, region, {}});
}

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

inline Journey new_journey()
{
    return journey_from_doc(new_journey_doc(sample_journey_pack(), "j1", "2026–27 with Ms. Rivera",
                                            "2026-09-14T15:00:00Z"));
}

// A journey with something in every part, as a librarian halfway through would have.
inline Journey filled_journey()
{
    Journey journey = new_journey();
    journey.leader = "Ms. Rivera";
    journey.school = "Escuela Peña";
    journey.current_step = "research";
    journey.steps["mindset"].checklist = {{"mindset-do-1", true}, {"mindset-do-2", true}};
    journey.steps["mindset"].answers = {{"mindset-ask-1", "I freeze when I get feedback in front of a group."},
                                        {"mindset-ask-2", "I love trying new things — “always”."}};
    journey.steps["research"].checklist = {{"research-do-1", true}};
    journey.steps["research"].answers = {{"research-ask-1", "Both plans stress reading across subjects."}};
    journey.continuum.phrases = {{"c1", "Feedback from others", 0.1, true, false},
                                 {"c2", "Trying new things", 0.9, false, false},
                                 {"c3", "I interrupt when excited", 0.5, true, true}};
    journey.future_ready.strengths = {{"creators", "Helps students create", "Robotics club", "District CS team",
                                       "Newsletter"}};
    journey.future_ready.stretches = {{"curates", "Curates resources", "Media literacy is a school focus."}};
    journey.research.status = {{"plan-district", ResearchStatus::Found}, {"plan-school", ResearchStatus::Requested}};
    journey.research.venn = {{"v1", "Literacy across subjects", kVennDistrict | kVennSchool},
                             {"v2", "New makerspace", kVennLibrary},
                             {"v3", "Digital citizenship", kVennAllThree},
                             {"v4", "Bond for devices", kVennDistrict},
                             {"v5", "Reading buddies", kVennSchool | kVennLibrary}};
    journey.interview.questions = {"q-needs", "q-future"};
    journey.interview.norms = {{"norm-listen", true}};
    journey.interview.notes = "She hopes for more reading time.\nWorried about devices.";
    add_note(journey.collaboration, "p1", "Reading across subjects", NoteKind::Priority);
    add_strength_from_area(journey.collaboration, "s1", {"creators", "Helps students create"});
    place_beside(journey.collaboration, "s1", "p1");
    add_note(journey.collaboration, "s2", "Book clubs", NoteKind::Strength);
    journey.agreement.candidates = {{"a1", "Reading buddies", "Older students read with younger ones."},
                                    {"a2", "Maker Fridays", "Open makerspace time."}};
    journey.agreement.center = "a1";
    set_quadrant(journey.agreement, kWho, "Ms. Rivera and me");
    set_quadrant(journey.agreement, kWhen, "Next Tuesday");
    journey.agreement.next_step_owner = "Me";
    return journey;
}

} // namespace wf::test
