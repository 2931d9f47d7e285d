// Counts shown beside reflection fields (word limits come from micro-credential evidence rules), and
// what counts as no text at all.
#pragma once
#include <string_view>

namespace wf {

// Words are runs of letters, digits, apostrophes and hyphens in any Latin script; punctuation and
// dashes between them separate words ("well-being" is one word, "yes — no" is two).
int count_words(std::string_view utf8_text);

// Nothing but spaces, tabs and line breaks (or nothing): an answer not given, a field left empty.
bool is_blank(std::string_view text);

} // namespace wf
