// The names of an enum's values, in one table per enum: the word stored in documents and the label
// people read. Goal and research statuses use it; so will the next tool's.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace wf {

template <typename Enum>
struct EnumName {
    Enum value;
    const char* stored; // in documents: "in-progress"
    const char* label;  // on screen and in reports: "In progress"
};

// The row of `value`; the first row (the default) when the table lacks it.
template <typename Enum, size_t N>
const EnumName<Enum>& name_of(const EnumName<Enum> (&table)[N], Enum value)
{
    for (const EnumName<Enum>& name : table)
        if (name.value == value)
            return name;
    return table[0];
}

// The value stored as `stored`, or nullopt when no row has that word.
template <typename Enum, size_t N>
std::optional<Enum> value_stored_as(const EnumName<Enum> (&table)[N], std::string_view stored)
{
    for (const EnumName<Enum>& name : table)
        if (stored == name.stored)
            return name.value;
    return std::nullopt;
}

} // namespace wf
