// The micro-credential tool (candidate side): its commands over the fake platform, from the first
// answer to the submission file, the review coming back, a resubmission and the badge.
#include <doctest/doctest.h>

#include "app/builtin_packs.hpp"
#include "app/credentials.hpp"
#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "app/lets_talk.hpp"
#include "core/credential_files.hpp"
#include "core/journey.hpp"
#include "ui/badge_image.hpp"
#include "ui/app_view.hpp"
#include "ui/ui_state.hpp"

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

// A PNG's first 24 bytes (signature, IHDR with 2x3 pixels) and a little more: the fake stores it as a picture.
const std::string kPicture = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x02\0\0\0\x03", 24) + "pixels";

struct CandidateTab {
    SharedStore store;
    Tab tab{store};
    Credentials& cr = tab.wb.credentials();
    std::string id;
    CandidateTab() {
        use_builtin_packs(tab.wb);
        tab.edit_profile("name", "Ana Pérez");
        id = cr.start();
    }
    std::shared_ptr<const Credential> credential() { return cr.credential(id); }
    const Notice* last_notice() const { return tab.wb.notices().empty() ? nullptr : &tab.wb.notices().back(); }

    // Everything the self-check asks for, each evidence item a piece of text.
    void fill() {
        for (const char* q : {"overview-approach", "overview-setting", "reflection-learning", "reflection-parameters", "reflection-next"})
            cr.set_answer(id, q, "Students plan, build and share their own podcasts with the school.");
        for (const char* e : {"evidence-plan", "evidence-student-work", "evidence-space", "evidence-collaboration"})
            REQUIRE_FALSE(cr.add_text(id, e, "", "A short description of what we did.").empty());
    }

    // The submission file of the latest download named ….json, read as a reviewer reads it.
    Submission last_submission() {
        for (auto it = tab.platform.downloads.rbegin(); it != tab.platform.downloads.rend(); ++it)
            if (it->name.size() > 5 && it->name.compare(it->name.size() - 5, 5, ".json") == 0) {
                const SubmissionRead read = read_submission(it->text);
                REQUIRE_MESSAGE(read.ok, read.error);
                return read.submission;
            }
        FAIL("no submission file was downloaded");
        return {};
    }

    // The reviewer's review file for `s`: rows meet except `not_yet_row`; earned when all meet.
    std::string review_file(const Submission& s, const std::string& not_yet_row, const std::string& signed_credential = "") {
        CredentialReview review = start_review(s, "Sam Reviewer", "2027-03-15");
        for (ReviewRow& row : review.rows) {
            row.verdict = row.row_id == not_yet_row ? RowVerdict::NotYet : RowVerdict::Meets;
            if (row.row_id == not_yet_row) row.comment = "Show two grades, please.";
        }
        review.feedback = "A strong start.";
        review.decision = not_yet_row.empty() ? ReviewDecision::Earned : ReviewDecision::NotYet;
        review.signed_credential = signed_credential;
        const ReviewFileResult file = review_file_text(s, review);
        REQUIRE_MESSAGE(file.ok, file.error);
        return file.file_text;
    }
    void open(const std::string& name, const std::string& text) {
        tab.wb.on_file_opened(name, std::vector<uint8_t>(text.begin(), text.end()));
    }
};

} // namespace

TEST_CASE("the micro-credential starts with the librarian's name and moves from Not started to In progress to Ready to submit") {
    CandidateTab t;
    REQUIRE(t.credential());
    CHECK(t.credential()->candidate == "Ana Pérez");
    CHECK(t.cr.current_id() == t.id);
    CHECK(t.cr.current_status() == CredentialStatus::NotStarted);
    t.cr.set_answer(t.id, "overview-approach", "Students film short documentaries.");
    CHECK(t.cr.current_status() == CredentialStatus::InProgress);
    t.fill();
    CHECK(t.cr.current_status() == CredentialStatus::ReadyToSubmit);
}

TEST_CASE("typing an answer is one undo step, and undo gives the answer back as it was") {
    CandidateTab t;
    t.cr.set_answer(t.id, "overview-approach", "Students");
    t.cr.set_answer(t.id, "overview-approach", "Students make");
    t.cr.set_answer(t.id, "overview-approach", "Students make videos");
    CHECK(t.tab.wb.undo_label() == "Edit an answer");
    t.tab.wb.undo();
    CHECK(t.credential()->answers.count("overview-approach") == 0);
}

