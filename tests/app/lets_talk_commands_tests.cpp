// The tools' named commands: each changes the document as its name says, is one undo step under its
// own label, and undo and redo give back the documents exactly. Views hold shared snapshots, so two
// commands in one frame never leave a view reading a freed journey (the sanitized build checks).
#include <doctest/doctest.h>

#include <functional>

#include "app/builtin_packs.hpp"
#include "app/fake_platform.hpp"
#include "app/lets_talk.hpp"
#include "app/self_assessment.hpp"
#include "core/sample_assessment.hpp"

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

// A tab with the shipped packs, as the web app starts, and one journey started.
struct JourneyTab {
    SharedStore store;
    Tab tab{store};
    LetsTalk& lt = tab.wb.lets_talk();
    std::string id;
    JourneyTab() {
        use_builtin_packs(tab.wb);
        id = lt.start("With Ms. Rivera");
    }
    nlohmann::json doc() const { return *tab.wb.document(journey_key(id)); }
    std::shared_ptr<const Journey> journey() { return lt.journey(id); }

    // Runs `command` as one step labelled `label` that `changed` sees in the journey; undo gives back
    // the document exactly as it was, and redo exactly as the command left it.
    void check(const std::string& label, const std::function<void()>& command, const std::function<bool(const Journey&)>& changed) {
        CAPTURE(label);
        tab.platform.clock += 5; // no typing burst: each command its own step
        const nlohmann::json before = doc();
        REQUIRE_FALSE(changed(*journey()));
        command();
        const nlohmann::json after = doc();
        CHECK(after != before);
        CHECK(changed(*journey()));
        CHECK(tab.wb.undo_label() == label);
        tab.wb.undo();
        CHECK(doc() == before);
        CHECK_FALSE(changed(*journey()));
        CHECK(tab.wb.redo_label() == label);
        tab.wb.redo();
        CHECK(doc() == after);
        CHECK(changed(*journey()));
    }
};

template <typename List>
const auto* with_id(const List& list, const std::string& id) {
    for (const auto& entry : list)
        if (entry.id == id) return &entry;
    return static_cast<decltype(&list[0])>(nullptr);
}

} // namespace

TEST_CASE("the shipped packs reach the tools from one place") {
    JourneyTab t;
    REQUIRE(t.lt.pack());
    CHECK(t.lt.pack()->steps.size() == 7);
    CHECK(t.tab.wb.self_assessment().frameworks().size() == builtin_pack_texts().frameworks.size());
    REQUIRE(t.journey());
    CHECK(t.journey()->pack.id == t.lt.pack()->id);
}

