// Journey packs: whatever load_journey_pack() accepts writes out and reads back as the same pack.
#include "fuzz_support.hpp"

#include "core/journey_pack.hpp"

using namespace wf;
using namespace wf::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    require_pack_reads_back(load_journey_pack(as_text(data, size)), journey_pack_to_json, journey_pack_from_json);
    return 0;
}
