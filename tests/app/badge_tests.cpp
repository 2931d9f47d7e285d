// The badge as the app handles it: the picture drawn and saved with its signed credential baked in
// (ui/badge_image), and a dropped badge checked with the platform's signature check and shown
// (app/badge_check, ui/badge_check_view). The fake platform signs and checks with OpenSSL's Ed25519,
// as the browser does with Web Crypto's.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "app/badge_check.hpp"
#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "core/did_key.hpp"
#include "core/open_badge.hpp"
#include "core/png_snapshot.hpp"
#include "ui/badge_check_view.hpp"
#include "ui/badge_image.hpp"

using namespace wf;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

BadgeFacts sample_facts() {
    BadgeFacts f;
    f.credential_uuid = "5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90";
    f.achievement = {"urn:wayfinder:credential:empowering-students-as-creators", "Empowering Students as Creators",
                     "The librarian builds a culture in which students make, code, film and publish.",
                     "An overview, evidence and a reflection that meet every rubric row."};
    f.earner_name = "Ana Pérez";
    f.earner_id = "urn:uuid:0b8e1c52-7d7a-4f5e-a0a9-3c2e1f6d4b11";
    f.issuer_name = "Jordan Lee";
    f.valid_from = "2026-11-29T19:03:53Z";
    f.submission_sha256 = "293f1d2ee206a7cbebe633764a26ea455bd39f494a774a7289f8663da31916a2";
    f.evidence_description = "The second-round submission.";
    return f;
}

// A badge signed by this tab's own key, through the Workbench's requests, as a reviewer's would be.
std::string signed_badge(Tab& tab, BadgeFacts facts = sample_facts()) {
    std::string public_key, signature;
    tab.wb.load_signing_key(true, [&](const std::string& key, const std::string&) { public_key = key; });
    tab.platform.deliver();
    REQUIRE(public_key.size() == 32);
    Ed25519PublicKey key{};
    std::memcpy(key.data(), public_key.data(), 32);
    facts.issuer_did = did_key_from_ed25519(key);
    const BadgeSigningInput input = badge_signing_input(facts);
    REQUIRE(input.ok);
    tab.wb.sign(input.signing_input, [&](const std::string& s, const std::string&) { signature = s; });
    tab.platform.deliver();
    REQUIRE(signature.size() == 64);
    Ed25519Signature sig{};
    std::memcpy(sig.data(), signature.data(), 64);
    return compact_jws(input.signing_input, sig);
}

std::vector<uint8_t> bytes_of(const std::string& text) { return std::vector<uint8_t>(text.begin(), text.end()); }

std::vector<uint8_t> badge_picture(const std::string& jws) {
    const std::vector<uint8_t> pixels(8 * 8 * 4, 0x80);
    const std::vector<uint8_t> png = encode_png_with_text(pixels.data(), 8, 8, kSnapshotKeyword, "{}");
    const BakedBadge baked = bake_badge(png.data(), png.size(), jws);
    REQUIRE(baked.ok);
    return baked.png;
}

// Each iTXt chunk of a PNG: its keyword and its compression flag.
std::vector<std::pair<std::string, int>> text_chunks(const std::string& png) {
    std::vector<std::pair<std::string, int>> chunks;
    size_t at = 8;
    while (at + 12 <= png.size()) {
        const auto u8 = [&](size_t i) { return (uint32_t)(uint8_t)png[i]; };
        const uint32_t length = (u8(at) << 24) | (u8(at + 1) << 16) | (u8(at + 2) << 8) | u8(at + 3);
        if (png.compare(at + 4, 4, "iTXt") == 0) {
            const std::string keyword = png.substr(at + 8, png.find('\0', at + 8) - (at + 8));
            chunks.push_back({keyword, (int)(uint8_t)png[at + 8 + keyword.size() + 1]});
        }
        at += 12 + length;
    }
    return chunks;
}

