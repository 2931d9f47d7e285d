#pragma once
// The one stable sort of the app. std::stable_sort is a template of merges, rotations and insertion
// sorts made again for each element type and comparison: its ten uses were 24 KB of the wasm's code
// (6.1 KB gzip). Here one merge sort of indices is compiled once; each caller adds only the few lines
// that compare two of its items and move them into place.

#include <cstddef>
#include <utility>
#include <vector>

namespace wf {

// The indices 0..count-1 in the order `before(context, a, b)` gives (a strict weak ordering: true
// when item a goes before item b); items that compare equal keep their first order.
std::vector<size_t> stable_order(size_t count, bool (*before)(const void* context, size_t a, size_t b), const void* context);

template <typename Before>
std::vector<size_t> stable_order(size_t count, const Before& before)
{
    return stable_order(count, [](const void* context, size_t a, size_t b) { return (*static_cast<const Before*>(context))(a, b); }, &before);
}

// As std::stable_sort(items.begin(), items.end(), before); each item is moved once.
template <typename T, typename Before>
void stable_sort_by(std::vector<T>& items, const Before& before)
{
    const std::vector<size_t> order = stable_order(items.size(), [&](size_t a, size_t b) { return before(items[a], items[b]); });
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (const size_t i : order)
        sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

}  // namespace wf
