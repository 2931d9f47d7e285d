#include "app/builtin_packs.hpp"

#include "app/credentials.hpp"
#include "app/lets_talk.hpp"
#include "app/self_assessment.hpp"
#include "app/workbench.hpp"
#include "frameworks_embedded.hpp"

namespace wf {

const BuiltinPackTexts& builtin_pack_texts() {
    static const BuiltinPackTexts packs{{kFrameworkCurrent, kFrameworkOriginal}, kJourneyLetsTalk, kCredentialCreators};
    return packs;
}

void use_builtin_packs(Workbench& wb) {
    wb.self_assessment().set_builtin_pack_texts(builtin_pack_texts().frameworks);
    wb.lets_talk().set_pack_text(builtin_pack_texts().journey);
    wb.credentials().set_pack_text(builtin_pack_texts().credential);
}

} // namespace wf
