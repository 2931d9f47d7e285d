// The Micro-credential page (candidate): the competency and its rubric, the submission in its three
// parts (answers with live word counts, evidence of each accepted kind), the self-check, submitting,
// the review coming back with its feedback beside each part, resubmitting, every round's history,
// and the badge once earned. Every change is a command of Credentials (app/credentials.hpp).
#include "ui/pages.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/credentials.hpp"
#include "app/workbench.hpp"
#include "core/document_registry.hpp"
#include "core/file_size_text.hpp"
#include "core/iso_date.hpp"
#include "core/json_fields.hpp"
#include "core/text_stats.hpp"
#include "ui/badge_image.hpp"
#include "ui/icons.hpp"
#include "ui/image_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] About the micro-credential
// [SECTION] Feedback beside each part
// [SECTION] Answers
// [SECTION] Evidence
// [SECTION] Self-check and submitting
// [SECTION] Rounds and the badge

namespace {

// [SECTION] About the micro-credential ------------------------------------------------------------

void about(UiState& ui, const CredentialPack& pack) {
    paragraph(pack.competency);
    if (!ui.credential.show_about) {
        if (button(ui, "More about this micro-credential", ButtonKind::Quiet)) ui.credential.show_about = true;
        return;
    }
    subheading("The method: " + pack.method_name);
    paragraph(pack.method_description, true);
    for (const CredentialComponent& c : pack.components) paragraph("• " + c.text, true);
    subheading("Why it matters");
    paragraph(pack.rationale, true);
    subheading("Resources");
    for (const CredentialResource& r : pack.resources)
        paragraph("• " + r.title + ": " + r.purpose + (r.link.empty() ? "" : " (" + r.link + ")"), true);
    if (button(ui, "Less about this micro-credential", ButtonKind::Quiet)) ui.credential.show_about = false;
}

// [SECTION] Feedback beside each part -------------------------------------------------------------

// The newest review, or nullptr.
const CredentialReview* latest_review(const Credential& c) {
    for (auto it = c.rounds.rbegin(); it != c.rounds.rend(); ++it)
        if (it->review) return &*it->review;
    return nullptr;
}

// What the reviewer said of the rubric rows that judge `piece_id`, under it.
void feedback_for(const Credential& c, const std::string& piece_id) {
    const CredentialReview* review = latest_review(c);
    if (!review) return;
    for (const ReviewRow& row : review->rows) {
        const RubricRow* rubric = c.pack.find_row(row.row_id);
        if (!rubric || std::find(rubric->judges.begin(), rubric->judges.end(), piece_id) == rubric->judges.end()) continue;
        const bool meets = row.verdict == RowVerdict::Meets;
        status_text(std::string(meets ? icon::kCheck : icon::kInfo) + "  Reviewer on \"" + rubric->criterion + "\": " +
                        (meets ? "meets" : "not yet") + (row.comment.empty() ? "." : ". " + row.comment),
                    meets ? palette().success : palette().warning);
    }
}

// [SECTION] Answers -------------------------------------------------------------------------------

void answers(Workbench& wb, UiState& ui, const Credential& c, const std::vector<CredentialQuestion>& questions, bool editable) {
    Credentials& cr = wb.credentials();
    for (const CredentialQuestion& q : questions) {
        ImGui::PushID(q.id.c_str());
        const std::string name = submission_piece_name(c.pack, q.id);
        std::string answer = c.answers.count(q.id) ? c.answers.at(q.id) : std::string();
        TextFieldOptions options;
        options.multiline = true;
        options.min_lines = 4;
        const std::string label = name + ": " + q.text;
        ImGui::BeginDisabled(!editable);
        if (text_field(ui, label.c_str(), answer, options)) cr.set_answer(c.id, q.id, answer);
        ImGui::EndDisabled();
        // The limit beside the count, as the reviewer will judge it.
        const int words = count_words(answer);
        if (words > q.word_limit)
            status_text(std::string(icon::kWarning) + "  " + name + ": " + std::to_string(words) + " words, over the limit of " +
                            std::to_string(q.word_limit) + ".", palette().warning);
        else
            status_text(name + ": " + std::to_string(words) + " of " + std::to_string(q.word_limit) + " words", palette().text_dim);
        feedback_for(c, q.id);
        ImGui::PopID();
    }
}

// [SECTION] Evidence ------------------------------------------------------------------------------

const char* kind_button(EvidenceKind kind) {
    switch (kind) {
        case EvidenceKind::Text: return "Add text";
        case EvidenceKind::Link: return "Add a link";
        case EvidenceKind::Image: return "Add a picture";
        case EvidenceKind::Item: return "Attach a Wayfinder item";
    }
    return "";
}

// What one attached piece is, in a line.
std::string entry_line(const EvidenceEntry& e) {
    switch (e.kind) {
        case EvidenceKind::Text: return "Text: " + e.text;
        case EvidenceKind::Link: return "Link: " + e.url;
        case EvidenceKind::Image: {
            return "Picture (" + std::to_string(e.image.width) + " × " + std::to_string(e.image.height) + ", " +
                   file_size_text(e.image.size) + ")";
        }
        case EvidenceKind::Item: {
            const DocumentSchema* schema = schema_for_type(json_string(e.item, "type"));
            std::string title = json_string(e.item, "title");
            if (title.empty()) title = json_string(e.item, "name");
            return std::string("Wayfinder item: ") + (schema ? schema->noun : "item") + (title.empty() ? "" : ", " + title);
        }
    }
    return "";
}

// `item_name` ("Evidence 2") keeps each piece's controls apart from those of the other items, for a
// screen reader as much as for the eye.
void entry_row(Workbench& wb, UiState& ui, const Credential& c, const std::string& evidence_id, const std::string& item_name,
               const EvidenceEntry& e, size_t index, bool editable) {
    Credentials& cr = wb.credentials();
    ImGui::PushID(e.id.c_str());
    paragraph(std::to_string(index + 1) + ". " + entry_line(e) + (e.is_private ? " (private)" : ""));
    const std::string piece = item_name + ", piece " + std::to_string(index + 1);
    if (e.kind == EvidenceKind::Image) {
        const float side = ImGui::GetFontSize() * 18;
        image_view(wb, e.id.c_str(), ImageRef{e.image.blob_key, nullptr, e.image.mime, e.image.width, e.image.height,
                                              e.caption.empty() ? "Picture, " + piece : e.caption},
                   ImVec2(std::min(ImGui::GetContentRegionAvail().x, side * 4 / 3), side));
    }
    ImGui::BeginDisabled(!editable);
    std::string caption = e.caption;
    TextFieldOptions options;
    options.max_chars = 200;
    options.hint = "What should the reviewer look at in it?";
    const std::string caption_label = "Caption of " + piece;
    if (text_field(ui, caption_label.c_str(), caption, options)) cr.set_caption(c.id, evidence_id, e.id, caption);
    bool is_private = e.is_private;
    if (checkbox(ui, ("Private: leave " + piece + " out of the submission").c_str(), &is_private))
        cr.set_private(c.id, evidence_id, e.id, is_private);
    if (ui.credential.removing != e.id) {
        if (button(ui, ("Remove " + piece).c_str(), ButtonKind::Quiet)) ui.credential.removing = e.id;
    } else {
        if (button(ui, "Remove this piece", ButtonKind::Primary)) {
            cr.remove_evidence(c.id, evidence_id, e.id);
            ui.credential.removing.clear();
        }
        flow(button_width("Keep it"));
        if (button(ui, "Keep it")) ui.credential.removing.clear();
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

// The form for the kind being added: a caption, and the text, the link, the picture or the item.
void add_form(Workbench& wb, UiState& ui, const Credential& c, const EvidenceItem& item, EvidenceKind kind) {
    Credentials& cr = wb.credentials();
    std::string& caption = ui.credential.drafts[item.id + "/caption"];
    std::string& value = ui.credential.drafts[item.id + "/value"];
    TextFieldOptions options;
    options.max_chars = 200;
    options.hint = "What should the reviewer look at in it?";
    text_field(ui, "Caption (optional)", caption, options);
    bool added = false;
    switch (kind) {
        case EvidenceKind::Text: {
            TextFieldOptions long_text;
            long_text.multiline = true;
            long_text.min_lines = 4;
            text_field(ui, "Evidence text", value, long_text);
            if (button(ui, "Add this text", ButtonKind::Primary)) added = !cr.add_text(c.id, item.id, caption, value).empty();
            break;
        }
        case EvidenceKind::Link: {
            TextFieldOptions link;
            link.max_chars = 2000;
            link.hint = "https://";
            text_field(ui, "Web address", value, link);
            paragraph("Wayfinder keeps the address as you typed it and never opens it; the reviewer sees it as text.", true);
            if (button(ui, "Add this link", ButtonKind::Primary)) added = !cr.add_link(c.id, item.id, caption, value).empty();
            break;
        }
        case EvidenceKind::Image:
            paragraph("Choose a picture, or drop or paste one here. Pictures are made smaller on this device before they "
                      "are kept. Leave students' faces and names out.", true);
            // While this form is open, a picture dropped or pasted anywhere goes to this evidence item.
            wb.set_image_drop_target([&cr, id = c.id, evidence_id = item.id, caption](const StoredImage& image) {
                cr.add_stored_image(id, evidence_id, caption, image);
            });
            if (button(ui, "Choose a picture…", ButtonKind::Primary, icon::kUpload)) {
                cr.choose_image(c.id, item.id, caption);
                added = true;
            }
            break;
        case EvidenceKind::Item: {
            const std::vector<Credentials::Attachable> items = cr.attachable_items();
            if (items.empty())
                paragraph("There is no self-assessment or Let's Talk journey in this workspace yet.", true);
            for (const Credentials::Attachable& a : items) {
                ImGui::PushID(a.key.c_str());
                if (button(ui, ("Attach " + a.label).c_str())) added = !cr.add_item(c.id, item.id, caption, a.key).empty();
                ImGui::PopID();
            }
            break;
        }
    }
    flow(button_width("Cancel"));
    if (button(ui, "Cancel", ButtonKind::Quiet) || added) {
        ui.credential.adding[item.id] = -1;
        caption.clear();
        value.clear();
    }
}

void evidence(Workbench& wb, UiState& ui, const Credential& c, bool editable) {
    for (size_t n = 0; n < c.pack.evidence.size(); n++) {
        const EvidenceItem& item = c.pack.evidence[n];
        const std::string item_name = std::string(submission_part_label(SubmissionPart::Evidence)) + " " + std::to_string(n + 1);
        ImGui::PushID(item.id.c_str());
        subheading(submission_piece_name(c.pack, item.id));
        paragraph(item.must_show, true);
        std::string kinds;
        for (size_t i = 0; i < item.kinds.size(); i++)
            kinds += std::string(i == 0 ? "" : i + 1 == item.kinds.size() ? " or " : ", ") + evidence_kind_phrase(item.kinds[i]);
        paragraph("Takes " + kinds + ".", true);
        const auto found = c.evidence.find(item.id);
        if (found != c.evidence.end())
            for (size_t i = 0; i < found->second.size(); i++) entry_row(wb, ui, c, item.id, item_name, found->second[i], i, editable);
        if (editable) {
            auto adding = ui.credential.adding.find(item.id);
            if (adding != ui.credential.adding.end() && adding->second >= 0) {
                add_form(wb, ui, c, item, EvidenceKind(adding->second));
            } else {
                bool first = true;
                for (EvidenceKind kind : item.kinds) {
                    const std::string label = std::string(kind_button(kind)) + " to " + item_name;
                    if (!first) flow(button_width(label.c_str()));
                    first = false;
                    if (button(ui, label.c_str())) ui.credential.adding[item.id] = int(kind);
                }
            }
        }
        feedback_for(c, item.id);
        ImGui::PopID();
    }
}

// [SECTION] Self-check and submitting -------------------------------------------------------------

void self_check_view(const Credential& c) {
    subheading("Self-check");
    paragraph("Each rubric row, checked against what you wrote and attached. The reviewer judges the quality; this only "
              "checks that everything is there and within its limits.", true);
    const SelfCheck check = self_check(c);
    for (const SelfCheckRow& row : check.rows) {
        if (row.ready) {
            status_text(std::string(icon::kCheck) + "  " + row.criterion + ": ready", palette().success);
            continue;
        }
        status_text(std::string(icon::kWarning) + "  " + row.criterion + ": not ready", palette().warning);
        for (const std::string& message : row.messages) paragraph("• " + message, true);
    }
}

void submit_view(Workbench& wb, UiState& ui, const Credential& c, CredentialStatus status) {
    Credentials& cr = wb.credentials();
    const bool resubmit = status == CredentialStatus::NotYet;
    subheading(resubmit ? "Resubmit" : "Submit");
    std::string name = c.candidate;
    TextFieldOptions name_options;
    name_options.max_chars = 120;
    if (text_field(ui, "Your name, as the reviewer and the badge will read it", name, name_options)) cr.set_candidate(c.id, name);
    if (resubmit) {
        std::string note = c.resubmission_note;
        TextFieldOptions note_options;
        note_options.multiline = true;
        note_options.hint = "What did you change after the review?";
        if (text_field(ui, "What changed since the last round", note, note_options)) cr.set_resubmission_note(c.id, note);
    }
    status_text(std::string(icon::kLock) + "  Before you submit: leave students' names and faces out of the text and the "
                "pictures. Pieces marked private stay on this device.", palette().warning);
    paragraph("Submitting downloads the submission file (JSON, pictures included) to send to your reviewer, and a "
              "printable page for your records. The work stays as sent until the review comes back.", true);
    const bool ready = self_check(c).ready(), named = !is_blank(c.candidate);
    ImGui::BeginDisabled(!ready || !named || cr.submitting());
    if (button(ui, resubmit ? "Resubmit for review" : "Submit for review", ButtonKind::Primary, icon::kDownload)) cr.submit(c.id);
    ImGui::EndDisabled();
    if (!ready) paragraph("The self-check above lists what is still needed.", true);
    else if (!named) paragraph("Add your name above: the reviewer and the badge need to know whose work it is.", true);
    if (cr.submitting()) paragraph("Reading the pictures…", true);
}

// [SECTION] Rounds and the badge ------------------------------------------------------------------

void waiting_view(UiState& ui, CredentialStatus status) {
    subheading("Waiting for the review");
    paragraph(std::string(status == CredentialStatus::Resubmitted ? "Your revised work was sent" : "Your work was sent") +
              ". When your reviewer sends back their review file, open it here (or drop it anywhere on Wayfinder): "
              "their feedback appears beside each part.");
    if (button(ui, "Open the review file…", ButtonKind::Primary, icon::kUpload)) ui.open_file_request = true;
}

void badge_view(Workbench& wb, UiState& ui, const Credential& c) {
    subheading("Your badge");
    const std::optional<EarnedBadge> badge = wb.credentials().earned_badge(c.id);
    if (!badge) {
        paragraph("The review says earned, but it carries no signed badge. Ask your reviewer to export the review again.", true);
        return;
    }
    paragraph("Earned on " + badge->date_text + ", reviewed by " + badge->issuer + ". The badge picture carries the signed "
              "credential, so anyone can check it in Wayfinder.");
    for (int s = 1; s <= 3; s++) {
        const std::string label = std::to_string(s) + "x";
        if (s > 1) flow(radio_width(label.c_str()));
        if (radio(ui, label.c_str(), ui.credential.badge_scale == s, "Badge size")) ui.credential.badge_scale = s;
    }
    if (button(ui, "Download badge", ButtonKind::Primary, icon::kDownload))
        export_badge(wb, BadgeLook{badge->credential_title, badge->earner, badge->date_text, badge->issuer}, badge->jws,
                     ui.credential.badge_scale, badge->file_name);
}

void history(const Credential& c) {
    if (c.rounds.empty()) return;
    subheading("Rounds");
    for (auto it = c.rounds.rbegin(); it != c.rounds.rend(); ++it) {
        const CredentialRound& round = *it;
        paragraph("Round " + std::to_string(round.number) + ", submitted " + long_date(round.submitted_at));
        if (!round.review) {
            paragraph("Waiting for its review.", true);
            continue;
        }
        const CredentialReview& r = *round.review;
        const bool earned = r.decision == ReviewDecision::Earned;
        status_text(std::string(earned ? "Earned" : "Not yet") + ", reviewed by " + r.reviewer + " on " + long_date(r.reviewed_at),
                    earned ? palette().success : palette().warning);
        if (!r.feedback.empty()) paragraph("Feedback: " + r.feedback, true);
        for (const ReviewRow& row : r.rows) {
            const RubricRow* rubric = c.pack.find_row(row.row_id);
            paragraph("• " + (rubric ? rubric->criterion : row.row_id) + ": " +
                          (row.verdict == RowVerdict::Meets ? "meets" : "not yet") + (row.comment.empty() ? "" : ". " + row.comment),
                      true);
        }
    }
}

void credential_view(Workbench& wb, UiState& ui, const Credential& c) {
    if (!c.pack_error.empty()) {
        status_text("This micro-credential's copy of its pack cannot be read: " + c.pack_error, palette().error);
        return;
    }
    const CredentialStatus status = credential_status(c);
    show_view(ui, "credential " + c.id);
    heading(c.pack.title, true);
    status_text(std::string("Status: ") + credential_status_label(status),
                status == CredentialStatus::Earned ? palette().success : palette().text_dim);
    if (const CredentialReview* review = latest_review(c); review && status == CredentialStatus::NotYet)
        status_text(std::string(icon::kInfo) + "  " + review->reviewer + " says \"not yet\"" +
                        (review->feedback.empty() ? "." : ": " + review->feedback) +
                        " Their notes are beside each part. Revise, then resubmit at the end of the page.",
                    palette().warning);
    about(ui, c.pack);

    const bool editable = credential_editable(status);
    if (!editable && status != CredentialStatus::Earned) waiting_view(ui, status);
    if (status == CredentialStatus::Earned) badge_view(wb, ui, c);

    heading(std::string("Part 1: ") + submission_part_label(SubmissionPart::Overview), true);
    answers(wb, ui, c, c.pack.overview, editable);
    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    heading(std::string("Part 2: ") + submission_part_label(SubmissionPart::Evidence), true);
    evidence(wb, ui, c, editable);
    heading(std::string("Part 3: ") + submission_part_label(SubmissionPart::Reflection), true);
    answers(wb, ui, c, c.pack.reflection, editable);

    if (editable) {
        self_check_view(c);
        submit_view(wb, ui, c, status);
    }
    history(c);
}

} // namespace

void page_credential(Workbench& wb, UiState& ui) {
    Credentials& cr = wb.credentials();
    // Held for the whole frame: a command below replaces the cached credential, never this snapshot.
    const std::shared_ptr<const Credential> c = cr.credential(cr.current_id());
    if (c) {
        credential_view(wb, ui, *c);
        return;
    }
    show_view(ui, "credential start");
    const CredentialPack* pack = cr.pack();
    if (!pack) {
        status_text("The micro-credential's guide could not be read in this version of Wayfinder.", palette().error);
        return;
    }
    heading(pack->title, true);
    about(ui, *pack);
    paragraph("Work on it at your own pace: answer the overview and reflection questions, attach evidence of what "
              "students made, and check it against the rubric. Then send it to another librarian leader, who reviews "
              "it in their own Wayfinder. Once they say it is earned, you get a badge that anyone can check.");
    if (button(ui, "Start the micro-credential", ButtonKind::Primary, icon::kBadge)) cr.start();
}

} // namespace wf::ui
