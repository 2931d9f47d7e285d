// [SECTION] Helpers
// [SECTION] The shipped pack
// [SECTION] Files that are not credential packs
// [SECTION] Fields, parts and limits
// [SECTION] The rubric
// [SECTION] Round trip and names

#include "core/credential_pack.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "test_support.hpp"

using nlohmann::json;
using namespace wf;
using namespace wf::test;

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------

namespace {

std::string shipped_text() { return read_fixture("../../assets/credentials/empowering-students-as-creators.json"); }
json shipped_json() { return json::parse(shipped_text()); }

bool reports(const CredentialPackLoad& load, std::initializer_list<std::string> parts)
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

CredentialPackLoad refused(const json& pack)
{
    CredentialPackLoad load = credential_pack_from_json(pack);
    CHECK_FALSE(load.ok);
    CHECK_FALSE(load.problems.empty());
    CHECK(load.error.rfind("This micro-credential pack cannot be used", 0) == 0);
    CHECK(load.pack.rubric.empty());
    return load;
}

} // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] The shipped pack
//-------------------------------------------------------------------------------------------------

TEST_CASE("the shipped Empowering Students as Creators pack loads with no problems")
{
    const CredentialPackLoad load = load_credential_pack(shipped_text());
    REQUIRE_MESSAGE(load.ok, load.error);
    CHECK(load.problems.empty());
    CHECK(load.pack.id == "empowering-students-as-creators");
    CHECK(load.pack.title == "Empowering Students as Creators");
}

TEST_CASE("the shipped pack has a competency, a key method with components, a rationale and resources")
{
    const CredentialPack pack = load_credential_pack(shipped_text()).pack;
    CHECK_FALSE(pack.competency.empty());
    CHECK_FALSE(pack.method_name.empty());
    CHECK(pack.components.size() >= 3);
    CHECK_FALSE(pack.rationale.empty());
    REQUIRE(pack.resources.size() >= 3);
    for (const CredentialResource& resource : pack.resources) {
        CAPTURE(resource.title);
        CHECK_FALSE(resource.purpose.empty());
        CHECK((resource.link.empty() || resource.link.rfind("https://", 0) == 0));
    }
}

TEST_CASE("the shipped submission has all three parts, each question with a word limit, each evidence item with its kinds")
{
    const CredentialPack pack = load_credential_pack(shipped_text()).pack;
    CHECK(pack.overview.size() >= 1);
    CHECK(pack.evidence.size() >= 3);
    CHECK(pack.reflection.size() >= 2);
    for (const auto* part : {&pack.overview, &pack.reflection})
        for (const CredentialQuestion& question : *part)
            CHECK(question.word_limit >= 100);
    bool takes_items = false;
    for (const EvidenceItem& item : pack.evidence) {
        CHECK_FALSE(item.must_show.empty());
        CHECK_FALSE(item.kinds.empty());
        for (EvidenceKind kind : item.kinds)
            takes_items = takes_items || kind == EvidenceKind::Item;
    }
    CHECK(takes_items); // a Let's Talk map or self-assessment can be evidence
}

TEST_CASE("every question and evidence item of the shipped pack is judged by some rubric row")
{
    const CredentialPack pack = load_credential_pack(shipped_text()).pack;
    std::set<std::string> judged;
    for (const RubricRow& row : pack.rubric) {
        CHECK_FALSE(row.meets.empty());
        judged.insert(row.judges.begin(), row.judges.end());
    }
    for (const auto* part : {&pack.overview, &pack.reflection})
        for (const CredentialQuestion& question : *part)
            CHECK(judged.count(question.id));
    for (const EvidenceItem& item : pack.evidence)
        CHECK(judged.count(item.id));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Files that are not credential packs
//-------------------------------------------------------------------------------------------------

TEST_CASE("text that is not JSON, or is cut off, is refused as a pack that cannot be used")
{
    const std::string text = shipped_text();
    const CredentialPackLoad cut = load_credential_pack(text.substr(0, text.size() / 2));
    CHECK_FALSE(cut.ok);
    CHECK(contains(cut.error, "This micro-credential pack cannot be used."));
    CHECK(contains(cut.error, "incomplete"));
}

TEST_CASE("a journey pack is refused as a different kind of Wayfinder file")
{
    json pack = shipped_json();
    pack["type"] = "wayfinder.journey-pack";
    const CredentialPackLoad load = refused(pack);
    CHECK(contains(load.error, "different kind of Wayfinder file"));
    CHECK(contains(load.error, "wayfinder.credential-pack"));
}

TEST_CASE("a pack in a newer format is refused as made for a newer Wayfinder")
{
    json pack = shipped_json();
    pack["format"] = 2;
    const CredentialPackLoad load = refused(pack);
    CHECK(contains(load.error, "newer Wayfinder"));
    CHECK(contains(load.error, "Reload Wayfinder while online"));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Fields, parts and limits
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack without a competency or a key method is refused, naming what is missing")
{
    json pack = shipped_json();
    pack.erase("competency");
    pack.erase("key_method");
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"competency of the pack is missing"}));
    CHECK(reports(load, {"key method of the pack is missing"}));
}