const ui::BadgeLook kLook{"Empowering Students as Creators", "Ana Pérez", "November 29, 2026", "Jordan Lee"};

} // namespace

// [SECTION] The badge picture ---------------------------------------------------------------------

TEST_CASE("a badge picture is 400, 800 or 1200 pixels a side: drawn at each size, not enlarged") {
    CHECK(ui::plan_badge(1).side == 400);
    CHECK(ui::plan_badge(2).side == 800);
    CHECK(ui::plan_badge(3).side == 1200);
    CHECK(ui::plan_badge(3).scale == 3.0f);
    CHECK(ui::plan_badge(0).side == 400);
    CHECK(ui::plan_badge(7).side == 1200);

    HeadlessImGui imgui;
    for (int scale = 1; scale <= 3; scale++) {
        ui::build_fonts((float)scale);
        const ui::BadgePlan plan = ui::plan_badge(scale);
        ui::draw_badge(kLook, plan);
        const ImDrawData* data = ImGui::GetDrawData();
        REQUIRE(data);
        CHECK(data->DisplaySize.x == (float)plan.side);
        CHECK(data->DisplaySize.y == (float)plan.side);
        CHECK(data->TotalVtxCount > 100);
        // Text drawn from fonts rasterised for this scale: the lines grow with it.
        const std::vector<ui::BadgeLine> lines = ui::badge_lines(kLook, plan);
        REQUIRE(!lines.empty());
        CHECK(lines[0].height == doctest::Approx(ui::fonts().small->FontSize));
    }
}

TEST_CASE("a badge names the credential, the earner, the date and the reviewer, every line inside the medallion") {
    HeadlessImGui imgui;
    for (int scale = 1; scale <= 3; scale++) {
        ui::build_fonts((float)scale);
        const ui::BadgePlan plan = ui::plan_badge(scale);
        std::string all;
        for (const ui::BadgeLine& line : ui::badge_lines(kLook, plan)) {
            all += line.text + "\n";
            // The face is a circle: a line fits where both its top and bottom corners are inside it.
            const float half = plan.side * 0.5f, face = half - 22.0f * plan.scale;
            for (const float y : {line.top, line.top + line.height}) {
                const float dy = y - half;
                CHECK(line.width * 0.5f < std::sqrt(std::max(0.0f, face * face - dy * dy)));
            }
        }
        CHECK(all.find("MICRO-CREDENTIAL") != std::string::npos);
        CHECK(all.find("Empowering") != std::string::npos);
        CHECK(all.find("Creators") != std::string::npos);
        CHECK(all.find("Earned by\nAna Pérez\n") != std::string::npos);
        CHECK(all.find("November 29, 2026") != std::string::npos);
        CHECK(all.find("Reviewed by Jordan Lee") != std::string::npos);
    }
}

TEST_CASE("a title or a name too long for the badge is wrapped, then cut with an ellipsis, never drawn past its edge") {
    HeadlessImGui imgui;
    ui::build_fonts(1.0f);
    ui::BadgeLook look = kLook;
    look.credential_title = "Empowering Students as Creators of Podcasts, Films, Games, Robots, Zines, Murals, Songs, "
                            "Stop-Motion Animations, Websites and Much More Besides, in Every Subject";
    look.earner = "Maria Fernanda de los Angeles Gutierrez-Villanueva y Montenegro Santiago";
    const ui::BadgePlan plan = ui::plan_badge(1);
    int titles = 0, names = 0;
    std::string last_title, last_name;
    for (const ui::BadgeLine& line : ui::badge_lines(look, plan)) {
        if (line.style == ui::BadgeLine::Style::Title) { titles++; last_title = line.text; }
        if (line.style == ui::BadgeLine::Style::Name) { names++; last_name = line.text; }
        CHECK(line.width <= plan.side - 2 * 22.0f);
    }
    CHECK(titles == 3);
    CHECK(names == 2);
    CHECK(last_title.size() >= 3);
    CHECK(last_title.compare(last_title.size() - 3, 3, "…") == 0);
    CHECK(last_name.compare(last_name.size() - 3, 3, "…") == 0);
}

