// [SECTION] Merging values
// [SECTION] Conflicts kept in the document

#include "core/document_merge.hpp"

#include "core/json_fields.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace wf {

namespace {

using Json = nlohmann::json;
using Maybe = std::optional<Json>;

//-------------------------------------------------------------------------------------------------
// [SECTION] Merging values
//-------------------------------------------------------------------------------------------------

// JSON pointer escaping of one path segment ("~" -> "~0", "/" -> "~1").
std::string pointer_segment(const std::string& key)
{
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// What makes an element of a list the same element on both sides: its "id" (notes, candidates),
// its "area_id" (strengths and stretches, one per framework area), or, in a list of texts, the text.
std::optional<std::string> element_key(const Json& element)
{
    if (element.is_string()) return element.get<std::string>();
    for (const char* field : {"id", "area_id"})
        if (const Json* id = json_field(element, field); id && id->is_string()) return id->get<std::string>();
    return std::nullopt;
}

// The key of every element when every element has one and no two share it; nullopt otherwise
// (such a list is merged as one value).
std::optional<std::vector<std::string>> element_keys(const Json& array)
{
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const Json& element : array) {
        std::optional<std::string> key = element_key(element);
        if (!key || !seen.insert(*key).second) return std::nullopt;
        keys.push_back(std::move(*key));
    }
    return keys;
}

Maybe merge_value(const Maybe& base, const Maybe& ours, const Maybe& theirs, const std::string& path,
                  std::vector<FieldConflict>& conflicts);

Json merge_objects(const Json* base, const Json& ours, const Json& theirs, const std::string& path,
                   std::vector<FieldConflict>& conflicts)
{
    // Theirs' key order first, then keys only ours has: the stored order stays stable.
    Json merged = Json::object();
    std::vector<std::string> keys;
    for (const auto& [key, value] : json_members(theirs)) keys.push_back(key);
    for (const auto& [key, value] : json_members(ours))
        if (!theirs.contains(key)) keys.push_back(key);
    for (const std::string& key : keys) {
        if (key == kConflictsField) continue; // united below, never merged field by field
        const auto at = [&](const Json* obj) -> Maybe {
            if (!obj) return std::nullopt;
            const Json* v = json_field(*obj, key);
            return v ? Maybe(*v) : std::nullopt;
        };
        if (Maybe value = merge_value(at(base), at(&ours), at(&theirs), path + "/" + pointer_segment(key), conflicts))
            merged[key] = std::move(*value);
    }
    // Unresolved conflicts from either side are kept: each is a text someone wrote.
    Json united = Json::array();
    for (const Json* side : {&theirs, &ours})
        if (const Json* list = json_field(*side, kConflictsField); list && list->is_array())
            for (const Json& entry : *list)
                if (std::find(united.begin(), united.end(), entry) == united.end()) united.push_back(entry);
    if (!united.empty()) merged[kConflictsField] = std::move(united);
    return merged;
}

Json merge_arrays_by_id(const Json* base, const Json& ours, const Json& theirs, const std::string& path,
                        std::vector<FieldConflict>& conflicts)
{
    std::map<std::string, const Json*> base_by_id, ours_by_id, theirs_by_id;
    const auto index = [](const Json* array, std::map<std::string, const Json*>& by_id) {
        if (!array) return;
        for (const Json& element : *array) by_id[*element_key(element)] = &element;
    };
    index(base, base_by_id);
    index(&ours, ours_by_id);
    index(&theirs, theirs_by_id);
    const auto find = [](const std::map<std::string, const Json*>& by_id, const std::string& id) -> Maybe {
        auto it = by_id.find(id);
        return it == by_id.end() ? std::nullopt : Maybe(*it->second);
    };

    Json merged = Json::array();
    const auto add = [&](const std::string& id) {
        const Maybe value = merge_value(find(base_by_id, id), find(ours_by_id, id), find(theirs_by_id, id),
                                        path + "/" + pointer_segment(id), conflicts);
        if (value) merged.push_back(*value);
    };
    for (const Json& element : theirs) add(*element_key(element));
    // Ours' elements theirs never had: new here, or removed there (merge_value decides which stays).
    for (const Json& element : ours)
        if (!theirs_by_id.count(*element_key(element))) add(*element_key(element));
    return merged;
}

Maybe merge_value(const Maybe& base, const Maybe& ours, const Maybe& theirs, const std::string& path,
                  std::vector<FieldConflict>& conflicts)
{
    if (ours == theirs) return ours;
    if (ours == base) return theirs;
    if (theirs == base) return ours;
    // Both sides changed it, differently.
    if (!ours) return theirs; // removed here, changed there: keep the change
    if (!theirs) return ours; // removed there, changed here: keep the change
    const Json* base_value = base ? &*base : nullptr;
    if (ours->is_object() && theirs->is_object())
        return merge_objects(base_value && base_value->is_object() ? base_value : nullptr, *ours, *theirs, path, conflicts);
    if (ours->is_array() && theirs->is_array() && element_keys(*ours) && element_keys(*theirs)) {
        const bool base_usable = base_value && base_value->is_array() && element_keys(*base_value);
        return merge_arrays_by_id(base_usable ? base_value : nullptr, *ours, *theirs, path, conflicts);
    }
    conflicts.push_back(FieldConflict{path, *ours, *theirs});
    return ours;
}

} // namespace

