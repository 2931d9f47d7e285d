// [SECTION] Helpers
// [SECTION] The shipped Let's Talk pack
// [SECTION] The district fixture
// [SECTION] Files that are not journey packs
// [SECTION] Pack fields
// [SECTION] Steps
// [SECTION] Items and prompts
// [SECTION] Text lengths
// [SECTION] Email template placeholders
// [SECTION] Reporting every problem
// [SECTION] Round trip and lookups

#include "core/journey_pack.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "test_support.hpp"

using namespace wf::test;

using nlohmann::json;
using namespace wf;

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------

namespace {

std::string lets_talk_text() { return read_fixture("../../assets/journeys/lets-talk.json"); }

JourneyPack lets_talk()
{
    const JourneyPackLoad load = load_journey_pack(lets_talk_text());
    REQUIRE_MESSAGE(load.ok, load.error);
    return load.pack;
}

// A valid two-step pack small enough to reason about; each refusal test breaks one thing in it.
json district() { return json::parse(read_fixture("journey-pack-district.json")); }

// True when some reported problem contains every one of `parts`.
bool reports(const JourneyPackLoad& load, std::initializer_list<std::string> parts)
{
    for (const std::string& problem : load.problems) {
        bool all = true;
        for (const std::string& part : parts)
            all = all && contains(problem, part);
        if (all)
            return true;
    }
    return false;
}

// Checks what every refusal shares, then returns the load for the specific assertions.
JourneyPackLoad refused(const json& pack)
{
    JourneyPackLoad load = journey_pack_from_json(pack);
    CHECK_FALSE(load.ok);
    CHECK_FALSE(load.problems.empty());
    CHECK(load.error.rfind("This journey pack cannot be used", 0) == 0);
    CHECK(load.pack.steps.empty());
    return load;
}

std::string repeated(const std::string& piece, size_t times)
{
    std::string text;
    for (size_t i = 0; i < times; i++)
        text += piece;
    return text;
}

bool same_items(const std::vector<JourneyItem>& a, const std::vector<JourneyItem>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); i++)
        if (a[i].id != b[i].id || a[i].text != b[i].text)
            return false;
    return true;
}

// Field by field, so a field journey_pack_to_json forgot to write cannot hide behind both sides
// lacking it.
void check_same_pack(const JourneyPack& a, const JourneyPack& b)
{
    CHECK(a.id == b.id);
    CHECK(a.version == b.version);
    CHECK(a.title == b.title);
    CHECK(a.description == b.description);
    CHECK(a.email_template == b.email_template);
    CHECK(same_items(a.continuum_phrases, b.continuum_phrases));
    CHECK(same_items(a.research_items, b.research_items));
    CHECK(same_items(a.interview_questions, b.interview_questions));
    CHECK(same_items(a.meeting_norms, b.meeting_norms));
    REQUIRE(a.steps.size() == b.steps.size());
    for (size_t i = 0; i < a.steps.size(); i++) {
        const JourneyStep& x = a.steps[i];
        const JourneyStep& y = b.steps[i];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.title == y.title);
        CHECK(x.question == y.question);
        CHECK(x.introduction == y.introduction);
        CHECK(x.competencies == y.competencies);
        CHECK(same_items(x.checklist, y.checklist));
        REQUIRE(x.reflections.size() == y.reflections.size());
        for (size_t k = 0; k < x.reflections.size(); k++) {
            CHECK(x.reflections[k].id == y.reflections[k].id);
            CHECK(x.reflections[k].text == y.reflections[k].text);
            CHECK(x.reflections[k].example == y.reflections[k].example);
        }
        CHECK(x.tips == y.tips);
        CHECK(x.think_aloud == y.think_aloud);
        CHECK(x.sidebar == y.sidebar);
        CHECK(x.resources == y.resources);
    }
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] The shipped Let's Talk pack
//-------------------------------------------------------------------------------------------------

