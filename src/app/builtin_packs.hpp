// The packs this build ships inside the app (assets/frameworks/, assets/journeys/ and assets/credentials/), embedded as
// text at build time ("Embedding framework packs" in CMakeLists.txt), so they work offline. The web
// app and the native tests hand them to the tools through here, so both run the same packs.
#pragma once
#include <vector>

namespace wf {

class Workbench;

struct BuiltinPackTexts {
    std::vector<const char*> frameworks;   // the current framework first
    const char* journey = nullptr;         // Let's Talk
    const char* credential = nullptr;      // Empowering Students as Creators
};

const BuiltinPackTexts& builtin_pack_texts();

// Gives the Workbench's tools the shipped packs (each is parsed on first use).
void use_builtin_packs(Workbench& wb);

} // namespace wf