std::optional<nlohmann::json> merge_documents(const MergeInput& input, std::vector<FieldConflict>& conflicts)
{
    return merge_value(input.base, input.ours, input.theirs, "", conflicts);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Conflicts kept in the document
//-------------------------------------------------------------------------------------------------

void record_conflicts(nlohmann::json& doc, const std::vector<FieldConflict>& conflicts, const std::string& noted_at)
{
    if (conflicts.empty() || !doc.is_object()) return;
    Json& list = doc[kConflictsField];
    if (!list.is_array()) list = Json::array();
    for (const FieldConflict& c : conflicts)
        list.push_back({{"path", c.path}, {"ours", c.ours}, {"theirs", c.theirs}, {"noted_at", noted_at}});
}

namespace {
Json* pointer_target(Json& doc, const std::string& pointer);
} // namespace

std::vector<FieldConflict> document_conflicts(const nlohmann::json& doc)
{
    std::vector<FieldConflict> found;
    const Json* list = json_field(doc, kConflictsField);
    if (!list || !list->is_array()) return found;
    for (size_t i = 0; i < list->size(); i++) {
        const Json& entry = (*list)[i];
        const Json* ours = json_field(entry, "ours");
        const Json* theirs = json_field(entry, "theirs");
        const Json* path = json_field(entry, "path");
        if (!ours || !theirs || !path || !path->is_string())
            continue;
        // This tab's side is what the field holds now: typing may have gone on after the merge.
        const std::string where = path->get<std::string>();
        const Json* now = where.empty() ? nullptr : pointer_target(const_cast<Json&>(doc), where);
        found.push_back(FieldConflict{where, now ? *now : *ours, *theirs, i});
    }
    return found;
}

namespace {

// Resolves a JSON pointer without throwing; nullptr when any step is missing. Array steps are
// element ids (as merge paths are written) or indexes.
Json* pointer_target(Json& doc, const std::string& pointer)
{
    Json* at = &doc;
    size_t i = 0;
    while (i < pointer.size()) {
        if (pointer[i] != '/') return nullptr;
        const size_t end = pointer.find('/', i + 1);
        std::string segment = pointer.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
        std::string key;
        for (size_t k = 0; k < segment.size(); k++) {
            if (segment[k] == '~' && k + 1 < segment.size()) key += segment[++k] == '1' ? '/' : '~';
            else key += segment[k];
        }
        if (at->is_object()) {
            auto it = at->find(key);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            Json* next = nullptr;
            for (Json& element : *at)
                if (element_key(element) == key) next = &element;
            if (!next) return nullptr;
            at = next;
        } else {
            return nullptr;
        }
        i = end == std::string::npos ? pointer.size() : end;
    }
    return at;
}

} // namespace

bool resolve_conflict(nlohmann::json& doc, size_t index, ConflictChoice choice)
{
    const std::vector<FieldConflict> all = document_conflicts(doc);
    auto c = std::find_if(all.begin(), all.end(), [&](const FieldConflict& f) { return f.index == index; });
    if (c == all.end()) return false;
    Json value = c->ours;
    if (choice == ConflictChoice::Theirs) value = c->theirs;
    if (choice == ConflictChoice::Both && c->ours.is_string() && c->theirs.is_string())
        value = c->ours.get<std::string>() + "\n\n" + c->theirs.get<std::string>();
    // The field may have gone since (its note was removed): then only the notice goes. A conflict
    // over the whole document (no path) is settled by the choice alone, never by replacing it.
    if (!c->path.empty())
        if (Json* target = pointer_target(doc, c->path)) *target = std::move(value);
    Json& list = doc[kConflictsField];
    list.erase(list.begin() + long(index));
    if (list.empty()) doc.erase(kConflictsField);
    return true;
}

std::string conflict_value_text(const nlohmann::json& value)
{
    if (value.is_string()) return value.get<std::string>();
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace wf