TEST_CASE("the shipped Let's Talk pack loads with no problems")
{
    const JourneyPackLoad load = load_journey_pack(lets_talk_text());
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.problems.empty());
    CHECK(load.error.empty());
    CHECK(load.pack.id == "lets-talk");
    CHECK(load.pack.version == "2026.1");
    CHECK(contains(load.pack.title, "Let's Talk"));
    CHECK_FALSE(load.pack.description.empty());
}

TEST_CASE("Let's Talk has exactly seven steps, from mindset to reflect, in the guide's order")
{
    const JourneyPack pack = lets_talk();
    const std::vector<std::string> expected = {"mindset", "future-ready", "research", "interview",
                                               "connect", "agree",        "reflect"};
    REQUIRE(pack.steps.size() == expected.size());
    for (size_t i = 0; i < expected.size(); i++)
        CHECK(pack.steps[i].id == expected[i]);
}

TEST_CASE("every Let's Talk step has its question, introduction, at least 3 checklist items and 2 prompts with examples")
{
    for (const JourneyStep& step : lets_talk().steps) {
        CAPTURE(step.id);
        CHECK_FALSE(step.title.empty());
        CHECK(step.question.back() == '?');
        CHECK_FALSE(step.introduction.empty());
        CHECK(step.checklist.size() >= 3);
        CHECK(step.reflections.size() >= 2);
        for (const ReflectionPrompt& prompt : step.reflections) {
            CAPTURE(prompt.id);
            CHECK_FALSE(prompt.example.empty());
            CHECK(prompt.example != prompt.text);
        }
    }
}

TEST_CASE("every Let's Talk step has competencies, tips, think-out-loud prompts, a sidebar and resources")
{
    for (const JourneyStep& step : lets_talk().steps) {
        CAPTURE(step.id);
        CHECK(step.competencies.size() >= 2);
        CHECK_FALSE(step.tips.empty());
        CHECK(step.think_aloud.size() >= 2);
        CHECK(step.sidebar.size() >= 2);
        CHECK_FALSE(step.resources.empty());
    }
}

TEST_CASE("the Let's Talk email template uses all four placeholders, with the questions on a line of their own")
{
    const std::string& email = lets_talk().email_template;
    for (const char* placeholder : {"{{leader}}", "{{school}}", "{{name}}", "{{questions}}"}) {
        CAPTURE(placeholder);
        CHECK(contains(email, placeholder));
    }
    // The questions become a bulleted list, which only reads as one when it starts a paragraph.
    CHECK(contains(email, "\n\n{{questions}}\n\n"));
}

TEST_CASE("Let's Talk brings the material its steps work with: phrases, plans, questions and norms")
{
    const JourneyPack pack = lets_talk();
    CHECK(pack.continuum_phrases.size() >= 8);
    CHECK(pack.continuum_phrases.size() <= 14);
    CHECK(pack.interview_questions.size() >= 8);
    CHECK(pack.interview_questions.size() <= 14);
    CHECK(pack.meeting_norms.size() >= 4);
    CHECK(pack.meeting_norms.size() <= 8);

    // The research list covers both levels of plans the step asks for.
    bool has_strategic = false, has_technology = false, has_school_improvement = false;
    for (const JourneyItem& item : pack.research_items) {
        has_strategic |= item.id == "district-strategic-plan";
        has_technology |= item.id == "district-technology-plan";
        has_school_improvement |= item.id == "school-improvement-plan";
    }
    CHECK(has_strategic);
    CHECK(has_technology);
    CHECK(has_school_improvement);
}

TEST_CASE("Let's Talk describes its resources in words, without links, since the app works offline")
{
    const std::string text = lets_talk_text();
    CHECK_FALSE(contains(text, "http"));
    CHECK_FALSE(contains(text, "www."));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The district fixture
//-------------------------------------------------------------------------------------------------

TEST_CASE("a district's two-step adaptation is a valid pack")
{
    const JourneyPackLoad load = journey_pack_from_json(district());
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.pack.id == "northside-two-step");
    REQUIRE(load.pack.steps.size() == 2);
    CHECK(load.pack.steps[1].title == "Check in");
    CHECK(load.pack.steps[1].tips.empty());
    CHECK(load.pack.interview_questions.size() == 3);
}