TEST_CASE("each Let's Talk command changes what it names, as one undo step with its label") {
    JourneyTab t;
    const std::string id = t.id;
    LetsTalk& lt = t.lt;
    const JourneyPack pack = t.journey()->pack;
    const JourneyStep& mindset = pack.steps.front();

    t.check("Rename the journey", [&] { lt.rename(id, "2026–27"); }, [](const Journey& j) { return j.name == "2026–27"; });
    t.check("Tick a checklist item", [&] { lt.set_checklist(id, mindset.id, mindset.checklist[0].id, true); },
            [&](const Journey& j) { return j.steps.count(mindset.id) && j.steps.at(mindset.id).checklist.count(mindset.checklist[0].id); });
    t.check("Edit a reflection", [&] { lt.set_answer(id, mindset.id, mindset.reflections[0].id, "I freeze at feedback."); },
            [&](const Journey& j) { return j.steps.count(mindset.id) && j.steps.at(mindset.id).answers.count(mindset.reflections[0].id); });

    // Step 1: the continuum
    const bool was_private = t.journey()->continuum.is_private;
    t.check(was_private ? "Share the continuum" : "Make the continuum private", [&] { lt.set_continuum_private(id, !was_private); },
            [&](const Journey& j) { return j.continuum.is_private != was_private; });
    const std::string guide_phrase = pack.continuum_phrases[0].id;
    t.check("Add a phrase", [&] { lt.add_guide_phrase(id, guide_phrase); },
            [&](const Journey& j) { return with_id(j.continuum.phrases, guide_phrase) != nullptr; });
    std::string own;
    t.check("Add a phrase", [&] { own = lt.add_continuum_phrase(id, "Trying a new tool in class"); },
            [&](const Journey& j) { const auto* p = with_id(j.continuum.phrases, own); return p && p->text == "Trying a new tool in class"; });
    CHECK_FALSE(own.empty());
    CHECK(own != guide_phrase);
    t.check("Move a phrase on the continuum", [&] { lt.move_continuum_phrase(id, own, 0.25, false); },
            [&](const Journey& j) { return with_id(j.continuum.phrases, own)->position == 0.25; });
    t.check("Move a phrase on the continuum", [&] { lt.move_continuum_phrase(id, own, 0, true); },
            [&](const Journey& j) { return with_id(j.continuum.phrases, own)->below_line; });
    t.check("Highlight a phrase", [&] { lt.highlight_phrase(id, own, true); },
            [&](const Journey& j) { return with_id(j.continuum.phrases, own)->highlighted; });
    t.check("Remove a phrase", [&] { lt.remove_phrase(id, guide_phrase); },
            [&](const Journey& j) { return with_id(j.continuum.phrases, guide_phrase) == nullptr; });

    // Step 2: strengths and stretches
    t.check("Add strength", [&] { lt.add_strength(id, "Digital citizenship"); },
            [](const Journey& j) { return !j.future_ready.strengths.empty(); });
    t.check("Edit a strength", [&] { lt.set_strength_text(id, 0, LetsTalk::StrengthField::Example, "Robotics club"); },
            [](const Journey& j) { return j.future_ready.strengths[0].example == "Robotics club"; });
    t.check("Edit a strength", [&] { lt.set_strength_text(id, 0, LetsTalk::StrengthField::Alignment, "District CS plan"); },
            [](const Journey& j) { return j.future_ready.strengths[0].alignment == "District CS plan"; });
    t.check("Edit a strength", [&] { lt.set_strength_text(id, 0, LetsTalk::StrengthField::Shared, "Newsletter"); },
            [](const Journey& j) { return j.future_ready.strengths[0].shared == "Newsletter"; });
    t.check("Add stretch", [&] { lt.add_stretch(id, "Leading PD"); }, [](const Journey& j) { return !j.future_ready.stretches.empty(); });
    t.check("Edit a stretch", [&] { lt.set_stretch_reason(id, 0, "Staff asked"); },
            [](const Journey& j) { return j.future_ready.stretches[0].reason == "Staff asked"; });
    t.check("Remove a stretch", [&] { lt.remove_stretch(id, 0); }, [](const Journey& j) { return j.future_ready.stretches.empty(); });
    t.check("Remove a strength", [&] { lt.remove_strength(id, 0); }, [](const Journey& j) { return j.future_ready.strengths.empty(); });

    // Step 3: research and the Venn
    const std::string plan = pack.research_items[0].id;
    t.check("Update the research checklist", [&] { lt.set_research_status(id, plan, ResearchStatus::Found); },
            [&](const Journey& j) { return j.research.status.count(plan) && j.research.status.at(plan) == ResearchStatus::Found; });
    std::string note;
    t.check("Add an item to the map", [&] { note = lt.add_venn_note(id, "Family literacy nights"); },
            [&](const Journey& j) { return with_id(j.research.venn, note) != nullptr; });
    t.check("Place an item on the map", [&] { lt.place_venn_note(id, note, kVennDistrict | kVennSchool); },
            [&](const Journey& j) { return with_id(j.research.venn, note)->region == (kVennDistrict | kVennSchool); });
    t.check("Remove an item from the map", [&] { lt.remove_venn_note(id, note); },
            [&](const Journey& j) { return with_id(j.research.venn, note) == nullptr; });

    // Step 4: the interview
    const std::string question = pack.interview_questions[0].id;
    t.check("Choose a question", [&] { lt.choose_question(id, question, true); },
            [&](const Journey& j) { return !j.interview.questions.empty() && j.interview.questions[0] == question; });
    t.check("Edit the leader's name", [&] { lt.set_leader(id, "Dr. Rivera"); }, [](const Journey& j) { return j.leader == "Dr. Rivera"; });
    t.check("Edit the school", [&] { lt.set_school(id, "Lincoln Middle"); }, [](const Journey& j) { return j.school == "Lincoln Middle"; });
    t.check("Edit the email's subject", [&] { lt.set_email_subject(id, "Our talk"); },
            [](const Journey& j) { return j.interview.email_subject == std::optional<std::string>("Our talk"); });
    t.check("Use the suggested email", [&] { lt.reset_email(id); }, [](const Journey& j) { return !j.interview.email_subject; });
    const std::string norm = pack.meeting_norms[0].id;
    t.check("Tick a meeting norm", [&] { lt.set_norm(id, norm, true); },
            [&](const Journey& j) { return j.interview.norms.count(norm) && j.interview.norms.at(norm); });
    t.check("Edit the meeting notes", [&] { lt.set_meeting_notes(id, "Reading scores matter most."); },
            [](const Journey& j) { return j.interview.notes == "Reading scores matter most."; });

    // Step 5: the collaboration map
    std::string priority, strength;
    t.check("Add a priority", [&] { priority = lt.add_priority(id, "Every student reading at grade level"); },
            [&](const Journey& j) { return with_id(j.collaboration.notes, priority) != nullptr; });
    t.check("Add a strength to the map", [&] { strength = lt.add_map_strength(id, "Book clubs"); },
            [&](const Journey& j) { return with_id(j.collaboration.notes, strength) != nullptr; });
    CHECK(priority != strength);
    t.check("Place a strength beside a priority", [&] { lt.place_beside(id, strength, priority); },
            [&](const Journey& j) { return with_id(j.collaboration.notes, strength)->aligned_with == priority; });
    t.check("Move a note to the margins", [&] { lt.move_to_margins(id, priority); },
            [&](const Journey& j) { return with_id(j.collaboration.notes, priority)->placement == NotePlacement::Margin; });
    t.check("Bring a priority into the circle", [&] { lt.bring_into_circle(id, priority); },
            [&](const Journey& j) { return with_id(j.collaboration.notes, priority)->placement == NotePlacement::Aligned; });
    t.check("Remove a note", [&] { lt.remove_map_note(id, strength); },
            [&](const Journey& j) { return with_id(j.collaboration.notes, strength) == nullptr; });
    t.check("Add a strength to the map", [&] { lt.add_offered_strength(id, AreaRef{"creators", "Helps students create"}); },
            [&](const Journey& j) { return j.collaboration.notes.size() == 2; });

    // Step 6: the agreement
    t.check("Add a possible area", [&] { lt.add_candidate(id, AgreementCandidate{}); },
            [](const Journey& j) { return j.agreement.candidates.size() == 1 && !j.agreement.candidates[0].id.empty(); });
    const std::string candidate = t.journey()->agreement.candidates[0].id;
    t.check("Edit a possible area", [&] { lt.set_candidate_title(id, 0, "Reading challenge"); },
            [](const Journey& j) { return j.agreement.candidates[0].title == "Reading challenge"; });
    t.check("Edit a possible area", [&] { lt.set_candidate_description(id, 0, "With a family night"); },
            [](const Journey& j) { return j.agreement.candidates[0].description == "With a family night"; });
    t.check("Agree on an area", [&] { lt.agree_on(id, candidate); }, [&](const Journey& j) { return j.agreement.center == candidate; });
    t.check("Edit the plan", [&] { lt.set_plan(id, LetsTalk::PlanField::Where, "The library"); },
            [](const Journey& j) { return plan_text(j.agreement, kWhere) == "The library"; });
    t.check("Edit who starts the next step", [&] { lt.set_next_step_owner(id, "Me, by Friday"); },
            [](const Journey& j) { return j.agreement.next_step_owner == "Me, by Friday"; });
    t.check("Remove a possible area", [&] { lt.remove_candidate(id, 0); },
            [](const Journey& j) { return j.agreement.candidates.empty() && j.agreement.center.empty(); });
}

