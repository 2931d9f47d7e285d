#pragma once
// The truth behind the "Saved" indicator.
// Tracks, per storage key, which change revision is in memory, which one is being written and which
// one is durably stored. The platform layer does the writing: it asks take_due() what to write,
// writes each document, and reports back with write_finished(). "Saved" is shown only when every
// change has been committed, because losing a user's reflections is the worst failure the app has.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wf {

enum class SaveState { Saved, Pending, Saving, Failed };

struct SaveStatus {
    SaveState state = SaveState::Saved;
    std::string text = "Saved"; // "Saved", "Unsaved changes…", "Saving…", "Not saved: <reason> <what to do>"
};

class Autosave {
public:
    // debounce_seconds: quiet time after the last change before writing (typing does not write per key).
    // retry_seconds: wait after a failed write before trying again without a new change.
    explicit Autosave(double debounce_seconds = 1.0, double retry_seconds = 5.0);

    // The in-memory document under `key` changed.
    void mark_changed(const std::string& key, double now_seconds);

    // Keys whose writes should start now: changed, not already being written, and quiet for
    // debounce_seconds (or `flush`, e.g. the page is being hidden). Each returned key is marked in
    // flight with its current change revision.
    std::vector<std::string> take_due(double now_seconds, bool flush);

    // The revision being written for `key`, or 0 when none is.
    uint64_t in_flight_revision(const std::string& key) const;

    // Completion of a write started by take_due. Only `ok` on a durable commit counts. A write that
    // finishes after a newer change leaves the key pending. On failure the key stays unsaved and is
    // retried after retry_seconds, or after the debounce of the next change. `error_reason` is a
    // sentence from the platform, e.g. "the browser's storage is full."
    void write_finished(const std::string& key, uint64_t revision, bool ok, const std::string& error_reason,
                        double now_seconds);

    // The write was refused because storage held a newer version (another tab wrote it). Not a
    // failure: the caller merges and marks the key changed again; until then it stays unsaved.
    void write_refused(const std::string& key, uint64_t revision);

    // The document under `key` now equals what storage holds (another tab wrote the same thing):
    // nothing is left to write for it.
    void mark_in_sync(const std::string& key);

    // Failed wins over Saving, which wins over Pending.
    SaveStatus status() const;

    // When take_due next has work (a debounce ending or a retry falling due), in the same clock as
    // now_seconds and never before it; nullopt when nothing is waiting to be written.
    std::optional<double> next_wake(double now_seconds) const;

    // Anything changed but not durably saved: pending, in flight or failed.
    bool has_unsaved() const;

private:
    struct KeyState {
        uint64_t revision = 0;           // bumped by every change
        uint64_t saved_revision = 0;     // newest revision durably written
        uint64_t in_flight_revision = 0; // 0: no write running
        double last_change = 0;          // seconds, for the debounce
        bool failed = false;             // the last finished write failed
        uint64_t failed_revision = 0;    // the revision that failed; a newer change retries sooner
        double retry_at = 0;             // seconds, when failed
        double failed_at = 0;            // seconds, to show the most recent failure's reason
        std::string failure_reason;
    };
    // When a pending, idle key becomes due (ignoring flush).
    double due_time(const KeyState& state) const;

    double debounce_seconds_;
    double retry_seconds_;
    std::map<std::string, KeyState> keys_;
};

} // namespace wf
