// [SECTION] Helpers
// [SECTION] The shipped packs and the remix fixture
// [SECTION] Files that are not packs
// [SECTION] Pack fields
// [SECTION] Scale
// [SECTION] Gears
// [SECTION] Areas and statements
// [SECTION] Text lengths
// [SECTION] Reporting every problem
// [SECTION] Round trip and lookups

#include "core/framework_pack.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include "test_support.hpp"

using namespace wf::test;

using nlohmann::json;
using namespace wf;

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------

namespace {

const std::string kRepoRoot = WF_FIXTURES_DIR "/../..";

std::string read_text_file(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    REQUIRE_MESSAGE(file.good(), "missing file ", path);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

std::string shipped_pack_text(const char* name) { return read_text_file(kRepoRoot + "/assets/frameworks/" + name); }

// A valid pack small enough to reason about; each refusal test breaks exactly one thing in it.
json remix()
{
    return json::parse(read_text_file(std::string(WF_FIXTURES_DIR) + "/framework-remix.json"));
}

// True when some reported problem contains every one of `parts`.
bool reports(const PackLoad& load, std::initializer_list<const char*> parts)
{
    for (const std::string& problem : load.problems) {
        bool all = true;
        for (const char* part : parts)
            all = all && contains(problem, part);
        if (all)
            return true;
    }
    return false;
}

// Checks the things every refusal shares, then returns the load for the specific assertions.
PackLoad refused(const json& pack)
{
    PackLoad load = framework_pack_from_json(pack);
    CHECK_FALSE(load.ok);
    CHECK_FALSE(load.problems.empty());
    CHECK(load.error.rfind("This framework pack cannot be used", 0) == 0);
    CHECK(load.pack.areas.empty());
    return load;
}

std::string repeated(const std::string& piece, size_t times)
{
    std::string text;
    for (size_t i = 0; i < times; i++)
        text += piece;
    return text;
}

size_t code_points(const std::string& text)
{
    size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] The shipped packs and the remix fixture
//-------------------------------------------------------------------------------------------------

namespace {

void check_well_formed_content(const FrameworkPack& pack)
{
    for (const FrameworkArea& area : pack.areas) {
        CAPTURE(area.id);
        CHECK(area.statements.size() >= 3);
        CHECK(area.statements.size() <= 5);
        CHECK(code_points(area.short_name) <= 24);
        CHECK(pack.find_gear(area.gear) != nullptr);
        CHECK_FALSE(area.description.empty());
        for (const PracticeStatement& statement : area.statements)
            CHECK_MESSAGE(statement.text.rfind("I ", 0) == 0, "practice statements are first person: ", statement.id);
    }
}

} // namespace

TEST_CASE("the current framework pack loads with no problems: 11 areas under 9 gears on a 4-level scale")
{
    const PackLoad load = load_framework_pack(shipped_pack_text("frl-current.json"));
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.problems.empty());
    const FrameworkPack& pack = load.pack;
    CHECK(pack.id == "frl-current");
    CHECK(pack.version == "2026.1");
    CHECK(contains(pack.title, "Future Ready Librarians®"));
    CHECK(pack.areas.size() == 11);
    CHECK(pack.gears.size() == 9);
    CHECK(pack.scale.size() == 4);
    check_well_formed_content(pack);
    for (const FrameworkArea& area : pack.areas)
        CHECK(area.example_ideas.size() == 3);
}

TEST_CASE("the current framework's wheel keeps each gear's areas side by side")
{
    const FrameworkPack pack = load_framework_pack(shipped_pack_text("frl-current.json")).pack;
    std::set<std::string> finished_gears;
    for (size_t i = 0; i < pack.areas.size(); i++) {
        const std::string& gear = pack.areas[i].gear;
        CHECK_MESSAGE(finished_gears.count(gear) == 0, "gear ", gear, " comes back after another gear");
        if (i + 1 == pack.areas.size() || pack.areas[i + 1].gear != gear)
            finished_gears.insert(gear);
    }
    const FrameworkArea* creators = pack.find_area("empowers-students-as-creators");
    REQUIRE(creators != nullptr);
    CHECK(creators->gear == "curriculum");
}

TEST_CASE("the original framework pack loads with no problems: 8 areas, one per gear")
{
    const PackLoad load = load_framework_pack(shipped_pack_text("frl-original.json"));
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.problems.empty());
    CHECK(load.pack.id == "frl-original");
    CHECK(load.pack.version == "2016.1");
    CHECK(load.pack.areas.size() == 8);
    CHECK(load.pack.gears.size() == 8);
    check_well_formed_content(load.pack);
    std::set<std::string> gears_used;
    for (const FrameworkArea& area : load.pack.areas)
        gears_used.insert(area.gear);
    CHECK(gears_used.size() == 8);
}

