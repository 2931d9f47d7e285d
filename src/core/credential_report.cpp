#include "core/credential_report.hpp"

#include "core/document_registry.hpp"
#include "core/framework_wheel.hpp"
#include "core/iso_date.hpp"
#include "core/json_fields.hpp"
#include "core/pack_reading.hpp"
#include "core/report_text.hpp"
#include "core/text_stats.hpp"

#include <cctype>

namespace wf {

namespace {

constexpr const char* kStyle = R"(
@page { size: auto; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 180mm; font-family: Inter, Arial, sans-serif; font-size: 11pt;
       line-height: 1.4; color: #1f1f1f; background: #ffffff; }
h1 { font-size: 19pt; margin: 0 0 1.5mm; }
h2 { font-size: 14pt; margin: 7mm 0 1.5mm; padding-bottom: 0.5mm; border-bottom: 1px solid #c8c8c8; break-after: avoid; }
h3 { font-size: 12pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 1.5mm; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: #555555; font-style: italic; }
.meta { color: #444444; }
.piece { margin: 0 0 3mm; padding-left: 3mm; border-left: 2px solid #c8c8c8; break-inside: avoid; }
.piece img { display: block; max-width: 100%; max-height: 120mm; margin: 1mm 0; }
.link { font-family: monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1.5mm; border: 1px solid #c8c8c8; }
tr { break-inside: avoid; }
)";

std::string p(const char* css_class, const std::string& text) {
    return std::string("<p class=\"") + css_class + "\">" + escape_xml(text) + "</p>\n";
}

std::string h(int level, const std::string& text) {
    const std::string tag = "h" + std::to_string(level);
    return "<" + tag + ">" + escape_xml(text) + "</" + tag + ">\n";
}

void questions(std::string& html, const Submission& s, const std::vector<CredentialQuestion>& list) {
    for (const CredentialQuestion& q : list) {
        html += h(3, submission_piece_name(s.pack, q.id));
        html += p("meta", q.text);
        const auto found = s.answers.find(q.id);
        const std::string answer = found == s.answers.end() ? std::string() : found->second;
        html += is_blank(answer) ? p("muted", "No answer.") : p("answer", answer);
        html += p("muted", pack_reading::plural(size_t(count_words(answer)), "word", "words") + " of " +
                               std::to_string(q.word_limit) + " at most");
    }
}

// What a Wayfinder item is, in a line: "Conversation journey: With our principal".
std::string item_line(const nlohmann::json& item) {
    const DocumentSchema* schema = schema_for_type(json_string(item, "type"));
    std::string noun = schema ? schema->noun : "Wayfinder item";
    if (!noun.empty()) noun[0] = char(std::toupper((unsigned char)noun[0]));
    std::string name = json_string(item, "title");
    if (name.empty()) name = json_string(item, "name");
    return name.empty() ? noun : noun + ": " + name;
}

std::string piece_html(const SubmittedEvidence& piece) {
    const EvidenceEntry& e = piece.entry;
    std::string html = "<div class=\"piece\">\n";
    if (!e.caption.empty()) html += "<p><strong>" + escape_xml(e.caption) + "</strong></p>\n";
    switch (e.kind) {
    case EvidenceKind::Text: html += p("answer", e.text); break;
    // As text: a printed page cannot follow a link, and the page must fetch nothing when opened.
    case EvidenceKind::Link: html += p("link", e.url); break;
    case EvidenceKind::Image:
        html += "<img src=\"data:" + escape_xml(e.image.mime) + ";base64," + base64_encode(piece.image_data) + "\" alt=\"" +
                escape_xml(e.caption.empty() ? "Evidence picture" : e.caption) + "\">\n";
        break;
    case EvidenceKind::Item: html += p("meta", "Wayfinder item, attached as a file the reviewer can open: " + item_line(e.item)); break;
    }
    return html + "</div>\n";
}

} // namespace

std::string submission_report_html(const Submission& s) {
    const CredentialPack& pack = s.pack;
    const std::string title = pack.title + ": submission" + (s.round > 1 ? ", round " + std::to_string(s.round) : "");
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_xml(title) +
                       "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    html += h(1, title);
    html += p("meta", dot_separated({s.candidate, "Submitted " + long_date(s.submitted_at), "Round " + std::to_string(s.round)}));
    html += p("muted", "Fingerprint of this submission (SHA-256): " + s.hash);
    html += h(2, "The competency");
    html += p("answer", pack.competency);
    if (s.round > 1 && !is_blank(s.resubmission_note)) {
        html += h(2, "What changed since the last round");
        html += p("answer", s.resubmission_note);
    }

    html += h(2, std::string("Part 1: ") + submission_part_label(SubmissionPart::Overview));
    questions(html, s, pack.overview);

    html += h(2, std::string("Part 2: ") + submission_part_label(SubmissionPart::Evidence));
    for (const EvidenceItem& item : pack.evidence) {
        html += h(3, submission_piece_name(pack, item.id));
        html += p("meta", item.must_show);
        const auto found = s.evidence.find(item.id);
        if (found == s.evidence.end() || found->second.empty()) html += p("muted", "Nothing attached.");
        else
            for (const SubmittedEvidence& piece : found->second) html += piece_html(piece);
    }

    html += h(2, std::string("Part 3: ") + submission_part_label(SubmissionPart::Reflection));
    questions(html, s, pack.reflection);

    html += h(2, "The rubric");
    html += "<table>\n<tr><th>Criterion</th><th>What meets it looks like</th><th>Judges</th></tr>\n";
    for (const RubricRow& row : pack.rubric) {
        std::string judged;
        for (const std::string& id : row.judges) judged += (judged.empty() ? "" : "; ") + submission_piece_name(pack, id);
        html += "<tr><td>" + escape_xml(row.criterion) + "</td><td>" + escape_xml(row.meets) + "</td><td>" + escape_xml(judged) +
                "</td></tr>\n";
    }
    return html + "</table>\n</body>\n</html>\n";
}

} // namespace wf
