#include "core/report_text.hpp"

namespace wf {

std::string dot_separated(const std::vector<std::string>& parts) {
    std::string line;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!line.empty()) line += " \xC2\xB7 ";
        line += part;
    }
    return line;
}

} // namespace wf
