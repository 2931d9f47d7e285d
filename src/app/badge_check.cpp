#include "app/badge_check.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "app/workbench.hpp"

namespace wf {

namespace {

constexpr const char* kBase64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string_view trimmed(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

bool ends_with(const std::string& text, std::string_view end) {
    if (text.size() < end.size()) return false;
    return std::equal(end.begin(), end.end(), text.end() - (std::ptrdiff_t)end.size(),
                      [](char lower, char c) { return std::tolower((unsigned char)c) == lower; });
}

// Three parts of base64url, the first a JSON object ("eyJ" is how `{"` begins).
bool shaped_like_jws(std::string_view text) {
    if (text.size() > kMaxBadgeTextBytes || text.compare(0, 3, "eyJ") != 0) return false;
    if (std::count(text.begin(), text.end(), '.') != 2) return false;
    return text.find_first_not_of(std::string(kBase64url) + ".") == std::string_view::npos;
}

bool looks_like_png(const std::vector<uint8_t>& bytes) {
    return bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1a\n", 8) == 0;
}

// The badge text a file carries: the PNG's credential chunk, or the file's own text.
std::string badge_text(const std::vector<uint8_t>& bytes) {
    if (looks_like_png(bytes)) {
        BakedText baked = read_baked_badge(bytes.data(), bytes.size());
        return baked.ok ? std::string(trimmed(baked.text)) : std::string();
    }
    return std::string(trimmed(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())));
}

} // namespace

bool BadgeChecker::is_badge_file(const std::string& name, const std::vector<uint8_t>& bytes) {
    if (looks_like_png(bytes)) {
        // The chunk's type and then its keyword, as they stand in the file: found even when the
        // chunk's checksum no longer matches, so a damaged badge is reported as one.
        static constexpr std::string_view kChunk = "iTXtopenbadgecredential";
        return std::search(bytes.begin(), bytes.end(), kChunk.begin(), kChunk.end()) != bytes.end();
    }
    if (ends_with(name, ".jws")) return true;
    return shaped_like_jws(trimmed(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())));
}

void BadgeChecker::open(const std::string& name, const std::vector<uint8_t>& bytes) {
    const uint64_t generation = ++generation_;
    shown_ = true;
    file_name_ = name;
    result_.reset();
    intact_jws_.clear();
    // First reading: note the question the signature check would be asked, if it gets that far.
    struct Question { std::string key, message, signature; };
    std::optional<Question> question;
    check_badge(bytes.data(), bytes.size(), [&](const Ed25519PublicKey& key, std::string_view input, const Ed25519Signature& signature) {
        question = Question{std::string(key.begin(), key.end()), std::string(input), std::string(signature.begin(), signature.end())};
        return false;
    });
    if (!question) {
        finish(bytes, std::nullopt);
        return;
    }
    auto kept = std::make_shared<const std::vector<uint8_t>>(bytes);
    wb_.verify_signature(question->key, question->message, question->signature, [this, generation, kept](SignatureCheck answer) {
        if (generation == generation_ && shown_) finish(*kept, answer);
    });
    wb_.platform().request_frame();
}

// The second reading, with the platform's answer (none: the badge never got as far as its signature).
void BadgeChecker::finish(const std::vector<uint8_t>& bytes, std::optional<SignatureCheck> answer) {
    Ed25519Verify verify;
    if (!answer || *answer != SignatureCheck::CannotCheck) {
        const bool valid = answer && *answer == SignatureCheck::Valid;
        verify = [valid](const Ed25519PublicKey&, std::string_view, const Ed25519Signature&) { return valid; };
    }
    result_ = check_badge(bytes.data(), bytes.size(), verify);
    if (result_->verdict == BadgeVerdict::Intact) intact_jws_ = badge_text(bytes);
    wb_.platform().request_frame();
}

void BadgeChecker::close() {
    shown_ = false;
    ++generation_;
    result_.reset();
    intact_jws_.clear();
    file_name_.clear();
    wb_.platform().request_frame();
}

} // namespace wf
