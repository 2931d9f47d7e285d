#include <doctest/doctest.h>

#include "core/text_stats.hpp"

using wf::count_words;

TEST_CASE("an empty reflection has no words, however much white space it holds") {
    CHECK(count_words("") == 0);
    CHECK(count_words("   \n\t  ") == 0);
}

TEST_CASE("words are counted the way a librarian would count them") {
    CHECK(count_words("We met the principal today.") == 5);
    CHECK(count_words("well-being and don’t count as one word each") == 8);
    CHECK(count_words("yes — no") == 2);           // a spaced em dash is not a word
    CHECK(count_words("first,second;third") == 3);  // punctuation separates
    CHECK(count_words("line one\nline two") == 4);
}

TEST_CASE("accented Latin words are single words") {
    CHECK(count_words("Ana Pérez enseña en Málaga") == 5);
    CHECK(count_words("Straße façade naïve Łódź") == 4);
}

TEST_CASE("broken UTF-8 never crashes the count and separates words") {
    const char broken[] = {'a', 'b', (char)0xC3, ' ', 'c', (char)0xE2, (char)0x80, 0};
    CHECK(count_words(broken) == 2);
}
