#pragma once
// What a view works out from a field's text that adds up over its paragraphs (its wrapped height,
// its word count), kept per field and per paragraph. A frame is drawn for every keystroke and again
// while the layout settles: when the text is the same as last frame nothing is worked out again, and
// when a keystroke changed one paragraph of a long reflection, only that paragraph is. Comparing the
// text with the remembered copy is a memory compare, far cheaper than measuring or counting it.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace wf {

// A paragraph here is a run of text with the line break that ends it ("one\n"), and the last run
// (which has none). A text that ends with a line break has no empty last paragraph; an empty text is
// one empty paragraph. So a wrapped height is the sum of the paragraphs' heights, each measured
// alone, and a word count the sum of theirs (a line break always ends a word).
// `Key` is what the values depend on besides the text (e.g. a wrap width), compared with ==.
template <typename Value, typename Key = int>
class ParagraphSums {
public:
    // The sum of compute(paragraph) over `text`'s paragraphs, working out only paragraphs not in the
    // field's text last time (or all of them when `key` changed).
    template <typename Compute>
    Value sum(uint32_t field, std::string_view text, const Key& key, Compute&& compute)
    {
        Entry& entry = entries_[field];
        entry.used = true;
        if (entry.filled && entry.key == key && std::string_view(entry.text) == text)
            return entry.total;
        if (!entry.filled || !(entry.key == key))
            entry.by_paragraph.clear();
        std::map<std::string, Value, std::less<>> seen;
        Value total{};
        size_t start = 0;
        do {
            const size_t newline = text.find('\n', start);
            const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
            const std::string_view paragraph = text.substr(start, end - start);
            auto it = seen.find(paragraph);
            if (it == seen.end()) {
                const auto before = entry.by_paragraph.find(paragraph);
                it = seen.emplace(std::string(paragraph), before != entry.by_paragraph.end() ? before->second : compute(paragraph)).first;
            }
            total += it->second;
            start = end;
        } while (start < text.size());
        entry.by_paragraph = std::move(seen);
        entry.text.assign(text.data(), text.size());
        entry.key = key;
        entry.total = total;
        entry.filled = true;
        return total;
    }

    // Forgets the fields not asked about since the last call (they left the screen), so the memo
    // holds what one frame shows.
    void forget_unused()
    {
        for (auto it = entries_.begin(); it != entries_.end();) {
            if (!it->second.used) {
                it = entries_.erase(it);
            } else {
                it->second.used = false;
                ++it;
            }
        }
    }

    size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string text;
        Key key{};
        Value total{};
        std::map<std::string, Value, std::less<>> by_paragraph;   // the last text's paragraphs and their values
        bool filled = false;
        bool used = false;
    };
    std::unordered_map<uint32_t, Entry> entries_;
};

} // namespace wf