TEST_CASE("asking for a badge picture draws it once the frame is over, once") {
    SharedStore store;
    Tab tab(store);
    CHECK_FALSE(ui::take_badge_request());
    ui::export_badge(tab.wb, kLook, "a.b.c", 2, "wayfinder-badge.png");
    const std::optional<ui::BadgeRequest> request = ui::take_badge_request();
    REQUIRE(request);
    CHECK(request->look.earner == "Ana Pérez");
    CHECK(request->jws == "a.b.c");
    CHECK(request->scale == 2);
    CHECK(request->file_name == "wayfinder-badge.png");
    CHECK_FALSE(ui::take_badge_request());
}

TEST_CASE("a saved badge carries its signed credential in exactly one uncompressed openbadgecredential chunk, and checks as intact") {
    SharedStore store;
    Tab tab(store);
    const std::string jws = signed_badge(tab);
    REQUIRE(jws.size() > 1024);   // long enough that the picture encoder alone would have compressed it
    const ui::BadgePlan plan = ui::plan_badge(1);
    const std::vector<uint8_t> pixels((size_t)plan.side * plan.side * 4, 0xC0);
    ui::save_badge(tab.wb, {kLook, jws, 1, "wayfinder-badge-2026-11-29.png"}, plan, pixels);

    REQUIRE(tab.platform.downloads.size() == 1);
    CHECK(tab.platform.downloads[0].name == "wayfinder-badge-2026-11-29.png");
    const std::string& png = tab.platform.downloads[0].text;
    const auto chunks = text_chunks(png);
    REQUIRE(chunks.size() == 1);
    CHECK(chunks[0].first == "openbadgecredential");
    CHECK(chunks[0].second == 0);
    const BakedText baked = read_baked_badge(reinterpret_cast<const uint8_t*>(png.data()), png.size());
    REQUIRE(baked.ok);
    CHECK(baked.text == jws);
    REQUIRE(tab.wb.notices().size() == 1);
    CHECK(tab.wb.notices()[0].kind == Notice::Kind::Success);
    CHECK(tab.wb.notices()[0].text.find("Saved your badge wayfinder-badge-2026-11-29.png (400 × 400 pixels).") == 0);

    tab.wb.on_file_opened("wayfinder-badge-2026-11-29.png", std::vector<uint8_t>(png.begin(), png.end()));
    tab.platform.deliver();
    REQUIRE(tab.wb.badge_checker().result());
    CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::Intact);
}

TEST_CASE("a badge picture that could not be drawn is not saved, and the librarian is told") {
    SharedStore store;
    Tab tab(store);
    ui::save_badge(tab.wb, {kLook, "a.b.c", 1, "badge.png"}, ui::plan_badge(1), {});
    CHECK(tab.platform.downloads.empty());
    REQUIRE(tab.wb.notices().size() == 1);
    CHECK(tab.wb.notices()[0].kind == Notice::Kind::Error);
    CHECK(tab.wb.notices()[0].text == "The badge picture could not be made. Try again, or choose a smaller size in Data & settings.");
}

// [SECTION] Checking a dropped badge --------------------------------------------------------------

