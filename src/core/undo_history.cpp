#include "core/undo_history.hpp"

#include <algorithm>

namespace wf {

namespace {

constexpr double kCoalesceSeconds = 1.0;

void merge_into(UndoStep& earlier, UndoStep&& later)
{
    for (DocumentChange& change : later.changes) {
        auto same_key = [&](const DocumentChange& c) { return c.key == change.key; };
        auto existing = std::find_if(earlier.changes.begin(), earlier.changes.end(), same_key);
        if (existing == earlier.changes.end())
            earlier.changes.push_back(std::move(change));
        else
            existing->after = std::move(change.after);
    }
}

} // namespace

UndoHistory::UndoHistory(size_t max_steps) : max_steps_(std::max<size_t>(max_steps, 1)) {}

void UndoHistory::record(UndoStep step, double now_seconds, const std::string& coalesce_key)
{
    if (step.changes.empty())
        return;
    entries_.resize(undone_from_);
    if (may_merge_ && !coalesce_key.empty() && !entries_.empty()) {
        Entry& previous = entries_.back();
        if (previous.coalesce_key == coalesce_key && now_seconds - previous.recorded_at <= kCoalesceSeconds) {
            merge_into(previous.step, std::move(step));
            previous.recorded_at = now_seconds;
            return;
        }
    }
    entries_.push_back({std::move(step), coalesce_key, now_seconds});
    if (entries_.size() > max_steps_)
        entries_.erase(entries_.begin());
    undone_from_ = entries_.size();
    may_merge_ = true;
}

std::optional<UndoStep> UndoHistory::undo()
{
    if (!can_undo())
        return std::nullopt;
    may_merge_ = false;
    return entries_[--undone_from_].step;
}

std::optional<UndoStep> UndoHistory::redo()
{
    if (!can_redo())
        return std::nullopt;
    return entries_[undone_from_++].step;
}

void UndoHistory::forget(const std::string& key)
{
    size_t kept = 0, kept_before_undone = 0;
    for (size_t i = 0; i < entries_.size(); i++) {
        const std::vector<DocumentChange>& changes = entries_[i].step.changes;
        const bool touches = std::any_of(changes.begin(), changes.end(), [&](const DocumentChange& c) { return c.key == key; });
        if (touches)
            continue;
        if (i < undone_from_)
            kept_before_undone++;
        entries_[kept++] = std::move(entries_[i]);
    }
    entries_.resize(kept);
    undone_from_ = kept_before_undone;
    may_merge_ = false;
}

bool UndoHistory::can_undo() const { return undone_from_ > 0; }
bool UndoHistory::can_redo() const { return undone_from_ < entries_.size(); }
std::string UndoHistory::undo_label() const { return can_undo() ? entries_[undone_from_ - 1].step.label : ""; }
std::string UndoHistory::redo_label() const { return can_redo() ? entries_[undone_from_].step.label : ""; }

} // namespace wf
