#include "core/template_merge.hpp"

#include <doctest/doctest.h>

using namespace wf;

using Fields = std::map<std::string, std::string>;
using Names = std::vector<std::string>;

TEST_CASE("every placeholder with a value is filled, however often it appears")
{
    const MergeResult result =
        merge_template("Dear {{leader}}, about {{school}}. Thanks, {{leader}}!", {{"leader", "Ms. Rivera"}, {"school", "Lincoln"}});
    CHECK(result.text == "Dear Ms. Rivera, about Lincoln. Thanks, Ms. Rivera!");
    CHECK(result.complete());
    CHECK(result.missing.empty());
    CHECK(result.unknown.empty());
}

TEST_CASE("a field given an empty or blank value stays as its placeholder and is reported once")
{
    const MergeResult result = merge_template("{{school}} and {{leader}} at {{school}}",
                                              {{"school", ""}, {"leader", "  \n"}});
    CHECK(result.text == "{{school}} and {{leader}} at {{school}}");
    CHECK(result.missing == Names{"school", "leader"});
    CHECK(result.unknown.empty());
    CHECK_FALSE(result.complete());
}

TEST_CASE("a placeholder that is not a field is left as written and reported as unknown")
{
    const MergeResult result = merge_template("Hi {{leader}}, see {{room}} and {{ room }}.", {{"leader", "Sam"}});
    CHECK(result.text == "Hi Sam, see {{room}} and {{ room }}.");
    CHECK(result.unknown == Names{"room"});
    CHECK(result.missing.empty());
}

TEST_CASE("spaces inside the braces are allowed around a field name")
{
    CHECK(merge_template("Dear {{ leader }},", {{"leader", "Sam"}}).text == "Dear Sam,");
}

TEST_CASE("a value holding a placeholder stays literal: merging never expands twice")
{
    const MergeResult result =
        merge_template("{{leader}} at {{school}}", {{"leader", "{{school}}"}, {"school", "{{leader}}"}});
    CHECK(result.text == "{{school}} at {{leader}}");
    CHECK(result.complete());
}

TEST_CASE("braces that do not form a placeholder are ordinary text")
{
    const Fields fields{{"school", "Lincoln"}};
    CHECK(merge_template("{{}} {{two words}} {{a\nb}} {single} {{unclosed", fields).text ==
          "{{}} {{two words}} {{a\nb}} {single} {{unclosed");
    CHECK(merge_template("{{{school}}}", fields).text == "{Lincoln}");
    CHECK(merge_template("}}{{school}}{{", fields).text == "}}Lincoln{{");
    CHECK(merge_template("", fields).text.empty());
}

TEST_CASE("accented text in the template and in values comes through unchanged")
{
    const MergeResult result = merge_template("Estimada {{leader}} — “{{school}}” ñ", {{"leader", "Sra. Núñez"},
                                                                                        {"school", "Escuela Peña"}});
    CHECK(result.text == "Estimada Sra. Núñez — “Escuela Peña” ñ");
}

TEST_CASE("a bulleted list puts each item on its own line and skips blank ones")
{
    CHECK(bulleted_list({"First question?", "  ", "Second question?  "}) == "- First question?\n- Second question?");
    CHECK(bulleted_list({}).empty());
    CHECK(bulleted_list({"", "\n"}).empty());
}

TEST_CASE("a line break inside a bullet continues under its text")
{
    CHECK(bulleted_list({"What do students need?\r\nAnd teachers?", "Next"}) ==
          "- What do students need?\n  And teachers?\n- Next");
    CHECK(bulleted_list({"One\n\nTwo"}) == "- One\n\n  Two");
}

TEST_CASE("a bulleted list merges into a template as the questions field")
{
    const MergeResult result =
        merge_template("Questions:\n{{questions}}\nBye", {{"questions", bulleted_list({"¿Qué?", "Why?"})}});
    CHECK(result.text == "Questions:\n- ¿Qué?\n- Why?\nBye");
}
