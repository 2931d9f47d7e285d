#include "core/undo_history.hpp"

#include <algorithm>

namespace wf {

namespace {

constexpr double kCoalesceSeconds = 1.0;

using nlohmann::json;

void delta_into(DocumentDelta& delta, std::vector<std::string>& path, const json* from, const json* to)
{
    if (from && to && from->is_object() && to->is_object()) {
        for (auto it = from->begin(); it != from->end(); ++it) {
            const auto there = to->find(it.key());
            path.push_back(it.key());
            delta_into(delta, path, &it.value(), there == to->end() ? nullptr : &there.value());
            path.pop_back();
        }
        for (auto it = to->begin(); it != to->end(); ++it) {
            if (from->contains(it.key()))
                continue;
            path.push_back(it.key());
            delta.push_back({path, std::nullopt, it.value()});
            path.pop_back();
        }
        return;
    }
    if (!from && !to)
        return;
    if (from && to && *from == *to)
        return;
    delta.push_back({path, from ? std::optional<json>(*from) : std::nullopt, to ? std::optional<json>(*to) : std::nullopt});
}

} // namespace

DocumentDelta document_delta(const std::optional<json>& from, const std::optional<json>& to)
{
    DocumentDelta delta;
    std::vector<std::string> path;
    delta_into(delta, path, from ? &*from : nullptr, to ? &*to : nullptr);
    return delta;
}

std::optional<json> apply_delta(std::optional<json> doc, const DocumentDelta& delta, bool forward)
{
    for (const FieldEdit& edit : delta) {
        const std::optional<json>& value = forward ? edit.after : edit.before;
        if (edit.path.empty()) {
            doc = value;
            continue;
        }
        // The path exists in the version the delta was taken from; the checks only keep a document
        // that somehow is not that version from being indexed as what it is not.
        if (!doc || !doc->is_object())
            doc = json::object();
        json* node = &*doc;
        for (size_t i = 0; i + 1 < edit.path.size(); i++) {
            json& next = (*node)[edit.path[i]];
            if (!next.is_object())
                next = json::object();
            node = &next;
        }
        if (value)
            (*node)[edit.path.back()] = *value;
        else
            node->erase(edit.path.back());
    }
    return doc;
}

UndoHistory::UndoHistory(size_t max_steps) : max_steps_(std::max<size_t>(max_steps, 1)) {}

UndoHistory::StoredChange UndoHistory::store(const DocumentChange& change)
{
    StoredChange stored{change.key, {}, document_delta(change.before, change.after)};
    const auto copy = current_.find(change.key);
    if (copy != current_.end() && copy->second != change.before)
        stored.gap = document_delta(copy->second, change.before);
    current_[change.key] = change.after;
    return stored;
}

void UndoHistory::record(UndoStep step, double now_seconds, const std::string& coalesce_key)
{
    if (step.changes.empty())
        return;
    const bool discarded = entries_.size() > undone_from_;
    entries_.resize(undone_from_);
    if (discarded)
        drop_unused_copies();
    if (may_merge_ && !coalesce_key.empty() && !entries_.empty()) {
        Entry& previous = entries_.back();
        if (previous.coalesce_key == coalesce_key && now_seconds - previous.recorded_at <= kCoalesceSeconds) {
            // A merged change keeps its earliest `before` and takes the newest `after`.
            for (const DocumentChange& change : step.changes) {
                auto same_key = [&](const StoredChange& c) { return c.key == change.key; };
                auto existing = std::find_if(previous.changes.begin(), previous.changes.end(), same_key);
                if (existing == previous.changes.end()) {
                    previous.changes.push_back(store(change));
                    continue;
                }
                std::optional<json>& copy = current_[change.key];
                existing->delta = document_delta(apply_delta(copy, existing->delta, false), change.after);
                copy = change.after;
            }
            previous.recorded_at = now_seconds;
            return;
        }
    }
    Entry entry{std::move(step.label), {}, coalesce_key, now_seconds};
    for (const DocumentChange& change : step.changes)
        entry.changes.push_back(store(change));
    entries_.push_back(std::move(entry));
    if (entries_.size() > max_steps_) {
        entries_.erase(entries_.begin());
        drop_unused_copies();
    }
    undone_from_ = entries_.size();
    may_merge_ = true;
}

std::optional<UndoStep> UndoHistory::undo()
{
    if (!can_undo())
        return std::nullopt;
    may_merge_ = false;
    const Entry& entry = entries_[--undone_from_];
    UndoStep step{entry.label, {}};
    for (const StoredChange& change : entry.changes) {
        std::optional<json>& copy = current_[change.key];
        std::optional<json> before = apply_delta(copy, change.delta, false);
        std::optional<json> after = std::move(copy);
        copy = apply_delta(before, change.gap, false);
        step.changes.push_back({change.key, std::move(before), std::move(after)});
    }
    return step;
}

std::optional<UndoStep> UndoHistory::redo()
{
    if (!can_redo())
        return std::nullopt;
    const Entry& entry = entries_[undone_from_++];
    UndoStep step{entry.label, {}};
    for (const StoredChange& change : entry.changes) {
        std::optional<json>& copy = current_[change.key];
        std::optional<json> before = apply_delta(copy, change.gap, true);
        copy = apply_delta(before, change.delta, true);
        step.changes.push_back({change.key, std::move(before), copy});
    }
    return step;
}

std::vector<UndoStep> UndoHistory::materialize() const
{
    std::vector<UndoStep> steps(entries_.size());
    std::map<std::string, std::optional<json>> copies = current_;
    for (size_t i = undone_from_; i-- > 0;) {
        steps[i].label = entries_[i].label;
        for (const StoredChange& change : entries_[i].changes) {
            std::optional<json>& copy = copies[change.key];
            std::optional<json> before = apply_delta(copy, change.delta, false);
            steps[i].changes.push_back({change.key, before, std::move(copy)});
            copy = apply_delta(std::move(before), change.gap, false);
        }
    }
    copies = current_;
    for (size_t i = undone_from_; i < entries_.size(); i++) {
        steps[i].label = entries_[i].label;
        for (const StoredChange& change : entries_[i].changes) {
            std::optional<json>& copy = copies[change.key];
            std::optional<json> before = apply_delta(copy, change.gap, true);
            copy = apply_delta(before, change.delta, true);
            steps[i].changes.push_back({change.key, std::move(before), copy});
        }
    }
    return steps;
}

void UndoHistory::rebuild(std::vector<UndoStep> steps, size_t undone_from)
{
    entries_.clear();
    current_.clear();
    for (UndoStep& step : steps) {
        Entry entry{std::move(step.label), {}, "", 0};
        for (const DocumentChange& change : step.changes)
            entry.changes.push_back(store(change));
        entries_.push_back(std::move(entry));
    }
    // The copies are now as the newest step left them; walk back over the undone ones.
    for (size_t i = entries_.size(); i-- > undone_from;)
        for (const StoredChange& change : entries_[i].changes) {
            std::optional<json>& copy = current_[change.key];
            copy = apply_delta(apply_delta(std::move(copy), change.delta, false), change.gap, false);
        }
    undone_from_ = undone_from;
}

void UndoHistory::drop_unused_copies()
{
    for (auto it = current_.begin(); it != current_.end();) {
        const bool used = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) {
            return std::any_of(e.changes.begin(), e.changes.end(), [&](const StoredChange& c) { return c.key == it->first; });
        });
        it = used ? std::next(it) : current_.erase(it);
    }
}

void UndoHistory::forget(const std::string& key)
{
    std::vector<UndoStep> steps = materialize();
    std::vector<UndoStep> kept;
    size_t kept_before_undone = 0;
    for (size_t i = 0; i < steps.size(); i++) {
        const std::vector<DocumentChange>& changes = steps[i].changes;
        const bool touches = std::any_of(changes.begin(), changes.end(), [&](const DocumentChange& c) { return c.key == key; });
        if (touches)
            continue;
        if (i < undone_from_)
            kept_before_undone++;
        kept.push_back(std::move(steps[i]));
    }
    rebuild(std::move(kept), kept_before_undone);
    may_merge_ = false;
}

bool UndoHistory::can_undo() const { return undone_from_ > 0; }
bool UndoHistory::can_redo() const { return undone_from_ < entries_.size(); }
std::string UndoHistory::undo_label() const { return can_undo() ? entries_[undone_from_ - 1].label : ""; }
std::string UndoHistory::redo_label() const { return can_redo() ? entries_[undone_from_].label : ""; }

} // namespace wf
