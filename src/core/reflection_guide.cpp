// [SECTION] The guide as blocks
// [SECTION] What each step adds
// [SECTION] Building the guide
// [SECTION] HTML
// [SECTION] Markdown

#include "core/reflection_guide.hpp"

#include "core/framework_wheel.hpp"
#include "core/iso_date.hpp"
#include "core/report_text.hpp"
#include "core/stable_order.hpp"
#include "core/text_stats.hpp"

#include <algorithm>
#include <utility>

namespace wf {

namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] The guide as blocks
//-------------------------------------------------------------------------------------------------

// The guide is built once as blocks and rendered twice, so HTML and Markdown always say the same.

enum class BlockKind { Heading, Paragraph, Muted, Meta, Checklist, Bullets };

struct Bullet {
    std::string lead;              // "": none; else shown in bold, followed by ": " when there is text
    std::string text;
    std::vector<std::string> sub;  // nested lines under it
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;                 // headings: 1..4
    std::string text;              // headings, paragraphs (the user's, line breaks kept), muted and meta lines
    std::vector<std::pair<std::string, bool>> checklist; // item text, ticked
    std::vector<Bullet> bullets;
};

class Blocks {
public:
    void heading(int level, std::string text) { add({BlockKind::Heading, level, std::move(text), {}, {}}); }
    void answer(const std::string& text) { add({BlockKind::Paragraph, 0, text, {}, {}}); }
    void muted(std::string text) { add({BlockKind::Muted, 0, std::move(text), {}, {}}); }
    void meta(std::string text) { add({BlockKind::Meta, 0, std::move(text), {}, {}}); }
    void checklist(std::vector<std::pair<std::string, bool>> items)
    {
        if (!items.empty())
            add({BlockKind::Checklist, 0, {}, std::move(items), {}});
    }
    void bullets(std::vector<Bullet> items)
    {
        if (!items.empty())
            add({BlockKind::Bullets, 0, {}, {}, std::move(items)});
    }
    // A heading over a list; nothing at all when there is nothing to list.
    void section(int level, std::string title, std::vector<Bullet> items)
    {
        if (items.empty())
            return;
        heading(level, std::move(title));
        bullets(std::move(items));
    }

    size_t size() const { return blocks_.size(); }
    void append(const Blocks& other) { blocks_.insert(blocks_.end(), other.blocks_.begin(), other.blocks_.end()); }
    const std::vector<Block>& all() const { return blocks_; }

private:
    void add(Block block) { blocks_.push_back(std::move(block)); }
    std::vector<Block> blocks_;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] What each step adds
//-------------------------------------------------------------------------------------------------

// What every part of the guide reads from.
struct GuideContext {
    const Journey& journey;
    const std::string& librarian_name;   // "": not given
    const GuideOptions& options;
};

const char* continuum_side(double position)
{
    if (position < 1.0 / 3)
        return "Closer to fixed";
    if (position > 2.0 / 3)
        return "Closer to growth";
    return "In the middle";
}

void add_continuum(const GuideContext& guide, Blocks& out)
{
    const Journey& journey = guide.journey;
    const Continuum& continuum = journey.continuum;
    if (continuum.phrases.empty())
        return;
    if (continuum.is_private && !guide.options.include_private) {
        out.meta("Private reflections (the fixed-to-growth continuum) were left out of this guide.");
        return;
    }
    std::vector<ContinuumPhrase> on_line, below;
    for (const ContinuumPhrase& phrase : continuum.phrases)
        (phrase.below_line ? below : on_line).push_back(phrase);
    stable_sort_by(on_line, [](const ContinuumPhrase& a, const ContinuumPhrase& b) { return a.position < b.position; });

    std::vector<Bullet> line, habits;
    for (const ContinuumPhrase& phrase : on_line)
        line.push_back({continuum_side(phrase.position), phrase.text + (phrase.highlighted ? " (highlighted)" : ""), {}});
    for (const ContinuumPhrase& phrase : below)
        habits.push_back({"", phrase.text + (phrase.highlighted ? " (highlighted)" : ""), {}});
    out.heading(3, "Fixed-to-growth continuum");
    out.bullets(std::move(line));
    if (!habits.empty()) {
        out.heading(4, "Other habits (below the line)");
        out.bullets(std::move(habits));
    }
}

