// The canvas model on a 2,000-note Venn map, natively: what a drag costs the core besides drawing,
// and what 1,000 keyboard moves cost the app layer (the Let's Talk command, its undo step and the next
// frame's read of the journey, over the native fake platform) in time and in memory held.
// Prints the median and p95 in ms of each operation over many runs; no budgets (the frame budget is
// measured in the page, bench/benchmark.mjs). Run by `./wayfinder bench canvas-model`, or by hand:
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench --target canvas_model_bench
//   build-bench/canvas_model_bench [notes] [runs] [edits]

#include "app/builtin_packs.hpp"
#include "app/fake_platform.hpp"
#include "app/lets_talk.hpp"
#include "app/workbench.hpp"
#include "core/canvas.hpp"
#include "core/journey.hpp"
#include "core/journey_maps.hpp"
#include "core/map_templates.hpp"
#include "core/heap_use.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace wf;
using canvas::Vec2;

namespace {

struct Figures {
    double median = 0, p95 = 0;
};

void print(const char* what, const Figures& f)
{
    std::printf("  %-58s %9.3f %9.3f\n", what, f.median, f.p95);
}

double ms_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Nearest-rank percentiles, as bench/benchmark.mjs computes them.
Figures figures(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto rank = [&](double p) { return ms[size_t(std::max(0.0, std::ceil(p / 100 * double(ms.size())) - 1))]; };
    return {rank(50), rank(95)};
}

Figures time_runs(int runs, const std::function<void(int)>& run)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; i++) {
        const auto start = std::chrono::steady_clock::now();
        run(i);
        ms.push_back(ms_since(start));
    }
    return figures(std::move(ms));
}

// A journey whose Venn holds `count` notes spread over the eight regions, placed as reading places them.
Journey venn_journey(int count)
{
    Journey journey;
    journey.id = "bench";
    for (int i = 0; i < count; i++) {
        VennItem item;
        item.id = "n" + std::to_string(i);
        item.text = "Note " + std::to_string(i) + ": a sticky note of a usual length, wrapping once";
        item.region = i % 8;
        journey.research.venn.push_back(std::move(item));
    }
    settle_map_notes(journey);
    return journey;
}

// `edits` arrow-key moves of one note of a `notes`-note Venn journey, through the app as the canvas
// makes them: the journey is stored, read at start-up by a Workbench over the fake platform, and each
// move is LetsTalk::move_map_notes (one undo step) followed by the next frame's read of the journey and
// its scene. The clock runs as a person presses keys; autosave writes once they stop.
void app_edits(int notes, int edits)
{
    test::SharedStore store;
    std::string id;
    {
        test::Tab setup(store);
        use_builtin_packs(setup.wb);
        LetsTalk& lt = setup.wb.lets_talk();
        id = lt.start("Bench map");
        Journey journey = *lt.journey(id);
        journey.research.venn = venn_journey(notes).research.venn;
        nlohmann::json doc = *setup.wb.document(journey_key(id));
        journey_write(doc, journey);
        setup.settle();
        store.records[journey_key(id)] = {doc.dump(), store.records[journey_key(id)].revision + 1};
    }
    const test::HeapHeld held_by_app;
    const auto load_start = std::chrono::steady_clock::now();
    test::Tab tab(store);
    use_builtin_packs(tab.wb);
    LetsTalk& lt = tab.wb.lets_talk();
    const std::string note = map_scene(*lt.journey(id), MapKind::Venn).notes[size_t(notes) / 2].id;
    const double load_ms = ms_since(load_start);
    tab.settle();
    const size_t opened = held_by_app.bytes();

    std::vector<double> edit_ms, frame_ms;
    for (int i = 0; i < edits; i++) {
        tab.platform.clock += 0.15;   // about seven key presses a second
        auto start = std::chrono::steady_clock::now();
        const MapScene before = map_scene(*lt.journey(id), MapKind::Venn);
        const auto found = std::find_if(before.notes.begin(), before.notes.end(), [&](const MapNote& n) { return n.id == note; });
        const Vec2 to{found->pos.x + (i % 2 ? -10 : 10), found->pos.y};
        start = std::chrono::steady_clock::now();
        lt.move_map_notes(id, MapKind::Venn, {{note, to}});
        edit_ms.push_back(ms_since(start));
        start = std::chrono::steady_clock::now();
        volatile size_t drawn = map_scene(*lt.journey(id), MapKind::Venn).notes.size();
        (void)drawn;
        frame_ms.push_back(ms_since(start));
        tab.wb.tick();
        tab.platform.deliver();
    }
    const auto save_start = std::chrono::steady_clock::now();
    tab.settle();
    const double save_ms = ms_since(save_start);
    const size_t after = held_by_app.bytes();
    std::printf("\nThe app layer: %d arrow-key moves of one note of a %d-note Venn journey (ms)\n", edits, notes);
    std::printf("  %-58s %9s %9s\n", "operation", "median", "p95");
    std::printf("  %-58s %9.3f\n", "opening the stored journey (read, restore, first read)", load_ms);
    print("a move as the app records it (command and undo step)", figures(edit_ms));
    print("the next frame's read of the journey and its scene", figures(frame_ms));
    std::printf("  %-58s %9.3f\n", "the autosave write after the moves (the whole journey)", save_ms);
    std::printf("  %-58s %9.1f\n", "memory held by the app with the journey open, MB", double(opened) / 1048576);
    std::printf("  %-58s %9.1f\n", "memory held after the moves (undo history included), MB", double(after) / 1048576);
}

} // namespace

