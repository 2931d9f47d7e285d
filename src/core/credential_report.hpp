#pragma once
// The printable page of a micro-credential submission: who submitted what and when, the competency,
// then the submission in its three parts (overview answers with their word counts, every piece of
// evidence, reflection answers) and the rubric it will be reviewed against. Made from the submission
// as the file carries it (read_submission), so the page and the file the reviewer opens say the same;
// private evidence is not in the file, so it is not on the page either.
// A self-contained HTML page: inline print CSS, images inline as data: URLs, links shown as text
// (never fetched, never followed), no scripts. Every text from the candidate or the pack is escaped.

#include "core/credential_files.hpp"

#include <string>

namespace wf {

std::string submission_report_html(const Submission& submission);

} // namespace wf
