#pragma once
// Filling a text template's merge fields, e.g. the email to a building leader in step 4:
// "Dear {{leader}}, …". A placeholder is "{{name}}" (letters, digits, '_' or '-'; spaces inside the
// braces are allowed: "{{ school }}"). Anything else in braces is ordinary text.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wf {

struct MergeResult {
    std::string text;                 // the template with every field that has a value filled in
    std::vector<std::string> missing; // fields given with an empty (or blank) value, left as "{{name}}"; each once, in order of appearance
    std::vector<std::string> unknown; // placeholders not among the fields, left as written; each once, in order of appearance

    bool complete() const { return missing.empty() && unknown.empty(); }
};

// Values are inserted as they are, never read as templates themselves: a value holding "{{name}}"
// stays literal. A placeholder whose value is missing stays in the text, so the gap shows where it
// is and a later merge can still fill it.
MergeResult merge_template(std::string_view tmpl, const std::map<std::string, std::string>& fields);

// One "- item" line per non-blank item, trimmed, joined with '\n' (no trailing newline); line
// breaks inside an item continue on lines indented under its text. For plain-text email and
// Markdown alike.
std::string bulleted_list(const std::vector<std::string>& items);

} // namespace wf
