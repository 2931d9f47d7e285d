// Evidence pictures in the app: a picture dropped or pasted anywhere goes to the page that takes
// pictures, or is explained; pictures on screen load, fit, fail and give their textures back.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "core/png_snapshot.hpp"
#include "ui/app_view.hpp"
#include "ui/image_view.hpp"
#include "ui/ui_state.hpp"

using namespace wf;
using wf::test::find_item;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {

// A real PNG of that size (a text chunk of another program's keyword: a plain picture, not a snapshot).
std::vector<uint8_t> png(int width, int height) {
    const std::vector<uint8_t> rgba((size_t)width * height * 4, 180);
    return encode_png_with_text(rgba.data(), width, height, "Comment", "drawn for a test");
}
std::string as_text(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }

bool any_notice(const Workbench& wb, Notice::Kind kind, const std::string& part) {
    for (const Notice& n : wb.notices())
        if (n.kind == kind && n.text.find(part) != std::string::npos) return true;
    return false;
}

// The textures the last frame drew with, other than the font atlas.
std::vector<uint32_t> drawn_pictures() {
    std::vector<uint32_t> all;
    const ImDrawData* data = ImGui::GetDrawData();
    const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
    for (int n = 0; data && n < data->CmdListsCount; n++)
        for (const ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer)
            if (cmd.TextureId != atlas && cmd.ElemCount) all.push_back((uint32_t)(intptr_t)cmd.TextureId);
    return all;
}

const automation::Record* picture(const std::string& caption) { return find_item(caption, "image"); }

// Lets ImGui's clock pass `seconds` in one frame (pictures age by frame time).
void let_time_pass(HeadlessImGui& imgui, double seconds, const std::function<void()>& draw) {
    ImGui::GetIO().DeltaTime = (float)seconds;
    imgui.frame(draw);
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
}

} // namespace

TEST_CASE("a picture dropped on the page that gathers evidence is stored, then handed to that page") {
    SharedStore store;
    Tab tab(store);
    std::vector<StoredImage> received;
    tab.wb.set_image_drop_target([&](const StoredImage& image) { received.push_back(image); });
    tab.wb.on_file_opened("poster.png", png(40, 30));
    CHECK(received.empty());   // stored first: the page hears once the browser has kept it
    tab.platform.deliver();
    REQUIRE(received.size() == 1);
    CHECK(received[0].ok);
    CHECK(received[0].mime == "image/png");
    CHECK(received[0].width == 40);
    CHECK(received[0].height == 30);
    CHECK(store.blobs.count(received[0].blob_key) == 1);
    CHECK(tab.wb.notices().empty());
}

TEST_CASE("a picture dropped where nothing takes pictures says where they go, and keeps nothing") {
    SharedStore store;
    Tab tab(store);
    tab.wb.on_file_opened("IMG_2041.png", png(8, 8));
    tab.platform.deliver();
    CHECK(store.blobs.empty());
    CHECK(any_notice(tab.wb, Notice::Kind::Info, "\"IMG_2041.png\" is a picture. Pictures are kept as evidence for a micro-credential: "
                                                 "open Micro-credential and drop or paste it there."));
    CHECK(tab.wb.staged_import() == nullptr);
}

TEST_CASE("a picture the browser cannot keep is refused with its reason, and the page hears nothing") {
    SharedStore store;
    Tab tab(store);
    int heard = 0;
    tab.wb.set_image_drop_target([&](const StoredImage&) { heard++; });
    // A GIF is a picture by its first bytes; this (fake) browser decodes only PNG, JPEG and WebP.
    const std::string gif = "GIF89a\x01\0\x01\0";
    tab.wb.on_file_opened("animation.gif", std::vector<uint8_t>(gif.begin(), gif.end()));
    tab.platform.deliver();
    CHECK(heard == 0);
    CHECK(any_notice(tab.wb, Notice::Kind::Error, "\"animation.gif\" was not added. That file is not a picture"));
}

TEST_CASE("a Wayfinder snapshot dropped while the evidence page is open still opens as a snapshot, not as a picture") {
    SharedStore store;
    Tab tab(store);
    int heard = 0;
    tab.wb.set_image_drop_target([&](const StoredImage&) { heard++; });
    const std::vector<uint8_t> rgba(4 * 4 * 4, 90);
    SharedStore elsewhere;
    Tab other(elsewhere);
    other.edit_profile("name", "Ana");
    const std::string workspace = other.wb.workspace_share_text();
    tab.wb.on_file_opened("wheel.png", encode_png_with_text(rgba.data(), 4, 4, kSnapshotKeyword, workspace));
    tab.platform.deliver();
    CHECK(heard == 0);
    CHECK(store.blobs.empty());
    CHECK(tab.wb.staged_import() != nullptr);
}

