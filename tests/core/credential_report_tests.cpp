// The printable page of a micro-credential submission, made from the frozen submission fixture.
#include <doctest/doctest.h>

#include "core/credential_report.hpp"
#include "test_support.hpp"

using namespace wf;
using wf::test::read_fixture;

namespace {
Submission fixture_submission() {
    const SubmissionRead read = read_submission(read_fixture("credential-submission-v1.json"));
    REQUIRE_MESSAGE(read.ok, read.error);
    return read.submission;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) n++;
    return n;
}
} // namespace

TEST_CASE("the printed submission names the candidate and holds every part, each piece of evidence and the rubric") {
    const Submission s = fixture_submission();
    const std::string html = submission_report_html(s);
    CHECK(html.find("<h1>Empowering Students as Creators: submission</h1>") != std::string::npos);
    CHECK(html.find("Ana Pérez") != std::string::npos);
    CHECK(html.find(s.hash) != std::string::npos);
    for (const char* heading : {"Part 1: Overview", "Part 2: Evidence", "Part 3: Reflection", "The rubric"})
        CHECK(html.find(heading) != std::string::npos);
    // Every question and evidence item of the pack has its heading, every rubric row its line.
    CHECK(count(html, "<h3>") == s.pack.overview.size() + s.pack.evidence.size() + s.pack.reflection.size());
    CHECK(count(html, "<tr><td>") == s.pack.rubric.size());
    CHECK(html.find("290 words of 300 at most") != std::string::npos);
    CHECK(html.find("Conversation journey: 2026–27 with Ms. Rivera") != std::string::npos);
}

TEST_CASE("the printed submission shows its pictures inline and fetches nothing: links are text, no scripts") {
    const std::string html = submission_report_html(fixture_submission());
    CHECK(html.find("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Grade 3 stop-motion storyboard\">") != std::string::npos);
    CHECK(html.find("https://example.org/our-makerspace") != std::string::npos);
    CHECK(html.find("<a ") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(count(html, "src=\"") == count(html, "src=\"data:"));
}

TEST_CASE("what the candidate wrote is escaped on the printed page") {
    Submission s = fixture_submission();
    s.candidate = "Ana <b>Pérez</b>";
    s.answers["overview-approach"] = "<script>alert(1)</script> & more";
    const std::string html = submission_report_html(s);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") != std::string::npos);
    CHECK(html.find("Ana &lt;b&gt;Pérez&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("a resubmission's page says which round it is and what changed") {
    Submission s = fixture_submission();
    s.round = 2;
    s.resubmission_note = "Added a second grade's samples.";
    const std::string html = submission_report_html(s);
    CHECK(html.find("<h1>Empowering Students as Creators: submission, round 2</h1>") != std::string::npos);
    CHECK(html.find("What changed since the last round") != std::string::npos);
    CHECK(html.find("Added a second grade&#39;s samples.") != std::string::npos);
}