TEST_CASE("a question without a word limit, or with one out of range, is refused, saying the range")
{
    json pack = shipped_json();
    pack["submission"]["overview"][0].erase("word_limit");
    pack["submission"]["reflection"][1]["word_limit"] = 5;
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"word limit of overview question 1 is missing", "20 to 2000"}));
    CHECK(reports(load, {"word limit of reflection question 2", "whole number from 20 to 2000"}));
}

TEST_CASE("an evidence item with an unknown or repeated kind, or no kinds, is refused")
{
    json pack = shipped_json();
    pack["submission"]["evidence"][0]["kinds"] = {"text", "video"};
    pack["submission"]["evidence"][1]["kinds"] = {"image", "image"};
    pack["submission"]["evidence"][2]["kinds"] = json::array();
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"evidence item 1", "“video”", "not a kind of evidence"}));
    CHECK(reports(load, {"evidence item 2", "\"image\" twice"}));
    CHECK(reports(load, {"kinds of evidence item 3 must be a list of at least one"}));
}

TEST_CASE("a part with no questions, or too many evidence items, is refused, saying how many it needs")
{
    json pack = shipped_json();
    pack["submission"]["reflection"] = json::array();
    json& evidence = pack["submission"]["evidence"];
    while (evidence.size() < 9) {
        json extra = evidence[0];
        extra["id"] = "extra-" + std::to_string(evidence.size());
        evidence.push_back(extra);
    }
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"The reflection part has 0 questions; it needs 1 to 6."}));
    CHECK(reports(load, {"The evidence part has 9 evidence items; it needs 1 to 8."}));
}

TEST_CASE("a resource link that is not an https address is refused")
{
    json pack = shipped_json();
    pack["resources"][1]["link"] = "ftp://example.org/guide";
    pack["resources"][2]["link"] = "https://example.org/a guide";
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"link of resource 2", "https://"}));
    CHECK(reports(load, {"link of resource 3"}));
}

TEST_CASE("an id used by a question and an evidence item is refused, naming both")
{
    json pack = shipped_json();
    pack["submission"]["evidence"][0]["id"] = pack["submission"]["overview"][0]["id"];
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"used more than once", "overview question 1", "evidence item 1"}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The rubric
//-------------------------------------------------------------------------------------------------

TEST_CASE("a rubric row judging something the submission does not ask for is refused, naming it")
{
    json pack = shipped_json();
    pack["rubric"][0]["judges"].push_back("evidence-video");
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"Rubric row 1 judges “evidence-video”", "no question or evidence item"}));
}

TEST_CASE("a question or evidence item no rubric row judges is refused, since nobody would score it")
{
    json pack = shipped_json();
    for (json& row : pack["rubric"])
        if (row["id"] == "criterion-space")
            row["judges"] = {"evidence-plan"};
    const CredentialPackLoad load = refused(pack);
    CHECK(reports(load, {"Evidence item 3 (“evidence-space”) is judged by no rubric row"}));
}

TEST_CASE("a pack without a rubric is refused")
{
    json pack = shipped_json();
    pack.erase("rubric");
    CHECK(reports(refused(pack), {"The pack has no rubric rows; it needs 1 to 12."}));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Round trip and names
//-------------------------------------------------------------------------------------------------

TEST_CASE("a pack written back to JSON reads the same, and fields Wayfinder does not know are ignored")
{
    json original = shipped_json();
    original["submission"]["evidence"][0]["colour"] = "teal";
    const CredentialPackLoad first = credential_pack_from_json(original);
    REQUIRE(first.ok);
    const json written = credential_pack_to_json(first.pack);
    const CredentialPackLoad second = credential_pack_from_json(written);
    REQUIRE(second.ok);
    CHECK(credential_pack_to_json(second.pack) == written);
    CHECK(written["submission"] == [&] { json s = original["submission"]; s["evidence"][0].erase("colour"); return s; }());
}

TEST_CASE("messages name questions and evidence by part and number, evidence with its title")
{
    const CredentialPack pack = load_credential_pack(shipped_text()).pack;
    CHECK(submission_piece_name(pack, "overview-setting") == "Overview 2");
    CHECK(submission_piece_name(pack, "evidence-student-work") == "Evidence 2, student work");
    CHECK(submission_piece_name(pack, "reflection-learning") == "Reflection 1");
}