int main(int argc, char** argv)
{
    const int notes = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2000;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
    const int edits = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1000;
    const Journey journey = venn_journey(notes);
    const MapScene scene = map_scene(journey, MapKind::Venn);
    std::vector<canvas::Rect> boxes;
    for (const MapNote& note : scene.notes)
        boxes.push_back(canvas::box_around(note.pos, kNoteSize));
    const canvas::Rect bounds = map_template(MapKind::Venn).bounds;
    std::mt19937 rng(7);
    std::vector<Vec2> points;
    for (int i = 0; i < runs; i++)
        points.push_back({bounds.x0 + double(rng() % 10000) / 10000 * bounds.width(), bounds.y0 + double(rng() % 10000) / 10000 * bounds.height()});
    nlohmann::json doc = new_journey_doc(journey.pack, journey.id, "", "");
    journey_write(doc, journey);

    std::printf("Canvas model: a Venn map of %d notes, %d runs each (ms)\n", notes, runs);
    std::printf("  %-58s %9s %9s\n", "operation", "median", "p95");
    volatile size_t sink = 0;
    print("map_scene (the notes of a map, in reading order)", time_runs(runs, [&](int) { sink = sink + map_scene(journey, MapKind::Venn).notes.size(); }));
    print("hit_test (the note under the pointer)", time_runs(runs, [&](int i) { sink = sink + size_t(canvas::hit_test(boxes, points[size_t(i)]) + 1); }));
    print("boxes_in (a box select over a quarter of the map)", time_runs(runs, [&](int i) {
              const Vec2 p = points[size_t(i)];
              sink = sink + canvas::boxes_in(boxes, {p.x, p.y, p.x + bounds.width() / 2, p.y + bounds.height() / 2}).size();
          }));
    print("place_in (a free spot among all the notes)", time_runs(runs, [&](int i) {
              const Vec2 near = points[size_t(i)];
              sink = sink + size_t(place_in(MapKind::Venn, i % 8, boxes, &near).x);
          }));
    print("move_map_notes (drop 1 note: copy, move, settle)", time_runs(runs, [&](int i) {
              Journey next = journey;
              move_map_notes(next, MapKind::Venn, {{scene.notes[size_t(i) % scene.notes.size()].id, points[size_t(i)]}});
              sink = sink + next.research.venn.size();
          }));
    print("move_map_notes (drop 50 notes at once)", time_runs(runs, [&](int i) {
              Journey next = journey;
              std::vector<MapNoteMove> moves;
              for (int k = 0; k < 50; k++)
                  moves.push_back({scene.notes[size_t(i * 50 + k) % scene.notes.size()].id, points[size_t(i + k) % points.size()]});
              move_map_notes(next, MapKind::Venn, moves);
              sink = sink + next.research.venn.size();
          }));
    print("a drop as the app records it (move, write, read back)", time_runs(runs, [&](int i) {
              Journey next = journey;
              move_map_notes(next, MapKind::Venn, {{scene.notes[size_t(i) % scene.notes.size()].id, points[size_t(i)]}});
              nlohmann::json updated = doc;
              journey_write(updated, next);
              sink = sink + journey_from_doc(updated).research.venn.size();
          }));
    print("settle_map_notes (opening: every note needs a spot)", time_runs(std::max(1, runs / 10), [&](int) {
              Journey fresh = journey;
              for (VennItem& item : fresh.research.venn)
                  item.place = NotePlace{};
              settle_map_notes(fresh);
              sink = sink + fresh.research.venn.size();
          }));
    app_edits(notes, edits);
    return 0;
}
