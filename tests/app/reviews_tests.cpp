// Reviewing a colleague's micro-credential: the submission file opened as a review in progress, the
// marks, the review file the candidate's Wayfinder attaches, and the badge an earned review signs.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "app/builtin_packs.hpp"
#include "app/lets_talk.hpp"
#include "app/reviews.hpp"
#include "core/credential.hpp"
#include "core/credential_files.hpp"
#include "core/did_key.hpp"
#include "core/journey.hpp"
#include "core/open_badge.hpp"
#include "ui/pages.hpp"
#include "ui/widgets.hpp"

using namespace wf;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

// The shipped pack, read from the repository (the app tests have no fixture folder of their own).
CredentialPack creators_pack() {
    std::string here = __FILE__;
    std::ifstream file(here.substr(0, here.rfind("/tests/")) + "/assets/credentials/empowering-students-as-creators.json");
    std::ostringstream text;
    text << file.rdbuf();
    const CredentialPackLoad load = load_credential_pack(text.str());
    REQUIRE_MESSAGE(load.ok, load.error);
    return load.pack;
}

std::string words(int count) {
    std::string text = "word";
    for (int i = 1; i < count; i++) text += " word";
    return text;
}

const std::string kPicture = std::string("\x89PNG\r\n\x1A\n", 8) + "a student's storyboard";

// Ana's micro-credential, filled so that it submits, and its submission file (round 1).
struct Candidate {
    nlohmann::json doc;
    std::string file;
};

// A Let's Talk journey as Ana's Wayfinder would attach it.
nlohmann::json ana_journey() {
    SharedStore store;
    Tab ana(store);
    use_builtin_packs(ana.wb);
    const std::string id = ana.wb.lets_talk().start("2026–27 with Ms. Rivera");
    return *ana.wb.document(journey_key(id));
}

Candidate submitted_work() {
    Candidate c;
    c.doc = new_credential_doc(creators_pack(), "c1", "Ana Pérez", "2026-11-02T15:00:00Z");
    Credential credential = credential_from_doc(c.doc);
    for (const auto* part : {&credential.pack.overview, &credential.pack.reflection})
        for (const CredentialQuestion& question : *part) REQUIRE(set_answer(credential, question.id, words(question.word_limit - 10)).ok);
    int n = 0;
    for (const EvidenceItem& item : credential.pack.evidence) {
        EvidenceEntry entry;
        entry.id = "e" + std::to_string(++n);
        entry.kind = EvidenceKind::Text;
        entry.text = "What we made in week " + std::to_string(n) + ".";
        if (item.id == "evidence-collaboration") {
            entry.kind = EvidenceKind::Item;
            entry.item = ana_journey();
        }
        if (item.id == "evidence-student-work") {
            entry.kind = EvidenceKind::Image;
            entry.caption = "Grade 3 storyboard";
            entry.image = {"blob:1", kPicture.size(), "image/png", 640, 480};
        }
        REQUIRE(add_evidence(credential, item.id, entry).ok);
    }
    credential_write(c.doc, credential);
    const SubmitResult result = submit_credential(
        c.doc, [](const std::string&) { return std::optional<std::string>(kPicture); }, "sub-1", "2026-11-20T10:00:00Z");
    REQUIRE_MESSAGE(result.ok, result.error);
    c.file = result.file_text;
    return c;
}

void open_file(Tab& tab, const std::string& name, const std::string& text) {
    tab.wb.on_file_opened(name, std::vector<uint8_t>(text.begin(), text.end()));
}

std::string last_notice(const Tab& tab) { return tab.wb.notices().empty() ? "" : tab.wb.notices().back().text; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool openssl_verify(const Ed25519PublicKey& key, std::string_view message, const Ed25519Signature& signature) {
    EVP_PKEY* pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size());
    if (!pkey) return false;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, pkey);
    const int ok = EVP_DigestVerify(ctx, signature.data(), signature.size(),
                                    reinterpret_cast<const unsigned char*>(message.data()), message.size());
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(pkey);
    return ok == 1;
}

// Every row marked, the reviewer named and the decision taken.
void mark_all(Reviews& reviews, const std::string& id, const CredentialPack& pack, RowVerdict verdict) {
    for (const RubricRow& row : pack.rubric) reviews.set_verdict(id, row.id, verdict);
}

} // namespace

