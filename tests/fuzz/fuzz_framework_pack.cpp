// Framework packs a user loads from a file: whatever load_framework_pack() accepts writes out and reads
// back as the same pack, and is kept as a document that restores.
#include "fuzz_support.hpp"

#include "core/document_restore.hpp"
#include "core/framework_pack.hpp"

using namespace wf;
using namespace wf::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const PackLoad load = load_framework_pack(as_text(data, size));
    require_pack_reads_back(load, framework_pack_to_json, framework_pack_from_json);
    if (load.ok)
        require(restore_document(loaded_framework_doc(load.pack), loaded_framework_schema()).ok,
                "a loaded pack is kept as a document that restores");
    return 0;
}