TEST_CASE("the original pack reuses the current pack's ids with the same meaning, so history compares")
{
    const FrameworkPack current = load_framework_pack(shipped_pack_text("frl-current.json")).pack;
    const FrameworkPack original = load_framework_pack(shipped_pack_text("frl-original.json")).pack;
    for (const FrameworkArea& area : original.areas) {
        CAPTURE(area.id);
        const FrameworkArea* same = current.find_area(area.id);
        REQUIRE(same != nullptr);
        CHECK(same->gear == area.gear);
        for (const PracticeStatement& statement : area.statements) {
            CAPTURE(statement.id);
            bool found_with_same_text = false;
            for (const FrameworkArea& current_area : current.areas)
                for (const PracticeStatement& current_statement : current_area.statements)
                    found_with_same_text |= current_statement.id == statement.id && current_statement.text == statement.text;
            CHECK(found_with_same_text);
        }
    }
    for (const Gear& gear : original.gears) {
        const Gear* same = current.find_gear(gear.id);
        REQUIRE(same != nullptr);
        CHECK(same->color == gear.color);
    }
}

TEST_CASE("the district remix fixture is a valid pack: 5 areas, 3 gears, a 3-level scale")
{
    const PackLoad load = framework_pack_from_json(remix());
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.pack.id == "district-remix");
    CHECK(load.pack.title == "Northside ISD Library Framework (remix)");
    CHECK(load.pack.areas.size() == 5);
    CHECK(load.pack.gears.size() == 3);
    CHECK(load.pack.scale.size() == 3);
    CHECK(load.pack.min_rating() == 1);
    CHECK(load.pack.max_rating() == 3);
    const FrameworkArea* citizenship = load.pack.find_area("nsd-digital-citizenship");
    REQUIRE(citizenship != nullptr);
    CHECK(citizenship->example_ideas.empty()); // example ideas are optional
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Files that are not packs
//-------------------------------------------------------------------------------------------------

TEST_CASE("text that is not JSON is refused as not in Wayfinder's form, with the line of the problem")
{
    const PackLoad load = load_framework_pack("{\n  \"type\": \"wayfinder.framework\",\n  \"id\": oops\n}");
    CHECK_FALSE(load.ok);
    CHECK(load.error.rfind("This framework pack cannot be used", 0) == 0);
    CHECK(contains(load.error, "not in the form Wayfinder writes"));
    CHECK(contains(load.error, "line 3"));
    CHECK(load.problems.size() == 1);
}

TEST_CASE("an empty file is refused as empty")
{
    const PackLoad load = load_framework_pack("");
    CHECK_FALSE(load.ok);
    CHECK(contains(load.error, "empty"));
}

TEST_CASE("JSON that is not an object is refused as not a pack")
{
    for (const char* text : {"[1, 2, 3]", "\"frl-current\"", "42", "null"}) {
        CAPTURE(text);
        const PackLoad load = load_framework_pack(text);
        CHECK_FALSE(load.ok);
        CHECK(contains(load.error, "not a JSON object"));
    }
}

