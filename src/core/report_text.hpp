// Small pieces of text shared by the printed reports (the assessment summary, the Reflection Guide).
#pragma once
#include <string>
#include <vector>

namespace wf {

// The non-empty parts joined with a middle dot: "Ana Pérez · Lincoln Elementary · 2026–27".
std::string dot_separated(const std::vector<std::string>& parts);

} // namespace wf