TEST_CASE("typing into a field is one undo step, and where to resume is saved without one") {
    JourneyTab t;
    const std::shared_ptr<const Journey> started = t.journey(); // held: commands below replace the cached one
    const JourneyStep& step = started->pack.steps.front();
    const std::string prompt = step.reflections[0].id;
    const std::string label_before = t.tab.wb.undo_label();
    for (const char* text : {"I", "I fre", "I freeze"}) {
        t.tab.platform.clock += 0.3;
        t.lt.set_answer(t.id, step.id, prompt, text);
    }
    CHECK(t.tab.wb.undo_label() == "Edit a reflection");
    t.lt.set_current_step(t.id, t.journey()->pack.steps[2].id);
    CHECK(t.journey()->current_step == t.journey()->pack.steps[2].id);
    t.tab.wb.undo();
    CHECK((!t.journey()->steps.count(step.id) || t.journey()->steps.at(step.id).answers.count(prompt) == 0));
    CHECK(t.tab.wb.undo_label() == label_before);
}

TEST_CASE("a view's journey stays readable when two commands run in one frame") {
    JourneyTab t;
    // What a view holds while it draws: the snapshot, and references into it.
    const std::shared_ptr<const Journey> held = t.journey();
    const Journey& view = *held;
    const std::string& name = view.name;
    const JourneyStep& first_step = view.pack.steps.front();

    const std::string priority = t.lt.add_priority(t.id, "Every student reading");
    t.lt.move_to_margins(t.id, priority);     // the second command replaces the cached journey again
    t.lt.add_map_strength(t.id, "Book clubs");

    CHECK(name == "With Ms. Rivera");
    CHECK(first_step.id == "mindset");
    CHECK(view.collaboration.notes.empty());          // the view reads the version it started drawing
    CHECK(t.journey()->collaboration.notes.size() == 2); // the next frame reads the new one
    CHECK(t.journey() != held);
}