TEST_CASE("another kind of Wayfinder file is refused as not a framework pack")
{
    json pack = remix();
    pack["type"] = "wayfinder.workspace";
    const PackLoad load = refused(pack);
    CHECK(contains(load.error, "different kind of Wayfinder file"));
    CHECK(contains(load.error, "wayfinder.workspace"));
}

TEST_CASE("a file with a foreign or missing type is refused, saying which type a pack has")
{
    json foreign = remix();
    foreign["type"] = "something.else";
    CHECK(contains(refused(foreign).error, "“something.else”, not \"wayfinder.framework\""));

    json untyped = remix();
    untyped.erase("type");
    CHECK(contains(refused(untyped).error, "does not say it is a framework pack"));
}

TEST_CASE("a pack in a newer format is refused as made for a newer Wayfinder, with how to update")
{
    json pack = remix();
    pack["format"] = 2;
    const PackLoad load = refused(pack);
    CHECK(contains(load.error, "made for a newer Wayfinder"));
    CHECK(contains(load.error, "pack format 2"));
    CHECK(contains(load.error, "Reload Wayfinder while online"));
    CHECK(load.problems.size() == 1); // its other fields may mean something else: nothing more to report
}

TEST_CASE("a pack without a format is read as format 1")
{
    json pack = remix();
    pack.erase("format");
    CHECK(framework_pack_from_json(pack).ok);
}