TEST_CASE("evidence of a kind an item does not take is refused with the reason, and nothing changes") {
    CandidateTab t;
    const nlohmann::json before = *t.tab.wb.document(credential_key(t.id));
    LetsTalk& lt = t.tab.wb.lets_talk();
    const std::string journey = lt.start("With our principal");
    // Student work takes images, links and text, not Wayfinder items.
    CHECK(t.cr.add_item(t.id, "evidence-student-work", "", journey_key(journey)).empty());
    REQUIRE(t.last_notice());
    CHECK(t.last_notice()->kind == Notice::Kind::Error);
    CHECK(t.last_notice()->text.find("Evidence 2, student work, takes") == 0);
    CHECK(*t.tab.wb.document(credential_key(t.id)) == before);
    CHECK(t.cr.add_link(t.id, "evidence-space", "", "library.example/maker").empty());
    CHECK(t.last_notice()->text.find("https://") != std::string::npos);
}

TEST_CASE("a Let's Talk journey is attached as its shared copy, and listed among the items that can be attached") {
    CandidateTab t;
    LetsTalk& lt = t.tab.wb.lets_talk();
    const std::string journey = lt.start("With our principal");
    lt.add_continuum_phrase(journey, "I am not a tech person");   // private by default
    const std::vector<Credentials::Attachable> items = t.cr.attachable_items();
    REQUIRE(items.size() == 1);
    CHECK(items[0].label == "Let's Talk journey: With our principal");
    const std::string entry = t.cr.add_item(t.id, "evidence-collaboration", "Our agreement", items[0].key);
    REQUIRE_FALSE(entry.empty());
    const EvidenceEntry& attached = t.credential()->evidence.at("evidence-collaboration").front();
    CHECK(attached.kind == EvidenceKind::Item);
    CHECK(attached.caption == "Our agreement");
    CHECK(attached.item.dump().find("I am not a tech person") == std::string::npos);
}

TEST_CASE("submitting downloads the file with the picture inside and the printable page, and leaves private evidence out") {
    CandidateTab t;
    t.fill();
    t.tab.platform.next_chosen_image = kPicture;
    t.cr.choose_image(t.id, "evidence-student-work", "Podcast storyboard");
    t.tab.settle();
    REQUIRE(t.credential()->evidence.at("evidence-student-work").size() == 2);
    const std::string secret = t.cr.add_text(t.id, "evidence-space", "Not for sharing", "Notes on a student");
    t.cr.set_private(t.id, "evidence-space", secret, true);

    t.cr.submit(t.id);
    CHECK(t.cr.submitting());   // the picture is being read
    t.tab.settle();
    CHECK_FALSE(t.cr.submitting());
    CHECK(t.cr.current_status() == CredentialStatus::Submitted);
    REQUIRE(t.tab.platform.downloads.size() == 2);
    CHECK(t.tab.platform.downloads[0].name.find("round-1") != std::string::npos);
    const std::string& html = t.tab.platform.downloads[1].text;
    CHECK(t.tab.platform.downloads[1].name.find(".html") != std::string::npos);
    CHECK(html.find("data:image/png;base64,") != std::string::npos);
    CHECK(html.find("Not for sharing") == std::string::npos);

    const Submission s = t.last_submission();
    CHECK(s.candidate == "Ana Pérez");
    REQUIRE(s.evidence.at("evidence-student-work").size() == 2);
    CHECK(s.evidence.at("evidence-student-work")[1].image_data == kPicture);
    CHECK(s.evidence.at("evidence-space").size() == 1);
    // While it waits for its review, the work is what the reviewer reads: edits are refused.
    t.cr.set_answer(t.id, "overview-approach", "Changed");
    CHECK(t.last_notice()->text.find("waiting for its review") != std::string::npos);
}

