// SHA-256 (FIPS 180-4): the fingerprint of a micro-credential submission, which the review names and
// the badge lists as evidence, so a changed submission is told from the one reviewed.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace wf {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest; the hasher is spent afterwards (update or finish again give meaningless results).
    std::array<uint8_t, 32> finish();

private:
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> block_{};
    size_t block_used_ = 0;
    uint64_t total_bytes_ = 0;
};

std::array<uint8_t, 32> sha256(std::string_view bytes);
// The digest as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view bytes);

} // namespace wf
