// Writes the seed corpora of the fuzz targets from tests/fixtures (nothing is copied into the repo):
//   make_fuzz_seeds <fixtures dir> <seeds dir>
// gives <seeds>/json/ (every JSON fixture, the golden ones included, also without indentation) and
// <seeds>/png/ (the golden snapshots, and a snapshot carrying each JSON fixture).
#include "core/json_limits.hpp"
#include "core/png_snapshot.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_fuzz_seeds <fixtures dir> <seeds dir>\n");
        return 2;
    }
    const fs::path fixtures = argv[1], seeds = argv[2];
    fs::create_directories(seeds / "json");
    fs::create_directories(seeds / "png");
    const uint8_t pixels[2 * 2 * 4] = {0, 0, 0, 255, 255, 255, 255, 255, 200, 30, 30, 255, 30, 30, 200, 255};
    int written = 0;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(fixtures)) {
        const fs::path& path = entry.path();
        const std::string name = fs::relative(path, fixtures).string();
        std::string flat = name;
        for (char& c : flat)
            c = c == '/' ? '-' : c;
        if (path.extension() == ".png") {
            fs::copy_file(path, seeds / "png" / flat, fs::copy_options::overwrite_existing);
            written++;
        } else if (path.extension() == ".json") {
            fs::copy_file(path, seeds / "json" / flat, fs::copy_options::overwrite_existing);
            std::ifstream file(path, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
            // Without indentation too: the fuzzer seldom strips it by mutation.
            const wf::ParsedJson parsed = wf::parse_json_limited(text);
            if (parsed.ok) {
                std::ofstream(seeds / "json" / ("compact-" + flat)) << parsed.value.dump();
                written++;
            }
            const std::vector<uint8_t> png = wf::encode_png_with_text(pixels, 2, 2, wf::kSnapshotKeyword, text);
            std::ofstream(seeds / "png" / (flat + ".png"), std::ios::binary)
                .write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size()));
            written += 2;
        }
    }
    std::printf("make_fuzz_seeds: %d seeds from %s\n", written, fixtures.c_str());
    return written > 0 ? 0 : 1;
}