TEST_CASE("a submission the self-check does not pass is refused with what is missing, and nothing is downloaded") {
    CandidateTab t;
    t.cr.set_answer(t.id, "overview-approach", "Students make things.");
    t.cr.submit(t.id);
    t.tab.settle();
    CHECK(t.tab.platform.downloads.empty());
    REQUIRE(t.last_notice());
    CHECK(t.last_notice()->text.find("cannot be submitted yet") != std::string::npos);
    CHECK(t.cr.current_status() == CredentialStatus::InProgress);
}

TEST_CASE("a \"not yet\" review opened from a file shows on the credential, and the revised work is resubmitted as round 2") {
    CandidateTab t;
    t.fill();
    t.cr.submit(t.id);
    t.tab.settle();
    const Submission first = t.last_submission();
    t.open("review.json", t.review_file(first, "criterion-student-work"));
    CHECK(t.cr.current_status() == CredentialStatus::NotYet);
    REQUIRE(t.credential()->rounds.front().review);
    CHECK(t.credential()->rounds.front().review->feedback == "A strong start.");

    t.cr.add_text(t.id, "evidence-student-work", "Grade 5", "A second sample from another grade.");
    t.cr.set_resubmission_note(t.id, "Added a sample from grade 5.");
    t.cr.submit(t.id);
    t.tab.settle();
    CHECK(t.cr.current_status() == CredentialStatus::Resubmitted);
    const Submission second = t.last_submission();
    CHECK(second.round == 2);
    CHECK(second.submission_id == first.submission_id);
    CHECK(second.resubmission_note == "Added a sample from grade 5.");
    REQUIRE(t.credential()->rounds.size() == 2);
    CHECK(t.credential()->rounds.front().review);   // round 1's review is kept as history

    // Round 1's review opened again, now that round 2 waits: refused, and nothing changes.
    const nlohmann::json before = *t.tab.wb.document(credential_key(t.id));
    t.open("old-review.json", t.review_file(first, "criterion-student-work"));
    CHECK(t.last_notice()->kind == Notice::Kind::Error);
    CHECK(t.last_notice()->text.find("\"old-review.json\" was not attached.") == 0);
    CHECK(*t.tab.wb.document(credential_key(t.id)) == before);
}

TEST_CASE("a review of a submission this Wayfinder did not send is refused plainly, and nothing changes") {
    CandidateTab other;
    other.tab.platform.clock += 3600;   // another librarian, another hour: another submission id
    other.fill();
    other.cr.submit(other.id);
    other.tab.settle();
    const std::string foreign = other.review_file(other.last_submission(), "");

    CandidateTab t;
    t.fill();
    t.cr.submit(t.id);
    t.tab.settle();
    const nlohmann::json before = *t.tab.wb.document(credential_key(t.id));
    t.open("review.json", foreign);
    REQUIRE(t.last_notice());
    CHECK(t.last_notice()->kind == Notice::Kind::Error);
    CHECK(t.last_notice()->text.find("did not send") != std::string::npos);
    CHECK(*t.tab.wb.document(credential_key(t.id)) == before);
    CHECK(t.cr.current_status() == CredentialStatus::Submitted);
}

TEST_CASE("an earned review carrying the signed credential gives the badge the earner, the issuer and the date") {
    CandidateTab t;
    t.fill();
    t.cr.submit(t.id);
    t.tab.settle();
    CHECK_FALSE(t.cr.earned_badge(t.id));
    t.open("review.json", t.review_file(t.last_submission(), "", "header.payload.signature"));
    CHECK(t.cr.current_status() == CredentialStatus::Earned);
    const std::optional<EarnedBadge> badge = t.cr.earned_badge(t.id);
    REQUIRE(badge);
    CHECK(badge->credential_title == "Empowering Students as Creators");
    CHECK(badge->earner == "Ana Pérez");
    CHECK(badge->issuer == "Sam Reviewer");
    CHECK(badge->date_text == "March 15, 2027");
    CHECK(badge->jws == "header.payload.signature");
    CHECK(badge->file_name == "wayfinder-badge-empowering-students-as-creators-2027-03-15.png");
}