void add_future_readiness(const GuideContext& guide, Blocks& out)
{
    const Journey& journey = guide.journey;
    std::vector<Bullet> strengths, stretches;
    for (const JourneyStrength& strength : journey.future_ready.strengths) {
        Bullet bullet{strength.area_name, "", {}};
        if (!strength.example.empty())
            bullet.sub.push_back("Example: " + strength.example);
        if (!strength.alignment.empty())
            bullet.sub.push_back("Alignment with priorities: " + strength.alignment);
        if (!strength.shared.empty())
            bullet.sub.push_back("How it is shared: " + strength.shared);
        strengths.push_back(std::move(bullet));
    }
    for (const JourneyStretch& stretch : journey.future_ready.stretches) {
        Bullet bullet{stretch.area_name, "", {}};
        if (!stretch.reason.empty())
            bullet.sub.push_back("Why: " + stretch.reason);
        stretches.push_back(std::move(bullet));
    }
    out.section(3, "Strengths", std::move(strengths));
    out.section(3, "Stretches", std::move(stretches));
}

std::vector<std::string> venn_item_texts(const VennGroup& group)
{
    std::vector<std::string> texts;
    for (const VennItem& item : group.items)
        texts.push_back(item.text);
    return texts;
}

void add_research(const GuideContext& guide, Blocks& out)
{
    const Journey& journey = guide.journey;
    // The plans' statuses say something once one of them is more than "not started".
    std::vector<Bullet> plans;
    bool any_started = false;
    for (const JourneyItem& item : journey.pack.research_items) {
        const auto status = journey.research.status.find(item.id);
        const ResearchStatus value = status == journey.research.status.end() ? ResearchStatus::NotStarted : status->second;
        any_started = any_started || value != ResearchStatus::NotStarted;
        plans.push_back({research_status_label(value), item.text, {}});
    }
    if (any_started)
        out.section(3, "Plans to find", std::move(plans));

    std::vector<Bullet> regions;
    for (const VennGroup& group : venn_groups(journey))
        if (!group.items.empty())
            regions.push_back({region_name(group.region), "", venn_item_texts(group)});
    out.section(3, "District, school and library", std::move(regions));

    std::vector<Bullet> connections;
    for (const VennGroup& group : venn_connections(journey))
        connections.push_back({region_name(group.region), "", venn_item_texts(group)});
    out.section(4, "Connections", std::move(connections));
}

// The email as it would be sent, once the librarian has put something of theirs in it.
void add_email(const Journey& journey, const std::string& librarian_name, Blocks& out)
{
    const InterviewEmail email = interview_email(journey, librarian_name);
    if (!email.edited && journey.leader.empty() && journey.interview.questions.empty())
        return;
    out.heading(3, "Email to the building leader");
    out.meta("Subject: " + email.subject);
    out.answer(email.body);
}

void add_interview(const GuideContext& guide, Blocks& out)
{
    const Journey& journey = guide.journey;
    std::vector<Bullet> questions;
    for (const std::string& id : journey.interview.questions)
        for (const JourneyItem& item : journey.pack.interview_questions)
            if (item.id == id)
                questions.push_back({"", item.text, {}});
    out.section(3, "Questions sent ahead", std::move(questions));
    add_email(journey, guide.librarian_name, out);

    std::vector<std::pair<std::string, bool>> norms;
    bool any_ticked = false;
    for (const JourneyItem& norm : journey.pack.meeting_norms) {
        const auto tick = journey.interview.norms.find(norm.id);
        const bool ticked = tick != journey.interview.norms.end() && tick->second;
        any_ticked = any_ticked || ticked;
        norms.emplace_back(norm.text, ticked);
    }
    if (any_ticked) {
        out.heading(3, "Meeting norms");
        out.checklist(std::move(norms));
    }
    if (!is_blank(journey.interview.notes)) {
        out.heading(3, "Meeting notes");
        out.answer(journey.interview.notes);
    }
}

void add_collaboration_map(const GuideContext& guide, Blocks& out)
{
    const Journey& journey = guide.journey;
    std::vector<Bullet> circle, margins;
    for (const AlignedGroup& group : aligned_pairs(journey.collaboration)) {
        Bullet bullet{"Priority", group.priority.text, {}};
        for (const CollaborationNote& strength : group.strengths)
            bullet.sub.push_back("Strength beside it: " + strength.text);
        circle.push_back(std::move(bullet));
    }
    for (const CollaborationNote& note : margin_notes(journey.collaboration))
        margins.push_back({note.kind == NoteKind::Priority ? "Priority" : "Strength", note.text, {}});
    if (circle.empty() && margins.empty())
        return;
    out.heading(3, "Collaboration map");
    out.section(4, "In the circle", std::move(circle));
    out.section(4, "On the margins", std::move(margins));
}

