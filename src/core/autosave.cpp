#include "core/autosave.hpp"

#include <algorithm>

namespace wf {

namespace {

constexpr const char* kFailureAdvice = "Your changes are still on screen: export a backup from Data & settings now.";

bool is_pending(uint64_t revision, uint64_t saved_revision, uint64_t in_flight_revision)
{
    return revision > saved_revision && in_flight_revision == 0;
}

} // namespace

Autosave::Autosave(double debounce_seconds, double retry_seconds)
    : debounce_seconds_(debounce_seconds), retry_seconds_(retry_seconds)
{
}

void Autosave::mark_changed(const std::string& key, double now_seconds)
{
    KeyState& state = keys_[key];
    state.revision++;
    state.last_change = now_seconds;
}

double Autosave::due_time(const KeyState& state) const
{
    const double after_debounce = state.last_change + debounce_seconds_;
    // A failed write is retried on a timer, unless the user has changed the document since, in
    // which case that change's debounce decides (the retry can only come sooner, never later).
    if (state.failed && state.revision == state.failed_revision)
        return std::max(after_debounce, state.retry_at);
    return after_debounce;
}

std::vector<std::string> Autosave::take_due(double now_seconds, bool flush)
{
    std::vector<std::string> due;
    for (auto& [key, state] : keys_) {
        if (!is_pending(state.revision, state.saved_revision, state.in_flight_revision))
            continue;
        if (!flush && now_seconds < due_time(state))
            continue;
        state.in_flight_revision = state.revision;
        due.push_back(key);
    }
    return due;
}

uint64_t Autosave::in_flight_revision(const std::string& key) const
{
    auto it = keys_.find(key);
    return it == keys_.end() ? 0 : it->second.in_flight_revision;
}

void Autosave::write_finished(const std::string& key, uint64_t revision, bool ok, const std::string& error_reason,
                              double now_seconds)
{
    auto it = keys_.find(key);
    if (it == keys_.end() || revision == 0 || it->second.in_flight_revision != revision)
        return; // not a write take_due started, or already reported
    KeyState& state = it->second;
    state.in_flight_revision = 0;
    if (ok) {
        state.saved_revision = std::max(state.saved_revision, revision);
        state.failed = false;
        state.failure_reason.clear();
        return;
    }
    state.failed = true;
    state.failed_revision = state.revision;
    state.retry_at = now_seconds + retry_seconds_;
    state.failed_at = now_seconds;
    state.failure_reason = error_reason;
}

void Autosave::write_refused(const std::string& key, uint64_t revision)
{
    auto it = keys_.find(key);
    if (it == keys_.end() || revision == 0 || it->second.in_flight_revision != revision)
        return;
    it->second.in_flight_revision = 0;
}

void Autosave::mark_in_sync(const std::string& key)
{
    auto it = keys_.find(key);
    if (it == keys_.end() || it->second.in_flight_revision != 0)
        return;
    it->second.saved_revision = it->second.revision;
    it->second.failed = false;
    it->second.failure_reason.clear();
}

SaveStatus Autosave::status() const
{
    const KeyState* newest_failure = nullptr;
    bool saving = false, pending = false;
    for (const auto& [key, state] : keys_) {
        if (state.failed && (!newest_failure || state.failed_at >= newest_failure->failed_at))
            newest_failure = &state;
        saving |= state.in_flight_revision != 0;
        pending |= is_pending(state.revision, state.saved_revision, state.in_flight_revision);
    }
    if (newest_failure) {
        const std::string reason =
            newest_failure->failure_reason.empty() ? "the browser did not say why." : newest_failure->failure_reason;
        return {SaveState::Failed, "Not saved: " + reason + " " + kFailureAdvice};
    }
    if (saving)
        return {SaveState::Saving, "Saving…"};
    if (pending)
        return {SaveState::Pending, "Unsaved changes…"};
    return {SaveState::Saved, "Saved"};
}

std::optional<double> Autosave::next_wake(double now_seconds) const
{
    std::optional<double> wake;
    for (const auto& [key, state] : keys_)
        if (is_pending(state.revision, state.saved_revision, state.in_flight_revision))
            wake = std::min(wake.value_or(due_time(state)), due_time(state));
    if (wake)
        wake = std::max(*wake, now_seconds);
    return wake;
}

bool Autosave::has_unsaved() const
{
    for (const auto& [key, state] : keys_)
        if (state.revision > state.saved_revision || state.in_flight_revision != 0 || state.failed)
            return true;
    return false;
}

} // namespace wf
