#include "core/reflection_guide.hpp"

#include "sample_journey.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace wf;
using namespace wf::test;

namespace {

Journey guide_journey()
{
    Journey journey = journey_from_doc(
        new_journey_doc(sample_journey_pack(), "j1", "Fall with Ms. Rivera", "2026-09-14T15:00:00Z"));
    journey.leader = "Ms. Rivera";
    journey.school = "Escuela Peña";
    journey.steps["mindset"].checklist = {{"mindset-do-1", true}};
    journey.steps["mindset"].answers = {{"mindset-ask-1", "I go quiet in new groups.\nEspecially with leaders."}};
    journey.steps["reflect"].answers = {{"reflect-ask-2", "Next time I will listen longer."}};
    journey.continuum.phrases = {{"c1", "Trying new things", 0.9, false, false},
                                 {"c2", "Feedback from others", 0.1, true, false},
                                 {"c3", "Presuming good intent", 0.5, false, false},
                                 {"c4", "Interrupting when excited", 0.5, true, true}};
    journey.future_ready.strengths = {{"creators", "Helps students create", "Robotics club", "", "School newsletter"}};
    journey.future_ready.stretches = {{"curates", "Curates resources", "Media literacy focus"}};
    journey.research.status = {{"plan-district", ResearchStatus::Found}};
    journey.research.venn = {{"v1", "Literacy across subjects", kVennDistrict | kVennSchool},
                             {"v2", "New makerspace", kVennLibrary},
                             {"v3", "Digital citizenship", kVennAllThree}};
    journey.interview.questions = {"q-future"};
    journey.interview.norms = {{"norm-ask", true}};
    journey.interview.notes = "Hopes for more reading time.";
    add_note(journey.collaboration, "p1", "Reading across subjects", NoteKind::Priority);
    add_note(journey.collaboration, "s1", "Book clubs", NoteKind::Strength);
    add_note(journey.collaboration, "s2", "Unsure: podcasts", NoteKind::Strength);
    place_beside(journey.collaboration, "s1", "p1");
    journey.agreement.candidates = {{"a1", "Reading buddies", "Older students read with younger ones."},
                                    {"a2", "Maker Fridays", "Open makerspace time."}};
    journey.agreement.center = "a1";
    set_quadrant(journey.agreement, kWho, "Ms. Rivera and me");
    return journey;
}

size_t position_of(const std::string& text, const std::string& part)
{
    const size_t at = text.find(part);
    REQUIRE_MESSAGE(at != std::string::npos, "missing: ", part);
    return at;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// Privacy
//-------------------------------------------------------------------------------------------------

TEST_CASE("the private continuum is left out of the guide by default, and the guide says so in one line")
{
    const Journey journey = guide_journey();
    for (const std::string& guide : {reflection_guide_html(journey, "Ana"), reflection_guide_markdown(journey, "Ana")}) {
        CHECK_FALSE(contains(guide, "Trying new things"));
        CHECK_FALSE(contains(guide, "Interrupting when excited"));
        CHECK_FALSE(contains(guide, "Fixed-to-growth continuum"));
        CHECK(contains(guide, "Private reflections (the fixed-to-growth continuum) were left out of this guide."));
        // The rest of step 1 is not private.
        CHECK(contains(guide, "I go quiet in new groups."));
    }
}

TEST_CASE("the continuum is in the guide when private reflections are included")
{
    const GuideOptions include{true};
    const Journey journey = guide_journey();
    for (const std::string& guide :
         {reflection_guide_html(journey, "Ana", include), reflection_guide_markdown(journey, "Ana", include)}) {
        CHECK(contains(guide, "Trying new things"));
        CHECK(contains(guide, "Interrupting when excited"));
        CHECK_FALSE(contains(guide, "were left out of this guide"));
    }
}

TEST_CASE("a continuum the librarian made shareable is in the guide without asking")
{
    Journey journey = guide_journey();
    journey.continuum.is_private = false;
    CHECK(contains(reflection_guide_html(journey, "Ana"), "Feedback from others"));
}

TEST_CASE("the continuum reads from fixed to growth, marks highlighted phrases and lists other habits apart")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana", GuideOptions{true});
    const size_t fixed = position_of(md, "- **Closer to fixed**: Feedback from others (highlighted)");
    const size_t middle = position_of(md, "- **In the middle**: Presuming good intent");
    const size_t growth = position_of(md, "- **Closer to growth**: Trying new things");
    const size_t habits = position_of(md, "#### Other habits (below the line)\n\n- Interrupting when excited (highlighted)");
    CHECK(fixed < middle);
    CHECK(middle < growth);
    CHECK(growth < habits);
}

//-------------------------------------------------------------------------------------------------
// What the guide holds
//-------------------------------------------------------------------------------------------------

TEST_CASE("a guide with no names, leader or school has no empty line for them")
{
    Journey journey = guide_journey();
    journey.leader.clear();
    journey.school.clear();
    const std::string md = reflection_guide_markdown(journey, "");
    CHECK(md.find("\n\n\n") == std::string::npos);
    CHECK(md.find("Started ") < md.find("## Step 1"));
    CHECK(reflection_guide_html(journey, "").find("<p class=\"meta\"></p>") == std::string::npos);
}

TEST_CASE("every step has its heading and question, in the pack's order")
{
    const Journey journey = guide_journey();
    const std::string html = reflection_guide_html(journey, "Ana");
    const std::string md = reflection_guide_markdown(journey, "Ana");
    size_t previous_html = 0, previous_md = 0;
    for (size_t i = 0; i < journey.pack.steps.size(); i++) {
        const JourneyStep& step = journey.pack.steps[i];
        const std::string heading = "Step " + std::to_string(i + 1) + ": " + step.title;
        const size_t at_html = position_of(html, "<h2>" + heading + "</h2>\n<p class=\"meta\">" + step.question);
        const size_t at_md = position_of(md, "## " + heading + "\n\n" + step.question);
        CHECK(at_html > previous_html);
        CHECK(at_md > previous_md);
        previous_html = at_html;
        previous_md = at_md;
    }
}

TEST_CASE("checklists show what is ticked and what is not")
{
    const Journey journey = guide_journey();
    const std::string md = reflection_guide_markdown(journey, "Ana");
    CHECK(contains(md, "- [x] Do Mindset task 1.\n- [ ] Do Mindset task 2.\n"));
    const std::string html = reflection_guide_html(journey, "Ana");
    CHECK(contains(html, "aria-label=\"Done\">☑</span>Do Mindset task 1.</li>"));
    CHECK(contains(html, "aria-label=\"Not done\">☐</span>Do Mindset task 2.</li>"));
}

TEST_CASE("each prompt shows the librarian's answer, never the example hint")
{
    const Journey journey = guide_journey();
    const std::string html = reflection_guide_html(journey, "Ana");
    const std::string md = reflection_guide_markdown(journey, "Ana");
    CHECK(contains(html, "<h4>Mindset question 1?</h4>\n<p class=\"answer\">I go quiet in new groups.\nEspecially with "
                         "leaders.</p>"));
    CHECK(contains(md, "#### Mindset question 1?\n\nI go quiet in new groups.\\\nEspecially with leaders.\n\n"));
    CHECK_FALSE(contains(md, "Mindset question 2?")); // not answered: left out
    CHECK_FALSE(contains(md, "Not answered"));
    for (const JourneyStep& step : journey.pack.steps)
        for (const ReflectionPrompt& prompt : step.reflections) {
            CHECK_FALSE(contains(html, prompt.example));
            CHECK_FALSE(contains(md, prompt.example));
        }
}

TEST_CASE("the Venn is listed region by region, and its overlaps as connections")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana");
    CHECK_FALSE(contains(md, "District only")); // an empty region is left out
    CHECK(contains(md, "- **Library only**\n  - New makerspace\n"));
    CHECK(contains(md, "- **District and school**\n  - Literacy across subjects\n"));
    const size_t connections = position_of(md, "#### Connections\n\n");
    CHECK(md.find("- **District and school**\n  - Literacy across subjects\n", connections) != std::string::npos);
    CHECK(md.find("- **District, school and library**\n  - Digital citizenship\n", connections) != std::string::npos);
    CHECK(md.find("New makerspace", connections) == std::string::npos);
    CHECK(contains(md, "- **Found**: District strategic plan\n- **Not started**: School improvement plan\n"));
}