TEST_CASE("a colleague's submission opens as a review in progress, apart from the reviewer's own work, and is still there after a reload") {
    SharedStore store;
    const Candidate ana = submitted_work();
    {
        Tab jo(store);
        open_file(jo, "ana-submission.json", ana.file);
        Reviews& reviews = jo.wb.reviews();
        REQUIRE(reviews.draft_ids().size() == 1);
        const std::string id = reviews.draft_ids().front();
        CHECK(id == "sub-1:1");
        CHECK(reviews.take_opened() == id);
        CHECK(reviews.take_opened().empty());
        CHECK(jo.wb.keys_with_prefix("credential:").empty());   // never one of Jo's own micro-credentials
        const auto open = reviews.draft(id);
        REQUIRE(open);
        REQUIRE(open->submission);
        CHECK(open->submission->candidate == "Ana Pérez");
        CHECK(open->submission->evidence.at("evidence-student-work").front().image_data == kPicture);
        CHECK(open->review.rows.size() == open->submission->pack.rubric.size());

        reviews.set_reviewer(id, "Jo Lee");
        reviews.set_verdict(id, "criterion-approach", RowVerdict::Meets);
        reviews.set_comment(id, "criterion-approach", "Two grades, clearly told.");
        reviews.set_feedback(id, "A strong start.");
        jo.settle();

        // The same file again opens the review already started, not a second one.
        open_file(jo, "ana-submission (1).json", ana.file);
        CHECK(reviews.draft_ids().size() == 1);
        CHECK(contains(last_notice(jo), "already reviewing round 1"));
        CHECK(reviews.take_opened() == id);
    }
    Tab reloaded(store);
    const auto open = reloaded.wb.reviews().draft("sub-1:1");
    REQUIRE(open);
    REQUIRE(open->submission);
    CHECK(open->draft.reviewer == "Jo Lee");
    CHECK(open->review.rows.front().verdict == RowVerdict::Meets);
    CHECK(open->review.rows.front().comment == "Two grades, clearly told.");
    CHECK(open->review.feedback == "A strong start.");
}

TEST_CASE("a changed submission, or a file of another kind, is refused with a reason and opens no review") {
    SharedStore store;
    Tab jo(store);
    std::string changed = submitted_work().file;
    changed.replace(changed.find("What we made"), 4, "Whom");
    open_file(jo, "changed.json", changed);
    CHECK(jo.wb.reviews().draft_ids().empty());
    CHECK(contains(last_notice(jo), "\"changed.json\" was not opened."));
    CHECK(contains(last_notice(jo), "changed after it was submitted"));
}

TEST_CASE("a not-yet review exports a file the candidate's Wayfinder attaches, and the reviewer's list keeps it") {
    SharedStore store;
    Candidate ana = submitted_work();
    Tab jo(store);
    open_file(jo, "ana-submission.json", ana.file);
    Reviews& reviews = jo.wb.reviews();
    const std::string id = reviews.take_opened();
    const CredentialPack pack = reviews.draft(id)->submission->pack;

    // Nothing leaves without a reviewer's name and a decision; each refusal says what to do.
    reviews.export_review(id);
    CHECK(contains(last_notice(jo), "Add your name as the reviewer first"));
    reviews.set_reviewer(id, "Jo Lee");
    reviews.set_verdict(id, "criterion-approach", RowVerdict::Meets);
    reviews.export_review(id);
    CHECK(contains(last_notice(jo), "Mark every criterion Meets or Not yet first: 5 are not marked yet."));
    mark_all(reviews, id, pack, RowVerdict::Meets);
    reviews.export_review(id);
    CHECK(contains(last_notice(jo), "Choose a decision first"));
    CHECK(jo.platform.downloads.empty());

    reviews.set_verdict(id, "criterion-student-work", RowVerdict::NotYet);
    reviews.set_comment(id, "criterion-student-work", "Show a second sample, from another grade.");
    reviews.set_feedback(id, "Nearly there.");
    reviews.set_decision(id, ReviewDecision::NotYet);
    reviews.export_review(id);
    jo.settle();
    REQUIRE(jo.platform.downloads.size() == 1);
    CHECK(jo.platform.downloads[0].name.rfind("wayfinder-review-ana-p", 0) == 0);
    CHECK(contains(last_notice(jo), "Send it to Ana Pérez"));

    const ReviewRead read = read_review_file(jo.platform.downloads[0].text);
    REQUIRE_MESSAGE(read.ok, read.error);
    CHECK(read.review.decision == ReviewDecision::NotYet);
    CHECK(read.review.reviewer == "Jo Lee");
    CHECK(read.review.signed_credential.empty());
    CHECK(attach_review_file(ana.doc, jo.platform.downloads[0].text).ok);
    CHECK(credential_status(credential_from_doc(ana.doc)) == CredentialStatus::NotYet);
    const Credential back = credential_from_doc(ana.doc);
    const ReviewRow& student_work = back.rounds.back().review->rows[2];
    CHECK(student_work.row_id == "criterion-student-work");
    CHECK(student_work.comment == "Show a second sample, from another grade.");

    REQUIRE(reviews.written().size() == 1);
    CHECK(reviews.written().front().candidate == "Ana Pérez");
    CHECK(reviews.written().front().feedback == "Nearly there.");

    // Exported is final: a later change is refused, and exporting again gives the very same file.
    reviews.set_feedback(id, "Changed my mind.");
    CHECK(reviews.draft(id)->draft.feedback == "Nearly there.");
    CHECK(contains(last_notice(jo), "kept as it was sent"));
    reviews.export_review(id);
    jo.settle();
    REQUIRE(jo.platform.downloads.size() == 2);
    CHECK(jo.platform.downloads[1].text == jo.platform.downloads[0].text);
    CHECK(reviews.written().size() == 1);
}