void add_agreement(const GuideContext& guide, Blocks& out)
{
    const Journey& journey = guide.journey;
    const Agreement& agreement = journey.agreement;
    const AgreementCandidate* center = agreement_center(agreement);
    std::vector<Bullet> parked;
    for (const AgreementCandidate& candidate : parking_lot(agreement))
        parked.push_back({candidate.title, candidate.description, {}});
    // Each quadrant as one answer: its notes in reading order (plan_text).
    const std::pair<const char*, std::string> answers[] = {{"Who", plan_text(agreement, kWho)},
                                                           {"When", plan_text(agreement, kWhen)},
                                                           {"What", plan_text(agreement, kWhat)},
                                                           {"Where", plan_text(agreement, kWhere)},
                                                           {"Who starts the next step", agreement.next_step_owner}};
    std::vector<Bullet> quadrants;
    for (const auto& [label, text] : answers)
        if (!is_blank(text))
            quadrants.push_back({label, text, {}});
    if (!center && parked.empty() && quadrants.empty())
        return;

    out.heading(3, "Agreement");
    if (center)
        out.section(4, "In the center", {{center->title, center->description, {}}});
    // Without an idea in the center, every candidate is still only possible.
    out.section(4, center ? "Parking lot" : "Possible areas", std::move(parked));
    out.section(4, "Who, when, what, where", std::move(quadrants));
}

using AddMaterial = void (*)(const GuideContext&, Blocks&);

struct StepMaterial {
    const char* step_id;   // the Let's Talk pack's step ids (journey_pack.hpp)
    AddMaterial add;
};