TEST_CASE("the place that takes pictures lasts one frame: a picture dropped after its page was left is not added to it") {
    SharedStore store;
    Tab tab(store);
    HeadlessImGui imgui;
    imgui.own_window = false;
    ui::UiState state;
    state.page = ui::Page::Home;
    int heard = 0;
    tab.wb.set_image_drop_target([&](const StoredImage&) { heard++; });
    imgui.frame([&] { ui::draw_app(tab.wb, state); });   // a frame of a page that takes no pictures
    tab.wb.on_file_opened("late.png", png(8, 8));
    tab.platform.deliver();
    CHECK(heard == 0);
    CHECK(store.blobs.empty());
    CHECK(any_notice(tab.wb, Notice::Kind::Info, "open Micro-credential"));
}

TEST_CASE("a stored picture shows a grey box saying it is loading, then the picture fitted into its room") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    const std::vector<uint8_t> bytes = png(400, 300);
    StoredImage stored;
    tab.wb.add_image(bytes.data(), bytes.size(), "image/png", [&](const StoredImage& image) { stored = image; });
    tab.platform.deliver();
    REQUIRE(stored.ok);

    HeadlessImGui imgui;
    ui::ImageRef ref;
    ref.blob_key = stored.blob_key;
    ref.caption = "Grade 4 stop-motion storyboard";
    const auto draw = [&] { ui::image_view(tab.wb, "storyboard", ref, ImVec2(200, 200)); };
    imgui.frame(draw);
    const automation::Record* loading = picture(ref.caption);
    REQUIRE(loading);
    CHECK(*loading->value == "loading");
    CHECK(drawn_pictures().empty());
    // Asked at about the size it is drawn (in steps of 64 pixels), not the picture's own size.
    REQUIRE(tab.platform.picture_loads.size() == 1);
    CHECK(tab.platform.picture_loads[0].max_width == 256);

    tab.platform.deliver();
    imgui.frame(draw);
    const automation::Record* shown = picture(ref.caption);
    REQUIRE(shown);
    CHECK(*shown->value == "shown");
    CHECK(shown->w == 200);   // 400 x 300 fitted into 200 x 200, its shape kept
    CHECK(shown->h == 150);
    CHECK(drawn_pictures() == std::vector<uint32_t>{*tab.platform.textures.begin()});
    CHECK(tab.platform.picture_loads.size() == 1);   // once loaded, drawn from the texture every frame
}

TEST_CASE("a small picture is never blown up, and one of unknown size takes its own shape once it loads") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    const std::string bytes = as_text(png(120, 60));
    HeadlessImGui imgui;
    ui::ImageRef ref;
    ref.bytes = &bytes;   // from a file: shown without being stored
    ref.mime = "image/png";
    ref.caption = "Badge sketch";
    const auto draw = [&] { ui::image_view(tab.wb, "sketch", ref, ImVec2(400, 400)); };
    imgui.frame(draw);
    CHECK(picture("Badge sketch")->w == 400);   // a 4:3 box while its size is unknown
    CHECK(picture("Badge sketch")->h == 300);
    tab.platform.deliver();
    imgui.frame(draw);
    CHECK(*picture("Badge sketch")->value == "shown");
    CHECK(picture("Badge sketch")->w == 120);
    CHECK(picture("Badge sketch")->h == 60);
    CHECK(store.blobs.empty());
}

TEST_CASE("a picture no longer on this device, or one given no bytes, says it cannot be shown") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    HeadlessImGui imgui;
    ui::ImageRef gone;
    gone.blob_key = "image-from-another-device";
    gone.caption = "Library makerspace";
    ui::ImageRef empty;
    empty.caption = "Nothing inside";
    const auto draw = [&] {
        ui::image_view(tab.wb, "gone", gone, ImVec2(200, 200));
        ui::image_view(tab.wb, "empty", empty, ImVec2(200, 200));
    };
    imgui.frame(draw);
    CHECK(*picture("Nothing inside")->value == "failed");
    tab.platform.deliver();
    imgui.frame(draw);
    CHECK(*picture("Library makerspace")->value == "failed");
    CHECK(drawn_pictures().empty());
    tab.platform.deliver();
    imgui.frame(draw);
    CHECK(tab.platform.picture_loads.size() == 1);   // a failed picture is not asked for again on every frame
}