TEST_CASE("a Venn with nothing in its overlaps has no connections part")
{
    Journey journey = guide_journey();
    journey.research.venn = {{"v2", "New makerspace", kVennLibrary}};
    const std::string md = reflection_guide_markdown(journey, "Ana");
    CHECK(contains(md, "- **Library only**\n  - New makerspace\n"));
    CHECK_FALSE(contains(md, "Connections"));
}

TEST_CASE("the collaboration map is listed as priorities with the strengths beside them, then the margins")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana");
    CHECK(contains(md, "#### In the circle\n\n- **Priority**: Reading across subjects\n  - Strength beside it: Book "
                       "clubs\n"));
    CHECK(contains(md, "#### On the margins\n\n- **Strength**: Unsure: podcasts\n"));
}

TEST_CASE("the agreement shows the idea in the center, the parking lot and who, when, what, where")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana");
    CHECK(contains(md, "#### In the center\n\n- **Reading buddies**: Older students read with younger ones.\n"));
    CHECK(contains(md, "#### Parking lot\n\n- **Maker Fridays**: Open makerspace time.\n"));
    CHECK(contains(md, "#### Who, when, what, where\n\n- **Who**: Ms. Rivera and me\n\n")); // only what is decided
}

TEST_CASE("the interview part lists only the chosen questions, the norms and the notes")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana");
    CHECK(contains(md, "### Questions sent ahead\n\n- What will students need next year?\n\n"));
    CHECK_FALSE(contains(md, "Where could you use support?"));
    CHECK(contains(md, "- [ ] Listen without interrupting.\n- [x] Ask to clarify.\n"));
    CHECK(contains(md, "### Meeting notes\n\nHopes for more reading time."));
}

