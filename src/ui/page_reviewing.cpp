// The Reviews page: a colleague's micro-credential, opened from the submission file they sent, read
// part by part beside the rubric row that judges it, marked Meets or Not yet row by row with a
// comment, given overall feedback and a decision, and exported as the review file to send back.
// Reviews in progress and the reviews written are listed first.
#include "ui/pages.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <map>
#include <optional>

#include "app/reviews.hpp"
#include "app/workbench.hpp"
#include "core/file_size_text.hpp"
#include "core/iso_date.hpp"
#include "core/text_stats.hpp"
#include "ui/icons.hpp"
#include "ui/image_view.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace wf::ui {

// [SECTION] The submission, read-only
// [SECTION] One review
// [SECTION] The list of reviews

namespace {

// Two columns (the work, the rubric) only where each still has room for a readable line.
bool side_by_side(UiState& ui) { return ImGui::GetContentRegionAvail().x > 700 * ui.scale; }

std::string date_words(const std::string& iso) {
    const std::string words = long_date(iso);
    return words.empty() ? iso : words;
}

std::string decision_words(ReviewDecision decision) { return decision == ReviewDecision::Earned ? "Earned" : "Not yet"; }

// [SECTION] The submission, read-only ---------------------------------------------------------------

void evidence_piece(Workbench& wb, UiState& ui, const Reviews::Open& open, const SubmittedEvidence& piece) {
    const EvidenceEntry& e = piece.entry;
    if (!e.caption.empty()) paragraph(e.caption);
    switch (e.kind) {
        case EvidenceKind::Text: paragraph(e.text, true); break;
        // Shown, never fetched: the reviewer opens it in their browser if they choose to.
        case EvidenceKind::Link: paragraph("Link: " + e.url, true); break;
        case EvidenceKind::Image:
            paragraph("Picture, " + std::to_string(e.image.width) + " × " + std::to_string(e.image.height) + " pixels, " +
                      file_size_text(piece.image_data.size()) + ".", true);
            {
                const float side = ImGui::GetFontSize() * 18;
                image_view(wb, e.id.c_str(), ImageRef{"", &piece.image_data, e.image.mime, e.image.width, e.image.height,
                                                      e.caption.empty() ? "Picture" : e.caption},
                           ImVec2(std::min(ImGui::GetContentRegionAvail().x, side * 4 / 3), side));
            }
            break;
        case EvidenceKind::Item: {
            std::string line = "A Wayfinder item";
            if (open.items)
                if (const auto found = open.items->find(e.id); found != open.items->end()) line = found->second;
            paragraph(line, true);
            if (Reviews::item_has_page(e.item) && button(ui, "Save it as a page to read", ButtonKind::Secondary, icon::kDownload))
                wb.reviews().save_item_page(open.id, e.id);
            break;
        }
    }
}

// A question with its answer, or an evidence item with every piece attached to it.
void submission_piece(Workbench& wb, UiState& ui, const Reviews::Open& open, const std::string& id) {
    const Submission& s = *open.submission;
    const CredentialPack& pack = s.pack;
    const std::string name = submission_piece_name(pack, id);
    if (const CredentialQuestion* q = pack.find_question(id)) {
        paragraph(name + ": " + q->text);
        const auto answer = s.answers.find(id);
        const std::string text = answer == s.answers.end() ? std::string() : answer->second;
        if (is_blank(text)) paragraph("No answer.", true);
        else paragraph(text);
        status_text(std::to_string(count_words(text)) + " words; the limit is " + std::to_string(q->word_limit) + ".",
                    palette().text_dim);
        return;
    }
    if (const EvidenceItem* item = pack.find_evidence(id)) {
        paragraph(name + ". " + item->must_show);
        const auto pieces = s.evidence.find(id);
        if (pieces == s.evidence.end() || pieces->second.empty()) {
            paragraph("Nothing attached.", true);
            return;
        }
        for (const SubmittedEvidence& piece : pieces->second) {
            ImGui::PushID(piece.entry.id.c_str());
            ImGui::Dummy(ImVec2(0, 2));
            evidence_piece(wb, ui, open, piece);
            ImGui::PopID();
        }
    }
}

// [SECTION] One review -------------------------------------------------------------------------------

void rubric_marks(Workbench& wb, UiState& ui, const Reviews::Open& open, const RubricRow& row, const ReviewRow& marked) {
    Reviews& reviews = wb.reviews();
    paragraph("Meets when: " + row.meets, true);
    if (radio(ui, "Meets", marked.verdict == RowVerdict::Meets && open.draft.rows.count(row.id), row.criterion))
        reviews.set_verdict(open.id, row.id, RowVerdict::Meets);
    flow(radio_width("Not yet"));
    if (radio(ui, "Not yet", marked.verdict == RowVerdict::NotYet && open.draft.rows.count(row.id), row.criterion))
        reviews.set_verdict(open.id, row.id, RowVerdict::NotYet);
    std::string comment = marked.comment;
    TextFieldOptions options;
    options.multiline = true;
    options.min_lines = 2;
    options.hint = "What meets the row, or what is still missing?";
    if (text_field(ui, ("Your comment on \"" + row.criterion + "\"").c_str(), comment, options))
        reviews.set_comment(open.id, row.id, comment);
}

void review_view(Workbench& wb, UiState& ui, const Reviews::Open& open) {
    Reviews& reviews = wb.reviews();
    show_view(ui, "review " + open.id);
    if (!open.submission) {
        status_text(std::string(icon::kWarning) + "  " + open.problem, palette().error);
        if (button(ui, "Back to your reviews", ButtonKind::Quiet)) ui.reviewing.id.clear();
        return;
    }
    const Submission& s = *open.submission;
    const ReviewDraft& d = open.draft;
    subheading(s.pack.title);
    paragraph("By " + s.candidate + " · round " + std::to_string(s.round) + " · sent " + date_words(s.submitted_at));
    if (d.exported())
        status_text(std::string(icon::kCheck) + "  Exported on " + date_words(d.exported_at) + ": " +
                        decision_words(open.review.decision) + ". It is kept as it was sent.", palette().success);
    paragraph("Read each part beside the rubric row that judges it, mark the row Meets or Not yet, and say why in a "
              "comment: the candidate sees your comment beside that part of their work.", true);
    if (!is_blank(s.resubmission_note)) {
        subheading("What changed since the last round");
        paragraph(s.resubmission_note);
    }

    ImGui::BeginDisabled(d.exported());
    std::string reviewer = d.reviewer;
    TextFieldOptions name;
    name.max_chars = 120;
    name.hint = "What name should the candidate and the badge show?";
    if (text_field(ui, "Your name as reviewer", reviewer, name)) reviews.set_reviewer(open.id, reviewer);

    // Each part under the first row that judges it; a later row points back to it.
    std::map<std::string, size_t> shown;
    const std::vector<RubricRow>& rubric = s.pack.rubric;
    for (size_t i = 0; i < rubric.size(); i++) {
        const RubricRow& row = rubric[i];
        ImGui::PushID(row.id.c_str());
        subheading("Criterion " + std::to_string(i + 1) + " of " + std::to_string(rubric.size()) + ": " + row.criterion);
        const bool two = side_by_side(ui);
        std::optional<SideBySide> cells;
        if (two) cells.emplace("##row", true, true);
        for (const std::string& id : row.judges) {
            ImGui::PushID(id.c_str());
            if (const auto earlier = shown.find(id); earlier != shown.end())
                paragraph(submission_piece_name(s.pack, id) + ": shown above, under criterion " +
                          std::to_string(earlier->second + 1) + ".", true);
            else {
                shown[id] = i;
                submission_piece(wb, ui, open, id);
            }
            ImGui::PopID();
        }
        if (cells) cells->next();
        rubric_marks(wb, ui, open, row, open.review.rows[i]);
        if (cells) cells->end();
        ImGui::PopID();
    }

    subheading("Your feedback and decision");
    std::string feedback = d.feedback;
    TextFieldOptions overall;
    overall.multiline = true;
    overall.min_lines = 4;
    overall.word_count = true;
    overall.hint = "What is strong in this work, and what would make it stronger?";
    if (text_field(ui, "Overall feedback", feedback, overall)) reviews.set_feedback(open.id, feedback);
    ImGui::BeginDisabled(!open.all_meet);
    if (radio(ui, "Earned", d.decision == ReviewDecision::Earned, "Decision"))
        reviews.set_decision(open.id, ReviewDecision::Earned);
    ImGui::EndDisabled();
    flow(radio_width("Not yet"));
    if (radio(ui, "Not yet", d.decision == ReviewDecision::NotYet, "Decision"))
        reviews.set_decision(open.id, ReviewDecision::NotYet);
    if (!open.all_meet)
        paragraph("Earned becomes possible once every criterion is marked Meets.", true);
    else if (d.decision == ReviewDecision::Earned)
        paragraph("Exporting signs the badge with a key this browser keeps for you; the key itself never leaves it. "
                  "Anyone can then check that the badge came from you, unchanged.", true);
    ImGui::EndDisabled();

    ImGui::Dummy(ImVec2(0, 6 * ui.scale));
    if (reviews.exporting()) status_text("Signing the badge…", palette().text_dim);
    else if (button(ui, d.exported() ? "Export the review again" : "Export review", ButtonKind::Primary, icon::kDownload))
        reviews.export_review(open.id);
    if (button(ui, "Back to your reviews", ButtonKind::Quiet)) ui.reviewing.id.clear();
}

// [SECTION] The list of reviews ----------------------------------------------------------------------

void remove_buttons(Workbench& wb, UiState& ui, const std::string& id) {
    flow(button_width("Remove"));
    if (ui.reviewing.removing_id != id) {
        if (button(ui, "Remove", ButtonKind::Quiet)) ui.reviewing.removing_id = id;
        return;
    }
    if (button(ui, "Remove this review", ButtonKind::Primary)) {
        wb.reviews().remove(id);
        ui.reviewing.removing_id.clear();
    }
    flow(button_width("Keep it"));
    if (button(ui, "Keep it")) ui.reviewing.removing_id.clear();
}

void review_list(Workbench& wb, UiState& ui) {
    Reviews& reviews = wb.reviews();
    show_view(ui, "reviews");
    paragraph("When a colleague sends you their micro-credential submission, open the file here or drop it anywhere on "
              "Wayfinder. You read it beside its rubric and mark it row by row; it is kept apart from your own work, "
              "and your marks are saved as you go.", true);
    if (button(ui, "Open a submission file…", ButtonKind::Primary, icon::kUpload)) ui.open_file_request = true;

    bool any_in_progress = false;
    for (const std::string& id : reviews.draft_ids()) {
        const std::shared_ptr<const Reviews::Open> open = reviews.draft(id);
        if (!open || open->draft.exported()) continue;
        if (!any_in_progress) subheading("Reviews in progress");
        any_in_progress = true;
        ImGui::PushID(id.c_str());
        if (open->submission) {
            const Submission& s = *open->submission;
            paragraph(s.pack.title + " · " + s.candidate + " · round " + std::to_string(s.round));
            size_t marked = 0;
            for (const RubricRow& row : s.pack.rubric) marked += open->draft.rows.count(row.id);
            status_text("Opened " + date_words(open->draft.opened_at) + " · " + std::to_string(marked) + " of " +
                            std::to_string(s.pack.rubric.size()) + " criteria marked", palette().text_dim);
            if (button(ui, "Continue the review", ButtonKind::Primary)) ui.reviewing.id = id;
        } else {
            status_text(std::string(icon::kWarning) + "  " + open->problem, palette().error);
        }
        remove_buttons(wb, ui, id);
        ImGui::PopID();
    }

    const std::vector<CredentialReview> written = reviews.written();
    subheading("Reviews you wrote");
    if (written.empty()) paragraph("None yet. Each review you export is listed here.", true);
    for (auto it = written.rbegin(); it != written.rend(); ++it) {
        const CredentialReview& r = *it;
        const std::string id = r.submission_id + ":" + std::to_string(r.round);
        ImGui::PushID(id.c_str());
        paragraph(r.credential_title + " · " + r.candidate + " · round " + std::to_string(r.round));
        status_text(decision_words(r.decision) + " · reviewed " + date_words(r.reviewed_at),
                    r.decision == ReviewDecision::Earned ? palette().success : palette().text_dim);
        if (reviews.draft(id)) {
            if (button(ui, "Open the review")) ui.reviewing.id = id;
            remove_buttons(wb, ui, id);
        }
        ImGui::PopID();
    }
}

} // namespace

void page_reviewing(Workbench& wb, UiState& ui) {
    // Held for the whole frame: a command below replaces the cached draft, never this snapshot.
    const std::shared_ptr<const Reviews::Open> open = ui.reviewing.id.empty() ? nullptr : wb.reviews().draft(ui.reviewing.id);
    if (open) review_view(wb, ui, *open);
    else {
        ui.reviewing.id.clear();
        review_list(wb, ui);
    }
}

} // namespace wf::ui