TEST_CASE("Earned is refused until every criterion meets, and a criterion marked not yet afterwards takes it back") {
    SharedStore store;
    Tab jo(store);
    open_file(jo, "ana-submission.json", submitted_work().file);
    Reviews& reviews = jo.wb.reviews();
    const std::string id = reviews.take_opened();
    const CredentialPack pack = reviews.draft(id)->submission->pack;

    reviews.set_verdict(id, "criterion-approach", RowVerdict::Meets);
    reviews.set_decision(id, ReviewDecision::Earned);
    CHECK_FALSE(reviews.draft(id)->draft.decision.has_value());
    CHECK(contains(last_notice(jo), "Earned needs every criterion"));

    mark_all(reviews, id, pack, RowVerdict::Meets);
    reviews.set_decision(id, ReviewDecision::Earned);
    CHECK(reviews.draft(id)->draft.decision == ReviewDecision::Earned);

    reviews.set_verdict(id, "criterion-space", RowVerdict::NotYet);
    CHECK(reviews.draft(id)->draft.decision == ReviewDecision::NotYet);
    CHECK_FALSE(reviews.draft(id)->all_meet);
}

TEST_CASE("an earned review carries a badge signed with the reviewer's key: it checks as intact, and one changed character reads as altered") {
    SharedStore store;
    Candidate ana = submitted_work();
    Tab jo(store);
    open_file(jo, "ana-submission.json", ana.file);
    Reviews& reviews = jo.wb.reviews();
    const std::string id = reviews.take_opened();
    const auto open = reviews.draft(id);
    const std::string hash = open->submission->hash;
    reviews.set_reviewer(id, "Jo Lee");
    mark_all(reviews, id, open->submission->pack, RowVerdict::Meets);
    reviews.set_decision(id, ReviewDecision::Earned);

    reviews.export_review(id);
    CHECK(reviews.exporting());   // the key and the signature are asynchronous
    reviews.export_review(id);    // a second click while signing does nothing more
    jo.settle();
    CHECK_FALSE(reviews.exporting());
    REQUIRE(jo.platform.downloads.size() == 1);
    CHECK(contains(last_notice(jo), "gives them the badge, signed by you"));

    const ReviewRead read = read_review_file(jo.platform.downloads[0].text);
    REQUIRE_MESSAGE(read.ok, read.error);
    CHECK(read.review.decision == ReviewDecision::Earned);
    const std::string jws = read.review.signed_credential;
    REQUIRE_FALSE(jws.empty());

    const Ed25519Verify verify = openssl_verify;
    const BadgeCheck intact = check_badge(reinterpret_cast<const uint8_t*>(jws.data()), jws.size(), verify);
    CHECK(intact.verdict == BadgeVerdict::Intact);
    CHECK(intact.issuer_name == "Jo Lee");
    CHECK(intact.issuer_did.rfind("did:key:z6Mk", 0) == 0);
    CHECK(intact.earner_name == "Ana Pérez");
    CHECK(intact.achievement_name == "Empowering Students as Creators");
    CHECK(intact.submission_sha256 == hash);

    std::string tampered = jws;
    const size_t payload = tampered.find('.') + 10;
    tampered[payload] = tampered[payload] == 'A' ? 'B' : 'A';
    const BadgeCheck altered = check_badge(reinterpret_cast<const uint8_t*>(tampered.data()), tampered.size(), verify);
    CHECK(altered.verdict == BadgeVerdict::Altered);

    // The candidate's Wayfinder takes the review, and the credential is earned.
    CHECK(attach_review_file(ana.doc, jo.platform.downloads[0].text).ok);
    CHECK(credential_status(credential_from_doc(ana.doc)) == CredentialStatus::Earned);
}

