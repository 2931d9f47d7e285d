#include "core/text_memo.hpp"
#include "core/text_stats.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace {
// A reflection of 50 paragraphs of 100 words, then a short last one.
std::string long_reflection()
{
    std::string paragraph;
    for (int i = 0; i < 10; i++)
        paragraph += "Students interviewed family members and wrote short biographies together today. ";
    std::string text;
    for (int p = 0; p < 50; p++)
        text += paragraph + "\n\n";
    return text + "The last paragraph";
}

struct Counter {
    std::vector<std::string> seen;   // the paragraphs counted, in order
    int operator()(std::string_view paragraph)
    {
        seen.emplace_back(paragraph);
        return wf::count_words(paragraph);
    }
};
} // namespace

TEST_CASE("a long reflection is counted once while its text stays the same, frame after frame")
{
    wf::ParagraphSums<int> words;
    const std::string text = long_reflection();
    Counter counter;
    for (int frame = 0; frame < 10; frame++) {
        CHECK(words.sum(7, text, 0, std::ref(counter)) == 5003);
        words.forget_unused();
    }
    // Each different paragraph once: the repeated one, the blank line between paragraphs, the last.
    CHECK(counter.seen.size() == 3);
}

TEST_CASE("typing at the end of a long reflection counts its last paragraph only")
{
    wf::ParagraphSums<int> words;
    std::string text = long_reflection();
    Counter counter;
    words.sum(3, text, 0, std::ref(counter));
    counter.seen.clear();

    text += " grows";
    CHECK(words.sum(3, text, 0, std::ref(counter)) == 5004);
    CHECK(counter.seen == std::vector<std::string>{"The last paragraph grows"});
    counter.seen.clear();

    text += "\nA new one";
    CHECK(words.sum(3, text, 0, std::ref(counter)) == 5007);
    CHECK(counter.seen == std::vector<std::string>{"The last paragraph grows\n", "A new one"});
}

TEST_CASE("what the values depend on besides the text changing works them all out again")
{
    wf::ParagraphSums<float, std::pair<float, float>> heights;
    int measured = 0;
    const auto lines_at = [&](float width) {
        return [&measured, width](std::string_view paragraph) { measured++; return float(paragraph.size()) / width; };
    };
    CHECK(heights.sum(1, "abcd\nef", {2.0f, 16.0f}, lines_at(2.0f)) == 3.5f);
    CHECK(heights.sum(1, "abcd\nef", {2.0f, 16.0f}, lines_at(2.0f)) == 3.5f);
    CHECK(measured == 2);
    CHECK(heights.sum(1, "abcd\nef", {4.0f, 16.0f}, lines_at(4.0f)) == 1.75f);   // the window was resized
    CHECK(measured == 4);
    CHECK(heights.sum(2, "abcd\nef", {4.0f, 16.0f}, lines_at(4.0f)) == 1.75f);   // another field
    CHECK(measured == 6);
    CHECK(heights.sum(2, "abce\nef", {4.0f, 16.0f}, lines_at(4.0f)) == 1.75f);   // one letter changed
    CHECK(measured == 7);
}

TEST_CASE("a text's paragraphs are its runs up to and with each line break; no empty one after the last break")
{
    wf::ParagraphSums<int> paragraphs;
    std::vector<std::string> seen;
    const auto each = [&](std::string_view paragraph) { seen.emplace_back(paragraph); return 1; };
    const auto split = [&](const char* text) {
        seen.clear();
        paragraphs.sum(99, text, 0, each);
        paragraphs.forget_unused();
        paragraphs.forget_unused();   // forgotten: the next text is worked out from scratch
        return seen;
    };
    CHECK(split("") == std::vector<std::string>{""});
    CHECK(split("one") == std::vector<std::string>{"one"});
    CHECK(split("one\ntwo") == std::vector<std::string>{"one\n", "two"});
    CHECK(split("one\n") == std::vector<std::string>{"one\n"});
    CHECK(split("\n\nend") == std::vector<std::string>{"\n", "end"});   // the second "\n" is the first again
}

TEST_CASE("a word count summed over paragraphs is the text's word count, whatever the line breaks")
{
    wf::ParagraphSums<int> words;
    const auto count = [](std::string_view paragraph) { return wf::count_words(paragraph); };
    for (const char* text : {"", "\n", "one", "one\ntwo", "one\n\n\ntwo three\n", "well-\nbeing", "a\r\nb", "\n\nend"}) {
        CAPTURE(text);
        CHECK(words.sum(9, text, 0, count) == wf::count_words(text));
    }
}

TEST_CASE("fields that leave the screen are forgotten, those still shown are kept")
{
    wf::ParagraphSums<int> words;
    const auto count = [](std::string_view t) { return wf::count_words(t); };
    words.sum(1, "one", 0, count);
    words.sum(2, "two words", 0, count);
    words.forget_unused();
    CHECK(words.size() == 2);
    words.sum(2, "two words", 0, count);
    words.forget_unused();
    CHECK(words.size() == 1);
}