TEST_CASE("a step's lists and the pack's step material may be left out; they read as empty")
{
    json pack = district();
    for (const char* key : {"competencies", "checklist", "reflections", "tips", "think_aloud", "sidebar", "resources"})
        pack["steps"][0].erase(key);
    for (const char* key :
         {"continuum_phrases", "research_items", "interview_questions", "email_template", "meeting_norms"})
        pack.erase(key);
    const JourneyPackLoad load = journey_pack_from_json(pack);
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.pack.steps[0].checklist.empty());
    CHECK(load.pack.steps[0].reflections.empty());
    CHECK(load.pack.email_template.empty());
    CHECK(load.pack.meeting_norms.empty());
}

TEST_CASE("fields this Wayfinder does not know are ignored, at every level")
{
    json pack = district();
    pack["author"] = "Northside ISD library services";
    pack["steps"][0]["icon"] = "compass";
    pack["steps"][0]["checklist"][0]["optional"] = true;
    pack["steps"][0]["reflections"][0]["word_limit"] = 150;
    pack["meeting_norms"][0]["order"] = 1;
    const JourneyPackLoad load = journey_pack_from_json(pack);
    CHECK(load.ok);
    CHECK(load.problems.empty());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Files that are not journey packs
//-------------------------------------------------------------------------------------------------

TEST_CASE("text that is not JSON is refused as not in Wayfinder's form, with the line of the problem")
{
    const JourneyPackLoad load = load_journey_pack("{\n  \"type\": \"wayfinder.journey-pack\",\n  \"id\": oops\n}");
    CHECK_FALSE(load.ok);
    CHECK(load.error.rfind("This journey pack cannot be used", 0) == 0);
    CHECK(contains(load.error, "not in the form Wayfinder writes"));
    CHECK(contains(load.error, "line 3"));
    CHECK(load.problems.size() == 1);
}

TEST_CASE("JSON that is not an object is refused as not a journey pack")
{
    for (const char* text : {"[1, 2, 3]", "\"lets-talk\"", "42", "null"}) {
        CAPTURE(text);
        const JourneyPackLoad load = load_journey_pack(text);
        CHECK_FALSE(load.ok);
        CHECK(contains(load.error, "not a JSON object"));
    }
}

TEST_CASE("a framework pack or another Wayfinder file is refused as a different kind of Wayfinder file")
{
    json pack = district();
    pack["type"] = "wayfinder.framework";
    const JourneyPackLoad load = refused(pack);
    CHECK(contains(load.error, "different kind of Wayfinder file"));
    CHECK(contains(load.error, "“wayfinder.framework”"));
    CHECK(contains(load.error, "Choose a Wayfinder journey pack"));
}

TEST_CASE("a file with a foreign or missing type is refused, saying which type a journey pack has")
{
    json foreign = district();
    foreign["type"] = "something.else";
    CHECK(contains(refused(foreign).error, "“something.else”, not \"wayfinder.journey-pack\""));

    json untyped = district();
    untyped.erase("type");
    CHECK(contains(refused(untyped).error, "does not say it is a journey pack"));
}

TEST_CASE("a pack in a newer format is refused as made for a newer Wayfinder, with how to update")
{
    const JourneyPackLoad load = load_journey_pack(read_fixture("journey-pack-newer.json"));
    CHECK_FALSE(load.ok);
    CHECK(load.error.rfind("This journey pack cannot be used: the pack was made for a newer Wayfinder", 0) == 0);
    CHECK(contains(load.error, "pack format 2"));
    CHECK(contains(load.error, "Reload Wayfinder while online"));
    CHECK(load.problems.size() == 1); // its other fields may mean something else: nothing more to report
}

TEST_CASE("a pack without a format is read as format 1")
{
    json pack = district();
    pack.erase("format");
    CHECK(journey_pack_from_json(pack).ok);
}

TEST_CASE("a pack whose format is not a whole number of at least 1 is refused as unreadable")
{
    for (const json& format : {json("1"), json(1.5), json(0), json(-3)}) {
        CAPTURE(format.dump());
        json pack = district();
        pack["format"] = format;
        CHECK(contains(refused(pack).error, "format is unreadable"));
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Pack fields
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack without an id is refused for its missing id, with the advice to fix the file")
{
    json pack = district();
    pack.erase("id");
    CHECK(refused(pack).error == "This journey pack cannot be used: the id of the pack is missing. "
                                 "Fix it in the pack file or ask whoever shared it for a corrected copy.");
}

TEST_CASE("a pack with a blank version is refused for its empty version")
{
    json pack = district();
    pack["version"] = "  ";
    CHECK(reports(refused(pack), {"The version of the pack is empty."}));
}

TEST_CASE("a pack whose title is missing or not text is refused, naming the field")
{
    json missing = district();
    missing["title"] = nullptr;
    CHECK(reports(refused(missing), {"The title of the pack is missing."}));

    json number = district();
    number["title"] = 42;
    CHECK(reports(refused(number), {"The title of the pack must be text."}));
}

TEST_CASE("a pack's description is optional")
{
    json pack = district();
    pack.erase("description");
    const JourneyPackLoad load = journey_pack_from_json(pack);
    REQUIRE(load.ok);
    CHECK(load.pack.description.empty());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Steps
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack without steps is refused, saying how many a journey needs")
{
    json missing = district();
    missing.erase("steps");
    CHECK(reports(refused(missing), {"The pack has no steps; a journey needs 1 to 12."}));

    json empty = district();
    empty["steps"] = json::array();
    CHECK(reports(refused(empty), {"The pack has 0 steps; a journey needs 1 to 12."}));
}

TEST_CASE("a pack whose steps are not a list is refused")
{
    json pack = district();
    pack["steps"] = {{"prepare", "Prepare"}};
    CHECK(reports(refused(pack), {"The pack's steps must be a list."}));
}

TEST_CASE("a pack with more than 12 steps is refused, saying how many a journey may have")
{
    json pack = district();
    const json model = pack["steps"][1];
    for (int i = 3; i <= 13; i++) {
        json step = model;
        step["id"] = "extra-" + std::to_string(i);
        step["checklist"] = json::array();
        step["reflections"] = json::array();
        pack["steps"].push_back(step);
    }
    CHECK(reports(refused(pack), {"The pack has 13 steps; a journey needs 1 to 12."}));
}

TEST_CASE("a step that is not an object is refused, naming its position")
{
    json pack = district();
    pack["steps"][1] = "Check in";
    const JourneyPackLoad load = refused(pack);
    CHECK(reports(load, {"Step 2 must be an object with an id, a title, a question and an introduction."}));
    CHECK(load.problems.size() == 1);
}

TEST_CASE("a step without a title, question or introduction is refused, naming the step and the field")
{
    for (const char* field : {"title", "question", "introduction"}) {
        CAPTURE(field);
        json pack = district();
        pack["steps"][1].erase(field);
        CHECK(reports(refused(pack), {std::string("The ") + field + " of step “check-in” is missing."}));
    }
}

TEST_CASE("a step without an id is refused and named by its position")
{
    json pack = district();
    pack["steps"][0].erase("id");
    const JourneyPackLoad load = refused(pack);
    CHECK(reports(load, {"The id of step 1 is missing."}));
}

TEST_CASE("two steps with the same id are refused, naming both")
{
    json pack = district();
    pack["steps"][1]["id"] = "prepare";
    CHECK(reports(refused(pack), {"The id “prepare” is used more than once", "by step “prepare” and by step “prepare”"}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Items and prompts
//-------------------------------------------------------------------------------------------------

TEST_CASE("an id used by two items anywhere in the pack is refused, naming where each one is")
{
    json pack = district();
    pack["meeting_norms"][1]["id"] = "nsd-reread"; // already a checklist item of the first step
    CHECK(reports(refused(pack), {"The id “nsd-reread” is used more than once",
                                  "checklist item 1 of step “prepare”", "meeting norm 2 of the pack"}));
}

TEST_CASE("a reflection prompt sharing an id with a step is refused, since answers and steps share one namespace")
{
    json pack = district();
    pack["steps"][1]["reflections"][0]["id"] = "prepare";
    CHECK(reports(refused(pack), {"The id “prepare” is used more than once", "reflection prompt 1 of step “check-in”"}));
}

TEST_CASE("an item with blank text is refused for its empty text")
{
    json pack = district();
    pack["steps"][0]["checklist"][1]["text"] = " \n ";
    CHECK(reports(refused(pack), {"The text of checklist item 2 of step “prepare” is empty."}));
}

TEST_CASE("a reflection prompt without an example answer is refused")
{
    json pack = district();
    pack["steps"][1]["reflections"][1].erase("example");
    CHECK(reports(refused(pack), {"The example of reflection prompt 2 of step “check-in” is missing."}));
}

TEST_CASE("an item that is not an object is refused, naming its list and position")
{
    json pack = district();
    pack["interview_questions"][0] = "How is the year going?";
    CHECK(reports(refused(pack), {"Interview question 1 of the pack must be an object with an id and a text."}));
}

TEST_CASE("a text entry of a step that is empty or not text is refused, naming its list and position")
{
    json blank = district();
    blank["steps"][0]["tips"].push_back("");
    CHECK(reports(refused(blank), {"Tip 2 of step “prepare” is empty."}));

    json number = district();
    number["steps"][0]["competencies"][0] = 7;
    CHECK(reports(refused(number), {"Key competency 1 of step “prepare” must be text."}));
}

TEST_CASE("a step list that is not a list is refused, naming the list")
{
    json pack = district();
    pack["steps"][0]["think_aloud"] = "What has changed?";
    CHECK(reports(refused(pack), {"The “think out loud” prompts of step “prepare” must be a list."}));
}

TEST_CASE("a list with more than 40 entries is refused, saying how many are allowed")
{
    json pack = district();
    pack["continuum_phrases"] = json::array();
    for (int i = 1; i <= 41; i++)
        pack["continuum_phrases"].push_back({{"id", "phrase-" + std::to_string(i)}, {"text", "A phrase"}});
    CHECK(reports(refused(pack), {"The pack has 41 continuum phrases; at most 40 are allowed."}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Text lengths
//-------------------------------------------------------------------------------------------------

TEST_CASE("a text of 4,000 characters is accepted, counted in characters rather than bytes")
{
    json pack = district();
    pack["steps"][0]["introduction"] = repeated("é", 4000); // 8,000 bytes
    pack["steps"][0]["reflections"][0]["example"] = repeated("a", 4000);
    CHECK(journey_pack_from_json(pack).ok);
}

TEST_CASE("a text longer than 4,000 characters is refused, saying how long it is")
{
    json pack = district();
    pack["steps"][1]["reflections"][0]["example"] = repeated("ñ", 4001);
    CHECK(reports(refused(pack), {"The example of reflection prompt 1 of step “check-in” is too long: 4001 characters",
                                  "at most 4000"}));

    json tip = district();
    tip["steps"][0]["sidebar"][0] = repeated("a", 4001);
    CHECK(reports(refused(tip), {"Sidebar paragraph 1 of step “prepare” is too long: 4001 characters"}));
}

TEST_CASE("a step title longer than 160 characters is refused, since it heads the step list")
{
    json pack = district();
    pack["steps"][0]["title"] = repeated("a", 161);
    CHECK(reports(refused(pack), {"The title of step “prepare” is too long: 161 characters"}));
}

TEST_CASE("an id longer than 64 characters is refused")
{
    json pack = district();
    pack["research_items"][0]["id"] = repeated("x", 65);
    CHECK(reports(refused(pack), {"The id of research item 1 of the pack is too long: 65 characters"}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Email template placeholders
//-------------------------------------------------------------------------------------------------

TEST_CASE("an email template with an unknown placeholder is refused, naming the placeholder once")
{
    json pack = district();
    pack["email_template"] = "Dear {{principal}},\n\n{{questions}}\n\nSee you, {{principal}}. {{name}}";
    const JourneyPackLoad load = refused(pack);
    CHECK(reports(load, {"The email template uses the placeholder “{{principal}}”, which Wayfinder cannot fill",
                         "{{leader}}, {{school}}, {{name}} and {{questions}}"}));
    CHECK(load.problems.size() == 1);
}

TEST_CASE("placeholder names are case-sensitive, as in the merge that fills them")
{
    json pack = district();
    pack["email_template"] = "Hello {{Leader}},";
    CHECK(reports(refused(pack), {"the placeholder “{{Leader}}”"}));
}

TEST_CASE("a placeholder padded with spaces is accepted, since the merge fills it")
{
    json pack = district();
    pack["email_template"] = "Hello {{ leader }}, about {{\tschool }}:";
    CHECK(journey_pack_from_json(pack).ok);
}

TEST_CASE("a double brace that does not start a placeholder is refused, since it would be sent as typed")
{
    for (const char* email : {"Dear {{leader}}, I would like to ask about {{questions", "Dear {{two words}},",
                              "Dear {{leader\n}},", "Dear {{}},"}) {
        CAPTURE(email);
        json pack = district();
        pack["email_template"] = email;
        CHECK(reports(refused(pack), {"The email template has a “{{” that does not start a placeholder"}));
    }
}

TEST_CASE("an email template may use only some of the placeholders, or none")
{
    json pack = district();
    pack["email_template"] = "Hello! Could we meet next week?";
    CHECK(journey_pack_from_json(pack).ok);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reporting every problem
//-------------------------------------------------------------------------------------------------

TEST_CASE("every problem is reported in document order, and the summary counts the rest")
{
    json pack = district();
    pack.erase("version");
    pack["steps"][1].erase("question");
    pack["email_template"] = "{{boss}}";
    const JourneyPackLoad load = refused(pack);
    REQUIRE(load.problems.size() == 3);
    CHECK(contains(load.problems[0], "version of the pack"));
    CHECK(contains(load.problems[1], "question of step “check-in”"));
    CHECK(contains(load.problems[2], "{{boss}}"));
    CHECK(load.error == "This journey pack cannot be used: the version of the pack is missing. "
                        "It has 2 more problems besides. "
                        "Fix it in the pack file or ask whoever shared it for a corrected copy.");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Round trip and lookups
//-------------------------------------------------------------------------------------------------

TEST_CASE("Let's Talk survives a round trip through journey_pack_to_json unchanged")
{
    const JourneyPack original = lets_talk();
    const json written = journey_pack_to_json(original);
    CHECK(written["type"] == kJourneyFileType);
    CHECK(written["format"] == 1);
    const JourneyPackLoad reread = journey_pack_from_json(written);
    REQUIRE_MESSAGE(reread.ok, reread.error);
    check_same_pack(reread.pack, original);
    CHECK(journey_pack_to_json(reread.pack) == written);
}

TEST_CASE("a pack written with empty optional parts reads back the same")
{
    json source = district();
    source.erase("description");
    source.erase("email_template");
    source["steps"][0].erase("tips");
    const JourneyPackLoad first = journey_pack_from_json(source);
    REQUIRE_MESSAGE(first.ok, first.error);
    const JourneyPackLoad second = load_journey_pack(journey_pack_to_json(first.pack).dump());
    REQUIRE_MESSAGE(second.ok, second.error);
    check_same_pack(second.pack, first.pack);
}

TEST_CASE("find_step returns the step with that id, or nothing")
{
    const JourneyPack pack = lets_talk();
    const JourneyStep* interview = pack.find_step("interview");
    REQUIRE(interview != nullptr);
    CHECK(interview == &pack.steps[3]);
    CHECK(pack.find_step("Interview") == nullptr);
    CHECK(pack.find_step("") == nullptr);
}
