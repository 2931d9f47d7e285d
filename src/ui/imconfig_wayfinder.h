// Dear ImGui build configuration for Wayfinder (selected with IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: WebGL2 has no base-vertex draws, and big maps exceed 64K vertices.
#define ImDrawIdx unsigned int
// Item hooks feed window.wayfinder.items() (src/ui/automation.cpp); later, the screen-reader mirror.
#define IMGUI_ENABLE_TEST_ENGINE
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// No filesystem in the wasm build; nothing is read or written through stdio.
#define IMGUI_DISABLE_FILE_FUNCTIONS
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
// ImFormatString(V) are ours (ui/imgui_format.cpp): ImGui's call vsnprintf, whose float code is large.
#define IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS
#ifdef NDEBUG
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_METRICS_WINDOW
#endif
// ImVec2 arithmetic operators (imgui_internal.h) for our widgets.
#define IMGUI_DEFINE_MATH_OPERATORS
