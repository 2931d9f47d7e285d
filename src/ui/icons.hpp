// Icon glyphs (Fork Awesome, from Debian's fonts-fork-awesome). The build subsets the icon font to
// exactly the code points named in this file (cmake/web_app.cmake scans it), so adding an icon here
// is all it takes.
#pragma once

namespace wf::icon {
inline constexpr const char* kHome       = u8"\uf015";
inline constexpr const char* kAssessment = u8"\uf046";
inline constexpr const char* kTalk       = u8"\uf086";
inline constexpr const char* kBadge      = u8"\uf0a3";
inline constexpr const char* kSettings   = u8"\uf013";
inline constexpr const char* kDownload   = u8"\uf019";
inline constexpr const char* kUpload     = u8"\uf093";
inline constexpr const char* kCamera     = u8"\uf030";
inline constexpr const char* kUndo       = u8"\uf0e2";
inline constexpr const char* kRedo       = u8"\uf01e";
inline constexpr const char* kWarning    = u8"\uf071";
inline constexpr const char* kCheck      = u8"\uf00c";
inline constexpr const char* kRefresh    = u8"\uf021";
inline constexpr const char* kClose      = u8"\uf00d";
inline constexpr const char* kInfo       = u8"\uf05a";
inline constexpr const char* kCopy       = u8"\uf0c5";
inline constexpr const char* kLock       = u8"\uf023";
inline constexpr const char* kPencil     = u8"\uf040";
inline constexpr const char* kCalendar   = u8"\uf073";
} // namespace wf::icon
