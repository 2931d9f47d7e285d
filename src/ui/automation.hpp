// What is on screen, in words: each frame records the visible widgets (label, role, rectangle,
// state) through Dear ImGui's test-engine item hooks plus explicit records for text and status.
// Read-only from JS as window.wayfinder.items(); browser tests find widgets through it, and the
// screen-reader mirror will be built on the same records.
#pragma once
#include <string>

struct ImRect;
typedef unsigned int ImGuiID;

namespace wf::automation {

void begin_frame(bool recording);         // snapshot frames are not recorded
void end_frame();                         // publishes the frame's records to items_json()
void set_next_role(const char* role);     // the next hooked item gets this role (e.g. "tab", "textbox")
void set_next_state(const std::string& state_json_fields); // extra JSON fields, e.g. "\"editing\":true"
// The next hooked item's "value" (a text field's text). Kept as it is and quoted only when the
// records are read: a 5,000-word reflection is not turned into JSON on every frame and keystroke.
void set_next_value(const std::string& value);
// Records a non-interactive item (heading, text, status) with its bounds.
void record_text(const char* role, const std::string& text, const ImRect& rect, const std::string& state_json_fields = "");
// Converts device pixels to CSS pixels in the output.
void set_pixel_ratio(float device_pixels_per_css_pixel);
// The last recorded frame as a JSON array: [{"label","role","id","x","y","w","h",...state}]. "id" is
// the widget's ImGui id (0 for text): stable from frame to frame, and unique among interactive items
// (two widgets with one id in one window act as one: the browser tests fail on any such pair).
const std::string& items_json();

} // namespace wf::automation
