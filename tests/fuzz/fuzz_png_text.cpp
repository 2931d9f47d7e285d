// PNG snapshots: read_png_text() checks every length and checksum before use and inflates within its
// limit; whatever text it reads goes on to the importers, as a dropped snapshot does, and a snapshot
// written with that text reads back the same.
#include "fuzz_support.hpp"

#include "core/assessment.hpp"
#include "core/item_file.hpp"
#include "core/png_snapshot.hpp"

using namespace wf;
using namespace wf::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    PngLimits small;
    small.max_text_bytes = 2048;
    small.max_width = small.max_height = 64;
    for (const PngLimits& limits : {PngLimits{}, small}) {
        const PngText read = read_png_text(data, size, kSnapshotKeyword, limits);
        if (!read.ok) {
            require(!read.error.empty() && read.text.empty(), "a refused picture says why and gives no text");
            continue;
        }
        require(read.text.size() <= limits.max_text_bytes, "the text is within its limit");
        require(read.width >= 1 && read.width <= limits.max_width && read.height >= 1 &&
                    read.height <= limits.max_height,
                "the header's size is within the limits");

        const uint8_t pixel[4] = {10, 20, 30, 255};
        const std::vector<uint8_t> rewritten = encode_png_with_text(pixel, 1, 1, kSnapshotKeyword, read.text);
        require(!rewritten.empty(), "any text read can be written into a snapshot");
        const PngText reread = read_png_text(rewritten.data(), rewritten.size(), kSnapshotKeyword, limits);
        require(reread.ok && reread.text == read.text, "a snapshot gives its text back", reread.error);

        plan_item_import(read.text, true, "fuzz-copy");
    }
    return 0;
}
