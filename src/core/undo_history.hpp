#pragma once
// Undo and redo over whole documents.
// A step records each touched document before and after, so undoing is writing `before` back and
// redoing is writing `after`; the history never needs to know what a command meant.
// Inside, a step keeps only what changed (the fields and list elements that differ, both ways), and
// the history keeps one whole copy per document: the document as its newest applied step left it,
// brought forward in place by each step. Every `before` and `after` handed back is rebuilt from that
// copy exactly, so 1,000 ticks of a large journey, or 1,000 moves of one note among 2,000, cost 1,000
// small changes, not 2,000 copies of the journey.

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

// One step down into a document: a member of an object by its key, or (in_array) an element of an
// array by its index.
struct PathStep {
    std::string key;
    size_t index = 0;
    bool in_array = false;
};

// What differs between two versions of a document: each entry is a path and the value there before
// and after (nullopt: absent). Objects are compared member by member, and arrays element by element
// once the elements both versions share at the start and the end are set aside: arrays of the same
// length descend into each element that differs; an array that grew or shrank keeps only the run in
// between, as a splice. So a move of one note among 2,000 is a few numbers, not two copies of the list.
// Any other value (a string, a number, a change of type) that differs is kept whole. An empty path is
// the whole document.
struct FieldEdit {
    std::vector<PathStep> path;
    std::optional<nlohmann::json> before, after;
    // true: the path ends at an index of an array, and `before` and `after` are the runs of elements
    // that replace each other there (arrays, either may be empty).
    bool splice = false;
};
using DocumentDelta = std::vector<FieldEdit>;
DocumentDelta document_delta(const std::optional<nlohmann::json>& from, const std::optional<nlohmann::json>& to);
// `doc` with the delta applied forward (from -> to) or backward (to -> from).
std::optional<nlohmann::json> apply_delta(std::optional<nlohmann::json> doc, const DocumentDelta& delta, bool forward);
// The same, in place: a large document is changed where it differs, never copied.
void apply_delta_in_place(std::optional<nlohmann::json>& doc, const DocumentDelta& delta, bool forward);

class UndoHistory {
public:
    explicit UndoHistory(size_t max_steps = 200); // older steps are forgotten beyond this

    // Records a step and clears redo. When `coalesce_key` is non-empty, equals the previous step's,
    // and that step was recorded (or last merged into) at most 1 s ago, the step merges into it:
    // typing a paragraph is one undo, not one per keystroke. A merged change keeps its earliest
    // `before` and newest `after`. Nothing merges across an undo or redo.
    // A step without changes is ignored.
    void record(const UndoStep& step, double now_seconds, const std::string& coalesce_key = "");
    // The same for one document, read where it is (nullptr: absent): an edit of a large document
    // is recorded without copying it. False, with nothing recorded, when `before` equals `after`.
    bool record_change(const std::string& label, const std::string& key, const nlohmann::json* before,
                       const nlohmann::json* after, double now_seconds, const std::string& coalesce_key = "");

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

    // One document's change, read where it is (nullptr: absent).
    struct ChangeRef {
        const std::string& key;
        const nlohmann::json* before;
        const nlohmann::json* after;
        DocumentDelta* delta = nullptr; // before -> after, when it is known already (taken)
    };
    void record_refs(const std::string& label, const std::vector<ChangeRef>& changes, double now_seconds,
                     const std::string& coalesce_key);
    StoredChange store(const ChangeRef& change); // and brings the key's copy to change.after, in place
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