constexpr StepMaterial kStepMaterial[] = {
    {"mindset", add_continuum},   {"future-ready", add_future_readiness}, {"research", add_research},
    {"interview", add_interview}, {"connect", add_collaboration_map},     {"agree", add_agreement},
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Building the guide
//-------------------------------------------------------------------------------------------------

void add_step(const JourneyStep& step, size_t number, const GuideContext& guide, Blocks& out)
{
    out.heading(2, "Step " + std::to_string(number) + ": " + step.title);
    out.meta(step.question);
    const size_t before = out.size();

    const auto found = guide.journey.steps.find(step.id);
    const StepResponses none;
    const StepResponses& responses = found == guide.journey.steps.end() ? none : found->second;

    // A checklist shows what was done and what was not, once something was.
    std::vector<std::pair<std::string, bool>> checklist;
    bool any_ticked = false;
    for (const JourneyItem& item : step.checklist) {
        const auto tick = responses.checklist.find(item.id);
        const bool ticked = tick != responses.checklist.end() && tick->second;
        any_ticked = any_ticked || ticked;
        checklist.emplace_back(item.text, ticked);
    }
    if (any_ticked) {
        out.heading(3, "Checklist");
        out.checklist(std::move(checklist));
    }

    // Only the prompts answered: a page of questions with nothing under them reads as a blank form.
    bool reflections_heading = false;
    for (const ReflectionPrompt& prompt : step.reflections) {
        const auto answer = responses.answers.find(prompt.id);
        if (answer == responses.answers.end() || is_blank(answer->second))
            continue;
        if (!reflections_heading)
            out.heading(3, "Reflections");
        reflections_heading = true;
        out.heading(4, prompt.text);
        out.answer(answer->second);
    }

    for (const StepMaterial& material : kStepMaterial)
        if (step.id == material.step_id)
            material.add(guide, out);

    if (out.size() == before)
        out.muted("Nothing written for this step yet.");
}

// Answers under steps the pack copy does not have (a damaged copy, or a newer build's step), so a
// guide never silently drops what the librarian wrote.
void add_other_answers(const Journey& journey, Blocks& out)
{
    std::vector<Bullet> answers;
    for (const auto& [step_id, responses] : journey.steps) {
        if (journey.pack.find_step(step_id))
            continue;
        for (const auto& [prompt_id, answer] : responses.answers)
            if (!is_blank(answer))
                answers.push_back({"", answer, {}});
    }
    out.section(2, "Other answers", std::move(answers));
}

std::string document_title(const Journey& journey)
{
    return journey.name.empty() ? "Reflection Guide" : "Reflection Guide: " + journey.name;
}

Blocks build_guide(const Journey& journey, const std::string& librarian_name, const GuideOptions& options)
{
    Blocks out;
    out.heading(1, document_title(journey));
    std::string with;
    if (!journey.leader.empty())
        with = "with " + journey.leader;
    const std::string who = dot_separated({librarian_name, with, journey.school});
    if (!who.empty())
        out.meta(who);
    const std::string started = long_date(journey.created_at);
    const JourneyProgress progress = journey_progress(journey);
    out.meta(dot_separated({started.empty() ? "" : "Started " + started,
                     std::to_string(progress.steps_done) + " of " + std::to_string(progress.steps_total) + " steps done",
                     journey.pack_error.empty() ? journey.pack.title : ""}));
    if (!journey.pack_error.empty())
        out.meta("The steps this journey was started with cannot be read, so only what was written is listed.");

    const GuideContext guide{journey, librarian_name, options};
    for (size_t i = 0; i < journey.pack.steps.size(); i++)
        add_step(journey.pack.steps[i], i + 1, guide, out);

    Blocks more;
    for (const StepMaterial& material : kStepMaterial)
        if (!journey.pack.find_step(material.step_id))
            material.add(guide, more);
    if (more.size() > 0) {
        out.heading(2, "More from this journey");
        out.append(more);
    }
    add_other_answers(journey, out);

    out.meta("Made with Wayfinder, a free workbench for school librarians that keeps their reflections on their own "
             "device. Future Ready Librarians\xC2\xAE is a registered trademark of its owner, named here only to "
             "identify the framework; Wayfinder is an independent tool.");
    return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] HTML
//-------------------------------------------------------------------------------------------------

constexpr const char* kStyle = R"(
@page { size: auto; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 180mm; font-family: Inter, Arial, sans-serif; font-size: 11pt;
       line-height: 1.4; color: #1f1f1f; background: #ffffff; }
h1 { font-size: 19pt; margin: 0 0 1.5mm; }
h2 { font-size: 14pt; margin: 7mm 0 1.5mm; padding-bottom: 0.5mm; border-bottom: 1px solid #c8c8c8;
     break-after: avoid; }
h3 { font-size: 12pt; margin: 4mm 0 1mm; break-after: avoid; }
h4 { font-size: 11pt; margin: 3mm 0 0.5mm; break-after: avoid; }
p { margin: 0 0 1.5mm; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: #555555; font-style: italic; }
.meta { color: #444444; }
ul { margin: 0 0 2mm; padding-left: 6mm; }
li { margin-bottom: 1mm; break-inside: avoid; overflow-wrap: anywhere; }
.checklist { list-style: none; padding-left: 0; }
.box { display: inline-block; width: 5mm; }
)";

std::string paragraph_html(const char* css_class, const std::string& text)
{
    return std::string("<p class=\"") + css_class + "\">" + escape_xml(text) + "</p>\n";
}

std::string bullet_html(const Bullet& bullet)
{
    std::string html = "<li>";
    if (!bullet.lead.empty())
        html += "<strong>" + escape_xml(bullet.lead) + "</strong>" + (bullet.text.empty() ? "" : ": ");
    html += escape_xml(bullet.text);
    if (!bullet.sub.empty()) {
        html += "<ul>";
        for (const std::string& line : bullet.sub)
            html += "<li>" + escape_xml(line) + "</li>";
        html += "</ul>";
    }
    return html + "</li>\n";
}

std::string block_html(const Block& block)
{
    switch (block.kind) {
    case BlockKind::Heading: {
        const std::string tag = "h" + std::to_string(std::clamp(block.level, 1, 4));
        return "<" + tag + ">" + escape_xml(block.text) + "</" + tag + ">\n";
    }
    case BlockKind::Paragraph: return paragraph_html("answer", block.text);
    case BlockKind::Muted: return paragraph_html("muted", block.text);
    case BlockKind::Meta: return paragraph_html("meta", block.text);
    case BlockKind::Checklist: {
        std::string html = "<ul class=\"checklist\">\n";
        for (const auto& [text, ticked] : block.checklist)
            html += std::string("<li><span class=\"box\" role=\"img\" aria-label=\"") + (ticked ? "Done" : "Not done") +
                    "\">" + (ticked ? "\xE2\x98\x91" : "\xE2\x98\x90") + "</span>" + escape_xml(text) + "</li>\n";
        return html + "</ul>\n";
    }
    case BlockKind::Bullets: {
        std::string html = "<ul>\n";
        for (const Bullet& bullet : block.bullets)
            html += bullet_html(bullet);
        return html + "</ul>\n";
    }
    }
    return {};
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Markdown
//-------------------------------------------------------------------------------------------------

// Characters that mean something inline anywhere in a line; a backslash makes each literal.
bool is_inline_special(char c)
{
    switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~': case '&':
        return true;
    default:
        return false;
    }
}

// One line of the user's text, safe to start a Markdown block with: leading blanks are dropped
// (four would make a code block) and anything that would open a heading, quote, list or rule is
// escaped, as is everything special inline.
std::string md_line(std::string_view line)
{
    const size_t first = line.find_first_not_of(" \t");
    line = first == std::string_view::npos ? std::string_view() : line.substr(first);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);

    std::string out;
    size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
        digits++;
    for (size_t i = 0; i < line.size(); i++) {
        const char c = line[i];
        const bool opens_block = i == 0 && (c == '#' || c == '+' || c == '-' || c == '=');
        const bool ends_list_number = digits > 0 && i == digits && (c == '.' || c == ')');
        if (is_inline_special(c) || opens_block || ends_list_number)
            out += '\\';
        out += c;
    }
    return out;
}

// Text that must stay on one line (a heading, a list item): line breaks become spaces.
std::string md_one_line(const std::string& text)
{
    std::string flat;
    bool pending_space = false;
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            pending_space = !flat.empty();
            continue;
        }
        if (pending_space)
            flat += ' ';
        pending_space = false;
        flat += c;
    }
    return md_line(flat);
}

