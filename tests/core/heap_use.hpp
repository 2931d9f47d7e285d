// How much the tests' own process allocates, so a test can say "refused within the memory budget"
// and mean it. heap_use.cpp replaces the global operator new and delete of the test program to keep
// the count (the core allocates through them; stb's few small buffers use malloc and are not counted).
#pragma once
#include <cstddef>

namespace wf::test {

// The most bytes held at once, above what was held when it was made, while it lives.
class HeapPeak {
public:
    HeapPeak();
    size_t bytes() const;

private:
    size_t base_;
};

// The bytes held now above what was held when it was made: what something built since then keeps.
class HeapHeld {
public:
    HeapHeld();
    size_t bytes() const;

private:
    size_t base_;
};

} // namespace wf::test
