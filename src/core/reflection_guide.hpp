#pragma once
// The Reflection Guide: every response of a conversation journey, step by step, to print or share.
// Each step has its heading and question, then only what the librarian did: the checklist (ticked or
// not) once anything is ticked, each answered prompt with its answer (never the example hint), and
// what the step adds: the continuum, strengths and stretches, the plans and the Venn as region lists
// with its "connections", the chosen interview questions, the email, norms and notes, the
// collaboration map as aligned pairs and margins, and the agreement as center, parking lot and
// Who / When / What / Where. Empty parts are left out; a step with nothing at all says so in one line.
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