TEST_CASE("the same picture in two places is decoded once") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    const std::vector<uint8_t> bytes = png(64, 64);
    StoredImage stored;
    tab.wb.add_image(bytes.data(), bytes.size(), "image/png", [&](const StoredImage& image) { stored = image; });
    tab.platform.deliver();
    HeadlessImGui imgui;
    ui::ImageRef a, b;
    a.blob_key = b.blob_key = stored.blob_key;
    a.caption = "In the evidence list";
    b.caption = "In the review";
    const auto draw = [&] {
        ui::image_view(tab.wb, "a", a, ImVec2(64, 64));
        ui::image_view(tab.wb, "b", b, ImVec2(64, 64));
    };
    imgui.frame(draw);
    tab.platform.deliver();
    imgui.frame(draw);
    CHECK(tab.platform.picture_loads.size() == 1);
    CHECK(drawn_pictures().size() == 2);
    CHECK(tab.platform.textures.size() == 1);
}

TEST_CASE("a picture out of sight for a while gives its texture back, and loads again when it returns") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    const std::string bytes = as_text(png(100, 100));
    HeadlessImGui imgui;
    ui::ImageRef ref;
    ref.bytes = &bytes;
    ref.caption = "Poster";
    bool visible = true;
    const auto draw = [&] {
        ui::release_unseen_pictures(tab.wb);
        if (visible) ui::image_view(tab.wb, "poster", ref, ImVec2(100, 100));
    };
    imgui.frame(draw);
    tab.platform.deliver();
    imgui.frame(draw);
    REQUIRE(tab.platform.textures.size() == 1);

    visible = false;
    let_time_pass(imgui, ui::kPictureKeepSeconds / 2, draw);
    imgui.frame(draw);
    CHECK(tab.platform.textures.size() == 1);   // back soon: still there
    let_time_pass(imgui, ui::kPictureKeepSeconds, draw);
    imgui.frame(draw);
    CHECK(tab.platform.textures.empty());

    visible = true;
    imgui.frame(draw);
    CHECK(*picture("Poster")->value == "loading");
    tab.platform.deliver();
    imgui.frame(draw);
    CHECK(*picture("Poster")->value == "shown");
    CHECK(tab.platform.picture_loads.size() == 2);
}

TEST_CASE("a picture drawn larger than its texture gets a sharper copy, and the first one is given back") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    const std::string bytes = as_text(png(1600, 1200));
    HeadlessImGui imgui(1200, 1000);
    ui::ImageRef ref;
    ref.bytes = &bytes;
    ref.width = 1600;
    ref.height = 1200;
    ref.caption = "Makerspace floor plan";
    float room = 200;
    const auto draw = [&] { ui::image_view(tab.wb, "plan", ref, ImVec2(room, room)); };
    imgui.frame(draw);
    tab.platform.deliver();
    imgui.frame(draw);
    REQUIRE(tab.platform.textures.size() == 1);
    const uint32_t small = *tab.platform.textures.begin();

    room = 800;   // the window grew
    imgui.frame(draw);
    REQUIRE(tab.platform.picture_loads.size() == 2);
    CHECK(tab.platform.picture_loads[1].max_width == 832);
    CHECK(drawn_pictures() == std::vector<uint32_t>{small});   // the smaller copy stays until the sharper one comes
    tab.platform.deliver();
    imgui.frame(draw);
    REQUIRE(tab.platform.textures.size() == 1);
    CHECK(*tab.platform.textures.begin() != small);
    CHECK(drawn_pictures() == std::vector<uint32_t>{*tab.platform.textures.begin()});
}

TEST_CASE("after the graphics context is lost, pictures load again, and replies to older loads are given back") {
    ui::forget_pictures();
    SharedStore store;
    Tab tab(store);
    const std::string bytes = as_text(png(50, 50));
    HeadlessImGui imgui;
    ui::ImageRef ref;
    ref.bytes = &bytes;
    ref.caption = "Reading nook";
    const auto draw = [&] { ui::image_view(tab.wb, "nook", ref, ImVec2(50, 50)); };
    imgui.frame(draw);
    ui::forget_pictures();   // lost while loading
    tab.platform.deliver();
    CHECK(tab.platform.textures.empty());   // the late texture was given back
    imgui.frame(draw);
    CHECK(*picture("Reading nook")->value == "loading");
    tab.platform.deliver();
    imgui.frame(draw);
    CHECK(*picture("Reading nook")->value == "shown");
}
