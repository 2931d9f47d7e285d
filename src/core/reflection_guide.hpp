#pragma once
// The Reflection Guide: every response of a conversation journey, step by step, to print or share.
// Each step has its heading and question, its checklist (ticked or not), each prompt with the
// librarian's answer (never the example hint), and what the step adds: the continuum, strengths and
// stretches, the research checklist and the Venn as region lists with its "connections", the chosen
// interview questions, norms and notes, the collaboration map as aligned pairs and margins, and the
// agreement as center, parking lot and Who / When / What / Where.
// Two renderings of the same content: a self-contained HTML page (inline print CSS, no scripts,
// nothing fetched, no links) and Markdown. All text from the user or the pack is escaped.

#include "core/journey.hpp"

#include <string>

namespace wf {

struct GuideOptions {
    // false: private items are left out (the mindset continuum, private unless the librarian made it
    // shareable), and the guide says in one line that they were.
    bool include_private = false;
};

// `librarian_name` ("": left out) comes from the profile.
std::string reflection_guide_html(const Journey& journey, const std::string& librarian_name,
                                  const GuideOptions& options = {});
std::string reflection_guide_markdown(const Journey& journey, const std::string& librarian_name,
                                      const GuideOptions& options = {});

} // namespace wf
