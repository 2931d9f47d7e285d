#include "heap_use.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<size_t> g_in_use{0};
std::atomic<size_t> g_peak{0};

constexpr size_t kHeader = alignof(std::max_align_t); // keeps the block's size, and the alignment new promises

void* allocate(size_t size)
{
    void* block = std::malloc(size + kHeader);
    if (!block)
        throw std::bad_alloc();
    *static_cast<size_t*>(block) = size;
    const size_t now = g_in_use += size;
    size_t peak = g_peak.load();
    while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
    }
    return static_cast<char*>(block) + kHeader;
}

void release(void* pointer) noexcept
{
    if (!pointer)
        return;
    char* block = static_cast<char*>(pointer) - kHeader;
    g_in_use -= *reinterpret_cast<size_t*>(block);
    std::free(block);
}

void* allocate_or_null(size_t size) noexcept
{
    try {
        return allocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}

} // namespace

void* operator new(size_t size) { return allocate(size); }
void* operator new[](size_t size) { return allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return allocate_or_null(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return allocate_or_null(size); }
void operator delete(void* pointer) noexcept { release(pointer); }
void operator delete[](void* pointer) noexcept { release(pointer); }
void operator delete(void* pointer, size_t) noexcept { release(pointer); }
void operator delete[](void* pointer, size_t) noexcept { release(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { release(pointer); }

namespace wf::test {

HeapPeak::HeapPeak() : base_(g_in_use.load()) { g_peak = base_; }

size_t HeapPeak::bytes() const { return g_peak.load() - base_; }

HeapHeld::HeapHeld() : base_(g_in_use.load()) {}

size_t HeapHeld::bytes() const
{
    const size_t now = g_in_use.load();
    return now > base_ ? now - base_ : 0;
}

} // namespace wf::test