TEST_CASE("the micro-credential's work survives a reload, rounds and reviews included") {
    SharedStore store;
    std::string id;
    {
        Tab tab{store};
        use_builtin_packs(tab.wb);
        id = tab.wb.credentials().start();
        tab.wb.credentials().set_answer(id, "overview-setting", "Grades 3 to 5, a maker corner.");
        tab.settle();
    }
    Tab again{store};
    use_builtin_packs(again.wb);
    REQUIRE(again.wb.credentials().credential(id));
    CHECK(again.wb.credentials().credential(id)->answers.at("overview-setting") == "Grades 3 to 5, a maker corner.");
}

namespace {
// The whole app on the Micro-credential page, in a window tall enough for the whole page.
struct PageView {
    wf::test::HeadlessImGui imgui{1000, 30000};
    ui::UiState state;
    Workbench& wb;
    explicit PageView(Workbench& workbench) : wb(workbench) {
        imgui.own_window = false;
        state.page = ui::Page::MicroCredential;
        draw_frames();
    }
    void draw_frames() {
        const auto draw = [&] { ui::draw_app(wb, state); };
        imgui.frames_until_idle(draw);
        imgui.frames_until_idle(draw);
    }
    void click(const std::string& label) {
        const automation::Record* item = wf::test::find_item(label, "button");
        REQUIRE_MESSAGE(item, label);
        imgui.point_and_click(item->x + item->w / 2, item->y + item->h / 2, [&] { ui::draw_app(wb, state); });
    }
};
} // namespace

TEST_CASE("the page shows each answer's words against its limit and the self-check's message for what is missing") {
    CandidateTab t;
    t.cr.set_answer(t.id, "overview-setting", "one two three");
    PageView view(t.tab.wb);
    CHECK(wf::test::find_item("Status: In progress", "status"));
    CHECK(wf::test::find_item("Overview 2: 3 of 200 words", "status"));
    CHECK(wf::test::find_item("\xE2\x80\xA2 Evidence 2, student work, has nothing attached yet."));
    const automation::Record* submit = wf::test::find_item("Submit for review", "button");
    REQUIRE(submit);
    CHECK(submit->disabled);

    std::string long_answer;
    for (int i = 0; i < 201; i++) long_answer += "word ";
    t.cr.set_answer(t.id, "overview-setting", long_answer);
    view.draw_frames();
    CHECK(wf::test::find_item("Overview 2: 201 words, over the limit of 200.", "status"));   // icons are not read out
    CHECK(wf::test::find_item("\xE2\x80\xA2 Overview 2 is 201 words; the limit is 200."));
}

TEST_CASE("choosing how to add evidence opens its form, and the text written there is attached to that item") {
    CandidateTab t;
    PageView view(t.tab.wb);
    view.click("Add text to Evidence 3");
    REQUIRE(wf::test::find_item("Add this text", "button"));
    view.state.credential.drafts["evidence-space/value"] = "A maker corner open at every recess.";
    view.click("Add this text");
    REQUIRE(t.credential()->evidence.count("evidence-space"));
    CHECK(t.credential()->evidence.at("evidence-space").front().text == "A maker corner open at every recess.");
    CHECK(wf::test::find_item("Add text to Evidence 3", "button"));   // the form closed
}

TEST_CASE("an earned credential's Download badge asks for the badge at the chosen size, naming the earner and the issuer") {
    CandidateTab t;
    t.fill();
    t.cr.submit(t.id);
    t.tab.settle();
    t.open("review.json", t.review_file(t.last_submission(), "", "header.payload.signature"));
    PageView view(t.tab.wb);
    CHECK(wf::test::find_item("Status: Earned", "status"));
    CHECK_FALSE(wf::test::find_item("Submit for review", "button"));
    const automation::Record* three = wf::test::find_item("3x", "radio");
    REQUIRE(three);
    view.imgui.point_and_click(three->x + three->w / 2, three->y + three->h / 2, [&] { ui::draw_app(t.tab.wb, view.state); });
    ui::take_badge_request();   // none left from an earlier test
    view.click("Download badge");
    const std::optional<ui::BadgeRequest> request = ui::take_badge_request();
    REQUIRE(request);
    CHECK(request->scale == 3);
    CHECK(request->look.earner == "Ana Pérez");
    CHECK(request->look.issuer == "Sam Reviewer");
    CHECK(request->jws == "header.payload.signature");
    CHECK(request->file_name == "wayfinder-badge-empowering-students-as-creators-2027-03-15.png");
}
