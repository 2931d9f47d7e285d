#pragma once
// File sizes in messages to users ("This file is too large to open (40.5 MB; …)", storage use).

#include <cstddef>
#include <cstdint>
#include <string>

namespace wf {

// Binary units, as operating systems show them: "1 KB" (under 1 MB, rounded up), "32 MB",
// "40.5 MB", "2.3 GB".
std::string file_size_text(uint64_t bytes);

} // namespace wf
