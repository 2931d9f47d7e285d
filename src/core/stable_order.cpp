#include "core/stable_order.hpp"

#include <algorithm>

namespace wf {

std::vector<size_t> stable_order(size_t count, bool (*before)(const void* context, size_t a, size_t b), const void* context)
{
    std::vector<size_t> order(count), merged(count);
    for (size_t i = 0; i < count; i++)
        order[i] = i;
    // Bottom-up: runs of `width` merged in pairs. An item of the right run is taken first only when
    // it goes strictly before the left one, which keeps equal items in their order.
    for (size_t width = 1; width < count; width *= 2) {
        for (size_t low = 0; low < count; low += 2 * width) {
            const size_t middle = std::min(low + width, count), high = std::min(low + 2 * width, count);
            size_t left = low, right = middle, out = low;
            while (left < middle && right < high)
                merged[out++] = before(context, order[right], order[left]) ? order[right++] : order[left++];
            while (left < middle)
                merged[out++] = order[left++];
            while (right < high)
                merged[out++] = order[right++];
        }
        order.swap(merged);
    }
    return order;
}

}  // namespace wf