// The user's paragraphs: lines within a paragraph end in a hard break (a backslash), so they print
// as written; blank lines separate paragraphs.
std::string md_paragraphs(const std::string& text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(md_line(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    std::string out;
    bool in_paragraph = false, gap = false;
    for (const std::string& line : lines) {
        if (line.empty()) {
            gap = in_paragraph;
            continue;
        }
        if (in_paragraph)
            out += gap ? "\n\n" : "\\\n";
        out += line;
        in_paragraph = true;
        gap = false;
    }
    return out;
}

std::string bullet_md(const Bullet& bullet)
{
    std::string md = "- ";
    if (!bullet.lead.empty())
        md += "**" + md_one_line(bullet.lead) + "**" + (bullet.text.empty() ? "" : ": ");
    md += md_one_line(bullet.text) + "\n";
    for (const std::string& line : bullet.sub)
        md += "  - " + md_one_line(line) + "\n";
    return md;
}

std::string block_md(const Block& block)
{
    switch (block.kind) {
    case BlockKind::Heading:
        return std::string(size_t(std::clamp(block.level, 1, 4)), '#') + " " + md_one_line(block.text) + "\n\n";
    case BlockKind::Paragraph: return md_paragraphs(block.text) + "\n\n";
    case BlockKind::Muted: return "_" + md_one_line(block.text) + "_\n\n";
    case BlockKind::Meta: return md_one_line(block.text) + "\n\n";
    case BlockKind::Checklist: {
        std::string md;
        for (const auto& [text, ticked] : block.checklist)
            md += std::string(ticked ? "- [x] " : "- [ ] ") + md_one_line(text) + "\n";
        return md + "\n";
    }
    case BlockKind::Bullets: {
        std::string md;
        for (const Bullet& bullet : block.bullets)
            md += bullet_md(bullet);
        return md + "\n";
    }
    }
    return {};
}

} // namespace

std::string reflection_guide_html(const Journey& journey, const std::string& librarian_name, const GuideOptions& options)
{
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                       escape_xml(document_title(journey)) + "</title>\n<style>" + kStyle +
                       "</style>\n</head>\n<body>\n";
    const Blocks guide = build_guide(journey, librarian_name, options);
    for (const Block& block : guide.all())
        html += block_html(block);
    return html + "</body>\n</html>\n";
}

std::string reflection_guide_markdown(const Journey& journey, const std::string& librarian_name,
                                      const GuideOptions& options)
{
    std::string md;
    const Blocks guide = build_guide(journey, librarian_name, options);
    for (const Block& block : guide.all())
        md += block_md(block);
    while (md.size() > 1 && md[md.size() - 1] == '\n' && md[md.size() - 2] == '\n')
        md.pop_back();
    return md;
}

} // namespace wf