TEST_CASE("step 2's strengths carry their example, alignment and how they are shared")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana");
    CHECK(contains(md, "- **Helps students create**\n  - Example: Robotics club\n  - How it is shared: School "
                       "newsletter\n"));
    CHECK(contains(md, "- **Curates resources**\n  - Why: Media literacy focus\n"));
}

TEST_CASE("the guide opens with the journey's name, who it is with, when it started and how far it is")
{
    const std::string md = reflection_guide_markdown(guide_journey(), "Ana Pérez");
    CHECK(md.rfind("# Reflection Guide: Fall with Ms. Rivera\n\nAna Pérez · with Ms. Rivera · Escuela Peña\n\n"
                   "Started September 14, 2026 · 1 of 7 steps done · Sample conversation\n\n",
                   0) == 0);
}

TEST_CASE("a step with nothing written says so once, with no empty parts and no line per prompt")
{
    const Journey journey = new_journey();
    for (const std::string& guide : {reflection_guide_markdown(journey, "Ana"), reflection_guide_html(journey, "Ana")}) {
        size_t count = 0;
        for (size_t at = guide.find("Nothing written for this step yet."); at != std::string::npos;
             at = guide.find("Nothing written for this step yet.", at + 1))
            count++;
        CHECK(count == journey.pack.steps.size());
        for (const char* empty_part : {"Checklist", "Reflections", "Not answered", "Strengths", "Stretches", "Plans to find",
                                       "District, school and library", "Questions sent ahead", "Email", "Meeting",
                                       "Collaboration map", "Agreement", "Private reflections", "nothing yet", "not decided"}) {
            CAPTURE(empty_part);
            CHECK_FALSE(contains(guide, empty_part));
        }
    }
}

TEST_CASE("a step with something written has no line saying nothing was")
{
    Journey journey = new_journey();
    journey.steps["research"].answers["research-ask-2"] = "The school wants more writing.";
    set_quadrant(journey.agreement, kWhen, "In January");
    const std::string md = reflection_guide_markdown(journey, "Ana");
    const size_t research = position_of(md, "## Step 3: Research");
    const size_t interview = position_of(md, "## Step 4: Interview");
    CHECK(md.find("Nothing written", research) > interview);
    CHECK(contains(md, "### Reflections\n\n#### Research question 2?\n\nThe school wants more writing.\n\n## Step 4"));
    CHECK(contains(md, "### Agreement\n\n#### Who, when, what, where\n\n- **When**: In January\n"));
}

