#include "core/file_size_text.hpp"

#include <doctest/doctest.h>

TEST_CASE("sizes in messages read like a file manager's")
{
    CHECK(wf::file_size_text(32u << 20) == "32 MB");
    CHECK(wf::file_size_text((40u << 20) + (1u << 19)) == "40.5 MB");
    CHECK(wf::file_size_text((50u << 20) + 12) == "50 MB"); // not "50.0 MB"
    CHECK(wf::file_size_text((50u << 20) - (1u << 14)) == "50 MB");
    CHECK(wf::file_size_text(1000) == "1 KB");
    CHECK(wf::file_size_text(1) == "1 KB"); // never "0", which would read as empty
    CHECK(wf::file_size_text(0) == "0 KB");
    CHECK(wf::file_size_text(uint64_t(5) << 30) == "5 GB");
    CHECK(wf::file_size_text((uint64_t(2) << 30) + (uint64_t(3) << 28)) == "2.8 GB");
    // Browser quotas pass 4 GB; the wasm build's size_t is 32 bits, so sizes are 64-bit here.
    CHECK(wf::file_size_text(uint64_t(120) << 30) == "120 GB");
}
