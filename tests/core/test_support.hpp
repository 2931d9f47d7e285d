// Small helpers shared by the core tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace wf::test {

// The bytes of a file under tests/fixtures/ (WF_FIXTURES_DIR is set by CMake).
inline std::string read_fixture(const char* name) {
    std::ifstream file(std::string(WF_FIXTURES_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(file.good(), "missing fixture ", name);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace wf::test
