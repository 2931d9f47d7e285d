#pragma once
// Undo and redo over whole documents.
// A step records each touched document before and after, so undoing is writing `before` back and
// redoing is writing `after`; the history never needs to know what a command meant.

#include <nlohmann/json.hpp>

#include <cstddef>
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
    struct Entry {
        UndoStep step;
        std::string coalesce_key;
        double recorded_at = 0; // seconds, of the latest record merged into this step
    };

    size_t max_steps_;
    std::vector<Entry> entries_; // oldest first
    size_t undone_from_ = 0;     // entries_[undone_from_..] have been undone and can be redone
    bool may_merge_ = false;     // false after undo (and so through redo), so a new edit starts its own step
};

} // namespace wf
