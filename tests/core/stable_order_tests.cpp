#include "core/stable_order.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace wf;

TEST_CASE("items that compare equal keep the order they came in, whatever their number")
{
    // Keys with many ties, in counts across the merge widths (odd, powers of two and one past).
    for (const size_t count : {0u, 1u, 2u, 3u, 7u, 8u, 9u, 31u, 64u, 65u, 200u}) {
        std::vector<std::pair<int, size_t>> items;
        for (size_t i = 0; i < count; i++)
            items.push_back({int((i * 7919) % 5), i});
        std::vector<std::pair<int, size_t>> expected = items;
        std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        stable_sort_by(items, [](const auto& a, const auto& b) { return a.first < b.first; });
        CHECK(items == expected);
    }
}

TEST_CASE("the order of indices puts the nearest first, and a tie in first-seen order")
{
    const std::vector<double> distances{3.5, 1.0, 2.0, 1.0, 0.5};
    const std::vector<size_t> order = stable_order(distances.size(), [&](size_t a, size_t b) { return distances[a] < distances[b]; });
    CHECK(order == std::vector<size_t>{4, 1, 3, 2, 0});
}

TEST_CASE("words sorted by length keep their first order among words of one length")
{
    std::vector<std::string> words{"pear", "fig", "apple", "kiwi", "date"};
    stable_sort_by(words, [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    CHECK(words == std::vector<std::string>{"fig", "pear", "kiwi", "date", "apple"});
}
