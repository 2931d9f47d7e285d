// The pack copy a journey or an assessment document carries (written once, when it was started),
// as read and validated from it. Edits never change the copy, so a tool's cache keeps what it read
// and reads again only when a new revision carries a different copy (an import, an undo of one).
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json_fields.hpp"

namespace wf {

template <typename Load>
class PackCopy {
public:
    // The copy under `field` of `doc`, read by `read(doc)` only when it is not the one read last.
    // `reads` counts the reads, for tests.
    template <typename Read>
    const Load& of(const nlohmann::json& doc, const char* field, Read read, size_t& reads) {
        const nlohmann::json* copy = json_field(doc, field);
        if (!read_ || !copy || *copy != source_) {
            reads++;
            load_ = read(doc);
            source_ = copy ? *copy : nlohmann::json();
            read_ = true;
        }
        return load_;
    }

private:
    bool read_ = false;
    nlohmann::json source_;
    Load load_;
};

} // namespace wf
