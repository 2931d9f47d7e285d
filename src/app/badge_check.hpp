// A badge dropped into Wayfinder (or opened with Import): checked, and the outcome kept for the
// dialog that shows it (src/ui/badge_check_view.cpp): who issued it, to whom, for what, when, and
// whether it is intact.
//
// The core's check_badge is synchronous and takes the signature check as a function; the browser's
// check (Web Crypto) answers later. So a badge is read twice: first with a check that only notes what
// it was asked, then, once the platform has answered that question, with the answer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/open_badge.hpp"
#include "platform/platform.hpp"

namespace wf {

class Workbench;

class BadgeChecker {
public:
    explicit BadgeChecker(Workbench& wb) : wb_(wb) {}

    // Whether a dropped file is for the badge check: a PNG with an Open Badges credential chunk
    // (sound or not: a damaged badge is still reported as a badge), a .jws file, or text that has the
    // shape of a compact JWS. Everything else takes the app's other routes.
    static bool is_badge_file(const std::string& name, const std::vector<uint8_t>& bytes);

    // Checks the file and shows the outcome; a badge opened while another is being checked replaces it.
    void open(const std::string& name, const std::vector<uint8_t>& bytes);
    void close();

    bool shown() const { return shown_; }
    bool checking() const { return shown_ && !result_; }   // waiting for the browser's signature check
    const std::string& file_name() const { return file_name_; }
    // The outcome, once known (nullptr while checking or when nothing is shown).
    const BadgeCheck* result() const { return result_ ? &*result_ : nullptr; }
    // The signed badge itself (the compact JWS) when it is intact, so it can be saved as a picture; "" otherwise.
    const std::string& intact_jws() const { return intact_jws_; }

private:
    void finish(const std::vector<uint8_t>& bytes, std::optional<SignatureCheck> answer);

    Workbench& wb_;
    bool shown_ = false;
    uint64_t generation_ = 0;   // which open() a late answer belongs to
    std::string file_name_;
    std::optional<BadgeCheck> result_;
    std::string intact_jws_;
};

} // namespace wf
