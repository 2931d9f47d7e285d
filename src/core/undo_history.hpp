#pragma once
// Undo and redo over whole documents.
// A step records each touched document before and after, so undoing is writing `before` back and
// redoing is writing `after`; the history never needs to know what a command meant.
// Inside, a step keeps only what changed (the fields that differ, both ways), and the history keeps
// one whole copy per document: the document as its newest applied step left it. Every `before` and
// `after` handed back is rebuilt from that copy exactly, so 1,000 ticks of a large journey cost
// 1,000 small field changes, not 2,000 copies of the journey.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wf {

struct DocumentChange {
    std::string key;                      // storage key of the document
    std::optional<nlohmann::json> before; // nullopt: there was no document under key
    std::optional<nlohmann::json> after;  // nullopt: the step removed the document
};

struct UndoStep {
    std::string label; // shown as "Undo <label>", e.g. "edit profile"
    std::vector<DocumentChange> changes;
};

// What differs between two versions of a document: each entry is a path of object keys and the
// value there before and after (nullopt: absent). Objects are compared member by member; any other
// value (an array, a string) that differs is kept whole. An empty path is the whole document.
struct FieldEdit {
    std::vector<std::string> path;
    std::optional<nlohmann::json> before, after;
};
using DocumentDelta = std::vector<FieldEdit>;
DocumentDelta document_delta(const std::optional<nlohmann::json>& from, const std::optional<nlohmann::json>& to);
// `doc` with the delta applied forward (from -> to) or backward (to -> from).
std::optional<nlohmann::json> apply_delta(std::optional<nlohmann::json> doc, const DocumentDelta& delta, bool forward);

class UndoHistory {
public:
    explicit UndoHistory(size_t max_steps = 200); // older steps are forgotten beyond this

    // Records a step and clears redo. When `coalesce_key` is non-empty, equals the previous step's,
    // and that step was recorded (or last merged into) at most 1 s ago, the step merges into it:
    // typing a paragraph is one undo, not one per keystroke. A merged change keeps its earliest
    // `before` and newest `after`. Nothing merges across an undo or redo.
    // A step without changes is ignored.
    void record(UndoStep step, double now_seconds, const std::string& coalesce_key = "");

    std::optional<UndoStep> undo(); // the step to revert: apply each change's `before`
    std::optional<UndoStep> redo(); // the step to re-apply: apply each change's `after`

    // Forgets every step that touches `key`: another tab changed that document, so undoing an old
    // step would silently bring back a version the other tab replaced.
    void forget(const std::string& key);

    bool can_undo() const;
    bool can_redo() const;
    std::string undo_label() const; // "" when there is nothing to undo
    std::string redo_label() const; // "" when there is nothing to redo

private:
    // One document's part of a step. `gap` is what changed the document between the previous step
    // touching it and this one's `before` (a change saved without undo, such as where to resume), so
    // each `before` comes back exactly as it was recorded.
    struct StoredChange {
        std::string key;
        DocumentDelta gap, delta;
    };
    struct Entry {
        std::string label;
        std::vector<StoredChange> changes;
        std::string coalesce_key;
        double recorded_at = 0; // seconds, of the latest record merged into this step
    };

    StoredChange store(const DocumentChange& change); // and moves the key's copy to change.after
    std::vector<UndoStep> materialize() const;        // every entry with whole documents, oldest first
    void rebuild(std::vector<UndoStep> steps, size_t undone_from);
    void drop_unused_copies();

    size_t max_steps_;
    std::vector<Entry> entries_; // oldest first
    size_t undone_from_ = 0;     // entries_[undone_from_..] have been undone and can be redone
    bool may_merge_ = false;     // false after undo (and so through redo), so a new edit starts its own step
    // Each touched document as the newest applied step left it (nullopt: it was removed).
    std::map<std::string, std::optional<nlohmann::json>> current_;
};

} // namespace wf
