#pragma once
// A printable one-page summary of a self-assessment, to hand a principal: who and when, the
// framework wheel, strengths with the notes given, stretches with why, and the goals set.
// A self-contained HTML page: inline CSS sized for paper, no scripts, nothing fetched, no links.

#include "core/assessment.hpp"
#include "core/document_types.hpp"
#include "core/goal.hpp"

#include <string>
#include <vector>

namespace wf {

// Every text that came from the user or the pack is escaped. Goals are listed in the order given.
std::string assessment_summary_html(const Assessment& assessment, const Profile& profile,
                                    const std::vector<Goal>& goals_for_it);

} // namespace wf