TEST_CASE("a dropped badge picture is checked with the browser's signature check: intact, with who issued it, to whom, what and when") {
    SharedStore store;
    Tab reviewer(store);
    const std::string jws = signed_badge(reviewer);
    SharedStore other;
    Tab anyone(other);
    anyone.wb.on_file_opened("ana-badge.png", badge_picture(jws));
    const BadgeChecker& checker = anyone.wb.badge_checker();
    CHECK(checker.shown());
    CHECK(checker.checking());   // the browser answers later
    CHECK(checker.file_name() == "ana-badge.png");
    anyone.platform.deliver();
    REQUIRE(checker.result());
    const BadgeCheck& check = *checker.result();
    CHECK(check.verdict == BadgeVerdict::Intact);
    CHECK(check.issuer_name == "Jordan Lee");
    CHECK(check.earner_name == "Ana Pérez");
    CHECK(check.achievement_name == "Empowering Students as Creators");
    CHECK(check.valid_from == "2026-11-29T19:03:53Z");
    CHECK(checker.intact_jws() == jws);
    // Checked, not imported: nothing of the badge joins the librarian's work.
    CHECK_FALSE(anyone.wb.staged_import());
    CHECK(anyone.wb.notices().empty());
}

TEST_CASE("a badge with one byte changed after signing is shown as altered") {
    SharedStore store;
    Tab tab(store);
    std::string jws = signed_badge(tab);
    const size_t dot = jws.find('.');
    // A character of the payload, and a character of the signature, each changed on its own.
    for (const size_t at : {dot + 40, jws.rfind('.') + 10}) {
        std::string changed = jws;
        changed[at] = changed[at] == 'A' ? 'B' : 'A';
        tab.wb.on_file_opened("badge.png", badge_picture(changed));
        tab.platform.deliver();
        REQUIRE(tab.wb.badge_checker().result());
        CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::Altered);
        CHECK(tab.wb.badge_checker().intact_jws().empty());
    }
}

TEST_CASE("a signed badge file (.jws) is checked like a badge picture, and a JWS pasted as text too") {
    SharedStore store;
    Tab tab(store);
    const std::string jws = signed_badge(tab);
    tab.wb.on_file_opened("credential.jws", bytes_of("\n" + jws + "\n"));
    tab.platform.deliver();
    REQUIRE(tab.wb.badge_checker().result());
    CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::Intact);
    CHECK(tab.wb.badge_checker().intact_jws() == jws);

    tab.wb.badge_checker().close();
    tab.wb.on_file_opened("pasted text.json", bytes_of(jws));
    tab.platform.deliver();
    REQUIRE(tab.wb.badge_checker().result());
    CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::Intact);

    tab.wb.badge_checker().close();
    tab.wb.on_file_opened("notes.jws", bytes_of("just some words"));
    REQUIRE(tab.wb.badge_checker().result());   // nothing to ask the browser: answered at once
    CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::NotABadge);
}

TEST_CASE("pictures and files that are not badges keep their own routes") {
    CHECK_FALSE(BadgeChecker::is_badge_file("snapshot.png", [] {
        const std::vector<uint8_t> pixels(4 * 4 * 4, 0);
        return encode_png_with_text(pixels.data(), 4, 4, kSnapshotKeyword, "{\"type\":\"x\"}");
    }()));
    CHECK_FALSE(BadgeChecker::is_badge_file("backup.json", bytes_of("{\"type\":\"wayfinder.workspace\"}")));
    CHECK_FALSE(BadgeChecker::is_badge_file("notes.txt", bytes_of("one. two. three")));
    CHECK(BadgeChecker::is_badge_file("b.jws", bytes_of("x")));
    CHECK(BadgeChecker::is_badge_file("B.JWS", bytes_of("x")));

    SharedStore store;
    Tab tab(store);
    const std::vector<uint8_t> pixels(4 * 4 * 4, 0);
    const std::vector<uint8_t> plain = encode_png_with_text(pixels.data(), 4, 4, "Comment", "hello");
    tab.wb.on_file_opened("photo.png", plain);
    CHECK_FALSE(tab.wb.badge_checker().shown());
}

TEST_CASE("a badge picture whose bytes were damaged is still reported as a badge that cannot be read") {
    SharedStore store;
    Tab tab(store);
    std::vector<uint8_t> png = badge_picture(signed_badge(tab));
    const std::string text(png.begin(), png.end());
    png[text.find("iTXtopenbadgecredential") + 60] ^= 0x01;   // inside the chunk: its checksum no longer matches
    tab.wb.on_file_opened("badge.png", png);
    tab.platform.deliver();
    REQUIRE(tab.wb.badge_checker().result());
    CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::NotABadge);
    CHECK(tab.wb.badge_checker().result()->message.find("damaged") != std::string::npos);
    CHECK_FALSE(tab.wb.staged_import());
}