TEST_CASE("an edit does not read the embedded pack copy again: once per journey and assessment") {
    JourneyTab t;
    const std::shared_ptr<const Journey> started = t.journey(); // held: commands below replace the cached one
    const JourneyStep& step = started->pack.steps.front();
    const size_t reads = t.lt.pack_copy_reads();
    CHECK(reads == 1);
    for (int i = 0; i < 30; i++) {
        t.tab.platform.clock += 5;
        t.lt.set_checklist(t.id, step.id, step.checklist[0].id, i % 2 == 0);
        REQUIRE(t.journey()); // each revision read, as a view reads it each frame
    }
    t.tab.wb.undo();
    REQUIRE(t.journey());
    CHECK(t.lt.pack_copy_reads() == reads);

    SelfAssessment& sa = t.tab.wb.self_assessment();
    const std::string a = sa.start(wf::test::sample_pack());
    REQUIRE(sa.assessment(a));
    for (const char* statement : {"reading-culture-1", "reading-culture-2", "partnerships-1", "creators-1"}) {
        t.tab.platform.clock += 5;
        sa.set_answer(a, statement, Answer{Answer::Kind::Rated, 3});
        REQUIRE(sa.results(a));
    }
    CHECK(sa.framework_copy_reads() == 1);
    CHECK(sa.assessment(a)->answers.size() == 4);
}

TEST_CASE("a comparison is computed once per pair of revisions, not per frame") {
    SharedStore store;
    Tab tab(store);
    SelfAssessment& sa = tab.wb.self_assessment();
    const std::string fall = sa.start(wf::test::sample_pack());
    sa.set_answer(fall, "creators-1", Answer{Answer::Kind::Rated, 1});
    sa.finish(fall);
    const std::string spring = sa.start(wf::test::sample_pack());
    sa.set_answer(spring, "creators-1", Answer{Answer::Kind::Rated, 4});
    const auto first = sa.comparison(fall, spring);
    REQUIRE(first);
    CHECK(sa.comparison(fall, spring) == first);   // the next frame: the same, not recomputed
    const auto creators = std::find_if(first->changes.begin(), first->changes.end(), [](const AreaChange& c) { return c.area_id == "creators"; });
    REQUIRE(creators != first->changes.end());
    CHECK(creators->later > creators->earlier);
    tab.platform.clock += 5;
    sa.set_answer(spring, "creators-1", Answer{Answer::Kind::Rated, 1});
    const auto second = sa.comparison(fall, spring);
    CHECK(second != first);
    CHECK(first->changes.size() == second->changes.size()); // what a view held is still whole
}

