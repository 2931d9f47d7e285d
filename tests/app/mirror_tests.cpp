// What the screen-reader mirror (library_wayfinder.js) is given besides the widgets: the page's areas
// (its landmarks) and the words to say once, each in the frame where it happens.
#include <doctest/doctest.h>

#include "app/fake_platform.hpp"
#include "app/headless_imgui.hpp"
#include "ui/app_view.hpp"
#include "ui/ui_state.hpp"

using namespace wf;
using automation::Record;
using wf::test::HeadlessImGui;
using wf::test::SharedStore;
using wf::test::Tab;

namespace {
std::vector<Record> with_role(const char* role) {
    std::vector<Record> out;
    for (const Record& r : automation::items())
        if (r.role == role) out.push_back(r);
    return out;
}

const Record* area(const char* role) {
    for (const Record& r : automation::items())
        if (r.role == "area" && r.group == role) return &r;
    return nullptr;
}

struct App {
    SharedStore store;
    Tab tab{store};
    HeadlessImGui imgui{1280, 900};
    ui::UiState state;
    App() { imgui.own_window = false; }
    void frame() {
        state.now_ms = tab.platform.epoch_ms();
        imgui.frame([&] { ui::draw_app(tab.wb, state); });
    }
    // The words said in one frame.
    std::vector<std::string> said(bool assertive = false) {
        frame();
        std::vector<std::string> out;
        for (const Record& r : with_role("say"))
            if (r.checked.value_or(false) == assertive) out.push_back(r.label);
        return out;
    }
};
} // namespace

TEST_CASE("the pages' tabs are in the navigation area and the page in the main one, named by its title") {
    App app;
    app.frame();
    app.frame();
    const Record* nav = area("navigation");
    const Record* main = area("main");
    REQUIRE(nav);
    REQUIRE(main);
    CHECK(nav->label == "Pages");
    CHECK(main->label == "Home");
    const std::vector<Record> tabs = with_role("tab");
    REQUIRE(tabs.size() == 6);
    for (const Record& t : tabs) CHECK(t.area == nav->parent);
    for (const Record& r : automation::items())
        if (r.role == "heading" || r.role == "textbox") CHECK(r.area == main->parent);
    CHECK(area("dialog") == nullptr);

    app.state.page = ui::Page::SelfAssessment;
    app.frame();
    REQUIRE(area("main"));
    CHECK(area("main")->label == "Self-assessment");
}

TEST_CASE("each change is said \"Saved\" once it is written; a failure is said at once, assertively, and once") {
    App app;
    app.frame();
    CHECK(app.said().empty());   // opening the saved work is not news

    app.tab.edit_profile("name", "Ana");
    CHECK(app.said().empty());   // pending: nothing yet
    app.tab.settle();
    CHECK(app.said() == std::vector<std::string>{"Saved"});
    CHECK(app.said().empty());

    app.tab.edit_profile("name", "Ana P.");
    app.frame();
    app.tab.settle();
    CHECK(app.said() == std::vector<std::string>{"Saved"});   // the same words again: a second save

    app.store.fail_next_write = "the disk is full";
    app.tab.edit_profile("name", "Ana Pérez");
    app.frame();
    app.tab.platform.clock += 2;
    app.tab.wb.tick();
    app.tab.platform.deliver();
    const std::vector<std::string> failed = app.said(true);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].rfind("Not saved", 0) == 0);
    CHECK(failed[0].find("the disk is full") != std::string::npos);
    CHECK(app.said(true).empty());
    app.tab.settle();
    CHECK(app.said() == std::vector<std::string>{"Saved"});
}

TEST_CASE("a notice is said once when it appears; an error interrupts") {
    App app;
    app.frame();
    app.tab.wb.notify(Notice::Kind::Success, "Restored from your backup.");
    CHECK(app.said() == std::vector<std::string>{"Restored from your backup."});
    CHECK(app.said().empty());
    app.tab.platform.clock += 1;
    app.tab.wb.notify(Notice::Kind::Error, "That file is not a Wayfinder file.");
    CHECK(app.said(true) == std::vector<std::string>{"That file is not a Wayfinder file."});
    CHECK(app.said(true).empty());
    CHECK(app.said().empty());
}