TEST_CASE("the guide has the email as it would be sent, with its subject")
{
    Journey journey = guide_journey();
    const std::string md = reflection_guide_markdown(journey, "Ana Pérez");
    CHECK(contains(md, "### Email to the building leader\n\nSubject: Could we meet about the library at Escuela Peña?\n\n"
                       "Dear Ms. Rivera,\n\nI am the librarian at Escuela Peña."));
    edit_email_body(journey, "Ana Pérez", "Hola Ms. Rivera,\nCould we talk on Tuesday?");
    edit_email_subject(journey, "Ana Pérez", "Tuesday?");
    const std::string html = reflection_guide_html(journey, "Ana Pérez");
    CHECK(contains(html, "<h3>Email to the building leader</h3>\n<p class=\"meta\">Subject: Tuesday?</p>\n"
                         "<p class=\"answer\">Hola Ms. Rivera,\nCould we talk on Tuesday?</p>"));
    CHECK_FALSE(contains(html, "I am the librarian at"));
}

TEST_CASE("the email is in the guide once the librarian has a leader, a question or their own wording")
{
    Journey journey = new_journey();
    CHECK_FALSE(contains(reflection_guide_markdown(journey, "Ana"), "Email to the building leader"));
    journey.leader = "Ms. Rivera";
    CHECK(contains(reflection_guide_markdown(journey, "Ana"), "Email to the building leader"));
    journey.leader.clear();
    choose_interview_question(journey, "q-needs", true);
    CHECK(contains(reflection_guide_markdown(journey, "Ana"), "Email to the building leader"));
    journey.interview.questions.clear();
    edit_email_subject(journey, "Ana", "Time to talk?");
    CHECK(contains(reflection_guide_markdown(journey, "Ana"), "Subject: Time to talk?"));
}

TEST_CASE("material of a step the pack does not have is still in the guide, after the steps")
{
    Journey journey = guide_journey();
    journey.pack.steps.erase(journey.pack.steps.begin() + 2); // no research step
    const std::string md = reflection_guide_markdown(journey, "Ana");
    const size_t more = position_of(md, "## More from this journey");
    CHECK(md.find("Literacy across subjects", more) != std::string::npos);
}

//-------------------------------------------------------------------------------------------------
// Safe output
//-------------------------------------------------------------------------------------------------

TEST_CASE("HTML in an answer is shown as text, never run")
{
    Journey journey = guide_journey();
    journey.steps["mindset"].answers["mindset-ask-2"] = "<script>alert(1)</script> & \"quotes\"";
    journey.research.venn[0].text = "<img src=x onerror=alert(1)>";
    journey.name = "</title><script>";
    const std::string html = reflection_guide_html(journey, "<b>Ana</b>");
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
}

TEST_CASE("the HTML guide is one self-contained page: no scripts, no links, nothing fetched")
{
    const std::string html = reflection_guide_html(guide_journey(), "Ana", GuideOptions{true});
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<meta charset=\"utf-8\">"));
    CHECK(contains(html, "@page"));
    CHECK_FALSE(contains(html, "http"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "href"));
    CHECK_FALSE(contains(html, "src="));
    CHECK_FALSE(contains(html, "url("));
    CHECK(contains(html, "</html>\n"));
}

TEST_CASE("Markdown characters in the librarian's text stay literal")
{
    Journey journey = guide_journey();
    journey.steps["mindset"].answers["mindset-ask-2"] = "# Not a heading\n- not a list\n2026. a year\n*stars* and "
                                                         "_under_ [link](x) <b> `code` a|b";
    journey.research.venn[0].text = "#hashtag **bold**";
    const std::string md = reflection_guide_markdown(journey, "Ana");
    CHECK(contains(md, "\\# Not a heading\\\n\\- not a list\\\n2026\\. a year\\\n\\*stars\\* and \\_under\\_ "
                       "\\[link\\](x) \\<b\\> \\`code\\` a\\|b\n\n"));
    CHECK(contains(md, "  - \\#hashtag \\*\\*bold\\*\\*\n"));
}

TEST_CASE("indented lines and blank lines in an answer do not turn into code or vanish")
{
    Journey journey = guide_journey();
    journey.steps["mindset"].answers["mindset-ask-2"] = "First paragraph.\n\n\n        Indented second.";
    const std::string md = reflection_guide_markdown(journey, "Ana");
    CHECK(contains(md, "#### Mindset question 2?\n\nFirst paragraph.\n\nIndented second.\n\n"));
}

TEST_CASE("line breaks inside a list entry become spaces, so the list stays a list")
{
    Journey journey = guide_journey();
    journey.research.venn[1].text = "New\nmakerspace\r\n  plan";
    CHECK(contains(reflection_guide_markdown(journey, "Ana"), "- **Library only**\n  - New makerspace plan\n"));
}