TEST_CASE("each goal command is one undo step that undo and redo give back exactly") {
    SharedStore store;
    Tab tab(store);
    SelfAssessment& sa = tab.wb.self_assessment();
    const std::string a = sa.start(wf::test::sample_pack());
    const std::string goal = sa.add_goal_from_stretch(a, (*sa.results(a))[2]);
    const auto doc = [&] { return *tab.wb.document(goal_key(goal)); };
    const auto check = [&](const std::function<void()>& command, const std::function<bool(const Goal&)>& changed) {
        tab.platform.clock += 5;
        const nlohmann::json before = doc();
        command();
        const nlohmann::json after = doc();
        CHECK(changed(*sa.goal(goal)));
        CHECK(tab.wb.undo_label() == "Edit a goal");
        tab.wb.undo();
        CHECK(doc() == before);
        tab.wb.redo();
        CHECK(doc() == after);
    };
    check([&] { sa.set_goal_statement(goal, "A maker club"); }, [](const Goal& g) { return g.statement == "A maker club"; });
    check([&] { sa.set_goal_status(goal, GoalStatus::InProgress); }, [](const Goal& g) { return g.status == GoalStatus::InProgress; });
    const size_t steps = sa.goal(goal)->steps.size();
    check([&] { sa.add_goal_step(goal); }, [&](const Goal& g) { return g.steps.size() == steps + 1; });
    check([&] { sa.set_goal_step_text(goal, steps, "Ask the PTA"); }, [&](const Goal& g) { return g.steps[steps].text == "Ask the PTA"; });
    check([&] { sa.set_goal_step_date(goal, steps, "2027-03-15"); }, [&](const Goal& g) { return g.steps[steps].target_date == "2027-03-15"; });
    check([&] { sa.set_goal_step_done(goal, steps, true); }, [&](const Goal& g) { return g.steps[steps].done; });
    check([&] { sa.remove_goal_step(goal, steps); }, [&](const Goal& g) { return g.steps.size() == steps; });
}

TEST_CASE("undo and redo run across tools in order: profile, assessment, journey, interleaved") {
    JourneyTab t;
    Workbench& wb = t.tab.wb;
    SelfAssessment& sa = wb.self_assessment();
    const std::string a = sa.start(wf::test::sample_pack());
    const auto snapshot = [&] {
        return std::vector<nlohmann::json>{*wb.document(kProfileKey), *wb.document(assessment_key(a)), *wb.document(journey_key(t.id))};
    };
    std::vector<std::vector<nlohmann::json>> states{snapshot()};
    std::vector<std::string> labels;
    const auto step = [&](const std::string& label, const std::function<void()>& command) {
        t.tab.platform.clock += 5;
        command();
        CHECK(wb.undo_label() == label);
        labels.push_back(label);
        states.push_back(snapshot());
    };
    step("Edit name", [&] { t.tab.edit_profile("name", "Ana"); });
    step("Answer a statement", [&] { sa.set_answer(a, "creators-1", Answer{Answer::Kind::Rated, 3}); });
    step("Add a priority", [&] { t.lt.add_priority(t.id, "Reading at grade level"); });
    step("Edit school", [&] { t.tab.edit_profile("school", "Lincoln"); });
    step("Answer a statement", [&] { sa.set_answer(a, "creators-2", Answer{Answer::Kind::NotApplicable, 0}); });
    step("Edit the leader's name", [&] { t.lt.set_leader(t.id, "Dr. Rivera"); });

    for (size_t i = labels.size(); i-- > 0;) {
        CHECK(wb.undo_label() == labels[i]);
        wb.undo();
        CHECK(snapshot() == states[i]);
    }
    for (size_t i = 0; i < labels.size(); i++) {
        CHECK(wb.redo_label() == labels[i]);
        wb.redo();
        CHECK(snapshot() == states[i + 1]);
    }
    CHECK_FALSE(wb.can_redo());
}