TEST_CASE("a badge opened while another is being checked shows only the newer one's outcome") {
    SharedStore store;
    Tab tab(store);
    const std::string jws = signed_badge(tab);
    std::string altered = jws;
    altered[jws.find('.') + 40] = altered[jws.find('.') + 40] == 'A' ? 'B' : 'A';
    tab.wb.on_file_opened("first.png", badge_picture(altered));
    tab.wb.on_file_opened("second.png", badge_picture(jws));
    tab.platform.deliver();   // both answers arrive; the first one's is no longer wanted
    REQUIRE(tab.wb.badge_checker().result());
    CHECK(tab.wb.badge_checker().file_name() == "second.png");
    CHECK(tab.wb.badge_checker().result()->verdict == BadgeVerdict::Intact);

    tab.wb.on_file_opened("third.png", badge_picture(jws));
    tab.wb.badge_checker().close();
    tab.platform.deliver();   // an answer after closing shows nothing
    CHECK_FALSE(tab.wb.badge_checker().shown());
    CHECK_FALSE(tab.wb.badge_checker().result());
}

TEST_CASE("the badge check dialog says whether to believe the badge, what it says, and saves an intact one as a picture") {
    SharedStore store;
    Tab tab(store);
    const std::string jws = signed_badge(tab);
    HeadlessImGui imgui(1000, 800);
    imgui.own_window = false;
    ui::UiState ui;
    const auto draw = [&] { ui::draw_badge_check(tab.wb, ui); };

    tab.wb.on_file_opened("credential.jws", bytes_of(jws));
    imgui.frames_until_idle(draw);
    CHECK(wf::test::find_item("Checking the signature…", "status"));
    tab.platform.deliver();
    imgui.frames_until_idle(draw);
    CHECK(wf::test::find_item("Intact: unchanged since it was signed", "status"));
    CHECK(wf::test::find_item("Credential: Empowering Students as Creators", "text"));
    CHECK(wf::test::find_item("Earned by: Ana Pérez", "text"));
    CHECK(wf::test::find_item("Issued by: Jordan Lee", "text"));
    CHECK(wf::test::find_item("Issued on: November 29, 2026", "text"));

    const automation::Record* save = wf::test::find_item("Save as a badge picture", "button");
    REQUIRE(save);
    imgui.point_and_click(save->x + save->w / 2, save->y + save->h / 2, draw);
    const std::optional<ui::BadgeRequest> request = ui::take_badge_request();
    REQUIRE(request);
    CHECK(request->jws == jws);
    CHECK(request->look.credential_title == "Empowering Students as Creators");
    CHECK(request->look.date_text == "November 29, 2026");
    CHECK(request->file_name == "wayfinder-badge-empowering-students-as-creators-" + tab.wb.today() + ".png");

    // An altered badge: no save button, and what it claims is marked as not to be relied on.
    std::string altered = jws;
    altered[jws.find('.') + 40] = altered[jws.find('.') + 40] == 'A' ? 'B' : 'A';
    tab.wb.on_file_opened("altered.jws", bytes_of(altered));
    tab.platform.deliver();
    imgui.frames_until_idle(draw);
    CHECK(wf::test::find_item("Altered: changed after it was signed", "status"));
    CHECK_FALSE(wf::test::find_item("Save as a badge picture", "button"));

    const automation::Record* close = wf::test::find_item("Close", "button");
    REQUIRE(close);
    imgui.point_and_click(close->x + close->w / 2, close->y + close->h / 2, draw);
    CHECK_FALSE(tab.wb.badge_checker().shown());
}
