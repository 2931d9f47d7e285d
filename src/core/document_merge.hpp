#pragma once
// Three-way merge of two versions of one document that grew apart from a common stored version:
// "ours" (this tab's unsaved edits) and "theirs" (what another tab stored meanwhile). Fields only one
// side changed are taken from that side; nothing either side wrote is ever dropped. Where both sides
// changed the same field differently, the result keeps ours in place and records the other text as a
// FieldConflict inside the document itself (under kConflictsField), so the merged document and
// both texts are stored in one write: a tab that dies right after still has both.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace wf {

// A document field holding the conflicts not yet resolved: [{path, ours, theirs, noted_at}, ...].
// Restoring keeps unknown fields, so every document type carries it without a schema change.
inline constexpr const char* kConflictsField = "_conflicts";

struct FieldConflict {
    std::string path;      // JSON pointer into the document, e.g. "/name" or "/steps/research/notes"
    nlohmann::json ours;   // the value this tab has (in the document; document_conflicts() reads the field as it is now)
    nlohmann::json theirs; // the value the other tab stored (kept here)
    size_t index = 0;      // its place in the document's conflicts list (see resolve_conflict)
};

// `base` is the version both sides started from (nullopt: the document did not exist then); `ours`
// and `theirs` are the two descendants (nullopt: that side removed the document).
// Rules, applied recursively:
//  - a value only one side changed takes that side's value (a removal counts as a change);
//  - objects merge key by key;
//  - lists whose elements all have distinct keys (an "id", an "area_id", or the text itself in a
//    list of texts) merge element by element:
//    elements added on either side are kept (theirs' order, then ours' new ones), an element removed
//    on one side and unchanged on the other goes, one removed on one side and changed on the other stays;
//  - anything else both sides changed differently is a conflict: ours stays, theirs is reported.
// A removed document that the other side changed is kept (with the change): nothing written is lost.
// The conflicts fields of both sides are united, so an earlier unresolved conflict is never dropped.
struct MergeInput {
    std::optional<nlohmann::json> base, ours, theirs;
};
std::optional<nlohmann::json> merge_documents(const MergeInput& input, std::vector<FieldConflict>& conflicts);

// Appends conflicts to the document's kConflictsField list (creating it), stamped with `noted_at`.
void record_conflicts(nlohmann::json& doc, const std::vector<FieldConflict>& conflicts, const std::string& noted_at);

// The conflicts a document holds, in the order they were noted (malformed entries are skipped;
// `index` still names each one's place in the stored list).
std::vector<FieldConflict> document_conflicts(const nlohmann::json& doc);

// How the librarian settles one conflict.
enum class ConflictChoice { Ours, Theirs, Both };

// Sets the field at the conflict's path to the chosen text and removes the conflict from the
// document. Both: two texts joined by a blank line (ours first); for values that are not text, Both
// keeps ours. `index` is FieldConflict::index. Returns false when there is no readable conflict there.
bool resolve_conflict(nlohmann::json& doc, size_t index, ConflictChoice choice);

// A value as a person reads it in a conflict notice: the text itself, or compact JSON otherwise.
std::string conflict_value_text(const nlohmann::json& value);

} // namespace wf
