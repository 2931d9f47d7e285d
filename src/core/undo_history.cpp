#include "core/undo_history.hpp"

#include <algorithm>

namespace wf {

namespace {

constexpr double kCoalesceSeconds = 1.0;

using nlohmann::json;

void delta_into(DocumentDelta& delta, std::vector<PathStep>& path, const json* from, const json* to);

// Two arrays: the elements both start and end with are left out; what lies between is compared
// element by element when the lengths match (a note moved among thousands keeps only its numbers),
// and is one splice when they do not (a note added or removed keeps only that note).
void array_delta_into(DocumentDelta& delta, std::vector<PathStep>& path, const json& from, const json& to)
{
    size_t head = 0;
    while (head < from.size() && head < to.size() && from[head] == to[head])
        head++;
    size_t tail = 0;
    while (tail < from.size() - head && tail < to.size() - head && from[from.size() - 1 - tail] == to[to.size() - 1 - tail])
        tail++;
    if (from.size() == to.size()) {
        for (size_t i = head; i < from.size() - tail; i++) {
            path.push_back({"", i, true});
            delta_into(delta, path, &from[i], &to[i]);
            path.pop_back();
        }
        return;
    }
    const auto run = [](const json& array, size_t first, size_t end) {
        return json(array.begin() + std::ptrdiff_t(first), array.begin() + std::ptrdiff_t(end));
    };
    path.push_back({"", head, true});
    delta.push_back({path, run(from, head, from.size() - tail), run(to, head, to.size() - tail), true});
    path.pop_back();
}

void delta_into(DocumentDelta& delta, std::vector<PathStep>& path, const json* from, const json* to)
{
    if (from && to && from->is_object() && to->is_object()) {
        for (auto it = from->begin(); it != from->end(); ++it) {
            const auto there = to->find(it.key());
            path.push_back({it.key()});
            delta_into(delta, path, &it.value(), there == to->end() ? nullptr : &there.value());
            path.pop_back();
        }
        for (auto it = to->begin(); it != to->end(); ++it) {
            if (from->contains(it.key()))
                continue;
            path.push_back({it.key()});
            delta.push_back({path, std::nullopt, it.value()});
            path.pop_back();
        }
        return;
    }
    if (from && to && from->is_array() && to->is_array()) {
        array_delta_into(delta, path, *from, *to);
        return;
    }
    if (!from && !to)
        return;
    if (from && to && *from == *to)
        return;
    delta.push_back({path, from ? std::optional<json>(*from) : std::nullopt, to ? std::optional<json>(*to) : std::nullopt});
}

// The node a step leads to from `node`, made when a member is missing; nullptr when `node` has no
// such element (a path into an array never makes one up).
json* step_into(json& node, const PathStep& step)
{
    if (!step.in_array) {
        if (!node.is_object())
            node = json::object();
        return &node[step.key];
    }
    return node.is_array() && step.index < node.size() ? &node[step.index] : nullptr;
}

void apply_edit(json& doc, const FieldEdit& edit, bool forward)
{
    const std::optional<json>& value = forward ? edit.after : edit.before;
    json* node = &doc;
    for (size_t i = 0; i + 1 < edit.path.size() && node; i++)
        node = step_into(*node, edit.path[i]);
    if (!node)
        return;
    const PathStep& last = edit.path.back();
    if (edit.splice) {
        const std::optional<json>& removed = forward ? edit.before : edit.after;
        const size_t at = last.index;
        const size_t count = removed ? removed->size() : 0;
        if (!last.in_array || !node->is_array() || at + count > node->size())
            return;
        node->erase(node->begin() + std::ptrdiff_t(at), node->begin() + std::ptrdiff_t(at + count));
        if (value)
            node->insert(node->begin() + std::ptrdiff_t(at), value->begin(), value->end());
        return;
    }
    if (!last.in_array) {
        if (!node->is_object())
            *node = json::object();
        if (value)
            (*node)[last.key] = *value;
        else
            node->erase(last.key);
        return;
    }
    if (json* element = step_into(*node, last); element && value)
        *element = *value;
}

} // namespace

DocumentDelta document_delta(const std::optional<json>& from, const std::optional<json>& to)
{
    DocumentDelta delta;
    std::vector<PathStep> path;
    delta_into(delta, path, from ? &*from : nullptr, to ? &*to : nullptr);
    return delta;
}

void apply_delta_in_place(std::optional<json>& doc, const DocumentDelta& delta, bool forward)
{
    for (const FieldEdit& edit : delta) {
        if (edit.path.empty()) {
            doc = forward ? edit.after : edit.before;
            continue;
        }
        // The path exists in the version the delta was taken from; the checks in apply_edit only keep
        // a document that somehow is not that version from being indexed as what it is not.
        if (!doc)
            doc = json::object();
        apply_edit(*doc, edit, forward);
    }
}

std::optional<json> apply_delta(std::optional<json> doc, const DocumentDelta& delta, bool forward)
{
    apply_delta_in_place(doc, delta, forward);
    return doc;
}

UndoHistory::UndoHistory(size_t max_steps) : max_steps_(std::max<size_t>(max_steps, 1)) {}

// The key's copy is brought to `after` by the step's own delta, in place: recording an edit of a
// large document never copies it (only the first step that touches a key makes its copy).
UndoHistory::StoredChange UndoHistory::store(const ChangeRef& change)
{
    StoredChange stored{change.key, {}, {}};
    std::vector<PathStep> path;
    const auto take_delta = [&] {
        if (change.delta)
            stored.delta = std::move(*change.delta);
        else
            delta_into(stored.delta, path, change.before, change.after);
    };
    const auto copy = current_.find(change.key);
    if (copy == current_.end()) {
        take_delta();
        current_.emplace(change.key, change.after ? std::optional<json>(*change.after) : std::nullopt);
        return stored;
    }
    delta_into(stored.gap, path, copy->second ? &*copy->second : nullptr, change.before);
    apply_delta_in_place(copy->second, stored.gap, true);
    take_delta();
    apply_delta_in_place(copy->second, stored.delta, true);
    return stored;
}

void UndoHistory::record(const UndoStep& step, double now_seconds, const std::string& coalesce_key)
{
    std::vector<ChangeRef> changes;
    for (const DocumentChange& change : step.changes)
        changes.push_back({change.key, change.before ? &*change.before : nullptr, change.after ? &*change.after : nullptr});
    record_refs(step.label, changes, now_seconds, coalesce_key);
}

bool UndoHistory::record_change(const std::string& label, const std::string& key, const json* before, const json* after,
                                double now_seconds, const std::string& coalesce_key)
{
    DocumentDelta delta;
    std::vector<PathStep> path;
    delta_into(delta, path, before, after);
    if (delta.empty())
        return false;
    record_refs(label, {{key, before, after, &delta}}, now_seconds, coalesce_key);
    return true;
}

void UndoHistory::record_refs(const std::string& label, const std::vector<ChangeRef>& changes, double now_seconds,
                              const std::string& coalesce_key)
{
    if (changes.empty())
        return;
    const bool discarded = entries_.size() > undone_from_;
    entries_.resize(undone_from_);
    if (discarded)
        drop_unused_copies();
    if (may_merge_ && !coalesce_key.empty() && !entries_.empty()) {
        Entry& previous = entries_.back();
        if (previous.coalesce_key == coalesce_key && now_seconds - previous.recorded_at <= kCoalesceSeconds) {
            // A merged change keeps its earliest `before` and takes the newest `after`: the copy goes
            // back to that `before`, and the merged delta takes it to the newest `after`.
            for (const ChangeRef& change : changes) {
                auto same_key = [&](const StoredChange& c) { return c.key == change.key; };
                auto existing = std::find_if(previous.changes.begin(), previous.changes.end(), same_key);
                if (existing == previous.changes.end()) {
                    previous.changes.push_back(store(change));
                    continue;
                }
                std::optional<json>& copy = current_[change.key];
                apply_delta_in_place(copy, existing->delta, false);
                existing->delta.clear();
                std::vector<PathStep> path;
                delta_into(existing->delta, path, copy ? &*copy : nullptr, change.after);
                apply_delta_in_place(copy, existing->delta, true);
            }
            previous.recorded_at = now_seconds;
            return;
        }
    }
    Entry entry{label, {}, coalesce_key, now_seconds};
    for (const ChangeRef& change : changes)
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
            entry.changes.push_back(store({change.key, change.before ? &*change.before : nullptr, change.after ? &*change.after : nullptr}));
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
