#include "core/template_merge.hpp"

#include <algorithm>

namespace wf {

namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string_view trimmed(std::string_view text)
{
    const size_t first = text.find_first_not_of(kWhitespace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kWhitespace) - first + 1);
}

// The field name of a placeholder starting at `at` ("{{"), and where the placeholder ends; an empty
// name when the text there is not a placeholder.
std::string_view placeholder_at(std::string_view tmpl, size_t at, size_t& end)
{
    const size_t open = at + 2;
    const size_t close = tmpl.find("}}", open);
    if (close == std::string_view::npos)
        return {};
    const std::string_view inner = tmpl.substr(open, close - open);
    // Only spaces and tabs may pad the name: a placeholder never spans lines.
    const size_t first = inner.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const size_t last = inner.find_last_not_of(" \t");
    const std::string_view name = inner.substr(first, last - first + 1);
    if (!std::all_of(name.begin(), name.end(), is_name_char))
        return {};
    end = close + 2;
    return name;
}

void note_once(std::vector<std::string>& list, std::string_view name)
{
    if (std::find(list.begin(), list.end(), name) == list.end())
        list.emplace_back(name);
}

} // namespace

MergeResult merge_template(std::string_view tmpl, const std::map<std::string, std::string>& fields)
{
    MergeResult result;
    result.text.reserve(tmpl.size());
    size_t at = 0;
    while (at < tmpl.size()) {
        const size_t open = tmpl.find("{{", at);
        if (open == std::string_view::npos) {
            result.text.append(tmpl.substr(at));
            break;
        }
        result.text.append(tmpl.substr(at, open - at));
        size_t end = 0;
        const std::string_view name = placeholder_at(tmpl, open, end);
        if (name.empty()) {
            // Not a placeholder: keep one brace and look again from the next, so "{{{school}}}"
            // still fills the inner placeholder.
            result.text += '{';
            at = open + 1;
            continue;
        }
        const auto field = fields.find(std::string(name));
        const bool known = field != fields.end();
        if (known && !trimmed(field->second).empty()) {
            result.text += field->second;
        } else {
            note_once(known ? result.missing : result.unknown, name);
            result.text.append(tmpl.substr(open, end - open));
        }
        at = end;
    }
    return result;
}

std::string bulleted_list(const std::vector<std::string>& items)
{
    std::string list;
    for (const std::string& item : items) {
        const std::string_view text = trimmed(item);
        if (text.empty())
            continue;
        if (!list.empty())
            list += '\n';
        list += "- ";
        size_t start = 0;
        while (true) {
            const size_t newline = text.find('\n', start);
            std::string_view line = text.substr(start, newline == std::string_view::npos ? text.npos : newline - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (start > 0)
                list += line.empty() ? "\n" : "\n  ";
            list.append(line);
            if (newline == std::string_view::npos)
                break;
            start = newline + 1;
        }
    }
    return list;
}

} // namespace wf