TEST_CASE("a review in progress can be removed, and undo brings it back with its marks") {
    SharedStore store;
    Tab jo(store);
    open_file(jo, "ana-submission.json", submitted_work().file);
    Reviews& reviews = jo.wb.reviews();
    const std::string id = reviews.take_opened();
    reviews.set_verdict(id, "criterion-approach", RowVerdict::Meets);
    reviews.remove(id);
    CHECK(reviews.draft_ids().empty());
    jo.wb.undo();
    REQUIRE(reviews.draft(id));
    CHECK(reviews.draft(id)->review.rows.front().verdict == RowVerdict::Meets);
}

TEST_CASE("the review page shows every rubric row with Meets and Not yet, and offers Earned only once every row meets") {
    wf::test::HeadlessImGui imgui(1200, 4000);   // tall: every row is on screen
    SharedStore store;
    Tab jo(store);
    open_file(jo, "ana-submission.json", submitted_work().file);
    Reviews& reviews = jo.wb.reviews();
    ui::UiState ui;
    ui.page = ui::Page::Reviewing;
    ui.reviewing.id = reviews.take_opened();
    auto frames = [&] {
        for (int i = 0; i < 3; i++)
            imgui.frame([&] {
                ui::begin_widgets_frame(ui);
                ui::page_reviewing(jo.wb, ui);
                ui::end_widgets_frame(ui);
            });
    };
    frames();
    const CredentialPack pack = reviews.draft(ui.reviewing.id)->submission->pack;
    for (size_t i = 0; i < pack.rubric.size(); i++) {
        const std::string& criterion = pack.rubric[i].criterion;
        CHECK_MESSAGE(wf::test::find_item("Criterion " + std::to_string(i + 1) + " of 6: " + criterion, "heading"), criterion);
        int choices = 0;
        for (const automation::Record& r : automation::items())
            if (r.role == "radio" && r.group == criterion) choices++;
        CHECK_MESSAGE(choices == 2, criterion);
        CHECK(wf::test::find_item("Your comment on \"" + criterion + "\""));
    }
    CHECK(wf::test::find_item("Picture, 640 × 480 pixels, 1 KB.", "text"));
    auto earned = [] {
        for (const automation::Record& r : automation::items())
            if (r.role == "radio" && r.group == "Decision" && r.label == "Earned") return &r;
        return static_cast<const automation::Record*>(nullptr);
    };
    REQUIRE(earned());
    CHECK(earned()->disabled);
    mark_all(reviews, ui.reviewing.id, pack, RowVerdict::Meets);
    frames();
    REQUIRE(earned());
    CHECK_FALSE(earned()->disabled);
}

TEST_CASE("a Let's Talk journey attached as evidence is named, and saves as its Reflection Guide without joining the reviewer's work") {
    SharedStore store;
    Tab jo(store);
    open_file(jo, "ana-submission.json", submitted_work().file);
    Reviews& reviews = jo.wb.reviews();
    const std::string id = reviews.take_opened();
    const auto open = reviews.draft(id);
    REQUIRE(open->items);
    REQUIRE(open->items->count("e4"));
    CHECK(contains(open->items->at("e4"), "Conversation journey: 2026–27 with Ms. Rivera"));

    reviews.save_item_page(id, "e4");
    REQUIRE(jo.platform.downloads.size() == 1);
    CHECK(jo.platform.downloads[0].name.rfind("wayfinder-reflection-guide-ana-p", 0) == 0);
    CHECK(contains(jo.platform.downloads[0].text, "<html"));
    CHECK(contains(jo.platform.downloads[0].text, "2026–27 with Ms. Rivera"));
    CHECK(jo.wb.keys_with_prefix("journey:").empty());
}