TEST_CASE("a pack whose format is not a whole number of at least 1 is refused as unreadable")
{
    for (const json format : {json("1"), json(1.5), json(0), json(-3)}) {
        CAPTURE(format.dump());
        json pack = remix();
        pack["format"] = format;
        CHECK(contains(refused(pack).error, "format is unreadable"));
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Pack fields
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack without an id is refused for its missing id")
{
    json pack = remix();
    pack.erase("id");
    const PackLoad load = refused(pack);
    CHECK(load.error == "This framework pack cannot be used: the id of the pack is missing. "
                        "Fix it in the pack file or ask whoever shared it for a corrected copy.");
}

TEST_CASE("a pack with a blank version is refused for its empty version")
{
    json pack = remix();
    pack["version"] = "  ";
    CHECK(reports(refused(pack), {"The version of the pack is empty."}));
}

TEST_CASE("a pack without a title is refused for its missing title")
{
    json pack = remix();
    pack["title"] = nullptr;
    CHECK(reports(refused(pack), {"The title of the pack is missing."}));
}

TEST_CASE("a pack whose title is not text is refused, naming the field")
{
    json pack = remix();
    pack["title"] = 42;
    CHECK(reports(refused(pack), {"The title of the pack must be text."}));
}

TEST_CASE("a pack's description is optional")
{
    json pack = remix();
    pack.erase("description");
    const PackLoad load = framework_pack_from_json(pack);
    REQUIRE(load.ok);
    CHECK(load.pack.description.empty());
}

TEST_CASE("fields this Wayfinder does not know are ignored, so newer packs of format 1 still load")
{
    json pack = remix();
    pack["author"] = "Northside ISD library services";
    pack["areas"][0]["icon"] = "book";
    pack["areas"][0]["statements"][0]["weight"] = 2;
    pack["gears"][0]["order"] = 1;
    const PackLoad load = framework_pack_from_json(pack);
    CHECK(load.ok);
    CHECK(load.problems.empty());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Scale
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack without a rating scale is refused for its missing scale")
{
    json pack = remix();
    pack.erase("scale");
    CHECK(reports(refused(pack), {"The pack has no rating scale."}));
}

TEST_CASE("a scale with fewer than 3 levels is refused, saying how many a scale needs")
{
    json pack = remix();
    pack["scale"].erase(2);
    CHECK(reports(refused(pack), {"The rating scale has 2 levels; a scale needs 3 to 6."}));
}

TEST_CASE("a scale with more than 6 levels is refused, saying how many a scale needs")
{
    json pack = remix();
    for (int value = 4; value <= 7; value++)
        pack["scale"].push_back({{"value", value}, {"name", "Level " + std::to_string(value)}});
    CHECK(reports(refused(pack), {"The rating scale has 7 levels; a scale needs 3 to 6."}));
}

TEST_CASE("a scale level whose value is not a whole number is refused, naming the level")
{
    json pack = remix();
    pack["scale"][1]["value"] = 1.5;
    CHECK(reports(refused(pack), {"The value of level 2 of the scale must be a whole number"}));

    json text_value = remix();
    text_value["scale"][0]["value"] = "one";
    CHECK(reports(refused(text_value), {"The value of level 1 of the scale is missing or not a number."}));

    json huge_value = remix();
    huge_value["scale"][2]["value"] = 1e300;
    CHECK(reports(refused(huge_value), {"level 3", "from 0 to 100"}));
}

TEST_CASE("a scale whose values do not go up is refused, naming the level out of order")
{
    json pack = remix();
    pack["scale"][2]["value"] = 2; // same as level 2
    CHECK(reports(refused(pack), {"must go up from level to level", "level 3 of the scale (2)"}));

    json descending = remix();
    descending["scale"][0]["value"] = 5;
    CHECK(reports(refused(descending), {"level 2 of the scale (2) is not above the level before it (5)"}));
}

TEST_CASE("a scale level without a name is refused, naming the level")
{
    json pack = remix();
    pack["scale"][1].erase("name");
    CHECK(reports(refused(pack), {"The name of level 2 of the scale is missing."}));
}

TEST_CASE("a scale level that is not an object is refused without crashing")
{
    json pack = remix();
    pack["scale"][0] = "Beginning";
    const PackLoad load = refused(pack);
    CHECK(reports(load, {"level 1 of the scale"}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Gears
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack with no gears is refused, since every area needs one")
{
    json empty_list = remix();
    empty_list["gears"] = json::array();
    CHECK(reports(refused(empty_list), {"The pack has no gears"}));

    json missing = remix();
    missing.erase("gears");
    CHECK(reports(refused(missing), {"The pack has no gears"}));
}

TEST_CASE("a pack with more than 12 gears is refused")
{
    json pack = remix();
    for (int i = 0; i < 10; i++)
        pack["gears"].push_back({{"id", "extra-" + std::to_string(i)}, {"name", "Extra"}, {"color", "#336699"}});
    CHECK(reports(refused(pack), {"The pack has 13 gears; at most 12 are allowed."}));
}

TEST_CASE("a gear whose color is not #RRGGBB is refused, naming the gear and the bad value")
{
    for (const char* color : {"red", "#12345", "#1234567", "336699", "#GG0000", "rgb(1,2,3)"}) {
        CAPTURE(color);
        json pack = remix();
        pack["gears"][1]["color"] = color;
        CHECK(reports(refused(pack), {"The color of gear “teaching” must be written #RRGGBB", color}));
    }
    json lowercase = remix();
    lowercase["gears"][1]["color"] = "#3c7cd4";
    CHECK(framework_pack_from_json(lowercase).ok);
}

TEST_CASE("a gear without a color is refused, naming the gear")
{
    json pack = remix();
    pack["gears"][0].erase("color");
    CHECK(reports(refused(pack), {"The color of gear “reading” is missing."}));
}

TEST_CASE("two gears with the same id are refused, naming the id")
{
    json pack = remix();
    pack["gears"][2]["id"] = "teaching";
    CHECK(reports(refused(pack), {"Two gears share the id “teaching”."}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Areas and statements
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack with fewer than 3 areas is refused, saying how many a framework needs")
{
    json pack = remix();
    pack["areas"].erase(4);
    pack["areas"].erase(3);
    pack["areas"].erase(2);
    CHECK(reports(refused(pack), {"The pack has 2 areas; a framework needs 3 to 16."}));
}

TEST_CASE("a pack with more than 16 areas is refused, saying how many a framework needs")
{
    json pack = remix();
    for (int i = 0; i < 12; i++) {
        json area = pack["areas"][0];
        area["id"] = "copy-" + std::to_string(i);
        for (json& statement : area["statements"])
            statement["id"] = statement["id"].get<std::string>() + "-" + std::to_string(i);
        pack["areas"].push_back(area);
    }
    CHECK(reports(refused(pack), {"The pack has 17 areas; a framework needs 3 to 16."}));
}

TEST_CASE("a pack without areas is refused for its missing areas")
{
    json pack = remix();
    pack["areas"] = "all of them";
    CHECK(reports(refused(pack), {"The pack's areas must be a list."}));
}

TEST_CASE("a pack whose area names a gear that does not exist is refused, naming the area")
{
    json pack = remix();
    pack["areas"][1]["gear"] = "curriculum";
    const PackLoad load = refused(pack);
    CHECK(load.error == "This framework pack cannot be used: the area “builds-instructional-partnerships” belongs to "
                        "the gear “curriculum”, which the pack does not define. "
                        "Fix it in the pack file or ask whoever shared it for a corrected copy.");
}

TEST_CASE("an area without a gear is refused, naming the area")
{
    json pack = remix();
    pack["areas"][4].erase("gear");
    CHECK(reports(refused(pack), {"The gear of area “leads-beyond-the-library” is missing."}));
}

TEST_CASE("two areas with the same id are refused, naming the id")
{
    json pack = remix();
    pack["areas"][3]["id"] = "empowers-students-as-creators";
    CHECK(reports(refused(pack), {"Two areas share the id “empowers-students-as-creators”."}));
}

TEST_CASE("an area without an id is refused, naming it by its position")
{
    json pack = remix();
    pack["areas"][2]["id"] = "";
    const PackLoad load = refused(pack);
    CHECK(reports(load, {"The id of area 3 is empty."}));
    CHECK_FALSE(reports(load, {"area 3 is missing"})); // its other fields were fine
}

TEST_CASE("the same statement id in two areas is refused, naming both areas")
{
    json pack = remix();
    pack["areas"][3]["statements"][0]["id"] = "ip-co-planning";
    CHECK(reports(refused(pack), {"The statement id “ip-co-planning” is used more than once",
                                  "area “builds-instructional-partnerships”", "area “nsd-digital-citizenship”"}));
}

TEST_CASE("the same statement id twice within one area is refused")
{
    json pack = remix();
    pack["areas"][0]["statements"][2]["id"] = "nsd-read-aloud";
    CHECK(reports(refused(pack), {"“nsd-read-aloud” is used more than once"}));
}

TEST_CASE("an area with fewer than 3 statements is refused, naming the area")
{
    json pack = remix();
    pack["areas"][2]["statements"].erase(0);
    CHECK(reports(refused(pack), {"The area “empowers-students-as-creators” has 2 practice statements; "
                                  "each area needs 3 to 5."}));
}

TEST_CASE("an area with more than 5 statements is refused, naming the area")
{
    json pack = remix();
    for (int i = 0; i < 3; i++)
        pack["areas"][2]["statements"].push_back({{"id", "more-" + std::to_string(i)}, {"text", "I do more."}});
    CHECK(reports(refused(pack), {"The area “empowers-students-as-creators” has 6 practice statements"}));
}

TEST_CASE("an area without statements is refused, naming the area")
{
    json pack = remix();
    pack["areas"][0].erase("statements");
    CHECK(reports(refused(pack), {"The area “fosters-a-culture-of-reading” has no practice statements."}));
}

TEST_CASE("a statement with empty text is refused, naming the statement and its area")
{
    json pack = remix();
    pack["areas"][1]["statements"][2]["text"] = " \n ";
    CHECK(reports(refused(pack), {"The text of statement “nsd-research-steps” in area "
                                  "“builds-instructional-partnerships” is empty."}));
}

TEST_CASE("a statement without an id is refused, naming it by position")
{
    json pack = remix();
    pack["areas"][1]["statements"][1].erase("id");
    CHECK(reports(refused(pack), {"The id of statement 2 in area “builds-instructional-partnerships” is missing."}));
}

TEST_CASE("an area without a short name is refused, naming the area")
{
    json pack = remix();
    pack["areas"][0]["short_name"] = "";
    CHECK(reports(refused(pack), {"The short name of area “fosters-a-culture-of-reading” is empty."}));
}

TEST_CASE("example ideas that are not a list of text are refused, naming the area")
{
    json not_a_list = remix();
    not_a_list["areas"][0]["example_ideas"] = "a book club";
    CHECK(reports(refused(not_a_list), {"The example ideas of area “fosters-a-culture-of-reading” must be a list"}));

    json blank_idea = remix();
    blank_idea["areas"][0]["example_ideas"].push_back("");
    CHECK(reports(refused(blank_idea), {"Example idea 3 of area “fosters-a-culture-of-reading”"}));

    json too_many = remix();
    for (int i = 0; i < 10; i++)
        too_many["areas"][0]["example_ideas"].push_back("Another idea");
    CHECK(reports(refused(too_many), {"has 12 example ideas; at most 10"}));
}

TEST_CASE("areas and statements that are not objects are refused without crashing")
{
    json pack = remix();
    pack["areas"][0] = 7;
    pack["areas"][1]["statements"][0] = json::array({1, 2});
    const PackLoad load = refused(pack);
    CHECK(reports(load, {"The id of area 1 is missing."}));
    CHECK(reports(load, {"The id of statement 1 in area “builds-instructional-partnerships” is missing."}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Text lengths
//-------------------------------------------------------------------------------------------------

TEST_CASE("a short name longer than 24 characters is refused, naming the area")
{
    json pack = remix();
    pack["areas"][0]["short_name"] = "Every single student a reader"; // 29
    CHECK(reports(refused(pack), {"The short name of area “fosters-a-culture-of-reading” is too long: 29 characters, "
                                  "where at most 24 are allowed."}));
}

TEST_CASE("a short name's limit counts characters, not bytes, so accented labels get the full 24")
{
    const std::string accented = repeated("é", 24); // 48 bytes
    json pack = remix();
    pack["areas"][0]["short_name"] = accented;
    const PackLoad load = framework_pack_from_json(pack);
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.pack.areas[0].short_name == accented);

    pack["areas"][0]["short_name"] = accented + "é";
    CHECK(reports(refused(pack), {"too long: 25 characters"}));
}

TEST_CASE("descriptions and statements over 2,000 characters are refused, naming the field")
{
    json long_description = remix();
    long_description["areas"][0]["description"] = std::string(2001, 'x');
    CHECK(reports(refused(long_description), {"The description of area “fosters-a-culture-of-reading” is too long: "
                                              "2001 characters"}));

    json long_statement = remix();
    long_statement["areas"][1]["statements"][0]["text"] = "I " + std::string(2000, 'x');
    CHECK(reports(refused(long_statement), {"The text of statement “ip-co-planning”", "too long"}));

    json exactly_at_limit = remix();
    exactly_at_limit["areas"][0]["description"] = repeated("ñ", 2000);
    CHECK(framework_pack_from_json(exactly_at_limit).ok);
}

TEST_CASE("a title too long for a heading is refused")
{
    json pack = remix();
    pack["title"] = std::string(500, 'T');
    CHECK(reports(refused(pack), {"The title of the pack is too long: 500 characters"}));
}

TEST_CASE("a bad value quoted in a problem is shortened, so a huge field cannot flood the message")
{
    json pack = remix();
    pack["gears"][1]["color"] = std::string(60, 'z'); // within the field limit, far too long to repeat
    const PackLoad load = refused(pack);
    REQUIRE(reports(load, {"must be written #RRGGBB"}));
    for (const std::string& problem : load.problems)
        CHECK_FALSE(contains(problem, std::string(41, 'z')));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reporting every problem
//-------------------------------------------------------------------------------------------------

TEST_CASE("every problem is listed in document order, and the summary names the first and counts the rest")
{
    json pack = remix();
    pack["title"] = "";
    pack["gears"][0]["color"] = "orange";
    pack["areas"][4]["statements"][0]["text"] = "";
    const PackLoad load = refused(pack);
    REQUIRE(load.problems.size() == 3);
    CHECK(contains(load.problems[0], "title"));
    CHECK(contains(load.problems[1], "color"));
    CHECK(contains(load.problems[2], "lead-serves-on-teams"));
    CHECK(load.error == "This framework pack cannot be used: the title of the pack is empty. It has 2 more problems "
                        "besides. Fix it in the pack file or ask whoever shared it for a corrected copy.");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Round trip and lookups
//-------------------------------------------------------------------------------------------------

TEST_CASE("writing a shipped pack gives back exactly the file it was read from")
{
    for (const char* name : {"frl-current.json", "frl-original.json"}) {
        CAPTURE(name);
        const std::string text = shipped_pack_text(name);
        const PackLoad load = load_framework_pack(text);
        REQUIRE(load.ok);
        CHECK(framework_pack_to_json(load.pack) == json::parse(text));
    }
}

TEST_CASE("a pack read back from its own JSON is the same pack")
{
    const FrameworkPack pack = framework_pack_from_json(remix()).pack;
    const json written = framework_pack_to_json(pack);
    CHECK(written["type"] == "wayfinder.framework");
    CHECK(written["format"] == 1);
    const PackLoad again = load_framework_pack(written.dump());
    REQUIRE_MESSAGE(again.ok, again.error);
    CHECK(framework_pack_to_json(again.pack) == written);
    CHECK(again.pack.areas[3].example_ideas.empty());
    CHECK(again.pack.areas[0].statements[1].text == pack.areas[0].statements[1].text);
    CHECK(again.pack.scale[2].description == pack.scale[2].description);
    CHECK(again.pack.gears[1].color == pack.gears[1].color);
}

TEST_CASE("areas and gears are found by id, and unknown ids find nothing")
{
    const FrameworkPack pack = framework_pack_from_json(remix()).pack;
    REQUIRE(pack.find_area("empowers-students-as-creators") != nullptr);
    CHECK(pack.find_area("empowers-students-as-creators")->short_name == "Makers & creators");
    CHECK(pack.find_area("curates-digital-resources") == nullptr);
    REQUIRE(pack.find_gear("outreach") != nullptr);
    CHECK(pack.find_gear("outreach")->color == "#AD658E");
    CHECK(pack.find_gear("") == nullptr);
}

TEST_CASE("the rating range comes from the scale's lowest and highest values")
{
    FrameworkPack pack;
    CHECK(pack.min_rating() == 0);
    CHECK(pack.max_rating() == 0);
    pack.scale = {{2, "Two", ""}, {0, "Zero", ""}, {5, "Five", ""}};
    CHECK(pack.min_rating() == 0);
    CHECK(pack.max_rating() == 5);
}

TEST_CASE("the built-in packs find a pack by id, and the first one is the default")
{
    BuiltinPacks builtin;
    CHECK(builtin.find("frl-current") == nullptr);
    CHECK(builtin.default_pack().areas.empty()); // no packs embedded: harmless, not undefined

    builtin.packs.push_back(load_framework_pack(shipped_pack_text("frl-current.json")).pack);
    builtin.packs.push_back(load_framework_pack(shipped_pack_text("frl-original.json")).pack);
    CHECK(builtin.default_pack().id == "frl-current");
    REQUIRE(builtin.find("frl-original") != nullptr);
    CHECK(builtin.find("frl-original")->areas.size() == 8);
    CHECK(builtin.find("district-remix") == nullptr);
}
