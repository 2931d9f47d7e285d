// The outcome of checking a dropped badge (app/badge_check.hpp), as a dialog over the page: what the
// badge says (the credential, the earner, the issuer, the date) and, first, whether to believe it.
#pragma once
#include "core/open_badge.hpp"
#include "ui/ui_state.hpp"

namespace wf { class Workbench; }

namespace wf::ui {

// The status line's words for each verdict, and while the signature is being checked.
const char* badge_verdict_words(const BadgeCheck& check);
void draw_badge_check(Workbench& wb, UiState& ui);

} // namespace wf::ui
